"""Issue 12, point 3 (cold start): what a new ``presskit`` process imports and how it ends.

Timings are in benchmarks/bench.py; these tests pin the behaviours that make a
cold start fast without changing what the user gets:

* the XMP writer escapes without ``xml.sax`` (which pulls in ``urllib.request``
  and ``ssl``), and escapes exactly as ``xml.sax.saxutils.escape`` did;
* ``main()`` freezes the heap on the way out, so teardown skips the full GC
  passes, with exit codes, output and atexit handlers as before;
* ``--help`` into a pipe does not import rich (its panels are for terminals).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape as sax_escape

from conftest import PARTNERSHIP, RELEASES, REPO
from hypothesis import given
from hypothesis import strategies as st

from presskit.pdf.tagging import xmp


def _python(code: str, *args: str, cwd: Path = REPO, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, **kwargs)


@given(st.text(alphabet=st.sampled_from("a&<>\"'; \u00e4\u20ac#x") | st.characters(), max_size=40))
def test_xmp_escape_matches_saxutils(text):
    assert xmp.escape(text) == sax_escape(text)


def test_xmp_escapes_markup_in_the_packet():
    meta = xmp.DocumentMeta(title="T", author="Eurich & Hasenfusz <Haus A>", subject="a > b", keywords="x&y")
    packet = xmp.packet(meta).decode("utf-8")
    assert "Eurich &amp; Hasenfusz &lt;Haus A&gt;" in packet
    assert "a &gt; b" in packet and "x&amp;y" in packet


def test_a_build_imports_neither_xml_sax_nor_urllib_request_nor_ssl(tmp_path):
    done = _python(
        """
        import sys
        from pathlib import Path
        from presskit.jobs import build_one
        assert build_one(Path(sys.argv[1]), Path(sys.argv[2])).ok
        print(sorted(m for m in ("xml.sax", "xml.sax.saxutils", "urllib.request", "ssl") if m in sys.modules))
        """,
        str(RELEASES / f"{PARTNERSHIP}.yaml"), str(tmp_path / "x.pdf"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_main_freezes_the_heap_and_keeps_exit_code_and_output(tmp_path):
    """The normal exit path: gc.freeze() after the command; file written, exit status 0, atexit still runs."""
    target = tmp_path / "x.pdf"
    done = _python(
        """
        import atexit, gc, sys
        atexit.register(lambda: print("atexit ran, frozen:", gc.get_freeze_count() > 10_000))
        from presskit.cli import main
        sys.argv = ["presskit", "build", sys.argv[1], "-o", sys.argv[2]]
        main()
        """,
        str(RELEASES / f"{PARTNERSHIP}.yaml"), str(target),
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote {target}" in done.stdout
    assert done.stdout.rstrip().endswith("atexit ran, frozen: True")
    assert target.read_bytes()[:5] == b"%PDF-"
    # no temporary file left (the manifest is the incremental-build record, written atomically too)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".presskit-manifest.json", "x.pdf"]


def test_main_keeps_the_exit_codes_of_failures(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")  # no date, no body
    failed = subprocess.run([sys.executable, "-m", "presskit", "build", str(bad), "-o", str(tmp_path)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1
    assert "error" in failed.stderr and "Traceback" not in failed.stderr
    usage = subprocess.run([sys.executable, "-m", "presskit", "no-such-command"],
                           cwd=REPO, capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2
    assert "No such command" in usage.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_help_into_a_pipe_does_not_import_rich():
    done = _python(
        """
        import sys
        from presskit.cli import main
        sys.argv = ["presskit", "--help"]
        try:
            main()
        except SystemExit as exit:
            assert exit.code in (0, None), exit.code
        print("RICH" if any(m == "rich" or m.startswith("rich.") for m in sys.modules) else "PLAIN")
        """
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: presskit" in done.stdout and "build" in done.stdout
    assert done.stdout.rstrip().endswith("PLAIN")


def test_layout_code_does_not_load_the_finishing_stage():
    # the story, its flowables and the pages draw through the tagger; pikepdf (the
    # finishing stage, after layout) is not theirs to load
    done = _python(
        """
        import sys
        import presskit.pdf.story, presskit.pdf.flowables, presskit.pdf.pages, presskit.pdf.sections
        import presskit.content.build
        print(sorted(m for m in ("pikepdf", "presskit.pdf.tagging.postprocess") if m in sys.modules))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_no_stage_imports_an_output_or_the_command_line():
    # one-way data flow: source -> content -> outputs; only the command line knows them all
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "presskit"
    forbidden = {
        "source": ("presskit.content", "presskit.pdf", "presskit.web", "presskit.mail", "presskit.cli"),
        "content": ("presskit.pdf", "presskit.web", "presskit.mail", "presskit.cli"),
        "typography": ("presskit.source", "presskit.content", "presskit.pdf", "presskit.web", "presskit.mail", "presskit.cli"),
        "pdf": ("presskit.web", "presskit.mail", "presskit.cli"),
        "web": ("presskit.mail", "presskit.cli"),
        "mail": ("presskit.web", "presskit.cli"),
    }
    found = []
    for stage, banned in forbidden.items():
        for path in (package / stage).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                for name in names:
                    if name.startswith(banned):
                        found.append(f"{path.relative_to(package)}: {name}")
    assert found == []
