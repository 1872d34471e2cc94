"""The example newsroom, built once per session: before and after the road release's embargo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from presskit.web.site import build_site
from websupport import AFTER, AXE_JS, BASE, BEFORE, CHROMIUM, RELEASES, SHOTS


@pytest.fixture(scope="session")
def site_before(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("before") / "site"
    result = build_site([RELEASES], out, BASE, BEFORE)
    assert result.ok, result.diagnostics
    return out


@pytest.fixture(scope="session")
def site_after(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("after") / "site"
    result = build_site([RELEASES], out, BASE, AFTER)
    assert result.ok, result.diagnostics
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
