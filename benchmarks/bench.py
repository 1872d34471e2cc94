"""presskit against a plain ReportLab script (and Typst, when installed), side by side, in one run.

    python benchmarks/bench.py [--runs 5] [--warm-runs 20] [--json results.json]

It benchmarks the presskit that ``sys.executable -m presskit`` runs from the
checkout this script lives in (never a ``presskit`` found on PATH, which may be
another installation), and prints which one that is (path, version, Python).

Measures, for one release (default: the 2019 Jobcenter release):

(a) cold ``presskit build RELEASE -o tmp.pdf`` as a whole process, median of
    --runs, with presskit's hyphenation cache warm (primed by one unmeasured
    run), plus one run with an empty cache (XDG_CACHE_HOME -> empty temp dir);
(b) cold ``python benchmarks/plain_reportlab.py tmp.pdf``, median of --runs;
(c) warm per-document time in this process: ``presskit.jobs.build_one`` vs the
    plain script's ``build()``, each --warm-runs times after a warm-up,
    median and p90, plus presskit's time split into stages;
(d) peak memory: RSS high-water of each cold subprocess (os.wait4), and the
    tracemalloc peak of one warm document in this process;
(e) cold ``presskit --help``, median of --runs;
(f) when the ``typst`` package is installed (``pip install typst``): the same
    release typeset by Typst (benchmarks/typst_release.py, same fonts, tagged
    PDF/A-2a), cold as a process and warm with one reused compiler;
(g) presskit warm with and without ReportLab's C accelerator (rl-accel), in
    child processes taking turns (the fallback forced by making ``import
    _rl_accel`` fail).

Every cold figure has the wall time and the CPU time (user + system, from
wait4) of the process: on a shared machine the CPU time is the steadier one.

Cold runs of presskit, the plain script and ``--help`` are interleaved, so a
busy machine slows all of them alike.  Then it builds every example release
once and lists sizes and page counts, and prints PASS/FAIL for each target
(issue 12):

* (a) <= 0.5 x (b)
* presskit --help <= 0.1 s
* (c) presskit warm <= 1.1 x plain warm
* a text-only two-page example <= 30 KB
* (informational) post-processing <= 30 % on top of the rest of the warm time

More sections (watch latency, 500-release batches) plug in through
:data:`EXTRA_SECTIONS` (see there).

No pytest here: this is a script that prints figures.  See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_RELEASE = ROOT / "releases" / "2019-01-18-stark-sozial-vor-ort.yaml"
PLAIN_SCRIPT = HERE / "plain_reportlab.py"
TYPST_SCRIPT = HERE / "typst_release.py"

TARGET_COLD_RATIO = 0.5
TARGET_HELP_S = 0.1
TARGET_WARM_RATIO = 1.1
TARGET_POST_SHARE = 0.30
TARGET_TEXT_TWO_PAGES_BYTES = 30_000


# -- the hook for more sections ---------------------------------------------------------
#: Sections added by other parts of presskit's benchmark (e.g. watch latency "save -> PDF",
#: 500-release batches at --jobs 1 / --jobs N / incremental no-op). Each entry is
#: ``(key, run, report, checks)``:
#:
#: * ``run(tmp: Path, args: argparse.Namespace) -> dict``: measures; ``tmp`` is a private
#:   temp folder, ``presskit_command()`` the command to start presskit with. The dict goes
#:   into the JSON as ``res[key]``; return None to skip the section (e.g. a missing feature);
#: * ``report(result: dict) -> list[str]``: the lines printed under the section;
#: * ``checks(result: dict) -> list[dict]``: targets in the format of :func:`evaluate`
#:   (keys target, value, limit, unit, ok, optionally informational).
#:
#: Add an entry from a module of your own and append it here, e.g.
#: ``EXTRA_SECTIONS.append(("watch", watch_section, watch_report, watch_checks))``.
EXTRA_SECTIONS: list[tuple[str, object, object, object]] = []
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from batches import SECTIONS as _WATCH_AND_BATCHES  # noqa: E402  (watch latency, 500-release batches)

EXTRA_SECTIONS.extend(_WATCH_AND_BATCHES)


# -- small helpers -------------------------------------------------------------
def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p90(xs: list[float]) -> float:
    s = sorted(xs)
    if len(s) == 1:
        return s[0]
    return s[max(0, math.ceil(0.9 * len(s)) - 1)]  # nearest rank


def ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:8.1f} ms"


def mib(kib: float | None) -> str:
    return "—" if kib is None else f"{kib / 1024:7.1f} MiB"


def presskit_command() -> list[str]:
    """presskit of this Python, from this checkout (cold runs use ``cwd=ROOT``, first on sys.path)."""
    return [sys.executable, "-m", "presskit"]


def presskit_identity() -> dict:
    """Which presskit ``presskit_command()`` runs: its package path and version, and the Python."""
    code = ("import sys, types, presskit; from reportlab.lib.rl_accel import fp_str; "
            "print(presskit.__file__); print(presskit.__version__); "
            "print(isinstance(fp_str, types.BuiltinFunctionType))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"cannot import presskit with {sys.executable}:\n{done.stderr}")
    path, version, accel = done.stdout.split("\n")[:3]
    return {"python": sys.executable, "package": str(Path(path).parent), "version": version,
            "rl_accel": accel == "True", "from_checkout": Path(path).resolve().is_relative_to(ROOT)}


def typst_version() -> str | None:
    """The installed ``typst`` package's version, or None when it is not installed."""
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover
        return None
    try:
        return version("typst")
    except PackageNotFoundError:
        return None


