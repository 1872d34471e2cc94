"""A small but realistic press release laid out with platypus and tagged, for the tagging tests.

It does what presskit's layout will do: builds the StructNode tree first, wraps
flowables in Tagged, draws page decorations as artifacts, and builds twice to
know the page count ("Seite X von Y").
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from functools import cache

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from presskit.pdf import marking
from presskit.resources import fonts_dir
from presskit.pdf.structure import StructNode, new_document
from presskit.pdf.tagging.xmp import DocumentMeta
from presskit.pdf.tagging.flowables import Tagged, tagged_table
from presskit.pdf.tagging.tagger import Tagger

META = DocumentMeta(
    title="Neue Radwege im Altmarkkreis",
    author="Pressestelle Altmarkkreis Salzwedel",
    subject="Der Kreis baut 12 Kilometer Radwege zwischen Salzwedel und Arendsee.",
    keywords=("Radwege", "Verkehr", "Altmarkkreis"),
    lang="de-DE",
    created=datetime(2025, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1))),
)

LONG = (
    "Der Altmarkkreis Salzwedel baut in diesem Jahr zwölf Kilometer neue Radwege. "
    "Die Strecke verbindet die Hansestadt Salzwedel mit Arendsee und schließt eine "
    "Lücke im touristischen Radwegenetz der Altmark. Die Bauarbeiten beginnen im April "
    "und sollen bis Ende Oktober abgeschlossen sein; während der Bauzeit wird der Verkehr "
    "abschnittsweise mit Ampeln geregelt. "
)


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont("NotoSans", str(fonts_dir() / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("NotoSans-Bold", str(fonts_dir() / "NotoSans-Bold.ttf")))
    pdfmetrics.registerFontFamily("NotoSans", normal="NotoSans", bold="NotoSans-Bold", italic="NotoSans", boldItalic="NotoSans-Bold")


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="NotoSans", fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=6)
    return {
        "body": body,
        "h1": ParagraphStyle("h1", parent=body, fontName="NotoSans-Bold", fontSize=18, leading=22, spaceAfter=10, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=body, fontName="NotoSans-Bold", fontSize=12, leading=16, spaceBefore=8, keepWithNext=1),
        "caption": ParagraphStyle("caption", parent=body, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=body, alignment=0, spaceAfter=0),
    }


@cache
def photo_png() -> bytes:
    image = PILImage.new("RGB", (60, 40), (40, 110, 170))
    for x in range(60):
        for y in range(20, 40):
            image.putpixel((x, y), (90, 160, 60))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


class ListItem(Flowable):
    """A bullet and a body side by side: how layout code tags Lbl and LBody itself."""

    def __init__(self, label: str, body: Paragraph, item: StructNode, indent: float = 12) -> None:
        super().__init__()
        self.label, self.body, self.item, self.indent = label, body, item, indent
        self.lbl = item.add("Lbl")
        self.lbody = item.add("LBody")

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        w, h = self.body.wrap(aw - self.indent, ah)
        self.width, self.height = aw, h
        return aw, h

    def draw(self) -> None:
        canv = self.canv
        style = self.body.style
        with marking.content(canv, self.lbl):
            canv.setFont(style.fontName, style.fontSize)
            canv.drawString(0, self.height - style.fontSize, self.label)
        with marking.content(canv, self.lbody):
            self.body.drawOn(canv, self.indent, 0)


def story(root: StructNode) -> list[Flowable]:
    s = styles()
    flow: list[Flowable] = []
    flow.append(Tagged(Paragraph(META.title, s["h1"]), root.add("H1")))
    flow.append(Tagged(Paragraph("<b>Salzwedel, 14. März 2025.</b> " + LONG, s["body"]), root.add("P")))
    # A paragraph long enough to break over the page.
    flow.append(Tagged(Paragraph(LONG * 12, s["body"]), root.add("P")))
    flow.append(Tagged(Paragraph("Was sich ändert", s["h2"]), root.add("H2")))
    lst = root.add("L")
    for text in ("Neue Radwege zwischen Salzwedel und Arendsee", "Bessere Beschilderung", "Rastplätze an drei Orten"):
        flow.append(ListItem("\u2022", Paragraph(text, s["body"]), lst.add("LI")))
    facts = root.add("Table", title="Fakten")
    data = [
        [Paragraph("Länge", s["cell"]), Paragraph("12 km", s["cell"])],
        [Paragraph("Kosten", s["cell"]), Paragraph("3,4 Mio. Euro", s["cell"])],
        [Paragraph("Bauzeit", s["cell"]), Paragraph("April bis Oktober 2025", s["cell"])],
    ]
    flow.append(
        tagged_table(
            data, facts, header_cols=1, colWidths=[40 * mm, 100 * mm], hAlign="LEFT",
            style=[("FONTNAME", (0, 0), (-1, -1), "NotoSans"),
                   ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3f8")),
                   ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.white)],
        )
    )
    figure = root.add("Figure", alt="Karte der neuen Radwegstrecke zwischen Salzwedel und Arendsee")
    flow.append(Spacer(1, 6))
    flow.append(Tagged(Image(io.BytesIO(photo_png()), width=60 * mm, height=40 * mm), figure))
    flow.append(Tagged(Paragraph("Die neue Strecke (Grafik: Altmarkkreis)", s["caption"]), figure.add("Caption")))
    para = root.add("P")
    para.add("Link")
    flow.append(Tagged(Paragraph(
        'Mehr unter <a href="https://www.altmarkkreis-salzwedel.de/radwege" color="blue">altmarkkreis-salzwedel.de/radwege</a> '
        "und in der Karte des Kreises.", s["body"]), para))
    contact = root.add("Div", title="Kontakt")
    flow.append(Tagged(Paragraph("Pressekontakt", s["h2"]), contact.add("H2")))
    flow.append(Tagged(Paragraph("Pressestelle Altmarkkreis Salzwedel<br/>Karl-Marx-Straße 32, 29410 Salzwedel", s["body"]), contact.add("P")))
    flow.append(Tagged(Paragraph('<a href="mailto:presse@altmarkkreis-salzwedel.de">presse@altmarkkreis-salzwedel.de</a>', s["body"]), contact.add("P")))
    return flow


def decorate(total: list[int]):
    """The page template's onPage: letterhead or running header, and the footer."""

    def on_page(canv, doc) -> None:
        width, height = A4
        with marking.artifact(canv, "Layout"):
            canv.setFillColor(colors.HexColor("#1d4f91"))
            if doc.page == 1:
                canv.rect(20 * mm, height - 30 * mm, 18 * mm, 18 * mm, stroke=0, fill=1)  # the logo
                canv.setFont("NotoSans-Bold", 12)
                canv.drawString(42 * mm, height - 20 * mm, "Altmarkkreis Salzwedel")
            canv.setStrokeColor(colors.HexColor("#1d4f91"))
            canv.line(20 * mm, height - 34 * mm, width - 20 * mm, height - 34 * mm)
        with marking.artifact(canv, "Pagination"):
            canv.setFillColor(colors.black)
            canv.setFont("NotoSans", 8)
            canv.drawString(20 * mm, 12 * mm, "Pressestelle · Karl-Marx-Straße 32 · 29410 Salzwedel")
            canv.drawRightString(width - 20 * mm, 12 * mm, f"Seite {doc.page} von {total[0] or '?'}")

    return on_page


def build(tagger: Tagger | None = None, root: StructNode | None = None) -> tuple[bytes, Tagger, StructNode]:
    """Lay out the sample twice (page count), as presskit does; returns ReportLab's PDF."""
    register_fonts()
    tagger = tagger or Tagger()
    root = root or new_document()
    flow = story(root)
    total = [0]
    for _ in range(2):
        out = io.BytesIO()
        doc = BaseDocTemplate(out, pagesize=A4, invariant=1, initialFontName="NotoSans",
                              title=META.title, author=META.author, leftMargin=25 * mm, rightMargin=25 * mm,
                              topMargin=40 * mm, bottomMargin=25 * mm)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=decorate(total))])
        doc.build(list(flow), canvasmaker=tagger.canvasmaker())
        total[0] = doc.page
    return out.getvalue(), tagger, root
