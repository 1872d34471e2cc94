"""Every size, colour and spacing of the document, in one place, looked up by name.

Layout code asks for ``theme.style("body")`` or ``theme.colour("primary")``
and never writes a point size or a hex colour itself. A theme is made from a
brand (colours, fonts, page geometry) and a language (hyphenation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from presskit.pdf.contrast import AA_NORMAL, darkened_for
from presskit.pdf.fonts import FontFamily

PAGE_SIZES = {"A4": A4, "Letter": LETTER}


@dataclass(frozen=True)
class Geometry:
    """Page geometry in points. DIN 5008-inspired: 25 mm left margin, at least 20 mm right."""

    page_width: float
    page_height: float
    margin_top: float
    margin_right: float
    margin_bottom: float
    margin_left: float
    letterhead_height: float = 33 * mm   # page 1: space taken by the letterhead from the top margin
    running_header_height: float = 14 * mm
    footer_height: float = 15 * mm       # from the bottom margin up to the frame
    logo_size: float = 17 * mm
    rule_width: float = 1.4
    hairline: float = 0.5
    letterhead_text_gap: float = 5 * mm    # logo to organisation name
    letterhead_rule_gap: float = 6 * mm    # logo to the coloured rule below it
    accent_rule_length: float = 28 * mm    # the accent-coloured start of a rule
    header_rule_drop: float = 2.5 * mm     # running header baseline to its rule
    header_min_gap: float = 10 * mm        # between the header's left and right text
    footer_rule_gap: float = 2 * mm        # footer rule to text
    footer_page_column: float = 24 * mm    # room kept for "Seite X von Y"

    @property
    def frame_width(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def content_bottom(self) -> float:
        return self.margin_bottom + self.footer_height

    @property
    def first_frame_top(self) -> float:
        return self.page_height - self.margin_top - self.letterhead_height

    @property
    def later_frame_top(self) -> float:
        return self.page_height - self.margin_top - self.running_header_height


# Paragraph styles as (parent, overrides). Sizes in points; colours by name.
_STYLE_TABLE: dict[str, tuple[str | None, dict]] = {
    "base": (None, dict(fontSize=10.5, leading=15, textColor="text", alignment=TA_LEFT, allowWidows=0, allowOrphans=0)),
    "body": ("base", dict(alignment=TA_JUSTIFY, spaceAfter=7, hyphenate=True)),
    "lead": ("body", dict(face="bold", fontSize=11, leading=16, spaceAfter=10, alignment=TA_LEFT)),  # ragged-right
    "title": ("base", dict(face="bold", fontSize=19, leading=23.5, spaceAfter=5, textColor="primary")),
    "subtitle": ("base", dict(fontSize=13, leading=17, spaceAfter=10, textColor="muted")),
    "h2": ("base", dict(face="bold", fontSize=12, leading=16, spaceBefore=9, spaceAfter=4, textColor="primary")),
    "h3": ("base", dict(face="bold", fontSize=10.5, leading=15, spaceBefore=6, spaceAfter=2)),
    "list": ("body", dict(alignment=TA_LEFT, spaceAfter=3)),  # ragged-right: justified list items gape
    "list-label": ("base", dict(alignment=TA_RIGHT, textColor="primary")),
    # markers have their text's size and leading: they sit on its first baseline
    "facts-item-label": ("list-label", dict(fontSize=9.5, leading=13)),
    "link-label": ("list-label", dict(fontSize=9.5, leading=13.5)),
    "quote": ("body", dict(face="italic", fontSize=11.5, leading=17, alignment=TA_LEFT, spaceAfter=3)),
    "quote-attribution": ("base", dict(fontSize=9, leading=12.5, textColor="muted", spaceAfter=0)),
    "box-title": ("base", dict(face="bold", fontSize=10, leading=13.5, textColor="primary", spaceAfter=4)),
    "facts-label": ("base", dict(face="bold", fontSize=9.5, leading=13)),
    "facts-value": ("base", dict(fontSize=9.5, leading=13, hyphenate=True)),
    "facts-item": ("base", dict(fontSize=9.5, leading=13, spaceAfter=2, hyphenate=True)),
    "caption": ("base", dict(fontSize=9, leading=12.5, spaceBefore=3, hyphenate=True)),
    "credit": ("base", dict(fontSize=7.5, leading=10, textColor="muted")),
    "section-title": ("base", dict(face="bold", fontSize=10, leading=14, textColor="primary", spaceBefore=10, spaceAfter=3)),
    "link": ("base", dict(fontSize=9.5, leading=13.5, spaceAfter=1)),
    "contact-name": ("base", dict(face="bold", fontSize=9.5, leading=13)),
    "contact-line": ("base", dict(fontSize=9, leading=12.5)),
    "about": ("base", dict(fontSize=8.5, leading=12, textColor="muted", alignment=TA_JUSTIFY, hyphenate=True, spaceAfter=3)),
    "closing": ("base", dict(face="italic", spaceBefore=10)),
    # page furniture
    "label": ("base", dict(face="bold", fontSize=10, leading=12, textColor="primary")),
    # press kit (presskit.pdf.kit): cover title, section titles, contents entries, photo notes
    "kit-title": ("title", dict(fontSize=28, leading=33, spaceBefore=0, spaceAfter=10)),
    "kit-section": ("title", dict(spaceAfter=12)),
    "kit-cover-text": ("base", dict(fontSize=12, leading=17.5, spaceAfter=8, hyphenate=True)),
    "toc-entry": ("base", dict(fontSize=11, leading=15)),
    "toc-page": ("base", dict(fontSize=11, leading=15, alignment=TA_RIGHT)),
    "toc-note": ("base", dict(fontSize=8.5, leading=12, textColor="muted")),
    "photo-note": ("base", dict(fontSize=8.5, leading=11.5, textColor="muted")),
    "dateline": ("base", dict(fontSize=10, leading=12, alignment=TA_RIGHT)),
    "embargo": ("base", dict(face="bold", fontSize=10, leading=13, textColor="white")),
    "organisation": ("base", dict(face="bold", fontSize=15, leading=18, textColor="primary")),
    "unit": ("base", dict(fontSize=9, leading=11.5, textColor="muted")),
    "sender": ("base", dict(fontSize=7.5, leading=10, textColor="muted", alignment=TA_RIGHT)),
    "header": ("base", dict(fontSize=7.5, leading=10, textColor="muted")),
    "header-embargo": ("header", dict(face="bold", textColor="embargo")),
    "footer": ("base", dict(fontSize=7, leading=9, textColor="muted")),
}

#: Named spacings in points (between blocks, inside boxes).
SPACING = {
    "box-padding": 4 * mm,
    "box-gap": 6 * mm,          # space before and after a box (facts, quote, figure)
    "quote-bar": 2.2,           # width of the bar left of a quote
    "quote-indent": 6 * mm,
    "list-indent": 6 * mm,
    "list-label-gap": 2 * mm,
    "facts-label-min": 0.2,     # the label column's share of a facts row: at least
    "facts-label-max": 0.42,    # ... and at most (longer labels wrap)
    "contact-gap": 6 * mm,
    "figure-max-height": 95 * mm,
    "rule-gap": 3 * mm,
    "heading-keep-lines": 3,    # a heading needs room for this many body lines after it
    "dateline-after": 6,        # below the label and dateline
    "head-after": 8,            # below the embargo band (or where it would be)
    "list-before": 2,
    "list-after": 6,
    "list-item-after": 2,
    "quote-padding": 2,         # above and below the quote's text
    "facts-column-gap": 8,
    "facts-row-after": 3,
    "facts-bullet-indent": 4.5 * mm,
    "contact-row-after": 6,
}


@dataclass
class Theme:
    """Named styles, colours and geometry for one brand and language."""

    fonts: FontFamily
    palette: dict[str, colors.Color]
    geometry: Geometry
    hyphenator: Callable | None = None
    _cache: dict[str, ParagraphStyle] = field(default_factory=dict)

    def colour(self, name: str) -> colors.Color:
        return self.palette[name]

    def hex(self, name: str) -> str:
        return "#" + self.palette[name].hexval()[2:]

    def spacing(self, name: str) -> float:
        return SPACING[name]

    def style(self, name: str) -> ParagraphStyle:
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        parent_name, overrides = _STYLE_TABLE[name]
        parent = self.style(parent_name) if parent_name else None
        attrs = dict(overrides)
        face = attrs.pop("face", None)
        hyphenate = attrs.pop("hyphenate", None)
        if "textColor" in attrs:
            attrs["textColor"] = self.palette[attrs["textColor"]]
        if face is not None or parent is None:
            attrs["fontName"] = self.fonts.face(
                bold=face in ("bold", "bold_italic"), italic=face in ("italic", "bold_italic")
            )
        if hyphenate:
            # read by presskit.pdf.linesetting (ReportLab's own line breaker is not used)
            attrs.update(hyphenationLang=self.hyphenator or "")
        style = ParagraphStyle(name, parent=parent, **attrs)
        self._cache[name] = style
        return style


def make_palette(brand_colours) -> dict[str, colors.Color]:
    palette = {
        name: colors.HexColor(getattr(brand_colours, name).rgb)
        for name in ("primary", "accent", "text", "muted", "shade")
    }
    palette["white"] = colors.white
    palette["rule"] = colors.HexColor("#C9D2D8")
    # the embargo band: the accent colour, deepened until white text on it passes WCAG AA
    palette["embargo"] = darkened_for(palette["accent"], palette["white"], AA_NORMAL + 0.05)
    return palette


def make_geometry(page) -> Geometry:
    width, height = PAGE_SIZES[page.size]
    margins = page.margins
    return Geometry(
        page_width=width,
        page_height=height,
        margin_top=margins.top * mm,
        margin_right=margins.right * mm,
        margin_bottom=margins.bottom * mm,
        margin_left=margins.left * mm,
    )
