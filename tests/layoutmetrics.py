"""Typesetting measurements taken from a finished PDF, the way a reader meets it.

Everything is measured from what is drawn: character positions from pdfminer
(pdfplumber's engine: the glyphs as drawn, whatever /ActualText says, each box
its advance width as the layout engine measures it, so ink overhangs of italics
do not count), each character tied to its structure element through its marked
content (MCID -> ParentTree -> element), page furniture recognised by its
``/Artifact`` marking. Copied text comes from the real extractors (``pdftotext``
and pypdfium2), compared without softening: a soft hyphen or a line break
inside a word makes that word missing.

``measure(pdf, frame=(left, right))`` returns a :class:`Measures` with one
list of :class:`Finding` per check; ``copy_missing(text, words)`` compares
copied text with source words (:func:`source_words`), ``addresses_missing``
with printed URLs and e-mail addresses; ``build_and_measure`` does all of it
for one corpus release at one width (:data:`WIDTHS`).

Definitions (the numbers in the names are those of issue 6):

* **line**: the glyphs of one block element (P, H1…, Lbl, TD, …; inline Link
  and Span belong to their block) on one page with the same baseline.
* **glyph outside the frame** (``overflow``): a drawn, non-white-space glyph
  of the story (not an artifact) with ``x0 < left - 0.01`` or ``x1 > right + 0.01``.
* **word space ratio** (``spacing``): on a line of a P element that reaches the
  right edge of the frame (its last glyph within 1 pt of it or beyond) and is
  not the element's last line, each gap between two words (a drawn space
  between them, or a gap wider than half a space) divided by the normal width
  of a space in that font and size; a line's ratio is its widest gap's.
  Ragged and last lines never reach the edge except by chance, and then at
  their natural spacing, so they cannot distort the figure.
* **hyphenated line**: its last glyph is a soft hyphen or a hyphen after a
  letter, outside a Link (URLs may break after a hyphen).
* **across a page break** (``page_break_hyphen``): a hyphenated line whose
  element continues on a later page.
* **lone attribution** (``lone_attribution``): a quote's attribution ("— …", a P of the quote starting with a dash)
  on a later page than every other line of its quote.
* **alone on the last page** (``lonely_end``): the last page's story is only
  the closing line and/or the boilerplate with its heading (texts given by the
  caller; compared as letters and digits, in any order).
* **short final fragment** (``short_fragment``): an element's last line after a
  hyphenated line, narrower than 1/8 of the element's widest line.
* **hyphen ladder** (``ladder``): more than two hyphenated lines in a row in
  one element.
* **colon at the page foot** (``colon_foot``): the lowest story line of a page
  (not the last) ends with ':' (a sentence introducing what follows).
* **stray indent** (``stray_indent``): a line after the first of a P element
  that starts with a drawn space or right of the element's other lines.
"""

from __future__ import annotations

import functools
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

__all__ = [
    "Finding", "Line", "Measures", "measure", "source_words", "words_of", "copy_missing",
    "pdftotext_text", "pdfium_text", "release_words", "CHECKS",
]

#: Block-level structure types; inline types (Link, Span, …) belong to their block.
BLOCK_TYPES = {"/P", "/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Lbl", "/TD", "/TH", "/Caption"}
HYPHENS = {"\u00ad", "-", "\u2010"}
EDGE = 1.0       # pt: a line "reaches" the right edge within this distance
OUTSIDE = 0.01   # pt: tolerance for a glyph outside the frame
FRAGMENT_SHARE = 1 / 8
WORD = re.compile(r"[^\W_]+")

#: check name -> what it counts (for tables and messages)
CHECKS = {
    "overflow": "glyphs outside the text frame",
    "spacing_over_2": "justified lines with a word space > 2x normal",
    "spacing_over_2_5": "justified lines with a word space > 2.5x normal",
    "page_break_hyphen": "hyphenated words across a page break",
    "lone_attribution": "quote attributions alone on a page",
    "lonely_end": "last pages holding only the closing line/boilerplate",
    "short_fragment": "paragraphs ending in a hyphenated fragment < 1/8 line",
    "ladder": "runs of more than two hyphenated lines",
    "colon_foot": "page feet ending in ':'",
    "stray_indent": "lines of a paragraph starting right of its other lines",
}


