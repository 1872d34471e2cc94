"""Issue 12, point 3 (file size): embedded font subsets hold only the drawn glyphs, unhinted.

Read with fontTools (a reader presskit does not use for writing): each font
program parses with valid checksums, has no hinting tables or glyph
instructions, holds exactly .notdef plus the glyphs its drawn codes reach, and
each drawn glyph has the outline and advance width of the same character in
the original font file in fonts/. Rendering is covered by tests/test_pixels.py,
PDF/A by tests/test_archive.py (PDFBox Preflight).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from conftest import EXAMPLES, PARTNERSHIP, REPO
from fontTools.ttLib import TTFont
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from test_archive import _drawn_codes

from presskit.pdf.tagging import fontslim

NAMES = [source.stem for source in EXAMPLES]
FONTS = REPO / "fonts"


@cache
def _original(base_font: str) -> TTFont:
    """The font file of fonts/ a subset was made from ('/AAAAAA+NotoSans-Bold' -> NotoSans-Bold.ttf)."""
    return TTFont(FONTS / (base_font.split("+", 1)[-1] + ".ttf"))


def _outline(font: TTFont, glyph_name: str) -> tuple:
    glyf = font["glyf"]
    coordinates, ends, flags = glyf[glyph_name].getCoordinates(glyf)  # components resolved
    return list(coordinates), list(ends), [f & 1 for f in flags]


def _embedded(pdf: pikepdf.Pdf):
    """(font dictionary, its TrueType program as fontTools reads it, drawn codes) of every drawn font."""
    for objgen, codes in _drawn_codes(pdf).items():
        font = pdf.get_object(objgen)
        program = font.FontDescriptor.FontFile2.read_bytes()
        yield font, TTFont(io.BytesIO(program), checkChecksums=2), codes, program


@pytest.mark.parametrize("name", NAMES)
def test_font_programs_hold_only_the_drawn_glyphs_without_hinting(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        for font, program, codes, _ in _embedded(pdf):
            label = str(font.BaseFont)
            assert not {"fpgm", "prep", "cvt "} & set(program.keys()), f"{label}: hinting tables left"
            glyf = program["glyf"]
            for glyph_name in program.getGlyphOrder():
                glyph = glyf[glyph_name]
                assert not (hasattr(glyph, "program") and glyph.program.getBytecode()), f"{label}: {glyph_name} has instructions"
            cmap = program["cmap"].getcmap(1, 0).cmap
            reached = {cmap[code] for code in codes}
            components = {c.glyphName for g in reached if glyf[g].isComposite() for c in glyf[g].components}
            assert set(program.getGlyphOrder()) == {".notdef"} | reached | components, f"{label}: glyphs nobody draws"


@pytest.mark.parametrize("name", NAMES)
def test_drawn_glyphs_keep_the_outline_and_width_of_the_original_font(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        for font, program, codes, _ in _embedded(pdf):
            original = _original(str(font.BaseFont))
            units = original["head"].unitsPerEm
            tounicode = FileUnicodeMap()
            CMapParser(tounicode, io.BytesIO(font.ToUnicode.read_bytes())).run()
            cmap = program["cmap"].getcmap(1, 0).cmap
            first, widths = int(font.FirstChar), [float(w) for w in font.Widths]
            for code in sorted(codes):
                char = tounicode.cid2unichr[code]
                source_glyph = original.getBestCmap()[ord(char)]
                glyph = cmap[code]
                assert glyph != ".notdef", f"{font.BaseFont}: code {code} ({char!r}) lost its glyph"
                assert _outline(program, glyph) == _outline(original, source_glyph), f"{font.BaseFont}: {char!r}"
                advance = program["hmtx"][glyph][0]
                assert advance == original["hmtx"][source_glyph][0], f"{font.BaseFont}: width of {char!r}"
                assert abs(widths[code - first] - advance * 1000 / units) < 1, f"{font.BaseFont}: /Widths of {char!r}"


def test_umlauts_and_composites_survive(built_examples):
    """Composite glyphs (Noto builds ä, ü, ß-adjacent accents from components) keep their parts."""
    composites = 0
    with pikepdf.open(built_examples["2026-12-03-kreisstrasse-freigegeben"].pdf) as pdf:
        for _font, program, _codes, _ in _embedded(pdf):
            composites += sum(program["glyf"][g].isComposite() for g in program.getGlyphOrder())
    assert composites > 0, "no composite glyph drawn: the component path is not tested"


def test_text_only_two_page_release_is_at_most_30_kb(built_examples):
    """The issue's target: the text-only two-page example (three faces) in 30 KB or less."""
    with pikepdf.open(built_examples[PARTNERSHIP].pdf) as pdf:
        assert len(pdf.pages) == 2
        assert not any("/XObject" in page.Resources and any(
            x.get("/Subtype") == pikepdf.Name.Image for x in page.Resources.XObject.values()) for page in pdf.pages)
    assert built_examples[PARTNERSHIP].pdf.stat().st_size <= 30_000


