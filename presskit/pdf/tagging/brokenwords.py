"""Whole words when text is copied: ``/ActualText`` spans over every word broken at a line end.

A word broken at a line end is drawn as a head at the end of one line and a
tail at the start of the next. Extractors do not agree on what that means:

* a hyphenated word (the head ends in U+00AD, which the font shows as a
  hyphen): poppler (pdftotext, Evince, Okular) keeps the U+00AD and its line
  break (``Schotterra\\u00ad⏎sen``); PDFium (Chrome, Edge, pypdfium2)
  reports the break as U+FFFE; pdf.js drops the U+00AD but keeps the line break;
* a line ending in a typed hyphen: poppler's reading-order text drops the
  hyphen and joins the lines (``Lindenberg-⏎Oppermann`` copies as
  ``LindenbergOppermann``, ``…@altmarkkreis-⏎salzwedel.de`` as
  ``altmarkkreissalzwedel.de``, and ``Bus-⏎und Bahn`` as ``Busund Bahn``);
  PDFium reports U+FFFE instead of the hyphen;
* a URL or an e-mail address broken after ``/``, ``.``, ``@`` …: both keep
  the line break inside it.
* poppler and PDFium both honour a marked-content ``/Span`` with
  ``/ActualText`` (ISO 32000-1 14.9.4): they extract the replacement text
  once, in place of the glyphs. One span over head, line end and tail
  (``Schotterrasen``) works in both, but poppler lays the replacement text out
  on the diagonal from the head's first glyph to the tail's last, a line
  below, and then sorts the words after the span into it (``Oppermannund``,
  ``RadAusfahrten,``). An empty replacement text for the tail works in poppler
  only: PDFium then repeats the tail.

Only the line setter knows whether a line ends inside a word: it marks the
text of each line's last fragment (:class:`presskit.pdf.linesetting.LineEndText`),
and the tagger passes what it says on as ``join``, the text that goes between
head and tail in the copy: ``""`` for a break inside a word (at a soft or a
typed hyphen, inside a URL or an e-mail address), ``" "`` for a line that ends
at a space after a hyphen (``Bus- und``, so that poppler does not join the
words). Text not set by the line setter is recognised by its line-end U+00AD
alone.

So every such word gets two marked-content sequences: ``/Span`` with the whole
word as ``/ActualText`` from the head's last word to the line end, and
``/Span`` with ``/ActualText`` ``( )`` over the tail (the next line's first
word, and the space after it): both extractors copy the word whole at the
head's place and a space at the tail's (``Schotterrasen ⏎ und``), each
replacement on one line. A screen reader reading the structure gets the same.
The sequences have MCIDs owned by the paragraph's element, or by the link's
when the word is link text (``/Span <</MCID n /ActualText …>> BDC``), between
the element's sequences before and after them in the same text object, not
nested in the paragraph's: poppler's structure-text reader
(``pdfinfo -struct-text``, poppler-glib) ends an MCID's text at the first EMC
inside it, so a nested span cut off the rest of the paragraph there.

:class:`BrokenWords` finds the spans in one text object while ReportLab writes
it, one ``_textOut`` at a time, and leaves a blank piece where each begins and
ends; :meth:`.tagger.Tagger._draw_segmented` writes the sequences. A span
that a link's sequence would cut (the word goes on outside the link) is cut
short there (:meth:`BrokenWords.unsplit`).
"""

from __future__ import annotations

from typing import Any, Callable

SHY = "\u00ad"
NBSP = "\u00a0"

#: The blank piece left where a span begins and where it ends; the tagger writes the
#: sequences around it (a blank piece adds nothing to the content stream).
_BLANK = ""


def text_string(text: str) -> str:
    """``<FEFF…>``: a PDF text string in UTF-16BE (ISO 32000-1 7.9.2.2)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _clean(text: str) -> str:
    return text.replace(SHY, "")


_HYPHENS = "-\u2010\u2011"


def _tail_end(text: str) -> int:
    """Where the first word of ``text`` ends (-1: it goes on): at the first space, unless a
    hyphen stands before it and more text follows (``chen- und``): poppler would join a
    word ending in a hyphen to the next line's first word again, so that word goes with it."""
    position = 0
    while True:
        found = [i for i in (text.find(" ", position), text.find(NBSP, position)) if i >= 0]
        if not found:
            return -1
        cut = min(found)
        after = cut
        while after < len(text) and text[after] in (" ", NBSP):
            after += 1
        if cut == 0 or text[cut - 1] not in _HYPHENS or after == len(text):
            return cut
        position = after


