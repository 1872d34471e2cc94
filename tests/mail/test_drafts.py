"""`presskit mail -o DIR`: drafts parsed with email.parser, their headers and every part."""

from __future__ import annotations

import io
import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pikepdf
import pytest
import yaml
from PIL import Image
from typer.testing import CliRunner

from mailhelp import build_pdf, write_list, release, smtp_server  # noqa: F401  (fixtures)
from presskit.cli import app

DATE = "2026-12-03T08:00:00+01:00"


def run(*args: str):
    return CliRunner().invoke(app, ["mail", *args], catch_exceptions=False)


def parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def words_of_release(path: Path) -> set[str]:
    """Every word the writer wrote that the text is to carry (not file names, alt texts, keywords)."""
    data = yaml.safe_load(path.read_text("utf-8"))
    skip = {"file", "alt", "keywords", "date", "embargo", "url"}
    found: list[str] = []

    def walk(value, key=None):
        if key in skip:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            found.extend(re.findall(r"\w+", value))

    walk(data)
    return set(found)


@pytest.fixture
def drafts(release: Path, tmp_path: Path):
    listing = write_list(tmp_path, ["anna@zeitung.example", "ben@radio.example", "cem@tv.example"])
    out = tmp_path / "drafts"
    result = run(str(release), "--to", str(listing), "-o", str(out), "--date", DATE)
    assert result.exit_code == 0, result.output
    return sorted(out.glob("*.eml"))


def test_one_draft_per_recipient_each_addressed_to_them_only(drafts):
    assert len(drafts) == 3
    addresses = ["anna@zeitung.example", "ben@radio.example", "cem@tv.example"]
    for path in drafts:
        msg = parse(path)
        mine = [a for a in addresses if a in str(msg["To"])]
        assert len(mine) == 1
        raw = path.read_bytes().decode("ascii", "replace")
        for other in set(addresses) - set(mine):
            assert other not in raw
        assert msg["X-Unsent"] == "1"
        assert "Bcc" not in msg


def test_headers(drafts):
    msg = parse(drafts[0])
    assert msg["From"].addresses[0].addr_spec == "pressestelle@altmarkkreis-salzwedel.de"
    assert msg["From"].addresses[0].display_name == "Altmarkkreis Salzwedel"
    assert msg["Reply-To"].addresses[0].addr_spec == "erika.mustermann@altmarkkreis-salzwedel.de"
    assert msg["Subject"] == ("SPERRFRIST 03.12.2026, 10:00 Uhr – Pressemitteilung: Kreisstraße zwischen "
                              "Lindenhagen und Wiesenbrück nach acht Monaten Bauzeit freigegeben")
    assert msg["Date"].datetime.isoformat() == DATE
    assert re.fullmatch(r"<[0-9a-f]{24}\.presskit@altmarkkreis-salzwedel\.de>", msg["Message-ID"])
    ids = {parse(path)["Message-ID"] for path in drafts}
    assert len(ids) == 3


def test_message_ids_are_the_same_on_every_run(drafts, release, tmp_path):
    listing = tmp_path / "list.yaml"
    out = tmp_path / "again"
    assert run(str(release), "--to", str(listing), "-o", str(out), "--date", "2027-01-01T00:00:00").exit_code == 0
    again = sorted(out.glob("*.eml"))
    assert [parse(p)["Message-ID"] for p in again] == [parse(p)["Message-ID"] for p in drafts]


def test_text_part(drafts, release):
    msg = parse(drafts[0])
    text = msg.get_body(("plain",))
    assert text.get_content_charset() == "utf-8"
    content = text.get_content()
    lines = content.splitlines()
    assert lines[0] == "SPERRFRIST 03.12.2026, 10:00 Uhr"     # the embargo opens the body
    assert lines[2].startswith("Sehr geehrte Redaktion")
    assert all(len(line) <= 78 for line in lines), max(lines, key=len)
    missing = words_of_release(release) - set(re.findall(r"\w+", content))
    assert not missing
    # typographic quotes and dashes kept, links written out, photo credit, the label
    assert "„Wer hier jeden Tag" in content and "gehalten haben.“" in content
    assert re.search("Lindenhagen[ \u00a0]–[ \u00a0]Wiesenbrück", content)
    assert "Baustelleninformationen: https://www.example.org/k1390" in content
    assert "Foto: presskit (generated illustration)" in content
    assert "PRESSEMITTEILUNG" in content and "Nr.\u00a0112/2026" in content
    assert "Erika Mustermann" in content and "Ihre Pressestelle des Altmarkkreises Salzwedel" in content
    # no word broken: every word of the wrapped text is a word of the unwrapped text
    assert "\u00ad" not in content


