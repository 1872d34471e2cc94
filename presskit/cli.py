"""The command line: the only place that knows Typer and rich, exit codes and terminals.

Heavy modules (ReportLab, pydantic, Pillow, pikepdf) are imported inside the
commands that need them, so ``presskit --help`` starts fast.

Output: diagnostics (``FILE:LINE:COL: error: …``) go to stderr, the files
written to stdout. On a terminal several files get a progress bar naming the
file at work, diagnostics print above it and a list of the failed files with
their first error follows it; anywhere else (pipes, CI) the output is plain
lines, one per diagnostic or file. Messages are in the user's language
(:mod:`presskit.i18n`); the words ``error:`` and ``warning:`` stay English on
purpose, so that editors and scripts that read ``FILE:LINE:COL: error:`` lines
keep working in every language.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from presskit import __version__
from presskit.i18n import _, ngettext

if TYPE_CHECKING:
    from presskit.errors import Diagnostic
    from presskit.jobs import JobResult

EXIT_FAILED, EXIT_USAGE = 1, 2
#: A command that opens a PDF instead of the system viewer (tests, unusual desktops):
#: the PDF's path is appended to it.
OPENER_VARIABLE = "PRESSKIT_OPENER"


# -- help with words, not Python types ---------------------------------------------------------
def _human_help(command, ctx) -> None:
    """Show each option's metavar (FILE, DIR, N) and nothing for flags, instead of '<list[Path]>'.

    Typer labels every parameter with its Python type (``<bool>``, ``<list[Path]>``)
    and offers no setting against it; its help asks each parameter for
    ``display_type_rich`` (and arguments for their usage name), so those are set
    on this command's parameters just before the help is drawn.
    tests/test_firsthour.py checks the result on every command.
    """
    for param in command.get_params(ctx):
        metavar = param.metavar
        if getattr(param, "param_type_name", "") == "argument":
            plural = param.nargs != 1
            shown = (metavar or param.name.upper()) + ("..." if plural else "")
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
            param._usage_display_name = (lambda s: lambda: s)(shown if param.required else f"[{shown}]")  # type: ignore[attr-defined]
            param.make_metavar = (lambda s: lambda *a, **k: s)(shown)  # type: ignore[method-assign]
        elif getattr(param, "is_flag", False) or getattr(param, "count", False):
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
        elif metavar:
            param.display_type_rich = (lambda m: lambda ctx: m)(metavar)  # type: ignore[method-assign]


class _Command(TyperCommand):
    def format_help(self, ctx, formatter):
        _human_help(self, ctx)
        return super().format_help(ctx, formatter)


class _Group(TyperGroup):
    def format_help(self, ctx, formatter):
        _human_help(self, ctx)
        return super().format_help(ctx, formatter)


app = typer.Typer(
    name="presskit",
    cls=_Group,
    help=_("Turn press releases written in YAML into branded, print-ready, accessible PDFs."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"presskit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=_("Show the version and exit.")),
) -> None:
    """presskit: a press release in YAML becomes a PDF on your letterhead."""


# -- output helpers -----------------------------------------------------------
class _PlainConsole:
    """Line-oriented stderr for pipes and CI, without importing rich."""

    is_terminal = False

    def __init__(self, file):
        self.file = file


def _stderr_console():
    """rich's console on a terminal (colours, progress bar); plain lines otherwise."""
    if not sys.stderr.isatty():
        return _PlainConsole(sys.stderr)
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _say(console, line: str) -> None:
    if console.is_terminal:
        from rich.text import Text

        console.print(Text(line))
    else:
        console.file.write(line + "\n")


def _report(diagnostics: Iterable["Diagnostic"], console, quiet: bool = False) -> None:
    for diagnostic in diagnostics:
        if quiet and diagnostic.severity != "error":
            continue
        line = diagnostic.format()
        if not console.is_terminal:
            console.file.write(line + "\n")
            continue
        from rich.text import Text

        text = Text(line)
        marker = f"{diagnostic.severity}:"
        start = line.find(marker)
        if start >= 0:
            text.stylize("bold red" if diagnostic.severity == "error" else "bold yellow", start, start + len(marker))
        console.print(text)


