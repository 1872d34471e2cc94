"""Constants and helpers of the website tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "releases"
BASE = "https://www.example.org/presse/"
ROAD = "2026-12-03-kreisstrasse-freigegeben"
BEFORE = dt.datetime(2026, 12, 3, 9, 59)   # a minute before the road release's embargo
AFTER = dt.datetime(2026, 12, 3, 10, 0)    # the embargo's minute: published
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(os.environ.get("PRESSKIT_AXE_JS", REPO / "tests/web/.axe/node_modules/axe-core/axe.min.js"))
SHOTS = REPO / "tests/output/web"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
