"""Page breaking as a reader sees it: what is kept together, and what is not."""

from __future__ import annotations

from presskit.jobs import build_one

from pdfcheck import normalise, page_story_texts

FACTS = "\n".join(f"    - Position {i}: Wert mit etwas längerem Text Nummer {i}" for i in range(70))
LONG_FACTS = f"""\
title: Haushalt 2027 in Zahlen
date: 2026-11-24
body: |
  Der Kreistag hat den Haushalt beschlossen. Die wichtigsten Zahlen stehen im Kasten.
facts:
  title: Alle Haushaltsposten
  items:
{FACTS}
"""

SHORT_FACTS = """\
title: Haushalt 2027 in Zahlen
date: 2026-11-24
body: |
{body}
facts:
  title: Auf einen Blick
  items:
    - Volumen: 210 Mio. €
    - Investitionen: 18 Mio. €
    - Kreisumlage: 41,5 Prozent
    - Neue Stellen: 12
"""


def _pages(path):
    return [normalise(text) for text in page_story_texts(path)]


def test_a_facts_box_longer_than_a_page_starts_where_it_is(write_release, tmp_path):
    release = write_release(LONG_FACTS)
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    pages = _pages(tmp_path / "out.pdf")
    assert len(pages) >= 2
    # no nearly empty first page: the box begins right under the body
    assert "Die wichtigsten Zahlen stehen im Kasten." in pages[0]
    assert "Alle Haushaltsposten" in pages[0] and "Position 0 " in pages[0]
    assert "Position 69" in pages[-1]


def test_a_short_facts_box_moves_whole_to_the_next_page(write_release, tmp_path):
    # enough body text that the box cannot fit under it on page 1
    paragraph = "  " + "Der Kreistag hat lange beraten und den Haushalt schließlich beschlossen. " * 7
    body = "\n\n".join([paragraph] * 6)
    release = write_release(SHORT_FACTS.format(body=body))
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    pages = _pages(tmp_path / "out.pdf")
    holding = [i for i, text in enumerate(pages) if "Auf einen Blick" in text]
    assert len(holding) == 1
    box_page = pages[holding[0]]
    for row in ("Volumen", "Investitionen", "Kreisumlage", "Neue Stellen"):
        assert row in box_page, f"the facts box is split: {row} is not on the page of its title"
