"""The brand's logo (SVG, PNG or JPEG) or, without one, a neutral placeholder mark.

The placeholder is deliberately abstract (a rounded square with three bars),
so that nobody mistakes it for an official coat of arms.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from presskit.errors import Location, ResourceError, error
from presskit.i18n import _
from presskit.pdf.images import prepare
from presskit.pdf.styles import Theme


@dataclass(frozen=True)
class LogoArt:
    """A loaded logo: either a vector drawing or prepared image bytes."""

    drawing: object | None = None      # reportlab.graphics.shapes.Drawing
    image: bytes | None = None
    width: float = 1.0                 # intrinsic size, for the aspect ratio
    height: float = 1.0


def load_logo(path: Path, location: Location | None, box_size_pt: float) -> LogoArt:
    """Load and check a logo file; raster logos are prepared at print resolution."""
    if not path.is_file():
        raise ResourceError(error(_("logo file '{file}' not found").format(file=path), location,
                                  hint=_("check the path in the brand file")))
    if path.suffix.lower() == ".svg":
        return LogoArt(**_load_svg(path, location))
    prepared = prepare(path, box_size_pt * 2, location)
    return LogoArt(image=prepared.data, width=prepared.width, height=prepared.height)


#: An SVG logo larger than this, with more elements or more numbers (coordinates) outside
#: embedded images, is refused: a logo has a few hundred elements and some thousand numbers,
#: and svglib takes about a second per 25,000 numbers and 10 kB of memory per number.
MAX_SVG_BYTES = 5_000_000
MAX_SVG_ELEMENTS = 10_000
MAX_SVG_NUMBERS = 60_000
_DATA_URI = re.compile(rb"data:[^\"')\s>]*")
_NUMBER = re.compile(rb"\d+")


def _load_svg(path: Path, location: Location | None) -> dict:
    """The drawing of an SVG logo, within size limits, with external references kept
    inside the logo's folder."""
    import logging
    import math

    from svglib.svglib import svg2rlg

    hint = _("export the logo again as plain SVG or PNG")
    size = path.stat().st_size
    if size > MAX_SVG_BYTES:
        raise ResourceError(error(
            _("logo '{name}' is {size:.1f} MB; an SVG logo may have at most {limit} MB").format(
                name=path.name, size=size / 1e6, limit=MAX_SVG_BYTES // 1_000_000), location, hint=hint))
    data = path.read_bytes()
    elements = data.count(b"<") - data.count(b"</") - data.count(b"<!") - data.count(b"<?")
    if elements > MAX_SVG_ELEMENTS:
        raise ResourceError(error(
            _("logo '{name}' has about {n} elements; an SVG logo may have at most {limit}").format(
                name=path.name, n=elements, limit=MAX_SVG_ELEMENTS), location,
            hint=_("simplify the drawing, or export the logo as PNG")))
    numbers = sum(1 for _match in _NUMBER.finditer(_DATA_URI.sub(b"", data)))
    if numbers > MAX_SVG_NUMBERS:
        raise ResourceError(error(
            _("logo '{name}' has {n} coordinates; an SVG logo may have at most {limit}").format(
                name=path.name, n=numbers, limit=MAX_SVG_NUMBERS), location,
            hint=_("simplify the drawing, or export the logo as PNG")))
    refused: list[str] = []

    class _Refusals(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if "out-of-root" in message:
                refused.append(message.split("'")[1] if message.count("'") >= 2 else message)

    svg_log = logging.getLogger("svglib.svglib")
    handler, propagate = _Refusals(), svg_log.propagate
    svg_log.addHandler(handler)
    svg_log.propagate = False  # its complaints are reported here, located
    try:
        drawing = svg2rlg(str(path), external_reference_root=str(path.resolve().parent))
    except Exception as exc:  # svglib raises many kinds for bad SVG
        raise ResourceError(
            error(_("logo '{name}' is not a readable SVG file: {reason}").format(name=path.name, reason=exc), location, hint=hint)
        ) from exc
    finally:
        svg_log.removeHandler(handler)
        svg_log.propagate = propagate
    if refused:
        raise ResourceError(error(
            _("logo '{name}' refers to '{ref}', outside the logo's folder").format(name=path.name, ref=refused[0]),
            location, hint=_("put the referenced file next to the logo, or embed it in the SVG")))
    usable = drawing is not None and all(
        isinstance(v, (int, float)) and math.isfinite(v) and v > 0 for v in (drawing.width, drawing.height))
    if not usable:
        raise ResourceError(
            error(_("logo '{name}' is not a readable SVG file, or has no usable width and height").format(name=path.name),
                  location, hint=hint)
        )
    return {"drawing": drawing, "width": float(drawing.width), "height": float(drawing.height)}


def draw_logo(canv: Canvas, art: LogoArt | None, theme: Theme, x: float, y: float, size: float) -> None:
    """Draw the logo into the square (x, y, size, size), keeping its aspect ratio."""
    if art is None:
        _draw_placeholder(canv, theme, x, y, size)
        return
    scale = min(size / art.width, size / art.height)
    width, height = art.width * scale, art.height * scale
    left, bottom = x, y + (size - height)  # top-left aligned
    if art.drawing is not None:
        from reportlab.graphics import renderPDF
        from reportlab.graphics.shapes import STATE_DEFAULTS

        # The renderer starts every drawing in its default font (Helvetica, a
        # base-14 font that would end up unembedded in the PDF): use ours.
        default_font = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = theme.fonts.regular
        # A raster <image> in the SVG becomes an inline image in the page's text stream,
        # which ReportLab can only write ASCII85-encoded (the document sets binary streams).
        a85 = rl_config.useA85
        rl_config.useA85 = 1
        canv.saveState()
        try:
            canv.translate(left, bottom)
            canv.scale(scale, scale)
            renderPDF.draw(art.drawing, canv, 0, 0)
        finally:
            canv.restoreState()
            STATE_DEFAULTS["fontName"] = default_font
            rl_config.useA85 = a85
    else:
        canv.drawImage(ImageReader(io.BytesIO(art.image)), left, bottom, width, height)


def _draw_placeholder(canv: Canvas, theme: Theme, x: float, y: float, size: float) -> None:
    canv.saveState()
    canv.setFillColor(theme.colour("primary"))
    canv.roundRect(x, y, size, size, size * 0.16, stroke=0, fill=1)
    canv.setFillColor(theme.colour("white"))
    bar = size * 0.1
    inset = size * 0.2
    for i, share in enumerate((0.6, 0.45, 0.3)):
        top = y + size - inset - i * bar * 2
        canv.rect(x + inset, top - bar, (size - 2 * inset) * share / 0.6, bar, stroke=0, fill=1)
    canv.setFillColor(theme.colour("accent"))
    canv.rect(x + size - inset - bar * 1.6, y + inset, bar * 1.6, bar * 1.6, stroke=0, fill=1)
    canv.restoreState()
