"""The kit file: the same loader rules as a release (text values, located errors, no traceback)."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presskit.content.kit import DEFAULT_USAGE, Kit, kit_from_source, load_kit, usage_terms
from presskit.errors import InputError, Location
from presskit.source.loader import parse_yaml

REPO = Path(__file__).resolve().parents[2]
ROAD = REPO / "releases" / "2026-12-03-kreisstrasse-freigegeben.yaml"
PHOTO = REPO / "releases" / "images" / "kreisstrasse-allee.jpg"

GOOD = """\
title: Pressemappe zur Sitzung des Kreistages
date: 2026-12-03
place: Salzwedel
cover: |
  Unterlagen zur Sitzung am 3. Dezember 2026.
releases:
  - road.yaml
photos:
  - file: images/allee.jpg
    caption: Die ausgebaute Kreisstraße.
    credit: Pressestelle
    alt: Eine Landstraße mit Alleebäumen.
  - file: images/allee2.jpg
    caption: Noch einmal.
    credit: Pressestelle
    alt: Dieselbe Straße.
    usage: Nur für die Berichterstattung über den Kreistag
documents:
  - title: Hintergrund
    text: |
      Der Kreistag tagt öffentlich.
  - title: Zahlen
    facts:
      - Sitze: 42
      - öffentlich
