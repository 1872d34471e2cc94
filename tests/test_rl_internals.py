"""Each ReportLab internal presskit relies on (presskit/pdf/rl_internals.py), checked."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest
import reportlab
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.paragraph import Paragraph

from presskit.pdf import rl_internals


def test_the_installed_reportlab_is_one_the_code_was_checked_against():
    rl_internals.check_version(reportlab.Version)
    with pytest.raises(ImportError):
        rl_internals.check_version("6.0.0")
    with pytest.raises(ImportError):
        rl_internals.check_version("4.2.5")
    rl_internals.check_version("5.0.1")


def _draw(paragraph, width=200):
    canvas = Canvas("unused.pdf")
    paragraph.wrapOn(canvas, width, 1000)
    paragraph.drawOn(canvas, 0, 0)
    return " ".join(canvas._code)


class _Preset(Paragraph):
    """A Paragraph whose breakLines returns lines made by rl_internals."""

    lines = None

    def breakLines(self, width):  # noqa: N802
        return rl_internals.para_lines(self.lines)


def _line(frag, text, width, words=2, line_break=False):
    clone = frag.clone()
    clone.text = text
    natural = stringWidth(text, clone.fontName, clone.fontSize)
    return rl_internals.frag_line(words=[clone], extra_space=width - natural, word_count=words,
                                  line_break=line_break, font_size=clone.fontSize, ascent=clone.fontSize * 0.8,
                                  descent=-clone.fontSize * 0.2, max_width=width)


def test_frag_lines_are_drawn_justified_with_word_spacing_over_their_spaces():
    style = ParagraphStyle("j", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY)
    p = _Preset("x", style)
    frag = p.frags[0]
    natural = stringWidth("ab cd", "Helvetica", 10)
    p.lines = [_line(frag, "ab cd", 200), _line(frag, "ef gh", 200)]
    code = _draw(p)
    # the first (not last) line: its extraSpace spread over its one space as Tw
    assert f"{200 - natural:.2f} Tw" in code
    assert code.index(" Tw") < code.index("(ab cd) Tj") < code.index("0 Tw") < code.index("(ef gh) Tj")
    assert p.height == 24


def test_a_line_break_frag_line_is_drawn_without_word_spacing():
    style = ParagraphStyle("j", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY)
    p = _Preset("x", style)
    frag = p.frags[0]
    p.lines = [_line(frag, "ab cd", 200, line_break=True), _line(frag, "ef gh", 200)]
    assert " Tw" not in _draw(p).replace("0 Tw", "")


def test_justify_last_controls_the_last_line():
    style = ParagraphStyle("j", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY)
    p = _Preset("x", style)
    p.lines = [_line(p.frags[0], "ab cd", 200)]
    assert " Tw" not in _draw(p).replace("0 Tw", "")
    rl_internals.set_justify_last(p, True)
    assert " Tw" in _draw(p).replace("0 Tw", "")


def test_parsed_fragments_carry_what_the_line_setting_reads():
    style = ParagraphStyle("j", fontName="Helvetica", fontSize=10, leading=12)
    p = Paragraph('Ein <b>fetter</b> <a href="https://x.de">Link</a>', style)
    texts = [f.text for f in p.frags]
    assert "".join(texts) == "Ein fetter Link"
    bold = next(f for f in p.frags if f.text == "fetter")
    assert bold.fontName == "Helvetica-Bold" and bold.fontSize == 10
    link = next(f for f in p.frags if f.text == "Link")
    assert link.link and link.link[0][1] == "https://x.de"
    clone = link.clone()
    clone.text = "anders"
    assert clone.link == link.link and link.text == "Link"


def test_putfragline_hands_the_fragment_text_object_to_textout():
    """The tagger recognises how a line ends by the str subclass it gets in _textOut."""
    from presskit.pdf.linesetting import line_end_text

    seen = []
    style = ParagraphStyle("j", fontName="Helvetica", fontSize=10, leading=12)
    p = _Preset("x", style)
    line = _line(p.frags[0], "www.example.", 200, words=1)
    line.words[0].text = line_end_text(line.words[0].text, "join")
    p.lines = [line, _line(p.frags[0], "de/weiter", 200, words=1)]
    canvas = Canvas("unused.pdf")
    begin = canvas.beginText

    def beginText(*args, **kwargs):  # noqa: N802
        tx = begin(*args, **kwargs)
        out = tx._textOut

        def _textOut(text, TStar=0):  # noqa: N802,N803
            seen.append(text)
            return out(text, TStar)

        tx._textOut = _textOut
        return tx

    canvas.beginText = beginText
    p.wrapOn(canvas, 200, 1000)
    p.drawOn(canvas, 0, 0)
    assert any(getattr(t, "line_end", None) == "join" for t in seen), seen


def test_text_code_is_one_entry_per_text_out_joined_by_spaces():
    canv = Canvas(io.BytesIO())
    tx = canv.beginText(72, 700)
    code = rl_internals.text_code(tx)
    assert isinstance(code, list) and code[0] == "BT"
    before = len(code)
    tx._textOut("head", 0)
    tx._textOut("tail", 1)
    assert len(code) == before + 2
    assert code[-2].endswith("Tj") and code[-1].endswith("Tj T*")
    code.insert(before + 1, "")  # a blank piece (a span that was taken back) changes nothing drawn
    code.insert(before + 1, "/Span <</MCID 0>> BDC")
    code.append("EMC")
    stream = tx.getCode()
    assert stream.startswith("BT") and "Tj /Span <</MCID 0>> BDC  (tail) Tj T* EMC" in stream
    assert rl_internals.text_code(tx) is tx._code


def test_bookmark_reference_binds_a_link_made_before_its_bookmark():
    """``Canvas._bookmarkReference``: a link on page 1 to a bookmark made on page 2 goes there,
    and the annotation is a dictionary the tagger can mark (see destination_link)."""
    import pikepdf
    from reportlab.pdfbase.pdfdoc import PDFDictionary

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    seen = []
    add = canvas._addAnnotation
    canvas._addAnnotation = lambda annotation, *args, **kwargs: (seen.append(annotation), add(annotation, *args, **kwargs))
    canvas.translate(10, 20)
    rl_internals.destination_link(canvas, "later", (0, 0, 100, 30))
    canvas.showPage()
    canvas.bookmarkHorizontal("later", 0, 500)
    canvas.showPage()
    canvas.save()
    assert isinstance(seen[0], PDFDictionary)
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        annot = pdf.pages[0].Annots[0]
        assert [float(v) for v in annot.Rect] == [10, 20, 110, 50]
        assert annot.Dest[0].objgen == pdf.pages[1].obj.objgen
        assert annot.Dest[1] == pikepdf.Name.XYZ and float(annot.Dest[3]) == 500


# -- canvas ---------------------------------------------------------------------------------


def _page_streams(data: bytes) -> list[bytes]:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [page.Contents.read_bytes() if not isinstance(page.Contents, pikepdf.Array)
                else b"\n".join(c.read_bytes() for c in page.Contents) for page in pdf.pages]


def test_canvas_code_is_the_live_list_of_the_page_stream():
    """The tagger opens a sequence with ``addLiteral`` and takes its BDC back by deleting
    the entry at the length it read: one entry per ``addLiteral``, and what is left in the
    list is what the page's stream holds; ``showPage`` starts the next page's list."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pageCompression=0)
    code = rl_internals.canvas_code(canv)
    assert isinstance(code, list)
    canv.addLiteral("/P <</MCID 0>> BDC")
    length = len(code)
    assert code[length - 1] == "/P <</MCID 0>> BDC"
    del code[length - 1]  # nothing painted: the BDC is taken back
    canv.addLiteral("% kept")
    assert len(code) == length and code[-1] == "% kept"
    assert rl_internals.canvas_code(canv) is code
    canv.showPage()
    assert rl_internals.canvas_code(canv) == []
    canv.addLiteral("% second page")
    canv.showPage()
    canv.save()
    first, second = _page_streams(buffer.getvalue())
    assert b"% kept" in first and b"BDC" not in first and b"% second page" not in first
    assert b"% second page" in second


