"""Render an ``Inline`` as ReportLab paragraph markup.

Every character of user text is escaped, so nothing typed can become markup:
``<b>`` typed by a user prints as ``<b>``.  Styling comes only from the span
flags; links become ``<a href="…">`` with an escaped attribute value.
"""

from __future__ import annotations

from .blocks import Inline

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def escape_text(text: str) -> str:
    """Escape text for ReportLab paragraph markup."""
    return text.translate(_TEXT)


def escape_attr(value: str) -> str:
    """Escape a value for a double-quoted ReportLab markup attribute."""
    return value.translate(_ATTR)


def to_markup(inline: Inline, *, link_color: str | None = None, underline_links: bool = False) -> str:
    """ReportLab para markup for ``inline``: ``<b>``, ``<i>``, ``<a href>``.

    Neighbouring spans of one link share one ``<a>`` element, so that a link
    whose words change style is still one link (one annotation, one Link tag).
    """
    parts = []
    open_href: str | None = None
    for span in inline:
        if not span.text:
            continue
        if span.href != open_href:
            if open_href is not None:
                parts.append("</a>")
            if span.href is not None:
                color = f' color="{escape_attr(link_color)}"' if link_color else ""
                parts.append(f'<a href="{escape_attr(span.href)}"{color}>')
            open_href = span.href
        text = escape_text(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        if span.href and underline_links:
            text = f"<u>{text}</u>"
        parts.append(text)
    if open_href is not None:
        parts.append("</a>")
    return "".join(parts)
