"""What is in the PDFs of the example releases: text, order, labels, fonts, links, metadata, geometry."""

from __future__ import annotations

import re
import shutil

import pikepdf
import pytest
import yaml

import pdfcheck
from conftest import CAMPAIGN, FIBRE, PARTNERSHIP, ROAD

GERMAN = [CAMPAIGN, ROAD, FIBRE]
ALL = [CAMPAIGN, PARTNERSHIP, ROAD, FIBRE]


def _release(built) -> dict:
    return yaml.load(built.source.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _text(built) -> str:
    return pdfcheck.normalise("\n".join(pdfcheck.page_texts(built.pdf)))


def _source_paragraphs(text: str) -> list[str]:
    """The paragraphs (and list items) of a block text, markdown link syntax reduced to the link text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"^\s*>\s?", "", line) for line in chunk.splitlines()]
        paragraphs.append("\n".join(lines))
    return [p for p in paragraphs if p.strip()]


# -- text: every word, in the order of the release ---------------------------------------
@pytest.mark.parametrize("name", ALL)
def test_every_word_of_title_lead_body_and_facts_in_order(built_examples, name):
    built = built_examples[name]
    release = _release(built)
    story = pdfcheck.squash(pdfcheck.content_text(built.pdf))
    pieces = [release["title"]]
    if release.get("subtitle"):
        pieces.append(release["subtitle"])
    if release.get("lead"):
        pieces.append(release["lead"])
    pieces += _source_paragraphs(release["body"])
    facts = release.get("facts")
    if facts:
        items = facts["items"] if isinstance(facts, dict) else facts
        for item in items:
            pieces.append(item if isinstance(item, str) else " ".join(f"{k} {v}" for k, v in item.items()))
    needles = [pdfcheck.squash(p) for p in pieces]
    assert all(needles)
    pdfcheck.positions_in_order(story, needles)


@pytest.mark.parametrize(
    "name, phrases",
    [
        (CAMPAIGN, ["Stark. Sozial. Vor Ort.", "Unter dem Motto", "Getragen wird die Kampagne",
                    "Ein Jobcenter in der Hand des Kreises", "Seit dem 1. Januar 2012",
                    "Was die Menschen davon haben", "Hilfe bei Schulden, Sucht oder Wohnungsproblemen",
                    "Arbeitsmarktpolitik gelingt dort am besten", "der Landrat des Altmarkkreises Salzwedel",
                    "Die Kampagne im Altmarkkreis", "Hintergrund: kommunale Jobcenter",
                    "Das Jobcenter in Zahlen", "Kommunale Jobcenter bundesweit 104", "Pressekontakt",
                    "Ihre Pressestelle des Altmarkkreises Salzwedel"]),
        (PARTNERSHIP, ["Delegation from Lakeshire visits the Altmarkkreis Salzwedel", "A twelve-member delegation",
                       "A partnership between two rural regions", "Energy:", "Schools:", "Young people:",
                       "We came to learn", "Partnerships live from people who meet", "What comes next",
                       "The partnership at a glance", "Further information", "Press contact"]),
        (ROAD, ["Kreisstraße zwischen Lindenhagen und Wiesenbrück", "4,8 Kilometer neue Fahrbahn",
                "Die Kreisstraße K 1390", "Breiter, sicherer, leiser", "Für die Allee",
                "Wer hier jeden Tag zur Arbeit", "Umleitung aufgehoben", "Auf einen Blick",
                "86 neue Alleebäume als Ausgleich für 23 gefällte", "Frisch markiert und wieder frei",
                "Foto: presskit (generated illustration)", "Pressekontakt"]),
        (FIBRE, ["Glasfaser für die Gemeinde Erlenhagen", "Beratung im Bürgerbüro <Haus A>",
                 "Eurich & Hasenfusz GmbH im Auftrag", "Der zweite Abschnitt schließt",
                 "Was Eigentümerinnen und Eigentümer jetzt tun sollten", "1. Das Formular",
                 "4. Den Termin", "Beratung im Bürgerbüro", "Zeitplan und Umleitungen",
                 "Schnelles Internet ist auf dem Land", "Zweiter Bauabschnitt",
                 "Bauunternehmen Eurich & Hasenfusz GmbH", "Weitere Informationen", "Das Breitbandprojekt"]),
    ],
)
def test_distinctive_phrases_in_reading_order(built_examples, name, phrases):
    text = _text(built_examples[name])
    positions = pdfcheck.positions_in_order(text, phrases)
    assert positions == sorted(positions)


# -- page 1 and the furniture ------------------------------------------------------------
def test_campaign_first_page_label_dateline_and_number(built_examples):
    first = pdfcheck.normalise(pdfcheck.page_texts(built_examples[CAMPAIGN].pdf)[0])
    assert "PRESSEMITTEILUNG" in first
    assert "Salzwedel, 18.01.2019" in first
    assert "Nr. 004/2019" in first
    # the label, number and dateline come before the headline
    pdfcheck.positions_in_order(first, ["PRESSEMITTEILUNG", "Salzwedel, 18.01.2019", "Stark. Sozial. Vor Ort."])


@pytest.mark.parametrize("name", ALL)
def test_page_x_of_n_on_every_page(built_examples, name):
    texts = pdfcheck.page_texts(built_examples[name].pdf)
    n = len(texts)
    assert n >= 1
    for number, text in enumerate(texts, start=1):
        assert pdfcheck.page_numbers(text) == [(number, n)], f"page {number} of {n}: {text[-300:]!r}"


def test_english_release_labels_and_date(built_examples):
    texts = pdfcheck.page_texts(built_examples[PARTNERSHIP].pdf)
    first = pdfcheck.normalise(texts[0])
    assert "Page 1 of" in first
    assert "Press release".casefold() in first.casefold()
    assert "Salzwedel, 20 November 2026" in first
    assert "No. 109/2026" in first
    whole = pdfcheck.normalise("\n".join(texts))
    assert "Altmarkkreis Salzwedel · Press release" in whole  # running header of page 2
    for german in ("Seite", "Pressemitteilung", "PRESSEMITTEILUNG", "Sperrfrist", "Weitere Informationen"):
        assert german not in whole


def test_english_release_has_no_german_headings(built_examples):
    whole = pdfcheck.normalise("\n".join(pdfcheck.page_texts(built_examples[PARTNERSHIP].pdf)))
    assert "Über den" not in whole
    assert "About" in whole


def test_embargo_on_page_one(built_examples):
    first = pdfcheck.normalise(pdfcheck.page_texts(built_examples[ROAD].pdf)[0])
    assert "Sperrfrist: 03.12.2026, 10:00 Uhr" in first
    pdfcheck.positions_in_order(first, ["Sperrfrist: 03.12.2026, 10:00 Uhr", "Kreisstraße zwischen Lindenhagen"])


def test_no_embargo_line_without_embargo(built_examples):
    assert "Sperrfrist" not in _text(built_examples[CAMPAIGN])


def test_photo_credit_follows_caption(built_examples):
    text = _text(built_examples[ROAD])
    pdfcheck.positions_in_order(text, ["mit der Allee am rechten Fahrbahnrand.", "Foto: presskit (generated illustration)"])


def test_german_typographic_quotes(built_examples):
    text = _text(built_examples[CAMPAIGN])
    assert "„Stark. Sozial. Vor Ort.“ – Jobcenter" in text
    assert "„Arbeitsmarktpolitik gelingt" in text
    assert '"' not in text and "“Stark" not in text


def test_english_typographic_quotes(built_examples):
    text = _text(built_examples[PARTNERSHIP])
    assert "“We came to learn" in text
    assert "the young people’s turn.”" in text
    assert '"' not in text and "„" not in text


def test_ampersand_and_angle_brackets_print_as_typed(built_examples):
    text = _text(built_examples[FIBRE])
    assert text.count("Eurich & Hasenfusz") >= 2  # lead and facts
    assert text.count("<Haus A>") >= 2  # subtitle and body
    for escaped in ("&amp;", "&lt;", "&gt;", "&#"):
        assert escaped not in text


def test_double_hyphen_becomes_en_dash(built_examples):
    text = _text(built_examples[ROAD])
    assert "K 1390 Lindenhagen – Wiesenbrück" in text
    assert " -- " not in text


# -- pages and fonts -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL)
def test_every_page_is_a4(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        for box in pdfcheck.page_boxes(pdf):
            assert box[:2] == (0, 0)
            assert box[2] == pytest.approx(595.28, abs=0.05)
            assert box[3] == pytest.approx(841.89, abs=0.05)


@pytest.mark.parametrize("name", ALL)
def test_every_font_is_embedded_truetype(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        per_page = pdfcheck.page_fonts(pdf)
        for number, fonts in enumerate(per_page, start=1):
            assert fonts, f"page {number} has no fonts"
            for font in fonts:
                for real in pdfcheck.descendant_fonts(font):
                    descriptor = real.get("/FontDescriptor")
                    assert descriptor is not None, f"page {number}: {real.get('/BaseFont')} has no descriptor"
                    assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, (
                        f"page {number}: {real.get('/BaseFont')} is not embedded"
                    )
                    # subset fonts are named ABCDEF+Name
                    assert re.match(r"^/[A-Z]{6}\+", str(real.BaseFont)), str(real.BaseFont)


@pytest.mark.parametrize("name", ALL)
def test_no_base14_font_anywhere(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        names = pdfcheck.all_base_font_names(pdf)
    assert names
    for font in names:
        assert not any(base in font for base in pdfcheck.BASE14), font


# -- links ------------------------------------------------------------------------------
_URL = re.compile(r"(?:https?://|mailto:|tel:)[^\s)\]>\"'<]+")


@pytest.mark.parametrize("name", ALL)
def test_every_url_of_the_release_is_a_link(built_examples, name):
    built = built_examples[name]
    wanted = {u.rstrip(".,;:") for u in _URL.findall(built.source.read_text(encoding="utf-8"))}
    with pikepdf.open(built.pdf) as pdf:
        found = pdfcheck.links(pdf)
        boxes = pdfcheck.page_boxes(pdf)
    uris = {link.uri for link in found}
    assert wanted <= uris, f"missing links: {sorted(wanted - uris)}"
    for link in found:
        assert link.uri.split(":", 1)[0] in ("http", "https", "mailto", "tel"), link.uri
        x0, y0, x1, y1 = link.rect
        page = boxes[link.page - 1]
        assert 0 <= x0 < x1 <= page[2] and 0 <= y0 < y1 <= page[3], link


def test_bare_url_and_email_in_text_become_links(built_examples):
    with pikepdf.open(built_examples[FIBRE].pdf) as pdf:
        uris = [link.uri for link in pdfcheck.links(pdf)]
    # bare URL in the body + the links list; mailto from the body link, the links list, contact and about
    assert uris.count("https://www.altmarkkreis-salzwedel.de") >= 2
    assert uris.count("mailto:pressestelle@altmarkkreis-salzwedel.de") >= 4
    assert "https://www.altmarkkreis-salzwedel.de." not in uris  # the full stop ends the sentence


@pytest.mark.parametrize("name", ALL)
def test_no_javascript_anywhere(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary):
                assert obj.get("/S") not in ("/JavaScript", "/Launch"), repr(obj)
                assert "/JS" not in obj and "/AA" not in obj
        assert "/OpenAction" not in pdf.Root or "/JS" not in pdf.Root.OpenAction
    assert b"javascript:" not in built_examples[name].data.lower()


# -- metadata ----------------------------------------------------------------------------
def test_metadata_german(built_examples):
    with pikepdf.open(built_examples[CAMPAIGN].pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "„Stark. Sozial. Vor Ort.“ – Jobcenter des Altmarkkreises wirbt für Arbeit vor Ort"
        assert str(info["/Author"]).startswith("Altmarkkreis Salzwedel")
        subject = str(info["/Subject"])
        assert "Pressemitteilung" in subject and "004/2019" in subject
        keywords = str(info["/Keywords"])
        for keyword in ("Jobcenter", "Optionskommune", "Grundsicherung", "Stark. Sozial. Vor Ort."):
            assert keyword in keywords
        assert str(info["/CreationDate"]).startswith("D:20190118")
        assert str(pdf.Root.Lang).split("-")[0] == "de"  # "de" or a BCP 47 tag such as "de-DE"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True


def test_metadata_english(built_examples):
    with pikepdf.open(built_examples[PARTNERSHIP].pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "Delegation from Lakeshire visits the Altmarkkreis Salzwedel"
        assert str(info["/Author"]).startswith("Altmarkkreis Salzwedel")
        assert "Press release" in str(info["/Subject"])
        assert "Lakeshire" in str(info["/Keywords"])
        assert str(info["/CreationDate"]).startswith("D:20261120")
        assert str(pdf.Root.Lang).split("-")[0] == "en"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True


@pytest.mark.parametrize("name", ALL)
def test_title_metadata_is_the_headline(built_examples, name):
    built = built_examples[name]
    with pikepdf.open(built.pdf) as pdf:
        title = str(pdf.docinfo["/Title"])
    assert pdfcheck.squash(title) == pdfcheck.squash(_release(built)["title"])
    assert '"' not in title and "--" not in title and "*" not in title


# -- layout --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, title, last_row",
    [
        (CAMPAIGN, "Das Jobcenter in Zahlen", "Kommunale Jobcenter bundesweit 104"),
        (PARTNERSHIP, "The partnership at a glance", "School exchanges so far 7"),
        (ROAD, "Auf einen Blick", "86 neue Alleebäume als Ausgleich für 23 gefällte"),
        (FIBRE, "Zweiter Bauabschnitt", "Hausanschluss während der Bauzeit kostenlos"),
    ],
)
def test_facts_box_on_one_page(built_examples, name, title, last_row):
    pages = [pdfcheck.normalise(t) for t in pdfcheck.page_texts(built_examples[name].pdf)]
    with_title = [i for i, t in enumerate(pages) if title in t]
    with_last = [i for i, t in enumerate(pages) if last_row in t]
    assert len(with_title) == 1 and with_title == with_last, (with_title, with_last)


@pytest.mark.parametrize("name", ALL)
def test_nothing_drawn_within_10mm_of_the_edge(built_examples, name):
    width, height = pdfcheck.A4
    edge = 10 * pdfcheck.MM
    drawn = pdfcheck.drawn_objects(built_examples[name].pdf)
    assert len(drawn) > 20
    for obj in drawn:
        left, bottom, right, top = obj.bounds
        assert left >= edge and bottom >= edge and right <= width - edge and top <= height - edge, obj


# -- files ---------------------------------------------------------------------------------
def test_same_input_gives_identical_bytes(built_examples, tmp_path):
    from presskit.jobs import build_one

    for name in (CAMPAIGN, ROAD):
        built = built_examples[name]
        again = tmp_path / "again" / "other-name.pdf"
        assert build_one(built.source, again).ok
        assert again.read_bytes() == built.data, name
    # the same text in another folder (relative paths, other file name) gives the same PDF too
    copy = tmp_path / "copy" / "renamed.yaml"
    copy.parent.mkdir()
    shutil.copy(built_examples[CAMPAIGN].source, copy)
    third = tmp_path / "third.pdf"
    assert build_one(copy, third).ok
    assert third.read_bytes() == built_examples[CAMPAIGN].data


@pytest.mark.parametrize("name", [CAMPAIGN, PARTNERSHIP, FIBRE])
def test_text_only_release_is_small(built_examples, name):
    built = built_examples[name]
    assert "images" not in _release(built)
    pages = pdfcheck.page_count(built.pdf)
    assert 2 <= pages <= 3
    assert len(built.data) < 100 * 1024 * (pages / 2), f"{len(built.data)} bytes for {pages} pages"


def _frame_width() -> float:
    return pdfcheck.A4[0] - (25 + 20) * pdfcheck.MM  # default brand margins: 25 mm left, 20 mm right


def test_photo_is_embedded_as_jpeg_once(built_examples):
    images = pdfcheck.placed_images(built_examples[ROAD].pdf)
    assert len(images) == 1, images
    assert "DCTDecode" in images[0].filters
    with pikepdf.open(built_examples[ROAD].pdf) as pdf:
        xobjects = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
    assert len(xobjects) == 1


def test_photo_no_wider_than_300ppi_across_the_frame(built_examples):
    image = pdfcheck.placed_images(built_examples[ROAD].pdf)[0]
    limit = round(_frame_width() / 72 * 300) + 1
    assert image.px_width <= limit, (image.px_width, limit)


def test_photo_at_300ppi_at_its_placed_size(built_examples):
    """Placed narrower than the frame (its height is capped), the photo is still ~300 ppi, not more."""
    image = pdfcheck.placed_images(built_examples[ROAD].pdf)[0]
    message = f"{image.px_width} px over {image.placed_width:.1f} pt = {image.ppi:.0f} ppi"
    assert image.ppi <= 300 * 1.02, message
    assert image.ppi >= 300 * 0.95, message  # the source photo is larger: no needless loss either
    assert image.px_height / image.px_width == pytest.approx(image.placed_height / image.placed_width, rel=0.01)


@pytest.mark.parametrize("name", ALL)
def test_contact_block_on_one_page(built_examples, name):
    pages = [pdfcheck.normalise(t) for t in pdfcheck.page_story_texts(built_examples[name].pdf)]
    title = "Press contact" if name == PARTNERSHIP else "Pressekontakt"
    with_title = [i for i, t in enumerate(pages) if title in t]
    assert len(with_title) == 1, with_title
    after = pages[with_title[0]].split(title, 1)[1]
    people = _release(built_examples[name]).get("contact", {}).get("people") or [{"phone": "03901 840-309"}]
    for person in people:
        assert person["phone"] in after, person  # every person's last-but-one line is on the same page


_UNIT_BREAK = re.compile(r"\d[ \t]*\n[ \t]*(?:km|m|Mio\.|%|€|Uhr|Kilometer|Meter)(?![a-zäöü])")


@pytest.mark.parametrize("name", ALL)
def test_numbers_and_units_not_broken_across_lines(built_examples, name):
    for number, text in enumerate(pdfcheck.page_texts(built_examples[name].pdf), start=1):
        match = _UNIT_BREAK.search(text)
        assert match is None, f"page {number}: {text[max(0, match.start() - 30):match.end()]!r}"


def test_unsafe_schemes_in_running_text_stay_text(write_release, tmp_path):
    from presskit.jobs import build_one

    release = write_release(
        """\
        title: Test
        date: 2026-03-01
        body: |
          Bitte nicht javascript:alert(1) tippen, [klick](javascript:alert(2)) und [datei](file:///etc/passwd),
          aber [hier](https://example.org/a?b=1&c=2) und    viele   Leerzeichen.
        """
    )
    target = tmp_path / "t.pdf"
    assert build_one(release, target).ok
    story = pdfcheck.normalise(pdfcheck.content_text(target))
    assert "javascript:alert(1)" in story
    assert "hier und viele Leerzeichen." in story  # runs of spaces become one
    with pikepdf.open(target) as pdf:
        uris = [link.uri for link in pdfcheck.links(pdf)]
    assert "https://example.org/a?b=1&c=2" in uris
    assert not [u for u in uris if not u.startswith(("https:", "http:", "mailto:", "tel:"))], uris
    assert b"javascript" not in target.read_bytes()
