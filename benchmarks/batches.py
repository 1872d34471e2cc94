"""bench.py sections for issue 12, points 1 and 2: watch latency and 500-release batches.

* ``watch``: ``presskit watch RELEASE`` as a process; the release (2 pages,
  ``releases/2026-11-20-partnership-visit.yaml``) is saved ``--watch-saves``
  times the way editors save (temporary file renamed over it), each save with
  another title; the time from the rename to the new PDF on disk (its inode
  changes: presskit writes atomically) is the latency.  Median, p90, and the
  build time watch itself prints for each save (the rest is notification and
  polling).
* ``batches``: ``--batch-size`` distinct releases (the 2-page release with a
  numbered title and sentence) in a temporary folder, built as processes:
  ``--jobs 1 --force``, ``--jobs N --force`` (N = usable cores), the same
  again with nothing changed (incremental no-op), and the plain ReportLab
  script's ``build()`` in a loop over the same releases in one process.

Registered in bench.py's ``EXTRA_SECTIONS`` (``--skip-watch``, ``--skip-batches``).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WATCH_RELEASE = ROOT / "releases" / "2026-11-20-partnership-visit.yaml"
TARGET_WATCH_S = 0.050
TARGET_NOOP_S = 1.0
TARGET_PARALLEL = 1.8
TARGET_VS_PLAIN = 2.0


def _command() -> list[str]:
    return [sys.executable, "-m", "presskit"]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _retitled(text: str, title: str) -> str:
    return re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1)


def _wait_for(condition, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.001)
    return False


def watch_section(tmp: Path, args) -> dict | None:
    if getattr(args, "skip_watch", False):
        return None
    folder = tmp / "watch"
    folder.mkdir()
    release = folder / "release.yaml"
    text = WATCH_RELEASE.read_text(encoding="utf-8")
    release.write_text(text, encoding="utf-8")
    pdf = folder / "release.pdf"
    out, err = folder / "stdout", folder / "stderr"
    saves = getattr(args, "watch_saves", 20)
    latencies: list[float] = []
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen([*_command(), "watch", str(release), "-o", str(pdf)], cwd=ROOT,
                                   stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
        try:
            if not _wait_for(lambda: "watching" in out.read_text() or process.poll() is not None, 120):
                return {"error": "watch did not start"}
            time.sleep(0.5)
            for i in range(saves):
                before = os.stat(pdf).st_ino
                tmp_file = folder / ".release.yaml.tmp"
                tmp_file.write_text(_retitled(text, f"Besuch der Partnerstadt, Fassung {i + 1}"), encoding="utf-8")
                started = time.perf_counter()
                os.replace(tmp_file, release)
                if not _wait_for(lambda: os.path.exists(pdf) and os.stat(pdf).st_ino != before, 30):
                    return {"error": f"no new PDF after save {i + 1}", "stderr": err.read_text()[-2000:]}
                latencies.append(time.perf_counter() - started)
                time.sleep(0.3)
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    builds = [float(s) for s in re.findall(r"\(([0-9.]+) s\)", out.read_text())][1:]  # the first is the cold one
    ordered = sorted(latencies)
    return {"release": str(WATCH_RELEASE.relative_to(ROOT)), "saves": saves,
            "latency_median_s": statistics.median(latencies), "latency_p90_s": ordered[int(0.9 * (len(ordered) - 1))],
            "latency_min_s": ordered[0], "build_median_s": statistics.median(builds) if builds else None}


def watch_report(result: dict) -> list[str]:
    if "error" in result:
        return [f"watch: {result['error']}"]
    ms = lambda s: "—" if s is None else f"{s * 1000:.1f} ms"  # noqa: E731
    return [f"watch (save -> new PDF on disk), {result['saves']} saves of {result['release']}:",
            f"  median {ms(result['latency_median_s'])}, p90 {ms(result['latency_p90_s'])}, "
            f"min {ms(result['latency_min_s'])}; of it the build (as watch reports it): median "
            f"{ms(result['build_median_s'])}"]


def watch_checks(result: dict) -> list[dict]:
    if "error" in result:
        return [{"target": "watch save -> PDF <= 50 ms median", "value": float("inf"), "limit": TARGET_WATCH_S,
                 "unit": "s", "ok": False}]
    value = result["latency_median_s"]
    return [{"target": "watch save -> PDF <= 50 ms median", "value": value, "limit": TARGET_WATCH_S,
             "unit": "s", "ok": value <= TARGET_WATCH_S}]


def make_batch(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = WATCH_RELEASE.read_text(encoding="utf-8")
    for i in range(count):
        body = text.replace("body: |\n", f"body: |\n  Dies ist Mitteilung Nummer {i + 1} der Serie.\n\n", 1)
        (folder / f"r{i:04}.yaml").write_text(_retitled(body, f"Mitteilung {i + 1} - Besuch der Partnerstadt"),
                                              encoding="utf-8")


def _timed(command: list[str], cwd: Path = ROOT) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - started, done


PLAIN_LOOP = """
import sys, time
sys.path.insert(0, {here!r})
from plain_reportlab import build
from pathlib import Path
out, folder = sys.argv[1], Path(sys.argv[2])
for release in sorted(folder.glob("*.yaml")):
    build(out, str(release))
