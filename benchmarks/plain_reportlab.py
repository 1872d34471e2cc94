"""The baseline: the example release laid out with plain ReportLab, no presskit.

This is what a competent developer would write by hand for one press release:
``yaml.safe_load`` the file, register the same Noto Sans TTFs from ``fonts/``,
hyphenate German with pyphen the way ReportLab documents it
(``ParagraphStyle(hyphenationLang="de_DE")``, which makes ReportLab call
``pyphen.Pyphen(lang="de_DE")``), split the Markdown body naively on blank
lines, and draw a simple letterhead and a "Seite X von Y" footer with the
usual NumberedCanvas recipe (pages are kept and numbered when the canvas is
saved).

Cold, as a whole process::

    python benchmarks/plain_reportlab.py OUT.pdf [RELEASE.yaml]

Warm, in-process::

    from plain_reportlab import build
    build("out.pdf")

It deliberately does NOT do what presskit does on top: validate the release
(pydantic, located error messages), parse Markdown properly, smarten quotes and
dashes, hyphenation exceptions and soft hyphens, keep headings with their text,
a running header on later pages, the logo, links, tagged PDF / PDF/UA structure,
metadata and deterministic output via pikepdf.  See benchmarks/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
RELEASE = ROOT / "releases" / "2019-01-18-stark-sozial-vor-ort.yaml"

PRIMARY = colors.HexColor("#1B5E7E")
ACCENT = colors.HexColor("#7A9A2E")
TEXT = colors.HexColor("#1D1D1B")
MUTED = colors.HexColor("#5F6B73")
SHADE = colors.HexColor("#EEF3F6")

ORGANISATION = "Altmarkkreis Salzwedel"
UNITS = ["Der Landrat", "Büro des Landrates · Pressestelle"]
ADDRESS = [
    "Karl-Marx-Str. 32 · Zimmer 310",
    "29410 Salzwedel",
    "Tel. 03901 840-309/-308",
    "Fax 03901 840-840",
    "pressestelle@altmarkkreis-salzwedel.de",
    "www.altmarkkreis-salzwedel.de",
]
FOOTER = ("Altmarkkreis Salzwedel · Büro des Landrates · Pressestelle · Karl-Marx-Str. 32 · "
          "29410 Salzwedel · Tel. 03901 840-309/-308")

_fonts_registered = False


def register_fonts() -> None:
    """Register the four Noto Sans faces once per process (as any real script would)."""
    global _fonts_registered
    if _fonts_registered:
        return
    for name, file in (("Noto", "NotoSans-Regular.ttf"), ("Noto-Bold", "NotoSans-Bold.ttf"),
                       ("Noto-Italic", "NotoSans-Italic.ttf"), ("Noto-BoldItalic", "NotoSans-BoldItalic.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    pdfmetrics.registerFontFamily("Noto", normal="Noto", bold="Noto-Bold", italic="Noto-Italic",
                                  boldItalic="Noto-BoldItalic")
    _fonts_registered = True


def make_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Noto", fontSize=10.5, leading=15, textColor=TEXT)
    body = ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, spaceAfter=7,
                          hyphenationLang="de_DE", embeddedHyphenation=1, uriWasteReduce=0.3)
    return {
        "base": base,
        "body": body,
        "title": ParagraphStyle("title", parent=base, fontName="Noto-Bold", fontSize=19, leading=23.5,
                                spaceAfter=5, textColor=PRIMARY),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=17, spaceAfter=10, textColor=MUTED),
        "dateline": ParagraphStyle("dateline", parent=base, fontSize=10, leading=12, alignment=TA_RIGHT,
                                   spaceAfter=8),
        "lead": ParagraphStyle("lead", parent=body, fontName="Noto-Bold", fontSize=11, leading=16, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=base, fontName="Noto-Bold", fontSize=12, leading=16, spaceBefore=9,
                             spaceAfter=4, textColor=PRIMARY),
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=3, leftIndent=6 * mm, bulletIndent=1.5 * mm),
        "quote": ParagraphStyle("quote", parent=body, fontName="Noto-Italic", fontSize=11.5, leading=17,
                                leftIndent=6 * mm, spaceBefore=6, spaceAfter=8),
        "box-title": ParagraphStyle("box-title", parent=base, fontName="Noto-Bold", fontSize=10, leading=13.5,
                                    textColor=PRIMARY),
        "facts-label": ParagraphStyle("facts-label", parent=base, fontName="Noto-Bold", fontSize=9.5, leading=13),
        "facts-value": ParagraphStyle("facts-value", parent=base, fontSize=9.5, leading=13, hyphenationLang="de_DE"),
        "section": ParagraphStyle("section", parent=base, fontName="Noto-Bold", fontSize=10, leading=14,
                                  textColor=PRIMARY, spaceBefore=10, spaceAfter=3),
        "contact-name": ParagraphStyle("contact-name", parent=base, fontName="Noto-Bold", fontSize=9.5, leading=13),
        "contact-line": ParagraphStyle("contact-line", parent=base, fontSize=9, leading=12.5),
        "closing": ParagraphStyle("closing", parent=base, fontName="Noto-Italic", spaceBefore=10),
    }


def text(value) -> str:
    """Paragraph markup for plain text: escape &, <, > and turn ``--`` into an en dash."""
    return escape(str(value)).replace(" -- ", " – ")


def body_flowables(body: str, st: dict[str, ParagraphStyle]) -> list:
    """Naive Markdown: blocks split on blank lines; ##, - and > by their first characters."""
    out: list = []
    for block in body.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            out.append(Paragraph(text(lines[0].lstrip("#").strip()), st["h2"]))
        elif lines[0].startswith("- "):
            for line in lines:
                out.append(Paragraph(text(line[2:]), st["bullet"], bulletText="•"))
        elif lines[0].startswith(">"):
            out.append(Paragraph(text(" ".join(line.lstrip(">").strip() for line in lines)), st["quote"]))
        else:
            out.append(Paragraph(text(" ".join(lines)), st["body"]))
    return out


