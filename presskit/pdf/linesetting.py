"""Set a ReportLab paragraph's lines with presskit's total-fit line breaker.

ReportLab parses the markup into fragments (text runs of one style, links
included); this module turns them into boxes, glue and penalties for
:mod:`presskit.typography.linebreak`, and the chosen lines back into ReportLab's
own line structures, which ``Paragraph.drawPara`` draws as usual (so the
tagging hooks on ``_putFragLine`` and the link annotations keep working).

* A word may span fragments (``**Land**rat``, a link inside a word); it is
  hyphenated as one word. A line-end hyphen is U+00AD, appended to the line's
  last text: the font draws it, and it copies as a soft hyphen.
* Spaces stretch by half and shrink by a third of their width; a no-break
  space (U+00A0) is never a break but stretches like the others (ReportLab
  draws it with the space's code, so the PDF word spacing applies to it) -
  except the one after ``Tel.`` and the like, a last-resort break (the
  number itself stays whole) taken only instead of a line stretched beyond 2x.
* Break penalties: hyphenation points (the hyphenator's own weights when it
  has ``breaks``), explicit hyphens, soft hyphens typed by the writer.
* URLs (also ``kreis-x.de/karte`` without ``https://``) and e-mail addresses
  break only after ``/ . - _ ? & = @``, never
  leaving fewer than three characters on either side, without a hyphen, and
  the line that ends inside one is set ragged.
* Words wider than the measure (emergency): at hyphenation points even where
  the style does not hyphenate (headlines), else between any two letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

from presskit.pdf import rl_internals
from presskit.typography.linebreak import INF, Box, Glue, Item, Line, Params, Penalty, break_lines
from presskit.typography.smarten import PHONE_WORDS

SHY = "\u00ad"
NBSP = "\u00a0"
WHITESPACE = " \t\n\r"
STRETCH = 0.5   # of a space's width
SHRINK = 1 / 3   # as TeX

HYPHEN_PENALTY = 50        # a hyphenation point of uniform quality
EXPLICIT_PENALTY = 30      # after a hyphen the writer typed
SHY_PENALTY = 30           # at a soft hyphen the writer typed
URL_PENALTY = 40
URL_SLASH_PENALTY = 20     # after '/' or '@': the natural joints of an address
URL_SCHEME_PENALTY = 400   # right after 'https://'
HEADLINE_PENALTY = 300     # hyphenating a headline word that does not fit
EMERGENCY_PENALTY = 900    # between any two letters of an overlong word
TIE_PENALTY = 3000         # after "Tel.": a last resort, rather than a line stretched beyond 2x

URL_BREAK_AFTER = "/.-_?&=@"
DASHES = ("\u2013", "\u2014")  # a dash standing alone as a word never starts a line
URL_MIN = 3                # characters kept together at either side of a URL break
#: Top-level domains that make a word without a scheme a web address (``kreis-x.de/karte``).
_TLDS = "de|com|org|net|eu|info|gov|edu|int|io|uk|at|ch|nl|be|lu|fr|pl|cz|dk|se|no|fi|it|es|online|digital|berlin"
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|^[^@\s]+@[^@\s]+\.[a-z]{2,}$"
                  r"|^(?:[a-z0-9-]+\.)+(?:" + _TLDS + r")(?:[/?#]\S*)?$", re.IGNORECASE)
_LEADING = "([{\u201e\u201a\u201c\u2018\u00bb\u00ab\"'\u2039\u203a"
_TRAILING = ")]}.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb\"'\u2026\u203a\u2039"

Hyphenate = Callable[[str], Sequence[tuple[int, float]]]


@dataclass(frozen=True)
class Piece:
    """What an item stands for: text in a fragment, or a break point."""

    frag: Any
    text: str = ""
    kind: str = ""   # penalties: "shy" (draw U+00AD), "join" (nothing drawn), "space" (glue)


def hyphenation_points(hyphenator: Any) -> Hyphenate | None:
    """``word -> ((index, penalty), ...)`` from a presskit/ReportLab hyphenator callable."""
    if not hyphenator or not callable(hyphenator):
        return None
    if hasattr(hyphenator, "breaks"):
        return lambda word: tuple((int(i), 20 + 0.9 * float(p)) for i, p in hyphenator.breaks(word))

    def points(word: str) -> tuple[tuple[int, float], ...]:
        out = []
        for head, _tail in hyphenator(word):
            position = len(head) - (1 if head.endswith(SHY) else 0)
            if 0 < position < len(word) and head[:position] == word[:position]:
                out.append((position, float(HYPHEN_PENALTY)))
        return tuple(sorted(set(out)))

    return points


# -- words ---------------------------------------------------------------------------


@dataclass
class _Word:
    segments: list[tuple[Any, str]]     # (frag, text) with soft hyphens removed
    breaks: dict[int, tuple[str, float]]  # index -> (kind, penalty); kind "hy", "ex", "url"
    text: str = ""
    url: bool = False
    space_frag: Any = None              # the fragment of the space after it, if any
    nobreak: bool = False               # followed by a no-break space


def _words(frags: Sequence[Any]) -> list[_Word]:
    """The paragraph's words, each as the fragments' texts it is made of."""
    words: list[_Word] = []
    current: _Word | None = None
    shy_at: list[int] = []
    length = 0
    for frag in frags:
        text = getattr(frag, "text", "")
        for run in re.findall(r"[ \t\n\r]+|\u00a0|[^ \t\n\r\u00a0]+", text):
            if run[0] in WHITESPACE or run == NBSP:
                if current is not None:
                    current.space_frag = frag
                    current.nobreak = run == NBSP
                    _finish(current, shy_at)
                    words.append(current)
                    current, shy_at, length = None, [], 0
                elif run == NBSP and words:
                    words[-1].nobreak = True
                continue
            if current is None:
                current = _Word([], {})
            pieces = run.split(SHY)
            for k, piece in enumerate(pieces):
                if k:
                    shy_at.append(length)
                if piece:
                    current.segments.append((frag, piece))
                    length += len(piece)
    if current is not None:
        _finish(current, shy_at)
        words.append(current)
    return [word for word in words if word.segments]


def _finish(word: _Word, shy_at: list[int]) -> None:
    word.text = "".join(t for _, t in word.segments)
    for p in shy_at:
        if 0 < p < len(word.text):
            word.breaks[p] = ("hy", SHY_PENALTY)


def _core(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _analyse(word: _Word, hyphenate: Hyphenate | None, typed_only: bool) -> None:
    """Find the word's break points (unless the writer typed soft hyphens)."""
    start, end = _core(word.text)
    core = word.text[start:end]
    if not core:
        return
    if _URL.match(core) and len(core) >= 2 * URL_MIN:
        word.url = True
        word.breaks.clear()
        last = 0
        scheme_end = core.find("://") + 3 if "://" in core else -1
        for i, ch in enumerate(core[:-1]):
            p = i + 1
            if ch not in URL_BREAK_AFTER or core[p] in URL_BREAK_AFTER:
                continue
            if p < URL_MIN or len(core) - p < URL_MIN or p - last < URL_MIN:
                continue
            penalty = URL_SCHEME_PENALTY if p == scheme_end else (URL_SLASH_PENALTY if ch in "/@" else URL_PENALTY)
            word.breaks[start + p] = ("url", penalty)
            last = p
        return
    if word.breaks:  # the writer's soft hyphens decide
        return
    # explicit hyphens: after '-' between letters (at least two before, two after)
    parts = []
    offset = 0
    for piece in core.split("-"):
        parts.append((offset, piece))
        offset += len(piece) + 1
    for (o, piece), (o2, nxt) in zip(parts, parts[1:]):
        if len(piece) >= 2 and piece[-2:].isalpha() and len(nxt) >= 2 and nxt[:2].isalpha():
            word.breaks[start + o2] = ("ex", EXPLICIT_PENALTY)
    if hyphenate is None or typed_only:
        return
    for o, piece in parts:
        if piece.isalpha():
            for index, penalty in hyphenate(piece):
                if 0 < index < len(piece):
                    word.breaks.setdefault(start + o + index, ("hy", penalty))


