"""The built newsroom as files: valid HTML, every link resolves, feeds read back, the same
files twice, user text escaped, and the page says what the content document says."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import html5lib
import pytest

from presskit.source.brand import default_brand
from presskit.content.build import build_content
from presskit.source.model import load_release
from presskit.web.site import MARKER, build_site
from websupport import AFTER, BASE, RELEASES, ROAD, pages
from webfixtures import browser, kit_file, served, shots, site_after, site_before  # noqa: F401 - fixtures (not a conftest: tests/conftest.py is imported as 'conftest')

EXAMPLES = sorted(p.stem for p in RELEASES.glob("*.yaml"))


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []   # (tag, attribute, value)
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.refs.append((tag, name, attrs[name]))
        if tag == "meta" and attrs.get("property") in ("og:url", "og:image"):
            self.refs.append((tag, "content", attrs["content"]))
        self._script = tag == "script"

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts.append(data)


def _parse(path: Path) -> _Collect:
    collect = _Collect()
    collect.feed(path.read_text(encoding="utf-8"))
    return collect


def _target(site: Path, page: Path, ref: str) -> tuple[Path, str] | None:
    """The file under ``site`` a reference points at (None for other sites, mailto, tel)."""
    page_url = BASE + page.relative_to(site).as_posix()
    url = urljoin(page_url, ref)
    if not url.startswith(BASE):
        assert not ref.startswith(("//", "/")), f"{page}: {ref} leaves the site"
        return None
    parts = urlsplit(url)
    rel = unquote(parts.path[len(urlsplit(BASE).path):])
    target = site / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def test_the_kit_page(site_after):
    text = (site_after / "kits/pressemappe/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1>Pressegespräch zur Kreisstraße und zum Glasfaserausbau</h1>", text)
    assert '<h3><a href="../../2026-12-03-kreisstrasse-freigegeben/">Kreisstraße zwischen' in text
    assert '<h3><a href="../../2027-02-09-glasfaser-bauabschnitt/">Glasfaser für' in text
    assert '<h2 id="doc-2">Der Landkreis in Zahlen</h2>' in text or "Der Landkreis in Zahlen</h2>" in text
    assert re.search(r"<h3[^>]*>Verwaltung</h3>", text)     # the document's ## under its h2
    assert "Foto: Pressestelle" in text and "Abdruck honorarfrei bei Nennung der Quelle" in text
    assert (site_after / "kits/pressemappe/allee.jpg").is_file()
    index = (site_after / "index.html").read_text(encoding="utf-8")
    assert '<a href="kits/pressemappe/">Pressegespräch zur Kreisstraße' in index


def test_the_example_newsroom(site_after):
    names = sorted(p.parent.name for p in site_after.glob("*/index.html") if p.parent.name != "kits")
    assert names == EXAMPLES
    assert (site_after / "index.html").is_file() and (site_after / MARKER).is_file()
    for name in EXAMPLES:
        assert (site_after / name / f"{name}.pdf").read_bytes().startswith(b"%PDF-")
    # the road release's photo at full resolution, byte for byte
    photo = RELEASES / "images/kreisstrasse-allee.jpg"
    assert (site_after / ROAD / "kreisstrasse-allee.jpg").read_bytes() == photo.read_bytes()


@pytest.mark.parametrize("which", ["site_before", "site_after"])
def test_every_page_parses_without_errors(which, request):
    site = request.getfixturevalue(which)
    for page in pages(site):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(page.read_bytes())
        assert parser.errors == [], f"{page.relative_to(site)}: {parser.errors[:5]}"


def test_every_internal_link_and_asset_resolves(site_after):
    checked = 0
    for page in pages(site_after):
        for tag, attr, ref in _parse(page).refs:
            found = _target(site_after, page, ref)
            if found is None:
                assert re.match(r"(https?|mailto|tel):", ref), f"{page}: {tag} {attr}={ref!r}"
                continue
            target, fragment = found
            assert target.is_file(), f"{page.relative_to(site_after)}: {tag} {attr}={ref!r} -> missing {target}"
            if fragment:
                assert fragment in _parse(target).ids, f"{page}: #{fragment} not in {target}"
            checked += 1
    css = (site_after / "assets/site.css").read_text(encoding="utf-8")
    fonts = re.findall(r'url\("([^"]+)"\)', css)
    assert len(fonts) == 5  # the brand's four faces and the fallback
    for font in fonts:
        assert (site_after / "assets" / font).read_bytes()[:4] == b"wOF2"
    assert checked > 50


def test_release_page_maps_the_content_document(site_after):
    release = load_release(RELEASES / f"{ROAD}.yaml")
    section = build_content(release, default_brand()).releases()[0]
    page = site_after / ROAD / "index.html"
    text = page.read_text(encoding="utf-8")
    collect = _parse(page)
    tags = [tag for tag, _ in collect.tags]
    assert re.search(r'<html lang="de">', text)
    assert tags.count("h1") == 1
    # headings never skip a level
    levels = [int(tag[1]) for tag in tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    # the headline, the lead, the quote with its attribution, the facts, the figure with its credit
    h1 = re.search(r"<h1>(.*?)</h1>", text, re.S).group(1)
    assert html.unescape(h1) == "".join(s.text for s in section.headline.content)
    assert re.search(r'<figure class="quote">\s*<blockquote>.*?</blockquote>\s*<figcaption>— <cite>Erika Mustermann',
                     text, re.S)
    assert text.count("<li>") >= len(section.facts.bullets)
    # the photo shown in a copy 1400 px wide, linked to the full-resolution file
    assert re.search(r'<figure class="photo">\s*<a href="kreisstrasse-allee.jpg"><img src="kreisstrasse-allee-web.jpg" '
                     r'width="1400" height="933" alt="Eine gerade', text)
    from PIL import Image

    with Image.open(site_after / ROAD / "kreisstrasse-allee-web.jpg") as shown:
        assert shown.size == (1400, 933)
    assert "Foto in voller Auflösung (JPEG, 2400\u00a0×\u00a01600\u00a0Pixel, 352\u00a0KB)" in text
    assert "Foto: presskit (generated illustration)" in text
    assert "Nutzung: Abdruck honorarfrei bei Nennung der Quelle" in text
    assert re.search(r'<a class="pdf" href="2026-12-03-kreisstrasse-freigegeben.pdf">Pressemitteilung als PDF zum Ausdrucken', text)
    assert "Nr.\u00a0112/2026" in text and '<time datetime="2026-12-03">Salzwedel, 03.12.2026</time>' in text
    # Open Graph, canonical and schema.org
    canonical = f"{BASE}{ROAD}/"
    assert f'<link rel="canonical" href="{canonical}">' in text
    assert f'<meta property="og:url" content="{canonical}">' in text
    assert f'<meta property="og:image" content="{canonical}kreisstrasse-allee-web.jpg">' in text
    data = json.loads(collect.scripts[0])
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert data["headline"] == section.heading_text and data["url"] == canonical
    assert data["datePublished"] == "2026-12-03T10:00:00+01:00"
    assert data["keywords"] == list(release.keywords)
    # the English release is marked as English, in its own words
    english = (site_after / "2026-11-20-partnership-visit/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "Press release as PDF for printing" in english
    # the brand's German name lines and address are marked as German on the English page
    assert '<p class="org" lang="de">' in english and '<address lang="de">' in english
    assert 'lang="de"' not in text.split("<body>")[1]


def test_index_is_newest_first_by_year(site_after):
    text = (site_after / "index.html").read_text(encoding="utf-8")
    years = re.findall(r'<h2 id="jahr-(\d{4})">', text)
    assert years == ["2027", "2026", "2019"]
    order = re.findall(r'<h3><a href="([^"]+)/">', text)
    assert order == ["kits/pressemappe", *sorted(EXAMPLES, reverse=True)]
    assert text.count("<h1>") == 1


def test_feeds_read_back(site_after):
    for name, version in (("feed.rss", "rss20"), ("feed.atom", "atom10")):
        feed = feedparser.parse((site_after / name).read_bytes())
        assert feed.bozo == 0, (name, feed.get("bozo_exception"))
        assert feed.version == version
        links = [e.link for e in feed.entries]
        assert links == [f"{BASE}{n}/" for n in sorted(EXAMPLES, reverse=True)], name
        road = feed.entries[links.index(f"{BASE}{ROAD}/")]
        assert road.title.startswith("Kreisstraße zwischen Lindenhagen")
        assert road.id == f"{BASE}{ROAD}/"
        assert road.summary.startswith("Die Kreisstraße K\u00a01390 zwischen") or road.summary.startswith("Die Kreisstraße K 1390")
        assert [t.term for t in road.tags] == ["Kreisstraße", "Straßenbau", "Verkehrsfreigabe", "Allee", "Radweg"]
        assert road.published_parsed[:5] == (2026, 12, 3, 9, 0)   # 10:00 in Berlin is 09:00 UTC
        enclosures = road.enclosures
        assert len(enclosures) == 1 and enclosures[0].type == "application/pdf"
        pdf = site_after / ROAD / f"{ROAD}.pdf"
        assert enclosures[0].href == f"{BASE}{ROAD}/{ROAD}.pdf"
        assert int(enclosures[0].length) == pdf.stat().st_size


def test_two_builds_give_identical_files(site_after, kit_file, tmp_path):
    again = tmp_path / "again"
    build_site([RELEASES], again, BASE, AFTER, kits=[kit_file])
    first = {p.relative_to(site_after): p.read_bytes() for p in site_after.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], name


HOSTILE = textwrap.dedent("""\
    title: 'Kreistag <script>alert(1)</script> & "Haushalt"'
    date: 2026-11-24
    number: 1/2026
    lead: 'Ein <img src=x onerror=alert(2)> Test & mehr'
    body: |
      Text mit <b>Tags</b> und [einem Link](javascript:alert(3)) und </script><script>alert(4)</script>.

      > "Zitat <i>kursiv</i>"
      > — Name <u>Rolle</u>
    keywords: [<Schlagwort>, 'A & B']
    facts:
      - 'Kosten: <1 Mio. €'
    links:
      - text: '<em>Seite</em>'
        url: https://example.org/?a=1&b=<2>
    """)


def test_user_text_is_always_escaped(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "site"
    result = build_site([folder], out, BASE, AFTER)
    assert result.ok, result.diagnostics
    for path in [*pages(out)]:
        text = path.read_text(encoding="utf-8")
        for needle in ("<script>alert", "<img src=x", "<b>Tags", "<i>kursiv", "<u>Rolle", "<em>Seite",
                       "href=\"javascript:", "<Schlagwort>", "</script><script>"):
            assert needle not in text, (path, needle)
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(path.read_bytes())
        assert parser.errors == [], parser.errors[:3]
    page = (out / "hostile/index.html").read_text(encoding="utf-8")
    assert "Kreistag &lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    data = json.loads(_parse(out / "hostile/index.html").scripts[0])
    assert data["headline"].startswith("Kreistag <script>alert(1)</script> & ")
    for name in ("feed.rss", "feed.atom"):
        feed = feedparser.parse((out / name).read_bytes())
        assert feed.bozo == 0
        assert feed.entries[0].title.startswith("Kreistag <script>alert(1)</script> & ")
        assert [t.term for t in feed.entries[0].tags] == ["<Schlagwort>", "A & B"]


def test_a_bad_release_is_reported_and_the_others_published(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "good.yaml").write_text("title: Gut\ndate: 2026-11-24\nbody: Text.\n", encoding="utf-8")
    (folder / "bad.yaml").write_text("title: Schlecht\ndate: 2026-11-31\nbody: Text.\n", encoding="utf-8")
    result = build_site([folder], tmp_path / "site", BASE, AFTER)
    assert not result.ok
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert [d.location.file for d in errors] == [str(folder / "bad.yaml")]
    # the good one is published with its warnings (a body this short is one), as 'presskit build' does
    assert {d.location.file for d in result.diagnostics} == {str(folder / "bad.yaml"), str(folder / "good.yaml")}
    assert result.published == ("good",)
    assert (tmp_path / "site/good/index.html").is_file() and not (tmp_path / "site/bad").exists()


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path):
    from presskit.errors import UsageError

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.txt").write_text("do not delete", encoding="utf-8")
    with pytest.raises(UsageError):
        build_site([RELEASES], folder, BASE, AFTER)
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "do not delete"
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]   # no temporary folder left behind


def test_a_build_that_fails_midway_leaves_the_old_site_as_it_was(tmp_path, monkeypatch):
    import presskit.web.site as site_module

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.yaml").write_text("title: Erste\ndate: 2026-11-24\nbody: Text.\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site([folder], out, BASE, AFTER)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (folder / "b.yaml").write_text("title: Zweite\ndate: 2026-11-25\nbody: Text.\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(site_module, "_write_site", broken)
    with pytest.raises(OSError):
        build_site([folder], out, BASE, AFTER)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["releases", "site"]   # the temporary folder is gone


def test_every_page_has_one_h1_and_headings_in_order(site_after):
    for page in pages(site_after):
        tags = [tag for tag, _ in _parse(page).tags if re.fullmatch(r"h[1-6]", tag)]
        levels = [int(tag[1]) for tag in tags]
        assert levels.count(1) == 1 and levels[0] == 1, (page, levels)
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)
        collect = _parse(page)
        for tag, attrs in collect.tags:
            if tag == "img":
                assert "alt" in attrs, page
            if tag == "html":
                assert attrs.get("lang") in ("de", "en"), page


def test_a_brand_of_its_own_colours_logo_fonts_and_time_zone(tmp_path):
    from PIL import Image

    folder = tmp_path / "releases"
    folder.mkdir()
    Image.new("RGB", (120, 140), (200, 30, 30)).save(tmp_path / "wappen.png")
    (tmp_path / "presskit.yaml").write_text(textwrap.dedent("""\
        organisation: Stadt Beispiel
        address: {street: Markt 1, postcode: "01067", city: Dresden}
        logo: {file: wappen.png, alt: Wappen der Stadt Beispiel}
        colours: {primary: "#7A1F2B"}
        timezone: America/New_York
        """), encoding="utf-8")
    # the embargo and --now are the brand's local time; the dates published carry its offset
    (folder / "a.yaml").write_text("title: Eins\ndate: 2026-11-24\nembargo: 2026-11-24 10:00\nbody: Text.\n",
                                   encoding="utf-8")
    out = tmp_path / "site"
    result = build_site([folder], out, BASE, dt.datetime(2026, 11, 24, 9, 59))
    assert result.published == ()
    result = build_site([folder], out, BASE, dt.datetime(2026, 11, 24, 10, 0))
    assert result.published == ("a",)
    page = (out / "a/index.html").read_text(encoding="utf-8")
    assert '<img class="logo" src="../assets/logo.png" alt="Wappen der Stadt Beispiel"' in page
    assert (out / "assets/logo.png").read_bytes() == (tmp_path / "wappen.png").read_bytes()
    assert "--primary: #7A1F2B;" in (out / "assets/site.css").read_text(encoding="utf-8")
    data = json.loads(_parse(out / "a/index.html").scripts[0])
    assert data["datePublished"] == "2026-11-24T10:00:00-05:00"