TIME = shutil.which("time", path="/usr/bin:/bin")


def run_cold(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, int, float]:
    """Run ``cmd`` to completion; return (wall seconds, peak RSS in KiB, CPU seconds) of that process.

    The CPU time is user + system of the process and its waited-for children (wait4).

    The peak RSS comes from GNU ``/usr/bin/time -f %M`` when it exists: Linux
    counts the memory of the process that forked into a child's ``ru_maxrss``
    (exec records the old address space's high-water mark), so a child forked
    straight from this fat benchmark process would report at least our own RSS.
    ``time`` is a small C program, so its child's figure is the child's own.
    Both sides pay the same ~1 ms for it.  Without ``time`` we fall back to
    ``os.wait4`` and the figure is an upper bound (see ``rss_source``).
    """
    rss_file = None
    if TIME:
        fd, rss_file = tempfile.mkstemp(prefix="presskit-bench-rss-")
        os.close(fd)
        cmd = [TIME, "-f", "%M", "-o", rss_file, *cmd]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    rss = usage.ru_maxrss  # KiB on Linux
    if rss_file:
        with contextlib.suppress(OSError, ValueError):
            rss = int(Path(rss_file).read_text().split()[-1])
        os.unlink(rss_file)
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return elapsed, rss, usage.ru_utime + usage.ru_stime


def run_on_terminal(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, int, float]:
    """Like :func:`run_cold`, with stdout and stderr on a pseudo-terminal (as a user at a shell sees it).

    ``presskit --help`` formats with rich on a terminal and plainly into a pipe, so both are timed.
    Peak RSS is not measured here (0).
    """
    import pty

    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec the command with the terminal as stdout/stderr
        try:
            os.chdir(cwd)
            os.execvpe(cmd[0], cmd, env if env is not None else os.environ)
        finally:
            os._exit(127)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:  # EIO: the child closed the terminal
            break
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    os.close(fd)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"command failed on a terminal: {' '.join(cmd)}")
    return elapsed, 0, usage.ru_utime + usage.ru_stime


def summary(times: list[float], rss: list[int] | None = None, cpu: list[float] | None = None) -> dict:
    out = {"median_s": median(times), "p90_s": p90(times), "min_s": min(times), "runs_s": times}
    if rss:
        out["peak_rss_kib"] = max(rss)
    if cpu:
        out["cpu_median_s"] = median(cpu)
    return out


def git_state() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.rstrip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    dirty = [line[3:] for line in git("status", "--porcelain", "--", "presskit", "pyproject.toml").splitlines()]
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "dirty_presskit_files": dirty}


def versions() -> dict:
    out = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    for name in ("presskit", "reportlab", "pyphen", "pikepdf", "pydantic", "typer"):
        try:
            out[name] = getattr(importlib.import_module(name), "__version__", "?")
        except ImportError:
            out[name] = None
    with contextlib.suppress(OSError):
        out["loadavg_before"] = os.getloadavg()
    return out


