"""The README's example release is real, and its two commands are the ones that work on a fresh machine."""

from __future__ import annotations

import re
from pathlib import Path

from presskit.jobs import build_one, check_one

ROOT = Path(__file__).resolve().parent.parent
INSTALL_AND_BUILD = "pipx install . && presskit build releases/2019-01-18-stark-sozial-vor-ort.yaml"
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"


def _shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_readme_release_example_builds(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README shows a release file"
    # the example's photo path is relative to the release, as in releases/
    (tmp_path / "images").mkdir()
    photo = ROOT / "releases" / "images" / "kreisstrasse-allee.jpg"
    (tmp_path / "images" / photo.name).write_bytes(photo.read_bytes())
    release = tmp_path / "2026-12-03-example.yaml"
    release.write_text(blocks[0], encoding="utf-8")
    checked = check_one(release)
    assert checked.ok, [d.format() for d in checked.diagnostics]
    built = build_one(release, tmp_path / "readme.pdf")
    assert built.ok, [d.format() for d in built.diagnostics]
    assert (tmp_path / "readme.pdf").stat().st_size > 10_000


def test_readme_names_the_commands_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = _shell_blocks(readme)
    # the first two commands of the README: install and build the example, then run the tests
    assert blocks[:2] == [INSTALL_AND_BUILD, TEST_COMMAND]
    # pipx, not a bare pip install into the system Python
    assert not [line for block in blocks for line in block.splitlines() if line.startswith("pip install")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == TEST_COMMAND  # CI runs exactly the README's test command, last


def test_ci_installs_the_language_server_the_tests_pin():
    import yls

    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"yaml-language-server@{yls.VERSION}" in ci
    assert "--prefix .ci/node" in ci


def test_readme_first_steps_are_real_commands():
    from typer.testing import CliRunner

    from presskit.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    steps = next(block for block in _shell_blocks(readme) if block.startswith("presskit init"))
    commands = {line.split()[1] for line in steps.splitlines() if line.startswith("presskit ")}
    assert commands == {"init", "new", "check", "build"}
    for command in commands:
        assert CliRunner().invoke(app, [command, "--help"]).exit_code == 0
