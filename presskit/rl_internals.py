"""The one place where presskit reaches into ReportLab's private internals.

Every name used here starts with ``_`` in ReportLab or is otherwise not part of
its documented API; tests/test_rl_internals.py checks each assumption against
the installed ReportLab, so an upgrade that breaks one fails a test that names
it instead of producing a subtly wrong PDF.

Checked against ReportLab 5.1 (``pyproject.toml`` pins 5.x).
"""

from __future__ import annotations

from typing import Any

import reportlab

#: The ReportLab versions these internals were checked against.
CHECKED_VERSIONS = ("5.",)
VERSION = reportlab.Version


def text_code(text_object: Any) -> list[str]:
    """The list of content-stream pieces a ``PDFTextObject`` has written so far.

    ``PDFTextObject._code``: ``BT`` first; every ``_textOut(text, TStar)`` appends
    exactly one entry (the shown text, with `` T*`` when it ends a line); the
    object's ``getCode()`` joins the entries with spaces. Entries may be added
    (marked-content operators between text-showing operators) or blanked.
    """
    return text_object._code