def _usage_error(message: str) -> typer.Exit:
    _stderr_console().file.write(f"error: {message}\n")
    return typer.Exit(EXIT_USAGE)


def _run_jobs(jobs: list, worker, n_jobs: int, verb: str, quiet: bool = False) -> list["JobResult"]:
    """Run ``worker(*args)`` for each job, in a process pool if asked; show progress on a terminal.

    On a terminal the bar names the file at work and every diagnostic is
    printed above it as it comes, so nothing scrolls away under the bar.
    """
    console = _stderr_console()
    results: list = []
    show_progress = console.is_terminal and len(jobs) > 1 and not quiet

    def run_all(on_start, on_result):
        if n_jobs > 1 and len(jobs) > 1:
            for result in _pooled(jobs, worker, n_jobs, on_start):
                on_result(result)
        else:
            for args in jobs:
                on_start(args[0])
                on_result(worker(*args))

    if not show_progress:
        def plain(result):
            results.append(result)
            _report(result.diagnostics, console, quiet)

        run_all(lambda source: None, plain)
        return results

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[current]}"), console=console, transient=True) as progress:
        task = progress.add_task(verb, total=len(jobs), current="")

        def shown(result):
            results.append(result)
            _report(result.diagnostics, progress.console, quiet)
            progress.advance(task)

        run_all(lambda source: progress.update(task, current=Path(source).name, refresh=True), shown)
    return results


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _pooled(jobs: list, worker, n_jobs: int, on_start):
    """``worker(*args)`` for each job in a pool of warm workers, yielded in the jobs' order.

    The workers start once (fonts registered and hyphenation loaded by
    :func:`presskit.jobs.warm_up`) and take job after job; only a few jobs per
    worker are in flight, so results stream back and memory stays flat however
    long the batch.  A worker that dies breaks the pool: its job and every job
    not yet done fail with a located error, never with a traceback, also when
    the break shows while jobs are still being handed out.
    """
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from presskit.jobs import warm_up

    window = 2 * n_jobs
    pending = iter(jobs)
    inflight: deque = deque()
    broken: list[BaseException] = []
    with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs)), initializer=warm_up) as pool:
        def hand_out() -> None:
            while len(inflight) < window:
                args = next(pending, None)
                if args is None:
                    return
                future = None
                if not broken:
                    try:
                        future = pool.submit(worker, *args)
                    except Exception as exc:  # BrokenProcessPool: a worker died meanwhile
                        broken.append(exc)
                inflight.append((args[0], future))

        hand_out()
        while inflight:
            source, future = inflight.popleft()
            on_start(source)
            yield _result_of(future, source, broken[0] if broken else None)
            hand_out()


def _failure_list(results: list["JobResult"], console) -> None:
    """After several files: which failed, each with its first error, so nothing is lost in the scroll."""
    failed = [r for r in results if not r.ok]
    if not failed:
        return
    _say(console, ngettext("{failed} of {total} release failed:", "{failed} of {total} releases failed:",
                           len(results)).format(failed=len(failed), total=len(results)))
    for result in failed:
        first = next(d for d in result.diagnostics if d.severity == "error")
        where = f":{first.location.line}" if first.location is not None and first.location.line else ""
        _say(console, f"  {result.source}{where}: {first.message}")


def _result_of(future, source: Path, broken: BaseException | None = None) -> "JobResult":
    """A worker's result; a worker that died (out of memory, killed) fails its file only.

    ``future`` is None for a job the pool could no longer take (``broken`` says why).
    """
    from presskit.errors import Location, error
    from presskit.jobs import JobResult

    try:
        if future is None:
            raise broken if broken is not None else RuntimeError("not started")
        return future.result()
    except Exception as exc:  # BrokenProcessPool and the like: never a traceback
        message = _("the worker building this file stopped: {reason}").format(reason=f"{type(exc).__name__}: {exc}")
        return JobResult(str(source), None, (error(message, Location.of_file(source), hint=_("try again without --jobs")),))


def _inputs(paths: List[Path]) -> list[Path]:
    from presskit.jobs import expand_inputs

    found = expand_inputs(paths)
    if not found:
        raise _usage_error(_("no release files found in {paths}").format(paths=", ".join(str(p) for p in paths)))
    return found


