"""Issue 12, point 3: ReportLab's C accelerator (rl-accel) and its pure-Python fallback.

presskit depends on ``rl-accel`` (string widths, number formatting, PDF escaping
in C). ReportLab falls back to Python when the extension cannot be imported;
both paths must write the same bytes, so an installation without a compiler or
wheel for its platform still builds identical PDFs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types

from conftest import EXAMPLES, REPO


def test_the_accelerator_is_installed_and_used():
    import _rl_accel  # noqa: F401  (pip install rl-accel: a dependency of presskit)
    from reportlab.lib.rl_accel import escapePDF, fp_str, instanceStringWidthTTF

    for function in (fp_str, escapePDF, instanceStringWidthTTF):
        assert isinstance(function, types.BuiltinFunctionType), f"{function.__name__} is ReportLab's Python fallback"


def test_the_pure_python_fallback_writes_the_same_bytes(built_examples, tmp_path):
    """Every example, built in a process where ``import _rl_accel`` fails, equals the accelerated build."""
    code = textwrap.dedent(
        """
        import sys, types
        sys.modules["_rl_accel"] = None  # makes `from _rl_accel import ...` raise ImportError
        from pathlib import Path
        from reportlab.lib.rl_accel import fp_str
        assert isinstance(fp_str, types.FunctionType), "still accelerated"
        from presskit.jobs import build_one
        out = Path(sys.argv[1])
        for source in sys.argv[2:]:
            result = build_one(Path(source), out / (Path(source).stem + ".pdf"))
            assert result.ok, [d.format() for d in result.diagnostics]
        print("fallback ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), *map(str, EXAMPLES)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "fallback ok" in done.stdout
    for source in EXAMPLES:
        fallback = (tmp_path / f"{source.stem}.pdf").read_bytes()
        assert fallback == built_examples[source.stem].data, f"{source.stem}: the fallback wrote other bytes"
