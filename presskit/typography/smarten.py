"""Typographic clean-up of typed text ("smartening"), per language.

``smarten(text, lang)`` turns typewriter habits into typesetting: straight
quotes into the language's quotes, ``--``/``---`` into dashes, ``...`` into an
ellipsis, runs of spaces into one, and spaces that must not break into
U+00A0 NO-BREAK SPACE.

The local rewrite rules live in one ordered table, ``RULES``; extend it there.
Quotes are the one stateful rule (an opening quote needs its closing partner,
even across bold/italic spans), so they are handled by ``_QuoteState``.

Every rule only touches spaces, quotes, dashes and dots: letters and digits
are never changed, the number of quote characters is preserved, and
``smarten`` is idempotent.  U+00A0 is used for all no-break spaces, including
inside abbreviations (``z. B.``): ReportLab treats U+202F NARROW NO-BREAK
SPACE as a breaking space, so it would not do its job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

NBSP = "\u00a0"

#: Typographic quotes per language: (double open, double close, single open, single close).
QUOTES: dict[str, tuple[str, str, str, str]] = {
    "de": ("\u201e", "\u201c", "\u201a", "\u2018"),  # „…“ ‚…‘
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),  # “…” ‘…’
}
APOSTROPHE = "\u2019"


@dataclass(frozen=True)
class Rule:
    """One local rewrite: ``pattern.sub(replacement, text)`` for the given languages."""

    name: str
    pattern: re.Pattern[str]
    replacement: str
    langs: frozenset[str] | None = None  # None: every language
    needs: str | None = None  # a substring without which the rule cannot match ("digit": any digit)

    def applies_to(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs

    def may_match(self, text: str, has_digit: bool) -> bool:
        """A cheap test that skips the regex for most texts (it is run ~15 times per span)."""
        if self.needs is None:
            return True
        if self.needs == "digit":
            return has_digit
        return self.needs in text


def _alt(words: Sequence[str]) -> str:
    """A regex alternation, longest first so that ``km²`` wins over ``km``."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


DE = frozenset({"de"})
EN = frozenset({"en"})

UNITS_ANY = [
    "%", "‰", "€", "$", "£", "EUR", "Cent", "ct",
    "km", "m", "cm", "mm", "km²", "m²", "m³", "qm", "ha",
    "kg", "g", "mg", "t", "l", "ml", "°C", "°", "kW", "kWh", "MW", "MWh", "GW",
    "dpi", "px", "pt", "h", "min", "Mbit/s", "MB", "GB", "TB",
]
UNITS_DE = [
    "Uhr", "Prozent", "Promille", "Euro", "Mio.", "Mrd.", "Tsd.", "Millionen",
    "Milliarden", "Std.", "Min.", "Sek.", "Stunden", "Minuten",
]
UNITS_EN = ["percent", "per cent", "million", "billion", "am", "pm", "a.m.", "p.m.", "hrs", "miles", "ft"]

MONTHS_DE = [
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember",
    "Jan.", "Feb.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
]
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
]
#: Abbreviations that stick to the number after them (``Nr. 5``, ``S. 12``).
BEFORE_NUMBER = ["Nr.", "S.", "Abs.", "Art.", "Bd.", "Ziff.", "Kap.", "Anl.", "No.", "p.", "pp.", "Vol.", "Fig."]
#: Titles that stick to the name after them (``Dr. Müller``).
TITLES = ["Dr.", "Prof.", "Dipl.-Ing.", "Hr.", "Fr.", "Mr.", "Mrs.", "Ms.", "Mx."]

_NUMBER = r"(?<![\w.,])(\d+(?:[.,:]\d+)*)"
_LETTER = "A-Za-zÄÖÜäöüß"


