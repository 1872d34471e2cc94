"""The intermediate representation of release text: spans, inlines and blocks.

Parsing (``parse.py``) produces these frozen values; the layout code consumes
them.  Nothing here knows about Markdown or ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style.  ``text`` is final, typeset text."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Inline: TypeAlias = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading: level 2 (``##``) or 3 (``###``)."""

    level: int
    content: Inline


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inline


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet (``ordered=False``) or numbered list.

    Each item is a tuple of blocks, usually a single Paragraph; nested lists
    appear as further ListBlocks inside an item.
    """

    ordered: bool
    start: int
    items: tuple[tuple["Block", ...], ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A highlighted quote with an optional attribution (without its dash)."""

    paragraphs: tuple[Inline, ...]
    attribution: Inline | None


Block: TypeAlias = Heading | Paragraph | ListBlock | Quote


def plain_text(inline: Inline) -> str:
    """The text of an inline without any styling."""
    return "".join(span.text for span in inline)
