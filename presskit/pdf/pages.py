"""Page furniture: the letterhead on page 1, the running header after it, the footer on all.

Everything here is an artifact for assistive technology except the logo,
which is a figure with the brand's alt text. "Seite X von Y" is drawn in one
pass: each page's is a form XObject filled in when the document ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from presskit.pdf import marking, rl_internals
from presskit.source.brand import Brand
from presskit.content.labels import Labels
from presskit.pdf.logo import LogoArt, draw_logo
from presskit.pdf.structure import StructNode
from presskit.pdf.styles import Theme

PAGE_COUNT_FORM = "presskitPageCount"


@dataclass(frozen=True)
class Furniture:
    """What the page furniture prints, prepared from brand and release."""

    organisation: str
    units: tuple[str, ...]
    address_lines: tuple[str, ...]
    sender_parts: tuple[str, ...]   # joined with " · " and wrapped into the footer
    header_left: str
    header_right: str
    labels: Labels
    embargo: str | None = None     # repeated in the running header of every later page


def furniture_for(brand: Brand, labels: Labels, short_title: str, dateline: str,
                  embargo: str | None = None) -> Furniture:
    a = brand.address
    street = " · ".join(part for part in (a.street, a.room) if part)
    city = " ".join(part for part in (a.postcode, a.city) if part)
    contact_bits = []
    if brand.phone:
        contact_bits.append(f"{labels.phone} {brand.phone}")
    if brand.fax:
        contact_bits.append(f"{labels.fax} {brand.fax}")
    online = [bit for bit in (brand.email, brand.website) if bit]
    address_lines = tuple(line for line in (street, city, *contact_bits, *online) if line)
    sender = [part for part in (brand.organisation, *brand.units[-1:], a.street, city, *contact_bits, *online) if part]
    return Furniture(
        organisation=brand.organisation,
        units=tuple(brand.units),
        address_lines=address_lines,
        sender_parts=tuple(sender),
        header_left=f"{brand.organisation} · {labels.press_release}",
        header_right=f"{short_title} · {dateline}" if short_title else dateline,
        labels=labels,
        embargo=embargo,
    )


def _fit(canv: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so that it fits ``width``."""
    if canv.stringWidth(text, font, size) <= width:
        return text
    while text and canv.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" ,.;:·–-") + "…"


def _wrap_parts(canv: Canvas, parts: tuple[str, ...], font: str, size: float, width: float) -> list[str]:
    """Join ``parts`` with " · " into as few lines as fit ``width`` (a part is never broken)."""
    lines: list[str] = []
    for part in parts:
        candidate = f"{lines[-1]} · {part}" if lines else part
        if lines and canv.stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(_fit(canv, part, font, size, width))
    return lines