@dataclass(frozen=True)
class Finding:
    page: int          # 1-based
    text: str          # the line (or what) it is about
    value: float = 0.0  # how bad: pt outside, spacing ratio, …

    def __str__(self) -> str:
        return f"p.{self.page} [{self.value:.2f}] {self.text!r}"


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    baseline: float   # PDF user space y (up)
    size: float
    font: str
    order: int        # position in the content stream


@dataclass
class Element:
    key: tuple[int, int]
    type: str                 # '/P', '/H1', …
    ancestors: tuple[str, ...]  # types from the parent up
    parent_key: tuple[int, int] | None
    in_link: bool = False
    order: int = 0


@dataclass
class Line:
    page: int
    element: Element
    baseline: float
    glyphs: list[Glyph]
    link_glyphs: set[int] = field(default_factory=set)  # indexes of glyphs inside a Link

    @property
    def ink(self) -> list[Glyph]:
        return [g for g in self.glyphs if not g.text.isspace()]

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs).strip()

    @property
    def x0(self) -> float:
        return min(g.x0 for g in self.ink)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.ink)

    @property
    def hyphenated(self) -> bool:
        ink = self.ink
        if len(ink) < 2 or ink[-1].text not in HYPHENS:
            return False
        last_index = self.glyphs.index(ink[-1])
        if last_index in self.link_glyphs:
            return False
        return ink[-1].text == "\u00ad" or ink[-2].text.isalpha()


@dataclass
class Measures:
    path: Path
    pages: int
    frame: tuple[float, float]
    lines: list[Line]
    justified_lines: int = 0
    spacing: list[float] = field(default_factory=list)   # one ratio per justified line
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    furniture_words: Counter = field(default_factory=Counter)  # letterhead, header, footer

    def count(self, check: str) -> int:
        return len(self.findings[check])

    def worst(self, check: str) -> float:
        return max((f.value for f in self.findings[check]), default=0.0)

    @property
    def spacing_max(self) -> float:
        return max(self.spacing, default=0.0)

    @property
    def spacing_share_over_2(self) -> float:
        return len(self.findings["spacing_over_2"]) / self.justified_lines if self.justified_lines else 0.0


# -- reading the PDF ---------------------------------------------------------------