def test_html_part_is_simple_and_local(drafts):
    msg = parse(drafts[0])
    html = msg.get_body(("html",)).get_content()
    assert '<meta name="viewport"' in html
    assert not re.search(r"<(img|script|iframe|link|object)\b", html, re.I)
    assert not re.search(r"\bsrc\s*=", html, re.I)
    assert "url(" not in html
    assert "SPERRFRIST 03.12.2026, 10:00 Uhr" in html
    assert "„Wer hier jeden Tag" in html
    assert '<a href="https://www.example.org/k1390">' in html
    import html5lib

    html5lib.HTMLParser(strict=True).parse(html)


def test_pdf_attachment_is_the_built_pdf(drafts, release, tmp_path):
    msg = parse(drafts[0])
    pdfs = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert len(pdfs) == 1 and pdfs[0].get_filename() == release.stem + ".pdf"
    data = pdfs[0].get_content()
    assert data == build_pdf(release, tmp_path / "built.pdf")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 1


def test_photo_attachment_downsized_with_metadata(drafts):
    msg = parse(drafts[0])
    photos = [p for p in msg.iter_attachments() if p.get_content_maintype() == "image"]
    assert [p.get_filename() for p in photos] == ["kreisstrasse-allee.jpg"]
    data = photos[0].get_content()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert max(image.size) == 2500 and image.size == (2500, 1667)
    assert b"presskit (generated illustration)" in data          # the credit in XMP/IPTC
    assert "Frisch markiert und wieder frei".encode() in data     # the caption
    assert len(msg.as_bytes()) < 10 * 1024 * 1024


def test_a_draft_is_never_overwritten(drafts, release, tmp_path):
    before = [p.read_bytes() for p in drafts]
    result = run(str(release), "--to", str(tmp_path / "list.yaml"), "-o", str(drafts[0].parent), "--date", "2030-01-01T00:00:00")
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert [p.read_bytes() for p in drafts] == before


def test_draft_without_list_and_photo_links(release, tmp_path):
    out = tmp_path / "one"
    result = run(str(release), "-o", str(out), "--photo-links", "https://presse.example.org/fotos/", "--date", DATE)
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*.eml")
    msg = parse(path)
    assert msg["To"] is None and msg["X-Unsent"] == "1"
    assert [p.get_content_type() for p in msg.iter_attachments()] == ["application/pdf"]
    text = msg.get_body(("plain",)).get_content()
    assert "Fotos zum Herunterladen" in text
    assert "https://presse.example.org/fotos/kreisstrasse-allee.jpg" in text
    assert '<a href="https://presse.example.org/fotos/kreisstrasse-allee.jpg">' in msg.get_body(("html",)).get_content()


def test_bcc_draft_is_addressed_to_the_press_office(release, tmp_path):
    listing = write_list(tmp_path, ["anna@zeitung.example", "ben@radio.example"])
    out = tmp_path / "bcc"
    assert run(str(release), "--to", str(listing), "--bcc", "-o", str(out), "--date", DATE).exit_code == 0
    (path,) = out.glob("*.eml")
    msg = parse(path)
    assert msg["To"].addresses[0].addr_spec == "pressestelle@altmarkkreis-salzwedel.de"
    assert {a.addr_spec for a in msg["Bcc"].addresses} == {"anna@zeitung.example", "ben@radio.example"}


def test_english_release_subject(tmp_path):
    from mailhelp import REPO

    release = REPO / "releases" / "2026-11-20-partnership-visit.yaml"
    out = tmp_path / "en"
    result = run(str(release), "-o", str(out), "--date", DATE)
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*.eml")
    msg = parse(path)
    subject = str(msg["Subject"]).strip()  # Python folds a long ASCII subject after "Subject:"
    assert subject.startswith("Press release: ") or subject.startswith("EMBARGOED UNTIL ")
    assert msg["Content-Language"] == "en"
