"""The pages in a real browser: axe-core finds nothing at WCAG 2.1 AA, nothing is loaded
from elsewhere, and the pages read on a phone (no sideways scrolling) and on a desktop."""

from __future__ import annotations

import json

import pytest

from websupport import AXE_JS, ROAD, pages
from webfixtures import browser, kit_file, served, shots, site_after, site_before  # noqa: F401 - fixtures (not a conftest: tests/conftest.py is imported as 'conftest')

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    return page, requests


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return result["violations"]


def _summary(violations: list[dict]) -> str:
    return json.dumps([{"id": v["id"], "help": v["help"], "nodes": [n["html"][:160] for n in v["nodes"][:3]]}
                       for v in violations], indent=1, ensure_ascii=False)


def test_every_page_has_no_axe_violations_and_loads_nothing_from_elsewhere(browser, served):
    site, root = served
    checked = 0
    for path in pages(site):
        rel = path.relative_to(site).as_posix()
        for width in (375, 1280):
            page, requests = _open(browser, root + rel, width)
            try:
                violations = _axe(page)
                assert violations == [], f"{rel} at {width} px:\n{_summary(violations)}"
                outside = [u for u in requests if not u.startswith(root)]
                assert outside == [], f"{rel} requested {outside}"
                # the brand's font is the one used, loaded from the site itself
                assert page.evaluate("document.fonts.check('16px \"presskit brand\"')"), rel
                assert any(u.endswith("/assets/fonts/regular.woff2") for u in requests), rel
                # readable on a phone: nothing wider than the window
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{rel} scrolls sideways by {overflow} px at {width} px"
            finally:
                page.close()
            checked += 1
    assert checked == 2 * 6  # the index, four releases and the kit, at both widths


def test_screenshots_of_a_release_and_the_index(browser, served, shots):
    site, root = served
    for name, rel, width in ((f"release-{ROAD}-375", f"{ROAD}/index.html", 375),
                             (f"release-{ROAD}-1280", f"{ROAD}/index.html", 1280),
                             ("index-1280", "index.html", 1280),
                             ("kit-1280", "kits/pressemappe/index.html", 1280),
                             ("index-375", "index.html", 375)):
        page, _ = _open(browser, root + rel, width)
        try:
            # every image shown has loaded, and is decoded before the picture is taken
            # (photos decode asynchronously: the screenshot showed an empty frame)
            broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
            assert broken == 0, rel
            page.evaluate("Promise.all([...document.images].map(i => i.decode()))")
            page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        finally:
            page.close()
        assert (shots / f"{name}.png").stat().st_size > 10_000


def test_the_browser_loads_and_uses_every_woff2_face(browser, served):
    """Each @font-face loads (a broken or mislabelled WOFF2 would end in 'error'), the
    text is set in the brand's font, and the back link's arrow comes from the fallback."""
    site, root = served
    page, requests = _open(browser, root + f"{ROAD}/index.html", 1280)
    try:
        faces = page.evaluate("""async () => {
            await Promise.all([...document.fonts].map(f => f.load().catch(() => null)));
            return [...document.fonts].map(f => [f.family, f.weight, f.style, f.status]);
        }""")
        assert sorted(faces) == sorted(
            [['presskit brand', w, s, "loaded"] for w in ("400", "700") for s in ("normal", "italic")]
            + [['presskit fallback', "100 900", "normal", "loaded"]]), faces
        assert page.evaluate("document.fonts.check('16px \"presskit brand\"')")
        assert page.evaluate("document.fonts.check('16px \"presskit fallback\"', '←')")
        fonts = sorted(u.rsplit("/", 1)[1] for u in requests if "/assets/fonts/" in u)
        assert fonts and all(name.endswith(".woff2") for name in fonts), fonts
    finally:
        page.close()


def test_the_print_stylesheet_hides_the_navigation(browser, served):
    site, root = served
    page, _ = _open(browser, root + f"{ROAD}/index.html", 1280)
    try:
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.site-header nav', '.downloads', '.back']
            .map(s => getComputedStyle(document.querySelector(s)).display)""")
        assert hidden == ["none", "none", "none"]
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).display") == "block"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        page.close()


def test_axe_runs_and_would_report_a_violation(browser):
    """The harness itself: axe-core is injected and reports what it should (an image
    without alt text, text too faint to read), so an empty list above means something."""
    page = browser.new_page()
    try:
        page.set_content('<!DOCTYPE html><html lang="de"><title>t</title><main><h1>t</h1>'
                         '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                         '<p style="color:#bbb;background:#fff">blass</p></main></html>')
        ids = {v["id"] for v in _axe(page)}
    finally:
        page.close()
    assert {"image-alt", "color-contrast"} <= ids
