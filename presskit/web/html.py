"""Content document -> HTML: Jinja2 templates with autoescaping, the inlines as escaped markup.

The templates walk a release section's parts in the document's reading order;
this module only turns the typography IR (spans, inlines, blocks) into HTML
elements, so every piece of user text passes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

import re
from itertools import groupby

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from presskit.content import document as c
from presskit.typography.blocks import Inline, plain_text

__all__ = ["environment", "inline_html", "plain", "safe_href"]

_SOFT = "\u00ad"
_SAFE_SCHEME = re.compile(r"(?i)^(https?:|mailto:|tel:)")


def safe_href(url: str) -> str | None:
    """The URL if a reader may follow it from a page (http, https, mailto, tel), else None."""
    return url if _SAFE_SCHEME.match(url.strip()) else None


def plain(inline: Inline | None) -> str:
    """An inline's text without styling or soft hyphens (for titles, metadata, feeds)."""
    return plain_text(inline).replace(_SOFT, "") if inline else ""


def _span_html(text: str, bold: bool, italic: bool) -> Markup:
    out = escape(text.replace(_SOFT, ""))
    if italic:
        out = Markup("<em>") + out + Markup("</em>")
    if bold:
        out = Markup("<strong>") + out + Markup("</strong>")
    return out


def inline_html(inline: Inline | None) -> Markup:
    """An inline as HTML: bold as ``strong``, italic as ``em``, links as ``a`` (one per run)."""
    if not inline:
        return Markup("")
    out = Markup("")
    for href, spans in groupby(inline, key=lambda span: span.href):
        inner = Markup("").join(_span_html(s.text, s.bold, s.italic) for s in spans)
        target = safe_href(href) if href is not None else None
        out += Markup('<a href="{}">{}</a>').format(target, inner) if target else inner
    return out


def heading_tag(block: c.Heading, shift: int = 0) -> str:
    """The element of a heading; ``shift`` moves a section's levels under a page's own heading."""
    return f"h{min(max(block.level + shift, 2), 6)}"


def block_kind(block: object) -> str:
    return type(block).__name__


def part_kind(part: object) -> str:
    return type(part).__name__


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("presskit.web", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline_html
    env.filters["plain"] = plain
    env.filters["safe_href"] = safe_href
    env.globals["heading_tag"] = heading_tag
    env.globals["block_kind"] = block_kind
    env.globals["part_kind"] = part_kind
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "indent": 1}
    return env
