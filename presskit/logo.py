"""The brand's logo (SVG, PNG or JPEG) or, without one, a neutral placeholder mark.

The placeholder is deliberately abstract (a rounded square with three bars),
so that nobody mistakes it for an official coat of arms.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from presskit.errors import Location, ResourceError, error
from presskit.i18n import _
from presskit.images import prepare
from presskit.styles import Theme


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
        from svglib.svglib import svg2rlg

        try:
            drawing = svg2rlg(str(path))
        except Exception as exc:  # svglib raises many kinds for bad SVG
            raise ResourceError(
                error(_("logo '{file}' is not a readable SVG file: {reason}").format(file=path.name, reason=exc), location,
                      hint=_("export the logo again as plain SVG or PNG"))
            ) from exc
        if drawing is None or not drawing.width or not drawing.height:
            raise ResourceError(
                error(_("logo '{file}' is not a readable SVG file").format(file=path.name), location,
                      hint=_("export the logo again as plain SVG or PNG"))
            )
        return LogoArt(drawing=drawing, width=float(drawing.width), height=float(drawing.height))
    prepared = prepare(path, box_size_pt * 2, location)
    return LogoArt(image=prepared.data, width=prepared.width, height=prepared.height)


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
        canv.saveState()
        try:
            canv.translate(left, bottom)
            canv.scale(scale, scale)
            renderPDF.draw(art.drawing, canv, 0, 0)
        finally:
            canv.restoreState()
            STATE_DEFAULTS["fontName"] = default_font
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
