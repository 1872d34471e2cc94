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

from presskit.errors import Diagnostic, InputError, Location, error
from presskit.i18n import _
from presskit.outputs import output_for  # noqa: F401  (where callers found it before)


@dataclass(frozen=True)
class JobResult:
    source: str                                  # as the user named it
    output: str | None = None                    # written file, if any
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    record: dict | None = None                   # the incremental-build record of a written file

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder means every ``*.yaml``/``*.yml`` in it (sorted, not recursive).

    A path the OS rejects (too long, unreadable folder) is kept as it is: building
    it reports the problem like any bad input, and the other inputs are still built.
    """
    found: list[Path] = []
    for path in paths:
        try:
            if path.is_dir():
                found += sorted(
                    p for p in path.iterdir()
                    if p.suffix.lower() in (".yaml", ".yml") and _is_file(p)
                    and p.name != "presskit.yaml" and not p.name.startswith(".")
                )
                continue
        except OSError:
            pass
        found.append(path)
    return found


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _load(source: Path, brand_path: Path | None):
    from presskit.source.brand import brand_for
    from presskit.source.model import load_release

    try:
        missing = not source.exists() and not source.is_symlink()
    except OSError:
        missing = False  # the OS rejects the path itself: reading it says why
    if missing:
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
    from presskit.source.lint import lint_release, strict_errors
    from presskit.pdf.render import overlong_headline_words

    warnings = tuple(lint_release(release, today=today or dt.date.today(),
                                  overlong_headline_words=overlong_headline_words(release, brand)))
    return tuple(strict_errors(warnings)) if strict else warnings


def build_one(source: Path, output: Path, brand_path: Path | None = None, allow_dirs: Sequence[Path] = (),
              today: dt.date | None = None, strict: bool = False, track: bool = False) -> JobResult:
    """Build ``source`` into ``output`` (atomically); problems, warnings too, come back as diagnostics.

    With ``track`` a written file without warnings also gets its incremental-build
    record (:mod:`presskit.incremental`), which names every file the PDF depends on.
    """
    record = None

    def work():
        nonlocal record
        from presskit.outputs import write_atomic
        from presskit.pdf.render import render_pdf

        tracker = None
        if track:
            from presskit.incremental import Tracker

            tracker = Tracker(Path(source), brand_path, allow_dirs)
        release, brand = _load(source, brand_path)
        if tracker is not None:
            record = tracker.record(release, brand)
        warnings = _lint(release, brand, today, strict)
        pdf = render_pdf(release, brand, allow_dirs)
        if strict and warnings:  # each one is an error now: write nothing
            return None, warnings
        write_atomic(output, pdf)
        return str(output), warnings

    result = _run(source, work)
    if record is not None and result.ok and result.output:
        from dataclasses import replace

        from presskit.incremental import with_warnings

        result = replace(result, record=with_warnings(record, result.diagnostics, today or dt.date.today()))
    return result


def warm_up() -> None:
    """A worker's start: register the default fonts and load the hyphenation patterns once."""
    try:
        from presskit.source.brand import default_brand
        from presskit.pdf.render import make_theme

        make_theme(default_brand(), "de")
    except Exception:  # the first build reports whatever is wrong, at its file
        pass


def check_one(source: Path, brand_path: Path | None = None, allow_dirs: Sequence[Path] = (),
              today: dt.date | None = None, strict: bool = False) -> JobResult:
    """Validate and lint ``source`` and everything it refers to, writing nothing."""

    def work():
        from presskit.pdf.render import check_release

        release, brand = _load(source, brand_path)
        warnings = _lint(release, brand, today, strict)
        check_release(release, brand, allow_dirs)
        return None, warnings

    return _run(source, work)
