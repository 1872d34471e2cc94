"""Work on files: build or check one release, never raising for bad input.

Each job returns a :class:`JobResult` with its diagnostics, so that one bad
file never stops the others and results can travel back from worker processes.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from presskit.errors import Diagnostic, InputError, Location, UsageError, error
from presskit.i18n import _


@dataclass(frozen=True)
class JobResult:
    source: str                                  # as the user named it
    output: str | None = None                    # written file, if any
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder means every ``*.yaml``/``*.yml`` in it (sorted, not recursive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir()
                if p.suffix.lower() in (".yaml", ".yml") and p.is_file()
                and p.name != "presskit.yaml" and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found


def output_for(source: Path, out: Path | None, single: bool) -> Path:
    """Where the PDF of ``source`` goes: ``out`` itself for one input and a .pdf path, else a folder."""
    if out is not None and single and out.suffix.lower() == ".pdf":
        return out
    folder = out if out is not None else Path("out")
    if folder.suffix.lower() == ".pdf":
        raise UsageError(error(_("-o {folder}: with several inputs the output must be a folder").format(folder=folder)))
    return folder / (source.stem + ".pdf")


def _load(source: Path, brand_path: Path | None):
    from presskit.brand import brand_for
    from presskit.model import load_release

    if not source.exists():
        raise InputError(error(_("no such file"), Location.of_file(source)))
    release = load_release(source, display=str(source))
    brand = brand_for(source, brand_path)
    return release, brand


def _run(source: Path, work) -> JobResult:
    started = time.perf_counter()
    try:
        output, diagnostics = work()
    except InputError as exc:
        output, diagnostics = None, exc.diagnostics
    except Exception as exc:  # a bug in presskit, not the user's fault: say so without a traceback
        if os.environ.get("PRESSKIT_DEBUG"):
            raise
        output = None
        diagnostics = (
            error(
                _("internal error: {reason}").format(reason=f"{type(exc).__name__}: {exc}"),
                Location.of_file(source),
                hint=_("this is a bug in presskit; please report it with the file (PRESSKIT_DEBUG=1 shows details)"),
            ),
        )
    return JobResult(str(source), output, tuple(diagnostics), time.perf_counter() - started)


def _lint(release, brand, today: dt.date | None, strict: bool) -> tuple[Diagnostic, ...]:
    """The release's warnings; with ``strict`` they are errors, so the file fails."""
    from presskit.lint import lint_release, strict_errors
    from presskit.render import overlong_headline_words

    warnings = tuple(lint_release(release, today=today or dt.date.today(),
                                  overlong_headline_words=overlong_headline_words(release, brand)))
    return tuple(strict_errors(warnings)) if strict else warnings


def build_one(source: Path, output: Path, brand_path: Path | None = None, allow_dirs: Sequence[Path] = (),
              today: dt.date | None = None, strict: bool = False) -> JobResult:
    """Build ``source`` into ``output`` (atomically); problems, warnings too, come back as diagnostics."""

    def work():
        from presskit.outputs import write_atomic
        from presskit.render import render_pdf

        release, brand = _load(source, brand_path)
        warnings = _lint(release, brand, today, strict)
        pdf = render_pdf(release, brand, allow_dirs)
        if strict and warnings:  # each one is an error now: write nothing
            return None, warnings
        write_atomic(output, pdf)
        return str(output), warnings

    return _run(source, work)


def check_one(source: Path, brand_path: Path | None = None, allow_dirs: Sequence[Path] = (),
              today: dt.date | None = None, strict: bool = False) -> JobResult:
    """Validate and lint ``source`` and everything it refers to, writing nothing."""

    def work():
        from presskit.render import check_release

        release, brand = _load(source, brand_path)
        warnings = _lint(release, brand, today, strict)
        check_release(release, brand, allow_dirs)
        return None, warnings

    return _run(source, work)