def open_file(path: Path) -> str | None:
    """Open ``path`` in the system viewer (or ``$PRESSKIT_OPENER``); a problem comes back as text."""
    command = os.environ.get(OPENER_VARIABLE)
    try:
        if command:
            subprocess.Popen([*shlex.split(command), str(path)], stdin=subprocess.DEVNULL)
        elif sys.platform == "win32":  # pragma: no cover - not tested on Windows
            os.startfile(str(path))  # type: ignore[attr-defined]
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


_QUIET = typer.Option(False, "-q", "--quiet", help=_("Print only errors."))
_VERBOSE = typer.Option(False, "-v", "--verbose", help=_("Also say how long each file took."))
_STRICT = typer.Option(False, "--strict", help=_("Treat warnings as errors: a file with warnings fails."))
_BRAND_HELP = _("Brand file to use instead of presskit.yaml or the default.")
_ALLOW_HELP = _("Also allow images from this folder (repeatable).")
_PATHS_HELP = _("Release files, or folders of them.")


def _verbose_lines(results: list["JobResult"], quiet: bool, verbose: bool) -> None:
    if not verbose or quiet:
        return
    for result in results:
        state = _("ok") if result.ok else _("failed")
        warnings = sum(1 for d in result.diagnostics if d.severity == "warning")
        typer.echo(ngettext("{file}: {state}, {warnings} warning, {seconds:.2f} s",
                            "{file}: {state}, {warnings} warnings, {seconds:.2f} s", warnings).format(
            file=result.source, state=state, warnings=warnings, seconds=result.seconds), err=True)


# -- commands -------------------------------------------------------------------
@app.command(cls=_Command, help=_("Build the PDF of each release file; print its warnings like 'check'."))
def build(
    paths: List[Path] = typer.Argument(..., metavar="FILE", help=_PATHS_HELP, show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE|DIR",
                                          help=_("A .pdf file (one input) or a folder (default: out/).")),
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE", help=_BRAND_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help=_("Build this many files in parallel (default: one per usable core).")),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", metavar="DIR", help=_ALLOW_HELP),
    strict: bool = _STRICT,
    force: bool = typer.Option(False, "--force", help=_("Rebuild every file, also those whose PDF is up to date.")),
    open_pdf: bool = typer.Option(False, "--open", help=_("Open each PDF in the system viewer once it is built.")),
    quiet: bool = _QUIET,
    verbose: bool = _VERBOSE,
) -> None:
    """Build the PDF of each release file; print its warnings like 'check'."""
    from presskit.errors import UsageError
    from presskit.jobs import build_one
    from presskit.outputs import plan_outputs

    from presskit.incremental import Hasher, Manifest

    sources = _inputs(paths)
    try:
        planned = [(src, target, brand, tuple(allow_dir), None, strict, True)
                   for src, target in plan_outputs(sources, output)]
    except UsageError as exc:
        raise _usage_error(exc.diagnostics[0].message)
    # Incremental: a PDF whose recorded inputs are all unchanged is what a build would write again.
    manifests: dict[Path, Manifest] = {}
    for _src, out_path, *_rest in planned:
        folder = out_path.parent
        if folder not in manifests:
            manifests[folder] = Manifest.load(folder)
    hasher = Hasher()
    fresh: dict[int, tuple] = {}  # job -> the warnings its last build printed
    for i, (src, out_path, *_rest) in enumerate(planned if not force else ()):
        warnings = manifests[out_path.parent].up_to_date(src, out_path, brand, tuple(allow_dir), hasher, strict)
        if warnings is not None:
            fresh[i] = warnings
    console = _stderr_console()
    for warnings in fresh.values():
        _report(warnings, console, quiet)
    todo = [job for i, job in enumerate(planned) if i not in fresh]
    results = _run_jobs(todo, build_one, jobs or usable_cores(), _("Building"), quiet) if todo else []
    for job, result in zip(todo, results):
        manifests[job[1].parent].remember(job[1], result.record)
    for manifest in manifests.values():
        manifest.save()
    built = [r for r in results if r.ok and r.output]
    if not quiet:
        for i in sorted(fresh):
            typer.echo(_("{path} is up to date").format(path=planned[i][1]))
        for result in built:
            typer.echo(_("wrote {path}").format(path=result.output))
    _verbose_lines(results, quiet, verbose)
    if open_pdf:
        for pdf in [*(planned[i][1] for i in sorted(fresh)), *(Path(r.output) for r in built)]:
            problem = open_file(pdf)
            if problem:
                _say(console, "warning: " + _("cannot open {path}: {reason}").format(path=pdf, reason=problem))
    if len(built) < len(results):
        if len(results) > 1 and not quiet:
            _failure_list(results, console)
        elif len(results) > 1:
            _say(console, _("{failed} of {total} release(s) failed").format(failed=len(results) - len(built), total=len(results)))
        raise typer.Exit(EXIT_FAILED)


