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

import pypdfium2 as pdfium
import pytest
from conftest import EXAMPLES

from presskit.model import load_release
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
