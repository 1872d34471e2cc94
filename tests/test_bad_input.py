"""Bad input: a located error (FILE:LINE:COL: error: ...), exit status 1, no traceback, no PDF, no temp file."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from conftest import MINIMAL_RELEASE
from presskit.cli import app

runner = CliRunner()

BASE = "title: Test\ndate: 2026-03-01\nbody: |\n  Hallo Welt.\n"   # 4 lines; what follows starts on line 5
ERROR_LINE = re.compile(r"^(?P<file>[^:\n]+?)(?::(?P<line>\d+):(?P<col>\d+))?: error: (?P<message>.*)$", re.M)


def _jpeg(size=(800, 600), colour=(120, 30, 40), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _bomb_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")   # 400 megapixels, ~50 KB on disk
    return buffer.getvalue()


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\ntitle: T\ndate: 2026-03-01\nbody: x\n"


def _image_release(file: str, alt: str | None = "Ein Bild") -> str:
    return BASE + f"images:\n  - file: {file}\n" + (f"    alt: {alt}\n" if alt else "    caption: Ein Bild\n")


# name -> (release text or bytes, extra files {relative path: bytes}, [(line, col, message part), ...])
# line None means the error is about the whole file (no position).
CASES = {
    "malformed-yaml": ("title: [nicht geschlossen\ndate: 2026-03-01\nbody: x\n", {}, [(1, 8, "a text that starts with '[' must be in quotes")]),
    "empty-file": ("", {}, [(1, 1, "empty")]),
    "list-not-mapping": ("- title: a\n- date: b\n", {}, [(1, 1, "must be a mapping")]),
    "unknown-key": ("titel: Test\ndate: 2026-03-01\nbody: x\n", {}, [(1, 1, "unknown key 'titel' (did you mean 'title'?)")]),
    "missing-title": ("date: 2026-03-01\nbody: x\n", {}, [(1, 1, "missing required key 'title'")]),
    "duplicate-key": ("title: A\ntitle: B\ndate: 2026-03-01\nbody: x\n", {}, [(2, 1, "duplicate key 'title'")]),
    "body-is-a-list": ("title: Test\ndate: 2026-03-01\nbody:\n  - eins\n  - zwei\n", {}, [(4, 3, "expected text, found a list")]),
    "impossible-date": ("title: Test\ndate: 2026-02-30\nbody: x\n", {}, [(2, 7, "2026-02-30 is not a calendar date")]),
    "german-date": ("title: Test\ndate: 18.01.2019\nbody: x\n", {}, [(2, 7, "YYYY-MM-DD")]),
    "embargo-without-time": (BASE + "embargo: 2026-03-01\n", {}, [(5, 10, "YYYY-MM-DD HH:MM")]),
    "unknown-language": ("title: A\ndate: 2026-03-01\nlang: fr\nbody: x\n", {}, [(3, 7, "'fr'")]),
    "missing-image": (_image_release("nope.jpg"), {}, [(6, 11, "'nope.jpg' not found")]),
    "image-outside-folder": (_image_release("../secret.jpg"), {"../secret.jpg": _jpeg()}, [(6, 11, "outside the release's folder")]),
    "text-file-named-jpg": (_image_release("photo.jpg"), {"photo.jpg": b"this is not a photo\n"}, [(6, 11, "not an image")]),
    "truncated-jpeg": (_image_release("cut.jpg"), {"cut.jpg": _jpeg()[:1500]}, [(6, 11, "damaged or unreadable")]),
    "decompression-bomb": (_image_release("bomb.png"), {"bomb.png": _bomb_png()}, [(6, 11, "too large to open safely")]),
    "javascript-link": (BASE + "links:\n  - text: Klick\n    url: javascript:alert(1)\n", {}, [(7, 10, "not 'javascript:'")]),
    "file-link": (BASE + "links:\n  - file:///etc/passwd\n", {}, [(6, 5, "not 'file:'")]),
    "missing-alt": (_image_release("ok.jpg", alt=None), {"ok.jpg": _jpeg()}, [(6, 5, "no alt text")]),
    "not-utf8": ("title: Größe\ndate: 2026-03-01\nbody: x\n".encode("latin-1"), {}, [(1, 10, "not valid UTF-8")]),
    "alias-bomb": (_alias_bomb(), {}, [(1, 4, "anchors")]),
    "python-tag": ("title: !!python/object/apply:os.system [\"touch pwned\"]\ndate: 2026-03-01\nbody: x\n", {},
                   [(1, 8, "'!!python/object/apply:os.system' is not allowed")]),
    "chinese-character": ("title: Test\ndate: 2026-03-01\nbody: |\n  Hallo 中 Welt.\n", {}, [(4, 9, "'中' (U+4E2D")]),
    "emoji": ("title: Test\ndate: 2026-03-01\nbody: |\n  Hallo Welt 😀.\n", {}, [(4, 14, "'😀' (U+1F600")]),
    "huge-file": ("title: T\ndate: 2026-03-01\nbody: |\n" + ("  " + "Wort " * 20 + "\n") * 22000, {},
                  [(None, None, "too large")]),
}


def _write_case(tmp_path: Path, name: str) -> Path:
    text, files, _ = CASES[name]
    src = tmp_path / "src"
    src.mkdir()
    for rel, data in files.items():
        (src / rel).write_bytes(data)
    release = src / f"{name}.yaml"
    release.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return release


def _errors(stderr: str) -> list[tuple[str, int | None, int | None, str]]:
    return [
        (m["file"], int(m["line"]) if m["line"] else None, int(m["col"]) if m["col"] else None, m["message"])
        for m in ERROR_LINE.finditer(stderr)
    ]


def _assert_nothing_written(out: Path) -> None:
    leftovers = sorted(p.name for p in out.rglob("*")) if out.exists() else []
    assert leftovers == [], f"left in the output folder: {leftovers}"


@pytest.mark.parametrize("name", list(CASES))
def test_bad_release_is_reported_not_built(tmp_path, monkeypatch, name):
    release = _write_case(tmp_path, name)
    monkeypatch.chdir(release.parent)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", release.name, "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "internal error" not in result.stderr
    errors = _errors(result.stderr)
    expected = CASES[name][2]
    assert len(errors) == len(expected), result.stderr
    for (file, line, col, message), (want_line, want_col, want_part) in zip(errors, expected):
        assert file == release.name, result.stderr
        assert (line, col) == (want_line, want_col), result.stderr
        assert want_part in message, result.stderr
    _assert_nothing_written(out)
    _assert_nothing_written(tmp_path / "src" / "out")


def test_python_tag_is_not_executed(tmp_path, monkeypatch):
    release = _write_case(tmp_path, "python-tag")
    monkeypatch.chdir(release.parent)
    runner.invoke(app, ["build", release.name, "-o", str(tmp_path / "out")])
    runner.invoke(app, ["check", release.name])
    assert not (release.parent / "pwned").exists()


@pytest.mark.parametrize("name", ["unknown-key", "missing-image", "chinese-character", "javascript-link", "missing-alt"])
def test_check_reports_the_same_error(tmp_path, monkeypatch, name):
    release = _write_case(tmp_path, name)
    monkeypatch.chdir(release.parent)
    result = runner.invoke(app, ["check", release.name])
    assert result.exit_code == 1, result.output
    line, col, part = CASES[name][2][0]
    assert any((l, c) == (line, col) and part in m for _, l, c, m in _errors(result.stderr)), result.stderr
    assert not list(release.parent.rglob("*.pdf")) and not (release.parent / "out").exists()  # check writes nothing


def test_all_problems_of_a_file_are_reported_at_once(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "r.yaml").write_text(
        BASE + "images:\n  - file: fehlt.jpg\n    alt: A\n  - file: auch-fehlt.jpg\n    alt: B\n", encoding="utf-8"
    )
    monkeypatch.chdir(src)
    result = runner.invoke(app, ["build", "r.yaml", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert [(l, c) for _, l, c, _ in _errors(result.stderr)] == [(6, 11), (8, 11)], result.stderr


def _files(folder) -> list[str]:
    """What is in ``folder`` besides presskit's incremental-build records (no temporary files)."""
    return sorted(p.name for p in folder.iterdir() if p.name != ".presskit-manifest.json")