# -- (a), (b), (e): cold processes -----------------------------------------------
def child_environment(tmp: Path, bytecode: str) -> dict[str, str]:
    """The environment of every cold subprocess.

    ``cached`` (default): bytecode is written to and read from a private
    PYTHONPYCACHEPREFIX (filled by the unmeasured warm-up runs), as for an
    installed wheel whose .pyc files pip compiled, even when the calling
    environment sets PYTHONDONTWRITEBYTECODE (then an editable checkout would
    recompile presskit's sources on every run).  ``env``: as inherited.
    """
    env = dict(os.environ)
    if bytecode == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def cold_section(release: Path, runs: int, tmp: Path, bytecode: str = "cached") -> dict:
    pk = presskit_command()
    base_env = child_environment(tmp, bytecode)
    warm_cache = tmp / "xdg-warm"
    warm_cache.mkdir()
    env_warm = {**base_env, "XDG_CACHE_HOME": str(warm_cache)}
    cmd_pk = [*pk, "build", str(release), "-o", str(tmp / "presskit.pdf")]
    cmd_plain = [sys.executable, str(PLAIN_SCRIPT), str(tmp / "plain.pdf"), str(release)]
    cmd_help = [*pk, "--help"]
    cmd_python = [sys.executable, "-c", "pass"]
    cmd_typst = [sys.executable, str(TYPST_SCRIPT), str(tmp / "typst.pdf"), str(release)]
    with_typst = typst_version() is not None

    # Empty hyphenation cache: the very first presskit run with its own empty XDG dir.
    # One unmeasured run of each command first, so the OS file cache is warm for all.
    for cmd in (cmd_plain, cmd_help, cmd_python, *([cmd_typst] if with_typst else [])):
        run_cold(cmd, base_env)
    run_cold(cmd_pk, {**base_env, "XDG_CACHE_HOME": str(tmp / "xdg-prime-os-cache")})
    empty = tmp / "xdg-empty"
    empty.mkdir()
    cleared_t, cleared_rss, _ = run_cold(cmd_pk, {**base_env, "XDG_CACHE_HOME": str(empty)})
    run_cold(cmd_pk, env_warm)  # primes the warm cache; not measured

    commands = [("presskit", cmd_pk, env_warm), ("plain", cmd_plain, base_env),
                ("help", cmd_help, env_warm), ("help_tty", cmd_help, env_warm), ("python", cmd_python, base_env)]
    if with_typst:
        commands.append(("typst", cmd_typst, base_env))
    t = {key: [] for key, _, _ in commands}
    r = {key: [] for key, _, _ in commands}
    c = {key: [] for key, _, _ in commands}
    for _ in range(runs):  # interleaved, so drift on a shared machine hits all alike
        for key, cmd, env in commands:
            secs, rss, cpu = (run_on_terminal if key == "help_tty" else run_cold)(cmd, env)
            t[key].append(secs)
            r[key].append(rss)
            c[key].append(cpu)
    return {
        "presskit_build_cache_warm": summary(t["presskit"], r["presskit"], c["presskit"]),
        "presskit_build_cache_empty": {"s": cleared_t, "peak_rss_kib": cleared_rss},
        "plain_script": summary(t["plain"], r["plain"], c["plain"]),
        "presskit_help": summary(t["help"], r["help"], c["help"]),
        "presskit_help_terminal": summary(t["help_tty"], None, c["help_tty"]),
        "python_startup": summary(t["python"], r["python"], c["python"]),
        "typst_script": summary(t["typst"], r["typst"], c["typst"]) if with_typst else None,
        "bytecode": bytecode,
        "inherited_PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE"),
        "rss_source": "/usr/bin/time -f %M" if TIME else "os.wait4 ru_maxrss (upper bound: includes this process at fork)",
        "commands": {"presskit": cmd_pk, "plain": cmd_plain, "help": cmd_help,
                     **({"typst": cmd_typst} if with_typst else {})},
    }