@app.command(cls=_Command, help=_("Rebuild the PDFs whenever a release, the brand file, a font or an image is saved (Ctrl-C stops)."))
def watch(
    paths: List[Path] = typer.Argument(..., metavar="FILE|DIR", help=_PATHS_HELP, show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE|DIR",
                                          help=_("A .pdf file (one input) or a folder (default: out/).")),
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE", help=_BRAND_HELP),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", metavar="DIR", help=_ALLOW_HELP),
    strict: bool = _STRICT,
    open_pdf: bool = typer.Option(False, "--open", help=_("Open each PDF in the system viewer once, after its first build.")),
    quiet: bool = _QUIET,
) -> None:
    """Rebuild the PDFs whenever a release, the brand file, a font or an image is saved (Ctrl-C stops)."""
    from presskit.errors import UsageError
    from presskit.watch import Watcher

    sources = _inputs(paths)
    console = _stderr_console()
    try:
        for src in sources:
            from presskit.jobs import output_for

            output_for(src, output, len(sources) == 1)
    except UsageError as exc:
        raise _usage_error(exc.diagnostics[0].message)

    def say(line: str) -> None:
        if not quiet:
            typer.echo(line)

    watcher = Watcher(paths, output, brand, tuple(allow_dir), strict, say=say,
                      report=lambda diagnostics: _report(diagnostics, console, quiet),
                      opener=open_file if open_pdf else None)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    import signal

    signal.signal(signal.SIGTERM, interrupted)  # stopping it (kill, a service manager) is like Ctrl-C
    try:
        watcher.run()
    except KeyboardInterrupt:
        pass
    finally:
        watcher.close()


@app.command(cls=_Command, help=_("Build a press kit: cover, contents, the releases, photos and contacts in one PDF."))
def kit(
    path: Path = typer.Argument(..., metavar="FILE", help=_("The press kit file (KIT.yaml)."), show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE|DIR",
                                          help=_("The kit's .pdf, or a folder (default: out/).")),
    make_zip: bool = typer.Option(False, "--zip", help=_("Also write OUT.zip: the kit, each release's PDF, the photos with their credits.")),
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE", help=_BRAND_HELP),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", metavar="DIR", help=_ALLOW_HELP),
) -> None:
    """Build a press kit: cover, contents, the releases, photos and contacts in one PDF."""
    from presskit.pdf.kit import build_kit

    result = build_kit(path, output, make_zip, brand, tuple(allow_dir))
    _report(result.diagnostics, _stderr_console())
    if not result.ok:
        raise typer.Exit(EXIT_FAILED)
    for written in result.output.split(", "):
        typer.echo(_("wrote {path}").format(path=written))


@app.command(cls=_Command, help=_('Validate and lint releases without writing anything.'))
def check(
    paths: List[Path] = typer.Argument(..., metavar="FILE", help=_PATHS_HELP, show_default=False),
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE", help=_("Brand file to check against.")),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", metavar="DIR", help=_ALLOW_HELP),
    strict: bool = _STRICT,
    quiet: bool = _QUIET,
    verbose: bool = _VERBOSE,
) -> None:
    """Validate and lint releases without writing anything."""
    from presskit.jobs import check_one

    sources = _inputs(paths)
    results = _run_jobs([(src, brand, tuple(allow_dir), None, strict) for src in sources], check_one, 1,
                        _("Checking"), quiet)
    errors = sum(1 for r in results for d in r.diagnostics if d.severity == "error")
    warnings = sum(1 for r in results for d in r.diagnostics if d.severity == "warning")
    _verbose_lines(results, quiet, verbose)
    if not quiet:
        typer.echo(_("{files} file(s) checked: {errors} error(s), {warnings} warning(s)").format(
            files=len(results), errors=errors, warnings=warnings))
        if len(results) > 1:
            _failure_list(results, _stderr_console())
    if errors:
        raise typer.Exit(EXIT_FAILED)


