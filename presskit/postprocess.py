"""The last stage: the laid-out PDF gets its metadata (and, with a tagger, its structure tree)."""

from __future__ import annotations

import io

import pikepdf


def _pdf_date(value) -> str:
    return value.strftime("D:%Y%m%d%H%M%S")


def finish(pdf: bytes, info, tagger=None) -> bytes:
    """Set the document's dates to the release date and save deterministically."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        stamp = _pdf_date(info.created)
        doc.docinfo["/CreationDate"] = stamp
        doc.docinfo["/ModDate"] = stamp
        doc.Root.Lang = pikepdf.String(info.lang)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