# -- (c), (d): warm, in this process ------------------------------------------------
class StageTimer:
    """Wrap module-level functions with perf_counter; nested calls of one stage count once."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._depth: dict[str, int] = {}
        self._undo: list[tuple[object, str, object]] = []

    def wrap(self, module_name: str, attr: str, stage: str) -> bool:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return False
        original = getattr(module, attr, None)
        if original is None or not callable(original):
            return False

        @functools.wraps(original)
        def timed(*args, **kwargs):
            depth = self._depth.get(stage, 0)
            self._depth[stage] = depth + 1
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self._depth[stage] = depth
                if depth == 0:
                    self.totals[stage] = self.totals.get(stage, 0.0) + time.perf_counter() - started

        setattr(module, attr, timed)
        self._undo.append((module, attr, original))
        return True

    def reset(self) -> None:
        self.totals = {}

    def restore(self) -> None:
        for module, attr, original in reversed(self._undo):
            setattr(module, attr, original)
        self._undo.clear()


#: (module, function, stage).  The callers import these inside their functions
#: (``from presskit.pdf.story import build_story``), so patching the module attribute
#: is seen on the next call.  Stages that a presskit version lacks are skipped.
STAGES = [
    ("presskit.source.model", "load_release", "load+validate"),
    ("presskit.source.brand", "brand_for", "brand"),
    ("presskit.pdf.render", "render_pdf", "render_pdf (total)"),
    ("presskit.pdf.render", "render", "render_pdf (total)"),
    ("presskit.pdf.render", "make_theme", "  theme (fonts, hyphenator)"),
    ("presskit.pdf.story", "build_story", "  story"),
    ("presskit.pdf.pages", "build_document", "  layout (platypus, with tagger)"),
    ("presskit.postprocess", "finish", "  post-processing (tagging, pikepdf)"),
    ("presskit.pdf.tagging", "finish", "  post-processing (tagging, pikepdf)"),
    ("presskit.pdf.tagging", "finish_with_report", "  post-processing (tagging, pikepdf)"),
    ("presskit.pdf.tagging.postprocess", "finish", "  post-processing (tagging, pikepdf)"),
    ("presskit.pdf.tagging.postprocess", "finish_with_report", "  post-processing (tagging, pikepdf)"),
    ("presskit.outputs", "write_atomic", "write file"),
]


def warm_section(release: Path, runs: int, tmp: Path, with_typst: bool = True, stages: bool = True) -> dict:
    sys.path.insert(0, str(HERE))
    import plain_reportlab
    from presskit.jobs import build_one

    out_pk, out_plain = tmp / "warm-presskit.pdf", tmp / "warm-plain.pdf"

    def presskit_once() -> None:
        result = build_one(release, out_pk)
        if not result.ok:
            raise SystemExit("presskit failed: " + "; ".join(d.format() for d in result.diagnostics))

    def plain_once() -> None:
        plain_reportlab.build(out_plain, release)

    sides = [("presskit", presskit_once), ("plain", plain_once)]
    if with_typst and typst_version() is not None:
        import typst_release

        sides.append(("typst", lambda: typst_release.build(tmp / "warm-typst.pdf", release)))

    # first document in the process (imports, font registration, hyphenation load)
    first = {}
    for name, fn in sides:
        started = time.perf_counter()
        fn()
        first[name] = time.perf_counter() - started
    for _ in range(2):  # warm-up
        for _name, fn in sides:
            fn()

    times = {name: [] for name, _ in sides}
    cpu = {name: [] for name, _ in sides}
    for _ in range(runs):  # interleaved
        for name, fn in sides:
            started, started_cpu = time.perf_counter(), time.process_time()
            fn()
            times[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
    if stages is False:  # a child of rl_accel_section: the loop above is all it wants
        return {name: {**summary(times[name]), "cpu_median_s": median(cpu[name])} for name in times}

    # stage split: a separate loop with the wrappers installed
    timer = StageTimer()
    wrapped = [stage for module, attr, stage in STAGES if timer.wrap(module, attr, stage)]
    per_stage: dict[str, list[float]] = {}
    totals: list[float] = []
    try:
        for _ in range(runs):
            timer.reset()
            started = time.perf_counter()
            presskit_once()
            totals.append(time.perf_counter() - started)
            for stage, secs in timer.totals.items():
                per_stage.setdefault(stage, []).append(secs)
    finally:
        timer.restore()
    order = list(dict.fromkeys(stage for _, _, stage in STAGES))
    stages = {stage: median(per_stage[stage]) for stage in order if stage in per_stage}
    staged_total = median(totals)
    top = sum(v for k, v in stages.items() if not k.startswith("  "))
    if "render_pdf (total)" in stages:
        inner = sum(v for k, v in stages.items() if k.startswith("  "))
        rest = stages["render_pdf (total)"] - inner
        stages = {k: v for k, v in stages.items() if k != "write file"}
        stages["  rest of render_pdf (doc info, logo, furniture)"] = rest
        if "write file" in per_stage:
            stages["write file"] = median(per_stage["write file"])
    stages["other (build_one overhead)"] = staged_total - top

    # tracemalloc peak of one warm document each (timing under tracemalloc is meaningless)
    peaks = {}
    for name, fn in sides:
        tracemalloc.start()
        fn()
        peaks[name] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    return {
        "first_document_in_process_s": first,
        **{name: {**summary(times[name]), "cpu_median_s": median(cpu[name])} for name in times},
        "stages_median_s": stages,
        "stages_total_median_s": staged_total,
        "stages_wrapped": sorted(set(wrapped)),
        "tracemalloc_peak_bytes": peaks,
    }


def rl_accel_section(release: Path, runs: int, rounds: int = 2) -> dict | None:
    """presskit and the plain script warm, with and without rl-accel, in child processes taking turns.

    Each child is this script with ``--warm-child`` (and ``--no-rl-accel``: ``import _rl_accel``
    made to fail before ReportLab is imported); ``rounds`` children per side, ``runs``
    documents each, alternating, so a busy machine slows both sides alike.
    """
    per = {"with": {}, "without": {}}
    for _ in range(rounds):
        for side in ("without", "with"):
            cmd = [sys.executable, str(Path(__file__).resolve()), "--warm-child", "--release", str(release),
                   "--warm-runs", str(runs)] + (["--no-rl-accel"] if side == "without" else [])
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"warm child failed:\n{done.stderr}")
            result = json.loads(done.stdout)
            if side == "with" and not result["rl_accel"]:
                return {"installed": False}
            for name in ("presskit", "plain"):
                bucket = per[side].setdefault(name, {"wall": [], "cpu": []})
                bucket["wall"] += result[name]["runs_s"]
                bucket["cpu"].append(result[name]["cpu_median_s"])
    out: dict = {"installed": True, "rounds": rounds, "runs_per_child": runs}
    for side, names in per.items():
        out[side] = {name: {"median_s": median(v["wall"]), "cpu_median_s": median(v["cpu"])} for name, v in names.items()}
    return out


def warm_child(release: Path, runs: int, no_accel: bool) -> int:
    """``--warm-child``: the interleaved warm loop only, as JSON on stdout (see rl_accel_section)."""
    if no_accel:
        sys.modules["_rl_accel"] = None  # ReportLab's rl_accel then uses its pure-Python functions
    import types

    with tempfile.TemporaryDirectory(prefix="presskit-bench-child-") as tmpname:
        result = warm_section(release, runs, Path(tmpname), with_typst=False, stages=False)
    from reportlab.lib.rl_accel import fp_str

    result["rl_accel"] = isinstance(fp_str, types.BuiltinFunctionType)
    print(json.dumps(result))
    return 0


def hyphenation_section() -> dict:
    """What the pyphen load costs, and what presskit's marshal cache costs instead."""
    out: dict = {}
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("de_DE")]
    saved = pyphen.hdcache.pop(path, None)
    started = time.perf_counter()
    pyphen.Pyphen(lang="de_DE")
    out["pyphen_de_DE_parse_s"] = time.perf_counter() - started
    if saved is not None:
        pyphen.hdcache[path] = saved
    with contextlib.suppress(ImportError, AttributeError, TypeError):
        from presskit.typography import hyphenate

        started = time.perf_counter()
        hyphenate.load_patterns("de")
        out["presskit_cached_load_s"] = time.perf_counter() - started
    return out


