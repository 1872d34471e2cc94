"""presskit.source.brand: the letterhead data and its located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.source.brand import Brand, brand_for, default_brand, find_brand, load_brand
from presskit.errors import ResourceError, ValidationError
from presskit.source.model import Contact
from presskit.resources import fonts_dir

MINIMAL = "organisation: Stadt Beispiel\naddress:\n  street: Markt 1\n  postcode: 01067\n  city: Dresden\n"


def write(folder: Path, text: str, name: str = "presskit.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path, exc_type=ValidationError) -> list[str]:
    with pytest.raises(exc_type) as info:
        load_brand(path, "presskit.yaml")
    return [d.format() for d in info.value.diagnostics]


def test_default_brand():
    brand = default_brand()
    assert brand is default_brand()  # cached
    assert brand.organisation == "Altmarkkreis Salzwedel"
    assert brand.units == ("Der Landrat", "Büro des Landrates · Pressestelle")
    assert brand.address.postcode == "29410" and brand.address.room == "Zimmer 310"
    assert brand.phone == "03901 840-309/-308"
    assert brand.logo is None
    assert brand.colours.primary.rgb == "#1B5E7E" and brand.colours.primary.cmyk == (90, 45, 20, 15)
    assert brand.colours.text.rgb == "#1D1D1B" and brand.colours.text.cmyk is None
    assert brand.fonts.regular == fonts_dir().resolve() / "NotoSans-Regular.ttf"
    assert brand.fonts.bold_italic.is_file()
    assert brand.lang == "de" and brand.place == "Salzwedel"
    assert isinstance(brand.contact, Contact) and brand.contact.title == "Pressekontakt"
    assert brand.about.startswith("Der Altmarkkreis Salzwedel ist ein Landkreis")
    assert brand.page.size == "A4"
    assert (brand.page.margins.top, brand.page.margins.left) == (20, 25)
    assert brand.source is not None


def test_minimal_brand_defaults(tmp_path):
    brand = load_brand(write(tmp_path, MINIMAL))
    assert brand.address.postcode == "01067"
    assert brand.base_dir == tmp_path.resolve()
    assert brand.colours.shade.rgb == "#EEF3F6"
    assert brand.fonts.regular.name == "NotoSans-Regular.ttf"
    assert brand.lang == "de" and brand.logo is None and brand.contact is None
    assert (brand.page.margins.top, brand.page.margins.right, brand.page.margins.bottom, brand.page.margins.left) == (20, 20, 20, 25)


def test_colours_and_paths(tmp_path):
    (tmp_path / "fonts").mkdir()
    for name in ("R", "B", "I", "BI"):
        (tmp_path / "fonts" / f"{name}.ttf").write_bytes(b"\0")
    (tmp_path / "logo.png").write_bytes(b"\0")
    text = MINIMAL + (
        "logo:\n  file: logo.png\n  alt: Wappen\n"
        "colours:\n  primary: '#aa0000'\n  accent: {rgb: '#00AA00', cmyk: [100, 0, 100, 0]}\n"
        "fonts:\n  regular: fonts/R.ttf\n  bold: fonts/B.ttf\n  italic: fonts/I.ttf\n  bold_italic: fonts/BI.ttf\n"
        "page:\n  size: letter\n  margins: {top: 15, left: '30'}\n"
    )
    brand = load_brand(write(tmp_path, text))
    assert brand.logo.file == (tmp_path / "logo.png").resolve() and brand.logo.alt == "Wappen"
    assert brand.colours.primary.rgb == "#AA0000" and brand.colours.primary.cmyk is None
    assert brand.colours.accent.cmyk == (100, 0, 100, 0)
    assert brand.fonts.bold == (tmp_path / "fonts" / "B.ttf").resolve()
    assert brand.page.size == "Letter"
    assert (brand.page.margins.top, brand.page.margins.right, brand.page.margins.left) == (15, 20, 30)


def test_bad_colour(tmp_path):
    text = MINIMAL + "colours:\n  primary: '12345G'\n  accent: #123456\n"
    assert messages(write(tmp_path, text)) == [
        "presskit.yaml:7:12: error: '12345G' is not a colour (write # and six hex digits, e.g. \"#1B5E7E\")",
        "presskit.yaml:8:10: error: the colour is empty "
        "(write the colour in quotes, e.g. \"#1B5E7E\"; an unquoted # starts a comment)",
    ]


def test_unknown_key_and_missing(tmp_path):
    text = "organisaton: X\nadress: y\n"
    assert messages(write(tmp_path, text)) == [
        "presskit.yaml:1:1: error: unknown key 'organisaton' (did you mean 'organisation'?)",
        "presskit.yaml:2:1: error: unknown key 'adress' (did you mean 'address'?)",
    ]
    assert messages(write(tmp_path, "organisation: X\n")) == [
        "presskit.yaml:1:1: error: missing required key 'address' (add 'address:' with a value)"
    ]


def test_missing_logo_and_font(tmp_path):
    text = MINIMAL + "logo:\n  file: images/logo.svg\n  alt: Wappen\n"
    assert messages(write(tmp_path, text), ResourceError) == [
        f"presskit.yaml:7:9: error: the logo file 'images/logo.svg' does not exist "
        f"(paths are relative to the brand file's folder ({tmp_path.resolve()}))"
    ]
    text = MINIMAL + "fonts:\n  regular: a.ttf\n"
    [msg] = messages(write(tmp_path, text))
    assert msg.startswith("presskit.yaml:7:3: error: fonts needs all four styles; missing 'bold', 'italic', 'bold_italic'")


def test_find_brand_and_brand_for(tmp_path):
    release = tmp_path / "a" / "releases" / "2019-01-18-x.yaml"
    release.parent.mkdir(parents=True)
    release.write_text("title: x\n", encoding="utf-8")
    assert find_brand(release) is None or not str(find_brand(release)).startswith(str(tmp_path))
    brand_path = write(tmp_path / "a", MINIMAL)
    assert find_brand(release) == brand_path.resolve()
    assert brand_for(release).organisation == "Stadt Beispiel"
    other = write(tmp_path / "b", MINIMAL.replace("Stadt Beispiel", "Andere"), "brand.yaml")
    assert brand_for(release, other).organisation == "Andere"
    lone = tmp_path / "c" / "r.yaml"
    lone.parent.mkdir()
    if find_brand(lone) is None:
        assert brand_for(lone) is default_brand()


def test_brand_is_frozen():
    with pytest.raises(Exception):
        default_brand().organisation = "x"  # type: ignore[misc]
    assert isinstance(default_brand(), Brand)


def test_brand_time_zone_default_and_bad_value(tmp_path):
    from presskit.source.brand import default_brand, load_brand
    from presskit.errors import InputError

    assert default_brand().timezone == "Europe/Berlin"
    path = tmp_path / "presskit.yaml"
    path.write_text(MINIMAL + "timezone: Mars/Olympus\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_brand(path)
    assert "'Mars/Olympus' is not a time zone" in caught.value.diagnostics[0].message
    assert caught.value.diagnostics[0].location.line == MINIMAL.count("\n") + 1
