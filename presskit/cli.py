"""The command line: the only place that knows Typer and rich, exit codes and terminals.

Heavy modules (ReportLab, pydantic, Pillow, pikepdf) are imported inside the
commands that need them, so ``presskit --help`` starts fast.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional

import typer

from presskit import __version__

if TYPE_CHECKING:
    from presskit.errors import Diagnostic
    from presskit.jobs import JobResult

app = typer.Typer(
    name="presskit",
    help="Turn press releases written in YAML into branded, print-ready, accessible PDFs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_FAILED, EXIT_USAGE = 1, 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"presskit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
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


def _report(diagnostics: Iterable["Diagnostic"], console) -> None:
    for diagnostic in diagnostics:
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


def _run_jobs(jobs: list, worker, n_jobs: int, verb: str) -> list["JobResult"]:
    """Run ``worker(*args)`` for each job, in a process pool if asked; show progress on a terminal."""
    console = _stderr_console()
    results: list = []
    show_progress = console.is_terminal and len(jobs) > 1

    def collect(iterator):
        if not show_progress:
            for result in iterator:
                results.append(result)
                _report(result.diagnostics, console)
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn(f"{verb}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task(verb, total=len(jobs))
            for result in iterator:
                results.append(result)
                _report(result.diagnostics, progress.console)
                progress.advance(task)

    if n_jobs > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs))) as pool:
            futures = {pool.submit(worker, *args): args[0] for args in jobs}
            collect(_result_of(future, futures[future]) for future in as_completed(futures))
        order = {str(args[0]): i for i, args in enumerate(jobs)}
        results.sort(key=lambda r: order.get(r.source, 0))
    else:
        collect(worker(*args) for args in jobs)
    return results


def _result_of(future, source: Path) -> "JobResult":
    """A worker's result; a worker that died (out of memory, killed) fails its file only."""
    from presskit.errors import Location, error
    from presskit.jobs import JobResult

    try:
        return future.result()
    except Exception as exc:  # BrokenProcessPool and the like: never a traceback
        message = f"the worker building this file stopped: {type(exc).__name__}: {exc}"
        return JobResult(str(source), None, (error(message, Location.of_file(source), hint="try again without --jobs"),))


def _inputs(paths: List[Path]) -> list[Path]:
    from presskit.jobs import expand_inputs

    found = expand_inputs(paths)
    if not found:
        raise _usage_error("no release files found in " + ", ".join(str(p) for p in paths))
    return found


# -- commands -------------------------------------------------------------------
@app.command()
def build(
    paths: List[Path] = typer.Argument(..., help="Release files, or folders of them.", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="A .pdf file (one input) or a folder (default: out/)."),
    brand: Optional[Path] = typer.Option(None, "--brand", help="Brand file to use instead of presskit.yaml or the default."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Build this many files in parallel."),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", help="Also allow images from this folder (repeatable)."),
) -> None:
    """Build the PDF of each release file."""
    from presskit.errors import UsageError
    from presskit.jobs import build_one, output_for

    sources = _inputs(paths)
    try:
        planned = [(src, output_for(src, output, len(sources) == 1), brand, tuple(allow_dir)) for src in sources]
    except UsageError as exc:
        raise _usage_error(exc.diagnostics[0].message)
    results = _run_jobs(planned, build_one, jobs, "Building")
    built = [r for r in results if r.ok]
    for result in built:
        typer.echo(f"wrote {result.output}")
    failed = len(results) - len(built)
    if failed:
        _stderr_console().file.write(f"{failed} of {len(results)} release(s) failed\n")
        raise typer.Exit(EXIT_FAILED)


@app.command()
def kit(
    path: Path = typer.Argument(..., help="The press kit file (KIT.yaml).", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="The kit's .pdf, or a folder (default: out/)."),
    make_zip: bool = typer.Option(False, "--zip", help="Also write OUT.zip: the kit, each release's PDF, the photos with their credits."),
    brand: Optional[Path] = typer.Option(None, "--brand", help="Brand file to use instead of presskit.yaml or the default."),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", help="Also allow images from this folder (repeatable)."),
) -> None:
    """Build a press kit: cover, contents, the releases, photos and contacts in one PDF."""
    from presskit.kitpdf import build_kit

    result = build_kit(path, output, make_zip, brand, tuple(allow_dir))
    _report(result.diagnostics, _stderr_console())
    if not result.ok:
        raise typer.Exit(EXIT_FAILED)
    for written in result.output.split(", "):
        typer.echo(f"wrote {written}")


