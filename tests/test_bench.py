"""Issue 12, point 4: the benchmark measures the presskit it says it measures (no timings here).

* ``bench.presskit_command()`` is this Python's ``-m presskit``, never a ``presskit`` on PATH;
* ``bench.presskit_identity()`` names this checkout's package and version;
* the Typst counterpart writes a document with the release's text (compiled when ``typst``
  is installed: it is optional, the benchmark only adds its figures then).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CAMPAIGN, RELEASES, REPO

from presskit import __version__

BENCHMARKS = REPO / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_runs_this_pythons_presskit_from_this_checkout(monkeypatch, tmp_path):
    bench = _load("bench")
    fake = tmp_path / "presskit"  # a 'presskit' first on PATH must not be what is measured
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{sys.exec_prefix}/bin:/usr/bin:/bin")
    assert bench.presskit_command() == [sys.executable, "-m", "presskit"]
    who = bench.presskit_identity()
    assert who["from_checkout"] and Path(who["package"]) == REPO / "presskit"
    assert who["version"] == __version__ and who["python"] == sys.executable


def test_the_typst_document_carries_the_release():
    typst_release = _load("typst_release")
    release = yaml.safe_load((RELEASES / f"{CAMPAIGN}.yaml").read_text(encoding="utf-8"))
    source = typst_release.document(release)
    assert '"Stark. Sozial. Vor Ort.\\" – Jobcenter' in source  # a string literal, quote escaped
    assert 'font: "Noto Sans"' in source and 'lang: "de"' in source and "hyphenate: true" in source
    assert "Seite #counter(page).display() von" in source


def test_the_typst_document_compiles_with_the_bundled_fonts(tmp_path):
    pytest.importorskip("typst", reason="typst is optional: bench.py adds Typst's figures only when installed")
    import pikepdf

    typst_release = _load("typst_release")
    out = tmp_path / "typst.pdf"
    typst_release.build(out, RELEASES / f"{CAMPAIGN}.yaml")
    with pikepdf.open(out) as pdf:
        fonts = {str(f.BaseFont).split("+")[-1] for page in pdf.pages for f in page.Resources.Font.values()}
        assert fonts <= {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"}
        assert "/StructTreeRoot" in pdf.Root
