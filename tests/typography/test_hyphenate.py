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


#: Words of the press office, hyphenated as the Trennmuster patterns do (they used to
#: need exception entries with pyphen's patterns).  "Pres-se-stelle": the old list
#: had Pres-se-stel-le, which broke presskit's own 3-letter minimum after a break.
OFFICE_WORDS = ["Alt-mark-kreis", "Land-rat", "Ur-instinkt", "Job-cen-ter", "be-inhal-ten", "Ar-beits-markt",
                "Salz-we-del", "Pres-se-stelle", "Kreis-tag", "Kreis-straße",
                "Grund-stück", "Rück-fra-gen", "Alt-mark-krei-ses"]


@pytest.mark.parametrize("marked", OFFICE_WORDS)
def test_office_words(de, marked):
    assert de.hyphenate(marked.replace("-", "")) == marked


def test_issue_examples_are_no_longer_broken_wrongly(de):
    """Issue 6: pyphen gave Kreiss-traße, Grunds-tück, Rü-ckfragen, Touristin-formationen."""
    assert "Kreis-straße" == de.hyphenate("Kreisstraße")
    assert "Grund-stück" == de.hyphenate("Grundstück")
    assert "Rück-fra-gen" == de.hyphenate("Rückfragen")
    assert "Touristin-" not in de.hyphenate("Touristinformationen")


def test_exceptions_with_inflection_and_in_compounds(de):
    assert de.hyphenate("Arendsee") == "Arend-see"  # the old list had the wrong Ar-en-dsee
    assert de.hyphenate("Arendsees") == "Arend-sees"
    assert de.hyphenate("Westarendsee") == "West-arend-see"
    assert de.hyphenate("Landkreisverwaltung") == "Land-kreis-ver-wal-tung"


def test_every_exception_line_is_well_formed():
    text = (Path(hyphenate.__file__).with_name("hyphenation-de.txt")).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            assert line.replace("-", "").isalpha() and "--" not in line and not line.startswith("-"), line


def test_every_exception_is_needed():
    """The list holds true exceptions only: each entry differs from what the patterns say."""
    h = hyphenate.Hyphenator("de", hyphenate.load_patterns("de"), {})
    for word, positions in hyphenate.load_exceptions("de").items():
        assert h.positions(word.capitalize()) != positions, f"{word}: the patterns already do this"


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


def test_liang_matches_pyphen_on_the_same_patterns(tmp_path):
    """presskit's own pattern parser and Liang implementation agree with pyphen's
    (an independent implementation) on the very same Trennmuster patterns."""
    import pyphen

    de = hyphenator("de")
    patterns = hyphenate.parse_tex_patterns(hyphenate.GERMAN_PATTERNS)
    assert len(patterns) > 30000
    body = hyphenate.GERMAN_PATTERNS.read_text("utf-8").split("\\patterns{", 1)[1].split("}", 1)[0]
    dic = tmp_path / "hyph_de_test.dic"
    dic.write_text("UTF-8\n" + "\n".join(t for t in body.split() if not t.startswith("%")) + "\n", "utf-8")
    ref = pyphen.HyphDict(dic)
    for word in ["Donaudampfschifffahrt", "Gesundheitsamt", "Straßenbauverwaltung", "Öffentlichkeitsarbeit",
                 "Kreisstraße", "Touristinformationen", "Glasfaserausbau", "Bürgermeisterin"]:
        assert de.patterns.points(word) == list(ref.positions(word)), word


def test_breaks_api(de):
    assert de.breaks("Kreisstraße") == ((5, hyphenate.PENALTY["compound"]),)
    breaks = de.breaks("Feuerwehrgerätehaus")
    assert [p for p, _ in breaks] == sorted(p for p, _ in breaks)
    assert all(0 <= penalty <= 100 for _, penalty in breaks)
    best = min(breaks, key=lambda b: b[1])
    assert best[1] == hyphenate.PENALTY["compound"] and best[0] in (5, 15)  # Feuer|wehr, geräte|haus
    assert dict(de.breaks("Feuerwehrgerätehaus"))[3] == hyphenate.PENALTY["poor"]  # Feu|er
    assert de.breaks("Kreis-Verwaltungsgebäude") == ((6, 0),)
    assert de.breaks("Haus") == ()


def test_call_pairs_agree_with_breaks(de):
    word = "Nachhaltigkeitsstrategie"
    heads = [head.rstrip(SHY) for head, _ in de(word)]
    assert heads == [word[:p] for p, _ in reversed(de.breaks(word))]


def test_protected_names(de):
    doc = de.protecting(["Dr. Anna-Lena Weidenhammer", "Bartholomäus"])
    assert doc.breaks("Weidenhammer") == () and list(doc("Weidenhammers")) == []
    assert list(doc("Bartholomäus,")) == [] and doc.breaks("Anna-Lena") == ()
    assert de.breaks("Weidenhammer") != ()  # the shared hyphenator is untouched
    doc.protect(["Friederike Holzapfel"])
    assert doc.breaks("Holzapfel") == () and doc.breaks("Weidenhammer") == ()
    assert doc.breaks("Kreisstraße") == de.breaks("Kreisstraße")


def test_cache_is_written_and_then_used(tmp_path, monkeypatch):
    """The first load parses the pattern files and writes the cache; later loads read
    only the cache (how fast that is, benchmarks/bench.py measures)."""
    main = hyphenate.load_patterns("de", directory=tmp_path)
    compound = hyphenate.load_patterns("de", directory=tmp_path, part="compound")
    assert sorted(p.name for p in tmp_path.glob("hyph-*.marshal")) == sorted(
        hyphenate.cache_file_name("de", part) for part in ("main", "compound"))

    def no_parsing(*args, **kwargs):
        raise AssertionError("the pattern files were parsed although the cache exists")

    monkeypatch.setattr(hyphenate, "_parse", no_parsing)
    assert hyphenate.load_patterns("de", directory=tmp_path) == main
    assert hyphenate.load_patterns("de", directory=tmp_path, part="compound") == compound


