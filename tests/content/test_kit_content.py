"""A press kit's content document: cover, releases as alone, documents, photos, contact."""

from __future__ import annotations

import re

from presskit.source.brand import default_brand
from presskit.content import document as c
from presskit.content.build import build_content, build_kit_content
from presskit.content.kit import load_kit
from presskit.content.plaintext import WIDTH, render_section, render_text

from test_kit import kit_dir  # noqa: F401  (fixture)


def test_sections_in_order_and_each_release_as_it_is_alone(kit_dir):  # noqa: F811
    loaded = load_kit(kit_dir / "kit.yaml", "kit.yaml")
    doc = build_kit_content(loaded, default_brand())
    assert [type(s).__name__ for s in doc.sections] == [
        "CoverSection", "ReleaseSection", "DocumentSection", "DocumentSection", "PhotoSection", "ContactSection"]
    cover, release, background, numbers, photos, contact = doc.sections
    assert c.inline_text(cover.label) == "Pressemappe" and cover.heading_text == "Pressemappe zur Sitzung des Kreistages"
    assert c.inline_text(cover.dateline) == "Salzwedel, 03.12.2026" and cover.location.line == 1
    alone = build_content(loaded.releases[0], default_brand()).sections[0]
    assert release == alone and render_section(release) == render_section(alone)
    assert background.heading_text == "Hintergrund" and isinstance(background.blocks[0], c.Paragraph)
    assert background.blocks[0].location.line == 20 and numbers.facts.rows[0].location.line == 24
    assert [f.archive_name for f in photos.figures] == ["fotos/allee.jpg", "fotos/allee2.jpg"]
    assert photos.figures[0].usage == "Abdruck honorarfrei bei Nennung der Quelle"
    assert c.inline_text(photos.figures[1].credit) == "Foto: Pressestelle"
    assert contact.contact.from_brand and contact.heading_text == "Pressekontakt"
    assert doc.meta.title == "Pressemappe zur Sitzung des Kreistages" and "Kreisstraße" in doc.meta.keywords
    assert doc.releases() == (release,)


def test_kit_as_plain_text(kit_dir):  # noqa: F811
    doc = build_kit_content(load_kit(kit_dir / "kit.yaml"), default_brand())
    text = render_text(doc)
    flat = text.replace("\u00a0", " ")
    assert text == render_text(build_kit_content(load_kit(kit_dir / "kit.yaml"), default_brand()))
    contents = text[text.index("Inhalt\n"):text.index("-" * WIDTH)]
    assert re.findall(r"^\d\.", contents, re.M) == ["1.", "2.", "3.", "4.", "5."]
    for word in ("Hintergrund", "fotos/allee2.jpg", "Nur für die Berichterstattung über den Kreistag",
                 "Sitze: 42", "- öffentlich", "Pressekontakt", "K 1390 Lindenhagen – Wiesenbrück"):
        assert word in flat, word
    assert all(len(line) <= WIDTH for line in text.splitlines())