# -- items ---------------------------------------------------------------------------


def _width(text: str, frag: Any) -> float:
    return stringWidth(text, frag.fontName, frag.fontSize)


@lru_cache(maxsize=256)
def _space(font: str, size: float) -> float:
    return stringWidth(" ", font, size)


class ParagraphText:
    """The words of one paragraph, ready to be broken at any measure."""

    def __init__(self, frags: Sequence[Any], hyphenator: Any = None, *, hyphenate_all: bool,
                 emergency_hyphenator: Any = None) -> None:
        self.frags = list(frags)
        self.hyphenate = hyphenation_points(hyphenator) if hyphenate_all else None
        self.emergency = hyphenation_points(emergency_hyphenator or hyphenator)
        self.words = _words(self.frags)
        for word in self.words:
            _analyse(word, self.hyphenate, typed_only=False)
        self._items: dict[float, list[Item]] = {}

    @property
    def empty(self) -> bool:
        return not self.words

    def overlong_words(self, width: float) -> list[str]:
        """Words wider than ``width`` (they will be hyphenated or cut)."""
        return [w.text for w in self.words if sum(_width(t, f) for f, t in w.segments) > width + 1e-6]

    def items(self, width: float) -> list[Item]:
        key = round(width, 3)
        cached = self._items.get(key)
        if cached is None:
            cached = self._items[key] = self._build(width)
        return cached

    def _build(self, width: float) -> list[Item]:
        items: list[Item] = []
        for index, word in enumerate(self.words):
            breaks = dict(word.breaks)
            total = sum(_width(t, f) for f, t in word.segments)
            if total > width * 0.98:
                self._emergency_breaks(word, breaks, width)
            self._word_items(word, breaks, items)
            if index + 1 < len(self.words):
                last_frag = word.segments[-1][0]
                if word.nobreak or self.words[index + 1].text in DASHES:
                    # no break here (a no-break space, or before a dash: no line starts with
                    # one), but it stretches like every space (PDF word spacing applies to it)
                    char = NBSP if word.nobreak else " "
                    space = _width(char, last_frag)
                    if word.nobreak and word.text in PHONE_WORDS:  # the number itself stays whole
                        items.append(Penalty(0.0, TIE_PENALTY, last_resort=True, content=Piece(last_frag, "", "space")))
                    else:
                        items.append(Penalty(0.0, INF))
                    items.append(Glue(space, space * STRETCH, space * SHRINK, Piece(last_frag, char, "space")))
                else:
                    space = _space(last_frag.fontName, last_frag.fontSize)
                    before_url = self.words[index + 1].url
                    items.append(Glue(space, space * STRETCH, space * SHRINK, Piece(last_frag, " ", "space"),
                                      ragged=before_url))
        return items

    def _emergency_breaks(self, word: _Word, breaks: dict[int, tuple[str, float]], width: float) -> None:
        text = word.text
        if not word.url and self.emergency is not None and not any(k == "hy" for k, _ in breaks.values()):
            start, end = _core(text)
            core = text[start:end]
            offset = 0
            for piece in core.split("-"):
                if piece.isalpha():
                    for i, penalty in self.emergency(piece):
                        breaks.setdefault(start + offset + i, ("hy", HEADLINE_PENALTY + penalty))
                offset += len(piece) + 1
        # between any two characters of a piece still too wide (emergency pass only)
        chars = _char_widths(word)
        points = sorted(breaks) + [len(text)]
        previous = 0
        for point in points:
            if sum(chars[previous:point]) > width * 0.98:
                for p in range(previous + 2, point - 1):
                    breaks.setdefault(p, ("urlx" if word.url else "hyx", EMERGENCY_PENALTY))
            previous = point

    @staticmethod
    def _word_items(word: _Word, breaks: dict[int, tuple[str, float]], items: list[Item]) -> None:
        position = 0
        for frag, text in word.segments:
            cut = [p - position for p in sorted(breaks) if position < p < position + len(text)]
            pieces = [text[a:b] for a, b in zip([0] + cut, cut + [len(text)])]
            for k, piece in enumerate(pieces):
                if k:
                    _penalty(items, frag, breaks[position])
                items.append(Box(_width(piece, frag), Piece(frag, piece)))
                position += len(piece)
            if position in breaks and position < len(word.text):
                _penalty(items, frag, breaks[position])


