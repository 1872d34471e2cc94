"""A press officer's first hour, command by command: init, new, check, build (--strict, --open, -q, -v)."""

from __future__ import annotations

import io
import re
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL_RELEASE, RELEASES
from presskit import cli
from presskit.cli import app

runner = CliRunner()
LONG_BODY = "  " + "Der Landkreis hat im Kreispark zwölf neue Bänke aufgestellt, aus Holz aus der Region. " * 5 + "\n"
GOOD = MINIMAL_RELEASE.replace("  Der Landkreis hat im Kreispark zwölf neue Bänke aufgestellt.\n", LONG_BODY)


def run(*args: str, env: dict | None = None):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, env=env)


def _opener(tmp_path: Path) -> tuple[str, Path]:
    """A stand-in for xdg-open that notes the files it was asked to open."""
    log = tmp_path / "opened.txt"
    script = tmp_path / "opener.py"
    script.write_text(f"import sys\nopen({str(log)!r}, 'a').write(sys.argv[1] + '\\n')\n", encoding="utf-8")
    return f"{sys.executable} {script}", log


def _wait_for(path: Path, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return path.read_text()
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")


# -- help -------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["new"], ["init"], ["schema"], ["inspect"]])
def test_help_uses_words_not_python_types(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(bool|path|int|text|str|list\[\w+\])[^>]*>", result.stdout), result.stdout
    assert "{" not in result.stdout.split("\n", 3)[1] + result.stdout.split("\n", 3)[2]  # usage line without {FILE}


def test_help_metavars():
    build = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"}).stdout
    assert re.search(r"Usage: presskit build \[OPTIONS\] FILE\.\.\.", build)
    for words in (r"--output\s+-o\s+FILE\|DIR", r"--brand\s+FILE", r"--jobs\s+-j\s+N", r"--allow-dir\s+DIR",
                  "--strict", "--open", r"--quiet\s+-q", r"--verbose\s+-v"):
        assert re.search(words, build), words
    assert re.search(r"Usage: presskit init \[OPTIONS\] \[DIR\]", runner.invoke(app, ["init", "--help"]).stdout)
    assert re.search(r"--date\s+DATE", runner.invoke(app, ["new", "--help"], env={"COLUMNS": "200"}).stdout)


def test_shell_completion_is_on():
    top = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    assert "--install-completion" in top and "--show-completion" in top
    import os
    import subprocess

    env = dict(os.environ, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")  # take the shell as given
    shown = subprocess.run([sys.executable, "-m", "presskit", "--show-completion", "bash"], capture_output=True,
                           text=True, env=env, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "_PRESSKIT_COMPLETE" in shown.stdout and "complete -o" in shown.stdout


# -- build prints warnings; --strict --------------------------------------------------------------
def test_build_prints_the_warnings_check_prints(write_release, tmp_path):
    release = write_release(GOOD + "embargo: 2020-01-01 10:00\n")
    built = run("build", release, "-o", tmp_path / "a.pdf")
    checked = run("check", release)
    assert built.exit_code == 0 and checked.exit_code == 0
    warning = f"{release}:5:10: warning: the embargo 2020-01-01 10:00 is in the past"
    assert warning in built.stderr and warning in checked.stderr
    assert (tmp_path / "a.pdf").is_file()


def test_strict_turns_warnings_into_failures(write_release, tmp_path):
    release = write_release(GOOD + "embargo: 2020-01-01 10:00\n")
    built = run("build", "--strict", release, "-o", tmp_path / "a.pdf")
    assert built.exit_code == 1
    assert f"{release}:5:10: error: the embargo 2020-01-01 10:00 is in the past" in built.stderr
    assert "a warning fails the file with --strict" in built.stderr
    assert not (tmp_path / "a.pdf").exists()
    checked = run("check", "--strict", release)
    assert checked.exit_code == 1 and "1 error(s), 0 warning(s)" in checked.stdout
    clean = write_release(GOOD, name="clean.yaml")
    assert run("build", "--strict", clean, "-o", tmp_path / "b.pdf").exit_code == 0


def test_template_placeholders_are_warned_everywhere(tmp_path, monkeypatch):
    """Lead, body, facts, photo caption/credit/alt and contact placeholders of `presskit new`."""
    from presskit.source.lint import uncommented_template

    monkeypatch.chdir(tmp_path)
    (tmp_path / "images").mkdir()
    photo = RELEASES / "images" / "kreisstrasse-allee.jpg"
    (tmp_path / "images" / "foto.jpg").write_bytes(photo.read_bytes())
    release = tmp_path / "2027-01-01-titel.yaml"
    release.write_text(uncommented_template(), encoding="utf-8")
    result = run("build", release, "-o", tmp_path / "t.pdf")
    assert result.exit_code == 0, result.output
    placeholders = [line for line in result.stderr.splitlines() if "placeholder text from the template" in line]
    fields = {re.search(r"warning: (.*) still contains", line)[1] for line in placeholders}
    assert {"'lead'", "'body'", "a fact", "the caption of an image", "the credit of an image",
            "the alt of an image", "the contact"} <= fields, placeholders
    assert len([f for f in placeholders if "a fact" in f]) == 3


# -- several files ----------------------------------------------------------------------------
def test_several_files_end_with_the_failed_ones(write_release, tmp_path):
    good = write_release(GOOD, name="a-good.yaml")
    bad = write_release("title: Kaputt\ndate: 2026-02-30\nbody: x\n", name="b-bad.yaml")
    worse = write_release("title Kaputt\ndate: 2026-02-01\nbody: x\n", name="c-worse.yaml")
    result = run("build", good, bad, worse, "-o", tmp_path / "out")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    at = lines.index("2 of 3 releases failed:")
    assert lines[at + 1:] == [f"  {bad}:2: 2026-02-30 is not a calendar date",
                              f"  {worse}:1: 'title' has no colon after it"]
    assert f"{bad}:2:7: error:" in lines[0]  # plain lines, not a bar, when not on a terminal
    assert result.stdout.strip() == f"wrote {tmp_path / 'out' / 'a-good.pdf'}"


def test_progress_bar_names_the_file_at_work(write_release, tmp_path, monkeypatch):
    from rich.console import Console

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=160, color_system=None)
    monkeypatch.setattr(cli, "_stderr_console", lambda: console)
    bad = [write_release(f"title: T\ndate: 2026-02-3{i}\nbody: x\n", name=f"kaputt-{i}.yaml") for i in (0, 1)]
    results = cli._run_jobs([(p, None, (), None, False) for p in bad], __import__("presskit.jobs").jobs.check_one,
                            1, "Checking")
    assert [r.ok for r in results] == [False, False]
    text = screen.getvalue()
    assert f"{bad[0]}:2:7: error:" in text and f"{bad[1]}:2:7: error:" in text
    assert re.search(r"Checking.* 0/2 .*kaputt-0\.yaml", text), text  # the bar names the file at work
    assert re.search(r"Checking.* 1/2 .*kaputt-1\.yaml", text), text


# -- -q, -v, --open --------------------------------------------------------------------------------
def test_quiet_and_verbose(write_release, tmp_path):
    release = write_release(GOOD + "embargo: 2020-01-01 10:00\n")
    quiet = run("build", "-q", release, "-o", tmp_path / "q.pdf")
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert (tmp_path / "q.pdf").is_file()
    loud = run("build", "--verbose", release, "-o", tmp_path / "v.pdf")
    assert re.search(rf"^{re.escape(str(release))}: ok, 1 warning, \d+\.\d\d s$", loud.stderr, re.M), loud.stderr
    checked = run("check", "-q", release)
    assert checked.exit_code == 0 and checked.stdout == "" and checked.stderr == ""
    assert run("check", "-v", release).stderr.count(": ok, 1 warning") == 1
    bad = write_release("title: T\ndate: 2026-02-30\nbody: x\n", name="bad.yaml")
    failed = run("check", "-q", bad)
    assert failed.exit_code == 1 and "error:" in failed.stderr


def test_build_open_opens_the_pdf(write_release, tmp_path):
    command, log = _opener(tmp_path)
    release = write_release(GOOD)
    result = run("build", "--open", release, "-o", tmp_path / "o.pdf", env={cli.OPENER_VARIABLE: command})
    assert result.exit_code == 0, result.output
    assert _wait_for(log).splitlines() == [str(tmp_path / "o.pdf")]


def test_build_open_uses_the_system_viewer(write_release, tmp_path, monkeypatch):
    calls = []
    monkeypatch.delenv(cli.OPENER_VARIABLE, raising=False)
    monkeypatch.setattr(cli.subprocess, "Popen", lambda args, **kw: calls.append(args))
    monkeypatch.setattr(cli.sys, "platform", "linux")
    assert run("build", "--open", write_release(GOOD), "-o", tmp_path / "x.pdf").exit_code == 0
    monkeypatch.setattr(cli.sys, "platform", "darwin")
    assert run("build", "--open", write_release(GOOD), "-o", tmp_path / "y.pdf").exit_code == 0
    assert calls == [["xdg-open", str(tmp_path / "x.pdf")], ["open", str(tmp_path / "y.pdf")]]


def test_build_open_without_a_viewer_warns(write_release, tmp_path):
    result = run("build", "--open", write_release(GOOD), "-o", tmp_path / "x.pdf",
                 env={cli.OPENER_VARIABLE: str(tmp_path / "no-such-viewer")})
    assert result.exit_code == 0
    assert f"warning: cannot open {tmp_path / 'x.pdf'}:" in result.stderr


def test_failed_build_opens_nothing(write_release, tmp_path):
    command, log = _opener(tmp_path)
    bad = write_release("title: T\ndate: 2026-02-30\nbody: x\n")
    assert run("build", "--open", bad, "-o", tmp_path / "x.pdf", env={cli.OPENER_VARIABLE: command}).exit_code == 1
    time.sleep(0.3)
    assert not log.exists()


# -- new --date, init, schema -o ----------------------------------------------------------------
@pytest.mark.parametrize("date", ["2027-W03-1", "18.01.2027", "2027-02-30", "20270118"])
def test_new_date_uses_the_release_date_parser(date, tmp_path, write_release):
    from presskit.errors import ValidationError
    from presskit.source.model import load_release

    result = run("new", "Titel", "--date", date, "--dir", tmp_path / "r")
    assert result.exit_code == 2
    assert not (tmp_path / "r").exists()
    release = write_release(f"title: T\ndate: {date}\nbody: x\n")
    with pytest.raises(ValidationError) as info:
        load_release(release)
    same = info.value.diagnostics[0]
    assert result.stderr.strip() == f"error: --date: {same.message} ({same.hint})"


def test_init_makes_a_press_office_folder_and_never_overwrites(tmp_path):
    import json

    office = tmp_path / "pressestelle"
    first = run("init", office)
    assert first.exit_code == 0, first.output
    for part in ("releases", "presskit.yaml", "release.schema.json", "brand.schema.json", "kit.schema.json",
                 ".vscode/settings.json"):
        assert (office / part).exists(), part
        assert f"wrote {office / part}" in first.stdout
    settings = json.loads((office / ".vscode" / "settings.json").read_text())
    assert settings == {"yaml.schemas": {"./release.schema.json": ["releases/*.yaml", "releases/*.yml"],
                                         "./brand.schema.json": ["presskit.yaml"],
                                         "./kit.schema.json": ["releases/kits/*.yaml", "releases/kits/*.yml"]}}
    assert json.loads((office / "release.schema.json").read_text()) == json.loads(run("schema").stdout)
    for kind in ("brand", "kit"):
        assert (office / f"{kind}.schema.json").read_text(encoding="utf-8") == run("schema", kind).stdout
    from presskit.source.brand import load_brand

    assert load_brand(office / "presskit.yaml").organisation == "Name Ihrer Organisation"  # valid as it comes
    (office / "presskit.yaml").write_text("organisation: Meine\n", encoding="utf-8")
    again = run("init", office)
    assert again.exit_code == 0
    assert (office / "presskit.yaml").read_text() == "organisation: Meine\n"
    assert f"kept {office / 'presskit.yaml'} (it exists already)" in again.stdout


def test_init_into_a_file_fails(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    result = run("init", target)
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr


def test_init_default_is_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "-q").exit_code == 0
    assert (tmp_path / "presskit.yaml").is_file() and (tmp_path / "releases").is_dir()


def test_schema_to_a_file(tmp_path):
    result = run("schema", "-o", tmp_path / "s.json")
    assert result.exit_code == 0
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == run("schema").stdout


def test_new_writes_the_modeline_only_inside_a_press_office(tmp_path):
    assert run("new", "Ohne", "--date", "2027-01-18", "--dir", tmp_path / "lose").exit_code == 0
    assert not (tmp_path / "lose" / "2027-01-18-ohne.yaml").read_text().startswith("# yaml-language-server")
    run("init", tmp_path / "amt")
    assert run("new", "Mit", "--date", "2027-01-18", "--dir", tmp_path / "amt" / "releases").exit_code == 0
    text = (tmp_path / "amt" / "releases" / "2027-01-18-mit.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../release.schema.json\n")


# -- the whole first hour ----------------------------------------------------------------------------
def test_first_hour_end_to_end(tmp_path, monkeypatch):
    """init + new + editing + build --open, as a press officer does it."""
    monkeypatch.chdir(tmp_path)
    command, log = _opener(tmp_path)
    assert run("init", "pressestelle").exit_code == 0
    monkeypatch.chdir(tmp_path / "pressestelle")
    brand = Path("presskit.yaml")
    brand.write_text(brand.read_text(encoding="utf-8").replace("Name Ihrer Organisation", "Landkreis Musterland"),
                     encoding="utf-8")
    created = run("new", "Kreistag beschließt Haushalt 2027", "--date", "2027-01-18")
    assert created.exit_code == 0, created.output
    path = Path("releases/2027-01-18-kreistag-beschliesst-haushalt-2027.yaml")
    # the template's placeholders are warned, not silently printed
    checked = run("check", path)
    assert checked.exit_code == 0 and "placeholder text from the template" in checked.stderr
    # the press officer writes the release
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"lead: >-\n(  .*\n)+", "lead: >-\n  Der Kreistag hat den Haushalt 2027 beschlossen.\n", text)
    text = re.sub(r"body: \|\n(  .*\n|\n)+", "body: |\n" + LONG_BODY + "\n", text)
    text = re.sub(r"facts:\n(  .*\n)+", "facts:\n  - Haushalt: 180 Mio. €\n", text)
    path.write_text(text, encoding="utf-8")
    assert run("check", "--strict", path).exit_code == 0, run("check", path).stderr
    built = run("build", "--open", "--strict", path, env={cli.OPENER_VARIABLE: command})
    assert built.exit_code == 0, built.output
    pdf = tmp_path / "pressestelle" / "out" / "2027-01-18-kreistag-beschliesst-haushalt-2027.pdf"
    assert built.stdout.strip() == f"wrote {pdf.relative_to(tmp_path / 'pressestelle')}"
    assert Path(_wait_for(log).strip()).resolve() == pdf
    import pdfcheck

    words = pdfcheck.normalise("\n".join(pdfcheck.page_texts(pdf)))
    assert "Kreistag beschließt Haushalt 2027" in words and "Landkreis Musterland" in words


@pytest.mark.parametrize("lang", ["de", "en"])
def test_both_templates_uncomment_to_the_same_valid_release(lang):
    from presskit.source.lint import uncommented_template
    from presskit.source.model import Release
    from presskit.source.loader import parse_yaml

    data = parse_yaml(uncommented_template(lang), "t.yaml").data
    assert set(data) == set(Release.model_fields)
    assert data == parse_yaml(uncommented_template("en" if lang == "de" else "de"), "t.yaml").data


# -- the remaining options, each once ---------------------------------------------------------------
def _photo_release(write_release, tmp_path, relative: str) -> Path:
    return write_release(GOOD + f"images:\n  - file: {relative}\n    alt: Bänke im Kreispark\n", name="foto.yaml",
                         folder=tmp_path / "releases")


def test_allow_dir_lets_images_come_from_another_folder(write_release, tmp_path):
    shared = tmp_path / "bilder"
    shared.mkdir()
    (shared / "park.jpg").write_bytes((RELEASES / "images" / "kreisstrasse-allee.jpg").read_bytes())
    release = _photo_release(write_release, tmp_path, "../bilder/park.jpg")
    refused = run("check", release)
    assert refused.exit_code == 1 and "outside the release's folder" in refused.stderr
    assert run("check", release, "--allow-dir", shared).exit_code == 0
    built = run("build", release, "--allow-dir", shared, "-o", tmp_path / "foto.pdf")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "foto.pdf").is_file()


def test_check_with_a_brand_file(write_release, tmp_path):
    release = write_release(GOOD)
    brand = tmp_path / "marke.yaml"
    brand.write_text("organisation: Marke\naddress:\n  street: Weg 1\n  postcode: '01067'\n  city: Ort\n"
                     "fonts:\n  regular: fehlt.ttf\n", encoding="utf-8")
    result = run("check", release, "--brand", brand)
    assert result.exit_code == 1
    assert f"{brand}:7:3: error: fonts needs all four styles" in result.stderr


def test_inspect_a_pdf_and_a_file_that_is_not_one(write_release, tmp_path):
    release = write_release(GOOD)
    assert run("build", release, "-o", tmp_path / "i.pdf").exit_code == 0
    report = run("inspect", tmp_path / "i.pdf")
    assert report.exit_code == 0, report.output
    assert "ok   content" in report.stdout
    (tmp_path / "kein.pdf").write_text("kein PDF")
    broken = run("inspect", tmp_path / "kein.pdf")
    assert broken.exit_code == 1 and "error: cannot read this file as a PDF" in broken.stderr


def test_new_quiet(tmp_path):
    result = run("new", "Still", "--date", "2027-01-18", "--dir", tmp_path, "-q")
    assert result.exit_code == 0 and result.stdout == ""
    assert (tmp_path / "2027-01-18-still.yaml").is_file()


def test_install_completion_writes_the_shell_script(tmp_path):
    import os
    import subprocess

    env = dict(os.environ, HOME=str(tmp_path), _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    done = subprocess.run([sys.executable, "-m", "presskit", "--install-completion", "bash"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "presskit.sh"
    assert script.is_file() and "_PRESSKIT_COMPLETE" in script.read_text()
    assert "presskit.sh" in (tmp_path / ".bashrc").read_text()
