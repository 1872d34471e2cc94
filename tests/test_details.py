"""Small things a reader notices (issue 6, point 9), measured in the built PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from reportlab.lib.colors import Color

from conftest import PARTNERSHIP, REPO, ROAD
from presskit.pdf.contrast import AA_NORMAL, contrast_ratio
from presskit.jobs import build_one


def _colour(value) -> Color:
    if len(value) == 1:
        return Color(value[0], value[0], value[0])
    return Color(*value[:3])


def _baseline(char) -> float:
    return char["matrix"][5]


def test_embargo_band_passes_wcag_aa(built_examples):
    with pdfplumber.open(built_examples[ROAD].pdf) as pdf:
        page = pdf.pages[0]
        word = next(w for w in page.extract_words() if w["text"] == "Sperrfrist:")
        char = next(c for c in page.chars if c["text"] == "S" and abs(c["x0"] - word["x0"]) < 0.01
                    and abs(c["top"] - word["top"]) < 0.01)
        band = next(r for r in page.rects if r["x0"] <= char["x0"] and r["x1"] >= char["x1"]
                    and r["top"] <= char["top"] and r["bottom"] >= char["bottom"])
        ratio = contrast_ratio(_colour(char["non_stroking_color"]), _colour(band["non_stroking_color"]))
    assert ratio >= AA_NORMAL, ratio


def test_contrast_ratio_matches_wcag_examples():
    white, black = Color(1, 1, 1), Color(0, 0, 0)
    assert contrast_ratio(white, black) == pytest.approx(21)
    # the brand's accent under white text, as it was before: 3.24:1
    assert contrast_ratio(Color(0x7A / 255, 0x9A / 255, 0x2E / 255), white) == pytest.approx(3.24, abs=0.01)


def test_embargo_repeated_in_every_later_running_header(built_examples):
    with pdfplumber.open(built_examples[ROAD].pdf) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages[1:]:
            header = page.crop((0, 0, page.width, 80)).extract_text()
            assert "Sperrfrist: 03.12.2026, 10:00 Uhr" in header, header


def test_page_number_is_flush_right_with_the_footer_rule(built_examples):
    for name in (ROAD, PARTNERSHIP):
        with pdfplumber.open(built_examples[name].pdf) as pdf:
            total = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                rule = max((ln for ln in page.lines if ln["top"] > page.height * 0.85), key=lambda ln: ln["top"])
                words = [w for w in page.extract_words() if w["top"] > rule["top"]]
                last = max(words, key=lambda w: w["x1"])
                line = " ".join(w["text"] for w in words if abs(w["top"] - last["top"]) < 1)
                assert re.search(rf"(Seite|Page) {number} (von|of) {total}$", line), line
                assert last["x1"] == pytest.approx(rule["x1"], abs=0.6)


def test_facts_label_column_fits_its_labels(built_examples):
    with pdfplumber.open(built_examples[PARTNERSHIP].pdf) as pdf:
        page = next(p for p in pdf.pages if "The partnership at a glance" in (p.extract_text() or ""))
        words = page.extract_words()
        labels = ["Partner since", "Delegation", "Visit", "Next step", "School exchanges so far"]
        label_right, value_left = 0.0, []
        for label in labels:
            first = label.split()[0]
            w = next(w for w in words if w["text"] == first)
            row = sorted((x for x in words if abs(x["top"] - w["top"]) < 1), key=lambda x: x["x0"])
            label_words = row[: len(label.split())]
            assert " ".join(x["text"] for x in label_words) == label  # on one line
            label_right = max(label_right, label_words[-1]["x1"])
            value_left.append(row[len(label.split())]["x0"])
        assert len(set(round(x, 1) for x in value_left)) == 1  # one value column
        gap = value_left[0] - label_right
        assert 6 <= gap <= 12, gap  # the column gap (8 pt) and a little, not 42 % of the box


def test_markers_sit_on_their_texts_baseline_and_items_are_evenly_spaced(built_examples):
    for name, marker in ((ROAD, "•"), (PARTNERSHIP, "›"), (PARTNERSHIP, "•")):
        with pdfplumber.open(built_examples[name].pdf) as pdf:
            steps = []
            for page in pdf.pages:
                marks = [c for c in page.chars if c["text"] == marker]
                previous = None
                for mark in marks:
                    after = [c for c in page.chars if c["x0"] > mark["x1"] and c["text"].strip()
                             and abs(_baseline(c) - _baseline(mark)) < 6]
                    first = min(after, key=lambda c: c["x0"])
                    assert _baseline(first) == pytest.approx(_baseline(mark), abs=0.05), (name, first["text"])
                    if previous is not None:
                        steps.append(round(_baseline(previous) - _baseline(mark), 2))
                    previous = mark
            assert steps
            # one-line items: one step (multi-line items are a whole number of lines more)
            smallest = min(steps)
            assert all(s == smallest or s > smallest * 1.5 for s in steps), (name, marker, steps)


PORTRAIT = """\
title: Neue Leiterin im Bürgerbüro
date: 2026-12-03
body: |
  Das Bürgerbüro hat eine neue Leiterin.