def _penalty(items: list[Item], frag: Any, spec: tuple[str, float]) -> None:
    kind, value = spec
    emergency = kind in ("hyx", "urlx")
    kind = kind[:-1] if emergency else kind
    if kind == "hy":
        items.append(Penalty(_width(SHY, frag), value, flagged=True, emergency=emergency, content=Piece(frag, SHY, "shy")))
    elif kind == "ex":
        items.append(Penalty(0.0, value, flagged=True, content=Piece(frag, "", "join")))
    else:
        items.append(Penalty(0.0, value, ragged=True, emergency=emergency, content=Piece(frag, "", "join")))


def _char_widths(word: _Word) -> list[float]:
    out = []
    for frag, text in word.segments:
        out += [_width(ch, frag) for ch in text]
    return out


# -- lines ---------------------------------------------------------------------------


def set_lines(text: ParagraphText, widths: Sequence[float], *, ragged: bool, params: Params = Params()) -> list:
    """ReportLab ``FragLine`` objects for ``text`` broken at ``widths``."""
    measure = max(widths)
    items = text.items(measure)
    lines = break_lines(items, list(widths), ragged=ragged, params=params)
    return [_frag_line(items, line) for line in lines]


class LineEndText(str):
    """The text of a line's last fragment, saying how the line ends (``line_end``).

    Only the line setter knows whether a line ends inside a word or at a space
    (``Lindenberg-⏎Oppermann`` and ``Bus-⏎und Bahn`` look alike when drawn):
    ``"shy"`` (a hyphenated word, U+00AD drawn), ``"join"`` (inside a word
    without a hyphen drawn: after a typed hyphen, inside a URL or an e-mail
    address), ``"space"`` or ``"end"`` (the paragraph's last line). ReportLab
    hands this text object to ``_textOut`` unchanged; the tagger reads it, so
    that a word broken here copies whole (:mod:`presskit.pdf.tagging.brokenwords`).
    """

    line_end = "space"

    @property
    def joins_next_line(self) -> bool:
        """The line ends inside a word: nothing goes between it and the next line when copied."""
        return self.line_end in ("shy", "join")