# -- all examples ------------------------------------------------------------------------
def examples_section(tmp: Path, bytecode: str = "cached") -> dict:
    folder = tmp / "examples"
    folder.mkdir()
    cmd = [*presskit_command(), "build", str(ROOT / "releases"), "-o", str(folder)]
    secs, rss, _ = run_cold(cmd, child_environment(tmp, bytecode))
    files = []
    try:
        import pikepdf
    except ImportError:  # presskit depends on it, but be kind
        pikepdf = None
    typst_release = None
    if typst_version() is not None:
        sys.path.insert(0, str(HERE))
        import typst_release
    for pdf in sorted(folder.glob("*.pdf")):
        pages = images = None
        if pikepdf is not None:
            with pikepdf.open(pdf) as doc:
                pages = len(doc.pages)
                images = sum(len(page.get_images() if hasattr(page, "get_images") else page.images)
                             for page in doc.pages)
        entry = {"file": pdf.name, "bytes": pdf.stat().st_size, "pages": pages, "images": images}
        if typst_release is not None:
            out = tmp / f"typst-{pdf.name}"
            try:
                typst_release.build(out, ROOT / "releases" / f"{pdf.stem}.yaml")
                entry["typst_bytes"] = out.stat().st_size
            except Exception as exc:  # a release shape the small Typst script does not know
                entry["typst_error"] = f"{type(exc).__name__}: {exc}"
        files.append(entry)
    return {"command_s": secs, "peak_rss_kib": rss, "files": files}


