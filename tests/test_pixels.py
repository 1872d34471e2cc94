"""Pixels: pages 1 and 2 of two examples, rendered at 50 dpi in grayscale, against reference PNGs.

``pytest --update-references`` rewrites the references instead of comparing. Tagging
(marked content, structure tree) must not change a single pixel.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

import pdfcheck
from conftest import FIBRE, ROAD, UPDATED

REFERENCES = Path(__file__).resolve().parent / "references"
DPI = 50
# Tight on purpose: at 50 dpi one changed word ("sechs" → "sieben") moves the mean by
# only ~0.3 and ~0.18 % of the pixels by more than 64, so 1.5 / 0.5 % would miss it.
MAX_MEAN_DIFF = 0.25       # mean absolute difference, 0–255
MAX_BAD_SHARE = 0.001      # share of pixels differing by more than ...
BAD_DIFF = 64
CASES = [(name, page) for name in (FIBRE, ROAD) for page in (1, 2)]


def _compare(actual: Image.Image, expected: Image.Image) -> tuple[float, float]:
    diff = ImageChops.difference(actual, expected)
    histogram = diff.histogram()
    total = actual.width * actual.height
    mean = sum(value * count for value, count in enumerate(histogram)) / total
    bad = sum(histogram[BAD_DIFF + 1:]) / total
    return mean, bad


@pytest.mark.parametrize("name, page", CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_page_matches_reference(built_examples, update_references, name, page):
    actual = pdfcheck.render_gray(built_examples[name].pdf, page - 1, DPI)
    reference = REFERENCES / f"{name}-{page}.png"
    if update_references:
        REFERENCES.mkdir(exist_ok=True)
        actual.save(reference, optimize=True)
        UPDATED.append(str(reference.relative_to(REFERENCES.parent.parent)))
        return
    if not reference.exists():
        pytest.fail(
            f"no reference image {reference.relative_to(REFERENCES.parent.parent)}; "
            "create it with: python -m pytest tests/test_pixels.py --update-references"
        )
    expected = Image.open(reference).convert("L")
    assert actual.size == expected.size, f"page size changed: {actual.size} vs reference {expected.size}"
    mean, bad = _compare(actual, expected)
    assert mean < MAX_MEAN_DIFF and bad < MAX_BAD_SHARE, (
        f"{name} page {page} differs from {reference.name}: mean difference {mean:.2f}, "
        f"{bad:.2%} of pixels differ by more than {BAD_DIFF}"
    )


def test_comparison_notices_one_changed_word(built_examples, tmp_path):
    """The tolerance is tight enough to see one word changed in the lead."""
    from presskit.jobs import build_one

    source = built_examples[FIBRE].source.read_text(encoding="utf-8")
    assert "in sechs Ortsteilen" in source
    changed = tmp_path / "changed.yaml"
    changed.write_text(source.replace("in sechs Ortsteilen", "in sieben Ortsteilen"), encoding="utf-8")
    assert build_one(changed, tmp_path / "changed.pdf").ok
    before = pdfcheck.render_gray(built_examples[FIBRE].pdf, 0, DPI)
    after = pdfcheck.render_gray(tmp_path / "changed.pdf", 0, DPI)
    assert before.size == after.size
    mean, bad = _compare(after, before)
    assert not (mean < MAX_MEAN_DIFF and bad < MAX_BAD_SHARE), (mean, bad)
    assert _compare(before, before) == (0.0, 0.0)


@pytest.mark.parametrize("name", [FIBRE, ROAD])
def test_border_of_10mm_is_blank(built_examples, name):
    """Nothing printed within 10 mm of the paper edge (printers cannot reach it)."""
    for index in range(pdfcheck.page_count(built_examples[name].pdf)):
        image = pdfcheck.render_gray(built_examples[name].pdf, index, DPI)
        border = round(10 / 25.4 * DPI)
        w, h = image.size
        for box in ((0, 0, w, border), (0, h - border, w, h), (0, 0, border, h), (w - border, 0, w, h)):
            assert image.crop(box).getextrema()[0] >= 250, f"page {index + 1}: ink in border {box}"
        # and the page is not blank
        assert image.crop((border, border, w - border, h - border)).getextrema()[0] < 100
