"""The command line as users run it: commands, options, outputs and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import pdfcheck
from conftest import CAMPAIGN, EXAMPLES, MINIMAL_RELEASE, PARTNERSHIP, RELEASES
from presskit import __version__
from presskit.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def _pdf_text(path) -> str:
    return pdfcheck.normalise("\n".join(pdfcheck.page_texts(path)))


def _written(folder) -> list[str]:
    """The files in an output folder besides presskit's incremental-build records."""
    return sorted(p.name for p in folder.iterdir() if p.name != ".presskit-manifest.json")


def _is_pdf(path) -> bool:
    return path.is_file() and path.read_bytes()[:5] == b"%PDF-" and b"%%EOF" in path.read_bytes()[-32:]


# -- version and help ----------------------------------------------------------------------
def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"presskit {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", __version__)


def test_version_in_a_real_process():
    done = subprocess.run([sys.executable, "-m", "presskit", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"presskit {__version__}"
    assert "Traceback" not in done.stderr


def test_no_arguments_shows_help():
    result = run()
    assert "build" in result.output and "check" in result.output
    assert result.exit_code in (0, 2)


@pytest.mark.parametrize(
    "command, words",
    [
        ([], ["build", "check", "new", "schema", "--version"]),
        (["build"], ["--output", "--brand", "--jobs"]),
        (["check"], ["--brand"]),
        (["new"], ["--date", "--dir", "TITLE"]),
        (["schema"], ["JSON Schema"]),
    ],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_of_every_command(command, words, flag):
    result = run(*command, flag)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    for word in words:
        assert word in result.stdout, word


@pytest.mark.parametrize("command, default", [("build", "out/"), ("new", "today")])
def test_help_shows_the_defaults_written_in_the_help_text(command, default):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert re.search(rf"[\[(]default: {re.escape(default)}[\])]", result.stdout), result.stdout
    assert not re.search(r"\w \.(\s|$)", result.stdout)  # no sentence whose bracket was eaten: "a folder ."


# -- build -------------------------------------------------------------------------------------
def test_build_one_file_to_a_pdf_path(tmp_path):
    target = tmp_path / "x.pdf"
    result = run("build", RELEASES / f"{PARTNERSHIP}.yaml", "-o", target)
    assert result.exit_code == 0, result.output
    assert _is_pdf(target)
    assert f"wrote {target}" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [".presskit-manifest.json", "x.pdf"]  # no temporary file left
    assert "Delegation from Lakeshire" in _pdf_text(target)


def test_build_a_folder_to_a_folder(tmp_path):
    out = tmp_path / "dir"
    result = run("build", RELEASES, "-o", out)
    assert result.exit_code == 0, result.output
    pdfs = [p for p in out.iterdir() if p.name != ".presskit-manifest.json"]  # the incremental-build records
    assert sorted(p.name for p in pdfs) == sorted(f"{p.stem}.pdf" for p in EXAMPLES)
    assert all(_is_pdf(p) for p in pdfs)
    assert result.stdout.count("wrote ") == len(EXAMPLES)


def test_build_default_output_folder_is_out(tmp_path, monkeypatch, write_release):
    release = write_release(MINIMAL_RELEASE, name="2026-03-01-baenke.yaml", folder=tmp_path / "releases")
    monkeypatch.chdir(tmp_path)
    result = run("build", "releases/2026-03-01-baenke.yaml")
    assert result.exit_code == 0, result.output
    produced = tmp_path / "out" / "2026-03-01-baenke.pdf"
    assert _is_pdf(produced)
    assert "zwölf neue Bänke" in _pdf_text(produced)
    assert release.exists()


def test_build_several_files_with_a_pdf_output_is_a_usage_error(tmp_path):
    result = run("build", RELEASES / f"{CAMPAIGN}.yaml", RELEASES / f"{PARTNERSHIP}.yaml", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2
    assert "folder" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_build_with_two_jobs_gives_the_same_pdfs(tmp_path, built_examples):
    out = tmp_path / "parallel"
    result = run("build", "--jobs", "2", RELEASES, "-o", out)
    assert result.exit_code == 0, result.output
    # reported in input order, and byte-identical to the serial build
    wrote = re.findall(r"wrote (\S+)", result.stdout)
    assert [p.rsplit("/", 1)[-1] for p in wrote] == [f"{p.stem}.pdf" for p in EXAMPLES]
    for name, built in built_examples.items():
        assert (out / f"{name}.pdf").read_bytes() == built.data, name


BRAND = """\
organisation: Stadtwerke Musterstadt
units:
  - Unternehmenskommunikation
address:
  street: Hauptstraße 1
  postcode: 01067
  city: Musterstadt
phone: 0351 123-45
email: presse@stadtwerke-musterstadt.example
lang: de
place: Musterstadt
"""


def _brand_checks(text: str) -> None:
    assert "Stadtwerke Musterstadt" in text
    assert "01067 Musterstadt" in text  # the postcode as typed, not the octal number 567
    assert "Musterstadt, 01.03.2026" in text  # the brand's place in the dateline
    assert "Altmarkkreis" not in text


def test_build_with_brand_option(tmp_path, minimal_release):
    brand = tmp_path / "brands" / "stadtwerke.yaml"
    brand.parent.mkdir()
    brand.write_text(BRAND, encoding="utf-8")
    target = tmp_path / "b.pdf"
    result = run("build", minimal_release, "--brand", brand, "-o", target)
    assert result.exit_code == 0, result.output
    _brand_checks(_pdf_text(target))


def test_build_finds_presskit_yaml_walking_up(tmp_path, write_release):
    (tmp_path / "presskit.yaml").write_text(BRAND, encoding="utf-8")
    release = write_release(MINIMAL_RELEASE, name="r.yaml", folder=tmp_path / "releases" / "2026")
    target = tmp_path / "found.pdf"
    result = run("build", release, "-o", target)
    assert result.exit_code == 0, result.output
    _brand_checks(_pdf_text(target))


def test_build_a_folder_skips_the_brand_file(tmp_path, write_release):
    (tmp_path / "presskit.yaml").write_text(BRAND, encoding="utf-8")
    write_release(MINIMAL_RELEASE, name="r.yaml")
    result = run("build", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert _written(tmp_path / "out") == ["r.pdf"]


def test_scalars_stay_as_typed(tmp_path, write_release):
    release = write_release(
        """\
        title: No
        subtitle: 0755
        date: 2026-03-01
        number: 004/2026
        body: |
          Um 1:30 Uhr ging es los.
        contact:
          - name: Yes
            phone: 03901 840-309
        """
    )
    target = tmp_path / "scalars.pdf"
    result = run("build", release, "-o", target)
    assert result.exit_code == 0, result.output
    text = _pdf_text(target)
    for typed in ("Nr. 004/2026", "0755", "Telefon 03901 840-309", "1:30 Uhr"):
        assert typed in text, typed
    story = pdfcheck.normalise(pdfcheck.content_text(target))
    assert re.search(r"\bNo\b", story) and "False" not in story and "493" not in story
    assert re.search(r"\bYes\b", story) and "True" not in story


# -- exit codes ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [["build", "--bogus", "x.yaml"], ["build", "--jobs", "0", "x.yaml"], ["build"], ["frobnicate"],
     ["check"], ["new"], ["new", "Titel", "--date", "2026-13-01"]],
)
def test_wrong_usage_exits_2(args, tmp_path, monkeypatch):
    (tmp_path / "x.yaml").write_text(MINIMAL_RELEASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "releases").exists()


def test_empty_folder_is_a_usage_error(tmp_path):
    result = run("build", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "no release files" in result.stderr


def test_one_bad_input_still_builds_the_other(tmp_path, write_release):
    good = write_release(MINIMAL_RELEASE, name="good.yaml")
    bad = write_release("title: Kaputt\ndate: 2026-02-30\nbody: x\n", name="bad.yaml")
    out = tmp_path / "out"
    result = run("build", bad, good, "-o", out)
    assert result.exit_code == 1
    assert _written(out) == ["good.pdf"]
    assert f"{bad}:2:7: error:" in result.stderr
    assert "1 of 2" in result.stderr
    assert f"wrote {out / 'good.pdf'}" in result.stdout


# -- check -------------------------------------------------------------------------------------
def test_check_examples(tmp_path):
    before = sorted(p.name for p in RELEASES.rglob("*"))
    result = run("check", RELEASES)
    assert result.exit_code == 0, result.output
    assert f"{len(EXAMPLES)} file(s) checked: 0 error(s)" in result.stdout
    assert "error:" not in result.stderr
    assert sorted(p.name for p in RELEASES.rglob("*")) == before  # writes nothing


def test_check_reports_errors_with_exit_1(write_release, tmp_path, monkeypatch):
    bad = write_release("titel: Test\ndate: 2026-03-01\nbody: x\n", name="bad.yaml")
    monkeypatch.chdir(tmp_path)
    result = run("check", "bad.yaml")
    assert result.exit_code == 1
    assert "bad.yaml:1:1: error: unknown key 'titel'" in result.stderr
    assert "1 error(s)" in result.stdout
    assert not (tmp_path / "out").exists()
    assert bad.exists()


def test_check_warns_about_a_past_embargo(write_release):
    release = write_release(MINIMAL_RELEASE + "embargo: 2020-01-01 10:00\n")
    result = run("check", release)
    assert result.exit_code == 0, result.output
    assert re.search(rf"^{re.escape(str(release))}:5:10: warning: .*embargo.*in the past", result.stderr, re.M)
    assert "0 error(s)" in result.stdout and "warning(s)" in result.stdout


# -- new -----------------------------------------------------------------------------------------
def test_new_writes_a_release_that_checks_and_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "Neue Radwege für den Kreis", "--date", "2026-05-04")
    assert result.exit_code == 0, result.output
    created = tmp_path / "releases" / "2026-05-04-neue-radwege-fuer-den-kreis.yaml"
    assert created.is_file()
    assert str(created.relative_to(tmp_path)) in result.stdout
    text = created.read_text(encoding="utf-8")
    assert "Neue Radwege für den Kreis" in text and "2026-05-04" in text and "#" in text

    checked = run("check", created)
    assert checked.exit_code == 0, checked.output
    assert "0 error(s)" in checked.stdout
    built = run("build", created)
    assert built.exit_code == 0, built.output
    pdf = tmp_path / "out" / "2026-05-04-neue-radwege-fuer-den-kreis.pdf"
    assert "Neue Radwege für den Kreis" in _pdf_text(pdf)
    assert "04.05.2026" in _pdf_text(pdf)


def test_new_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("new", "Neue Radwege", "--date", "2026-05-04").exit_code == 0
    created = tmp_path / "releases" / "2026-05-04-neue-radwege.yaml"
    created.write_text(created.read_text(encoding="utf-8") + "# meine Notiz\n", encoding="utf-8")
    edited = created.read_bytes()
    again = run("new", "Neue Radwege", "--date", "2026-05-04")
    assert again.exit_code != 0
    assert "already exists" in again.stderr
    assert created.read_bytes() == edited
    assert [p.name for p in created.parent.iterdir()] == [created.name]


def test_new_with_dir_and_default_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "Sommerfest", "--dir", "pm")
    assert result.exit_code == 0, result.output
    files = list((tmp_path / "pm").iterdir())
    assert len(files) == 1
    # today's date (allow for a run across midnight)
    days = {dt.date.today(), dt.date.today() - dt.timedelta(days=1)}
    assert any(files[0].name == f"{d:%Y-%m-%d}-sommerfest.yaml" for d in days), files[0].name


# -- schema --------------------------------------------------------------------------------------
def test_schema_is_json_with_the_release_keys():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    props = schema["properties"]
    for key in ("title", "date", "body", "lead", "facts", "images", "links", "embargo", "lang", "keywords"):
        assert key in props, key
    assert {"title", "date", "body"} <= set(schema.get("required", []))
    assert schema.get("additionalProperties") is False


@pytest.mark.parametrize("kind, title, keys", [
    ("release", "presskit release", {"title", "date", "body"}),
    ("brand", "presskit brand", {"organisation", "address", "contact"}),
    ("kit", "presskit kit", {"title", "date", "releases", "photos", "documents"}),
])
def test_schema_of_each_kind(kind, title, keys, tmp_path):
    from presskit.content.kit_schema import kit_json_schema
    from presskit.source.schema import brand_json_schema, release_json_schema

    result = run("schema", kind)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    expected = {"release": release_json_schema, "brand": brand_json_schema, "kit": kit_json_schema}[kind]()
    assert schema == json.loads(json.dumps(expected)) and schema["title"] == title
    assert keys <= set(schema["properties"])
    target = tmp_path / f"{kind}.schema.json"
    written = run("schema", kind, "-o", target)
    assert written.exit_code == 0 and target.read_text(encoding="utf-8") == result.stdout


def test_schema_without_a_kind_is_the_release_schema():
    assert run("schema").stdout == run("schema", "release").stdout


def test_schema_of_an_unknown_kind_is_a_usage_error_with_the_choices():
    result = run("schema", "pressemappe")
    assert result.exit_code == 2 and result.stdout == ""
    assert "error: no schema for 'pressemappe'; choose one of: release, brand, kit" in result.stderr


def _die(source, *args):  # a worker that is killed mid-build
    import os

    os._exit(9)


def test_a_dying_worker_fails_its_files_without_a_traceback(tmp_path):
    from presskit import cli

    jobs = [(tmp_path / "a.yaml",), (tmp_path / "b.yaml",)]
    results = cli._run_jobs(jobs, _die, 2, "Building")
    assert [r.source for r in results] == [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    for result in results:
        assert not result.ok
        assert "the worker building this file stopped" in result.diagnostics[0].message


def _die_on_b(source, *args):  # one worker dies while later jobs are still being handed out
    import os
    import time

    from presskit.jobs import JobResult

    if source.name == "b.yaml":
        os._exit(9)
    time.sleep(0.002)
    return JobResult(str(source))


def test_a_worker_dying_while_jobs_are_handed_out_fails_the_rest_without_a_traceback(tmp_path):
    from presskit import cli

    names = ["a.yaml", "b.yaml", *(f"c{i:04}.yaml" for i in range(3000))]
    jobs = [(tmp_path / name,) for name in names]
    # Many jobs, so that the worker dies while they are still being handed out: that made
    # pool.submit raise BrokenProcessPool out of _run_jobs (with a traceback) before.
    results = cli._run_jobs(jobs, _die_on_b, 2, "Building")
    assert [r.source for r in results] == [str(tmp_path / n) for n in names]  # every job, in order
    failed = [r for r in results if not r.ok]
    assert str(tmp_path / "b.yaml") in [r.source for r in failed]
    for result in failed:
        message = result.diagnostics[0]
        assert "the worker building this file stopped" in message.message
        assert message.location is not None and message.location.file == result.source


def _slow_first(source, *args):
    import time

    from presskit.jobs import JobResult

    time.sleep(0.3 if source.name == "0.yaml" else 0.0)
    return JobResult(str(source))


def test_parallel_results_come_back_in_the_jobs_order(tmp_path):
    from presskit import cli

    jobs = [(tmp_path / f"{i}.yaml",) for i in range(9)]
    results = cli._run_jobs(jobs, _slow_first, 2, "Building")
    assert [r.source for r in results] == [str(j[0]) for j in jobs]


def test_jobs_default_to_the_usable_cores(monkeypatch):
    import os

    from presskit import cli

    if hasattr(os, "process_cpu_count"):
        monkeypatch.setattr(os, "process_cpu_count", lambda: 3)
    else:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert cli.usable_cores() == 3