# -- report --------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def evaluate(res: dict) -> list[dict]:
    cold, warm = res["cold"], res["warm"]
    pk_cold = cold["presskit_build_cache_warm"]["median_s"]
    plain_cold = cold["plain_script"]["median_s"]
    help_s = cold["presskit_help"]["median_s"]
    help_tty_s = cold["presskit_help_terminal"]["median_s"]
    pk_warm, plain_warm = warm["presskit"]["median_s"], warm["plain"]["median_s"]
    checks = [
        {"target": "(a) cold build <= 0.5 x plain cold", "value": pk_cold / plain_cold, "limit": TARGET_COLD_RATIO,
         "unit": "x", "ok": pk_cold <= TARGET_COLD_RATIO * plain_cold},
        {"target": "presskit --help <= 0.1 s (pipe)", "value": help_s, "limit": TARGET_HELP_S, "unit": "s",
         "ok": help_s <= TARGET_HELP_S},
        {"target": "presskit --help <= 0.1 s (terminal)", "value": help_tty_s, "limit": TARGET_HELP_S, "unit": "s",
         "ok": help_tty_s <= TARGET_HELP_S},
        {"target": "(c) warm <= 1.1 x plain warm", "value": pk_warm / plain_warm, "limit": TARGET_WARM_RATIO,
         "unit": "x", "ok": pk_warm <= TARGET_WARM_RATIO * plain_warm},
    ]
    for f in res.get("examples", {}).get("files", []):
        if f.get("pages") == 2 and f.get("images") == 0:
            checks.append({"target": f"text-only 2 pages <= 30 KB: {f['file'][:26]}", "value": f["bytes"] / 1000,
                           "limit": TARGET_TEXT_TWO_PAGES_BYTES / 1000, "unit": "KB",
                           "ok": f["bytes"] <= TARGET_TEXT_TWO_PAGES_BYTES})
    for key, _run, _report, section_checks in EXTRA_SECTIONS:
        if res.get(key) is not None:
            checks.extend(section_checks(res[key]))
    stages = warm["stages_median_s"]
    post = stages.get("  post-processing (tagging, pikepdf)")
    if post is not None:
        rest = warm["stages_total_median_s"] - post
        checks.append({"target": "(later) post-processing <= 30 % on top of the rest", "value": post / rest,
                       "limit": TARGET_POST_SHARE, "unit": "share", "ok": post <= TARGET_POST_SHARE * rest,
                       "informational": True})
    return checks


