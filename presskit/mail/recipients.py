"""The distribution list: groups of recipients, validated like every presskit file.

    groups:
      - name: Tageszeitungen
        recipients:
          - name: Redaktion Altmark-Zeitung
            email: redaktion@az.example
            salutation: Sehr geehrte Damen und Herren,
            language: de

A malformed address is a ``FILE:LINE:COL`` error; an address listed twice (in any
group, compared case-insensitively) is one too, because nobody is to get a release twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Field

from presskit.errors import ValidationError, error
from presskit.i18n import _
from presskit.source.model import RequiredInlineText, InlineText, _email, _lang, _listish, _Model, validate_source
from presskit.source.loader import SourceDoc, load_yaml

__all__ = ["Recipient", "Group", "DistributionList", "LoadedList", "Addressee", "load_list", "list_from_source"]


def _required_email(value):
    address = _email(value)
    if address is None:
        from presskit.source.model import fail

        fail(_("the recipient has no e-mail address"), _("write it as name@example.org"))
    return address


class Recipient(_Model):
    name: RequiredInlineText = Field(description="the recipient's name or newsroom")
    email: Annotated[str, BeforeValidator(_required_email)] = Field(description="e-mail address")
    salutation: InlineText = Field(None, description="the greeting that opens the message, e.g. 'Sehr geehrte Frau Muster,'")
    language: Annotated[Union[Literal["de", "en"], None], BeforeValidator(_lang)] = Field(
        None, description="de or en; default: the release's language")


class Group(_Model):
    name: RequiredInlineText = Field(description="the group's name, e.g. 'Tageszeitungen'")
    recipients: Annotated[tuple[Recipient, ...], BeforeValidator(_listish("recipients"))] = Field(
        description="the group's recipients")


class DistributionList(_Model):
    groups: Annotated[tuple[Group, ...], BeforeValidator(_listish("groups"))] = Field(description="groups of recipients")


@dataclass(frozen=True)
class Addressee:
    """One recipient of one message: who, and where in the list they were written."""

    name: str
    email: str
    salutation: str | None = None
    language: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class LoadedList:
    path: Path
    addressees: tuple[Addressee, ...]


def list_from_source(doc: SourceDoc, path: Path) -> LoadedList:
    parsed = validate_source(DistributionList, doc)
    seen: dict[str, tuple[int, int]] = {}
    problems = []
    people: list[Addressee] = []
    for g, group in enumerate(parsed.groups):
        for r, person in enumerate(group.recipients):
            key = person.email.casefold()
            if key in seen:
                first = doc.location(("groups", seen[key][0], "recipients", seen[key][1], "email"))
                problems.append(error(
                    _("'{email}' is listed twice").format(email=person.email),
                    doc.location(("groups", g, "recipients", r, "email")),
                    _("first listed at {where}; each address gets one message").format(where=first)))
                continue
            seen[key] = (g, r)
            people.append(Addressee(person.name, person.email, person.salutation, person.language, group.name))
    if problems:
        raise ValidationError(problems)
    if not people:
        raise ValidationError(error(_("the list has no recipients"), doc.location(("groups",))))
    return LoadedList(Path(path), tuple(people))


def load_list(path: Path, display: str | None = None) -> LoadedList:
    """Read and validate a distribution list file."""
    return list_from_source(load_yaml(Path(path), display), Path(path))