@app.command()
def check(
    paths: List[Path] = typer.Argument(..., help="Release files, or folders of them.", show_default=False),
    brand: Optional[Path] = typer.Option(None, "--brand", help="Brand file to check against."),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", help="Also allow images from this folder (repeatable)."),
) -> None:
    """Validate and lint releases without writing anything."""
    from presskit.jobs import check_one

    sources = _inputs(paths)
    results = _run_jobs([(src, brand, tuple(allow_dir)) for src in sources], check_one, 1, "Checking")
    errors = sum(1 for r in results for d in r.diagnostics if d.severity == "error")
    warnings = sum(1 for r in results for d in r.diagnostics if d.severity == "warning")
    summary = f"{len(results)} file(s) checked: {errors} error(s), {warnings} warning(s)"
    typer.echo(summary)
    if errors:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def new(
    title: str = typer.Argument(..., help="The headline of the new release."),
    date: Optional[str] = typer.Option(None, "--date", help="Release date as YYYY-MM-DD (default: today)."),
    directory: Path = typer.Option(Path("releases"), "--dir", help="Folder for the new file."),
) -> None:
    """Write a new release file from a commented template (never overwrites)."""
    from presskit.errors import PresskitError
    from presskit.newfile import write_new_release

    if date is None:
        when = dt.date.today()
    else:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            raise _usage_error(f"--date {date!r} is not a date; write it as YYYY-MM-DD, e.g. {dt.date.today():%Y-%m-%d}")
    try:
        path = write_new_release(title, when, directory)
    except PresskitError as exc:  # an empty title is wrong usage (2), an existing file a failure (1)
        _report(exc.diagnostics, _stderr_console())
        raise typer.Exit(exc.exit_code)
    typer.echo(f"wrote {path}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the release file (for yaml-language-server)."""
    import json

    from presskit.schema import release_json_schema

    typer.echo(json.dumps(release_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def inspect(
    paths: List[Path] = typer.Argument(..., help="PDF files, made by presskit or anything else.", show_default=False),
) -> None:
    """Print a PDF's structure tree and its accessibility findings (PDF/UA, PDF/A)."""
    from presskit.tagging.inspect import inspect_pdf

    failed = 0
    console = _stderr_console()
    for path in paths:
        try:
            report = inspect_pdf(path)
        except Exception as exc:  # pikepdf raises several kinds for files that are not PDFs
            console.file.write(f"{path}: error: cannot read this file as a PDF ({type(exc).__name__}: {exc})\n")
            failed += 1
            continue
        typer.echo(report.render())
        if not report.ok:
            failed += 1
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def site(
    paths: List[Path] = typer.Argument(..., help="Release files, or folders of them.", show_default=False),
    output: Path = typer.Option(..., "-o", "--output", help="The site's folder (replaced as a whole)."),
    base_url: str = typer.Option(..., "--base-url", help="The address the site will have, e.g. https://www.example.org/presse/."),
    now: Optional[str] = typer.Option(None, "--now", help="Publish as of this time, YYYY-MM-DD HH:MM in the brand's time zone (default: now)."),
    kit: List[Path] = typer.Option([], "--kit", help="Also a page for this press kit file (repeatable)."),
    brand: Optional[Path] = typer.Option(None, "--brand", help="Brand file to use instead of presskit.yaml or the default."),
    allow_dir: List[Path] = typer.Option([], "--allow-dir", help="Also allow images from this folder (repeatable)."),
) -> None:
    """Build the static newsroom: a page per release, the index, RSS and Atom (embargoes kept)."""
    from presskit.errors import PresskitError
    from presskit.i18n import _
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


@app.command()
def serve(
    folder: Path = typer.Argument(..., help="A folder written by 'presskit site'.", show_default=False),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port on 127.0.0.1."),
) -> None:
    """Preview a built site on http://127.0.0.1 (Ctrl-C stops)."""
    from presskit.i18n import _
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
