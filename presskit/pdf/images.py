"""Loading pictures safely, and preparing them for the page at print resolution.

A release may only embed files under its own folder or the brand's folder
(or folders the user allows). Every image is opened with Pillow under a pixel
limit, so decompression bombs and files that are not images are reported, not
crashed on; then it is downsampled to 300 ppi at the size it is placed and
embedded as JPEG (photos) or PNG-like lossless data (graphics with few colours).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from presskit.errors import Location, ResourceError, error
from presskit.i18n import N_, _

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 80_000_000          # a 10,000 × 8,000 photo; larger is refused
PRINT_PPI = 300
JPEG_QUALITY = 85


@dataclass(frozen=True)
class PreparedImage:
    """Pixels ready for embedding: encoded bytes and the pixel size."""

    data: bytes
    width: int
    height: int
    format: str  # "JPEG" or "PNG"

    @property
    def aspect(self) -> float:
        return self.height / self.width


def resolve_path(
    typed: str,
    base_dir: Path,
    allowed_dirs: Iterable[Path],
    location: Location | None,
    what: str = N_("image"),
) -> Path:
    """The file a release names, checked to exist and to stay inside the allowed folders.

    A path the OS rejects (a NUL byte, too long, a symlink loop) is reported, not crashed on.
    """
    try:
        candidate = (base_dir / typed).resolve()
        roots = [Path(d).resolve() for d in allowed_dirs]
        inside = any(candidate == root or root in candidate.parents for root in roots)
        is_file = inside and candidate.is_file()
    except (OSError, ValueError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or ("it contains a NUL character" if "null" in str(exc).lower() else str(exc))
        raise ResourceError(
            error(_("the {what} path '{typed}' cannot be used: {reason}").format(
                what=what, typed=typed.replace("\x00", "\\0"), reason=str(reason).lower()),
                location, hint=_("give a short relative path such as images/photo.jpg"))
        ) from None
    if not inside:
        raise ResourceError(
            error(
                _("{what} '{file}' is outside the release's folder").format(what=_(what), file=typed),
                location,
                hint=_("copy the file next to the release (e.g. into an images/ folder), "
                       "or allow its folder with --allow-dir"),
            )
        )
    if not is_file:
        raise ResourceError(
            error(
                _("{what} file '{file}' not found").format(what=_(what), file=typed),
                location,
                hint=_("the path is relative to the release's folder ({folder}); check its spelling").format(
                    folder=base_dir.resolve()),
            )
        )
    return candidate


def _open(path: Path, location: Location | None):
    from PIL import Image, UnidentifiedImageError

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ResourceError(
            error(
                _("image '{file}' is {size:.0f} MB, more than the {limit} MB presskit accepts").format(
                    file=path.name, size=size / 1048576, limit=MAX_FILE_BYTES // 1048576),
                location,
                hint=_("save a smaller copy (a photo for print needs no more than about 4000 pixels across)"),
            )
        )
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            if image.format not in ("JPEG", "PNG", "GIF", "TIFF", "WEBP", "BMP"):
                raise ResourceError(
                    error(
                        _("'{file}' is a {format} image, which presskit cannot embed").format(
                            file=path.name, format=image.format),
                        location,
                        hint=_("use a JPEG or PNG file"),
                    )
                )
            if image.width * image.height > MAX_PIXELS:
                raise Image.DecompressionBombError("too many pixels")
            image.load()
    except ResourceError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ResourceError(
            error(
                _("image '{file}' is too large to open safely: it has too many pixels").format(file=path.name),
                location,
                hint=_("use an image of at most {limit} megapixels").format(limit=MAX_PIXELS // 1_000_000),
            )
        ) from exc
    except UnidentifiedImageError as exc:
        raise ResourceError(
            error(_("'{file}' is not an image presskit can read").format(file=path.name), location,
                  hint=_("use a JPEG or PNG file"))
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ResourceError(
            error(_("image '{file}' is damaged or unreadable: {reason}").format(file=path.name, reason=exc), location,
                  hint=_("export it again as JPEG or PNG"))
        ) from exc
    return image


def prepare(path: Path, placed_width_pt: float, location: Location | None,
            max_height_pt: float | None = None) -> PreparedImage:
    """Downsample to ``PRINT_PPI`` at the size the image is placed: ``placed_width_pt``
    wide, or narrower when ``max_height_pt`` limits it; flatten transparency onto white."""
    from PIL import Image, ImageOps

    if path.suffix.lower() in (".svg", ".svgz"):
        raise ResourceError(error(
            _("'{name}' is an SVG file; photos in a release must be JPEG or PNG").format(name=path.name),
            location, hint=_("export the graphic as PNG (SVG is accepted only for the brand's logo)")))
    image = _open(path, location)
    image = ImageOps.exif_transpose(image)
    if max_height_pt is not None:
        placed_width_pt = min(placed_width_pt, max_height_pt * image.width / image.height)
    photo = image.format == "JPEG" or image.mode in ("RGB", "CMYK", "YCbCr") and len(image.getbands()) >= 3
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    target_width = max(1, round(placed_width_pt / 72 * PRINT_PPI))
    if image.width > target_width:
        target_height = max(1, round(image.height * target_width / image.width))
        image = image.resize((target_width, target_height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if photo:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False, subsampling="4:2:0")
        fmt = "JPEG"
    else:
        image.save(out, "PNG", optimize=True)
        fmt = "PNG"
    return PreparedImage(out.getvalue(), image.width, image.height, fmt)