def line_end_text(text: str, how: str) -> LineEndText:
    marked = LineEndText(text)
    marked.line_end = how
    return marked


def _frag_line(items: Sequence[Item], line: Line):
    words: list[Any] = []
    current_frag = None
    spaces = 0
    for item in items[line.start:line.end]:
        piece: Piece = item.content
        if isinstance(item, Penalty):
            continue
        if isinstance(item, Glue) and piece.text == " ":
            spaces += 1
        if words and piece.frag is current_frag:
            words[-1].text += piece.text
        else:
            clone = piece.frag.clone()
            clone.text = piece.text
            words.append(clone)
            current_frag = piece.frag
    end = items[line.end] if line.end < len(items) else None
    how = "space"
    if isinstance(end, Penalty):
        piece = end.content
        how = piece.kind
        if piece.kind == "shy" and words:
            words[-1].text += SHY
    elif end is None:
        how = "end"
    if words:
        words[-1].text = line_end_text(words[-1].text, how)
    natural = 0.0
    size, ascent, descent = 0.0, -1e9, 1e9
    for w in words:
        natural += _width(w.text, w)
        a, d = getAscentDescent(w.fontName, w.fontSize)
        size, ascent, descent = max(size, w.fontSize), max(ascent, a), min(descent, d)
    frag_line = rl_internals.frag_line(
        words=words, extra_space=line.width - natural, word_count=spaces + 1,  # ReportLab adds the no-break spaces itself
        line_break=line.ragged and not line.last, font_size=size, ascent=ascent, descent=descent,
        max_width=line.width,
    )
    frag_line.presskit_end = how  # how the line ends: "space", "shy", "join" or "end"
    return frag_line


def rejoin(lines: Sequence[Any]) -> list[Any]:
    """Fragments with the text of ``lines`` (for a paragraph made of some of the lines
    of another one): line ends become spaces again, line-end hyphens vanish."""
    frags: list[Any] = []
    for line in lines:
        for index, word in enumerate(line.words):
            clone = word.clone()
            clone.text = str(word.text)  # a new paragraph: its own line ends
            if index == len(line.words) - 1:
                how = getattr(line, "presskit_end", "space")
                if how == "shy" and clone.text.endswith(SHY):
                    clone.text = clone.text[:-1]
                elif how == "space":
                    clone.text += " "
            frags.append(clone)
    return frags


def line_text(line: Any) -> str:
    return "".join(w.text for w in line.words)


__all__ = ["INF", "LineEndText", "ParagraphText", "Piece", "hyphenation_points", "line_end_text", "line_text", "rejoin", "set_lines"]
