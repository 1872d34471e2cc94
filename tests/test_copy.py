"""Copied text has whole words: what poppler (pdftotext, Evince, Okular) and PDFium (Chrome, Edge) extract.

Every word of each bundled example's title, lead and body must be found whole
in the text the extractors themselves return: no soft hyphen, U+FFFE or line
break inside a word, nothing removed or joined by this test; and on every
page (facts, captions, contact, boilerplate too) no U+00AD or U+FFFE is left
at a line end. (pdfminer and
pdfplumber ignore /ActualText and keep ``Schotterra\\u00ad⏎sen``; pdf.js 5.6 drops the
U+00AD but keeps the line break; neither is tested here.)

A word is a run of letters: a compound with a hard hyphen (``Sachsen-Anhalt``)
counts as its parts, because a line break after a typed hyphen may also be one
before a space (``Bus-⏎und Bahn``) and is left as typed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import EXAMPLES

from presskit.source.model import load_release
from presskit.typography.smarten import smarten

NAMES = [source.stem for source in EXAMPLES]
LETTERS = re.compile(r"[^\W\d_]{2,}")
BREAK_MARKS = re.compile("\\S*[\u00ad\ufffe\u0002]\\s*\\S*")
URL = re.compile(r"https?://\S+|mailto:\S+|www\.\S+|\S+@\S+")

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def release_words(source) -> list[str]:
    """The words of the release's title, lead and body, as typed (Markdown, links' targets removed)."""
    release = load_release(source, display=str(source))
    text = " ".join([release.title, release.lead or "", release.body])
    text = re.sub(r"\]\([^)]*\)", "] ", text)  # a Markdown link's target is not printed
    text = smarten(URL.sub(" ", text), release.lang or "de")
    return sorted(set(LETTERS.findall(text)))


def missing(words: list[str], extracted: str) -> list[str]:
    return [w for w in words if not re.search(r"(?<![^\W\d_])" + re.escape(w) + r"(?![^\W\d_])", extracted)]


def pdftotext(path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def pdfium_text(path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


@pytest.mark.parametrize("name", NAMES)
def test_pdfium_copies_every_word_whole(built_examples, name):
    built = built_examples[name]
    words = release_words(built.source)
    assert len(words) > 20
    text = pdfium_text(built.pdf)
    assert missing(words, text) == []
    # every page, not only title, lead and body: no line-end break inside a word anywhere
    # (PDFium reports one as U+FFFE, sometimes U+0002)
    assert BREAK_MARKS.findall(text) == []


@needs_pdftotext
@pytest.mark.parametrize("options", [(), ("-layout",), ("-raw",)], ids=["reading-order", "layout", "raw"])
@pytest.mark.parametrize("name", NAMES)
def test_pdftotext_copies_every_word_whole(built_examples, name, options):
    built = built_examples[name]
    text = pdftotext(built.pdf, *options)
    assert missing(release_words(built.source), text) == []
    assert BREAK_MARKS.findall(text) == []  # every page: no soft hyphen left at a line end


def test_the_examples_have_words_broken_at_line_ends(built_examples):
    """Not vacuous: the examples draw hyphenated line ends, and without their
    /ActualText the extractors would find those words broken."""
    import pikepdf

    broken = 0
    for built in built_examples.values():
        with pikepdf.open(built.pdf) as pdf:
            for page in pdf.pages:
                for instruction in pikepdf.parse_content_stream(page, "BDC"):
                    props = instruction.operands[1]
                    if isinstance(props, pikepdf.Dictionary) and "/ActualText" in props:
                        broken += 1
    assert broken >= 10


@needs_pdftotext
def test_without_actual_text_the_words_are_broken(built_examples, tmp_path):
    """The check can fail: strip the /ActualText entries and poppler and PDFium split the words."""
    import pikepdf

    built = built_examples["2026-12-03-kreisstrasse-freigegeben"]
    with pikepdf.open(built.pdf) as pdf:
        for page in pdf.pages:
            instructions = pikepdf.parse_content_stream(page)
            kept = []
            for operands, operator in instructions:
                if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/ActualText" in operands[1]:
                    props = pikepdf.Dictionary({k: v for k, v in operands[1].items() if k != "/ActualText"})
                    operands = [operands[0], props]
                kept.append((operands, operator))
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        stripped = tmp_path / "stripped.pdf"
        pdf.save(stripped)
    words = release_words(built.source)
    assert "Schotterrasen" in missing(words, pdftotext(stripped))
    assert "Schotterrasen" in missing(words, pdfium_text(stripped))
    assert BREAK_MARKS.findall(pdftotext(stripped)) and BREAK_MARKS.findall(pdfium_text(stripped))


# -- words broken inside at a typed hyphen, URLs and e-mail addresses, at narrow measures ------

NARROW = """\
title: Kreistag berät den Haushalt
date: 2026-11-26
body: |
  Der Ausschussvorsitzende Hans-Christoph Lindenberg-Oppermann und die Beigeordnete Wiebke
  Hagedorn-Rosenthal warben für mehr Bus- und Bahnverkehr, neue Ein- und Ausfahrten, Rad- und
  Fußwege und die Nord-Süd-Verbindung von Sachsen-Anhalt nach Mecklenburg-Vorpommern.

  Die Unterlagen stehen unter
  https://ratsinfo.altmarkkreis-salzwedel.de/sitzungen/2026/kreistag-2026-11-25-haushaltsberatung.html
  bereit; Fragen beantworten joerg-peter.wieczorek@altmarkkreis-salzwedel.de und
  kreistagsbuero@altmarkkreis-salzwedel.de gern.

  Die Aufzeichnung zeigt die [Ratsinformation ratsinfo.altmarkkreis-salzwedel.de/sitzungen/aufzeichnung](https://ratsinfo.altmarkkreis-salzwedel.de/sitzungen/aufzeichnung)
  ab Montag.
"""
NARROW_LINK = "ratsinfo.altmarkkreis-salzwedel.de/sitzungen/aufzeichnung"
NARROW_ADDRESSES = (
    "https://ratsinfo.altmarkkreis-salzwedel.de/sitzungen/2026/kreistag-2026-11-25-haushaltsberatung.html",
    "joerg-peter.wieczorek@altmarkkreis-salzwedel.de",
    "kreistagsbuero@altmarkkreis-salzwedel.de",
    NARROW_LINK,
)
#: left and right margins (mm) of the bundled brand: text measures of 50 to 94 mm
NARROW_MARGINS = (58, 61, 64, 67, 70, 73, 76, 79, 80)
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
OPEN_HYPHEN = re.compile(r"([^\W\d_]+)- und")  # "Bus- und Bahn": a hyphen before a space


@pytest.fixture(scope="module")
def narrow_builds(tmp_path_factory) -> dict[int, "object"]:
    """The release above built with the bundled brand at each of NARROW_MARGINS."""
    from presskit.jobs import build_one

    folder = tmp_path_factory.mktemp("narrow")
    source = folder / "2026-11-26-haushalt.yaml"
    source.write_text(NARROW, encoding="utf-8")
    brand = (Path(__file__).resolve().parent.parent / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8")
    built = {}
    for margin in NARROW_MARGINS:
        text, count = re.subn(r"margins: \{[^}]*\}", f"margins: {{top: 20, right: {margin}, bottom: 20, left: {margin}}}", brand)
        assert count == 1
        brand_path = folder / f"brand-{margin}.yaml"
        brand_path.write_text(text, encoding="utf-8")
        pdf = folder / f"narrow-{margin}.pdf"
        result = build_one(source, pdf, brand_path)
        assert result.ok, "\n".join(d.format() for d in result.diagnostics)
        built[margin] = pdf
    return built


def _body() -> str:
    return " ".join(NARROW.split("body: |", 1)[1].split())


def _line_end_breaks(pdf) -> set[str]:
    """The kinds of line-end breaks drawn in ``pdf`` (glyphs as drawn, whatever /ActualText says)."""
    import layoutmetrics as lm

    body = _body()
    kinds = set()
    for group in lm._by_element(lm.measure(pdf, (0.0, 1e4)).lines).values():
        for line, following in zip(group, group[1:]):
            if line.page != following.page or not line.text or not following.text:
                continue
            tail, head = line.text.split()[-1], following.text.split()[0]
            address = next((a for a in NARROW_ADDRESSES if tail + head in a), None)
            if address is not None and tail[-1] in "/.-_?&=@":
                kinds.add("address after '-'" if tail.endswith("-") else "address after / . @ …")
                if tail.endswith("@"):
                    kinds.add("e-mail after '@'")
                if address == NARROW_LINK:
                    kinds.add("link text")
            elif tail.endswith("-") and tail[-2:-1].isalpha() and tail + head in body:
                kinds.add("compound at its hyphen")
            elif tail.endswith("-") and f"{tail} {head}" in body:
                kinds.add("hyphen before a space")
    return kinds


def test_the_narrow_builds_break_at_every_kind_of_in_word_line_end(narrow_builds):
    """Not vacuous: each kind of break the copy tests below are about is drawn somewhere."""
    kinds = set().union(*(_line_end_breaks(pdf) for pdf in narrow_builds.values()))
    assert kinds == {"address after '-'", "address after / . @ …", "e-mail after '@'", "link text",
                     "compound at its hyphen", "hyphen before a space"}


def _copied_whole(text: str) -> list[str]:
    """What of the narrow release is not whole in ``text``: words (compounds with their
    hyphens), 'Bus- und' with its hyphen and a space, and addresses without any break."""
    body = re.sub(r"\]\([^)]*\)", "]", _body())
    problems = [w for w in sorted(set(COMPOUND.findall(body)) | set(LETTERS.findall(body)))
                if not any(w in a for a in NARROW_ADDRESSES)
                and not re.search(r"(?<![^\W\d_-])" + re.escape(w) + r"(?![^\W\d_])", text)]
    problems += [m.group(0) for m in OPEN_HYPHEN.finditer(body)
                 if not re.search(re.escape(m.group(1)) + r"-\s+und\b", text)]
    problems += [a for a in NARROW_ADDRESSES if a not in text]
    return problems


@needs_pdftotext
@pytest.mark.parametrize("options", [(), ("-layout",), ("-raw",)], ids=["reading-order", "layout", "raw"])
def test_pdftotext_copies_hyphenated_compounds_urls_and_addresses_whole(narrow_builds, options):
    found = {margin: _copied_whole(pdftotext(pdf, *options)) for margin, pdf in narrow_builds.items()}
    assert {margin: problems for margin, problems in found.items() if problems} == {}


def test_pdfium_copies_hyphenated_compounds_urls_and_addresses_whole(narrow_builds):
    found = {margin: _copied_whole(pdfium_text(pdf)) for margin, pdf in narrow_builds.items()}
    assert {margin: problems for margin, problems in found.items() if problems} == {}


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_the_structure_reads_whole_addresses_and_the_link_holds_its_text(narrow_builds):
    """poppler's structure text (what a screen reader gets) has every address whole, the
    link's own element its whole text, and every MCID one owner; nothing drawn untagged."""
    import a11y
    import pikepdf

    for margin, pdf in narrow_builds.items():
        rows = a11y.struct_text(pdf)
        text = "".join(t for _, t in rows)
        assert [a for a in NARROW_ADDRESSES if a not in text] == [], margin
        link_texts = [t for roles, t in rows if roles[-1] == "Link"]
        assert any(NARROW_LINK in t for t in link_texts), (margin, link_texts)
        with pikepdf.open(pdf) as doc:
            owners: dict = {}
            for elem in a11y.walk_tree(doc):
                for key in elem.mcids:
                    owners.setdefault(key, []).append(elem.role)
            assert {k: v for k, v in owners.items() if len(v) > 1} == {}, margin
            for page in doc.pages:
                scan = a11y.scan_page(page)
                assert scan.untagged == [] and scan.nesting == [], margin


@needs_pdftotext
def test_without_actual_text_poppler_joins_compounds_and_breaks_addresses(narrow_builds, tmp_path):
    """The copy checks above can fail: without the /ActualText spans poppler drops a
    line-end hyphen and joins the lines, and keeps the line break inside an address."""
    import pikepdf

    lost = set()
    for margin, pdf_path in narrow_builds.items():
        with pikepdf.open(pdf_path) as pdf:
            for page in pdf.pages:
                kept = []
                for operands, operator in pikepdf.parse_content_stream(page):
                    if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/ActualText" in operands[1]:
                        operands = [operands[0], pikepdf.Dictionary({k: v for k, v in operands[1].items() if k != "/ActualText"})]
                    kept.append((operands, operator))
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
            stripped = tmp_path / f"stripped-{margin}.pdf"
            pdf.save(stripped)
        lost.update(_copied_whole(pdftotext(stripped)))
    assert "Lindenberg-Oppermann" in lost and NARROW_LINK in lost
    assert any(a.endswith("@altmarkkreis-salzwedel.de") for a in lost)
    assert any(re.fullmatch(r"\w+- und", p) for p in lost)
