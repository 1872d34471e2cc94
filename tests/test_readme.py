"""The README's example release is real: it validates and builds from the releases folder."""

from __future__ import annotations

import re
from pathlib import Path

from presskit.jobs import build_one, check_one

ROOT = Path(__file__).resolve().parent.parent


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
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "pip install '.[test]' && python -m pytest"
    assert test_command in readme and test_command in ci
    assert "pip install . && presskit build releases/2019-01-18-stark-sozial-vor-ort.yaml" in readme