"""


@pytest.fixture()
def kit_dir(tmp_path: Path) -> Path:
    shutil.copy(ROAD, tmp_path / "road.yaml")
    (tmp_path / "images").mkdir()
    shutil.copy(PHOTO, tmp_path / "images" / "allee.jpg")
    shutil.copy(PHOTO, tmp_path / "images" / "allee2.jpg")
    (tmp_path / "kit.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _errors(tmp: Path, text: str, name: str = "kit.yaml") -> list[str]:
    (tmp / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_kit(tmp / name, name)
    return [d.format() for d in info.value.diagnostics]


def test_good_kit_loads_its_releases_and_photos(kit_dir):
    loaded = load_kit(kit_dir / "kit.yaml", "kit.yaml")
    kit = loaded.kit
    assert kit.title == "Pressemappe zur Sitzung des Kreistages" and kit.date == dt.date(2026, 12, 3)
    assert [r.number for r in loaded.releases] == ["112/2026"]
    assert loaded.releases[0].source.display == "road.yaml"
    assert [p.name for p in loaded.photo_paths] == ["allee.jpg", "allee2.jpg"]
    assert usage_terms(kit.photos[0], "de") == DEFAULT_USAGE["de"] == "Abdruck honorarfrei bei Nennung der Quelle"
    assert usage_terms(kit.photos[0], "en") == "Free for editorial use with credit"
    assert usage_terms(kit.photos[1], "de") == "Nur für die Berichterstattung über den Kreistag"
    assert kit.documents[0].text.startswith("Der Kreistag") and kit.documents[1].facts.items[0].label == "Sitze"
    assert loaded.location("photos", 1, "usage") == Location("kit.yaml", 17, 12)


def test_values_stay_text(kit_dir):
    text = GOOD.replace("title: Pressemappe zur Sitzung des Kreistages", "title: 2026")
    (kit_dir / "kit.yaml").write_text(text, encoding="utf-8")
    assert load_kit(kit_dir / "kit.yaml").kit.title == "2026"


def test_missing_release_and_photo_are_located(kit_dir):
    text = GOOD.replace("  - road.yaml", "  - road.yaml\n  - missing.yaml").replace("images/allee2.jpg", "images/none.jpg")
    assert _errors(kit_dir, text) == [
        f"kit.yaml:8:5: error: the release file 'missing.yaml' does not exist "
        f"(paths are relative to the kit file's folder ({kit_dir}))",
        f"kit.yaml:14:11: error: the photo file 'images/none.jpg' does not exist "
        f"(paths are relative to the kit file's folder ({kit_dir}))",
    ]


def test_a_bad_release_fails_the_kit_at_its_own_place(kit_dir):
    road = (kit_dir / "road.yaml").read_text(encoding="utf-8")
    (kit_dir / "road.yaml").write_text(road.replace("date: 2026-12-03", "date: 03.12.2026"), encoding="utf-8")
    (errors,) = [_errors(kit_dir, GOOD)]
    assert len(errors) == 1 and errors[0].startswith("road.yaml:6:7: error: '03.12.2026' is not a date")


def test_release_in_a_sibling_folder_is_named_as_the_user_would(tmp_path):
    (tmp_path / "kits").mkdir()
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "r.yaml").write_text("title: T\ndate: 2026-13-01\nbody: B\n", encoding="utf-8")
    (tmp_path / "kits" / "kit.yaml").write_text("title: K\ndate: 2026-12-01\nreleases: [../releases/r.yaml]\n",
                                                  encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_kit(tmp_path / "kits" / "kit.yaml", "kits/kit.yaml")
    assert [str(d.location) for d in info.value.diagnostics] == ["releases/r.yaml:2:7"]


@pytest.mark.parametrize(
    "change, expected",
    [
        (("releases:\n  - road.yaml", "releases:"), "kit.yaml:6:10: error: the kit names no releases"),
        (("title: Pressemappe zur Sitzung des Kreistages", "titel: X"), "kit.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?)"),
        (("  - road.yaml", "  - road.yaml\n  - road.yaml"), "kit.yaml:8:5: error: the release 'road.yaml' is in the kit twice"),
        (("images/allee2.jpg", "images/allee.jpg"), "kit.yaml:13:11: error: two photos have the file name 'allee.jpg'"),
        (("images/allee2.jpg", "../outside.jpg"), "kit.yaml:13:11: error: the photo '../outside.jpg' is outside the kit's folder"),
        (("    credit: Pressestelle\n    alt: Dieselbe", "    alt: Dieselbe"), "kit.yaml:13:5: error: missing required key 'credit'"),
        (("    text: |\n      Der Kreistag tagt öffentlich.\n", ""), "kit.yaml:19:5: error: a document has either 'text:' or 'facts:'"),
        (("date: 2026-12-03", "date: 3.12.2026"), "kit.yaml:2:7: error: '3.12.2026' is not a date in the form YYYY-MM-DD"),
    ],
)
def test_located_errors(kit_dir, change, expected):
    errors = _errors(kit_dir, GOOD.replace(*change))
    assert any(e.startswith(expected) for e in errors), errors


# -- any value of any type at any key: a located error or a kit, never a traceback --------

_scalar = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["road.yaml", "2026-12-03", "yes", "12", "~"]))
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["file", "title", "name", "x", "items", "people"]), inner,
                                            max_size=3)),
    max_leaves=8,
)
_KEYS = list(Kit.model_fields) + ["titel", "photo"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(_KEYS), _value, min_size=1, max_size=len(_KEYS)),
       base=st.sampled_from([{}, yaml.safe_load(GOOD)]))
def test_any_shape_is_a_kit_or_located_errors(kit_dir, data, base):
    merged = {**base, **data}
    text = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False)
    try:
        doc = parse_yaml(text, "kit.yaml", kit_dir / "kit.yaml")
        kit_from_source(doc, kit_dir)
    except InputError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            assert diagnostic.location is not None and diagnostic.location.line >= 1, diagnostic
            assert diagnostic.location.file in ("kit.yaml", "road.yaml")
            assert "Traceback" not in diagnostic.message and "internal" not in diagnostic.message.lower()


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


_GOOD_DATA = yaml.safe_load(GOOD)
_EVERY_PATH = [p for p in _paths(_GOOD_DATA) if p]


def _replaced(data, path, value):
    if len(path) == 1:
        copy = dict(data) if isinstance(data, dict) else list(data)
        copy[path[0]] = value
        return copy
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(_EVERY_PATH), value=_value)
def test_any_value_at_any_key_is_a_kit_or_located_errors(kit_dir, path, value):
    text = yaml.safe_dump(_replaced(_GOOD_DATA, path, value), allow_unicode=True, sort_keys=False)
    try:
        kit_from_source(parse_yaml(text, "kit.yaml", kit_dir / "kit.yaml"), kit_dir)
    except InputError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            assert diagnostic.location is not None and diagnostic.location.file in ("kit.yaml", "road.yaml")
            assert diagnostic.location.line >= 1, diagnostic