def test_wrap_add_annotation_sees_each_page_annotation_before_it_is_written():
    """The tagger marks every annotation (``annotation[ANNOT_KEY] = tag``) as it is made:
    URL links, platypus links in paragraphs and :func:`destination_link`; the mark is
    in the written /Annots. Annotations not put on the page are not seen."""
    import pikepdf
    from reportlab.pdfbase.pdfdoc import PDFDictionary

    buffer = io.BytesIO()
    canv = Canvas(buffer)
    seen = []

    def hook(annotation):
        annotation["PresskitTag"] = len(seen)
        seen.append(annotation)

    rl_internals.wrap_add_annotation(canv, hook)
    canv.linkURL("https://a.example", (0, 0, 50, 10))
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    p = Paragraph('Ein <a href="https://b.example">Link</a>', style)
    p.wrapOn(canv, 200, 100)
    p.drawOn(canv, 0, 100)
    rl_internals.destination_link(canv, "here", (0, 200, 50, 210))
    canv.bookmarkPage("here")
    canv._addAnnotation(PDFDictionary(), "unlisted", 0)  # not on the page: not seen
    canv.showPage()
    canv.save()
    assert len(seen) == 3 and all(isinstance(a, PDFDictionary) for a in seen)
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        annots = pdf.pages[0].Annots
        assert [int(a.PresskitTag) for a in annots] == [0, 1, 2]
        assert str(annots[0].A.URI) == "https://a.example" and str(annots[1].A.URI) == "https://b.example"
        assert "/Dest" in annots[2]


