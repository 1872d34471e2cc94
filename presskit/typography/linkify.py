"""Find bare URLs and e-mail addresses in running text.

A small text-span pass of our own instead of markdown-it's linkify rule: that
rule needs the extra dependency linkify-it-py, knows hundreds of TLDs we do not
want to guess at (``Salzwedel.de`` in running text is a place name with a
typo far more often than a link), and does not let us keep German sentence
punctuation (``„…www.altmarkkreis.de“.``) out of the link.  We link exactly:

* ``http://…`` and ``https://…`` URLs,
* ``www.…`` host names (the link gets ``http://``),
* e-mail addresses ``name@host.tld`` (the link gets ``mailto:``),

and drop trailing punctuation and unbalanced closing brackets from the match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_URL = re.compile(r"(?<![\w@/.:-])(?:https?://|www\.)[^\s<>\"\u201c\u201d\u201e\u00ab\u00bb]+", re.IGNORECASE)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(
    rf"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,24}}(?![\w-])"
)
_TRAILING = ".,;:!?'\u2019\u2018*_"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
        elif last in _PAIRS and url.count(last) > url.count(_PAIRS[last]):
            url = url[:-1]
        else:
            break
    return url


def _has_host(url: str) -> bool:
    """``https://`` or ``www.`` alone is not a link; ``www.x`` needs a dot too."""
    if "://" in url:
        return bool(url.split("://", 1)[1])
    return "." in url[len("www.") :].strip(".")


def find_links(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, href)`` for each bare URL or e-mail address, in order."""
    found = []
    for m in _URL.finditer(text):
        url = _trim(m.group())
        if _has_host(url):
            href = url if "://" in url else "http://" + url
            found.append((m.start(), m.start() + len(url), href))
    for m in _EMAIL.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), "mailto:" + m.group()))
    yield from sorted(found)
