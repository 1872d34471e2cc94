"""The plain-text rendering: every word there, lines <= 78 at word boundaries, deterministic."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from presskit.source.brand import default_brand
from presskit.content.build import build_content
from presskit.content.plaintext import WIDTH, render_text
from presskit.source.model import Link, Release, load_release

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "releases").glob("*.yaml"))
WORD = re.compile(r"\w+")


def _source_words(release: Release) -> list[str]:
    """The words of every text the release prints (Markdown markers and URLs included)."""
    texts = [release.title, release.subtitle, release.lead, release.body, release.number, release.place,
             release.about, release.closing]
    if release.facts:
        texts += [release.facts.title] + [t for i in release.facts.items for t in (i.text, i.label, i.value)]
    for image in release.images:
        texts += [image.caption, image.credit]
    for link in release.links:
        texts += [link.text, link.url]
    if release.contact:
        texts += [release.contact.title]
        texts += [t for p in release.contact.people for t in (p.name, p.role, p.phone, p.email)]
    return [w for text in texts if text for w in WORD.findall(text)]


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    release = load_release(request.param)
    return release, render_text(build_content(release, default_brand()))


def test_every_word_of_the_release_is_in_the_text(example):
    release, text = example
    words = set(WORD.findall(text))
    missing = sorted({w for w in _source_words(release) if w not in words})
    assert not missing


def test_lines_fit_and_break_between_words(example):
    release, text = example
    for line in text.splitlines():
        if len(line) > WIDTH:
            # only a token that cannot be broken (a URL) may be longer, alone on its line
            assert len(line.strip().split(" ")) == 1 or line.lstrip("-> ").count(" ") == 0, line
    assert "\u00ad" not in text and "\t" not in text
    # a word hyphenated at a line end would show as 'Wort-' + 'teil' on the next line
    body_words = set(WORD.findall(release.body))
    for line, following in zip(text.splitlines(), text.splitlines()[1:]):
        if line.endswith("-") and not line.strip("-= ") == "" and following:
            joined = line.rsplit(" ", 1)[-1][:-1] + following.split(" ")[0]
            assert joined not in body_words


def test_deterministic(example):
    release, text = example
    assert render_text(build_content(release, default_brand())) == text


def test_typography_kept_and_parts_in_order():
    release = load_release(REPO / "releases" / "2026-12-03-kreisstrasse-freigegeben.yaml")
    text = render_text(build_content(release, default_brand())).replace("\u00a0", " ")
    assert "„Wer hier jeden Tag" in text and "gepflanzt – mehr" in text
    assert "10:00 Uhr" in text
    order = ["PRESSEMITTEILUNG", "Nr. 112/2026", "Salzwedel, 03.12.2026", "Sperrfrist:", "Kreisstraße zwischen",
             "4,8 Kilometer neue Fahrbahn", "Die Kreisstraße K 1390", "Breiter, sicherer, leiser\n---",
             "> „Wer hier", "> — Erika Mustermann", "Auf einen Blick\n---", "- K 1390",
             "Foto: presskit", "Pressekontakt\n---", "Telefon 03901", "Über den Altmarkkreis", "Ihre Pressestelle"]
    positions = [text.find(s) for s in order]
    assert -1 not in positions, [s for s, p in zip(order, positions) if p < 0]
    assert positions == sorted(positions)


def test_lists_links_and_long_urls():
    url = "https://www.example.org/" + "sehr-langer-pfad/" * 6 + "datei.pdf"
    release = Release(
        title="T", date=dt.date(2026, 1, 2),
        body="1. eins\n2. zwei mit [Link](https://example.org/a)\n\n- Punkt\n\nSiehe " + url + " bitte.",
        links=(Link(text="Die Unterlagen zum Download als PDF-Datei mit allen Anlagen", url=url),),
    )
    text = render_text(build_content(release, default_brand()))
    lines = text.splitlines()
    assert "1. eins" in lines and "2. zwei mit Link (https://example.org/a)" in lines and "- Punkt" in lines
    long = [line for line in lines if len(line) > WIDTH]
    assert long and all(line.strip() == url for line in long)
    assert "Weitere Informationen" in lines
