"""The content document: what goes where, decided once, for every renderer."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from presskit.source.brand import default_brand
from presskit.content import document as c
from presskit.content.build import build_content
from presskit.errors import Location
from presskit.source.model import Contact, Facts, FactItem, Image, Link, Person, Release, load_release
from presskit.source.loader import parse_yaml
from presskit.source.model import validate_release

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "releases").glob("*.yaml"))


def _flat(text: str) -> str:
    """Text with no-break spaces as spaces (where smartening puts them is not the point here)."""
    return text.replace("\u00a0", " ")


def _release(text: str) -> Release:
    return validate_release(parse_yaml(text, "r.yaml", REPO / "releases" / "r.yaml"))


def _headings(blocks, found=None):
    found = [] if found is None else found
    for block in blocks:
        if isinstance(block, c.Heading):
            found.append(block.level)
        elif isinstance(block, c.ListBlock):
            for item in block.items:
                _headings(item, found)
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_parts_in_reading_order_and_levels_never_skip(path):
    release = load_release(path)
    doc = build_content(release, default_brand())
    (section,) = doc.sections
    kinds = [type(part).__name__ for part in section.parts]
    order = ["Head", "Embargo", "Headline", "Subtitle", "Lead", "Body", "FactsBox", "Figure", "Links",
             "ContactBlock", "About", "Closing"]
    assert kinds == sorted(kinds, key=order.index)
    assert kinds[:1] == ["Head"] and "Headline" in kinds and "Body" in kinds
    levels = [1] + _headings(section.body.blocks)
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    if section.about is not None:
        about_levels = [2] + _headings(section.about.blocks)
        assert all(b <= a + 1 for a, b in zip(about_levels, about_levels[1:]))
    # locations point at the values in the release file
    assert section.headline.location == release.source.location(("title",))
    assert section.body.location == release.source.location(("body",))
    assert doc.lang == (release.lang or "de")
    assert doc.meta.title and doc.meta.lang == doc.lang


def test_no_renderer_is_imported():
    code = (
        "import sys; import presskit.content.build, presskit.content.plaintext, presskit.content.kit;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pikepdf')"
        " or m.startswith('presskit.pdf.tagging'));"
        "print(bad); sys.exit(bool(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_release_built_in_python_has_content_without_locations():
    release = Release(
        title='Neue "Brücke" eröffnet', date=dt.date(2026, 5, 4), body="Text -- mit Strich.\n\n### Zu tief\n\nMehr.",
        facts=Facts(items=(FactItem(label="Länge", value="40 m"), FactItem(text="Stahl"))),
        images=(Image(file="x.jpg", caption="Die Brücke", credit="Amt", alt="Eine Brücke"),),
        links=(Link(url="https://example.org"),),
    )
    doc = build_content(release, default_brand())
    (section,) = doc.sections
    assert section.headline.content[0].text == "Neue „Brücke“ eröffnet"
    assert section.head.dateline[0].text == "Salzwedel, 04.05.2026"   # the brand's place
    assert section.head.dateline_location is None and section.headline.location is None
    heading = section.body.blocks[1]
    assert isinstance(heading, c.Heading) and (heading.level, heading.written) == (2, 3)
    assert _flat(section.body.blocks[0].content[0].text) == "Text – mit Strich."
    assert [c.inline_text(r.label) for r in section.facts.rows] == ["Länge"]
    assert [c.inline_text(b.text) for b in section.facts.bullets] == ["Stahl"]
    assert c.inline_text(section.facts.title) == "Auf einen Blick"
    (figure,) = section.figures
    assert c.inline_text(figure.credit) == "Foto: Amt" and figure.credit_name == "Amt"
    assert figure.path == Path.cwd() / "x.jpg" and figure.location is None
    assert section.links.items[0].text == "https://example.org"
    # brand fallbacks in the brand's language
    assert section.contact.from_brand and c.inline_text(section.contact.title) == "Pressekontakt"
    assert section.about.from_brand and c.inline_text(section.about.title) == "Über den Altmarkkreis Salzwedel"
    assert section.closing.from_brand
    assert section.about.location == default_brand().source.location(("about",))


def test_release_in_another_language_gets_labels_not_brand_prose():
    german_only = default_brand().model_copy(update={"texts": {}})
    release = Release(title="Visit", date=dt.date(2026, 5, 4), body="Text.", lang="en")
    section = build_content(release, german_only).sections[0]
    assert section.about is None and section.closing is None     # German prose is not used
    assert section.contact is not None and section.contact.from_brand
    assert c.inline_text(section.contact.title) == "Press contact"  # the label, not the brand's title
    assert all(person.role is None for person in section.contact.people)  # untranslated roles left out
    assert c.inline_text(section.head.dateline) == "Salzwedel, 4\u00a0May 2026"
    # a release's own about in English gets the label over it, not the brand's German title
    own = Release(title="Visit", date=dt.date(2026, 5, 4), body="Text.", lang="en", about="We are.")
    assert c.inline_text(build_content(own, german_only).sections[0].about.title) == "About us"


def test_release_in_another_language_gets_the_brands_texts_in_it():
    brand = default_brand()
    release = Release(title="Visit", date=dt.date(2026, 5, 4), body="Text.", lang="en")
    section = build_content(release, brand).sections[0]
    english = brand.texts["en"]
    assert c.inline_text(section.about.title) == english.about_title
    assert section.about.location == brand.source.location(("texts", "en", "about"))
    assert section.closing.from_brand and c.inline_text(section.closing.content) == english.closing


def test_own_contact_title_kept_in_any_language():
    contact = Contact(title="Media", people=(Person(name="Sam", phone="1", email="sam@example.org"),))
    release = Release(title="Visit", date=dt.date(2026, 5, 4), body="Text.", lang="en", contact=contact)
    block = build_content(release, default_brand()).sections[0].contact
    assert c.inline_text(block.title) == "Media" and not block.from_brand
    (person,) = block.people
    assert _flat(c.inline_text(person.phone_line)) == "Phone 1"
    assert person.email_line[1].href == "mailto:sam@example.org"
    assert person.email_description == "Email Sam: sam@example.org"


def test_embargo_number_and_locations_from_yaml():
    release = _release(
        "title: T\ndate: 2026-12-03\nnumber: 1/2026\nembargo: 2026-12-03 10:00\nbody: B\n"
        "facts:\n  - a: b\n  - c\n"
    )
    section = build_content(release, default_brand()).sections[0]
    assert section.embargo.when == dt.datetime(2026, 12, 3, 10, 0)
    assert c.inline_text(section.embargo.text) == "Sperrfrist: 03.12.2026, 10:00\u00a0Uhr"
    assert section.embargo.location == Location("r.yaml", 4, 10)
    assert c.inline_text(section.head.number) == "Nr.\u00a01/2026" and section.head.number_location.line == 3
    assert section.head.dateline_location == Location("r.yaml", 2, 7)   # no place: the date
    assert [row.location.line for row in section.facts.rows] == [7]
    assert [b.location.line for b in section.facts.bullets] == [8]
    assert section.running_title == "Nr.\u00a01/2026" and section.running_dateline == "Salzwedel, 03.12.2026"
    assert section.base_dir == REPO / "releases"


def test_source_texts_find_the_character():
    release = _release("title: T\ndate: 2026-12-03\nbody: |\n  Ein Zeichen: \u4e2d.\n")
    doc = build_content(release, default_brand())
    at = doc.sources.find("\u4e2d", doc.sections[0].body.location)
    assert at == Location("r.yaml", 4, 16)
    assert doc.sources.find("x", None) is None

