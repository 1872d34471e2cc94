"""Typographic clean-up of typed text ("smartening"), per language.

``smarten(text, lang)`` turns typewriter habits into typesetting: straight
quotes into the language's quotes, ``--``/``---`` into dashes, ``...`` into an
ellipsis, runs of spaces into one, and spaces that must not break into
U+00A0 NO-BREAK SPACE.

The local rewrite rules live in one ordered table, ``RULES``; extend it there.
Quotes are the one stateful rule (an opening quote needs its closing partner,
even across bold/italic spans), so they are handled by ``_QuoteState``.

Every rule only touches spaces, quotes, dashes and dots (a hyphen before a number
becomes a minus sign, U+2212): letters and digits
are never changed, the number of quote characters is preserved, and
``smarten`` is idempotent.  U+00A0 is used for all no-break spaces, including
inside abbreviations (``z. B.``): ReportLab treats U+202F NARROW NO-BREAK
SPACE as a breaking space, so it would not do its job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

NBSP = "\u00a0"

#: Typographic quotes per language: (double open, double close, single open, single close).
QUOTES: dict[str, tuple[str, str, str, str]] = {
    "de": ("\u201e", "\u201c", "\u201a", "\u2018"),  # „…“ ‚…‘
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),  # “…” ‘…’
}
APOSTROPHE = "\u2019"

#: What may follow a word-initial apostrophe (an elision, not an opening quote).
_ELISIONS_ANY = r"\d\d(?!\d)|[nN]['\u2019]|[sn](?![\w'\u2019])"
ELISIONS: dict[str, re.Pattern[str]] = {
    "de": re.compile(r"(?:" + _ELISIONS_ANY + r"|ne[mnrs]?(?!\w)|nen(?!\w))"),
    "en": re.compile(r"(?:" + _ELISIONS_ANY + r"|(?i:twas|tis|til|em|cause|bout|round|tween|twixt)(?![\w'\u2019]))"),
}


@dataclass(frozen=True)
class Rule:
    """One local rewrite: ``pattern.sub(replacement, text)`` for the given languages."""

    name: str
    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str]
    langs: frozenset[str] | None = None  # None: every language
    # substrings without one of which the rule cannot match ("digit": any digit)
    needs: str | tuple[str, ...] | None = None

    def applies_to(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs

    def may_match(self, text: str, has_digit: bool) -> bool:
        """A cheap test that skips the regex for most texts (it is run ~15 times per span)."""
        if self.needs is None:
            return True
        if self.needs == "digit":
            return has_digit
        if isinstance(self.needs, tuple):
            return any(needle in text for needle in self.needs)
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
    "kWp", "MWp", "Wp", "W", "kV", "V", "Hz", "kHz", "MHz", "GHz", "GWh", "TWh",
    "km/h", "m/s", "t/a", "dB", "dpi", "px", "pt", "h", "min", "s",
    "bit/s", "kbit/s", "Mbit/s", "Gbit/s", "MBit/s", "GBit/s", "MB", "GB", "TB",
]
UNITS_DE = [
    "Uhr", "Prozent", "Promille", "Euro", "Mio.", "Mrd.", "Tsd.", "Millionen",
    "Milliarden", "Std.", "Min.", "Sek.", "Stunden", "Minuten", "Kilometer", "Meter",
    "Hektar", "Tonnen", "Liter", "Grad", "Einwohner", "Einwohnerinnen", "Jahre", "Jahren",
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
BEFORE_NUMBER = ["Nr.", "S.", "Abs.", "Art.", "Satz", "Buchst.", "Bd.", "Ziff.", "Kap.", "Anl.", "No.", "p.", "pp.", "Vol.", "Fig."]
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
    # a hyphen standing before a number is a minus sign: -5 °C (the fallback face has it)
    Rule("minus sign", re.compile(r"(?<![^\s(\u00a0])-(?=\d)"), "\u2212", needs="-"),
    Rule("spaced hyphen", re.compile(r"(?<=[^\s\-\u2013\u2014]) - (?=[^\s\-\u2013\u2014])"), " \u2013 ", needs=" - "),
    Rule("ellipsis", re.compile(r"(?<!\.)\.\.\.(?!\.)"), "\u2026", needs="..."),
]

#: Words after which a telephone number follows (``Tel. 03901 840-309``).
PHONE_WORDS = ["Tel.", "Tel", "Telefon", "Tel.:", "Telefon:", "Fax", "Fax:", "Mobil", "Mobil:",
               "Handy", "Phone", "Phone:", "Mobile", "Mobile:", "Fon", "Fon:"]
#: German road classes before their number (``K 1390``, ``B 71``, ``A 14``, ``L 8``).
ROADS = ["A", "B", "K", "L", "St", "E", "BAB"]
#: German law codes after a paragraph or article number (``Art. 5 GG``) or before a book (``SGB II``).
LAWS = ["GG", "BGB", "SGB", "StGB", "StPO", "ZPO", "HGB", "BauGB", "BauNVO", "VwVfG", "VwGO",
        "KAG", "KVG", "GO", "EStG", "UStG", "AO", "BImSchG", "StVO", "StVZO", "BNatSchG", "WHG",
        "EEG", "GEG", "IfSG", "DSGVO", "BDSG", "TVöD", "KiFöG", "SchulG", "BKAG", "OWiG",
        "LSA", "KomVG", "BayGO", "GemO", "AufenthG", "AsylG", "BAföG", "BEEG", "WoGG"]
#: What follows a paragraph's number inside a citation (``§ 12 Abs. 3``, ``Art. 5 GG``).
CITATION_PARTS = ["Abs.", "Satz", "S.", "Nr.", "Alt.", "Buchst.", "lit.", "Halbs.", "Ziff.", *LAWS]
#: Nouns that stick to the number after them (``Seite 12``, ``Zimmer 310``).
NOUN_NUMBER_DE = ["Seite", "Seiten", "Nummer", "Anlage", "Kapitel", "Absatz", "Artikel", "Zimmer",
                  "Raum", "Haus", "Gleis", "Bahnsteig", "Linie", "Tagesordnungspunkt", "TOP",
                  "Kalenderwoche", "KW", "Stufe", "Band", "Heft", "Ausgabe", "Los", "Bauabschnitt",
                  "Gebäude", "Block", "Saal"]
NOUN_NUMBER_EN = ["page", "Page", "pages", "Pages", "Room", "room", "Chapter", "chapter",
                  "Section", "section", "Article", "article", "Annex", "Platform", "platform"]
#: Nouns after an ordinal (``4. Quartal``, ``2. Bauabschnitt``).
AFTER_ORDINAL_DE = ["Quartal", "Halbjahr", "Jahrhundert", "Jahrtausend", "Klasse", "Stock",
                    "Etage", "Obergeschoss", "Untergeschoss", "OG", "Bauabschnitt", "Abschnitt",
                    "Liga", "Platz", "Lesung", "Sitzung", "Wahlperiode", "Legislaturperiode",
                    "Jahrestag", "Geburtstag", "Kalenderwoche", "KW", "Advent", "Auflage",
                    "Runde", "Staffel", "Spieltag", "Kreistag", "Durchgang", "Tranche"]
#: Scales after ``Mio.``/``Mrd.``: currencies (``3 Mio. €``).
CURRENCIES = ["€", "Euro", "EUR", "$", "US-Dollar", "Dollar", "£", "Pfund", "CHF", "Franken"]
#: Legal forms that stick to the name before them (``Stadtwerke GmbH``).
LEGAL_FORMS = ["GmbH", "gGmbH", "mbH", "AG", "KG", "KGaA", "OHG", "GbR", "eG", "SE", "UG", "AöR",
               "Ltd.", "Ltd", "Inc.", "Inc", "plc", "LLC"]
#: Place qualifiers in parentheses (``Halle (Saale)``, ``Frankfurt (Oder)``).
PLACE_QUALIFIERS = ["Saale", "Oder", "Main", "Elbe", "Havel", "Spree", "Ilm", "Donau", "Rhein",
                    "Mosel", "Lahn", "Weser", "Ems", "Neiße", "Aller", "Ruhr", "Lippe", "Harz",
                    "Altmark", "Westf.", "Westfalen", "Holstein", "Pfalz", "Sachsen", "Sachs.",
                    "Thür.", "Opf.", "Brsg.", "Oldb.", "Oldenburg", "Ostfriesland", "Erzgeb."]
#: Street endings before a house number (``Karl-Marx-Str. 32``, ``Am Markt 1``).
STREETS = ["straße", "Straße", "str.", "Str.", "strasse", "Strasse", "weg", "Weg", "platz", "Platz",
           "allee", "Allee", "gasse", "Gasse", "ring", "Ring", "damm", "Damm", "ufer", "Ufer",
           "chaussee", "Chaussee", "markt", "Markt", "steig", "Steig", "stieg", "pfad", "Pfad",
           "hof", "Hof", "berg", "Berg", "graben", "Graben", "wall", "Wall", "tor", "Tor",
           "Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Lane", "Square"]

DASHES = "\u2013\u2014"


def _word_before(words: Sequence[str]) -> re.Pattern[str]:
    """``WORD`` + space before a digit: the space becomes a no-break space."""
    return re.compile(r"(?<![\w.])(" + _alt(words) + r") (?=[\d+(])")


def _range(match: re.Match[str]) -> str:
    """``9-12`` → ``9–12`` when it reads as a range: the first number is the smaller, and
    it is not part of a phone number, an ISO date or a reference number."""
    left, dot, right = match.group(1), match.group(2), match.group(3)
    before = match.string[max(0, match.start() - 16) : match.start()]
    if _NOT_A_RANGE_BEFORE.search(before):
        return match.group(0)
    if len(left) > 1 and left.startswith("0"):
        return match.group(0)  # 03901-840: an area code
    a, b = (float(x.replace(":", ".")) for x in (left, right))
    if len(left) == 4 and len(right) == 2 and "." not in left + right and ":" not in left + right:
        b = float(left[:2] + right)  # 2019-26
    if not a < b:
        return match.group(0)  # 840-309, 2026-12: not a range
    return left + dot + "\u2013" + right


_NOT_A_RANGE_BEFORE = re.compile(
    r"(?:\d[ \u00a0]|(?<![\w.])(?:" + _alt(PHONE_WORDS + ["Nr.", "No.", "Nummer", "Az.", "Version",
                                                          "Release", "Ver.", "Aktenzeichen"]) + r")[ \u00a0]*)$"
)

#: Ranges typed with a hyphen between numbers: ``1.-3. März``, ``2019-2026``, ``9-12 Uhr``.
_RANGE_PATTERN = re.compile(
    r"(?<![\w.,/+\-\u2013:])(\d{1,4}(?:[.:]\d\d)?)(\.?)-(\d{1,4}(?:[.:]\d\d)?)(?![\w\-/]|[.,:]\d)"
)

NOBREAK_RULES: list[Rule] = [
    Rule("number range", _RANGE_PATTERN, _range, needs="-"),
    Rule("number unit", _units(UNITS_ANY), r"\1" + NBSP, needs="digit"),
    Rule("number unit de", _units(UNITS_DE), r"\1" + NBSP, DE, needs="digit"),
    Rule("number unit en", _units(UNITS_EN), r"\1" + NBSP, EN, needs="digit"),
    Rule("section sign", re.compile(r"(§§?) (?=\S)"), r"\1" + NBSP, needs="§"),
    Rule("abbreviation number", re.compile(r"(?<![\w.])(" + _alt(BEFORE_NUMBER) + r") (?=\d)"), r"\1" + NBSP, needs="digit"),
    Rule("day month de", re.compile(r"(?<![\w.])(\d{1,2}\.) (?=(?:" + _alt(MONTHS_DE) + r")(?!\w))"), r"\1" + NBSP, DE, needs="digit"),
    Rule("day month en", re.compile(r"(?<![\w.])(\d{1,2}) (?=(?:" + _alt(MONTHS_EN) + r")(?!\w))"), r"\1" + NBSP, EN, needs="digit"),
    Rule("month day en", re.compile(r"(?<![\w.])(" + _alt(MONTHS_EN) + r") (?=\d{1,2}(?!\d))"), r"\1" + NBSP, EN, needs="digit"),
    Rule("abbreviation parts", re.compile(rf"(?<![\w.])([{_LETTER}]\.) (?=[{_LETTER}]\.)"), r"\1" + NBSP, needs=". "),
    Rule("phone word", _word_before(PHONE_WORDS), r"\1" + NBSP, needs="digit"),
    # area code and number: 03901 840-309, +49 3901 840-309
    Rule("area code", re.compile(r"(?<![\w.,])(0\d{2,5}|\+\d{1,3}(?:[ \u00a0]\d{2,5})?) (?=\d{2,}(?:[\d/\-]|[ \u00a0]\d)*(?![\w.,]\d))"),
         r"\1" + NBSP, needs="digit"),
    Rule("area code 2", re.compile(r"(?<![\w.,])(\+\d{1,3}) (?=\d)"), r"\1" + NBSP, needs="+"),
    Rule("scale currency", re.compile(r"(?<![\w.])(Mio\.|Mrd\.|Tsd\.|Millionen|Milliarden|Tausend|million|billion) (?=(?:"
                                      + _alt(CURRENCIES) + r")(?!\w))"), r"\1" + NBSP,
         needs=("Mio", "Mrd", "Tsd", "illion", "Tausend")),
    Rule("currency number", re.compile(r"(?<![\w.])(€|EUR|\$|£|CHF) (?=\d)"), r"\1" + NBSP, needs="digit"),
    Rule("road number", re.compile(r"(?<![\w.\-])(" + _alt(ROADS) + r") (?=\d{1,4}(?!\d|[.,:]\d))"), r"\1" + NBSP, DE, needs="digit"),
    Rule("law book", re.compile(r"(?<![\w.])(" + _alt(LAWS) + r") (?=(?:[IVX]+|\d+)(?!\w))"), r"\1" + NBSP,
         DE, needs=tuple({law[-1] + " " for law in LAWS})),
    # a number inside a citation (after § or Art. and the no-break space the rules above put there)
    Rule("citation", re.compile(r"(?:(?<=§\u00a0)|(?<=Art\.\u00a0)|(?<=Abs\.\u00a0)|(?<=Satz\u00a0)|(?<=Nr\.\u00a0))"
                                r"(\d+[a-z]?) (?=(?:" + _alt(CITATION_PARTS) + r")(?!\w))"),
         r"\1" + NBSP, DE, needs="digit"),
    Rule("noun number de", _word_before(NOUN_NUMBER_DE), r"\1" + NBSP, DE, needs="digit"),
    Rule("noun number en", _word_before(NOUN_NUMBER_EN), r"\1" + NBSP, EN, needs="digit"),
    Rule("ordinal noun", re.compile(r"(?<![\w.])(\d{1,3}\.) (?=(?:" + _alt(AFTER_ORDINAL_DE) + r")(?!\w))"), r"\1" + NBSP, DE,
         needs="digit"),
    Rule("street number", re.compile(r"(?<=[\w.])(" + _alt(STREETS) + r") (?=\d{1,4}[a-z]?(?![\w.,:]\d|\d|[.,:]?[ \u00a0]?(?:Uhr|km|m|%|Prozent|Euro|€)))"),
         r"\1" + NBSP, needs="digit"),
    Rule("street number short", re.compile(r"(?<![\w.])(" + _alt([w for w in STREETS if w[0].isupper()]) + r") (?=\d{1,4}[a-z]?(?![\w.,:]\d|\d))"),
         r"\1" + NBSP, DE, needs="digit"),
    Rule("postcode town", re.compile(r"(?<![\w.,\-])((?:D-)?\d{5}) (?=[A-ZÄÖÜ][a-zäöüß])"), r"\1" + NBSP, DE, needs="digit"),
    Rule("place qualifier", re.compile(r"(?<=\w) (?=\((?:" + _alt(PLACE_QUALIFIERS) + r")\))"), NBSP, needs="("),
    Rule("legal form", re.compile(r"(?<=[\w.)]) (?=(?:" + _alt(LEGAL_FORMS) + r")(?![\w&]))"), NBSP,
         needs=("GmbH", "AG", "KG", "OHG", "GbR", "eG", "SE", "UG", "AöR", "Ltd", "Inc", "plc", "LLC")),
    Rule("and company", re.compile(r"(?<=\w) & (?=Co\.)"), NBSP + "&" + NBSP, needs="& Co."),
    Rule("company form", re.compile(r"(?<=Co\.) (?=(?:KG|OHG|KGaA)(?!\w))"), NBSP, needs="Co."),
    Rule("times sign", re.compile(r"(?<=\d) (?=×)|(?<=×) (?=\d)"), NBSP, needs="×"),
    Rule("dash after word", re.compile(r"(?<=[^\s\u00a0]) ([" + DASHES + r"])(?= )"), NBSP + r"\1", needs=tuple(DASHES)),
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
        self.elision = ELISIONS[lang]
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
            if (not prev or prev.isspace() or prev in "(\u2013\u2014") and self.elision.match(text, i + 1):
                out[i] = APOSTROPHE  # '90er, 's Wirtshaus, so 'n Ding, so 'ne, Rock 'n' Roll, 'Twas
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


_COPYRIGHT = re.compile(r"\((?:c|C)\)(?=[ \u00a0]|$)")


def copyright_sign(text: str) -> str:
    """``(c)``/``(C)`` as typed in a photo credit → ``©`` (only credits: elsewhere ``(c)``
    is more often an enumeration)."""
    return _COPYRIGHT.sub("\u00a9", text) if "(" in text else text
