"""Table-driven and property tests for presskit.typography.smarten."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.typography.smarten import smarten, smarten_segments

NB = "\u00a0"

DE = [
    ('Er sagte "Hallo".', "Er sagte „Hallo“."),
    ("Sie sagte 'so'.", "Sie sagte ‚so‘."),
    ('"Er sagte \'hallo\'"', "„Er sagte ‚hallo‘“"),
    ("geht's", "geht’s"),
    ("Hans' Haus", "Hans’ Haus"),
    ("a -- b", "a – b"),
    ("a --- b", "a — b"),
    ("|---|:--:|", "|---|:--:|"),  # table rules stay as typed (tables are shown as text)
    ("Salzwedel - Die Pressestelle", "Salzwedel – Die Pressestelle"),
    ("und dann...", "und dann…"),
    ("viel   Platz", "viel Platz"),
    ("5 km", f"5{NB}km"),
    ("10 %", f"10{NB}%"),
    ("1.200 €", f"1.200{NB}€"),
    ("3 Mio. Euro", f"3{NB}Mio. Euro"),
    ("12 Mrd.", f"12{NB}Mrd."),
    ("um 20 Uhr", f"um 20{NB}Uhr"),
    ("um 10:00 Uhr", f"um 10:00{NB}Uhr"),
    ("15 Prozent", f"15{NB}Prozent"),
    ("300 dpi", f"300{NB}dpi"),
    ("§ 12", f"§{NB}12"),
    ("Nr. 5, S. 7, Abs. 2, Art. 3", f"Nr.{NB}5, S.{NB}7, Abs.{NB}2, Art.{NB}3"),
    ("am 18. Januar 2019", f"am 18.{NB}Januar 2019"),
    ("z. B. hier, d. h. dort, u. a. mit", f"z.{NB}B. hier, d.{NB}h. dort, u.{NB}a. mit"),
    ("Dr. Müller", f"Dr.{NB}Müller"),
    ("Fünf Kilometer", "Fünf Kilometer"),  # no unit, no change
    ("5 Mal", "5 Mal"),
    ("„schon“ – fertig", "„schon“ – fertig"),
]

EN = [
    ('He said "hello".', "He said “hello”."),
    ("She said 'so'.", "She said ‘so’."),
    ("don't", "don’t"),
    ("the '90s", "the ’90s"),
    ("a -- b --- c...", "a – b — c…"),
    ("10 percent", f"10{NB}percent"),
    ("3 million", f"3{NB}million"),
    ("18 January 2019", f"18{NB}January 2019"),
    ("January 18, 2019", f"January{NB}18, 2019"),
    ("at 10 am", f"at 10{NB}am"),
    ("Dr. Smith", f"Dr.{NB}Smith"),
    ("5 km", f"5{NB}km"),
]


@pytest.mark.parametrize("text,expected", DE)
def test_german(text, expected):
    assert smarten(text, "de") == expected


@pytest.mark.parametrize("text,expected", EN)
def test_english(text, expected):
    assert smarten(text, "en") == expected


def test_quote_state_crosses_segments():
    assert smarten_segments(['"', "fett", '"'], "de") == ["„", "fett", "“"]


def test_protected_segments_untouched():
    out = smarten_segments(["siehe ", "https://x.de/a--b...", " -- ok"], "de", [False, True, False])
    assert out == ["siehe ", "https://x.de/a--b...", " – ok"]


QUOTES = set("\"'„“”‚‘’")
_pieces = st.one_of(
    st.sampled_from(list(" \"'-.,;:!?()§%€„“‚‘’–—…\u00a0\t5aZ") + ["Nr. ", "z. B. ", "Dr. ", " km", " Uhr", "18. Januar ", "--", "..."]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
text_strategy = st.lists(_pieces, max_size=30).map("".join)


def _alnum(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


@settings(max_examples=400, deadline=None)
@given(text_strategy, st.sampled_from(["de", "en"]))
def test_idempotent(text, lang):
    once = smarten(text, lang)
    assert smarten(once, lang) == once


@settings(max_examples=400, deadline=None)
@given(text_strategy, st.sampled_from(["de", "en"]))
def test_letters_and_digits_unchanged(text, lang):
    assert _alnum(smarten(text, lang)) == _alnum(text)


@settings(max_examples=400, deadline=None)
@given(text_strategy, st.sampled_from(["de", "en"]))
def test_quote_count_preserved(text, lang):
    count = lambda s: sum(c in QUOTES for c in s)  # noqa: E731
    assert count(smarten(text, lang)) == count(text)


@settings(max_examples=200, deadline=None)
@given(text_strategy, st.sampled_from(["de", "en"]))
def test_only_spaces_quotes_dashes_dots_change(text, lang):
    allowed = set(" \t\u00a0-–—.…") | QUOTES
    out = smarten(text, lang)
    strip = lambda s: [c for c in s if c not in allowed]  # noqa: E731
    assert strip(out) == strip(text)
    assert unicodedata.normalize("NFC", out) == out or unicodedata.normalize("NFC", text) != text
