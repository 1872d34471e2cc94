"""The example newsroom, built once per session: before and after the road release's embargo (fixtures the web tests import)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from presskit.web.site import build_site
from websupport import AFTER, AXE_JS, BASE, BEFORE, CHROMIUM, RELEASES, SHOTS


KIT = """\
title: Pressegespräch zur Kreisstraße und zum Glasfaserausbau
date: 2026-12-03
place: Salzwedel
cover: |
  Der Landkreis stellt die freigegebene Kreisstraße zwischen Lindenhagen und
  Wiesenbrück und den zweiten Bauabschnitt des Glasfasernetzes vor.
releases:
  - {road}
  - {fibre}
documents:
  - title: Der Landkreis in Zahlen
    text: |
      Rund 2.290 Quadratkilometer.

      ## Verwaltung

      - Kreisstraßen
      - Breitband
photos:
  - file: images/allee.jpg
    caption: Die Allee an der Kreisstraße.
    credit: Pressestelle
    alt: Eine Landstraße mit Alleebäumen.
"""


@pytest.fixture(scope="session")
def kit_file(tmp_path_factory) -> Path:
    """A press kit with the road release (under embargo until AFTER) and the fibre release."""
    folder = tmp_path_factory.mktemp("kit")
    (folder / "images").mkdir()
    shutil.copyfile(RELEASES / "images/kreisstrasse-allee.jpg", folder / "images/allee.jpg")
    path = folder / "pressemappe.yaml"
    path.write_text(KIT.format(road=RELEASES / "2026-12-03-kreisstrasse-freigegeben.yaml",
                               fibre=RELEASES / "2027-02-09-glasfaser-bauabschnitt.yaml"), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def site_before(tmp_path_factory, kit_file) -> Path:
    out = tmp_path_factory.mktemp("before") / "site"
    result = build_site([RELEASES], out, BASE, BEFORE, kits=[kit_file])
    assert result.ok, result.diagnostics
    assert [source for source, _ in result.held][-1] == str(kit_file)
    return out


@pytest.fixture(scope="session")
def site_after(tmp_path_factory, kit_file) -> Path:
    out = tmp_path_factory.mktemp("after") / "site"
    result = build_site([RELEASES], out, BASE, AFTER, kits=[kit_file])
    assert result.ok, result.diagnostics
    assert (out / "kits/pressemappe/index.html").is_file()
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (.ci/run installs it)")
    if not AXE_JS.is_file():
        pytest.skip(f"browser tests need axe-core at {AXE_JS} (.ci/run: npm install --prefix tests/web/.axe axe-core@4)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need Python Playwright (pip install playwright; no 'playwright install')")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def served(site_after):
    """The site after the embargo on a local server: (site folder, base URL)."""
    import threading

    from presskit.web.serve import make_server

    server = make_server(site_after, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site_after, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def shots() -> Path:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    return SHOTS