def test_slimming_is_a_fixed_point(built_examples):
    """Same input, same bytes: slimming an already slim program with the same codes changes nothing."""
    with pikepdf.open(built_examples[PARTNERSHIP].pdf) as pdf:
        for _font, _program, codes, data in _embedded(pdf):
            assert fontslim.slim_font(data, codes) == data


def test_a_font_with_unicode_cmaps_is_not_touched():
    """A font file of fonts/ itself (Unicode cmaps, not the one-byte cmap of a ReportLab subset)."""
    data = (FONTS / "NotoSans-Regular.ttf").read_bytes()
    with pytest.raises(fontslim._Unsupported):
        fontslim.slim_font(data, {65})


def test_a_font_program_it_does_not_understand_is_left_alone():
    pdf = pikepdf.new()
    garbage = b"OTTO" + bytes(200)
    stream = pdf.make_stream(garbage)
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name("/AAAAAA+X"),
        FontDescriptor=pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontFile2=stream)))
    fontslim.slim(pdf, {font.objgen: (font, {65}, {0})})
    assert font.FontDescriptor.FontFile2.read_bytes() == garbage


def test_slimmed_program_is_much_smaller(built_examples, tmp_path):
    """Against the same document without slimming: each face at most half its old size."""
    from presskit.pdf.tagging import postprocess

    original = fontslim.slim
    try:
        fontslim.slim = lambda pdf, used: None
        from presskit.jobs import build_one

        assert build_one(built_examples[PARTNERSHIP].source, tmp_path / "fat.pdf").ok
    finally:
        fontslim.slim = original
    assert postprocess.fontslim.slim is original

    def sizes(path: Path) -> dict[str, int]:
        with pikepdf.open(path) as pdf:
            return {str(f.BaseFont): len(f.FontDescriptor.FontFile2.read_raw_bytes())
                    for f in (pdf.get_object(o) for o in _drawn_codes(pdf))}

    fat, slim = sizes(tmp_path / "fat.pdf"), sizes(built_examples[PARTNERSHIP].pdf)
    assert fat.keys() == slim.keys()
    for name in fat:
        assert slim[name] * 2 <= fat[name], (name, slim[name], fat[name])


def test_second_subset_of_a_face_is_slimmed_too(write_release, tmp_path):
    """More than 256 characters in one face: ReportLab makes a second subset (AAAAAB+...), slimmed alike."""
    from presskit.jobs import build_one

    letters = [chr(c) for c in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA), *range(0x410, 0x450), *range(0xC0, 0x17F)]
               if chr(c).isalpha()]
    body = "\n\n".join(" ".join("".join(letters[i:i + 10]) for i in range(j, min(j + 100, len(letters)), 10))
                       for j in range(0, len(letters), 100))
    source = write_release("title: Viele Zeichen\ndate: 2026-01-01\nbody: |\n"
                           + "".join(f"  {line}\n" for line in body.splitlines()), name="2026-01-01-zeichen.yaml")
    out = tmp_path / "zeichen.pdf"
    assert build_one(source, out).ok
    with pikepdf.open(out) as pdf:
        embedded = list(_embedded(pdf))
        assert any(str(font.BaseFont).startswith("/AAAAAB+") for font, *_ in embedded)
        for font, program, codes, _ in embedded:
            assert "fpgm" not in program and program["maxp"].numGlyphs < 256
            original = _original(str(font.BaseFont))
            tounicode = FileUnicodeMap()
            CMapParser(tounicode, io.BytesIO(font.ToUnicode.read_bytes())).run()
            cmap = program["cmap"].getcmap(1, 0).cmap
            for code in codes:
                source_glyph = original.getBestCmap()[ord(tounicode.cid2unichr[code])]
                assert _outline(program, cmap[code]) == _outline(original, source_glyph)
