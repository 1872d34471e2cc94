"""Photos for e-mail: at most 2,500 pixels on the long side, JPEG, caption and credit written in."""

from __future__ import annotations

import io
from pathlib import Path

from presskit.content import document as c
from presskit.content.kit import DEFAULT_USAGE
from presskit.content.photometa import PhotoMeta, with_metadata
from presskit.errors import ResourceError, error
from presskit.i18n import _

__all__ = ["MAX_SIDE", "mail_photo", "photo_meta", "attachment_name"]

MAX_SIDE = 2500


def photo_meta(figure: c.Figure, lang: str) -> PhotoMeta:
    caption = c.inline_text(figure.caption)
    return PhotoMeta(caption=caption, credit=figure.credit_name or "", usage=figure.usage or DEFAULT_USAGE[lang],
                     alt=figure.alt)


def attachment_name(figure: c.Figure) -> str:
    return Path(figure.file).stem + ".jpg"


def mail_photo(figure: c.Figure, lang: str) -> bytes:
    """The photo as a JPEG no larger than :data:`MAX_SIDE` on its long side; EXIF and the
    colour profile kept, the caption, credit and usage terms written in (XMP and IPTC)."""
    from PIL import Image, ImageOps

    try:
        data = figure.path.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            exif = image.info.get("exif")
            icc = image.info.get("icc_profile")
            if image.format == "JPEG" and max(image.size) <= MAX_SIDE:
                out = data
            else:
                if exif:
                    image = ImageOps.exif_transpose(image)
                    exif = image.info.get("exif", exif)
                if image.mode not in ("RGB", "L", "CMYK"):
                    image = image.convert("RGB")
                image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
                buffer = io.BytesIO()
                options = {"quality": 88, "optimize": True}
                if icc:
                    options["icc_profile"] = icc
                if exif:
                    options["exif"] = exif
                image.save(buffer, "JPEG", **options)
                out = buffer.getvalue()
    except OSError as exc:
        raise ResourceError(error(_("cannot read the photo '{file}'").format(file=figure.file), figure.location,
                                  getattr(exc, "strerror", None) or str(exc))) from None
    return with_metadata(out, photo_meta(figure, lang), figure.file, figure.location)
