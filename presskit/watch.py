"""``presskit watch``: rebuild PDFs as their files are saved, in one warm process.

The watcher builds every release once, then waits for changes (watchfiles)
to the release files (and new ones in watched folders), their brand files,
fonts, logo and images.  What a release depends on comes from the record of
its last build (:mod:`presskit.incremental`), so a changed image rebuilds only
the releases that show it, a changed release only itself, and a changed brand
file or font every release.

Builds run in one worker process that stays warm between saves (fonts
registered, hyphenation loaded: :func:`presskit.jobs.warm_up`); a changed font
file replaces the worker, because ReportLab keeps a registered font for the
life of its process.  A file that fails reports its located errors through
``report`` and the watcher carries on.  Printing is left to the caller (the
command line): this module only calls ``say`` and ``report``.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Sequence

from presskit.i18n import _

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
RELEASE_SUFFIXES = (".yaml", ".yml")


def _build_in_worker(source: Path, output: Path, brand_path, allow_dirs, strict):
    from presskit.jobs import build_one

    return build_one(source, output, brand_path, allow_dirs, None, strict, True)


class Watcher:
    """State of one ``presskit watch``: the releases, what each depends on, the warm worker."""

    def __init__(self, paths: Sequence[Path], output: Path | None = None, brand_path: Path | None = None,
                 allow_dirs: Sequence[Path] = (), strict: bool = False,
                 say: Callable[[str], None] = print, report: Callable[[Iterable], None] = lambda d: None,
                 opener: Callable[[Path], str | None] | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.output = output
        self.brand_path = brand_path
        self.allow_dirs = tuple(allow_dirs)
        self.strict = strict
        self.say = say
        self.report = report
        self.opener = opener
        self.opened: set[Path] = set()
        self.depends: dict[Path, set[str]] = {}   # release (resolved) -> files besides itself
        self.shown: dict[Path, Path] = {}         # resolved -> as the user named it
        self.pool: ProcessPoolExecutor | None = None
        self.builds = 0

    # -- what to watch ------------------------------------------------------------
    def releases(self) -> list[Path]:
        from presskit.jobs import expand_inputs

        return expand_inputs(self.paths)

    def folders(self) -> set[Path]:
        """Folders to watch: those given, and the folders of every file a release depends on."""
        folders = {p.resolve() if p.is_dir() else p.resolve().parent for p in self.paths}
        for files in self.depends.values():
            folders.update(Path(f).parent for f in files)
        folders = {f for f in folders if f.is_dir()}
        # a folder inside another watched one (watching is recursive) would report twice
        return {f for f in folders if not any(other != f and other in f.parents for other in folders)}

    # -- building -----------------------------------------------------------------
    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            from presskit.jobs import warm_up

            self.pool = ProcessPoolExecutor(max_workers=1, initializer=warm_up)
        return self.pool

    def restart_worker(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        self.restart_worker()

    def _output_for(self, source: Path, single: bool) -> Path:
        from presskit.jobs import output_for

        return output_for(source, self.output, single)

    def build(self, sources: Sequence[Path]) -> list:
        """Build ``sources`` one after the other in the warm worker; report each at once."""
        from presskit.incremental import Manifest, brand_file_of

        single = len(self.releases()) == 1
        results = []
        for source in sources:
            output = self._output_for(source, single)
            started = time.perf_counter()
            try:
                result = self._pool().submit(_build_in_worker, source, output, self.brand_path, self.allow_dirs,
                                             self.strict).result()
            except Exception as exc:  # the worker died (killed, out of memory): a new one next time
                from presskit.errors import Location, error
                from presskit.jobs import JobResult

                self.restart_worker()
                message = _("the worker building this file stopped: {reason}").format(
                    reason=f"{type(exc).__name__}: {exc}")
                result = JobResult(str(source), None, (error(message, Location.of_file(source)),))
            seconds = time.perf_counter() - started
            self.builds += 1
            key = source.resolve()
            self.shown[key] = source
            if result.record is not None:
                self.depends[key] = {*result.record["inputs"], result.record["brand"]}
            else:
                self.depends.setdefault(key, {str(brand_file_of(source, self.brand_path))})
            self.report(result.diagnostics)
            if result.ok and result.output:
                self.say(_("wrote {path} ({seconds:.2f} s)").format(path=result.output, seconds=seconds))
                manifest = Manifest.load(output.parent)
                manifest.remember(output, result.record)
                manifest.save()
                if self.opener is not None and output not in self.opened:
                    self.opened.add(output)
                    problem = self.opener(output)
                    if problem:
                        self.say("warning: " + _("cannot open {path}: {reason}").format(path=output, reason=problem))
            results.append(result)
        return results

    def affected(self, changed: Iterable[str]) -> tuple[list[Path], bool]:
        """The releases to rebuild for ``changed`` files, and whether a font changed."""
        current = {p.resolve(): p for p in self.releases()}
        for gone in [k for k in self.depends if k not in current]:
            del self.depends[gone]
        changed = {str(Path(c)) for c in changed}
        font = any(Path(c).suffix.lower() in FONT_SUFFIXES and any(c in d for d in self.depends.values())
                   for c in changed)
        todo = []
        for key, source in current.items():
            depends = self.depends.get(key)
            if font or depends is None or str(key) in changed or (depends & changed):
                todo.append(source)
        return todo, font

    def wanted(self, path: str) -> bool:
        """Whether a change to ``path`` may matter (everything else, e.g. the PDFs written, is ignored)."""
        p = Path(path)
        if any(path in d for d in self.depends.values()):
            return True
        if p.suffix.lower() in RELEASE_SUFFIXES and not p.name.startswith("."):
            return any(p.parent == (q.resolve() if q.is_dir() else q.resolve().parent) for q in self.paths)
        return False

    # -- the loop -----------------------------------------------------------------
    def run(self, stop: threading.Event | None = None, ready: Callable[[], None] | None = None) -> None:
        """Build everything, then rebuild on changes until ``stop`` is set (or Ctrl-C)."""
        import watchfiles

        stop = stop or threading.Event()
        self.build(self.releases())
        while not stop.is_set():
            folders = self.folders()
            told = False
            for changes in watchfiles.watch(*folders, watch_filter=lambda _change, path: self.wanted(path),
                                            debounce=400, step=5, stop_event=stop, rust_timeout=100,
                                            yield_on_timeout=True, raise_interrupt=True):
                if not told:
                    # said once the folders are watched (the first, empty yield comes after
                    # rust_timeout): a file saved after the message is never missed
                    told = True
                    self.say(_("watching {count} folder(s) for changes (Ctrl-C stops)").format(count=len(folders)))
                    if ready is not None:
                        ready()
                if not changes:
                    continue
                todo, font = self.affected(path for _change, path in changes)
                if font:
                    self.restart_worker()
                self.build(todo)
                if self.folders() != folders:
                    break  # a release now uses a file in another folder: watch that too
