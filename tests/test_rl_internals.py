"""Each ReportLab internal presskit relies on (presskit/pdf/rl_internals.py), checked."""

from __future__ import annotations

import io

import pytest
import reportlab
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
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
