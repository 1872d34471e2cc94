"""Incremental builds: an unchanged release is skipped, every input that goes into its PDF rebuilds it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

import pdfcheck
from conftest import REPO
from presskit.cli import app
from presskit.incremental import MANIFEST_NAME

runner = CliRunner()

RELEASE = """\
title: Neue Bänke im Kreispark
date: 2026-03-01
body: |
  Der Landkreis hat im Kreispark zwölf neue Bänke aufgestellt.
images:
  - file: images/park.jpg
    alt: Eine Bank im Park
"""
OTHER = """\
title: Neuer Spielplatz in Salzwedel
date: 2026-03-02
body: |
  Der Spielplatz am Markt ist fertig.
"""


def _photo(path: Path, colour: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), colour).save(path, "JPEG", quality=90)


@pytest.fixture
def office(tmp_path) -> Path:
    """A press office folder: brand file with its own fonts, two releases (one with a photo)."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(REPO / "fonts" / f"NotoSans-{face}.ttf", fonts / f"NotoSans-{face}.ttf")
    brand = (REPO / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8")
    brand += textwrap.dedent("""
        fonts:
          regular: fonts/NotoSans-Regular.ttf
          bold: fonts/NotoSans-Bold.ttf
          italic: fonts/NotoSans-Italic.ttf
          bold_italic: fonts/NotoSans-BoldItalic.ttf
        """)
    (tmp_path / "presskit.yaml").write_text(brand, encoding="utf-8")
    releases = tmp_path / "releases"
    releases.mkdir()
    (releases / "a-baenke.yaml").write_text(RELEASE, encoding="utf-8")
    (releases / "b-spielplatz.yaml").write_text(OTHER, encoding="utf-8")
    _photo(releases / "images" / "park.jpg", (30, 120, 40))
    return tmp_path


def build(office: Path, *extra: str):
    result = runner.invoke(app, ["build", str(office / "releases"), "-o", str(office / "out"), "--jobs", "1", *extra],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def states(result) -> dict[str, str]:
    """Output name -> 'wrote' or 'up to date', from what build printed."""
    found = {}
    for line in result.stdout.splitlines():
        if line.startswith("wrote "):
            found[Path(line[len("wrote "):]).name] = "wrote"
        elif line.endswith(" is up to date"):
            found[Path(line[: -len(" is up to date")]).name] = "up to date"
    return found


BOTH_FRESH = {"a-baenke.pdf": "up to date", "b-spielplatz.pdf": "up to date"}
A_ONLY = {"a-baenke.pdf": "wrote", "b-spielplatz.pdf": "up to date"}
BOTH = {"a-baenke.pdf": "wrote", "b-spielplatz.pdf": "wrote"}


def test_an_unchanged_batch_is_skipped_and_says_so(office):
    assert states(build(office)) == BOTH
    first = {p.name: p.read_bytes() for p in (office / "out").glob("*.pdf")}
    assert (office / "out" / MANIFEST_NAME).is_file()
    again = build(office)
    assert states(again) == BOTH_FRESH
    assert {p.name: p.read_bytes() for p in (office / "out").glob("*.pdf")} == first
    assert build(office, "-q").stdout == ""  # quiet: nothing about up-to-date files
    assert states(build(office, "--force")) == BOTH
    # presskit's output is byte-identical for the same inputs: that is what makes skipping safe
    assert {p.name: p.read_bytes() for p in (office / "out").glob("*.pdf")} == first


def test_a_changed_release_rebuilds_only_that_release(office):
    build(office)
    path = office / "releases" / "a-baenke.yaml"
    path.write_text(RELEASE.replace("zwölf neue Bänke", "dreizehn neue Bänke"), encoding="utf-8")
    assert states(build(office)) == A_ONLY
    assert "dreizehn neue Bänke" in pdfcheck.normalise("\n".join(pdfcheck.page_texts(office / "out" / "a-baenke.pdf")))
    assert states(build(office)) == BOTH_FRESH


def test_a_changed_image_rebuilds_the_release_that_uses_it(office):
    build(office)
    _photo(office / "releases" / "images" / "park.jpg", (200, 30, 30))
    assert states(build(office)) == A_ONLY


def test_a_changed_brand_file_rebuilds_all(office):
    build(office)
    brand = office / "presskit.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace('"#1B5E7E"', '"#2B4E6E"'), encoding="utf-8")
    assert states(build(office)) == BOTH


def test_a_new_brand_file_nearer_the_release_rebuilds_it(office):
    build(office)
    shutil.copy(REPO / "presskit" / "data" / "brand.yaml", office / "releases" / "presskit.yaml")
    assert states(build(office)) == BOTH


def test_a_changed_font_file_rebuilds_all(office):
    build(office)
    shutil.copy(REPO / "fonts" / "NotoSans-Regular.ttf", office / "fonts" / "NotoSans-Bold.ttf")
    assert states(build(office)) == BOTH


def test_another_presskit_version_rebuilds_all(office, monkeypatch):
    import presskit

    build(office)
    monkeypatch.setattr(presskit, "__version__", presskit.__version__ + ".post1")
    assert states(build(office)) == BOTH


def test_another_reportlab_version_rebuilds_all(office, monkeypatch):
    import reportlab

    build(office)
    monkeypatch.setattr(reportlab, "Version", reportlab.Version + ".post1")
    assert states(build(office)) == BOTH


def test_other_hyphenation_patterns_rebuild_all(office, monkeypatch):
    from presskit.typography import hyphenate

    build(office)
    monkeypatch.setattr(hyphenate, "CACHE_FORMAT", hyphenate.CACHE_FORMAT + 100)
    assert states(build(office)) == BOTH


def test_a_replaced_or_deleted_pdf_is_rebuilt(office):
    build(office)
    (office / "out" / "a-baenke.pdf").unlink()
    assert states(build(office)) == A_ONLY
    # another PDF put in its place (a file that is not a PDF is never replaced: tests/test_hardening.py)
    (office / "out" / "b-spielplatz.pdf").write_bytes(b"%PDF-1.7\n% a PDF someone else wrote\n")
    assert states(build(office)) == {"a-baenke.pdf": "up to date", "b-spielplatz.pdf": "wrote"}


def _warnings(result) -> list[str]:
    return sorted(line for line in result.stderr.splitlines() if ": warning: " in line)


def test_a_skipped_release_still_shows_its_warnings_and_strict_fails_it(office):
    first = build(office)
    shown = _warnings(first)
    assert any("b-spielplatz.yaml:3:7: warning: the body is only" in line for line in shown)  # a short body
    again = build(office)
    assert states(again) == BOTH_FRESH
    assert _warnings(again) == shown
    assert _warnings(build(office, "-q")) == []
    strict = runner.invoke(app, ["build", str(office / "releases"), "-o", str(office / "out"), "--strict"],
                           catch_exceptions=False)
    assert strict.exit_code == 1 and "is up to date" not in strict.stdout


def test_warnings_found_on_another_day_are_looked_for_again(office):
    import json

    build(office)
    manifest = office / "out" / MANIFEST_NAME
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for entry in data["outputs"].values():
        entry["day"] = "2000-01-01"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert states(build(office)) == BOTH


def test_a_broken_manifest_means_a_full_build(office):
    build(office)
    (office / "out" / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert states(build(office)) == BOTH
    assert states(build(office)) == BOTH_FRESH


def test_the_brand_lookup_agrees_with_presskit_brand(office):
    from presskit.source import brand
    from presskit import incremental

    assert incremental.BRAND_FILE_NAME == brand.BRAND_FILE_NAME
    release = office / "releases" / "a-baenke.yaml"
    assert incremental.brand_file_of(release, None) == brand.find_brand(release).resolve()
