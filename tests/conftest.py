"""Shared fixtures: the example releases built once per session, and helpers to write releases.

``pytest --update-references`` makes the pixel tests rewrite their reference images.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import os

import pytest

# The tests read English messages, whatever the machine's locale; tests of the
# German messages switch the language themselves (tests/test_i18n.py).
os.environ["LANGUAGE"] = "en"

REPO = Path(__file__).resolve().parent.parent
RELEASES = REPO / "releases"
EXAMPLES = sorted(RELEASES.glob("*.yaml"))

# The examples the PDF tests talk about by name.
CAMPAIGN = "2019-01-18-stark-sozial-vor-ort"
PARTNERSHIP = "2026-11-20-partnership-visit"
ROAD = "2026-12-03-kreisstrasse-freigegeben"
FIBRE = "2027-02-09-glasfaser-bauabschnitt"


def pytest_addoption(parser):
    parser.addoption(
        "--update-references",
        action="store_true",
        default=False,
        help="rewrite tests/references/*.png from the current rendering instead of comparing",
    )


UPDATED: list[str] = []  # reference images rewritten in this run


def pytest_terminal_summary(terminalreporter):
    if UPDATED:
        terminalreporter.section("updated references")
        for path in UPDATED:
            terminalreporter.write_line(f"rewrote {path}")


@pytest.fixture(scope="session")
def update_references(request) -> bool:
    return bool(request.config.getoption("--update-references"))


@dataclass(frozen=True)
class Built:
    """One example release and the PDF built from it."""

    name: str
    source: Path
    pdf: Path

    @property
    def data(self) -> bytes:
        return self.pdf.read_bytes()


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory) -> dict[str, Built]:
    """Every ``releases/*.yaml`` built once into a session folder, by stem."""
    from presskit.jobs import build_one

    out = tmp_path_factory.mktemp("examples")
    built: dict[str, Built] = {}
    problems = []
    for source in EXAMPLES:
        target = out / f"{source.stem}.pdf"
        result = build_one(source, target)
        if not result.ok:
            problems.append("\n".join(d.format() for d in result.diagnostics))
            continue
        built[source.stem] = Built(source.stem, source, target)
    assert not problems, "example releases failed to build:\n" + "\n".join(problems)
    return built


@pytest.fixture
def write_release(tmp_path):
    """``write_release(text, name="release.yaml", folder=None)`` writes a release (dedented) and returns its path."""

    def write(text: str | bytes, name: str = "release.yaml", folder: Path | None = None) -> Path:
        folder = folder or tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


MINIMAL_RELEASE = """\
title: Neue Bänke im Kreispark
date: 2026-03-01
body: |
  Der Landkreis hat im Kreispark zwölf neue Bänke aufgestellt.
"""


@pytest.fixture
def minimal_release(write_release) -> Path:
    return write_release(MINIMAL_RELEASE, name="2026-03-01-baenke.yaml")


# -- hypothesis profiles ------------------------------------------------------------
# ``quick`` (the default) keeps the fuzz suite (tests/test_fuzz.py) to a few dozen builds;
# ``pytest --hypothesis-profile=long`` runs thousands. Tests that set their own
# ``max_examples`` keep it in both.
#
# ``quick`` draws the same examples on every run (derandomized): the test command gives the
# same answer on every machine and every try, so a commit lands or fails on its own merits,
# not on a lucky draw. Finding new inputs is the ``long`` profile's job: it draws at random
# (a new seed per run, or --hypothesis-seed), and what it finds becomes a test of its own.
import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("quick", max_examples=40, deadline=None, derandomize=True, database=None)
settings.register_profile(
    # PRESSKIT_FUZZ_EXAMPLES splits a long run over several processes (with different --hypothesis-seed)
    "long", max_examples=int(os.environ.get("PRESSKIT_FUZZ_EXAMPLES", "5000")), deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("quick")
