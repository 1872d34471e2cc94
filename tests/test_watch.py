"""presskit watch: a saved release becomes a new PDF, a broken one a located error, in one warm process."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from conftest import REPO
from presskit.watch import Watcher

RELEASE = """\
title: Neue Bänke im Kreispark
date: 2026-03-01
body: |
  Der Landkreis hat im Kreispark zwölf neue Bänke aufgestellt. {extra}
"""
WITH_PHOTO = RELEASE + """\
images:
  - file: images/park.jpg
    alt: Eine Bank im Park
"""
TIMEOUT = 60


def _text(pdf: Path) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return " ".join(page.get_textpage().get_text_range() for page in doc).replace("\r\n", " ").replace("\n", " ")
    finally:
        doc.close()


def _wait(condition, what: str):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


class Running:
    """A Watcher in a thread; what it said and reported, and a stop that ends it."""

    def __init__(self, paths, out):
        self.lines: list[str] = []
        self.diagnostics: list = []
        self.ready = threading.Event()
        self.stop = threading.Event()
        self.watcher = Watcher(paths, out, say=self.lines.append, report=self.diagnostics.extend)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.failure: BaseException | None = None

    def _run(self):
        try:
            self.watcher.run(self.stop, ready=self.ready.set)
        except BaseException as exc:  # pragma: no cover - shown by the test
            self.failure = exc
            self.ready.set()

    def __enter__(self):
        self.thread.start()
        assert self.ready.wait(TIMEOUT), "the watcher did not start"
        assert self.failure is None, self.failure
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(TIMEOUT)
        self.watcher.close()
        assert not self.thread.is_alive()
        assert self.failure is None, self.failure


def _save(path: Path, text: str) -> None:
    """Like an editor: write a temporary file and rename it over the old one."""
    tmp = path.with_name(f".{path.name}.swp-tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def test_a_saved_release_is_rebuilt_a_broken_one_reported_in_place_and_fixed(tmp_path):
    release = tmp_path / "releases" / "baenke.yaml"
    release.parent.mkdir()
    release.write_text(RELEASE.format(extra="Erste Fassung."), encoding="utf-8")
    pdf = tmp_path / "out" / "baenke.pdf"
    with Running([release.parent], tmp_path / "out") as running:
        assert "Erste Fassung" in _text(pdf)
        _save(release, RELEASE.format(extra="Zweite Fassung mit neuem Satz."))
        _wait(lambda: pdf.exists() and "Zweite Fassung" in _text(pdf), "the PDF with the new text")

        _save(release, RELEASE.format(extra="Kaputt.") + "title: [\n")
        found = _wait(lambda: [d for d in running.diagnostics if d.severity == "error"], "the error")
        assert found[0].location.file == str(release) and found[0].location.line == 5
        assert f"{release}:5:" in found[0].format()
        assert "Zweite Fassung" in _text(pdf)  # the last good PDF stays

        _save(release, RELEASE.format(extra="Dritte Fassung, wieder heil."))
        _wait(lambda: "Dritte Fassung" in _text(pdf), "the PDF after the fix")
        assert running.thread.is_alive()  # an error never ends the watcher


def test_only_the_releases_an_image_belongs_to_are_rebuilt_and_a_font_rebuilds_all(tmp_path):
    folder = tmp_path / "releases"
    (folder / "images").mkdir(parents=True)
    Image.new("RGB", (64, 48), (30, 120, 40)).save(folder / "images" / "park.jpg", "JPEG")
    (folder / "a.yaml").write_text(WITH_PHOTO.format(extra="Mit Foto."), encoding="utf-8")
    (folder / "b.yaml").write_text(RELEASE.format(extra="Ohne Foto."), encoding="utf-8")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(REPO / "fonts" / f"NotoSans-{face}.ttf", fonts / f"NotoSans-{face}.ttf")
    brand = (REPO / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8") + "".join(
        f"\nfonts:\n" if i == 0 else "" for i in range(1)) + "".join(
        f"  {key}: ../fonts/NotoSans-{face}.ttf\n"
        for key, face in (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic")))
    (folder / "presskit.yaml").write_text(brand, encoding="utf-8")
    watcher = Watcher([folder], tmp_path / "out", say=lambda line: None)
    try:
        watcher.build(watcher.releases())
        photo = str((folder / "images" / "park.jpg").resolve())
        names = lambda todo: sorted(p.name for p in todo[0])  # noqa: E731
        assert names(watcher.affected([photo])) == ["a.yaml"]
        assert names(watcher.affected([str((folder / "b.yaml").resolve())])) == ["b.yaml"]
        assert names(watcher.affected([str((folder / "presskit.yaml").resolve())])) == ["a.yaml", "b.yaml"]
        todo, font = watcher.affected([str((fonts / "NotoSans-Bold.ttf").resolve())])
        assert font and names((todo, font)) == ["a.yaml", "b.yaml"]
        assert names(watcher.affected([str(tmp_path / "out" / "a.pdf")])) == []
        assert watcher.wanted(photo) and not watcher.wanted(str(tmp_path / "out" / "a.pdf"))
        assert (fonts.resolve()) in watcher.folders()
    finally:
        watcher.close()


def test_the_command_reports_errors_as_file_line_col_keeps_running_and_ends_on_sigterm(tmp_path):
    import signal

    release = tmp_path / "r.yaml"
    release.write_text(RELEASE.format(extra="") + "title: [\n", encoding="utf-8")
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "presskit", "watch", str(release), "-o", str(tmp_path / "r.pdf")],
                                   cwd=REPO, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
        try:
            _wait(lambda: "watching" in out.read_text() or process.poll() is not None, "the watcher to start")
            assert process.poll() is None, err.read_text()  # an error does not end it
            assert f"{release}:5:8: error:" in err.read_text()
            _save(release, RELEASE.format(extra="Repariert."))
            _wait(lambda: (tmp_path / "r.pdf").exists() and "Repariert" in _text(tmp_path / "r.pdf"), "the fixed PDF")
            process.send_signal(signal.SIGTERM)
            assert process.wait(TIMEOUT) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert "Traceback" not in err.read_text()
    assert f"wrote {tmp_path / 'r.pdf'}" in out.read_text()


def test_watch_help_uses_words_and_metavars():
    import re

    from typer.testing import CliRunner

    from presskit.cli import app

    shown = CliRunner().invoke(app, ["watch", "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert re.search(r"Usage: presskit watch \[OPTIONS\] FILE\|DIR\.\.\.", shown.stdout), shown.stdout
    for words in (r"--output\s+-o\s+FILE\|DIR", r"--brand\s+FILE", r"--allow-dir\s+DIR", "--open", r"--quiet\s+-q"):
        assert re.search(words, shown.stdout), words
    assert not re.search(r"<(bool|path|int|text|str|list\[\w+\])[^>]*>", shown.stdout)


def test_open_opens_each_pdf_once(tmp_path):
    import os

    log = tmp_path / "opened.log"
    script = tmp_path / "opener.py"
    script.write_text(f"import sys\nopen({str(log)!r}, 'a').write(sys.argv[1] + '\\n')\n", encoding="utf-8")
    release = tmp_path / "r.yaml"
    release.write_text(RELEASE.format(extra="Eins."), encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    out = tmp_path / "stdout"
    env = dict(os.environ, PRESSKIT_OPENER=f"{sys.executable} {script}")
    with out.open("w") as stdout:
        process = subprocess.Popen([sys.executable, "-m", "presskit", "watch", str(release), "-o", str(pdf), "--open"],
                                   cwd=REPO, stdout=stdout, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
        try:
            _wait(lambda: "watching" in out.read_text(), "the watcher to start")
            _wait(lambda: log.exists() and log.read_text(), "the opener")
            _save(release, RELEASE.format(extra="Zwei."))
            _wait(lambda: out.read_text().count("r.pdf") >= 2, "the second build")
            time.sleep(0.5)
        finally:
            process.terminate()
            process.wait(TIMEOUT)
    assert log.read_text().splitlines() == [str(pdf)]
