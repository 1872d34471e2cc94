"""Embargo: before its time, no byte of an embargoed release is anywhere under SITE/ —
not its words in any page, feed or copied PDF, not its photo, not its PDF; the run
after its time publishes it (into the same folder)."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import textwrap
import unicodedata
from pathlib import Path

import pypdfium2

from presskit.source.brand import default_brand
from presskit.content.build import build_content
from presskit.content.plaintext import render_text
from presskit.source.model import load_release
from presskit.web.site import build_site
from websupport import AFTER, BASE, BEFORE, RELEASES, ROAD
from webfixtures import browser, kit_file, served, shots, site_after, site_before  # noqa: F401 - fixtures (not a conftest: tests/conftest.py is imported as 'conftest')

WORD = re.compile(r"[^\W\d_]{5,}", re.UNICODE)


def _texts(site: Path) -> dict[Path, str]:
    """Everything readable under ``site``: files as text (HTML entities resolved), PDFs by their text layer."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        if path.suffix == ".pdf":
            pdf = pypdfium2.PdfDocument(data)
            try:
                text += "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
            finally:
                pdf.close()
        out[path] = unicodedata.normalize("NFC", html.unescape(text)).replace("\u00ad", "").replace("\ufffe", "")
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _release_text(path: Path) -> str:
    """The release as the site would say it: every text of its content document."""
    return render_text(build_content(load_release(path), default_brand()))


_CHROME: set[str] = set()


def _chrome_words() -> set[str]:
    """The words presskit writes on every site by itself (header, footer, feeds, PDF metadata),
    from a site of one release that says nothing but "Text."."""
    if not _CHROME:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "releases"
            folder.mkdir()
            (folder / "x.yaml").write_text("title: T\ndate: 2026-11-24\nbody: Text.\n", encoding="utf-8")
            build_site([folder], Path(tmp) / "site", BASE, AFTER)
            for text in _texts(Path(tmp) / "site").values():
                _CHROME.update(_words(text))
    return _CHROME


def _own_words() -> tuple[set[str], list[str]]:
    """The road release's words that no other example uses and presskit does not write by
    itself, and its title, lead and body paragraphs."""
    road = load_release(RELEASES / f"{ROAD}.yaml")
    others: set[str] = set(_chrome_words())
    for path in RELEASES.glob("*.yaml"):
        if path.stem != ROAD:
            others |= _words(_release_text(path))
    section = build_content(road, default_brand()).releases()[0]
    own = _words(_release_text(RELEASES / f"{ROAD}.yaml")) - others
    phrases = [section.heading_text, "".join(s.text for s in section.lead.content)]
    for block in section.body.blocks:
        if type(block).__name__ == "Paragraph":
            phrases.append("".join(s.text for s in block.content))
    return own, phrases


def test_embargoed_release_leaves_no_trace_before_its_time(site_before):
    own, phrases = _own_words()
    assert len(own) > 60   # "Lindenhagen", "Wiesenbrück", "Winterlinden", "Schlaglöcher", ...
    assert {"lindenhagen", "wiesenbrück", "winterlinden", "kreisstraße"} <= own
    photo = (RELEASES / "images/kreisstrasse-allee.jpg").read_bytes()
    digest = hashlib.sha256(photo).digest()
    assert not (site_before / ROAD).exists()
    assert not (site_before / "kits").exists()   # the kit holds the road release: it waits too
    assert not [p for p in site_before.rglob("*") if "kreisstrasse" in p.name or "allee" in p.name]
    for path, text in _texts(site_before).items():
        rel = path.relative_to(site_before)
        found = own & _words(text)
        assert not found, f"{rel} has the embargoed release's words {sorted(found)[:8]}"
        for phrase in phrases:
            assert phrase[:40] not in text, f"{rel} has {phrase[:40]!r}"
        data = path.read_bytes()
        assert hashlib.sha256(data).digest() != digest, f"{rel} is the embargoed photo"
        assert photo[2000:2400] not in data, f"{rel} holds part of the embargoed photo"
        assert ROAD not in text and "112/2026" not in text, rel


def test_the_run_after_the_embargo_publishes_it_into_the_same_folder(tmp_path):
    out = tmp_path / "site"
    first = build_site([RELEASES], out, BASE, BEFORE)
    assert [source for source, _ in first.held] == [str(RELEASES / f"{ROAD}.yaml")]
    assert ROAD not in first.published and not (out / ROAD).exists()
    second = build_site([RELEASES], out, BASE, AFTER)
    assert second.held == () and ROAD in second.published
    own, phrases = _own_words()
    texts = _texts(out)
    page = texts[out / ROAD / "index.html"]
    for phrase in phrases:
        assert phrase in page, phrase[:40]
    everything = "\n".join(texts.values())
    assert own <= _words(everything)
    for feed in ("feed.rss", "feed.atom", "index.html"):
        assert phrases[0] in texts[out / feed], feed
    assert (out / ROAD / "kreisstrasse-allee.jpg").read_bytes() == (RELEASES / "images/kreisstrasse-allee.jpg").read_bytes()
    assert (out / ROAD / f"{ROAD}.pdf").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]   # no temporary or old folder left


MARKED = textwrap.dedent("""\
    title: Quorxwindel-Sonderschau im Kreishaus eröffnet
    date: 2026-12-10
    number: 999/2026
    embargo: 2026-12-10 10:00
    lead: Die Ausstellung Quorxwindel zeigt Zwiebelknarzen aus drei Jahrhunderten.
    body: |
      Die Quorxwindel-Sammlung umfasst 140 Zwiebelknarzen.

      ## Plimbatorium

      Das Plimbatorium ist werktags geöffnet.
    images:
      - file: images/schau.jpg
        caption: Quorxwindel-Vitrine im Foyer.
        credit: Pressestelle
        alt: Eine Glasvitrine mit Zwiebelknarzen.
    keywords: [Quorxwindel]
    """)


def test_a_marked_release_in_any_encoding(tmp_path):
    """A release of made-up words: none of them, in UTF-8, UTF-16 or as an HTML or
    XML character reference, anywhere under SITE/ before the embargo (the brand's zone)."""
    import datetime as dt

    folder = tmp_path / "releases"
    (folder / "images").mkdir(parents=True)
    shutil.copyfile(RELEASES / "images/kreisstrasse-allee.jpg", folder / "images/schau.jpg")
    (folder / "schau.yaml").write_text(MARKED, encoding="utf-8")
    (folder / "other.yaml").write_text("title: Anderes\ndate: 2026-11-24\nbody: Text.\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build_site([folder], out, BASE, dt.datetime(2026, 12, 10, 9, 59))
    assert result.published == ("other",)
    markers = ("Quorxwindel", "Zwiebelknarzen", "Plimbatorium", "999/2026", "schau")
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for marker in markers:
            for form in (marker.encode(), marker.encode("utf-16-be"), marker.encode("utf-16-le"),
                         "".join(f"&#{ord(c)};" for c in marker).encode()):
                assert form not in data, (path, marker)
        for text in _texts(out).values():
            assert "Quorxwindel" not in text and "Zwiebelknarzen" not in text
    result = build_site([folder], out, BASE, dt.datetime(2026, 12, 10, 10, 0))
    assert result.published == ("schau", "other")
    assert "Quorxwindel-Sonderschau" in (out / "schau/index.html").read_text(encoding="utf-8")
    assert (out / "schau/schau.jpg").is_file()
