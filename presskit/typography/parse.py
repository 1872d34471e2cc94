"""Parse block text (``body``, ``about``) and inline text into ``blocks`` values.

markdown-it-py does the parsing with a minimal rule set: paragraphs, ``##``/
``###`` headings, bullet and numbered lists, block quotes, emphasis and links.
Every other rule is disabled, so its syntax stays the text it is: code spans
keep their backticks, ``<b>`` prints as ``<b>``, ``&amp;`` as ``&amp;``.
Three things need help beyond disabling rules:

* ``#`` and ``####``+ headings are turned back into paragraphs with their ``#``;
* images ``![x](y)`` are parsed (so the link rule cannot eat ``[x](y)``) and
  then replaced by their source text;
* links whose scheme is not http, https, mailto or tel are replaced by their
  source text, untouched by smartening.

Bare URLs and e-mail addresses are found by ``linkify.find_links``.  Span
texts are smartened (``smarten.smarten_segments``, quote state carried across
spans); URLs and literal sources are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import image as _image_rule
from markdown_it.rules_inline import link as _link_rule
from markdown_it.token import Token

from .blocks import Block, Heading, Inline, ListBlock, Paragraph, Quote, Span
from .linkify import find_links
from .smarten import smarten_segments
from presskit.i18n import _
from presskit.typography.textrules import MAX_LIST_ITEMS, MAX_NESTING

ALLOWED_SCHEMES = re.compile(r"(?i)(?:https?|mailto|tel):")
_ATTRIBUTION = re.compile(r"^\s*(?:\u2014|--(?!-)|\u2013)\s*(\S.*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


# --- markdown-it set-up -----------------------------------------------------


def _as_source(rule: Callable[[StateInline, bool], bool], keep: Callable[[Token], bool]):
    """Wrap an inline rule: if ``keep`` rejects what it parsed, emit the source text."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        state.pushPending()
        start, first, first_meta = state.pos, len(state.tokens), len(state.tokens_meta)
        if not rule(state, silent):
            return False
        if not keep(state.tokens[first]):
            # the tokens' meta (emphasis delimiters of the label) goes with them, or the
            # emphasis pass later looks up tokens that are gone
            del state.tokens[first:]
            del state.tokens_meta[first_meta:]  # not parallel to tokens: pushPending adds none
            token = state.push("literal_text", "", 0)
            token.content = state.src[start : state.pos]
        return True

    return wrapped


def _allowed_link(token: Token) -> bool:
    return bool(ALLOWED_SCHEMES.match(str(token.attrGet("href") or "")))


@lru_cache(maxsize=None)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("zero")
    md.enable(["heading", "list", "blockquote", "emphasis", "link", "image"])
    md.validateLink = lambda url: True  # schemes are checked by _allowed_link
    md.inline.ruler.at("link", _as_source(_link_rule, _allowed_link))
    md.inline.ruler.at("image", _as_source(_image_rule, lambda token: False))
    # markdown-it silently drops everything after a block nested deeper than its limit:
    # keep its limit far above ours, and refuse deeper text before it is reached.
    md.options.maxNesting = 100
    md.core.ruler.after("block", "presskit_limits", lambda state: _check_structure(state.tokens, state.src))
    md.core.ruler.before("inline", "attribution", _split_attributions)
    return md


# --- inline -----------------------------------------------------------------


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def _inline_from_tokens(children: Sequence[Token], lang: str) -> Inline:
    """Spans of one inline token's children: styles, links, linkify, smartening."""
    texts: list[str] = []
    styles: list[tuple[bool, bool, str | None]] = []
    protected: list[bool] = []
    bold = italic = 0
    href: str | None = None

    def add(text: str, prot: bool = False, link: str | None = None) -> None:
        if text:
            texts.append(text)
            styles.append((bold > 0, italic > 0, link if link is not None else href))
            protected.append(prot)

    for tok in children:
        if tok.type == "text":
            text = tok.content.replace("\n", " ")
            if href is not None:
                add(text)
                continue
            pos = 0
            for start, end, url in find_links(text):
                add(text[pos:start])
                add(text[start:end], True, _markdown().normalizeLink(url))
                pos = end
            add(text[pos:])
        elif tok.type == "literal_text":
            add(tok.content.replace("\n", " "), True)
        elif tok.type in ("softbreak", "hardbreak"):
            add(" ")
        elif tok.type == "strong_open":
            bold += 1
        elif tok.type == "strong_close":
            bold -= 1
        elif tok.type == "em_open":
            italic += 1
        elif tok.type == "em_close":
            italic -= 1
        elif tok.type == "link_open":
            href = str(tok.attrGet("href"))
            start_index = len(texts)
        elif tok.type == "link_close":
            if len(texts) == start_index:  # [](url): show the address
                add(href, True)
            href = None
        else:  # anything unforeseen: its source, as text
            add(tok.content or tok.markup, True)

    smart = smarten_segments(texts, lang, protected)
    spans: list[Span] = []
    for text, (b, i, h) in zip(smart, styles):
        if not text:
            continue
        if spans and (spans[-1].bold, spans[-1].italic, spans[-1].href) == (b, i, h):
            spans[-1] = Span(spans[-1].text + text, b, i, h)
        else:
            spans.append(Span(text, b, i, h))
    return _strip(spans)


def _strip(spans: list[Span]) -> Inline:
    """Remove leading and trailing spaces of the whole inline."""
    while spans and not spans[0].text.strip(" "):
        spans.pop(0)
    while spans and not spans[-1].text.strip(" "):
        spans.pop()
    if spans:
        first, last = spans[0], spans[-1]
        spans[0] = Span(first.text.lstrip(" "), first.bold, first.italic, first.href)
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(" "), last.bold, last.italic, last.href)
    return tuple(spans)


