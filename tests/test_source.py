"""presskit.source.loader: YAML with positions, every scalar as typed text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presskit.errors import Location, YamlError
from presskit.source.loader import SourceDoc, load_yaml, parse_yaml


def refuse(text: str | bytes) -> str:
    with pytest.raises(YamlError) as info:
        parse_yaml(text, "r.yaml")
    assert len(info.value.diagnostics) == 1
    return info.value.diagnostics[0].format()


def test_scalars_stay_text():
    doc = parse_yaml(
        "postcode: 01067\ntitle: No\nphone: 03901 840-309\ntime: 10:30\nx: 1e3\n"
        "n: null\nt: ~\nsubtitle:\nyes: on\nq: ''\n",
        "r.yaml",
    )
    assert doc.data == {
        "postcode": "01067",
        "title": "No",
        "phone": "03901 840-309",
        "time": "10:30",
        "x": "1e3",
        "n": "null",
        "t": "~",
        "subtitle": None,
        "yes": "on",
        "q": "",
    }
    assert list(doc.data) == ["postcode", "title", "phone", "time", "x", "n", "t", "subtitle", "yes", "q"]


def test_positions():
    doc = parse_yaml("title: Hallo\nimages:\n  - file: a.jpg\n    alt: Bild\n", "r.yaml")
    assert doc.location(("title",)) == Location("r.yaml", 1, 8)
    assert doc.key_location(("title",)) == Location("r.yaml", 1, 1)
    assert doc.location(("images", 0)) == Location("r.yaml", 3, 5)
    assert doc.location(("images", 0, "alt")) == Location("r.yaml", 4, 10)
    assert doc.key_location(("images", 0, "alt")) == Location("r.yaml", 4, 5)
    # Missing paths fall back to the nearest ancestor; () is the start.
    assert doc.location(("images", 0, "caption")) == Location("r.yaml", 3, 5)
    assert doc.key_location(("images", 0)) == Location("r.yaml", 3, 5)
    assert doc.location(()) == Location("r.yaml", 1, 1)
    assert doc.location(("nope", 3)) == Location("r.yaml", 1, 1)


def test_offset_location_literal_block_and_plain():
    text = "title: Hallo  Welt\nbody: |\n  Erste Zeile\n    zweite  Zeile\n\n  dritte\nq: \"a  b\"\nf: >\n  x\n  y\n"
    doc = parse_yaml(text, "r.yaml")
    assert str(doc.offset_location(("title",), 5)) == "r.yaml:1:13"
    body = doc.data["body"]
    assert str(doc.offset_location(("body",), 0)) == "r.yaml:3:3"
    assert str(doc.offset_location(("body",), body.index("  Zeile"))) == "r.yaml:4:11"
    assert str(doc.offset_location(("body",), body.index("dritte"))) == "r.yaml:6:3"
    assert str(doc.offset_location(("q",), 1)) == "r.yaml:7:6"
    # Folded blocks fall back to the value's start.
    assert str(doc.offset_location(("f",), 2)) == "r.yaml:8:4"


def test_bom_is_fine():
    doc = parse_yaml("\ufefftitle: Hallo\n".encode("utf-8"), "r.yaml")
    assert doc.data == {"title": "Hallo"}
    assert str(doc.location(("title",))) == "r.yaml:1:8"


def test_immutable():
    doc = parse_yaml("a: b\n", "r.yaml")
    with pytest.raises(AttributeError):
        doc.data = {}  # type: ignore[misc]


def test_empty_files():
    assert refuse("") == "r.yaml:1:1: error: the file is empty (a release needs at least 'title:', 'date:' and 'body:')"
    assert refuse("   \n\n").startswith("r.yaml:1:1: error: the file is empty")
    assert refuse("# only a comment\n").startswith("r.yaml:1:1: error: the file is empty")


def test_top_level_must_be_mapping():
    assert refuse("- a\n- b\n").startswith(
        "r.yaml:1:1: error: the file must be a mapping of keys and values (title: …), found a list"
    )
    assert "found a text" in refuse("just some words\n")


def test_alias_bomb():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    assert refuse(bomb) == (
        "r.yaml:1:4: error: anchors (&a) are not allowed "
        "(write each value out in full; presskit does not use anchors and aliases)"
    )


def test_alias_without_anchor():
    assert "aliases (*x) are not allowed" in refuse("a: *x\n")


def test_python_tag_refused():
    assert refuse("title: !!python/object/apply:os.system ['echo hi']\n") == (
        "r.yaml:1:8: error: the tag '!!python/object/apply:os.system' is not allowed "
        "(remove the tag; presskit reads every value as text)"
    )
    assert "the tag '!foo' is not allowed" in refuse("a: !foo x\n")
    assert "the tag '!!int' is not allowed" in refuse("a: !!int 3\n")
    assert parse_yaml("a: !!str 3\nb: !!seq [x]\n", "r.yaml").data == {"a": "3", "b": ["x"]}


def test_duplicate_key():
    assert refuse("title: A\ndate: 2019-01-18\ntitle: B\n") == (
        "r.yaml:3:1: error: duplicate key 'title' ('title' is already set on line 1; keep only one)"
    )


def test_complex_key():
    assert refuse("? [a, b]\n: 1\n").startswith("r.yaml:1:3: error: a key must be a text, found a list")


def test_deep_nesting():
    assert "nested more than 20 levels deep" in refuse("a: " + "[" * 50 + "]" * 50 + "\n")
    assert "nested more than 20 levels deep" in refuse("a: " + "[" * 5000)


def test_non_utf8():
    assert refuse(b"title: ok\nplace: K\xf6ln\n") == (
        "r.yaml:2:9: error: the file is not valid UTF-8 (byte 0xF6 cannot be read) (save the file as UTF-8)"
    )


def test_malformed_messages():
    assert refuse("a:\n\tb: 1\n") == "r.yaml:2:1: error: a tab character is used for indentation (indent with spaces, not tabs)"
    assert refuse("title: 'unclosed\nb: 2\n").startswith("r.yaml:1:8: error: the quote opened on line 1 is never closed")
    assert refuse("title Foo\nb: 1\n").startswith("r.yaml:1:6: error: 'title' has no colon after it")
    assert refuse("title: Termin: morgen\n").startswith("r.yaml:1:14: error: the text after 'title:' contains a colon")
    assert "more than one YAML document" in refuse("a: 1\n---\nb: 2\n")


def test_control_character():
    assert refuse("a: b\nc: x\x01y\n").startswith("r.yaml:2:5: error: the file contains the control character #x0001")


def test_load_yaml(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("title: Hallo\n", encoding="utf-8")
    doc = load_yaml(path, "releases/r.yaml")
    assert isinstance(doc, SourceDoc)
    assert doc.path == path and doc.display == "releases/r.yaml"
    assert str(doc.location(("title",))) == "releases/r.yaml:1:8"
    assert load_yaml(path).display == str(path)


def test_oversize(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("body: |\n" + ("  x" * 100 + "\n") * 100, encoding="utf-8")
    with pytest.raises(YamlError) as info:
        load_yaml(path, "big.yaml", max_bytes=10_000)
    assert info.value.diagnostics[0].format().startswith(
        "big.yaml: error: the file is too large (30.1 kB; the limit is 10.0 kB)"
    )


def test_missing_file(tmp_path):
    with pytest.raises(YamlError) as info:
        load_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert info.value.diagnostics[0].format().startswith("nope.yaml: error: file not found")


def _check(value: str | bytes) -> None:
    try:
        doc = parse_yaml(value, "fuzz.yaml")
    except YamlError as exc:
        assert exc.diagnostics and exc.diagnostics[0].location is not None
        return
    assert isinstance(doc.data, dict)
    for path in list(doc._values):  # every recorded position is usable
        loc = doc.location(path)
        assert loc.line >= 1 and loc.column >= 1


_yamlish = st.lists(
    st.sampled_from(
        ["a", ":", " ", "\n", "- ", "  ", "'", '"', "&x ", "*x", "!!str ", "!x ", "[", "]", "{", "}", ",",
         "? ", "|", ">", "#", "\t", "---", "...", "%YAML 1.1", "\\", "é", "\ufeff", "\x00", "01067", "No"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), _yamlish))
def test_fuzz_text(value):
    _check(value)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_bytes(value):
    _check(value)
