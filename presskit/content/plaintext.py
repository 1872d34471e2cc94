"""The content document as plain text: the body of an e-mail a journalist can copy.

Plain-text conventions: headings underlined, ``- `` and ``1. `` lists, ``> ``
quotes with their attribution, links written out after their text, the facts
box as ``label: value`` lines and bullets. Lines are at most
:data:`WIDTH` characters, broken between words only (a word or URL longer than
that stands on a line of its own, whole); typographic quotes, dashes and
no-break spaces are kept, soft hyphens never written.
"""

from __future__ import annotations

import re
import textwrap
from itertools import groupby

from presskit.content import document as c
from presskit.typography.blocks import Inline

__all__ = ["WIDTH", "render_text", "render_section"]

WIDTH = 78
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # ASCII white space only: a no-break space holds
_SOFT = "\u00ad"


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace(_SOFT, "")).strip()


def _text(inline: Inline | None) -> str:
    """An inline's words, each link followed by its URL unless the text already is it."""
    if not inline:
        return ""
    out: list[str] = []
    for href, spans in groupby(inline, key=lambda span: span.href):
        words = "".join(span.text for span in spans)
        out.append(words if href is None else words + _url_after(words, href))
    return _clean("".join(out))


def _url_after(words: str, href: str) -> str:
    shown = href[len("mailto:"):] if href.startswith("mailto:") else href
    if _clean(words) in (href, shown):
        return ""
    return f" ({shown})"


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    rest = first if rest is None else rest
    text = _clean(text)
    if not text:
        return [first.rstrip()]
    wrapper = textwrap.TextWrapper(
        width=WIDTH, initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    )
    return wrapper.wrap(text)


def _underlined(text: str, rule: str) -> list[str]:
    lines = _wrap(text)
    return lines + [rule * max(len(line) for line in lines)]


def _blocks(blocks: tuple[c.Block, ...], first: str = "", rest: str = "") -> list[str]:
    """Lines of ``blocks``: blank lines between blocks, ``first`` before the very first line."""
    out: list[str] = []
    for block in blocks:
        if out:
            out.append(rest.rstrip())
        lead = first if not out else rest
        if isinstance(block, c.Heading):
            lines = _underlined(_text(block.content), "=" if block.level <= 1 else "-")
            out += [lead + lines[0], *(rest + line for line in lines[1:])]
        elif isinstance(block, c.Paragraph):
            out += _wrap(_text(block.content), lead, rest)
        elif isinstance(block, c.ListBlock):
            out += _list(block, lead, rest)
        elif isinstance(block, c.Quote):
            out += _quote(block, lead, rest)
    return out


def _list(block: c.ListBlock, first: str, rest: str) -> list[str]:
    out: list[str] = []
    numbers = block.numbers()
    width = max(len(f"{n}. ") for n in numbers) if block.ordered else 2
    for number, item in zip(numbers, block.items):
        marker = (f"{number}. " if block.ordered else "- ").ljust(width)
        lead = first if not out else rest
        lines = _blocks(item, lead + marker, rest + " " * width)
        # items of a list follow each other without blank lines; blocks inside one item keep theirs
        out += lines
    return out


def _quote(block: c.Quote, first: str, rest: str) -> list[str]:
    out: list[str] = []
    for paragraph in block.paragraphs:
        if out:
            out.append(rest + ">")
        out += _wrap(_text(paragraph), (first if not out else rest) + "> ", rest + "> ")
    if block.attribution:
        out += _wrap("— " + _text(block.attribution), rest + "> ", rest + ">   ")
    return out


def _part(part: c.Part) -> list[str]:
    if isinstance(part, c.Head):
        lines = [_clean(_text(part.label).upper())]
        if part.number:
            lines.append(_text(part.number))
        lines.append(_text(part.dateline))
        return [line for text in lines for line in _wrap(text)]
    if isinstance(part, c.Embargo):
        return _wrap(_text(part.text))
    if isinstance(part, c.Headline):
        return _underlined(_text(part.content), "=")
    if isinstance(part, (c.Subtitle, c.Lead, c.Closing)):
        return _wrap(_text(part.content))
    if isinstance(part, c.Body):
        return _blocks(part.blocks)
    if isinstance(part, c.FactsBox):
        lines = _underlined(_text(part.title), "-")
        for row in part.rows:
            label = _text(row.label)
            lines += _wrap(f"{label}: {_text(row.value)}", "", "  ")
        for bullet in part.bullets:
            lines += _wrap(_text(bullet.text), "- ", "  ")
        return lines
    if isinstance(part, c.Figure):
        lines = []
        for text in (_text(part.caption), _text(part.credit), _clean(part.usage or "")):
            if text:
                lines += _wrap(text)
        return lines
    if isinstance(part, c.Links):
        lines = _underlined(_text(part.title), "-")
        for link in part.items:
            entry = link.url if _clean(link.text) == link.url else f"{_clean(link.text)}: {link.url}"
            lines += _wrap(entry, "- ", "  ")
        return lines
    if isinstance(part, c.ContactBlock):
        lines = _underlined(_text(part.title), "-")
        for i, person in enumerate(part.people):
            if i:
                lines.append("")
            for inline in (person.name, person.role, person.phone_line):
                if inline:
                    lines += _wrap(_text(inline))
            if person.email:
                lines += _wrap(_text(person.email_line))
        return lines
    if isinstance(part, c.About):
        return _underlined(_text(part.title), "-") + [""] + _blocks(part.blocks)
    raise TypeError(f"no plain-text form for {type(part).__name__}")


def render_section(section: c.Section) -> str:
    """One section as plain text, its parts in reading order, separated by blank lines."""
    if isinstance(section, c.ReleaseSection):
        chunks = ["\n".join(_part(part)) for part in section.parts]
    elif isinstance(section, c.CoverSection):
        chunks = ["\n".join(_wrap(_text(section.label).upper())), "\n".join(_underlined(_text(section.title), "=")),
                  "\n".join(_wrap(_text(section.dateline))), "\n".join(_blocks(section.blocks))]
    elif isinstance(section, c.DocumentSection):
        chunks = ["\n".join(_underlined(_text(section.title), "=")), "\n".join(_blocks(section.blocks))]
        if section.facts is not None:
            chunks.append("\n".join(_part(section.facts)))
    elif isinstance(section, c.PhotoSection):
        chunks = ["\n".join(_underlined(_text(section.title), "="))]
        for figure in section.figures:
            lines = _wrap(figure.archive_name) if figure.archive_name else []
            chunks.append("\n".join(lines + _part(figure)))
    elif isinstance(section, c.ContactSection):
        chunks = ["\n".join(_part(section.contact))]
    else:
        raise TypeError(f"no plain-text form for {type(section).__name__}")
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def render_text(document: c.ContentDocument) -> str:
    """The whole document as plain text, sections separated by a rule; a press kit's
    cover is followed by its contents (the titles of the sections after it)."""
    texts = [render_section(section) for section in document.sections]
    if document.sections and isinstance(document.sections[0], c.CoverSection) and len(document.sections) > 1:
        from presskit.content.kit import KIT_LABELS

        title = document.sections[0].contents_title
        contents = _underlined(_text(title) if title else KIT_LABELS[document.lang]["contents"], "-")
        for number, section in enumerate(document.sections[1:], start=1):
            contents += _wrap(section.heading_text, f"{number}. ".ljust(4), "    ")
        texts[0] += "\n" + "\n".join(contents) + "\n"
    rule = "\n" + "-" * WIDTH + "\n\n"
    return rule.join(texts)
