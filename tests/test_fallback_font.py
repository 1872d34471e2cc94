"""Characters Noto Sans lacks (minus sign, arrows) come from the bundled fallback face."""

from __future__ import annotations

import shutil
import subprocess

import pikepdf
import pypdfium2 as pdfium
import pytest

from presskit.source.brand import default_brand
from presskit.jobs import build_one
from presskit.pdf.render import make_theme

RELEASE = """\
title: Winterdienst startet bei −5 °C
date: 2026-12-03
body: |
  In der Nacht sanken die Temperaturen auf −5 °C, am Morgen auf **−12 °C**; die
  Umleitung führt Lindenhagen → Wiesenbrück, *zurück ← über die B 71*.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fallback")
    source = folder / "release.yaml"
    source.write_text(RELEASE, encoding="utf-8")
    result = build_one(source, folder / "out.pdf")
    assert result.ok, [d.format() for d in result.diagnostics]
    return folder / "out.pdf"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_minus_and_arrows_build_and_copy(built):
    text = subprocess.run(["pdftotext", str(built), "-"], capture_output=True, text=True, check=True).stdout
    doc = pdfium.PdfDocument(str(built))
    try:
        pdfium_text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    for extracted in (text, pdfium_text):
        flat = extracted.replace("\u00a0", " ")
        for expected in ("−5 °C", "−12 °C", "Lindenhagen → Wiesenbrück", "zurück ← über"):
            assert expected in " ".join(flat.split()), (expected, flat)


def test_fallback_face_is_embedded_as_a_subset_with_tounicode(built):
    with pikepdf.open(built) as pdf:
        fonts = {}
        for page in pdf.pages:
            for _, font in page.Resources.Font.items():
                fonts[str(font.BaseFont)] = font
        math = [name for name in fonts if "NotoSansMath" in name]
        assert len(math) == 1, fonts.keys()
        font = fonts[math[0]]
        assert "+" in math[0]  # a subset
        assert "/ToUnicode" in font
        assert "/FontFile2" in font.FontDescriptor
        # the subset holds a handful of glyphs, not the 590 KB face
        assert len(font.FontDescriptor.FontFile2.read_bytes()) < 60_000


def test_fallback_only_for_characters_the_family_lacks():
    fonts = make_theme(default_brand(), "de").fonts
    assert fonts.fallback is not None
    assert fonts.missing_characters("−5 °C → ⇒ ←") == []
    assert fonts.missing_characters("−", with_fallback=False) == ["−"]
    marked = fonts.with_fallback_faces('<a href="x">−5 °C</a> <b>a→b</b>')
    assert marked == (f'<a href="x"><font face="{fonts.fallback}">−</font>5 °C</a> '
                      f'<b>a<font face="{fonts.fallback}">→</font>b</b>')
    assert fonts.with_fallback_faces("Straße – „gut“") == "Straße – „gut“"  # Noto Sans has these


def test_a_character_no_face_has_is_still_an_error(write_release, tmp_path):
    release = write_release(RELEASE.replace("−5 °C", "\u2603 −5 °C", 1))
    result = build_one(release, tmp_path / "out.pdf")
    assert not result.ok
    message = " ".join(d.format() for d in result.diagnostics)
    assert "U+2603" in message and "U+2212" not in message
    assert not (tmp_path / "out.pdf").exists()