"""


def batch_section(tmp: Path, args) -> dict | None:
    if getattr(args, "skip_batches", False):
        return None
    count = getattr(args, "batch_size", 500)
    cores = _cores()
    folder = tmp / "batch"
    make_batch(folder, count)
    res: dict = {"releases": count, "cores": cores}
    for key, extra in (("jobs_1", ["--jobs", "1", "--force"]), (f"jobs_{cores}", ["--jobs", str(cores), "--force"]),
                       ("noop", ["--jobs", str(cores)])):
        out = tmp / "batch-out"
        seconds, done = _timed([*_command(), "build", str(folder), "-o", str(out), "-q", *extra])
        if done.returncode != 0:
            return {"error": f"{key}: exit {done.returncode}: {done.stderr[-1000:]}"}
        res[key + "_s"] = seconds
    seconds, done = _timed([sys.executable, "-c", PLAIN_LOOP.format(here=str(HERE)), str(tmp / "plain.pdf"),
                            str(folder)])
    res["plain_loop_s"] = seconds if done.returncode == 0 else None
    res["parallel_key"] = f"jobs_{cores}_s"
    return res


def batch_report(result: dict) -> list[str]:
    if "error" in result:
        return [f"batches: {result['error']}"]
    n = result["releases"]
    rate = lambda s: "—" if not s else f"{s:7.2f} s  {n / s:6.1f} releases/s"  # noqa: E731
    return [f"batch of {n} distinct releases (processes, wall time), {result['cores']} usable cores:",
            f"  --jobs 1 --force      {rate(result['jobs_1_s'])}",
            f"  --jobs {result['cores']} --force      {rate(result[result['parallel_key']])}",
            f"  no-op (all up to date) {result['noop_s']:7.3f} s",
            f"  plain ReportLab build() loop, one process {rate(result['plain_loop_s'])}"]


def batch_checks(result: dict) -> list[dict]:
    if "error" in result:
        return []
    one, many, plain = result["jobs_1_s"], result[result["parallel_key"]], result["plain_loop_s"]
    checks = [{"target": f"{result['releases']} unchanged releases < 1 s", "value": result["noop_s"],
               "limit": TARGET_NOOP_S, "unit": "s", "ok": result["noop_s"] < TARGET_NOOP_S},
              {"target": f"--jobs {result['cores']} >= 1.8 x the --jobs 1 rate", "value": one / many,
               "limit": TARGET_PARALLEL, "unit": "x", "ok": one / many >= TARGET_PARALLEL,
               "informational": result["cores"] < 2}]
    if plain:
        checks.append({"target": f"--jobs {result['cores']} >= 2 x a plain build() loop's rate", "value": plain / many,
                       "limit": TARGET_VS_PLAIN, "unit": "x", "ok": plain / many >= TARGET_VS_PLAIN,
                       "informational": result["cores"] < 2})
    return checks


SECTIONS = [("watch", watch_section, watch_report, watch_checks),
            ("batches", batch_section, batch_report, batch_checks)]
