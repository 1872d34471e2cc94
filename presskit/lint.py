"""Warnings about a valid release: lengths, a past embargo and typographic slips.

Every warning is located at the field it is about and, where the source allows
it (literal ``|`` blocks, single-line scalars), at the exact character.
Missing alt texts are errors of the model and are not repeated here.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Any, Iterator, Sequence

from presskit.errors import Diagnostic, Location, warning
from presskit.i18n import _
from presskit.model import Release, yaml_path
from presskit.source import SourceDoc

__all__ = ["lint_release", "HEADLINE_MAX", "BODY_MIN", "BODY_MAX"]

HEADLINE_MAX = 90
BODY_MIN = 300
BODY_MAX = 6000

Loc = tuple[str | int, ...]

_SLIPS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"(?<=\S) {2,}(?=\S)"), "double space in {field}", "write a single space"),
    (
        re.compile(r"(?<=[^\s.]) +(?=[,;:!?](?:\s|$)|\.(?:\s|$))"),
        "space before '{match}' in {field}",
        "remove the space before the punctuation mark",
    ),
    (re.compile(r"(?<!\.)\.\.\.(?!\.)"), "'...' in {field}", "write the ellipsis character …"),
    (re.compile(r"(?<=\S) - (?=\S)"), "' - ' used as a dash in {field}", "write an en dash with spaces: ' – '"),
]


class _Where:
    """Locate model values in the release's YAML source."""

    def __init__(self, doc: SourceDoc | None):
        self.doc = doc

    def field(self, loc: Loc) -> Location | None:
        if self.doc is None:
            return None
        return self.doc.location(yaml_path(self.doc, loc))

    def at(self, loc: Loc, text: str, offset: int) -> Location | None:
        """Where character ``offset`` of the model text ``text`` (at ``loc``) is."""
        if self.doc is None:
            return None
        path = yaml_path(self.doc, loc)
        raw: Any = self.doc.data
        for part in path:
            raw = raw[part]
        if isinstance(raw, str) and raw.strip() == text:
            lead = len(raw) - len(raw.lstrip())
            return self.doc.offset_location(path, lead + offset)
        return self.doc.location(path)


def _texts(release: Release) -> Iterator[tuple[Loc, str, str]]:
    """(model loc, field name for messages, text) of every text a reader sees."""
    for name in ("title", "subtitle", "place", "lead", "body", "about", "closing"):
        value = getattr(release, name)
        if value:
            yield (name,), f"'{name}'", value
    if release.facts is not None:
        if release.facts.title:
            yield ("facts", "title"), "the facts title", release.facts.title
        for i, item in enumerate(release.facts.items):
            if item.text:
                yield ("facts", "items", i), "a fact", item.text
            if item.value and item.label is not None:
                yield ("facts", "items", i, item.label), "a fact", item.value
    for i, image in enumerate(release.images):
        for name in ("caption", "credit", "alt"):
            value = getattr(image, name)
            if value:
                yield ("images", i, name), f"the {name} of an image", value
    for i, link in enumerate(release.links):
        if link.text:
            yield ("links", i, "text"), "a link text", link.text
    if release.contact is not None:
        for i, person in enumerate(release.contact.people):
            for name in ("name", "role"):
                value = getattr(person, name)
                if value:
                    yield ("contact", "people", i, name), "the contact", value


@cache
def _template_sentences() -> frozenset[str]:
    """The placeholder sentences of the `presskit new` template (lead, body, ...)."""
    from presskit.newfile import render_template
    from presskit.source import parse_yaml

    data = parse_yaml(render_template("Titel", datetime.date(2000, 1, 1)), "template").data
    sentences = set()
    for key in ("subtitle", "lead", "body", "about", "closing"):
        value = data.get(key)
        if isinstance(value, str):
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(value.split())):
                if len(sentence) >= 25:
                    sentences.add(sentence)
    return frozenset(sentences)


def _unpaired_quote(text: str) -> int | None:
    """Offset of a straight double quote that cannot be paired, if the count is odd."""
    positions = [m.start() for m in re.finditer('"', text)]
    if len(positions) % 2:
        return positions[-1]
    return None


def lint_release(release: Release, *, today: datetime.date,
                 overlong_headline_words: Sequence[str] = ()) -> list[Diagnostic]:
    """Warnings about ``release``, in source order.

    ``overlong_headline_words``: words of the headline wider than its line at the
    brand's measure (the layout knows; see ``render.overlong_headline_words``).
    """
    where = _Where(release.source)
    found: list[Diagnostic] = []

    start = 0
    for word in overlong_headline_words:
        offset = release.title.find(word, start)
        start = offset + len(word) if offset >= 0 else start
        found.append(
            warning(
                _("the headline word {word!r} is wider than the line and will be hyphenated").format(word=word),
                where.at(("title",), release.title, offset) if offset >= 0 else where.field(("title",)),
                _("use a shorter word, or write it with a hyphen where it may break"),
            )
        )

    if len(release.title) > HEADLINE_MAX:
        found.append(
            warning(
                f"the headline is {len(release.title)} characters long; keep it under {HEADLINE_MAX}",
                where.field(("title",)),
                "move details into the subtitle or the lead",
            )
        )
    body_length = len(release.body)
    if body_length < BODY_MIN:
        found.append(
            warning(
                f"the body is only {body_length} characters long",
                where.field(("body",)),
                f"a press release usually needs at least {BODY_MIN} characters",
            )
        )
    elif body_length > BODY_MAX:
        found.append(
            warning(
                f"the body is {body_length} characters long",
                where.field(("body",)),
                f"keep it under {BODY_MAX} characters; link to background material instead",
            )
        )
    if release.embargo is not None and release.embargo.date() < today:
        found.append(
            warning(
                f"the embargo {release.embargo:%Y-%m-%d %H:%M} is in the past",
                where.field(("embargo",)),
                "correct the date or remove 'embargo:'",
            )
        )

    for loc, field, text in _texts(release):
        flat = " ".join(text.split())
        if any(sentence in flat for sentence in _template_sentences()):
            found.append(
                warning(
                    f"{field} still contains placeholder text from the template",
                    where.field(loc),
                    "replace it with the release's own text",
                )
            )
        quote = _unpaired_quote(text)
        if quote is not None:
            found.append(
                warning(
                    f"a straight quote (\") in {field} cannot be paired",
                    where.at(loc, text, quote),
                    "check the quotes: each opening \" needs a closing one",
                )
            )
        for pattern, message, hint in _SLIPS:
            for match in pattern.finditer(text):
                shown = text[match.end()] if match.end() < len(text) else ""
                found.append(
                    warning(
                        message.format(field=field, match=shown),
                        where.at(loc, text, match.start()),
                        hint,
                    )
                )

    found.sort(key=lambda d: (d.location.line, d.location.column) if d.location else (0, 0))
    return found