def facts_table(facts: dict, st: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Paragraph(text(facts.get("title", "")), st["box-title"]), ""]]
    for item in facts.get("items", []):
        for label, value in item.items():
            rows.append([Paragraph(text(label), st["facts-label"]), Paragraph(text(value), st["facts-value"])])
    table = Table(rows, colWidths=[0.42 * width, 0.58 * width])
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 0)),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, PRIMARY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, 0), 4 * mm),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm),
    ]))
    return table


def contact_block(contact: dict, st: dict[str, ParagraphStyle]) -> list:
    out: list = [Paragraph(text(contact.get("title", "Pressekontakt")), st["section"])]
    for person in contact.get("people", []):
        lines = [Paragraph(text(person["name"]), st["contact-name"])]
        for key, prefix in (("role", ""), ("phone", "Tel. "), ("email", "")):
            if person.get(key):
                lines.append(Paragraph(prefix + text(person[key]), st["contact-line"]))
        lines.append(Spacer(1, 3 * mm))
        out.append(KeepTogether(lines))
    return out


def story_for(release: dict, st: dict[str, ParagraphStyle], width: float) -> list:
    date = release["date"]
    story: list = [
        Paragraph(f"{text(release.get('place', ''))}, {date:%d.%m.%Y}"
                  + (f" · Nr. {text(release['number'])}" if release.get("number") else ""), st["dateline"]),
        Paragraph(text(release["title"]), st["title"]),
    ]
    if release.get("subtitle"):
        story.append(Paragraph(text(release["subtitle"]), st["subtitle"]))
    story.append(Paragraph(text(release["lead"]), st["lead"]))
    story += body_flowables(release.get("body", ""), st)
    if release.get("facts"):
        story += [Spacer(1, 6 * mm), facts_table(release["facts"], st, width), Spacer(1, 6 * mm)]
    for link in release.get("links", []):
        story.append(Paragraph(f'{text(link["text"])}: <link href="{escape(link["url"])}">{escape(link["url"])}</link>',
                               st["contact-line"]))
    if release.get("contact"):
        story += contact_block(release["contact"], st)
    if release.get("closing"):
        story.append(Paragraph(text(release["closing"]), st["closing"]))
    return story


