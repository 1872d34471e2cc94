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
from presskit.source.model import Release, yaml_path
from presskit.source.loader import SourceDoc

__all__ = ["lint_release", "strict_errors", "HEADLINE_MAX", "BODY_MIN", "BODY_MAX"]

HEADLINE_MAX = 90
BODY_MIN = 300
BODY_MAX = 6000

Loc = tuple[str | int, ...]

def _slips() -> list[tuple[re.Pattern[str], str, str]]:
    return [
        (re.compile(r"(?<=\S) {2,}(?=\S)"), _("double space in {field}"), _("write a single space")),
        (
            re.compile(r"(?<=[^\s.]) +(?=[,;:!?](?:\s|$)|\.(?:\s|$))"),
            _("space before '{match}' in {field}"),
            _("remove the space before the punctuation mark"),
        ),
        (re.compile(r"(?<!\.)\.\.\.(?!\.)"), _("'...' in {field}"), _("write the ellipsis character …")),
        (re.compile(r"(?<=\S) - (?=\S)"), _("' - ' used as a dash in {field}"), _("write an en dash with spaces: ' – '")),
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
            yield ("facts", "title"), _("the facts title"), release.facts.title
        for i, item in enumerate(release.facts.items):
            if item.text:
                yield ("facts", "items", i), _("a fact"), item.text
            if item.value and item.label is not None:
                yield ("facts", "items", i, item.label), _("a fact"), item.value
    image_fields = {"caption": _("the caption of an image"), "credit": _("the credit of an image"),
                    "alt": _("the alt of an image")}
    for i, image in enumerate(release.images):
        for name, field in image_fields.items():
            value = getattr(image, name)
            if value:
                yield ("images", i, name), field, value
    for i, link in enumerate(release.links):
        if link.text:
            yield ("links", i, "text"), _("a link text"), link.text
    if release.contact is not None:
        for i, person in enumerate(release.contact.people):
            for name in ("name", "role", "phone", "email"):
                value = getattr(person, name)
                if value:
                    yield ("contact", "people", i, name), _("the contact"), value


_COMMENTED_YAML = re.compile(r"^# ?((?: {2,}\S.*)|(?:- )?(?P<key>[a-z_]+):(?: .*)?)$")


def uncommented_template(lang: str = "de") -> str:
    """The `presskit new` template with its commented-out keys switched on (images, links, ...)."""
    from presskit.source.newfile import render_template

    lines = []
    for line in render_template("Titel", datetime.date(2000, 1, 1), lang).splitlines():
        match = _COMMENTED_YAML.match(line)
        if match and match["key"] is not None and match["key"] not in Release.model_fields:
            match = None  # a comment such as "# then: presskit check ..."
        lines.append(match[1] if match else line)
    return "\n".join(lines) + "\n"


@cache
def _template_placeholders() -> tuple[frozenset[str], frozenset[str]]:
    """(long sentences, exact short texts) of the `presskit new` template's placeholders.

    Sentences come from the running texts (subtitle, lead, body, about); exact
    texts from the facts, photos and contact people, including the keys that
    are commented out in the template, since a user uncomments and edits them.
    Real defaults the template shows (facts title, place, closing) are not
    placeholders.
    """
    from presskit.source.loader import parse_yaml

    data = parse_yaml(uncommented_template(), "template").data
    sentences = set()
    for key in ("subtitle", "lead", "body", "about", "closing"):
        value = data.get(key)
        if isinstance(value, str):
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(value.split())):
                if len(sentence) >= 25:
                    sentences.add(sentence)
    exact: set[str] = set()
    for item in (data.get("facts") or {}).get("items", []):
        exact.update(item.values() if isinstance(item, dict) else [item])
    for image in data.get("images") or []:
        exact.update(image.get(k) for k in ("caption", "credit", "alt") if image.get(k))
    for person in (data.get("contact") or {}).get("people", []):
        exact.update(v for k, v in person.items() if k in ("name", "role", "phone", "email") and v)
    return frozenset(sentences), frozenset(" ".join(t.split()) for t in exact if isinstance(t, str))


def _template_sentences() -> frozenset[str]:
    return _template_placeholders()[0]


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
                _("the headline is {length} characters long; keep it under {limit}").format(
                    length=len(release.title), limit=HEADLINE_MAX),
                where.field(("title",)),
                _("move details into the subtitle or the lead"),
            )
        )
    body_length = len(release.body)
    if body_length < BODY_MIN:
        found.append(
            warning(
                _("the body is only {length} characters long").format(length=body_length),
                where.field(("body",)),
                _("a press release usually needs at least {limit} characters").format(limit=BODY_MIN),
            )
        )
    elif body_length > BODY_MAX:
        found.append(
            warning(
                _("the body is {length} characters long").format(length=body_length),
                where.field(("body",)),
                _("keep it under {limit} characters; link to background material instead").format(limit=BODY_MAX),
            )
        )
    if release.embargo is not None and release.embargo.date() < today:
        found.append(
            warning(
                _("the embargo {embargo} is in the past").format(embargo=f"{release.embargo:%Y-%m-%d %H:%M}"),
                where.field(("embargo",)),
                _("correct the date or remove 'embargo:'"),
            )
        )

    slips = _slips()
    for loc, field, text in _texts(release):
        flat = " ".join(text.split())
        if flat in _template_placeholders()[1] or any(sentence in flat for sentence in _template_sentences()):
            found.append(
                warning(
                    _("{field} still contains placeholder text from the template").format(field=field),
                    where.field(loc),
                    _("replace it with the release's own text"),
                )
            )
        quote = _unpaired_quote(text)
        if quote is not None:
            found.append(
                warning(
                    _("a straight quote (\") in {field} cannot be paired").format(field=field),
                    where.at(loc, text, quote),
                    _("check the quotes: each opening \" needs a closing one"),
                )
            )
        for pattern, message, hint in slips:
            for match in pattern.finditer(text):
                shown = text[match.end()] if match.end() < len(text) else ""
                found.append(
                    warning(
                        message.format(field=field, match=shown),
                        where.at(loc, text, match.start()),
                        hint,
                    )
                )

    if release.source is not None:
        from presskit.source.yamlslips import silent_slips

        found += silent_slips(release.source.text, release.source.display)

    found.sort(key=lambda d: (d.location.line, d.location.column) if d.location else (0, 0))
    return found


def strict_errors(warnings: "tuple[Diagnostic, ...] | list[Diagnostic]") -> list[Diagnostic]:
    """``--strict``: each warning as an error, saying why it fails the file."""
    return [
        Diagnostic("error", d.message, d.location,
                   (d.hint + "; " if d.hint else "") + _("a warning fails the file with --strict"))
        for d in warnings
    ]
