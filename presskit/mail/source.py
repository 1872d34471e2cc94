"""A release or press-kit file -> what its e-mail is made of (built once, used for every recipient)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from presskit.source.brand import Brand
from presskit.content import document as c
from presskit.errors import InputError, Location, error
from presskit.i18n import _

__all__ = ["MailSource", "load_source"]


@dataclass(frozen=True)
class MailSource:
    path: Path                       # the release or kit file
    brand: Brand
    document: c.ContentDocument
    pdf: bytes                       # the same bytes `presskit build` / `presskit kit` writes
    pdf_name: str                    # "2026-12-03-kreisstrasse.pdf"
    title: str                       # plain text of the headline (kit: its title)
    embargo: dt.datetime | None
    reply_to: tuple[str, str] | None  # (name, e-mail) of the first contact written in the file
    figures: tuple[c.Figure, ...]    # photos to attach or link, each once

    @property
    def lang(self) -> str:
        return self.document.lang


def _is_kit(path: Path) -> bool:
    from presskit.source.loader import load_yaml

    data = load_yaml(path, str(path)).data
    return isinstance(data, dict) and "releases" in data and "body" not in data


def _figures(document: c.ContentDocument) -> tuple[c.Figure, ...]:
    seen: set[Path] = set()
    out: list[c.Figure] = []
    for section in document.sections:
        for figure in getattr(section, "figures", ()):
            if not figure.decorative and figure.path not in seen:
                seen.add(figure.path)
                out.append(figure)
    return tuple(out)


def _first_contact(contacts) -> tuple[str, str] | None:
    for contact in contacts:
        if contact is None:
            continue
        for person in contact.people:
            if person.email:
                return person.name, person.email
    return None


def load_source(path: Path, brand_path: Path | None = None, allow_dirs: Sequence[Path] = ()) -> MailSource:
    """Load, validate and render ``path`` (a release or a press kit); raises InputError."""
    from presskit.source.brand import brand_for
    from presskit.content.build import build_content, build_kit_content
    from presskit.source.model import load_release
    from presskit.typography.blocks import plain_text
    from presskit.typography.parse import parse_inline

    path = Path(path)
    if not path.exists():
        raise InputError(error(_("no such file"), Location.of_file(path)))
    brand = brand_for(path, brand_path)
    if _is_kit(path):
        from presskit.content.kit import load_kit
        from presskit.pdf.kit import kit_pdf

        loaded = load_kit(path, str(path), allow_dirs)
        document = build_kit_content(loaded, brand)
        pdf = kit_pdf(loaded, brand, allow_dirs)
        lang = document.lang
        title = plain_text(parse_inline(loaded.kit.title, lang))
        embargoes = [r.embargo for r in loaded.releases if r.embargo is not None]
        embargo = min(embargoes) if embargoes else None
        reply_to = _first_contact([loaded.kit.contact, *(r.contact for r in loaded.releases)])
    else:
        from presskit.pdf.render import render_pdf

        release = load_release(path, display=str(path))
        document = build_content(release, brand)
        pdf = render_pdf(release, brand, allow_dirs)
        title = document.meta.title
        embargo = release.embargo
        reply_to = _first_contact([release.contact])
    return MailSource(path, brand, document, pdf, path.stem + ".pdf", title, embargo, reply_to, _figures(document))