class NumberedCanvas(canvas.Canvas):
    """The ReportLab-snippets recipe: keep each page's state, draw "Seite X von Y" on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_page_states = []

    def showPage(self):
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_page_states)
        for state in self._saved_page_states:
            self.__dict__.update(state)
            self.draw_page_number(total)
            super().showPage()
        super().save()

    def draw_page_number(self, total: int) -> None:
        self.setFont("Noto", 7)
        self.setFillColor(MUTED)
        self.drawRightString(A4[0] - 20 * mm, 20 * mm + 9 + 2 * mm - 7, f"Seite {self._pageNumber} von {total}")


def letterhead(canv: canvas.Canvas, doc) -> None:
    width, height = A4
    left, right, top = 25 * mm, width - 20 * mm, height - 20 * mm
    canv.saveState()
    canv.setFillColor(PRIMARY)
    canv.rect(left, top - 17 * mm, 17 * mm, 17 * mm, stroke=0, fill=1)  # placeholder mark, like presskit's default
    canv.setFont("Noto-Bold", 15)
    canv.drawString(left + 22 * mm, top - 14, ORGANISATION)
    canv.setFillColor(MUTED)
    canv.setFont("Noto", 9)
    y = top - 18 - 2
    for line in UNITS:
        y -= 11.5
        canv.drawString(left + 22 * mm, y + 2.5, line)
    canv.setFont("Noto", 7.5)
    y = top - 7.5
    for line in ADDRESS:
        canv.drawRightString(right, y, line)
        y -= 10
    rule_y = top - 23 * mm
    canv.setStrokeColor(PRIMARY)
    canv.setLineWidth(1.4)
    canv.line(left, rule_y, right, rule_y)
    canv.setStrokeColor(ACCENT)
    canv.setLineWidth(3.1)
    canv.line(left, rule_y, left + 28 * mm, rule_y)
    canv.restoreState()
    footer(canv, doc)


def footer(canv: canvas.Canvas, doc) -> None:
    width = A4[0]
    left, right = 25 * mm, width - 20 * mm
    canv.saveState()
    canv.setStrokeColor(colors.HexColor("#C9D2D8"))
    canv.setLineWidth(0.5)
    rule_y = 20 * mm + 9 + 2 * mm
    canv.line(left, rule_y, right, rule_y)
    canv.setFillColor(MUTED)
    canv.setFont("Noto", 7)
    canv.drawString(left, rule_y - 2 * mm - 5.6, FOOTER)
    canv.restoreState()


def build(out_path, release_path=RELEASE) -> int:
    """Lay out ``release_path`` into ``out_path``; returns the number of pages."""
    register_fonts()
    with open(release_path, encoding="utf-8") as fh:
        release = yaml.safe_load(fh)
    st = make_styles()
    doc = SimpleDocTemplate(
        str(out_path), pagesize=A4,
        leftMargin=25 * mm, rightMargin=20 * mm, topMargin=20 * mm + 33 * mm, bottomMargin=20 * mm + 15 * mm,
        title=release["title"], author=ORGANISATION, lang=release.get("lang", "de"),
    )
    doc.build(story_for(release, st, doc.width), onFirstPage=letterhead, onLaterPages=footer,
              canvasmaker=NumberedCanvas)
    return doc.page


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python benchmarks/plain_reportlab.py OUT.pdf [RELEASE.yaml]")
        return 0 if argv else 2
    pages = build(argv[0], argv[1] if len(argv) > 1 else RELEASE)
    print(f"wrote {argv[0]} ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