images:
  - file: portrait.jpg
    caption: Anna Beispiel leitet seit dem 1. Dezember das Bürgerbüro in der Karl-Marx-Straße und ist montags bis freitags erreichbar.
    credit: (c) Pressestelle
    alt: Porträt einer Frau vor einer Bücherwand.
"""


def test_portrait_caption_is_no_wider_than_the_photo(write_release, tmp_path):
    Image.new("RGB", (600, 900), (120, 140, 160)).save(tmp_path / "portrait.jpg", quality=80)
    release = write_release(PORTRAIT)
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    with pdfplumber.open(tmp_path / "out.pdf") as pdf:
        page = pdf.pages[0]
        (picture,) = page.images
        assert picture["x1"] - picture["x0"] < page.width * 0.5  # it is a portrait photo
        below = [c for c in page.chars if c["top"] > picture["bottom"] and c["top"] < picture["bottom"] + 80
                 and c["text"].strip()]
        text = "".join(c["text"] for c in below)
        assert "AnnaBeispiel" in text.replace(" ", "")
        assert max(c["x1"] for c in below) <= picture["x1"] + 0.5
        assert "Foto:©Pressestelle" in text.replace(" ", "")  # (c) in a credit is ©


def _brand_without_texts(folder: Path) -> None:
    brand = (REPO / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8")
    head, _, tail = brand.partition("\ntexts:\n")
    rest = tail[tail.index("\npage:"):] if "\npage:" in tail else ""
    (folder / "presskit.yaml").write_text(head + rest + "\n", encoding="utf-8")


ENGLISH = """\
title: Winter service starts on district roads
date: 2026-12-03
lang: en
body: |
  The district's winter service is ready for the season.
"""


def _text(path):
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def test_english_release_gets_the_brands_english_texts(write_release, tmp_path):
    release = write_release(ENGLISH)
    assert build_one(release, tmp_path / "out.pdf").ok
    text = _text(tmp_path / "out.pdf")
    assert "Press contact" in text and "Press Office of the Altmarkkreis Salzwedel" in text
    assert "Office of the District Administrator" in text
    assert "About the Altmarkkreis Salzwedel" in text and "Your press office" in text
    body = text[text.index("Winter service starts"):]
    for german in ("Pressestelle des Altmarkkreises", "Ihre Pressestelle", "Landkreis im Nordwesten"):
        assert german not in body


def test_english_release_leaves_untranslated_brand_texts_out(write_release, tmp_path):
    folder = tmp_path / "own"
    folder.mkdir()
    _brand_without_texts(folder)
    release = write_release(ENGLISH, folder=folder)
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    text = _text(tmp_path / "out.pdf")
    body = text[text.index("Winter service starts"):]
    body = body[: body.index("Altmarkkreis Salzwedel · ")]  # the story, without the footer
    assert "Press contact\nPressestelle des Altmarkkreises Salzwedel\nPhone" in body  # the name, no role
    assert "pressestelle@altmarkkreis-salzwedel.de" in body
    for german in ("Pressekontakt", "Büro des Landrates", "Ihre Pressestelle", "Landkreis im Nordwesten", "Über den"):
        assert german not in body, german