class BrokenWords:
    """Finds the words broken at line ends of one text object, as spans of its code list.

    ``code`` is the text object's list of content-stream pieces; ``write(text,
    t_star)`` is the text object's ``_textOut``, which appends exactly one piece.
    A text that ends in a word which may go on in the next fragment (another
    style, a link) is written as two pieces, the text before that word and the
    word, so that a span can begin where the word does.
    """

    __slots__ = ("code", "owner", "open", "spans", "word", "meta")

    def __init__(self, code: list[str], owner: Any = None) -> None:
        self.code = code
        self.owner = owner  # the structure node whose text this is
        #: the span being written: (index of its first piece, [(piece index, copied text), ...],
        #: index of the piece that ends the head's line)
        self.open: tuple[int, list[tuple[int, str]], int] | None = None
        self.spans: list[tuple[int, int, str]] = []  # (first piece, last piece, word)
        #: pieces of the word being written on the current line, before the line end
        self.word: list[tuple[int, str]] = []
        self.meta: dict[int, tuple[list[tuple[int, str]], int]] = {}  # first piece -> (parts, head end)

    def text_out(self, text: str, t_star: int, write: Callable[[str, int], None], join: str | None = None) -> None:
        """Write ``text`` (one ``_textOut``), opening and closing spans around broken words.

        ``join``: the text ends a line inside a word (``""``) or at a space after
        a hyphen (``" "``); None: a line end in U+00AD is one inside a word, any other is not.
        """
        if join is None and text.endswith(SHY) and len(text) > 1 and not text[-2].isspace():
            join = ""
        if self.open is not None:
            rest = self._continue(text, t_star, write, join)
            if rest is None:
                return
            text = rest
        stripped = text.rstrip(" ")
        cut = max(stripped.rfind(" "), stripped.rfind(NBSP)) + 1
        last = stripped[cut:]
        if cut:
            self.word = []
        if join is not None and last:
            if cut:
                write(text[:cut], 0)
            if self.word:
                begin, parts = self.word[0][0], list(self.word)  # the word began in an earlier fragment
            else:
                self.code.append(_BLANK)  # where the span begins
                begin, parts = len(self.code) - 1, []
            head_end = len(self.code)
            parts.append((head_end, _clean(last) + join))
            self.open = (begin, parts, head_end)
            self.word = []
            write(text[cut:], t_star)
        elif not t_star and last and len(stripped) == len(text):
            # ends in a word that may go on in the next fragment: write it as a piece of its own
            if cut:
                write(text[:cut], 0)
            self.word.append((len(self.code), _clean(last)))
            write(last, 0)
        else:
            self.word = []
            write(text, t_star)

    def _continue(self, text: str, t_star: int, write: Callable[[str, int], None], join: str | None) -> str | None:
        """The next text after an open span: its first word ends the broken word.

        Returns what is left to write after the span was closed, or None if
        everything was written (the word goes on).
        """
        begin, parts, head_end = self.open  # type: ignore[misc]
        if not text:
            write(text, t_star)  # the line end, written on its own after the line's last fragment
            return None
        cut = _tail_end(text)
        piece, rest = (text, "") if cut < 0 else (text[:cut], text[cut:])
        if piece and not rest.strip(" \u00a0") and (not t_star or join is not None) and (not rest or join == " "):
            # The word goes on: in the next fragment (another style), or, when a
            # word is longer than a line, its middle has a line of its own.
            parts.append((len(self.code), _clean(piece) + (join or "")))
            write(text, t_star)
            return None
        if rest[:1] in (" ", NBSP):
            # The space after the word goes into the span (and its text): poppler places
            # the replacement text where the head begins, and would join the next word to it.
            piece, rest = piece + rest[0], rest[1:]
        if not piece:
            self._close()
            return text  # a bare line end comes first: write it as usual
        parts.append((len(self.code), _clean(piece)))
        write(piece, 0 if rest else t_star)
        self._close()
        return rest or None

    def _close(self) -> None:
        begin, parts, head_end = self.open  # type: ignore[misc]
        self.open = None
        self.code.append(_BLANK)  # where the span ends
        self.spans.append((begin, len(self.code) - 1, "".join(t for _, t in parts)))
        self.meta[begin] = (parts, head_end)

    def head_end(self, begin: int) -> int:
        """The index of the piece that ends the head's line, of the span that begins at ``begin``."""
        return self.meta[begin][1]

    def finish(self) -> None:
        """The text object ends: a span still open (a word broken over a page or frame) is dropped."""
        self.open = None

    def unsplit(self, starts: list[int]) -> None:
        """Fit every span into the sequences that begin at ``starts``.

        ``starts`` are indices of the code list where a new sequence begins (the
        link segments of :meth:`.tagger.Tagger._draw_segmented`); a span must end
        inside the sequence it began in. A boundary in the head (``(`` before a
        link) moves the span's beginning to it; one after the line end cuts the
        span short there (a link's last word goes on after it, ``….de`` then
        ``.``). Either way the span copies as the text of the pieces left in it; one
        without its line end or without its tail is taken back.
        """
        kept = []
        for begin, end, word in self.spans:
            inside = sorted(start for start in starts if begin < start <= end)
            if not inside:
                kept.append((begin, end, word))
                continue
            parts, head_end = self.meta.get(begin, ([], begin))
            for start in inside:
                if start <= head_end:
                    begin = start
            parts = [(index, text) for index, text in parts if index >= begin]
            after = [start for start in inside if start > head_end]
            if after:
                end = after[0] - 1
                parts = [(index, text) for index, text in parts if index < after[0]]
            if any(index == head_end for index, _ in parts) and any(index > head_end for index, _ in parts):
                kept.append((begin, end, "".join(text for _, text in parts)))
                self.meta[begin] = (parts, head_end)
        self.spans = kept
