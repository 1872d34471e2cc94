"""The kit PDF maps from the content document: a kit's content built in Python (no YAML, no
loaded kit, no source models) renders to a kit PDF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from presskit.content import document as c
from presskit.source.brand import default_brand
from presskit.typography.blocks import Span

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "releases" / "kits" / "images" / "kreishaus-salzwedel.jpg"


def _t(text: str) -> tuple[Span, ...]:
    return (Span(text),)


def _kit_content() -> c.ContentDocument:
    day = dt.date(2027, 3, 1)
    cover = c.CoverSection(label=_t("Pressemappe"), title=_t("Mappe aus Python"), place="Salzwedel", date=day,
                           dateline=_t("Salzwedel, 01.03.2027"),
                           blocks=(c.Paragraph(_t("Ein Deckblatt ohne YAML.")),))
    release = c.ReleaseSection(
        head=c.Head(label=_t("Pressemitteilung"), number=None, number_location=None, place="Salzwedel", date=day,
                    dateline=_t("Salzwedel, 01.03.2027"), dateline_location=None),
        embargo=None,
        headline=c.Headline(_t("Brücke in Python gebaut")),
        subtitle=None,
        lead=c.Lead(_t("Ein Vorspann.")),
        body=c.Body((c.Paragraph(_t("Erster Absatz der Mitteilung.")),
                     c.Heading(2, 2, _t("Zwischentitel")),
                     c.Paragraph(_t("Zweiter Absatz.")))),
        facts=None, figures=(), links=None, contact=None, about=None, closing=None,
        running_title="", running_dateline="Salzwedel, 01.03.2027",
        contents_note="Pressemitteilung · Salzwedel, 01.03.2027",
    )
    document = c.DocumentSection(_t("Hintergrund aus Python"), (c.Paragraph(_t("Text des Hintergrunds.")),))
    photos = c.PhotoSection(_t("Fotos"), (c.Figure(
        file="haus.jpg", path=PHOTO, caption=_t("Das Kreishaus."), credit=_t("Foto: Pressestelle"),
        credit_name="Pressestelle", alt="Ein Backsteinbau.", decorative=False,
        usage="Abdruck honorarfrei", archive_name="fotos/haus.jpg", archive_line=_t("Datei: fotos/haus.jpg")),))
    person = c.ContactPerson(name=_t("Erika Muster"), role=None, phone=None, phone_line=None, email=None,
                             email_line=None, email_description=None)
    contact = c.ContactSection(c.ContactBlock(_t("Pressekontakt"), "Pressekontakt", (person,), from_brand=False))
    meta = c.Metadata(title="Mappe aus Python", author="Pressestelle", subject="Pressemappe", keywords=(),
                      lang="de", created=dt.datetime(2027, 3, 1, tzinfo=dt.timezone.utc))
    return c.ContentDocument(lang="de", meta=meta, sections=(cover, release, document, photos, contact))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_a_kit_content_built_in_python_renders(tmp_path):
    from presskit.pdf.kit import render_kit_content

    layout = render_kit_content(_kit_content(), default_brand())
    path = tmp_path / "kit.pdf"
    path.write_bytes(layout.pdf)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    assert "Mappe aus Python" in pages[0] and "Ein Deckblatt ohne YAML." in pages[0]
    contents = " ".join(" ".join(page.split()) for page in pages[:2])
    # the contents: each section's heading text, a release with its note, and the page it starts on
    assert [title for title, _, _ in layout.contents] == [
        "Brücke in Python gebaut", "Hintergrund aus Python", "Fotos", "Pressekontakt"]
    for title, _, page in layout.contents:
        assert title in pages[page - 1], (title, page)
        assert f"{title}" in contents
    assert "Pressemitteilung · Salzwedel, 01.03.2027" in contents
    text = " ".join(" ".join(page.split()) for page in pages)
    for words in ("Erster Absatz der Mitteilung.", "Zwischentitel", "Text des Hintergrunds.", "Das Kreishaus.",
                  "Foto: Pressestelle", "Datei: fotos/haus.jpg", "Erika Muster"):
        assert words in text, words
    with pikepdf.open(path) as pdf:
        assert str(pdf.open_metadata().get("dc:title")) == "Mappe aus Python"
        assert [item.title for item in pdf.open_outline().root][:2] == ["Mappe aus Python", "Inhalt"]