class PressDocTemplate(BaseDocTemplate):
    """Two page templates (first, later) and the page-count form."""

    def __init__(self, target, theme: Theme, furniture: Furniture, logo: LogoArt | None, logo_node: StructNode, **meta):
        g = theme.geometry
        super().__init__(
            target,
            pagesize=(g.page_width, g.page_height),
            leftMargin=g.margin_left,
            rightMargin=g.margin_right,
            topMargin=g.margin_top,
            bottomMargin=g.margin_bottom,
            invariant=1,
            pageCompression=0,  # the tagging stage compresses when it saves
            initialFontName=theme.fonts.regular,
            initialFontSize=10,
            displayDocTitle=1,
            **meta,
        )
        self.theme = theme
        self.furniture = furniture
        self.logo = logo
        self.logo_node = logo_node
        self.pages_drawn = 0
        first = Frame(
            g.margin_left, g.content_bottom, g.frame_width, g.first_frame_top - g.content_bottom,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="first",
        )
        later = Frame(
            g.margin_left, g.content_bottom, g.frame_width, g.later_frame_top - g.content_bottom,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="later",
        )
        self.addPageTemplates(
            [
                PageTemplate("first", [first], onPage=self._first_page, autoNextPageTemplate="later"),
                PageTemplate("later", [later], onPage=self._later_page),
            ]
        )

    # -- page callbacks ----------------------------------------------------
    def _first_page(self, canv: Canvas, doc) -> None:
        self.pages_drawn += 1
        self._letterhead(canv)
        self._footer(canv)

    def _later_page(self, canv: Canvas, doc) -> None:
        self.pages_drawn += 1
        self._running_header(canv)
        self._footer(canv)

    def _letterhead(self, canv: Canvas) -> None:
        theme, g, f = self.theme, self.theme.geometry, self.furniture
        top = g.page_height - g.margin_top
        left = g.margin_left
        right = g.page_width - g.margin_right
        with marking.content(canv, self.logo_node):
            draw_logo(canv, self.logo, theme, left, top - g.logo_size, g.logo_size)
        with marking.artifact(canv, "Pagination"):
            canv.saveState()
            org = theme.style("organisation")
            unit = theme.style("unit")
            text_x = left + g.logo_size + g.letterhead_text_gap
            canv.setFillColor(org.textColor)
            canv.setFont(org.fontName, org.fontSize)
            canv.drawString(text_x, top - org.fontSize * 0.95, f.organisation)
            canv.setFillColor(unit.textColor)
            canv.setFont(unit.fontName, unit.fontSize)
            y = top - org.leading - 2
            for line in f.units:
                y -= unit.leading
                canv.drawString(text_x, y + 2.5, line)
            sender = theme.style("sender")
            canv.setFillColor(sender.textColor)
            canv.setFont(sender.fontName, sender.fontSize)
            y = top - sender.fontSize
            for line in f.address_lines:
                canv.drawRightString(right, y, line)
                y -= sender.leading
            rule_y = top - g.logo_size - g.letterhead_rule_gap
            canv.setStrokeColor(theme.colour("primary"))
            canv.setLineWidth(g.rule_width)
            canv.line(left, rule_y, right, rule_y)
            canv.setStrokeColor(theme.colour("accent"))
            canv.setLineWidth(g.rule_width * 2.2)
            canv.line(left, rule_y, left + g.accent_rule_length, rule_y)
            canv.restoreState()

    def _running_header(self, canv: Canvas) -> None:
        theme, g, f = self.theme, self.theme.geometry, self.furniture
        style = theme.style("header")
        top = g.page_height - g.margin_top
        left, right = g.margin_left, g.page_width - g.margin_right
        with marking.artifact(canv, "Pagination"):
            canv.saveState()
            canv.setFillColor(style.textColor)
            canv.setFont(style.fontName, style.fontSize)
            baseline = top - style.fontSize
            canv.drawString(left, baseline, f.header_left)
            used = canv.stringWidth(f.header_left, style.fontName, style.fontSize)
            if f.embargo:
                # the embargo holds for every page a reader may be handed: bold, after the sender
                strong = theme.style("header-embargo")
                canv.drawString(left + used, baseline, " · ")
                used += canv.stringWidth(" · ", style.fontName, style.fontSize)
                canv.setFillColor(strong.textColor)
                canv.setFont(strong.fontName, strong.fontSize)
                canv.drawString(left + used, baseline, f.embargo)
                used += canv.stringWidth(f.embargo, strong.fontName, strong.fontSize)
                canv.setFillColor(style.textColor)
                canv.setFont(style.fontName, style.fontSize)
            room = (right - left) - used - g.header_min_gap
            canv.drawRightString(right, baseline, _fit(canv, f.header_right, style.fontName, style.fontSize, room))
            canv.setStrokeColor(theme.colour("rule"))
            canv.setLineWidth(g.hairline)
            canv.line(left, baseline - g.header_rule_drop, right, baseline - g.header_rule_drop)
            canv.setStrokeColor(theme.colour("primary"))
            canv.setLineWidth(g.hairline * 2)
            canv.line(left, baseline - g.header_rule_drop, left + g.accent_rule_length, baseline - g.header_rule_drop)
            canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        theme, g, f = self.theme, self.theme.geometry, self.furniture
        style = theme.style("footer")
        left, right = g.margin_left, g.page_width - g.margin_right
        page_column = g.footer_page_column
        with marking.artifact(canv, "Pagination"):
            canv.saveState()
            lines = _wrap_parts(canv, f.sender_parts, style.fontName, style.fontSize, right - left - page_column)
            rule_y = g.margin_bottom + len(lines) * style.leading + g.footer_rule_gap
            canv.setStrokeColor(theme.colour("rule"))
            canv.setLineWidth(g.hairline)
            canv.line(left, rule_y, right, rule_y)
            canv.setFillColor(style.textColor)
            canv.setFont(style.fontName, style.fontSize)
            y = rule_y - g.footer_rule_gap - style.fontSize * 0.8
            for line in lines:
                canv.drawString(left, y, line)
                y -= style.leading
            # "Seite X von Y" flush right with the rule: the total is known only at the end,
            # so each page draws a form of its own, filled then (right-aligned at its origin)
            first_line = rule_y - g.footer_rule_gap - style.fontSize * 0.8
            canv.saveState()
            canv.translate(right, first_line)
            canv.doForm(f"{PAGE_COUNT_FORM}{canv.getPageNumber()}")
            canv.restoreState()
            canv.restoreState()

    def finish_page_count(self) -> None:
        """Fill each page's "Seite X von Y" form once the number of pages is known."""
        canv = self.canv
        style = self.theme.style("footer")
        labels = self.furniture.labels
        total = str(self.pages_drawn)
        for number in range(1, self.pages_drawn + 1):
            text = f"{labels.page_prefix}{number}{labels.page_of}{total}"
            width = canv.stringWidth(text, style.fontName, style.fontSize)
            # the box lies left of the origin: the text ends where the rule ends
            canv.beginForm(f"{PAGE_COUNT_FORM}{number}", lowerx=-width - 1, lowery=-style.fontSize,
                           upperx=1, uppery=style.fontSize * 1.5)
            canv.setFillColor(style.textColor)
            canv.setFont(style.fontName, style.fontSize)
            canv.drawRightString(0, 0, text)
            canv.endForm()


def build_document(doc: PressDocTemplate, story: list, on_canvas: Callable[[Canvas], None] | None = None) -> None:
    """Lay out ``story`` and save; ``on_canvas`` may attach a tagger first."""
    rl_internals.defer_save(doc)  # the page count is filled in first
    if on_canvas is not None:
        rl_internals.on_new_canvas(doc, on_canvas)
    doc.build(story)
    doc.finish_page_count()
    doc.canv.save()
