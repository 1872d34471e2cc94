"""Tests for presskit.typography.markup: escaping and ReportLab round trips."""

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from presskit.typography.blocks import Span, plain_text
from presskit.typography.markup import to_markup
from presskit.typography.parse import parse_inline

STYLE = ParagraphStyle("t")


def para_text(markup: str) -> str:
    return "".join(f.text for f in Paragraph(markup, STYLE).frags)


def test_styles_and_links():
    inline = (Span("a"), Span("b", bold=True), Span("c", italic=True), Span("d", href='https://x.de/?q="1"&r=<2>'))
    markup = to_markup(inline, link_color="#0055aa")
    assert markup == (
        'a<b>b</b><i>c</i><a href="https://x.de/?q=&quot;1&quot;&amp;r=&lt;2&gt;" color="#0055aa">d</a>'
    )
    assert para_text(markup) == "abcd"


def test_underline_option():
    assert to_markup((Span("d", href="https://x.de"),), underline_links=True) == '<a href="https://x.de"><u>d</u></a>'


def test_typed_markup_is_text():
    inline = parse_inline("<b>nicht fett</b> &amp; <a href=x>y</a>", "de")
    para = Paragraph(to_markup(inline), STYLE)
    assert "".join(f.text for f in para.frags) == "<b>nicht fett</b> &amp; <a href=x>y</a>"
    assert not any(getattr(f, "bold", 0) for f in para.frags)


_tricky = st.sampled_from(["<", ">", "&", "</b>", "<b>", "&amp;", "&lt;", '<a href=x>', '"', "'", "**", "*", "_",
                           "[", "](", ")", "https://x.de", "a@b.de", " ", "\n", "#", "> ", "- ", "\\", "`"])
texts = st.lists(st.one_of(_tricky, st.characters(codec="utf-8", exclude_categories=("Cs",))), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_reportlab_round_trip(text):
    inline = parse_inline(text, "de")
    para = Paragraph(to_markup(inline, link_color="#123456"), STYLE)
    assert "".join(f.text for f in para.frags if not getattr(f, "cbDefn", None)) == plain_text(inline)
    bold_text = "".join(f.text for f in para.frags if "Bold" in f.fontName or getattr(f, "bold", 0))
    assert bold_text == "".join(s.text for s in inline if s.bold)
