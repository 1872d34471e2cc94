"""What counts as text in every field of every file, and the size limits of text.

One rule for characters, applied to every scalar (and key) the YAML loader
returns, release and brand alike:

* **refused, with a location**: C0 control characters other than tab, line
  feed and carriage return, DEL, C1 controls other than NEL, lone surrogates
  (``"\\ud800"``) and the non-characters U+FFFE/U+FFFF. YAML lets them in only
  as escapes in double-quoted text; none of them can be printed, and in the
  XMP packet or the structure tree they make the PDF invalid.
* **dropped, deliberately**: U+2060–U+2064 (word joiner, function application,
  invisible times, separator and plus). They are meant to have no width, but
  fonts give them an advance, so they print as gaps; in a press release they
  carry no meaning worth that.

The limits bound the time and memory of layout (unbreakable words and long
paragraphs are what line breaking pays for): :func:`layout_problem` is asked
about every text the story lays out, the nesting and list limits are checked
by :mod:`presskit.typography.parse` while it parses.
"""

from __future__ import annotations

import re

from presskit.i18n import _

_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_DROPPED = re.compile("[\u2060-\u2064]")

#: Longest run of characters without a space that can be laid out.
MAX_WORD = 1_000
#: Longest paragraph (or list item, quote paragraph, heading), in characters.
MAX_PARAGRAPH = 20_000
#: Most items of one list, and of all lists of one text together.
MAX_LIST_ITEMS = 1_000
#: Deepest nesting of lists and quotes in one another.
MAX_NESTING = 8


def unprintable(text: str) -> tuple[str, str] | None:
    """``(message, hint)`` if ``text`` holds a character that is not text, else None."""
    match = _UNPRINTABLE.search(text)
    if match is None:
        return None
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        return (
            _("the text contains a lone surrogate (\\u{code:04x}), half of a character that is not there").format(code=code),
            _("write the character itself, or its full code as \\U0001F600 instead of two \\u escapes"),
        )
    return (
        _("the text contains the control character U+{code:04X}, which cannot be printed").format(code=code),
        _("remove the escape sequence from the double-quoted text"),
    )


def visible(text: str) -> str:
    """``text`` without the zero-width characters presskit drops (U+2060–U+2064)."""
    return _DROPPED.sub("", text)


def layout_problem(text: str) -> tuple[str, str, str] | None:
    """``(message, hint, offending text)`` if ``text`` is beyond what presskit lays out."""
    for match in _WORD.finditer(text):
        if match.end() - match.start() > MAX_WORD:
            return (
                _("a word of {n} characters without a space; the limit is {limit}").format(
                    n=match.end() - match.start(), limit=MAX_WORD),
                _("put spaces into the text, or shorten the address"),
                match.group()[:40],
            )
    if len(text) > MAX_PARAGRAPH:
        return (
            _("a paragraph of {n} characters; the limit is {limit}").format(n=len(text), limit=MAX_PARAGRAPH),
            _("split it into paragraphs with empty lines between them"),
            text[:40],
        )
    return None


_WORD = re.compile(r"\S+")
