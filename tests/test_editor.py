"""Editor support with the real yaml-language-server (VS Code's YAML extension), driven over LSP.

``presskit init`` makes the folder an editor understands; ``presskit new``
writes the modeline; the server must find no problem in any bundled release
and report a misspelt key and a German date at their lines.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import yls
from presskit.cli import app

REPO = Path(__file__).resolve().parent.parent
RELEASES = sorted((REPO / "releases").glob("*.yaml"))
SERVER = yls.find_server()

pytestmark = pytest.mark.skipif(SERVER is None, reason=yls.INSTALL_HINT)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A press office folder made by `presskit init`, with the bundled releases copied in."""
    root = tmp_path_factory.mktemp("office")
    result = CliRunner().invoke(app, ["init", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for path in RELEASES:
        shutil.copy(path, root / "releases" / path.name)
    shutil.copytree(REPO / "releases" / "images", root / "releases" / "images")
    return root


@pytest.fixture(scope="module")
def server(office):
    """The server configured as VS Code would be by the folder's .vscode/settings.json."""
    settings = json.loads((office / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    config = {"yaml": {"validate": True, "schemaStore": {"enable": False}, "schemas": settings["yaml.schemas"]}}
    ls = yls.LanguageServer(SERVER, office, config)
    # the schema is applied before any clean file counts as clean
    probe = office / "releases" / "0000-probe.yaml"
    probe.write_text("titel: T\n", encoding="utf-8")
    assert any("titel" in d["message"] for d in ls.diagnostics(probe)), "the server does not apply the schema"
    probe.unlink()
    yield ls
    ls.close()


def _lines(diagnostics):
    return [(d["range"]["start"]["line"] + 1, d["message"]) for d in diagnostics]


@pytest.mark.parametrize("name", [p.name for p in RELEASES])
def test_bundled_release_has_no_diagnostics(server, office, name):
    assert _lines(server.diagnostics(office / "releases" / name)) == []


def test_misspelt_key_and_german_date_are_reported_at_their_lines(server, office):
    path = office / "releases" / "2026-11-24-fehler.yaml"
    path.write_text("title: Haushalt\ndate: 24.11.2026\ntitel: Haushalt\nbody: |\n  Text.\n", encoding="utf-8")
    found = _lines(server.diagnostics(path))
    assert (2, "write the date as YYYY-MM-DD, e.g. 2019-01-18") in found, found
    assert any(line == 3 and "titel" in message for line, message in found), found
    assert len(found) == 2, found


def test_the_brand_file_of_init_checks_clean(server, office):
    # presskit.yaml gets the brand schema, not the release schema
    assert _lines(server.diagnostics(office / "presskit.yaml")) == []


def test_the_bundled_brand_and_both_brand_templates_check_clean(server, office):
    from presskit.setup import brand_template

    bundled = (REPO / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8")
    for name, text in (("bundled", bundled), ("de", brand_template("de")), ("en", brand_template("en"))):
        folder = office / f"marke-{name}"
        folder.mkdir(exist_ok=True)
        shutil.copy(office / "brand.schema.json", folder / "brand.schema.json")
        path = folder / "presskit.yaml"
        uncommented = "\n".join(line[2:] if line.startswith("#   ") or line.startswith("# logo:")
                                 or line.startswith("# colours:") or line.startswith("# fonts:")
                                 or line.startswith("# page:") or line.startswith("# about")
                                 else line for line in text.splitlines())
        path.write_text("# yaml-language-server: $schema=brand.schema.json\n" + uncommented + "\n", encoding="utf-8")
        assert _lines(server.diagnostics(path)) == [], name


def test_a_misspelt_brand_key_is_reported_at_its_line(server, office):
    folder = office / "marke-fehler"
    folder.mkdir(exist_ok=True)
    shutil.copy(office / "brand.schema.json", folder / "brand.schema.json")
    path = folder / "presskit.yaml"
    path.write_text("# yaml-language-server: $schema=brand.schema.json\norganisation: Kreis\naddress:\n"
                    "  street: Weg 1\n  postcode: 01067\n  city: Ort\ncolours:\n  primary: 1B5E7E\nfarben: x\n",
                    encoding="utf-8")
    found = _lines(server.diagnostics(path))
    assert (8, 'write # and six hex digits, in quotes: "#1B5E7E"') in found, found
    assert any(line == 9 and "farben" in message for line, message in found), found


def test_a_kit_in_releases_kits_gets_the_kit_schema(server, office):
    """The kit example checks clean where `presskit init` maps kits (releases/kits/), not against the
    release schema; a misspelt kit key and a German date are reported at their lines."""
    kits = office / "releases" / "kits"
    kits.mkdir(exist_ok=True)
    example = REPO / "releases" / "kits" / "2027-02-10-pressemappe-kreistag.yaml"
    shutil.copy(example, kits / example.name)
    assert _lines(server.diagnostics(kits / example.name)) == []
    broken = kits / "2027-02-11-fehler.yaml"
    broken.write_text("title: Mappe\ndate: 11.02.2027\nreleases:\n  - ../a.yaml\nfotos: []\n", encoding="utf-8")
    found = _lines(server.diagnostics(broken))
    assert (2, "write the date as YYYY-MM-DD, e.g. 2019-01-18") in found, found
    assert any(line == 5 and "fotos" in message for line, message in found), found
    assert len(found) == 2, found


def test_new_file_with_modeline_checks_in_the_editor(server, office, monkeypatch, tmp_path):
    """`presskit new` in a subfolder: the modeline's relative path finds the schema from there."""
    monkeypatch.chdir(office)
    result = CliRunner().invoke(app, ["new", "Kreistag tagt", "--date", "2027-01-18", "--dir", "releases/2027"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    path = office / "releases" / "2027" / "2027-01-18-kreistag-tagt.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../release.schema.json\n")
    assert _lines(server.diagnostics(path)) == []
    # the modeline alone does it: a slip is reported even though releases/2027/ is not in the settings' glob
    broken = path.with_name("broken.yaml")
    broken.write_text(text.replace("date: 2027-01-18", "date: 18.01.2027"), encoding="utf-8")
    found = _lines(server.diagnostics(broken))
    date_line = text.splitlines().index("date: 2027-01-18") + 1
    assert found == [(date_line, "write the date as YYYY-MM-DD, e.g. 2019-01-18")], found


def test_wrong_shapes_are_explained_in_plain_words(server, office):
    path = office / "releases" / "2026-11-25-formen.yaml"
    path.write_text("title: T\ndate: 2026-11-25\nbody: |\n  Text.\nimages: foto.jpg\nsubtitle:\n  - a\n", encoding="utf-8")
    found = _lines(server.diagnostics(path))
    assert (5, "expected a list: start each entry on its own line with '- '") in found, found
    assert (7, "expected a text here, not a list or keys with values") in found, found


def test_hover_explains_the_key_with_an_example(server, office):
    path = office / "releases" / "2026-12-03-kreisstrasse-freigegeben.yaml"
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines()) if text.startswith("embargo:"))
    shown = server.hover(path, line, 2)
    assert "Embargo: not to be published before this date and time" in shown, shown
    assert "embargo: 2026-11-24 10:00" in shown, shown


def test_values_presskit_accepts_are_accepted_in_the_editor(server, office):
    from test_schema import ACCEPTED

    for i, snippet in enumerate(ACCEPTED):
        path = office / "releases" / f"2026-01-0{i + 1}-accepted.yaml"
        path.write_text("title: T\ndate: 2019-01-18\nbody: B\n" + snippet, encoding="utf-8")
        assert _lines(server.diagnostics(path)) == [], snippet


def test_a_german_press_office_gets_german_explanations(tmp_path, monkeypatch):
    from presskit import i18n

    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    i18n.reset()
    try:
        assert CliRunner().invoke(app, ["init", str(tmp_path)], catch_exceptions=False).exit_code == 0
    finally:
        monkeypatch.setenv("LANGUAGE", "en")
        i18n.reset()
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    ls = yls.LanguageServer(SERVER, tmp_path, {"yaml": {"validate": True, "schemaStore": {"enable": False},
                                                        "schemas": settings["yaml.schemas"]}})
    try:
        path = tmp_path / "releases" / "2026-11-24-datum.yaml"
        path.write_text("title: Haushalt\ndate: 24.11.2026\nbody: |\n  Text.\nimages: foto.jpg\n", encoding="utf-8")
        assert _lines(ls.diagnostics(path)) == [
            (2, "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2019-01-18"),
            (5, "hier gehört eine Liste hin: beginnen Sie jeden Eintrag in einer eigenen Zeile mit '- '"),
        ]
        assert "Sperrfrist: nicht vor diesem Datum" in ls.hover(
            _with(path, "embargo: 2026-11-24 10:00\n"), 5, 2)
    finally:
        ls.close()


def _with(path: Path, extra: str) -> Path:
    other = path.with_name("2026-11-24-sperrfrist.yaml")
    other.write_text("title: Haushalt\ndate: 2026-11-24\nbody: |\n  Text.\n\n" + extra, encoding="utf-8")
    return other


def test_the_server_under_test_rejects_what_editors_reject(tmp_path):
    """The old schema's Python-only pattern and strict string types, as the issue saw them: the real server
    reports both, so the clean results above are not the server ignoring the schema."""
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
              "properties": {"url": {"type": "string", "pattern": "^(?i:https):"},
                             "facts": {"type": "array", "items": {"type": "object",
                                                                  "additionalProperties": {"type": "string"}}}}}
    (tmp_path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    ls = yls.LanguageServer(SERVER, tmp_path, {"yaml": {"validate": True, "schemaStore": {"enable": False},
                                                        "schemas": {"./s.json": ["*.yaml"]}}})
    try:
        path = tmp_path / "a.yaml"
        path.write_text("url: https://x.de\nfacts:\n  - Einwohner: 83.000\n", encoding="utf-8")
        found = _lines(ls.diagnostics(path))
    finally:
        ls.close()
    assert (1, 'Invalid pattern: "^(?i:https):"') in found, found
    assert (3, 'Incorrect type. Expected "string".') in found, found
