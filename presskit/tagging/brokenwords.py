"""Whole words when text is copied: an ``/ActualText`` span over every word hyphenated at a line end.

A word the line breaker hyphenated is drawn as a head ending in U+00AD (the
font shows it as a hyphen) at the end of one line and a tail at the start of
the next. Extractors do not agree on what that means:

* poppler (pdftotext, Evince, Okular) keeps the U+00AD and its line break
  (``Schotterra\\u00ad⏎sen``); PDFium (Chrome, Edge, pypdfium2) reports the
  break as U+FFFE; pdf.js drops the U+00AD but keeps the line break.
* poppler and PDFium both honour a marked-content ``/Span`` with
  ``/ActualText`` (ISO 32000-1 14.9.4) spanning head, line end and tail inside
  one text object: they extract the replacement text once, in place of the
  glyphs (``Schotterrasen``). ActualText on the head plus an empty one on the
  tail works in poppler only; PDFium then repeats the tail.

So every hyphenated word gets one span, opened before the head's last word and
closed after the tail, with the word without its soft hyphen as replacement
text. The span is a marked-content sequence of its own with an MCID owned by
the paragraph's element (``/Span <</MCID n /ActualText …>> BDC``), between the
paragraph's sequences before and after it in the same text object, not a
sequence nested in the paragraph's: poppler's structure-text reader
(``pdfinfo -struct-text``, poppler-glib) ends an MCID's text at the first EMC
inside it, so a nested span cut off the rest of the paragraph there.

:class:`BrokenWords` finds the spans in one text object while ReportLab writes
it, one ``_textOut`` at a time, and leaves a blank piece where each begins and
ends; :meth:`.tagger.Tagger._draw_segmented` writes the sequences. Only
line ends in U+00AD count: a hard hyphen at a line end may be a compound's
(``Sachsen-⏎Anhalt``) or one before a space (``Bus-⏎und Bahn``), and the
drawing stage cannot tell which.
"""

from __future__ import annotations

from typing import Any, Callable

SHY = "\u00ad"

#: The blank piece left where a span begins and where it ends; the tagger writes the
#: sequences around it (a blank piece adds nothing to the content stream).
_BLANK = ""


def text_string(text: str) -> str:
    """``<FEFF…>``: a PDF text string in UTF-16BE (ISO 32000-1 7.9.2.2)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class BrokenWords:
    """Finds the words hyphenated at line ends of one text object, as spans of its code list.

    ``code`` is the text object's list of content-stream pieces; ``write(text,
    t_star)`` is the text object's ``_textOut``, which appends exactly one piece.
    """

    __slots__ = ("code", "owner", "open", "spans")

    def __init__(self, code: list[str], owner: Any = None) -> None:
        self.code = code
        self.owner = owner  # the structure node whose text this is
        self.open: tuple[int, str] | None = None  # (index of the span's first piece, the word so far)
        self.spans: list[tuple[int, int, str]] = []  # (first piece, blank piece after the last, word)

    def text_out(self, text: str, t_star: int, write: Callable[[str, int], None]) -> None:
        """Write ``text`` (one ``_textOut``), opening and closing spans around broken words."""
        if self.open is not None:
            rest = self._continue(text, t_star, write)
            if rest is None:
                return
            text = rest
        if text.endswith(SHY) and len(text) > 1 and not text[-2].isspace():
            cut = max(text.rfind(" "), text.rfind("\u00a0")) + 1
            if cut:
                write(text[:cut], 0)
            self.code.append(_BLANK)  # where the span begins
            self.open = (len(self.code) - 1, text[cut:-1])
            write(text[cut:], t_star)
        else:
            write(text, t_star)

    def _continue(self, text: str, t_star: int, write: Callable[[str, int], None]) -> str | None:
        """The next text after an open span: its first word ends the broken word.

        Returns what is left to write after the span was closed, or None if
        everything was written (the word goes on).
        """
        index, word = self.open  # type: ignore[misc]
        if not text:
            write(text, t_star)  # the line end, written on its own after the line's last fragment
            return None
        cut = min((i for i in (text.find(" "), text.find("\u00a0")) if i >= 0), default=-1)
        piece, rest = (text, "") if cut < 0 else (text[:cut], text[cut:])
        if piece and not rest and (not t_star or piece.endswith(SHY)):
            # The word goes on: in the next fragment (another style), or, when a
            # word is longer than a line, its middle has a line of its own.
            write(piece, t_star)
            self.open = (index, word + piece.replace(SHY, ""))
            return None
        if not piece:
            self._close(word)
            return text  # a space (or a bare line end) comes first: write it as usual
        write(piece, 0 if rest else t_star)
        self._close(word + piece.replace(SHY, ""))
        return rest or None

    def _close(self, word: str) -> None:
        index, _ = self.open  # type: ignore[misc]
        self.open = None
        self.code.append(_BLANK)  # where the span ends
        self.spans.append((index, len(self.code) - 1, word))

    def finish(self) -> None:
        """The text object ends: a span still open (a word broken over a page or frame) is dropped."""
        self.open = None

    def unsplit(self, starts: list[int]) -> None:
        """Take back every span that a marked-content boundary at one of ``starts`` would cut.

        ``starts`` are indices of the code list where a new sequence begins (the
        link segments of :meth:`.tagger.Tagger._draw_segmented`); a span must end
        inside the sequence it began in.
        """
        self.spans = [span for span in self.spans if not any(span[0] < start <= span[1] for start in starts)]
