"""German messages for German users: catalogs complete and compiled, the CLI in both languages."""

from __future__ import annotations

import gettext
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presskit import i18n

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import i18n as catalogs  # noqa: E402  (tools/i18n.py)

PO = REPO / "presskit" / "locale" / "de" / "LC_MESSAGES" / "presskit.po"


@pytest.fixture
def language(monkeypatch):
    """``language("de_DE.UTF-8")`` switches the user's locale for this test."""

    def switch(value: str) -> None:
        for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(key, raising=False)
        monkeypatch.setenv("LANG", value)
        i18n.reset()

    yield switch
    i18n.reset()


def _locale_env(value: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = value
    return env


# -- the catalogs -------------------------------------------------------------------------
def test_every_message_has_a_german_translation_and_the_mo_is_compiled():
    assert catalogs.problems() == []


def test_the_scan_finds_the_messages():
    found = {e.msgid for e in catalogs.extract()}
    assert "unknown key '{key}'" in found                        # model.py
    assert "the quote opened on line {line} is never closed" in found  # yamlslips.py
    assert "the facts box has no items" in found                  # N_() class constant
    assert len(found) > 200


def test_po_round_trips_and_compiles_like_gettext_reads_it():
    text = PO.read_text(encoding="utf-8")
    header, entries = catalogs.read_po(text)
    assert catalogs.write_po(header, entries) == text
    translation = gettext.GNUTranslations(io.BytesIO(catalogs.compile_mo(text)))
    assert translation.gettext("unknown key '{key}'") == "unbekannter Schlüssel '{key}'"
    assert translation.ngettext("{n} space", "{n} spaces", 1) == "{n} Leerzeichen"
    assert translation.ngettext("{failed} of {total} release failed:", "{failed} of {total} releases failed:", 3) == (
        "{failed} von {total} Mitteilungen fehlgeschlagen:")
    assert translation.gettext("no such message") == "no such message"


def test_mo_is_the_compiled_po():
    assert PO.with_suffix(".mo").read_bytes() == catalogs.compile_mo(PO.read_text(encoding="utf-8"))


def test_a_missing_translation_is_found(tmp_path, monkeypatch):
    text = PO.read_text(encoding="utf-8").replace('msgstr "unbekannter Schlüssel \'{key}\'"', 'msgstr ""')
    header, entries = catalogs.read_po(text)
    assert [e.msgid for e in entries if not e.translated] == ["unknown key '{key}'"]


@pytest.mark.parametrize(
    "value, expected",
    [("de_DE.UTF-8", "de"), ("de_AT", "de"), ("de", "de"), ("C", "en"), ("C.UTF-8", "en"), ("en_GB.UTF-8", "en"),
     ("fr_FR.UTF-8", "en"), ("", "en")],
)
def test_user_language(value, expected, language):
    language(value)
    assert i18n.user_language() == expected


def test_language_variable_comes_first(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de:en")
    monkeypatch.setenv("LANG", "C")
    i18n.reset()
    try:
        assert i18n.user_language() == "de"
        assert i18n._("unknown key '{key}'") == "unbekannter Schlüssel '{key}'"
    finally:
        i18n.reset()


# -- the command line in both languages ----------------------------------------------------------
BAD = "titel: Haushalt\ndate: 24.11.2026\nbody: |\n  Text.\n"


@pytest.mark.parametrize(
    "locale, lines",
    [
        ("C", ["r.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?)",
               "r.yaml:2:7: error: '24.11.2026' is not a date in the form YYYY-MM-DD "
               "(write the date as YYYY-MM-DD, e.g. 2026-11-24)"]),
        ("de_DE.UTF-8", ["r.yaml:1:1: error: unbekannter Schlüssel 'titel' (meinten Sie 'title'?)",
                         "r.yaml:2:7: error: '24.11.2026' ist kein Datum in der Form JJJJ-MM-TT "
                         "(schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-24)"]),
    ],
)
def test_check_speaks_the_users_language(locale, lines, language, tmp_path, monkeypatch):
    from presskit.cli import app

    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(BAD, encoding="utf-8")
    language(locale)
    result = CliRunner().invoke(app, ["check", "r.yaml"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == lines
    summary = "1 Datei(en) geprüft: 2 Fehler, 0 Warnung(en)" if locale.startswith("de") else \
        "1 file(s) checked: 2 error(s), 0 warning(s)"
    assert result.stdout.strip() == summary


def test_yaml_slips_and_build_warnings_in_german(language, tmp_path, monkeypatch):
    from presskit.cli import app

    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text("title: T\ndate: 2026-11-24\nbody: |\n  x\nfacts:\n  -Erträge: 10\n", encoding="utf-8")
    Path("b.yaml").write_text("title: T\ndate: 2026-11-24\nembargo: 2020-01-01 10:00\nbody: |\n" + "  Text " * 60 + "\n",
                              encoding="utf-8")
    language("de_DE.UTF-8")
    result = CliRunner().invoke(app, ["build", "a.yaml", "b.yaml", "-o", "out"], catch_exceptions=False)
    assert result.exit_code == 1
    assert ("a.yaml:6:3: error: ein Listeneintrag braucht ein Leerzeichen nach '-' "
            "(setzen Sie ein Leerzeichen nach '-'; schreiben Sie: - Erträge: …)") in result.stderr
    assert "b.yaml:3:10: warning: die Sperrfrist 2020-01-01 10:00 liegt in der Vergangenheit" in result.stderr
    assert result.stderr.splitlines()[-2:] == ["1 von 2 Mitteilungen fehlgeschlagen:",
                                               "  a.yaml:6: ein Listeneintrag braucht ein Leerzeichen nach '-'"]
    assert result.stdout.strip() == f"{Path('out') / 'b.pdf'} geschrieben"


@pytest.mark.parametrize("locale, first_comment, brand_comment", [
    ("de_DE.UTF-8", "# Eine neue Pressemitteilung für presskit.", "# Die Markendatei Ihrer Pressestelle"),
    ("C", "# A new press release for presskit.", "# The brand file of your press office"),
])
def test_templates_follow_the_users_language(locale, first_comment, brand_comment, language, tmp_path):
    from presskit.cli import app

    language(locale)
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(tmp_path)], catch_exceptions=False).exit_code == 0
    brand = (tmp_path / "presskit.yaml").read_text(encoding="utf-8").splitlines()
    assert brand[0] == "# yaml-language-server: $schema=brand.schema.json"
    assert brand[1].startswith(brand_comment)
    done = runner.invoke(app, ["new", "Titel", "--date", "2027-01-18", "--dir", str(tmp_path / "releases")],
                         catch_exceptions=False)
    assert done.exit_code == 0
    text = (tmp_path / "releases" / "2027-01-18-titel.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith(first_comment)
    assert "docs/reference.md" in text and "specification" not in text


@pytest.mark.parametrize("locale, words", [
    ("de_DE.UTF-8", ["Das PDF jeder Mitteilungsdatei bauen", "Warnungen als Fehler behandeln", "FILE", "--strict"]),
    ("C", ["Build the PDF of each release file", "Treat warnings as errors", "FILE", "--strict"]),
])
def test_help_in_both_languages(locale, words):
    done = subprocess.run([sys.executable, "-m", "presskit", "build", "--help"], capture_output=True, text=True,
                          env=dict(_locale_env(locale), COLUMNS="200"), cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
    for word in words:
        assert word in done.stdout, word


def test_error_keyword_stays_english_for_editors_and_scripts(tmp_path):
    (tmp_path / "r.yaml").write_text(BAD, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "presskit", "check", str(tmp_path / "r.yaml")], capture_output=True,
                          text=True, env=_locale_env("de_DE.UTF-8"), cwd=REPO, timeout=60)
    assert done.returncode == 1
    assert f"{tmp_path / 'r.yaml'}:1:1: error: unbekannter Schlüssel 'titel'" in done.stderr


def test_schema_explains_the_keys_in_the_users_language(language):
    from presskit.source.schema import release_json_schema

    language("de_DE.UTF-8")
    date = release_json_schema()["properties"]["date"]
    assert date["description"].startswith("Das Datum der Mitteilung, geschrieben JJJJ-MM-TT")
    assert date["markdownDescription"].endswith("```yaml\ndate: 2026-11-24\n```")
    assert date["patternErrorMessage"] == "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2019-01-18"
    language("C")
    assert release_json_schema()["properties"]["date"]["description"].startswith("The release date")