@app.command(cls=_Command, help=_('Write a new release file from a commented template (never overwrites).'))
def new(
    title: str = typer.Argument(..., metavar="TITLE", help=_("The headline of the new release.")),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help=_("Release date as YYYY-MM-DD (default: today).")),
    directory: Path = typer.Option(Path("releases"), "--dir", metavar="DIR", help=_("Folder for the new file.")),
    quiet: bool = _QUIET,
) -> None:
    """Write a new release file from a commented template (never overwrites)."""
    from presskit.errors import PresskitError
    from presskit.source.newfile import parse_new_date, write_new_release

    try:
        when = dt.date.today() if date is None else parse_new_date(date)
        path = write_new_release(title, when, directory)
    except PresskitError as exc:  # a bad title or date is wrong usage (2), an existing file a failure (1)
        _report(exc.diagnostics, _stderr_console())
        raise typer.Exit(exc.exit_code)
    if not quiet:
        typer.echo(_("wrote {path}").format(path=path))


@app.command(cls=_Command, help=_('Set up a press office folder: brand file, releases/, schemas and editor settings.'))
def init(
    directory: Path = typer.Argument(Path("."), metavar="DIR", help=_("The press office folder (default: the current folder).")),
    quiet: bool = _QUIET,
) -> None:
    """Set up a press office folder: brand file, releases/, schemas and editor settings."""
    from presskit.errors import PresskitError
    from presskit.setup import init_folder

    try:
        done = init_folder(directory)
    except PresskitError as exc:
        _report(exc.diagnostics, _stderr_console())
        raise typer.Exit(exc.exit_code)
    if quiet:
        return
    for path, created in done:
        typer.echo((_("wrote {path}") if created else _("kept {path} (it exists already)")).format(path=path))
    typer.echo(_("Next: fill in {brand}, then: presskit new \"Title\" --dir {releases}").format(
        brand=directory / "presskit.yaml", releases=directory / "releases"))


#: The files ``presskit schema KIND`` has a JSON Schema for.
SCHEMA_KINDS = ("release", "brand", "kit")


def _schema_text(kind: str) -> str:
    if kind == "brand":
        from presskit.source.schema import brand_schema_text

        return brand_schema_text()
    if kind == "kit":
        from presskit.content.kit_schema import kit_schema_text

        return kit_schema_text()
    from presskit.source.schema import release_schema_text

    return release_schema_text()


@app.command(cls=_Command, help=_("Print the JSON Schema of the release file, the brand file or the kit file "
                                  "(for yaml-language-server)."))
def schema(
    kind: str = typer.Argument("release", metavar="KIND",
                               help=_("Which file's schema: release, brand or kit.")),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE", help=_("Write the schema to this file instead of printing it.")),
) -> None:
    """Print the JSON Schema of the release file, the brand file or the kit file (for yaml-language-server)."""
    if kind not in SCHEMA_KINDS:
        raise _usage_error(_("no schema for '{kind}'; choose one of: {choices}").format(
            kind=kind, choices=", ".join(SCHEMA_KINDS)))
    text = _schema_text(kind)
    if output is None:
        typer.echo(text, nl=False)
        return
    from presskit.outputs import write_atomic

    write_atomic(output, text.encode("utf-8"))
    typer.echo(_("wrote {path}").format(path=output))