def print_report(res: dict) -> None:
    v, cold, warm = res["env"], res["cold"], res["warm"]
    print(f"presskit {v.get('presskit')} @ {res['git']['commit']}"
          + (f" (uncommitted changes in: {', '.join(res['git']['dirty_presskit_files'])})"
             if res["git"]["dirty_presskit_files"] else ""))
    print(f"Python {v['python']} · ReportLab {v['reportlab']} · pyphen {v['pyphen']} · pikepdf {v['pikepdf']} · "
          f"{v['cpus']} CPUs · load {' '.join(f'{x:.2f}' for x in v.get('loadavg_before', ()))}")
    who = res["presskit"]
    print(f"benchmarked: {' '.join(presskit_command())}  ->  presskit {who['version']} from {who['package']}"
          + ("" if who["from_checkout"] else "  (NOT this checkout!)"))
    print(f"             rl-accel (ReportLab's C accelerator): {'in use' if who['rl_accel'] else 'NOT installed'}"
          f" · typst: {res['typst'] or 'not installed (pip install typst)'}")
    print(f"release: {res['release']}   cold runs: {res['runs']}   warm runs: {res['warm_runs']}")
    print()
    print(f"COLD, whole process (wall median / p90 / min, CPU median; peak RSS via {cold['rss_source']})")
    note = ("bytecode cached in a private PYTHONPYCACHEPREFIX" if cold["bytecode"] == "cached"
            else "bytecode as the environment says")
    if cold.get("inherited_PYTHONDONTWRITEBYTECODE"):
        note += f" (inherited PYTHONDONTWRITEBYTECODE={cold['inherited_PYTHONDONTWRITEBYTECODE']}"
        note += ", overridden)" if cold["bytecode"] == "cached" else ", kept)"
    print(f"  {note}; OS file cache and presskit's hyphenation cache primed by unmeasured runs")
    rows = [
        ("(a) presskit build, hyphenation cache warm", cold["presskit_build_cache_warm"]),
        ("(b) plain ReportLab script", cold["plain_script"]),
        ("(e) presskit --help (into a pipe: plain text)", cold["presskit_help"]),
        ("(e) presskit --help (on a terminal: rich panels)", cold["presskit_help_terminal"]),
        ("    python -c pass (interpreter floor)", cold["python_startup"]),
    ]
    if cold.get("typst_script"):
        rows.append(("(f) Typst (python typst_release.py, PDF/A-2a)", cold["typst_script"]))
    for label, s in rows:
        print(f"  {label:<52} {ms(s['median_s'])} {ms(s['p90_s'])} {ms(s['min_s'])} {ms(s.get('cpu_median_s'))}"
              f"   {mib(s.get('peak_rss_kib'))}")
    pk_cold, plain_cold = cold["presskit_build_cache_warm"], cold["plain_script"]
    print(f"  ratio presskit / plain: wall {pk_cold['median_s'] / plain_cold['median_s']:.2f}, "
          f"CPU {pk_cold['cpu_median_s'] / plain_cold['cpu_median_s']:.2f}"
          + (f"; Typst / plain: wall {cold['typst_script']['median_s'] / plain_cold['median_s']:.2f}, "
             f"CPU {cold['typst_script']['cpu_median_s'] / plain_cold['cpu_median_s']:.2f}"
             if cold.get("typst_script") else ""))
    e = cold["presskit_build_cache_empty"]
    print(f"  {'(a) presskit build, hyphenation cache EMPTY (1 run)':<52} {ms(e['s'])} {'':>11} {'':>11}   "
          f"{mib(e['peak_rss_kib'])}")
    hy = res.get("hyphenation", {})
    if hy:
        print(f"  in-process: pyphen de_DE parse {ms(hy.get('pyphen_de_DE_parse_s')).strip()}, "
              f"presskit cached pattern load {ms(hy.get('presskit_cached_load_s')).strip()}")
    print()
    print("WARM, per document in one process (wall median / p90, CPU median)")
    first = warm["first_document_in_process_s"]
    sides = [("(c) presskit build_one", "presskit"), ("    plain build()", "plain")]
    if "typst" in warm:
        sides.append(("(f) Typst, one compiler reused", "typst"))
    for label, key in sides:
        s = warm[key]
        print(f"  {label:<52} {ms(s['median_s'])} {ms(s['p90_s'])} {ms(s['cpu_median_s'])}"
              f"   (first document: {ms(first[key]).strip()})")
    ratios = [f"{key} / plain: wall {warm[key]['median_s'] / warm['plain']['median_s']:.2f}, "
              f"CPU {warm[key]['cpu_median_s'] / warm['plain']['cpu_median_s']:.2f}" for _, key in sides[::2]]
    print("  ratio " + "; ".join(ratios))
    print(f"  presskit stages (median of {res['warm_runs']}; total {ms(warm['stages_total_median_s']).strip()}):")
    for stage, secs in warm["stages_median_s"].items():
        share = secs / warm["stages_total_median_s"] if warm["stages_total_median_s"] else 0
        print(f"    {stage:<50} {ms(secs)}  {share:6.1%}")
    pk = warm["tracemalloc_peak_bytes"]
    print(f"  (d) tracemalloc peak, one warm document: presskit {pk['presskit'] / 2**20:.1f} MiB, "
          f"plain {pk['plain'] / 2**20:.1f} MiB")
    acc = res.get("rl_accel")
    if acc and acc.get("installed"):
        print()
        print(f"(g) WARM WITH / WITHOUT rl-accel ({acc['rounds']} child processes per side, taking turns, "
              f"{acc['runs_per_child']} documents each; wall median, CPU median)")
        for name in ("presskit", "plain"):
            w, wo = acc["with"][name], acc["without"][name]
            print(f"  {name:<10} with {ms(w['median_s'])} {ms(w['cpu_median_s'])}   without {ms(wo['median_s'])} "
                  f"{ms(wo['cpu_median_s'])}   with/without CPU {w['cpu_median_s'] / wo['cpu_median_s']:.2f}")
        for side in ("with", "without"):
            d = acc[side]
            print(f"  presskit / plain {side} rl-accel: CPU {d['presskit']['cpu_median_s'] / d['plain']['cpu_median_s']:.2f}")
    elif acc is not None:
        print()
        print("(g) rl-accel is not installed: no with/without comparison (pip install rl-accel)")
    for key, _run, report, _checks in EXTRA_SECTIONS:
        if res.get(key) is not None:
            print()
            for line in report(res[key]):
                print(line)
    print()
    ex = res["examples"]
    print(f"ALL EXAMPLES: one cold `presskit build releases/` {ms(ex['command_s']).strip()}, "
          f"peak RSS {mib(ex['peak_rss_kib']).strip()}")
    for f in ex["files"]:
        kind = "text only" if f.get("images") == 0 else f"{f.get('images')} image(s)"
        typst = (f"   Typst: {f['typst_bytes'] / 1000:6.1f} KB" if "typst_bytes" in f
                 else f"   Typst: {f['typst_error']}" if "typst_error" in f else "")
        target = ("  target <= 30 KB" if f.get("pages") == 2 and f.get("images") == 0 else "")
        print(f"  {f['file']:<44} {f['bytes'] / 1000:7.1f} KB  {f['pages']} page(s), {kind}{typst}{target}")
    print()
    print("TARGETS")
    for c in res["checks"]:
        value = f"{c['value']:.2f} {c['unit']}" if c["unit"] != "share" else f"{c['value']:.0%}"
        limit = f"{c['limit']} {c['unit']}" if c["unit"] != "share" else f"{c['limit']:.0%}"
        tag = verdict(c["ok"]) + (" (informational)" if c.get("informational") else "")
        print(f"  {c['target']:<52} {value:>10}  (limit {limit})  {tag}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark presskit against a plain ReportLab script doing the same page, side by side.",
        epilog="Targets: cold build <= 0.5 x plain cold; presskit --help <= 0.1 s; warm <= 1.1 x plain warm; "
               "a text-only two-page example <= 30 KB. "
               "Exit status is 0 even when a target fails (this is a report, not a test); use --strict to fail.",
    )
    parser.add_argument("--runs", type=int, default=5, help="cold runs per command, median reported (default 5)")
    parser.add_argument("--warm-runs", type=int, default=20,
                        help="in-process documents per side after a warm-up (default 20)")
    parser.add_argument("--release", type=Path, default=DEFAULT_RELEASE, help="release to build (default: %(default)s)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write all results as JSON to FILE")
    parser.add_argument("--bytecode", choices=("cached", "env"), default="cached",
                        help="cold runs: 'cached' (default) gives the subprocesses a private PYTHONPYCACHEPREFIX, "
                             "filled by the warm-up runs, like an installed wheel; 'env' keeps the inherited "
                             "environment (with PYTHONDONTWRITEBYTECODE=1 an editable checkout recompiles "
                             "presskit on every run)")
    parser.add_argument("--skip-examples", action="store_true", help="do not build every example release")
    parser.add_argument("--strict", action="store_true", help="exit 1 if one of the (non-informational) targets fails")
    parser.add_argument("--skip-rl-accel", action="store_true", help="do not compare warm runs without rl-accel")
    parser.add_argument("--skip-watch", action="store_true", help="do not measure presskit watch (save -> PDF)")
    parser.add_argument("--watch-saves", type=int, default=20, help="saves for the watch latency (default 20)")
    parser.add_argument("--skip-batches", action="store_true", help="do not build the 500-release batches")
    parser.add_argument("--batch-size", type=int, default=500, help="releases in the batches (default 500)")
    parser.add_argument("--warm-child", action="store_true", help=argparse.SUPPRESS)  # see rl_accel_section
    parser.add_argument("--no-rl-accel", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warm_runs < 1:
        parser.error("--runs and --warm-runs must be at least 1")
    # The warm runs import presskit in this process: the same checkout the cold runs start
    # (``python -m presskit`` with cwd=ROOT), whatever else is installed.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if args.warm_child:
        return warm_child(args.release.resolve(), args.warm_runs, args.no_rl_accel)
    release = args.release.resolve()

    res: dict = {"release": str(release.relative_to(ROOT) if release.is_relative_to(ROOT) else release),
                 "runs": args.runs, "warm_runs": args.warm_runs, "git": git_state(), "env": versions(),
                 "presskit": presskit_identity(), "typst": typst_version()}
    with tempfile.TemporaryDirectory(prefix="presskit-bench-") as tmpname:
        tmp = Path(tmpname)
        print("cold runs ...", file=sys.stderr)
        res["cold"] = cold_section(release, args.runs, tmp, args.bytecode)
        print("warm runs ...", file=sys.stderr)
        res["warm"] = warm_section(release, args.warm_runs, tmp)
        res["hyphenation"] = hyphenation_section()
        if not args.skip_rl_accel:
            print("warm runs with and without rl-accel ...", file=sys.stderr)
            res["rl_accel"] = rl_accel_section(release, max(5, args.warm_runs // 2))
        for key, run, _report, _checks in EXTRA_SECTIONS:
            print(f"{key} ...", file=sys.stderr)
            res[key] = run(tmp, args)
        if not args.skip_examples:
            print("all examples ...", file=sys.stderr)
            res["examples"] = examples_section(tmp, args.bytecode)
        else:
            res["examples"] = {"command_s": None, "peak_rss_kib": None, "files": []}
    with contextlib.suppress(OSError):
        res["env"]["loadavg_after"] = os.getloadavg()
    res["checks"] = evaluate(res)
    print_report(res)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    failed = [c for c in res["checks"] if not c["ok"] and not c.get("informational")]
    return 1 if (args.strict and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