def _units(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(_NUMBER + " (?=(?:" + _alt(words) + r")(?!\w))")


#: The ordered table of local rules.  Spacing and dashes come first (quote
#: and no-break rules see their result); no-break rules run after the quotes.
RULES: list[Rule] = [
    Rule("space runs", re.compile(r"[ \t]{2,}|\t"), " "),
    # not inside table rules like |---| or :--: (shown as typed: tables are not supported)
    Rule("em dash", re.compile(r"(?<![-|:])---(?![-|:])"), "\u2014", needs="---"),
    Rule("en dash", re.compile(r"(?<![-|:])--(?![-|:])"), "\u2013", needs="--"),
    Rule("spaced hyphen", re.compile(r"(?<=[^\s\-\u2013\u2014]) - (?=[^\s\-\u2013\u2014])"), " \u2013 ", needs=" - "),
    Rule("ellipsis", re.compile(r"(?<!\.)\.\.\.(?!\.)"), "\u2026", needs="..."),
]

NOBREAK_RULES: list[Rule] = [
    Rule("number unit", _units(UNITS_ANY), r"\1" + NBSP, needs="digit"),
    Rule("number unit de", _units(UNITS_DE), r"\1" + NBSP, DE, needs="digit"),
    Rule("number unit en", _units(UNITS_EN), r"\1" + NBSP, EN, needs="digit"),
    Rule("section sign", re.compile(r"(§§?) (?=\S)"), r"\1" + NBSP, needs="§"),
    Rule("abbreviation number", re.compile(r"(?<![\w.])(" + _alt(BEFORE_NUMBER) + r") (?=\d)"), r"\1" + NBSP, needs="digit"),
    Rule("day month de", re.compile(r"(?<![\w.])(\d{1,2}\.) (?=(?:" + _alt(MONTHS_DE) + r")(?!\w))"), r"\1" + NBSP, DE, needs="digit"),
    Rule("day month en", re.compile(r"(?<![\w.])(\d{1,2}) (?=(?:" + _alt(MONTHS_EN) + r")(?!\w))"), r"\1" + NBSP, EN, needs="digit"),
    Rule("month day en", re.compile(r"(?<![\w.])(" + _alt(MONTHS_EN) + r") (?=\d{1,2}(?!\d))"), r"\1" + NBSP, EN, needs="digit"),
    Rule("abbreviation parts", re.compile(rf"(?<![\w.])([{_LETTER}]\.) (?=[{_LETTER}]\.)"), r"\1" + NBSP, needs=". "),
    Rule("title name", re.compile(r"(?<![\w.])(" + _alt(TITLES) + r") (?=[A-ZÄÖÜ])"), r"\1" + NBSP, needs=". "),
]


def _apply(rules: Sequence[Rule], text: str, lang: str) -> str:
    has_digit = any(c.isdigit() for c in text)
    for rule in rules:
        if rule.applies_to(lang) and rule.may_match(text, has_digit):
            text = rule.pattern.sub(rule.replacement, text)
    return text


def _lang(lang: str) -> str:
    lang = (lang or "de").lower()[:2]
    return lang if lang in QUOTES else "en"


class _QuoteState:
    """Decides, character by character, what each straight quote becomes.

    Works on the concatenation of all spans of an inline, so that the state
    (which quotes are open) carries across span boundaries.  Replacement is
    one character for one, so span lengths do not change.
    """

    def __init__(self, lang: str) -> None:
        self.dopen, self.dclose, self.sopen, self.sclose = QUOTES[lang]
        self.openers = set("([{/\u2013\u2014-" + self.dopen + self.sopen)
        self.double_open = False
        self.single_open = False

    def _side(self, prev: str, nxt: str, is_open: bool) -> bool:
        """True for an opening quote, False for a closing one."""
        open_ctx = not prev or prev.isspace() or prev in self.openers
        close_ctx = not nxt or nxt.isspace() or nxt in ".,;:!?)]}\u2026\u2013\u2014"
        if open_ctx != close_ctx:
            return open_ctx
        if is_open:
            return False
        return not (prev.isalnum() and not nxt.isalnum())

    def convert(self, text: str, fixed: Sequence[bool]) -> str:
        out = list(text)
        for i, ch in enumerate(text):
            if ch not in "\"'" or fixed[i]:
                continue
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if ch == '"':
                opening = self._side(prev, nxt, self.double_open)
                self.double_open = opening
                out[i] = self.dopen if opening else self.dclose
                continue
            if prev.isalnum() and (nxt.isalnum() or not self.single_open):
                out[i] = APOSTROPHE  # geht's, don't, Hans'
                continue
            if (not prev or prev.isspace()) and re.match(r"(\d\d(?!\d)|s |n )", text[i + 1 : i + 4]):
                out[i] = APOSTROPHE  # '90er, 's Wirtshaus, so 'n Ding
                continue
            opening = self._side(prev, nxt, self.single_open)
            self.single_open = opening
            out[i] = self.sopen if opening else self.sclose
        return "".join(out)


def smarten_segments(
    segments: Sequence[str], lang: str, protected: Sequence[bool] | None = None
) -> list[str]:
    """Smarten consecutive pieces of one text (the spans of an inline).

    ``protected`` pieces (URLs, e-mail addresses, literal text) are returned
    unchanged but still count as word characters for the quote logic.
    """
    lang = _lang(lang)
    protected = list(protected) if protected is not None else [False] * len(segments)
    pieces = [seg if prot else _apply(RULES, seg, lang) for seg, prot in zip(segments, protected)]
    # a space at the end of one piece makes a leading space of the next redundant
    for i in range(1, len(pieces)):
        if not protected[i] and pieces[i].startswith(" ") and pieces[i - 1].endswith((" ", NBSP)):
            pieces[i] = pieces[i][1:]
    joined = "".join(pieces)
    fixed = [prot for piece, prot in zip(pieces, protected) for _ in piece]
    converted = _QuoteState(lang).convert(joined, fixed)
    result, pos = [], 0
    for piece, prot in zip(pieces, protected):
        part = converted[pos : pos + len(piece)]
        pos += len(piece)
        result.append(piece if prot else _apply(NOBREAK_RULES, part, lang))
    return result


def smarten(text: str, lang: str) -> str:
    """Typographically clean up ``text`` for language ``lang`` (``de`` or ``en``)."""
    return smarten_segments([text], lang)[0]