def parse_inline(text: str, lang: str) -> Inline:
    """Inline text (title, lead, captions, fact items): emphasis and links only."""
    text = _clean(text).strip()
    if not text:
        return ()
    tokens = _markdown().parseInline(text)
    return _inline_from_tokens(tokens[0].children or [], lang)


# --- blocks -----------------------------------------------------------------


class _Builder:
    """Turns markdown-it's flat block token stream into ``Block`` values."""

    def __init__(self, tokens: list[Token], lang: str) -> None:
        self.tokens = tokens
        self.lang = lang
        self.pos = 0

    def inline(self, token: Token) -> Inline:
        return _inline_from_tokens(token.children or [], self.lang)

    def blocks(self, close: str | None = None) -> list[Block]:
        out: list[Block] = []
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if close is not None and tok.type == close:
                self.pos += 1
                return out
            self.pos += 1
            if tok.type == "paragraph_open":
                out.append(Paragraph(self.inline(self.tokens[self.pos])))
                self.pos += 2  # inline, paragraph_close
            elif tok.type == "heading_open":
                out.append(self.heading(tok, self.tokens[self.pos]))
                self.pos += 2
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                out.append(self.list(tok))
            elif tok.type == "blockquote_open":
                out.append(self.quote(self.blocks("blockquote_close")))
            # anything else (a stray close token) carries no content
        return out

    def heading(self, tok: Token, inline: Token) -> Block:
        level = len(tok.markup)
        content = self.inline(inline)
        if level in (2, 3) and content:
            return Heading(level, content)
        source = tok.markup + (" " + inline.content if inline.content else "")
        return Paragraph(parse_inline(source, self.lang))

    def list(self, tok: Token) -> ListBlock:
        ordered = tok.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        start = int(tok.attrGet("start") or 1) if ordered else 1
        items: list[tuple[Block, ...]] = []
        while self.tokens[self.pos].type != close:
            self.pos += 1  # list_item_open
            blocks = self.blocks("list_item_close")
            items.append(tuple(blocks) or (Paragraph(()),))
        self.pos += 1
        return ListBlock(ordered, start, tuple(items))

    def quote(self, blocks: list[Block]) -> Quote:
        close = self.tokens[self.pos - 1]  # blockquote_close, consumed by blocks()
        source = (close.meta or {}).get("attribution")
        attribution = parse_inline(source, self.lang) if source else None
        paragraphs = tuple(p for p in _flatten(blocks) if p)
        return Quote(paragraphs, attribution or None)


def _flatten(blocks: Sequence[Block]):
    """The paragraphs of a quote's content; lists and headings become paragraphs."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.content
        elif isinstance(block, Heading):
            yield block.content
        elif isinstance(block, Quote):
            yield from block.paragraphs
            if block.attribution:
                yield (Span("\u2014 "),) + block.attribution
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items, block.start):
                marker = f"{n}. " if block.ordered else "\u2022 "
                for i, para in enumerate(_flatten(item)):
                    yield ((Span(marker),) if i == 0 else ()) + para


def _split_attributions(state: StateCore) -> None:
    """Core rule before ``inline``: cut a quote's last line ``— Name``.

    The line is removed from the raw content of the quote's last paragraph
    and stored in ``blockquote_close.meta["attribution"]``; a last paragraph that
    was only the attribution is removed.  One pass, without recursion; a quote has
    at most one attribution (an earlier ``— Name`` line stays text).
    """
    out: list[Token] = []
    for tok in state.tokens:
        if tok.type == "blockquote_close" and len(out) >= 3:
            para_close, inline = out[-1], out[-2]
            if para_close.type == "paragraph_close" and inline.type == "inline":
                lines = inline.content.split("\n")
                m = _ATTRIBUTION.match(lines[-1])
                if m:
                    tok.meta = {"attribution": m.group(1)}
                    inline.content = "\n".join(lines[:-1])
                    if not inline.content.strip():  # the paragraph was only the attribution
                        del out[-3:]
        out.append(tok)
    state.tokens = out


class MarkupLimit(ValueError):
    """Text beyond what presskit lays out (see :mod:`presskit.typography.textrules`).

    ``offset`` is the position in the text given to the parser where the problem starts.
    """

    def __init__(self, message: str, hint: str, offset: int):
        super().__init__(message)
        self.message, self.hint, self.offset = message, hint, offset


def _check_structure(tokens: Sequence[Token], text: str) -> None:
    """Nesting and list length of a parsed text (one pass); the length of words and
    paragraphs is checked where every laid-out text passes (``story``)."""
    starts: list[int] | None = None

    def offset(token: Token) -> int:
        nonlocal starts
        if starts is None:
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
        line = token.map[0] if token.map else 0
        return starts[min(line, len(starts) - 1)]

    depth = 0
    items: list[int] = []  # items so far of each open list
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
            if depth > MAX_NESTING:
                raise MarkupLimit(
                    _("lists and quotes nested more than {limit} levels deep are not supported").format(limit=MAX_NESTING),
                    _("indent less, or start fewer '>' or list markers in a row"),
                    offset(token),
                )
            items.append(0)
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
            items.pop()
        elif kind == "list_item_open":
            items[-1] += 1
            if items[-1] > MAX_LIST_ITEMS:
                raise MarkupLimit(
                    _("a list of more than {limit} items").format(limit=MAX_LIST_ITEMS),
                    _("split the list, or put the items into a separate document"),
                    offset(token),
                )



def parse_blocks(text: str, lang: str) -> tuple[Block, ...]:
    """Block text (body, about): paragraphs, ``##``/``###``, lists, quotes."""
    md = _markdown()
    text = _clean(text)
    tokens = md.parse(text)
    return tuple(_Builder(tokens, lang).blocks())