# -- text objects ---------------------------------------------------------------------------


def test_set_text_code_replaces_what_draw_text_writes():
    buffer = io.BytesIO()
    canv = Canvas(buffer, pageCompression=0)
    tx = canv.beginText(72, 700)
    tx.setFont("Helvetica", 10)
    tx.textLine("weg")
    code = rl_internals.text_code(tx)
    new = [code[0], "/Span <</MCID 0>> BDC", "(neu) Tj", "EMC"]
    rl_internals.set_text_code(tx, new)
    assert rl_internals.text_code(tx) is new
    canv.drawText(tx)
    canv.showPage()
    canv.save()
    (stream,) = _page_streams(buffer.getvalue())
    assert b"BT /Span <</MCID 0>> BDC (neu) Tj EMC ET" in stream and b"weg" not in stream


def test_wrap_text_out_sees_every_fragment_a_paragraph_writes_and_each_line_end():
    """Every text-showing entry of a drawn paragraph comes from one ``_textOut`` on the
    text object (the tagger counts entries by them), lines ending with ``TStar=1``."""
    seen = []
    canv = Canvas(io.BytesIO())
    begin = canv.beginText

    def beginText(*args, **kwargs):  # noqa: N802
        tx = begin(*args, **kwargs)
        code = rl_internals.text_code(tx)

        def wrapper(original, text, t_star):
            before = len(code)
            original(text, t_star)
            seen.append((text, t_star, len(code) - before))

        rl_internals.wrap_text_out(tx, wrapper)
        return tx

    canv.beginText = beginText
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    p = Paragraph("eins zwei <b>drei</b> vier fünf sechs sieben acht neun", style)
    p.wrapOn(canv, 80, 1000)
    p.drawOn(canv, 0, 0)
    assert len(p.blPara.lines) > 1
    assert all(added == 1 for _, _, added in seen)
    assert sum(t_star for _, t_star, _ in seen) == len(p.blPara.lines)
    assert seen[-1][1] == 1
    assert " ".join(text for text, _, _ in seen).split() == "eins zwei drei vier fünf sechs sieben acht neun".split()


def test_link_record_marks_where_a_links_text_begins_and_ends():
    """``_putFragLine`` calls ``tx._linkRecord(link, "start")`` just after writing the link's
    first fragment, ``"end"`` just before the next fragment after it; a link is (n, href)."""
    events = []
    texts = []
    canv = Canvas(io.BytesIO())
    begin = canv.beginText

    def beginText(*args, **kwargs):  # noqa: N802
        tx = begin(*args, **kwargs)
        code = rl_internals.text_code(tx)
        rl_internals.set_link_record(tx, lambda link, what: events.append((what, link, len(code))))
        texts.append(code)
        return tx

    canv.beginText = beginText
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    p = Paragraph('Vor <a href="https://x.example">dem <b>Link</b></a> danach', style)
    p.wrapOn(canv, 400, 1000)
    p.drawOn(canv, 0, 0)
    assert [what for what, _, _ in events] == ["start", "end"]
    (_, link, start), (_, end_link, end) = events
    assert link == end_link and link[1] == "https://x.example"
    (code,) = texts

    def shown(pieces):
        return [piece for piece in pieces if "Tj" in piece]

    assert "dem" in shown(code[:start])[-1] and "Vor" not in shown(code[:start])[-1]
    assert "Link" in shown(code[:end])[-1] and "danach" in "".join(shown(code[end:]))


# -- tables ---------------------------------------------------------------------------------


def _table_data():
    return [["Kopf", "Wert"]] + [[f"Zeile {i}", str(i)] for i in range(6)]


