"""presskit.source.model: the validated release and its located error messages."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from presskit.errors import ValidationError, YamlError
from presskit.source.model import Contact, FactItem, Facts, Image, Link, Person, Release, load_release, validate_release
from presskit.source.loader import parse_yaml

BASE = "title: Kreistag tagt\ndate: 2019-01-18\nbody: Der Kreistag tagt am Montag.\n"


def write(tmp_path: Path, text: str | bytes, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def errors(tmp_path: Path, text: str | bytes) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises((ValidationError, YamlError)) as info:
        load_release(path, "r.yaml")
    return [d.format() for d in info.value.diagnostics]


def ok(text: str) -> Release:
    return validate_release(parse_yaml(text, "r.yaml"))


def test_minimal_release(tmp_path):
    release = load_release(write(tmp_path, BASE), "r.yaml")
    assert release.title == "Kreistag tagt"
    assert release.date == datetime.date(2019, 1, 18)
    assert release.body == "Der Kreistag tagt am Montag."
    assert release.images == () and release.links == () and release.keywords == ()
    assert release.facts is None and release.contact is None and release.embargo is None
    assert release.source is not None and release.source.display == "r.yaml"
    with pytest.raises(Exception):
        release.title = "x"  # type: ignore[misc]


def test_typo_key(tmp_path):
    assert errors(tmp_path, BASE.replace("title:", "titel:")) == [
        "r.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?)"
    ]


def test_unknown_key_without_suggestion(tmp_path):
    [msg] = errors(tmp_path, BASE + "zzzz: 1\n")
    assert msg.startswith("r.yaml:4:1: error: unknown key 'zzzz' (known keys: title, subtitle, date,")


def test_nested_unknown_key(tmp_path):
    text = BASE + "images:\n  - file: a.jpg\n    alt: Foto\n    captoin: x\n"
    assert errors(tmp_path, text) == ["r.yaml:7:5: error: unknown key 'captoin' (did you mean 'caption'?)"]
    text = BASE + "contact:\n  - name: A\n    emial: a@b.de\n"
    assert errors(tmp_path, text) == ["r.yaml:6:5: error: unknown key 'emial' (did you mean 'email'?)"]


def test_missing_required(tmp_path):
    assert errors(tmp_path, "title: X\nbody: Text\n") == [
        "r.yaml:1:1: error: missing required key 'date' (add 'date:' with a value)"
    ]


def test_empty_required_text(tmp_path):
    assert errors(tmp_path, BASE.replace("title: Kreistag tagt", "title:")) == [
        "r.yaml:1:7: error: 'title' is empty (write a value after the colon)"
    ]


def test_not_a_calendar_date(tmp_path):
    assert errors(tmp_path, BASE.replace("2019-01-18", "2026-02-30")) == [
        "r.yaml:2:7: error: 2026-02-30 is not a calendar date (February 2026 has 28 days)"
    ]


def test_german_date(tmp_path):
    assert errors(tmp_path, BASE.replace("2019-01-18", "18.01.2019")) == [
        "r.yaml:2:7: error: '18.01.2019' is not a date in the form YYYY-MM-DD "
        "(write the date as YYYY-MM-DD, e.g. 2019-01-18)"
    ]
    [msg] = errors(tmp_path, BASE.replace("2019-01-18", "3.2.2027"))
    assert msg.endswith("(write the date as YYYY-MM-DD, e.g. 2027-02-03)")


def test_embargo(tmp_path):
    assert ok(BASE + "embargo: 2019-01-18 10:00\n").embargo == datetime.datetime(2019, 1, 18, 10, 0)
    assert errors(tmp_path, BASE + "embargo: 18.01.2019 9:30\n") == [
        "r.yaml:4:10: error: '18.01.2019 9:30' is not a date and time in the form YYYY-MM-DD HH:MM "
        "(write the date and time as YYYY-MM-DD HH:MM, e.g. 2019-01-18 09:30)"
    ]
    [msg] = errors(tmp_path, BASE + "embargo: 2019-01-18 25:00\n")
    assert msg.startswith("r.yaml:4:10: error: 2019-01-18 25:00 is not a valid time of day")


def test_lang(tmp_path):
    assert ok(BASE + "lang: en\n").lang == "en"
    [msg] = errors(tmp_path, BASE + "lang: fr\n")
    assert msg.startswith("r.yaml:4:7: error: expected 'de' or 'en', found 'fr'")


def test_scalars_stay_text():
    release = ok("title: No\ndate: 2019-01-18\nbody: |\n  Text\nnumber: 004/2019\n"
                 "contact:\n  - name: Amt\n    phone: 03901 840-309\nplace: 01067 Dresden\n")
    assert release.title == "No"
    assert release.place == "01067 Dresden"
    assert release.contact.people[0].phone == "03901 840-309"


def test_wrong_type(tmp_path):
    assert errors(tmp_path, BASE.replace("title: Kreistag tagt", "title:\n  - a\n  - b")) == [
        "r.yaml:2:3: error: expected text, found a list"
    ]
    assert errors(tmp_path, BASE + "images:\n  file: a.jpg\n") == [
        "r.yaml:5:3: error: expected a list of images, found a mapping (start each entry on its own line with '- ')"
    ]


def test_inline_text_folds_line_breaks_block_keeps_them():
    release = ok("title: |\n  Zeile eins\n  Zeile zwei\ndate: 2019-01-18\nbody: |\n  Absatz.\n\n  Zweiter.\n")
    assert release.title == "Zeile eins Zeile zwei"
    assert release.body == "Absatz.\n\nZweiter."


def test_javascript_link(tmp_path):
    assert errors(tmp_path, BASE + "links:\n  - javascript:alert(1)\n") == [
        "r.yaml:5:5: error: links may use only http, https, mailto and tel, not 'javascript:' "
        "(remove the link or write an https:// address)"
    ]
    assert errors(tmp_path, BASE + "links:\n  - text: Amt\n    url: www.x.de\n") == [
        "r.yaml:6:10: error: the link 'www.x.de' has no scheme (write https://www.x.de)"
    ]


def test_links_both_shapes():
    release = ok(BASE + "links:\n  - https://www.example.org\n  - text: Mail\n    url: mailto:a@b.de\n  - tel:+493901840309\n")
    assert release.links == (
        Link(url="https://www.example.org"),
        Link(text="Mail", url="mailto:a@b.de"),
        Link(url="tel:+493901840309"),
    )


def test_missing_alt(tmp_path):
    assert errors(tmp_path, BASE + "images:\n  - file: images/foto.jpg\n    caption: Der Landrat\n") == [
        "r.yaml:5:5: error: the image 'images/foto.jpg' has no alt text "
        "(describe the photo in 'alt:' for readers who cannot see it, or set 'decorative: true')"
    ]


def test_decorative_image(tmp_path):
    release = ok(BASE + "images:\n  - file: deko.png\n    decorative: true\n  - file: b.png\n    decorative: Ja\n    alt: x\n")
    assert release.images[0] == Image(file="deko.png", decorative=True)
    assert release.images[1].decorative is True
    [msg] = errors(tmp_path, BASE + "images:\n  - file: deko.png\n    decorative: vielleicht\n")
    assert msg == "r.yaml:6:17: error: expected true or false, found 'vielleicht'"


def test_facts_list_shape():
    release = ok(BASE + "facts:\n  - Einwohner: 83.000\n  - Sitz der Verwaltung in Salzwedel\n")
    assert release.facts == Facts(
        title=None,
        items=(FactItem(label="Einwohner", value="83.000"), FactItem(text="Sitz der Verwaltung in Salzwedel")),
    )


def test_facts_mapping_shape():
    release = ok(BASE + "facts:\n  title: Auf einen Blick\n  items:\n    - Termin: 20.01.2019, 10:00 Uhr\n    - Eintritt frei\n")
    assert release.facts.title == "Auf einen Blick"
    assert release.facts.items[0] == FactItem(label="Termin", value="20.01.2019, 10:00 Uhr")
    assert release.facts.items[1].text == "Eintritt frei"


def test_fact_with_several_keys(tmp_path):
    [msg] = errors(tmp_path, BASE + "facts:\n  - Termin: morgen\n    Ort: Salzwedel\n")
    assert msg.startswith("r.yaml:5:5: error: a fact is one text or one 'label: value' pair, found several keys")
    assert "'- Einwohner: 83.000'" in msg


def test_contact_both_shapes():
    listed = ok(BASE + "contact:\n  - name: Anna Beispiel\n    role: Pressesprecherin\n    email: anna@example.org\n")
    assert listed.contact == Contact(
        title=None, people=(Person(name="Anna Beispiel", role="Pressesprecherin", email="anna@example.org"),)
    )
    mapped = ok(BASE + "contact:\n  title: Pressekontakt\n  people:\n    - name: Anna Beispiel\n")
    assert mapped.contact.title == "Pressekontakt"
    assert mapped.contact.people[0].name == "Anna Beispiel"


def test_bad_email(tmp_path):
    assert errors(tmp_path, BASE + "contact:\n  - name: A\n    email: anna.example.org\n") == [
        "r.yaml:6:12: error: 'anna.example.org' does not look like an e-mail address (write it as name@example.org)"
    ]


def test_keywords_list_or_text():
    assert ok(BASE + "keywords: Kreistag, Haushalt ,, 2019\n").keywords == ("Kreistag", "Haushalt", "2019")
    assert ok(BASE + "keywords:\n  - Kreistag\n  - Haushalt\n").keywords == ("Kreistag", "Haushalt")


def test_several_errors_at_once(tmp_path):
    text = (
        "titel: Hallo\n"
        "date: 2026-02-30\n"
        "body: Text\n"
        "lang: fr\n"
        "images:\n  - file: a.jpg\n"
        "links:\n  - javascript:alert(1)\n"
    )
    assert errors(tmp_path, text) == [
        "r.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?)",
        "r.yaml:2:7: error: 2026-02-30 is not a calendar date (February 2026 has 28 days)",
        "r.yaml:4:7: error: expected 'de' or 'en', found 'fr' (presskit prints German (de) or English (en))",
        "r.yaml:6:5: error: the image 'a.jpg' has no alt text "
        "(describe the photo in 'alt:' for readers who cannot see it, or set 'decorative: true')",
        "r.yaml:8:5: error: links may use only http, https, mailto and tel, not 'javascript:' "
        "(remove the link or write an https:// address)",
    ]


def test_yaml_errors_pass_through(tmp_path):
    assert errors(tmp_path, "") == ["r.yaml:1:1: error: the file is empty (a release needs at least 'title:', 'date:' and 'body:')"]
    assert errors(tmp_path, "- a\n")[0].startswith("r.yaml:1:1: error: the file must be a mapping")
    assert errors(tmp_path, b"title: K\xf6ln\n") == [
        "r.yaml:1:9: error: the file is not valid UTF-8 (byte 0xF6 cannot be read) (save the file as UTF-8)"
    ]


def test_python_construction_is_plain():
    release = Release(title="T", date=datetime.date(2019, 1, 18), body="B",
                      facts=Facts(items=(FactItem(text="x"),)))
    assert release.source is None
    assert release.facts.items[0].text == "x"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_KEYS = list(Release.model_fields) + ["items", "people", "file", "alt", "url", "text", "name", "email",
                                       "decorative", "title", "x"]
_scalar = st.one_of(st.none(), st.sampled_from(["", "x", "2019-01-18", "true", "a@b.de", "https://x.de", "www.x"]),
                    st.text(max_size=8))
_tree = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(_KEYS), inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(_KEYS), _tree, max_size=8))
def test_fuzz_validation_never_crashes(data):
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        doc = parse_yaml(text, "f.yaml")
    except YamlError:
        return
    try:
        validate_release(doc)
    except ValidationError as exc:
        assert exc.diagnostics
        assert all(d.location is not None and d.location.line >= 1 for d in exc.diagnostics)
