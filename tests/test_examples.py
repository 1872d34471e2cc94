"""Every example release in releases/ checks clean and builds into a sensible number of pages."""

from __future__ import annotations

import datetime as dt

import pytest

import pdfcheck
from conftest import EXAMPLES


def test_there_are_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_checks_without_errors(source):
    from presskit.jobs import check_one

    # as of the release date, so that an embargo is not "in the past" just because time went by
    release_date = dt.date.fromisoformat(source.name[:10])
    result = check_one(source, today=release_date)
    errors = [d.format() for d in result.diagnostics if d.severity == "error"]
    assert errors == []
    assert result.ok


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_builds_into_one_to_four_pages(built_examples, source):
    built = built_examples[source.stem]
    assert built.data.startswith(b"%PDF-")
    pages = pdfcheck.page_count(built.pdf)
    assert 1 <= pages <= 4, pages
    # no page is (nearly) empty: each carries some story text after its furniture
    stories = pdfcheck.page_story_texts(built.pdf)
    assert len(stories) == pages
    for number, story in enumerate(stories, start=1):
        assert len(pdfcheck.squash(story)) > 40, f"page {number} has next to no text: {story!r}"


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_file_name_matches_its_date(source):
    import yaml

    data = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert source.name.startswith(data["date"] + "-")