def test_table_rows_are_the_rows_and_split_parts_share_them():
    """Tagged tables find a row's TR by the identity of its row in every split part; a
    header row repeated on the next page is the same row object."""
    from reportlab.platypus.tables import Table

    data = _table_data()
    table = Table(data, rowHeights=20, repeatRows=1)
    rows = rl_internals.table_rows(table)
    assert [list(r) for r in rows] == data
    table.wrap(200, 1000)
    first, rest = table.split(200, 75)
    assert [id(r) for r in rl_internals.table_rows(first)] == [id(r) for r in rows[:3]]
    assert [id(r) for r in rl_internals.table_rows(rest)] == [id(rows[0])] + [id(r) for r in rows[3:]]


def test_render_callback_is_called_around_background_rules_and_each_cell_of_each_part():
    from reportlab.platypus.tables import Table

    events = []
    table = Table(_table_data(), rowHeights=20, repeatRows=1, style=[("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                                                      ("BACKGROUND", (0, 0), (-1, 0), "grey")])
    rl_internals.set_render_callback(table, lambda t, event, *args: events.append((t, event, args[:2])))
    table.wrap(200, 1000)
    parts = table.split(200, 75)
    canv = Canvas(io.BytesIO())
    for part in parts:
        part.wrapOn(canv, 200, 1000)
        part.drawOn(canv, 0, 0)
    for part in parts:
        mine = [(event, args) for t, event, args in events
                if t is part and event in {"startBG", "endBG", "startLines", "endLines", "startCell", "endCell"}]
        names = [event for event, _ in mine]
        assert names[:2] == ["startBG", "endBG"] and names[-2:] == ["startLines", "endLines"]
        cells = [args for event, args in mine if event == "startCell"]
        assert cells == [(r, c) for r in range(len(rl_internals.table_rows(part))) for c in range(2)]
        assert names.count("endCell") == len(cells)
    assert {t for t, _, _ in events} == set(parts)


# -- flowables ------------------------------------------------------------------------------


class _Proxy(rl_internals.DelegatedFixedSize, Flowable):
    def __init__(self, flowable):
        super().__init__()
        self.flowable = flowable

    def wrap(self, aW, aH):  # noqa: N803
        self.width, self.height = self.flowable.wrap(aW, aH)
        return self.width, self.height


def test_delegated_fixed_size_lets_a_table_size_a_column_by_the_wrapped_flowable():
    """A table column of a (tagged) fixed-size flowable, e.g. a photo, is as wide as it;
    ReportLab asks ``_fixedWidth`` before it takes ``width`` without wrapping."""
    from reportlab.platypus.flowables import Spacer
    from reportlab.platypus.tables import Table

    spacer = Spacer(50, 10)
    proxy = _Proxy(spacer)
    proxy.width = 50
    table = Table([[proxy, "x"]], style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                                         ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    width, _ = table.wrap(400, 100)  # not wrapped to share the 400 pt with the other column
    assert width == pytest.approx(50 + stringWidth("x", "Helvetica", 10))
    assert proxy._fixedWidth == spacer._fixedWidth == 1 and proxy._fixedHeight == spacer._fixedHeight == 1
    assert _Proxy(Paragraph("x", ParagraphStyle("p")))._fixedWidth == 0


def test_keep_together_height_and_content():
    from reportlab.platypus.flowables import KeepTogether, Spacer

    wraps = []

    class Counted(KeepTogether):
        def wrap(self, aW, aH):  # noqa: N803
            wraps.append((aW, aH))
            return super().wrap(aW, aH)

    content = [Spacer(10, 30), Spacer(10, 40)]
    keep = Counted(content)
    keep.canv = Canvas(io.BytesIO())  # as wrapOn sets it
    assert rl_internals.keep_together_height(keep, 100, 500) == 70
    assert rl_internals.keep_together_height(keep, 100, 500) == 70
    assert wraps == [(100, 500)]  # wrapped once for one size
    keep.wrap(100, 600)
    rl_internals.keep_together_height(keep, 100, 600)
    assert wraps == [(100, 500), (100, 600)]
    assert [id(f) for f in rl_internals.keep_together_content(keep)] == [id(f) for f in content]


# -- doc templates --------------------------------------------------------------------------


def test_defer_save_leaves_the_canvas_open_after_build():
    """``build_document`` draws the "Seite X von Y" forms after the build, then saves."""
    from reportlab.platypus.doctemplate import SimpleDocTemplate

    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    saved = io.BytesIO()
    SimpleDocTemplate(saved).build([Paragraph("x", style)])
    assert saved.getvalue().startswith(b"%PDF")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pageCompression=0)
    rl_internals.defer_save(doc)
    doc.build([Paragraph("x", style)])
    assert buffer.getvalue() == b""
    doc.canv.beginForm("late")
    doc.canv.drawString(0, 0, "spaet")
    doc.canv.endForm()
    doc.canv.save()
    assert buffer.getvalue().startswith(b"%PDF") and b"spaet" in buffer.getvalue()


def test_on_new_canvas_sees_the_build_canvas_before_anything_is_drawn():
    """The tagger is attached to the build's canvas before the first page is drawn."""
    from reportlab.platypus.doctemplate import SimpleDocTemplate

    seen = []
    drawn_with = []

    def hook(canv):
        canv.presskit_mark = len(seen)
        seen.append(canv)

    doc = SimpleDocTemplate(io.BytesIO())
    rl_internals.on_new_canvas(doc, hook)
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    doc.build([Paragraph("x", style)], onFirstPage=lambda canv, d: drawn_with.append(getattr(canv, "presskit_mark", None)))
    assert len(seen) == 1 and seen[0] is doc.canv and drawn_with == [0]


# -- nothing else touches them --------------------------------------------------------------

_PACKAGE = Path(rl_internals.__file__).resolve().parent.parent
#: Names that receive ReportLab objects in presskit (canvases, text objects, tables, doc
#: templates, paragraphs and their fragments, flowables).
_RECEIVERS = {"canv", "canvas", "c", "tx", "text_object", "table", "t", "doc", "paragraph", "p", "para",
              "frag", "f", "flowable", "keep", "part", "first", "rest", "line", "style"}
#: presskit's own private names that the scan would take for ReportLab's (ReportLab has
#: none of them but ``_content``, which the inspector's pikepdf reader spells the same).
_OWN = {
    ("pdf/tagging/inspect.py", "_content"),    # the inspector's page contents
    ("pdf/flowables.py", "_preset"),           # TextParagraph's lines, set on its split parts
    ("pdf/flowables.py", "_measured"),         # Stack's measured layout, set on its split rest
    ("content/build.py", "_source_lines"),     # the YAML loader's document, not a doc template
}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and len(name) > 1


def _internals() -> set[str]:
    """The ReportLab private names rl_internals.py uses."""
    tree = ast.parse(Path(rl_internals.__file__).read_text(encoding="utf-8"))
    names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and _private(n.attr)}
    names |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
              and _private(n.value) and n.value.isidentifier()}
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        names |= {f.name for f in cls.body if isinstance(f, ast.FunctionDef) and _private(f.name)}
    return names


def _uses(source: str, internals: set[str]):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            receiver = node.value
            base = receiver.id if isinstance(receiver, ast.Name) else getattr(receiver, "attr", None)
            if node.attr in internals or base in _RECEIVERS or base == "canv":
                yield node.lineno, node.attr
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in internals:
            yield node.lineno, node.value
        elif isinstance(node, ast.ClassDef):  # a method overriding an internal
            yield from ((f.lineno, f.name) for f in node.body
                        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name in internals)


def test_the_internals_list_covers_what_presskit_relies_on():
    assert {"_code", "_addAnnotation", "_textOut", "_linkRecord", "_cellvalues", "_renderCB", "_doSave",
            "_makeCanvas", "_JustifyLast", "_bookmarkReference", "_fixedWidth", "_fixedHeight", "_H",
            "_wrapInfo", "_content"} <= _internals()


def test_no_module_but_rl_internals_touches_a_reportlab_internal():
    internals = _internals()
    found = []
    for path in sorted(_PACKAGE.rglob("*.py")):
        rel = path.relative_to(_PACKAGE).as_posix()
        if rel == "pdf/rl_internals.py":
            continue
        for line, name in _uses(path.read_text(encoding="utf-8"), internals):
            if (rel, name) not in _OWN:
                found.append(f"presskit/{rel}:{line}: {name}")
    assert found == []


@pytest.mark.parametrize("source", [
    "def f(canv):\n    return len(canv._code)\n",
    "def f(self):\n    self.canv._addAnnotation = None\n",
    "def f(tx):\n    tx._textOut('x', 1)\n",
    "def f(table):\n    return table._cellvalues\n",
    "def f(self):\n    return self._H\n",
    "def f(self):\n    return getattr(self, '_wrapInfo', None)\n",
    "class T:\n    @property\n    def _fixedWidth(self):\n        return 0\n",
    "def f(doc):\n    doc._somethingNew = 0\n",
])
def test_the_scan_finds_an_internal(source):
    assert list(_uses(source, _internals()))


def test_the_scan_leaves_presskits_own_private_names_alone():
    assert not list(_uses("def f(self, brand):\n    self._stack = []\n    return brand._base_dir\n", _internals()))