def test_bad_file_among_good_ones(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a-gut.yaml").write_text(MINIMAL_RELEASE, encoding="utf-8")
    (src / "b-kaputt.yaml").write_text("titel: Test\ndate: 2026-03-01\nbody: x\n", encoding="utf-8")
    (src / "c-gut.yaml").write_text(MINIMAL_RELEASE.replace("zwölf", "dreizehn"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "src", "-o", "out"])
    assert result.exit_code == 1
    assert _files(tmp_path / "out") == ["a-gut.pdf", "c-gut.pdf"]
    assert [e[:3] for e in _errors(result.stderr)] == [("src/b-kaputt.yaml", 1, 1)]
    assert "1 of 3" in result.stderr


def test_bad_file_among_good_ones_in_parallel(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a-gut.yaml").write_text(MINIMAL_RELEASE, encoding="utf-8")
    (src / "b-kaputt.yaml").write_text("title: Test\ndate: 2026-02-30\nbody: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "--jobs", "2", "src", "-o", "out"])
    assert result.exit_code == 1
    assert _files(tmp_path / "out") == ["a-gut.pdf"]
    assert [e[:3] for e in _errors(result.stderr)] == [("src/b-kaputt.yaml", 2, 7)]


def test_failed_rebuild_keeps_the_previous_pdf(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    release = src / "r.yaml"
    release.write_text(MINIMAL_RELEASE, encoding="utf-8")
    monkeypatch.chdir(src)
    target = tmp_path / "r.pdf"
    assert runner.invoke(app, ["build", "r.yaml", "-o", str(target)]).exit_code == 0
    good = target.read_bytes()
    release.write_text(MINIMAL_RELEASE + "  Hallo 中.\n", encoding="utf-8")
    assert runner.invoke(app, ["build", "r.yaml", "-o", str(target)]).exit_code == 1
    assert target.read_bytes() == good
    assert _files(tmp_path) == ["r.pdf", "src"]


def test_missing_release_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "gibt-es-nicht.yaml", "-o", "out"])
    assert result.exit_code == 1
    assert _errors(result.stderr)[0][0] == "gibt-es-nicht.yaml"
    assert "no such file" in result.stderr
    _assert_nothing_written(tmp_path / "out")


BRAND = """\
organisation: Stadtwerke Musterstadt
address:
  street: Hauptstraße 1
  postcode: 01067
  city: Musterstadt
"""


@pytest.mark.parametrize(
    "extra, line, col, part",
    [
        ("logo:\n  file: logo.svg\n  alt: Logo\n", 7, 9, "logo.svg"),
        ("fonts:\n  regular: a.ttf\n  bold: b.ttf\n  italic: c.ttf\n  bold_italic: d.ttf\n", 7, 12, "a.ttf"),
        ("organisaton: Tippfehler\n", 6, 1, "did you mean 'organisation'"),
    ],
)
def test_bad_brand_file_is_located_in_the_brand_file(tmp_path, monkeypatch, extra, line, col, part):
    (tmp_path / "presskit.yaml").write_text(BRAND + extra, encoding="utf-8")
    (tmp_path / "r.yaml").write_text(MINIMAL_RELEASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "r.yaml", "-o", "out"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = _errors(result.stderr)
    assert errors, result.stderr
    file, got_line, got_col, message = errors[0]
    assert file.endswith("presskit.yaml"), result.stderr
    assert (got_line, got_col) == (line, col), result.stderr
    assert part in message, result.stderr
    _assert_nothing_written(tmp_path / "out")