def _elements_by_mcid(pdf: pikepdf.Pdf) -> dict[int, dict[int, Element]]:
    """page index -> mcid -> the block element that marked content belongs to."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return {}
    tree = pikepdf.NumberTree(root.ParentTree)
    cache: dict[tuple[int, int], Element] = {}

    def block_of(elem) -> Element:
        in_link = False
        node = elem
        while str(node.get("/S")) not in BLOCK_TYPES and "/P" in node and str(node.P.get("/Type", "")) != "/StructTreeRoot":
            if str(node.get("/S")) == "/Link":
                in_link = True
            node = node.P
        key = node.objgen
        if key not in cache:
            ancestors = []
            parent = node.get("/P")
            parent_key = parent.objgen if parent is not None else None
            while parent is not None and "/S" in parent:
                ancestors.append(str(parent.S))
                parent = parent.get("/P")
            cache[key] = Element(key, str(node.get("/S")), tuple(ancestors), parent_key, order=len(cache))
        found = cache[key]
        if in_link:
            return Element(found.key, found.type, found.ancestors, found.parent_key, True, found.order)
        return found

    result: dict[int, dict[int, Element]] = {}
    for index, page in enumerate(pdf.pages):
        number = page.obj.get("/StructParents")
        if number is None or int(number) not in tree:
            continue
        array = tree[int(number)]
        result[index] = {mcid: block_of(elem) for mcid, elem in enumerate(array) if isinstance(elem, pikepdf.Dictionary)}
    return result


class _Glyphs(PDFLayoutAnalyzer):
    """pdfminer device collecting each drawn character with the marked content it is in.

    pdfminer reports the glyphs as drawn, whatever /ActualText says (PDFium and
    poppler replace the glyphs under an /ActualText span by its text, so their
    positions would no longer show a line-end hyphen), and the box of each
    glyph is its advance width from the PDF's own widths. Marked content is
    tracked as a stack: an /ActualText /Span inside a /P keeps the P's MCID."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager, pageno=1, laparams=None)
        self.stack: list[tuple[str, int | None]] = []
        self.found: list[tuple[LTChar, int | None, bool]] = []

    def begin_tag(self, tag, props=None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.stack.append((str(getattr(tag, "name", tag)), int(mcid) if isinstance(mcid, int) else None))

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()

    def render_char(self, *args, **kwargs) -> float:
        advance = super().render_char(*args, **kwargs)
        artifact = any(name == "Artifact" for name, _ in self.stack)
        mcid = next((m for _, m in reversed(self.stack) if m is not None), None)
        self.found.append((self.cur_item._objs[-1], mcid, artifact))
        return advance

    def receive_layout(self, ltpage) -> None:
        pass


def _read_lines(path: Path) -> tuple[int, list[Line], Counter]:
    """Every drawn character of the story (not artifacts), grouped into lines;
    and the words of the page furniture (the artifacts' text)."""
    with pikepdf.open(path) as pdf:
        by_mcid = _elements_by_mcid(pdf)
    lines: dict[tuple[int, tuple[int, int], float], Line] = {}
    link_ids: dict[int, set[int]] = defaultdict(set)
    manager = PDFResourceManager()
    device = _Glyphs(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages = 0
    furniture: dict[tuple[int, float], list[tuple[float, str]]] = defaultdict(list)
    with open(path, "rb") as handle:
        for index, page in enumerate(PDFPage.get_pages(handle)):
            pages += 1
            device.stack, device.found = [], []
            interpreter.process_page(page)
            mcids = by_mcid.get(index, {})
            for order, (char, mcid, artifact) in enumerate(device.found):
                baseline = round(float(char.matrix[5]), 1)
                if artifact:
                    furniture[(index, baseline)].append((float(char.x0), char.get_text()))
                    continue
                elem = None if mcid is None else mcids.get(mcid)
                if elem is None:
                    continue
                glyph = Glyph(char.get_text(), float(char.x0), float(char.x1), baseline, float(char.size),
                              str(char.fontname).split("+")[-1], order)
                key = (index + 1, elem.key, baseline)
                line = lines.get(key)
                if line is None:
                    line = lines[key] = Line(index + 1, elem, baseline, [])
                line.glyphs.append(glyph)
                if elem.in_link:
                    link_ids[id(line)].add(id(glyph))
    result = []
    for line in lines.values():
        line.glyphs.sort(key=lambda g: (g.x0, g.order))
        inside = link_ids.get(id(line), set())
        line.link_glyphs = {i for i, g in enumerate(line.glyphs) if id(g) in inside}
        if line.ink:
            result.append(line)
    result.sort(key=lambda ln: (ln.page, -ln.baseline, ln.x0))
    furniture_words: Counter = Counter()
    for chars in furniture.values():
        furniture_words.update(words_of("".join(text for _, text in sorted(chars))))
    return pages, result, furniture_words


def _by_element(lines: list[Line]) -> dict[tuple[int, int], list[Line]]:
    groups: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for line in lines:
        groups[line.element.key].append(line)
    for group in groups.values():
        group.sort(key=lambda ln: (ln.page, -ln.baseline))
    return groups


def _word_gaps(line: Line) -> list[float]:
    """Ratios of each gap between words to the normal space of its font and size."""
    ratios = []
    glyphs = line.glyphs
    previous: Glyph | None = None
    space: Glyph | None = None
    for glyph in glyphs:
        if glyph.text == " ":
            space = space or glyph
            continue
        if glyph.text.isspace():  # a no-break space does not stretch: not a word gap
            previous, space = glyph, None
            continue
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if space is not None:
                normal = space.x1 - space.x0
            else:
                normal = _space_width(previous.font) * previous.size
                if gap <= normal / 2:
                    normal = 0.0
            if normal > 0:
                ratios.append(gap / normal)
        previous, space = glyph, None
    return ratios


def _space_width(font: str) -> float:
    """Width of a space in em (0.26 em, Noto Sans's, for a font we do not know)."""
    metrics = _font_metrics().get(font)
    if metrics is None or 32 not in metrics[0]:
        return 0.26
    return metrics[0][32]


@functools.cache
def _font_metrics() -> dict[str, tuple[dict[int, float], float]]:
    """PostScript name -> ({code point: advance in em}, em) for the repository's fonts."""
    from fontTools.ttLib import TTFont

    fonts: dict[str, tuple[dict[int, float], float]] = {}
    root = Path(__file__).resolve().parent.parent
    for path in sorted({*root.glob("fonts/**/*.[ot]tf"), *root.glob("presskit/**/*.[ot]tf")}):
        try:
            font = TTFont(path, lazy=True)
            name = font["name"].getDebugName(6)
            upem = font["head"].unitsPerEm
            hmtx = font["hmtx"]
            advances = {code: hmtx[glyph][0] / upem for code, glyph in font.getBestCmap().items()}
        except Exception:  # pragma: no cover - not a font we can read: its glyphs keep PDFium's boxes
            continue
        if name:
            fonts[name] = (advances, 1.0)
    return fonts


# -- the checks --------------------------------------------------------------------------


def measure(path: Path | str, frame: tuple[float, float], end_texts: tuple[str, ...] = ()) -> Measures:
    """Measure one PDF. ``frame`` is (left, right) of the text frame in points;
    ``end_texts`` are the closing line and boilerplate texts (for ``lonely_end``)."""
    path = Path(path)
    pages, lines, furniture = _read_lines(path)
    left, right = frame
    m = Measures(path, pages, frame, lines, findings={name: [] for name in CHECKS}, furniture_words=furniture)
    groups = _by_element(lines)

    for line in lines:
        for g in line.ink:
            outside = max(g.x1 - right, left - g.x0)
            if outside > OUTSIDE:
                m.findings["overflow"].append(Finding(line.page, f"{g.text!r} in {line.text}", outside))

    for key, group in groups.items():
        elem = group[0].element
        # (b) word spacing on justified lines of prose
        if elem.type == "/P":
            for line in group[:-1]:
                if line.x1 < right - EDGE:
                    continue
                ratios = _word_gaps(line)
                if not ratios:
                    continue
                ratio = max(ratios)
                m.justified_lines += 1
                m.spacing.append(ratio)
                if ratio > 2.0:
                    m.findings["spacing_over_2"].append(Finding(line.page, line.text, ratio))
                if ratio > 2.5:
                    m.findings["spacing_over_2_5"].append(Finding(line.page, line.text, ratio))
        # (c) hyphenated words across a page break, (f) ladders
        run: list[Line] = []
        for line, after in zip(group, group[1:] + [None]):
            if line.hyphenated and after is not None:
                if after.page != line.page:
                    m.findings["page_break_hyphen"].append(Finding(line.page, f"{line.text} | {after.text}", 1))
                run.append(line)
            else:
                if len(run) > 2:
                    m.findings["ladder"].append(Finding(run[0].page, " | ".join(ln.text[-20:] for ln in run), len(run)))
                run = []
        # (e) short hyphenated fragment ending the element
        if len(group) >= 2 and group[-2].hyphenated:
            widest = max(ln.x1 - ln.x0 for ln in group)
            last = group[-1]
            share = (last.x1 - last.x0) / widest if widest else 1.0
            if share < FRAGMENT_SHARE:
                m.findings["short_fragment"].append(Finding(last.page, f"{group[-2].text[-25:]} | {last.text}", share))

        # a line of a paragraph that starts further right than the paragraph's other
        # lines (a drawn space at a line start); first lines may be indented
        if elem.type == "/P" and len(group) >= 2:
            left_edge = min(ln.x0 for ln in group[1:])
            for line in group[1:]:
                if line.x0 > left_edge + 0.5 or line.glyphs[0].text == " ":
                    m.findings["stray_indent"].append(Finding(line.page, line.text, line.x0 - left_edge))

    # (d) attributions alone at the top of a page
    quotes: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for line in lines:
        if line.element.ancestors[:1] == ("/BlockQuote",):
            quotes[line.element.parent_key].append(line)
    for quote_lines in quotes.values():
        attribution = [ln for ln in quote_lines if groups[ln.element.key][0].text.startswith(("\u2014", "\u2013", "-"))]
        rest = [ln for ln in quote_lines if ln not in attribution]
        if attribution and rest and min(ln.page for ln in attribution) > max(ln.page for ln in rest):
            first = min(attribution, key=lambda ln: (ln.page, -ln.baseline))
            m.findings["lone_attribution"].append(Finding(first.page, first.text, 1))

    # (d) the last page holds only the closing line and/or the boilerplate
    if pages > 1 and end_texts:
        last_page = "".join(ln.text for ln in lines if ln.page == pages)
        rest = _squash(last_page)
        for text in sorted(end_texts, key=len, reverse=True):
            rest = rest.replace(_squash(text), "", 1)
        if not rest:
            m.findings["lonely_end"].append(Finding(pages, last_page[:80], 1))

    # a sentence ending in ':' at the foot of a page
    for page in range(1, pages):
        on_page = [ln for ln in lines if ln.page == page]
        if on_page:
            lowest = min(on_page, key=lambda ln: ln.baseline)
            if lowest.text.endswith(":"):
                m.findings["colon_foot"].append(Finding(page, lowest.text, 1))
    return m


def _squash(text: str) -> str:
    return "".join(WORD.findall(text.replace("\u00ad", "")))


# -- copied text ---------------------------------------------------------------------------

_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def source_words(*texts: str | None) -> Counter:
    """The words a reader must find whole in copied text, from YAML source text.

    A word is a run of letters and digits (``[^\\W_]+``). What presskit's
    typography changes never touches letters or digits: quotes, dashes, dots,
    spaces (also no-break), so those are word boundaries on both sides. The
    Markdown markup (``**``, ``*``, ``#``, ``>``, ``-``) is punctuation too;
    only link targets ``](url)`` are removed, since they are not printed.
    """
    words: Counter = Counter()
    for text in texts:
        if text:
            words.update(words_of(_LINK_TARGET.sub("]", text)))
    return words


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def release_words(release, brand=None) -> tuple[Counter, Counter]:
    """(main, other): words of title, subtitle, lead and body; and of facts,
    link texts and contact people (the release's, else the brand's)."""
    main = source_words(release.title, release.subtitle, release.lead, release.body)
    other_texts: list[str | None] = []
    if release.facts is not None:
        for item in release.facts.items:
            other_texts += [item.text, item.label, item.value]
    for link in release.links:
        other_texts.append(link.text or link.url)
    contact = release.contact or (brand.contact if brand is not None else None)
    if contact is not None:
        for person in contact.people:
            other_texts += [person.name, person.role, person.phone, person.email]
    return main, source_words(*other_texts)


_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"\u201c\u201d\u201e()\[\]]+|[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}")
#: where a URL or an e-mail address may break (issue 6.2), without a hyphen
_ADDRESS_BREAK = re.compile(r"(?<=[/.\-_?&=@])[ \t]*\r?\n")


def source_addresses(*texts: str | None) -> Counter:
    """URLs and e-mail addresses printed in the texts (link targets ``](url)`` are not printed)."""
    found: Counter = Counter()
    for text in texts:
        if text:
            for match in _ADDRESS.finditer(_LINK_TARGET.sub("]", text)):
                found[match.group(0).rstrip(".,;:!?'*_")] += 1
    return found


def addresses_missing(text: str, addresses: Counter, breaks: bool = True) -> list[str]:
    """Addresses not found unbroken in ``text``. With ``breaks`` (the drawn lines), a line
    break right after one of ``/ . - _ ? & = @`` is where an address may break, so it is
    taken out first; any other break, a soft or added hyphen, or a lost character makes
    it missing. Without (copied text), any line break inside an address does."""
    joined = _ADDRESS_BREAK.sub("", text) if breaks else text
    return sorted(a for a, n in addresses.items() if joined.count(a) < n for _ in range(n - joined.count(a)))


def pdftotext_text(path: Path | str) -> str:
    """poppler's text (``pdftotext -enc UTF-8``), as Evince and Okular copy it."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdfium_text(path: Path | str) -> str:
    """PDFium's text of every page (``get_text_range``), as Chrome's engine extracts it."""
    doc = pdfium.PdfDocument(str(path))
    try:
        parts = []
        for page in doc:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        doc.close()


def copy_missing(text: str, words: Counter, furniture: Counter | None = None) -> list[str]:
    """Source words (with repetitions) that the copied ``text`` does not contain whole.

    ``furniture``: words printed elsewhere (the page furniture, which the
    extractors copy too, or another part of the release); they are taken out
    first, so that "Salzwedel" in every footer cannot stand in for a
    "Salz-/wedel" split in the text."""
    found = Counter(words_of(text))
    if furniture:
        found -= furniture
    missing = []
    for word, count in words.items():
        if found[word] < count:
            missing += [word] * (count - found[word])
    return sorted(missing)


# -- the corpus at several text widths -------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO / "tests" / "corpus"
MM = 72 / 25.4

#: text widths as (left, right) margins in mm; "default" is the bundled brand's.
WIDTHS: dict[str, tuple[float, float]] = {
    "narrow": (35.0, 30.0),    # 145 mm measure
    "default": (25.0, 20.0),   # 165 mm
    "wide": (20.0, 12.0),      # 178 mm
}


def corpus_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.yaml"))


def brand_file(folder: Path, width: str) -> Path:
    """The bundled brand with the margins of ``width``, written into ``folder``."""
    left, right = WIDTHS[width]
    text = (REPO / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8")
    text, count = re.subn(r"margins: \{[^}]*\}", f"margins: {{top: 20, right: {right}, bottom: 20, left: {left}}}", text)
    if count != 1:
        raise AssertionError("presskit/data/brand.yaml: no 'margins: {…}' line to change")
    path = folder / f"brand-{width}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class CorpusResult:
    name: str
    width: str
    pdf: Path
    measures: Measures
    #: missing words per extractor: "poppler"/"pdfium" (title, lead, body), "…-other" (facts,
    #: links, contact people) and "…-addr" (printed URLs and e-mail addresses, whole); and
    #: "drawn-addr": addresses whose drawn lines break them elsewhere than after their punctuation
    copy: dict[str, list[str]]

    @property
    def label(self) -> str:
        return f"{self.name}@{self.width}"


def build_and_measure(source: Path, width: str, folder: Path) -> CorpusResult:
    """Build ``source`` with the CLI's build function at ``width`` and measure the PDF."""
    from presskit.source.brand import load_brand
    from presskit.jobs import build_one
    from presskit.source.model import load_release

    folder.mkdir(parents=True, exist_ok=True)
    brand_path = folder / f"brand-{width}.yaml"
    if not brand_path.exists():
        brand_file(folder, width)
    pdf = folder / f"{source.stem}@{width}.pdf"
    result = build_one(source, pdf, brand_path)
    if not result.ok:
        raise AssertionError(f"{source.name} at {width}: " + "\n".join(d.format() for d in result.diagnostics))
    brand = load_brand(brand_path)
    release = load_release(source)
    left, right = WIDTHS[width]
    with pikepdf.open(pdf) as doc:
        page_width = float(doc.pages[0].mediabox[2])
    frame = (left * MM, page_width - right * MM)
    own = release.lang is None or release.lang == brand.lang
    end_texts = tuple(t for t in (
        release.about or (brand.about if own else None),
        brand.about_title if own else None,
        release.closing or (brand.closing if own else None),
    ) if t)
    measures = measure(pdf, frame, end_texts)
    main, other = release_words(release, brand if own or release.contact else None)
    if release.contact is None and not own:
        other = source_words(*[t for item in (release.facts.items if release.facts else ()) for t in (item.text, item.label, item.value)],
                             *[link.text or link.url for link in release.links])
    contact = release.contact or (brand.contact if own else None)
    addresses = source_addresses(
        release.title, release.subtitle, release.lead, release.body,
        *[link.url for link in release.links if not link.text],
        *[p.email for p in (contact.people if contact else ())],
    )
    poppler, pdfium_ = pdftotext_text(pdf), pdfium_text(pdf)
    copy: dict[str, list[str]] = {}
    for tool, text in (("poppler", poppler), ("pdfium", pdfium_)):
        # One comparison for everything printed (no part may borrow another's occurrences,
        # nor the furniture's); a missing word counts for title/lead/body if it occurs there.
        missing = copy_missing(text, main + other, measures.furniture_words)
        copy[tool] = [w for w in missing if w in main]
        copy[f"{tool}-other"] = [w for w in missing if w not in main]
        copy[f"{tool}-addr"] = addresses_missing(text, addresses, breaks=False)
    # the glyphs as drawn (pdfminer ignores /ActualText), each element's lines one below the other
    drawn = "\n\n".join("\n".join(line.text for line in group) for group in _by_element(measures.lines).values())
    copy["drawn-addr"] = addresses_missing(drawn, addresses)
    return CorpusResult(source.stem, width, pdf, measures, copy)
