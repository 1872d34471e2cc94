"""The website's fonts: WOFF2 subsets, small, without hinting, with the font's names and
licence, covering every character the pages show, what the brand's faces lack from the
bundled fallback (Noto Sans Math, as in the PDFs). The browser side is in test_web_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
from fontTools.ttLib import TTFont

from presskit.pdf.fonts import FALLBACK_FILE
from presskit.resources import fonts_dir
from presskit.source.brand import default_brand
from presskit.web.site import WEB_FONT_RANGES, _write_fonts
from websupport import pages
from webfixtures import kit_file, site_after  # noqa: F401 - fixtures (not a conftest: tests/conftest.py is imported as 'conftest')

FACES = ("regular", "bold", "italic", "bold-italic", "fallback")
MAX_BYTES = 40_000  # a face; the full TrueType files are about 520 KB each


def _fonts(site: Path) -> dict[str, Path]:
    css = (site / "assets/site.css").read_text(encoding="utf-8")
    return {Path(url).stem: site / "assets" / url for url in re.findall(r'url\("([^"]+)"\)', css)}


def _shown_text(page: Path) -> str:
    """The text a reader sees: text nodes outside head, script and style, and alt texts."""
    tree = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    parts: list[str] = []

    def walk(element):
        if element.tag in ("head", "script", "style", "template"):
            return
        if element.get("alt"):
            parts.append(element.get("alt"))
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(tree.find("body"))
    return "".join(parts)


def test_the_fonts_are_small_woff2_files_with_their_names_and_licence(site_after):
    fonts = _fonts(site_after)
    assert sorted(fonts) == sorted(FACES)
    assert sorted(p.name for p in (site_after / "assets/fonts").iterdir()) == sorted(
        [f"{face}.woff2" for face in FACES] + ["OFL.txt"])
    brand = default_brand()
    for face, path in fonts.items():
        data = path.read_bytes()
        assert data[:4] == b"wOF2", face
        assert len(data) < MAX_BYTES, f"{face}: {len(data)} bytes"
        font = TTFont(path)
        source = TTFont(fonts_dir() / FALLBACK_FILE if face == "fallback"
                        else getattr(brand.fonts, face.replace("-", "_")))
        assert font.flavor == "woff2"
        # no hinting: neither the TrueType instructions nor their tables
        assert not {"fpgm", "prep", "cvt ", "hdmx", "VDMX", "LTSH"} & set(font.keys()), face
        # the names, licence and its URL included, as in the source font
        names = {(n.nameID, n.platformID, n.langID): n.toUnicode() for n in font["name"].names}
        assert names == {(n.nameID, n.platformID, n.langID): n.toUnicode() for n in source["name"].names}
        assert "Open Font License" in font["name"].getDebugName(13)
        # no build time in the file: the source's own date
        assert font["head"].modified == source["head"].modified


def test_the_fonts_cover_every_character_the_pages_show(site_after):
    shown: dict[str, str] = {}
    for page in pages(site_after):
        for char in _shown_text(page):
            if char not in "\n\r\t":
                shown.setdefault(char, page.relative_to(site_after).as_posix())
    assert {"ä", "ö", "ü", "ß", "„", "“", "–", "€"} <= set(shown)  # the pages' text was read
    assert "←" in shown  # the back link: not in Noto Sans, so from the fallback
    fonts = _fonts(site_after)
    fallback = TTFont(fonts.pop("fallback")).getBestCmap()
    assert ord("←") in fallback
    for face, path in fonts.items():
        cmap = TTFont(path).getBestCmap()
        missing = {f"U+{ord(c):04X} {c!r}": page for c, page in shown.items()
                   if ord(c) not in cmap and ord(c) not in fallback}
        assert missing == {}, face


def test_the_fixed_ranges_and_the_pages_characters_are_kept_and_nothing_else(tmp_path):
    """German and English typography is in whatever the pages say; a Cyrillic or Greek
    letter only when a page has one (the source font has both)."""
    brand = default_brand()
    source = TTFont(brand.fonts.regular).getBestCmap()
    assert ord("Ж") in source and ord("Ω") in source
    _write_fonts(brand, tmp_path / "plain", set())
    _write_fonts(brand, tmp_path / "cyrillic", {ord("Ж")})
    plain = TTFont(tmp_path / "plain/fonts/regular.woff2").getBestCmap()
    cyrillic = TTFont(tmp_path / "cyrillic/fonts/regular.woff2").getBestCmap()
    for char in "„“‚‘’–—…·€\u00a0\u2009\u202f©×−→äöüßÄÖÜẞéçœŁő":
        if ord(char) in source:
            assert ord(char) in plain, f"U+{ord(char):04X}"
    wanted = {u for first, last in WEB_FONT_RANGES for u in range(first, last + 1)}
    assert set(plain) == wanted & set(source)
    # the fallback: what the brand lacks, nothing the brand has
    math = TTFont(fonts_dir() / FALLBACK_FILE).getBestCmap()
    fallback = TTFont(tmp_path / "plain/fonts/fallback.woff2").getBestCmap()
    assert ord("←") in fallback and ord("→") in fallback
    assert set(fallback) == (wanted - set(source)) & set(math)
    assert ord("Ж") in cyrillic and ord("Ж") not in plain
    assert ord("Ω") not in cyrillic
    assert (tmp_path / "plain/fonts/OFL.txt").is_file()


def test_a_damaged_brand_font_is_a_located_error_not_a_traceback(tmp_path):
    import pytest

    from presskit.errors import ResourceError
    from presskit.web.site import build_site
    from websupport import BASE, REPO

    (tmp_path / "bad.ttf").write_bytes((REPO / "fonts/NotoSans-Regular.ttf").read_bytes()[:3000])
    text = (REPO / "presskit/data/brand.yaml").read_text(encoding="utf-8")
    brand = tmp_path / "presskit.yaml"
    brand.write_text(text + "fonts:\n  regular: bad.ttf\n  bold: bad.ttf\n  italic: bad.ttf\n  bold_italic: bad.ttf\n",
                     encoding="utf-8")
    (tmp_path / "r").mkdir()
    (tmp_path / "r/a.yaml").write_text("title: Eins\ndate: 2026-11-24\nembargo: 2026-11-24 10:00\nbody: Text.\n",
                                       encoding="utf-8")
    import datetime as dt

    with pytest.raises(ResourceError) as caught:  # everything under embargo: only the site's fonts read it
        build_site([tmp_path / "r"], tmp_path / "site", BASE, dt.datetime(2026, 11, 24, 9, 0), brand_path=brand)
    (diagnostic,) = caught.value.diagnostics
    assert "bad.ttf" in diagnostic.message
    assert text.count("\n") < diagnostic.location.line
    assert not (tmp_path / "site").exists()