def test_reportlab_path_does_not_load_the_compound_level():
    loads = []
    h = hyphenate.Hyphenator("de", hyphenate.load_patterns("de"), {}, lambda: loads.append(1))
    assert list(h("Kreisstraße")) and loads == []
    h.breaks("Kreisstraße")
    assert loads == [1]


def test_cache_is_one_file_per_version_and_stale_ones_go(tmp_path, monkeypatch):
    from presskit import __version__

    stale = ["hyph-de-main-0.0.1-aaaaaaaaaaaa.marshal", f"hyph-de-main-{__version__}-bbbbbbbbbbbb.marshal",
             "hyph-de-compound-0.0.1-aaaaaaaaaaaa.marshal",
             "hyph-hyph_de_DE-0.17.2-123-456-v2.marshal", "hyph-hyph_en_US-0.17.2-1-2-v2.marshal"]
    keep = ["hyph-en-main-0.0.1-cccccccccccc.marshal", "notes.txt", "other.marshal",
            hyphenate.cache_file_name("de", "compound")]
    for name in stale + keep:
        (tmp_path / name).write_bytes(b"x" * 10)
    import os
    import time

    (tmp_path / ".hyph-killed.tmp").write_bytes(b"x")  # a writer died an hour ago
    os.utime(tmp_path / ".hyph-killed.tmp", (time.time() - 3600,) * 2)
    (tmp_path / ".hyph-writing.tmp").write_bytes(b"x")  # another process is writing now
    keep.append(".hyph-writing.tmp")
    hyphenate.load_patterns("de", directory=tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(keep + [hyphenate.cache_file_name("de")])
    # a new presskit version writes its own file and removes this version's
    monkeypatch.setattr("presskit.__version__", "99.0")
    hyphenate.load_patterns("de", directory=tmp_path)
    assert sorted(p.name for p in tmp_path.glob("hyph-de-*")) == [hyphenate.cache_file_name("de")]
    assert "99.0" in hyphenate.cache_file_name("de")


def test_cache_lives_in_the_platform_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert hyphenate.cache_dir() == tmp_path / "presskit"
    hyphenate.load_patterns("en")
    assert (tmp_path / "presskit" / hyphenate.cache_file_name("en")).exists()


def test_unwritable_cache_falls_back(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    data = hyphenate.load_patterns("de", directory=blocker / "presskit")
    assert data[0] > 0 and data[1]
    h = hyphenate.Hyphenator("de", data, {})
    assert h.hyphenate("Kreisstraße") == "Kreis-straße"


def test_read_only_cache_folder_still_works(tmp_path, monkeypatch):
    """A folder that refuses new files (as a read-only folder does for a normal user;
    root can write anywhere, so the refusal is simulated at the system call)."""
    import tempfile

    folder = tmp_path / "ro"
    folder.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    data = hyphenate.load_patterns("de", directory=folder)
    assert data[1] and list(folder.iterdir()) == []
    h = hyphenate.Hyphenator("de", data, {})
    assert h.hyphenate("Kreisstraße") == "Kreis-straße"


def _pdf_text(markup: str) -> str:
    pypdf = pytest.importorskip("pypdf")
    from reportlab.lib.fonts import addMapping
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate

    from presskit.pdf.flowables import TextParagraph

    pdfmetrics.registerFont(TTFont("PkTestNoto", str(ROOT / "fonts" / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("PkTestNotoB", str(ROOT / "fonts" / "NotoSans-Bold.ttf")))
    for bold, italic in [(0, 0), (0, 1), (1, 0), (1, 1)]:
        addMapping("PkTestNoto", bold, italic, "PkTestNotoB" if bold else "PkTestNoto")
    style = ParagraphStyle("t", fontName="PkTestNoto", fontSize=11, leading=14, hyphenationLang=hyphenator("de"))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, leftMargin=200, rightMargin=595 - 300).build([TextParagraph(markup, style)])
    return pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()


SENTENCE = "Pressestelle des Altmarkkreises informiert über Arbeitsmarktstatistiken."


def test_soft_hyphen_copies_from_pdf_in_mixed_style_paragraphs():
    """Line-end breaks come out of the PDF as U+00AD, not as '-'."""
    text = _pdf_text("<b>Die</b> " + SENTENCE)
    assert SHY + "\n" in text and "-\n" not in text
    assert text.replace(SHY + "\n", "").replace("\n", " ").split() == ("Die " + SENTENCE).split()


def test_single_style_paragraphs_keep_the_soft_hyphen():
    """Single-style paragraphs copy as cleanly as mixed-style ones (ReportLab's own
    single-style breaker would strip U+00AD heads; presskit's line setter keeps them)."""
    text = _pdf_text("Die " + SENTENCE)
    assert SHY + "\n" in text and "-\n" not in text
    assert text.replace(SHY + "\n", "").replace("\n", " ").split() == ("Die " + SENTENCE).split()


def test_english_is_what_pyphen_gives():
    """English keeps TeX's US patterns through pyphen: same breaks as pyphen's own
    hyphenator, within presskit's 2/3 letters minimum."""
    import pyphen

    en = hyphenator("en")
    ref = pyphen.Pyphen(lang="en_US", left=2, right=3)
    for word in ["hyphenation", "accessibility", "administration", "partnership", "representatives",
                 "infrastructure", "announcement", "SaxonyAnhalt", "broadband"]:
        assert list(en.positions(word)) == ref.positions(word), word