@app.command(cls=_Command, help=_("Print a PDF's structure tree and its accessibility findings (PDF/UA, PDF/A)."))
def inspect(
    paths: List[Path] = typer.Argument(..., metavar="PDF", help=_("PDF files, made by presskit or anything else."), show_default=False),
) -> None:
    """Print a PDF's structure tree and its accessibility findings (PDF/UA, PDF/A)."""
    from presskit.pdf.tagging.inspect import inspect_pdf

    failed = 0
    console = _stderr_console()
    for path in paths:
        try:
            report = inspect_pdf(path)
        except Exception as exc:  # pikepdf raises several kinds for files that are not PDFs
            reason = f"{type(exc).__name__}: {exc}"
            console.file.write(f"{path}: error: " + _("cannot read this file as a PDF ({reason})").format(reason=reason) + "\n")
            failed += 1
            continue
        typer.echo(report.render())
        if not report.ok:
            failed += 1
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command(cls=_Command, help=_("Build the static newsroom: a page per release, the index, RSS and Atom (embargoes kept)."))
def site(
    paths: List[Path] = typer.Argument(..., metavar="FILE", help=_PATHS_HELP, show_default=False),
    output: Path = typer.Option(..., "-o", "--output", metavar="DIR", help=_("The site's folder (replaced as a whole).")),
    base_url: str = typer.Option(..., "--base-url", metavar="URL",
                                 help=_("The address the site will have, e.g. https://www.example.org/presse/.")),
    now: Optional[str] = typer.Option(None, "--now", metavar="DATE",
                                      help=_("Publish as of this time, YYYY-MM-DD HH:MM in the brand's time zone (default: now).")),
    kit: List[Path] = typer.Option([], "--kit", metavar="FILE", help=_("Also a page for this press kit file (repeatable).")),
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE", help=_BRAND_HELP),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", metavar="DIR", help=_ALLOW_HELP),
) -> None:
    """Build the static newsroom: a page per release, the index, RSS and Atom (embargoes kept)."""
    from presskit.errors import PresskitError
    from presskit.web.site import build_site, parse_now

    console = _stderr_console()
    try:
        when = parse_now(now) if now is not None else None
        result = build_site(paths, output, base_url, when, brand, tuple(allow_dir), tuple(kit))
    except PresskitError as exc:
        _report(exc.diagnostics, console)
        raise typer.Exit(exc.exit_code)
    _report(result.diagnostics, console)
    for source, embargo in result.held:
        console.file.write(_("{source}: embargoed until {when}, left out").format(
            source=source, when=f"{embargo:%Y-%m-%d %H:%M}") + "\n")
    typer.echo(_("wrote {output} ({count} release(s))").format(output=result.output, count=len(result.published)))
    if not result.ok:
        raise typer.Exit(EXIT_FAILED)


