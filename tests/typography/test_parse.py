"""Tests for presskit.typography.parse (and blocks.plain_text)."""

import pytest

from presskit.typography.blocks import Heading, ListBlock, Paragraph, Quote, Span, plain_text
from presskit.typography.parse import parse_blocks, parse_inline


def one_paragraph(text: str) -> str:
    (block,) = parse_blocks(text, "de")
    assert isinstance(block, Paragraph)
    return plain_text(block.content)


def test_paragraphs_and_soft_breaks():
    blocks = parse_blocks("Eins\nzwei.\n\nDrei.", "de")
    assert blocks == (Paragraph((Span("Eins zwei."),)), Paragraph((Span("Drei."),)))


def test_headings_two_and_three_only():
    blocks = parse_blocks("## Zwei\n\n### Drei\n\n# Eins\n\n#### Vier", "de")
    assert blocks[0] == Heading(2, (Span("Zwei"),))
    assert blocks[1] == Heading(3, (Span("Drei"),))
    assert blocks[2] == Paragraph((Span("# Eins"),))
    assert blocks[3] == Paragraph((Span("#### Vier"),))


def test_lists():
    (bullets,) = parse_blocks("- a\n- b", "de")
    assert bullets == ListBlock(False, 1, ((Paragraph((Span("a"),)),), (Paragraph((Span("b"),)),)))
    (numbers,) = parse_blocks("3. x\n4. y", "de")
    assert numbers == ListBlock(True, 3, ((Paragraph((Span("x"),)),), (Paragraph((Span("y"),)),)))


def test_nested_list():
    (lst,) = parse_blocks("- a\n  - b", "de")
    assert lst.items[0][0] == Paragraph((Span("a"),))
    assert lst.items[0][1] == ListBlock(False, 1, ((Paragraph((Span("b"),)),),))


@pytest.mark.parametrize("dash", ["—", "--", "– ", "— "])
def test_quote_attribution(dash):
    (quote,) = parse_blocks(f"> Ein Satz\n> über Zeilen.\n> {dash}Max Muster", "de")
    assert quote == Quote(((Span("Ein Satz über Zeilen."),),), (Span("Max Muster"),))


def test_quote_without_attribution_and_separate_attribution_paragraph():
    assert parse_blocks("> Nur Text", "de") == (Quote(((Span("Nur Text"),),), None),)
    assert parse_blocks("> Text\n>\n> — Erika", "de") == (Quote(((Span("Text"),),), (Span("Erika"),)),)


def test_emphasis_and_links():
    inline = parse_inline("**fett** *kursiv* _auch_ [Seite](https://example.org)", "de")
    assert inline == (
        Span("fett", bold=True),
        Span(" "),
        Span("kursiv", italic=True),
        Span(" "),
        Span("auch", italic=True),
        Span(" "),
        Span("Seite", href="https://example.org"),
    )


def test_bare_urls_and_emails_become_links_and_are_not_smartened():
    inline = parse_inline("Siehe www.example.de/a--b. Oder presse@example.de!", "de")
    assert Span("www.example.de/a--b", href="http://www.example.de/a--b") in inline
    assert Span("presse@example.de", href="mailto:presse@example.de") in inline
    assert plain_text(inline) == "Siehe www.example.de/a--b. Oder presse@example.de!"


@pytest.mark.parametrize("scheme", ["mailto:a@b.de", "tel:+493901840309", "http://x.de", "https://x.de"])
def test_allowed_schemes(scheme):
    (span,) = parse_inline(f"[x]({scheme})", "de")
    assert span.href == scheme


@pytest.mark.parametrize(
    "text",
    [
        "[klick](javascript:alert(1))",
        "[f](file:///etc/passwd)",
        "[d](data:text/html,hi)",
        "[r](relativ.html)",
        "![Bild](foto.jpg)",
    ],
)
def test_other_links_and_images_stay_literal(text):
    assert parse_inline(text, "de") == (Span(text),)


@pytest.mark.parametrize(
    "text",
    ["`code`", "<b>fett</b>", "&amp; &lt;", "Eurich & Hasenfusz", "a <br> b", "~~durch~~", "x\\*y"],
)
def test_everything_else_is_text(text):
    assert plain_text(parse_inline(text, "de")) == text
    assert one_paragraph(text) == text


def test_disabled_block_syntax_survives_as_text():
    assert one_paragraph("```\ncode\n```") == "``` code ```"
    assert one_paragraph("Titel\n=====") == "Titel ====="
    assert one_paragraph("<div>x</div>") == "<div>x</div>"


def test_inline_has_no_blocks():
    assert plain_text(parse_inline("- kein Punkt", "de")) == "- kein Punkt"
    assert plain_text(parse_inline("## keine Überschrift", "de")) == "## keine Überschrift"


def test_quotes_carry_across_spans():
    assert parse_inline('"**fett**"', "de") == (Span("„"), Span("fett", bold=True), Span("“"))
    assert parse_inline('"**bold**"', "en") == (Span("“"), Span("bold", bold=True), Span("”"))


def test_empty_and_control_characters():
    assert parse_inline("", "de") == ()
    assert parse_blocks("", "de") == ()
    assert plain_text(parse_inline("a\x00b\x07c", "de")) in ("a\ufffdb c", "a b c")
