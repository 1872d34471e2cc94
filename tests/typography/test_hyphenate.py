"""Tests for presskit.typography.hyphenate: rules, exceptions, cache, PDF copy."""

import io
from pathlib import Path

import pytest

from presskit.typography import hyphenate
from presskit.typography.hyphenate import SHY, hyphenator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def de():
    return hyphenator("de")


EXCEPTIONS = ["Alt-mark-kreis", "Land-rat", "Ur-instinkt", "Job-cen-ter", "be-inhal-ten", "Ar-beits-markt",
              "Salz-we-del", "Pres-se-stel-le", "Kreis-tag"]


@pytest.mark.parametrize("marked", EXCEPTIONS)
def test_exception_list(de, marked):
    assert de.hyphenate(marked.replace("-", "")) == marked


def test_exceptions_with_inflection_and_in_compounds(de):
    assert de.hyphenate("Pressestellen") == "Pres-se-stel-len"
    assert de.hyphenate("Landkreisverwaltung") == "Land-kreis-ver-wal-tung"


def test_every_exception_line_is_well_formed():
    text = (Path(hyphenate.__file__).with_name("hyphenation-de.txt")).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            assert line.replace("-", "").isalpha() and "--" not in line and not line.startswith("-"), line


def test_pairs_longest_first_with_soft_hyphen(de):
    pairs = list(de("Arbeitsmarkt"))
    assert pairs == [("Arbeits" + SHY, "markt"), ("Ar" + SHY, "beitsmarkt")]


@pytest.mark.parametrize("word", ["Haus", "Kreis", "BITV", "ÖPNV", "2019er", "A14-Ausbau2",
                                  "https://www.altmarkkreis-salzwedel.de", "presse@altmarkkreis.de"])
def test_not_hyphenated(de, word):
    assert list(de(word)) == []


def test_min_left_right(de):
    for word in ["Nachhaltigkeitsstrategie", "Bundesministerium", "Übergangsregelung", "Verwaltungen"]:
        for head, tail in de(word):
            assert len(head.rstrip(SHY)) >= 2 and len(tail) >= 3


def test_existing_hyphen_only(de):
    assert list(de("Kreis-Verwaltungsgebäude")) == [("Kreis-", "Verwaltungsgebäude")]
    assert list(de("Ver\xadwaltung")) == [("Ver\xad", "waltung")]


def test_english():
    en = hyphenator("en")
    assert en.hyphenate("hyphenation") == "hy-phen-ation"
    assert all(len(t) >= 3 for _, t in en("accessibility"))


def test_matches_pyphen_patterns(de):
    import pyphen

    ref = pyphen.Pyphen(lang="de_DE")
    for word in ["Donaudampfschifffahrt", "Gesundheitsamt", "Straßenbauverwaltung", "Öffentlichkeitsarbeit"]:
        assert de.patterns.points(word) == list(ref.hd.positions(word))


def test_cache_is_written_and_then_used(tmp_path, monkeypatch):
    """The first load parses pyphen's dictionary and writes the cache; later loads read
    only the cache (how fast that is, benchmarks/bench.py measures)."""
    maxlen, buckets = hyphenate.load_patterns("de", directory=tmp_path)
    assert len(list(tmp_path.glob("hyph-*.marshal"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("pyphen's dictionary was parsed although the cache exists")

    monkeypatch.setattr(hyphenate, "_parse_dictionary", no_parsing)
    assert hyphenate.load_patterns("de", directory=tmp_path) == (maxlen, buckets)


def test_unwritable_cache_falls_back(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    maxlen, buckets = hyphenate.load_patterns("de", directory=blocker / "presskit")
    assert maxlen > 0 and buckets


def _pdf_text(markup: str) -> str:
    pypdf = pytest.importorskip("pypdf")
    from reportlab.lib.fonts import addMapping
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("PkTestNoto", str(ROOT / "fonts" / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("PkTestNotoB", str(ROOT / "fonts" / "NotoSans-Bold.ttf")))
    for bold, italic in [(0, 0), (0, 1), (1, 0), (1, 1)]:
        addMapping("PkTestNoto", bold, italic, "PkTestNotoB" if bold else "PkTestNoto")
    style = ParagraphStyle("t", fontName="PkTestNoto", fontSize=11, leading=14, hyphenationLang=hyphenator("de"))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, leftMargin=200, rightMargin=595 - 300).build([Paragraph(markup, style)])
    return pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()


SENTENCE = "Pressestelle des Altmarkkreises informiert über Arbeitsmarktstatistiken."


def test_soft_hyphen_copies_from_pdf_in_mixed_style_paragraphs():
    """Line-end breaks come out of the PDF as U+00AD, not as '-'."""
    text = _pdf_text("<b>Die</b> " + SENTENCE)
    assert SHY + "\n" in text and "-\n" not in text
    assert text.replace(SHY + "\n", "").replace("\n", " ").split() == ("Die " + SENTENCE).split()


def test_single_style_paragraphs_keep_the_soft_hyphen():
    """ReportLab's single-style breaker would strip U+00AD heads (losing the hyphen);
    presskit keeps it, so these paragraphs copy as cleanly as mixed-style ones."""
    text = _pdf_text("Die " + SENTENCE)
    assert SHY + "\n" in text and "-\n" not in text
    assert text.replace(SHY + "\n", "").replace("\n", " ").split() == ("Die " + SENTENCE).split()
