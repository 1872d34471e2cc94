"""Small helpers to look into a finished PDF the way a reader or a printer would.

Text comes from pypdfium2 (reading order of the content stream, soft-hyphen
breaks marked), fonts, links, metadata and images from pikepdf, drawn bounds
from pypdfium2 page objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MM = 72 / 25.4
A4 = (595.2756, 841.8898)
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")

# pdfium reports a line break at a soft hyphen as U+FFFE (sometimes U+0002).
_SOFT_BREAK = re.compile("[\u00ad\ufffe\u0002]\\s*")
# a visible hyphen at a line end followed by a lower-case letter: a hyphenation break
_HYPHEN_BREAK = re.compile(r"(?<=\w)[-\u2010]\s*\n\s*(?=[a-zäöüß])")


# -- text -----------------------------------------------------------------------
def page_texts(path: Path | str) -> list[str]:
    """The raw text of every page, in content-stream order, as pdfium extracts it."""
    doc = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
        return texts
    finally:
        doc.close()


def normalise(text: str) -> str:
    """Lines joined: hyphenation breaks undone, NBSP and runs of white space made one space."""
    text = _SOFT_BREAK.sub("", text)
    text = _HYPHEN_BREAK.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """Only letters and digits: what survives any layout, markup and typography."""
    return "".join(re.findall(r"[^\W_]+", text))


_PAGE_MARK = re.compile(r"(?:Seite|Page)\s+(\d+)\s+(?:von|of)\s+(\d+)")


def page_numbers(text: str) -> list[tuple[int, int]]:
    """Every "Seite X von Y"/"Page X of Y" found in one page's text."""
    return [(int(a), int(b)) for a, b in _PAGE_MARK.findall(normalise(text))]


def page_story_texts(path: Path | str) -> list[str]:
    """Each page's text after its furniture (which ends with "Seite X von Y")."""
    parts = []
    for number, raw in enumerate(page_texts(path), start=1):
        match = None
        for match in re.finditer(r"(?:Seite|Page)\s+(\d+)\s+(?:von|of)\s+\d+", raw):
            if int(match.group(1)) == number:
                break
        else:
            raise AssertionError(f"page {number}: no page number found before the story text")
        parts.append(raw[match.end():])
    return parts


def content_text(path: Path | str) -> str:
    """The text of the story, all pages, without page furniture."""
    return "\n".join(page_story_texts(path))


def positions_in_order(haystack: str, needles: list[str]) -> list[int]:
    """Positions of ``needles`` found one after the other in ``haystack``; raises with the first missing one."""
    found, start = [], 0
    for needle in needles:
        at = haystack.find(needle, start)
        if at < 0:
            before = haystack.find(needle)
            where = f"(it occurs earlier, at {before})" if before >= 0 else "(it does not occur at all)"
            raise AssertionError(f"{needle!r} not found after position {start} {where}")
        found.append(at)
        start = at + len(needle)
    return found


# -- structure ------------------------------------------------------------------
def _resources_fonts(resources, seen: set) -> list[pikepdf.Dictionary]:
    fonts = []
    if resources is None:
        return fonts
    for font in (resources.get("/Font") or {}).values():
        fonts.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        if xobject.get("/Subtype") == "/Form":
            fonts += _resources_fonts(xobject.get("/Resources"), seen)
    return fonts


def page_fonts(pdf: pikepdf.Pdf) -> list[list[pikepdf.Dictionary]]:
    """The font dictionaries each page uses, forms included."""
    return [_resources_fonts(page.obj.get("/Resources"), set()) for page in pdf.pages]


def descendant_fonts(font: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """A Type0 font's CID fonts, or the font itself."""
    if font.get("/Subtype") == "/Type0":
        return list(font.DescendantFonts)
    return [font]


def all_base_font_names(pdf: pikepdf.Pdf) -> list[str]:
    """Every /BaseFont and /FontName anywhere in the file."""
    names = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
            for key in ("/BaseFont", "/FontName"):
                value = obj.get(key)
                if value is not None:
                    names.append(str(value))
    return names


@dataclass(frozen=True)
class Link:
    page: int
    uri: str
    rect: tuple[float, float, float, float]


def links(pdf: pikepdf.Pdf) -> list[Link]:
    """Every /Link annotation with a /URI action."""
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots") or []:
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is None or action.get("/S") != "/URI":
                continue
            found.append(Link(number, str(action.URI), tuple(float(v) for v in annot.Rect)))
    return found


def page_boxes(pdf: pikepdf.Pdf) -> list[tuple[float, float, float, float]]:
    return [tuple(float(v) for v in page.mediabox) for page in pdf.pages]


# -- drawn content --------------------------------------------------------------
@dataclass(frozen=True)
class Drawn:
    page: int
    kind: str
    bounds: tuple[float, float, float, float]  # left, bottom, right, top in points


_KINDS = {
    pdfium_c.FPDF_PAGEOBJ_TEXT: "text",
    pdfium_c.FPDF_PAGEOBJ_PATH: "path",
    pdfium_c.FPDF_PAGEOBJ_IMAGE: "image",
    pdfium_c.FPDF_PAGEOBJ_SHADING: "shading",
    pdfium_c.FPDF_PAGEOBJ_FORM: "form",
}


def drawn_objects(path: Path | str) -> list[Drawn]:
    """The bounds (in page space) of every object drawn on every page; a form counts as one."""
    doc = pdfium.PdfDocument(str(path))
    try:
        out = []
        for number, page in enumerate(doc, start=1):
            # top level only: a form's bounds are in page space and cover what it draws
            # (its children's bounds would be in the form's own space)
            for obj in page.get_objects(max_depth=1):
                kind = _KINDS.get(obj.type, "other")
                out.append(Drawn(number, kind, tuple(obj.get_bounds())))
        return out
    finally:
        doc.close()


@dataclass(frozen=True)
class PlacedImage:
    page: int
    px_width: int
    px_height: int
    placed_width: float   # points
    placed_height: float
    filters: tuple[str, ...]

    @property
    def ppi(self) -> float:
        return self.px_width / (self.placed_width / 72)


def placed_images(path: Path | str) -> list[PlacedImage]:
    doc = pdfium.PdfDocument(str(path))
    try:
        out = []
        for number, page in enumerate(doc, start=1):
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=5):
                left, bottom, right, top = obj.get_bounds()
                w, h = obj.get_px_size()
                out.append(PlacedImage(number, w, h, right - left, top - bottom, tuple(obj.get_filters())))
        return out
    finally:
        doc.close()


def render_gray(path: Path | str, page_index: int, dpi: float = 50):
    """Page ``page_index`` (from 0) rendered to a grayscale Pillow image."""
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[page_index]
        bitmap = page.render(scale=dpi / 72, grayscale=True, draw_annots=False)
        return bitmap.to_pil().convert("L")
    finally:
        doc.close()


def page_count(path: Path | str) -> int:
    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()
