"""Typography for presskit: parse release text, smarten it, hyphenate it, mark it up.

Modules, one idea each:

* ``blocks``     the intermediate representation (Span, Heading, Paragraph, ...)
* ``parse``      Markdown subset -> blocks (``parse_blocks``, ``parse_inline``)
* ``linkify``    bare URLs and e-mail addresses in running text
* ``smarten``    typographic quotes, dashes, no-break spaces (``smarten``)
* ``hyphenate``  fast cached hyphenation for ReportLab (``hyphenator``)
* ``markup``     blocks -> ReportLab paragraph markup (``to_markup``)

The names are re-exported here lazily, so that importing the hyphenator does
not pay for markdown-it.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Span": "blocks", "Inline": "blocks", "Heading": "blocks", "Paragraph": "blocks",
    "ListBlock": "blocks", "Quote": "blocks", "Block": "blocks", "plain_text": "blocks",
    "parse_blocks": "parse", "parse_inline": "parse",
    "smarten": "smarten",
    "hyphenator": "hyphenate",
    "to_markup": "markup",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
