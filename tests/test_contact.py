"""The contact block as a reader sees it: whole addresses, labels with their values."""

from __future__ import annotations

import pdfplumber
import pytest

from presskit.pdf.contactlayout import ADDRESS_BREAKS, PersonWidths, break_address, choose_layout
from presskit.jobs import build_one

FOUR = """\
title: Kreistag beschließt Haushalt 2027
date: 2026-12-03
body: |
  Der Kreistag hat den Haushalt 2027 beschlossen.
contact:
  title: Pressekontakt
  people:
    - name: Pressestelle des Altmarkkreises Salzwedel
      role: Büro des Landrates
      phone: 03901 840-309
      email: pressestelle@altmarkkreis-salzwedel.de
    - name: Erika Mustermann
      role: Leiterin des Fachdienstes Straßen
      phone: 03901 840-412
      email: erika.mustermann@altmarkkreis-salzwedel.de
    - name: Max Mustermann
      role: Wirtschaftsförderung
      phone: 03901 840-511
      email: max.mustermann@altmarkkreis-salzwedel.de
    - name: Dr. Beate Beispiel-Langname
      role: Fachdienst Schulverwaltung und Kultur
      phone: 03901 840-612
      email: {last}
"""
ORDINARY_LAST = "beate.beispiel-langname@altmarkkreis-salzwedel.de"
HUGE = ("presse.und.oeffentlichkeitsarbeit.des.fachdienstes.schulverwaltung_kultur"
        "@verwaltungsgemeinschaft-altmarkkreis-salzwedel-beispiel.de")


def _lines(pdf_path):
    """Text lines (by baseline) of every page, with their right edge, from pdfplumber's words."""
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=True, x_tolerance=1.5)
            rows: dict[tuple[int, int], list] = {}
            for w in words:
                # a line is one baseline within one column (columns are far apart)
                rows.setdefault((round(w["bottom"]), int(w["x0"] // 150)), []).append(w)
            for (bottom, _), ws in sorted(rows.items()):
                ws.sort(key=lambda w: w["x0"])
                out.append((" ".join(w["text"] for w in ws), max(w["x1"] for w in ws), page.width))
    return out


def _build(write_release, tmp_path, last):
    release = write_release(FOUR.format(last=last))
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    return tmp_path / "out.pdf"


def test_ordinary_addresses_stay_whole_with_their_label(write_release, tmp_path):
    pdf = _build(write_release, tmp_path, ORDINARY_LAST)
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() for page in doc.pages)
    lines = [line.strip() for line in text.splitlines()]
    for address in ("pressestelle@altmarkkreis-salzwedel.de", "erika.mustermann@altmarkkreis-salzwedel.de",
                    "max.mustermann@altmarkkreis-salzwedel.de", ORDINARY_LAST):
        assert any(line.endswith("E-Mail " + address) for line in lines), (address, lines)
    assert "E-Mail" not in lines  # never a label alone on its line
    assert not any(line.startswith("mailto:") or " mailto:" in line for line in lines)
    for number in ("840-309", "840-412", "840-511", "840-612"):
        assert any(line.endswith("Telefon 03901 " + number) for line in lines), number


def test_the_contact_block_stays_inside_the_text_frame(write_release, tmp_path):
    pdf = _build(write_release, tmp_path, ORDINARY_LAST)
    right_margin_pt = 20 / 25.4 * 72
    for text, right, width in _lines(pdf):
        assert right <= width - right_margin_pt + 0.5, text


def test_an_address_wider_than_the_frame_breaks_only_after_separators(write_release, tmp_path):
    pdf = _build(write_release, tmp_path, HUGE)
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() for page in doc.pages)
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("E-Mail presse.und"))
    pieces = []
    for line in lines[start:]:
        pieces.append(line.removeprefix("E-Mail "))
        if "".join(pieces).endswith(".de"):
            break
    assert "".join(pieces) == HUGE  # no hyphen added, nothing lost
    assert len(pieces) >= 2
    for piece in pieces[:-1]:
        assert piece[-1] in ADDRESS_BREAKS, pieces
        assert len(piece) >= 3
    right_margin_pt = 20 / 25.4 * 72
    for line_text, right, width in _lines(pdf):
        assert right <= width - right_margin_pt + 0.5, line_text


def test_layout_prefers_two_columns_then_rows_then_one_column():
    narrow = PersonWidths(name=100, role=120, whole=(90, 180))
    grid = choose_layout([narrow] * 4, 467, 17)
    assert grid.kind == "grid" and grid.columns == 2
    assert choose_layout([narrow] * 3, 467, 17).columns == 2  # 182 pt do not fit a third of the frame
    small = PersonWidths(name=100, role=120, whole=(90, 130))
    assert choose_layout([small] * 3, 467, 17) == choose_layout([small] * 6, 467, 17)
    assert choose_layout([small] * 3, 467, 17).columns == 3
    wide = PersonWidths(name=200, role=120, whole=(90, 250))
    rows = choose_layout([narrow, wide], 467, 17)
    assert rows.kind == "rows" and rows.widths[1] >= 250 and sum(rows.widths) + 17 == pytest.approx(467)
    huge = PersonWidths(name=200, role=120, whole=(90, 400))
    assert choose_layout([narrow, huge], 467, 17) == choose_layout([huge], 467, 17)
    assert choose_layout([huge], 467, 17).columns == 1


@pytest.mark.parametrize("room", [40, 80, 150, 400])
def test_break_address_cuts_only_after_separators(room):
    width = lambda text: 5.0 * len(text)  # noqa: E731
    pieces = break_address(HUGE, room, room, width)
    assert "".join(pieces) == HUGE
    for piece in pieces[:-1]:
        assert piece[-1] in ADDRESS_BREAKS
    for piece in pieces:
        # a piece is wider than the room only when it has no separator to cut at in the room
        # (a cut leaves at least three characters on either side)
        cuttable = [i for i in range(3, len(piece) - 2) if piece[i - 1] in ADDRESS_BREAKS]
        assert width(piece) <= room or not any(width(piece[:i]) <= room for i in cuttable), pieces


def test_links_list_does_not_print_the_scheme(write_release, tmp_path):
    release = write_release("""\
        title: Kontakt
        date: 2026-12-03
        body: |
          Text.
        links:
          - url: mailto:pressestelle@altmarkkreis-salzwedel.de
          - url: tel:+493901840309
        """)
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    with pdfplumber.open(tmp_path / "out.pdf") as doc:
        text = "\n".join(page.extract_text() for page in doc.pages)
    assert "pressestelle@altmarkkreis-salzwedel.de" in text and "+493901840309" in text
    assert "mailto:" not in text and "tel:" not in text