@app.command(cls=_Command, help=_("Preview a built site on http://127.0.0.1 (Ctrl-C stops)."))
def serve(
    folder: Path = typer.Argument(..., metavar="DIR", help=_("A folder written by 'presskit site'."), show_default=False),
    port: int = typer.Option(8000, "--port", min=0, max=65535, metavar="N", help=_("Port on 127.0.0.1.")),
) -> None:
    """Preview a built site on http://127.0.0.1 (Ctrl-C stops)."""
    from presskit.web.serve import make_server

    if not folder.is_dir():
        raise _usage_error(_("{folder} is not a folder").format(folder=folder))
    try:
        server = make_server(folder, port)
    except OSError as exc:
        _stderr_console().file.write(_("error: cannot listen on 127.0.0.1:{port} ({reason})").format(
            port=port, reason=exc.strerror or exc) + "\n")
        raise typer.Exit(EXIT_FAILED)
    typer.echo(_("serving {folder} on {url} (Ctrl-C stops)").format(
        folder=folder, url=f"http://127.0.0.1:{server.server_address[1]}/"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command(cls=_Command, help=_("E-mail a release: drafts (-o DIR), a dry run, or sending to a distribution list."))
def mail(
    path: Path = typer.Argument(..., metavar="FILE", help=_("The release (or press kit) file."), show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="DIR",
                                          help=_("Write .eml drafts (X-Unsent) into this folder.")),
    to: Optional[Path] = typer.Option(None, "--to", metavar="FILE",
                                      help=_("Distribution list file: each recipient gets their own message.")),
    bcc: bool = typer.Option(False, "--bcc", help=_("One message to the press office with the list in Bcc.")),
    send: bool = typer.Option(False, "--send", help=_("Send over SMTP (settings: --smtp FILE or the brand's 'mail:').")),
    dry_run: bool = typer.Option(False, "--dry-run", help=_("Show exactly what would go to whom; send nothing.")),
    smtp_file: Optional[Path] = typer.Option(None, "--smtp", metavar="FILE",
                                             help=_("SMTP settings file (mail.yaml; never a password).")),
    photo_links: Optional[str] = typer.Option(None, "--photo-links", metavar="URL",
                                              help=_("List the photos as links under this URL instead of attaching them.")),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help=_("The messages' Date (ISO 8601; default: now).")),
    journal_file: Optional[Path] = typer.Option(None, "--journal", metavar="FILE",
                                                help=_("The send journal (default: RELEASE.LIST.sent.json beside the release).")),
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE", help=_BRAND_HELP),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", metavar="DIR", help=_ALLOW_HELP),
) -> None:
    """E-mail a release: drafts (-o DIR), a dry run, or sending to a distribution list."""
    from presskit.errors import PresskitError
    from presskit.mail import run

    console = _stderr_console()
    if not (output or send or dry_run):
        raise _usage_error(_("say what to do: -o DIR (drafts), --dry-run or --send"))
    if (send or bcc) and to is None:
        raise _usage_error(_("--send and --bcc need a distribution list: --to LIST.yaml"))
    when = None
    if date is not None:
        try:
            when = dt.datetime.fromisoformat(date)
        except ValueError:
            raise _usage_error(_("--date {date!r} is not a date and time; write it as 2026-12-03T08:00:00+01:00").format(date=date))
    progress = None

    def prompt(text: str) -> str:
        import getpass

        return getpass.getpass(text)

    def show(outcome, done: int, total: int) -> None:
        if outcome.detail:
            line = f"{outcome.email}: {outcome.status}: {outcome.detail}"
            (progress.console.print(line, markup=False, highlight=False) if progress is not None
             else console.file.write(line + "\n"))
        if progress is not None:
            progress.update(task, completed=done, total=total)

    try:
        plan = run.prepare_run(path, to, bcc, photo_links, when, brand, tuple(allow_dir), draft=output is not None)
        _report(plan.warnings, console)
        if output is not None:
            for written in run.write_drafts(plan, output):
                typer.echo(_("wrote {path}").format(path=written))
        if dry_run:
            for line in run.dry_run(plan, journal_file):
                typer.echo(line)
        if send and not dry_run:
            settings = run.smtp_settings(plan, smtp_file)
            password = run.password(settings, prompt if sys.stdin.isatty() else None)
            if console.is_terminal:
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

                with Progress(TextColumn(_("Sending")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                              console=console, transient=True) as progress:
                    task = progress.add_task(_("Sending"), total=None)
                    report = run.send(plan, settings, password, journal_file, show)
            else:
                report = run.send(plan, settings, password, journal_file, show)
            typer.echo(run.summary(report))
            if not report.ok:
                raise typer.Exit(EXIT_FAILED)
    except PresskitError as exc:
        _report(exc.diagnostics, console)
        raise typer.Exit(exc.exit_code)


def main() -> None:
    """Console-script entry point."""
    # A short-lived process that allocates many small objects: collecting young
    # objects less often saves a tenth of a cold start without letting a long
    # batch grow unbounded.
    gc.set_threshold(50_000, 20, 20)
    # presskit uses no pydantic plugins; looking for them scans every installed
    # distribution's entry points on the first validation.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not sys.stdout.isatty():
        # rich's help and error panels are for a terminal; for a pipe, click's plain
        # formatter prints the same text without importing rich (0.1-0.15 s).
        app.rich_markup_mode = None
    try:
        app(prog_name="presskit")
    finally:
        # Teardown would run full GC passes over everything still alive (some 60,000
        # objects, a fifth of a cold build) only to free memory the OS takes back anyway.
        # Frozen objects are skipped; files, atexit handlers (temporary folders, worker
        # pools) and stdout/stderr are still closed and flushed as on any exit.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
