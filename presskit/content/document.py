"""The content document: a release with the brand's defaults applied, as renderers read it.

Every renderer (the PDF story, the plain-text e-mail, the HTML page) maps these
frozen values to its own output and decides nothing about *what* is said or in
which order: the parts of a section come in reading order, the labels are
resolved in the release's language, the texts are smartened and parsed into the
typography IR (:mod:`presskit.typography.blocks`), and the heading levels are
fixed so that they never skip one.

Locations (:class:`~presskit.errors.Location`) travel with the parts so that a
renderer can report a problem (a missing glyph, an unusable photo) at the place
it was written; they are optional, so content built in Python renders too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, TypeAlias

from presskit.errors import Location
from presskit.typography.blocks import Inline, plain_text

__all__ = [
    "Heading", "Paragraph", "ListBlock", "Quote", "Block",
    "Head", "Embargo", "Headline", "Subtitle", "Lead", "Body", "FactRow", "FactBullet", "FactsBox",
    "Figure", "LinkItem", "Links", "ContactPerson", "ContactBlock", "About", "Closing", "Part",
    "ReleaseSection", "CoverSection", "DocumentSection", "PhotoSection", "ContactSection", "Section", "Metadata", "ContentDocument", "SourceTexts", "inline_text",
]


def inline_text(inline: Inline | None) -> str:
    """The plain text of an inline (empty for None)."""
    return plain_text(inline) if inline else ""


# -- blocks of running text ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading. ``level`` is the structure level (2 or more, never skipping one
    below the heading before it); ``written`` is the level the writer chose (``##`` 2,
    ``###`` 3), which decides how it looks."""

    level: int
    written: int
    content: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet or numbered list; each item is a tuple of blocks (nested lists included)."""

    ordered: bool
    start: int
    items: tuple[tuple["Block", ...], ...]
    location: Location | None = None

    def numbers(self) -> range:
        return range(self.start, self.start + len(self.items))


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quote: its paragraphs and the attribution (without its dash)."""

    paragraphs: tuple[Inline, ...]
    attribution: Inline | None
    location: Location | None = None


Block: TypeAlias = Heading | Paragraph | ListBlock | Quote


# -- the parts of a release, in reading order -----------------------------------------


@dataclass(frozen=True, slots=True)
class Head:
    """The label line (``Pressemitteilung``), the release number and the dateline."""

    label: Inline                     # the label as written; renderers may set it in capitals
    number: Inline | None             # "Nr. 112/2026"
    number_location: Location | None
    place: str | None                 # the release's place, else the brand's
    date: dt.date
    dateline: Inline                  # "Salzwedel, 03.12.2026"
    dateline_location: Location | None


@dataclass(frozen=True, slots=True)
class Embargo:
    when: dt.datetime
    text: Inline                      # "Sperrfrist: 03.12.2026, 10:00 Uhr"
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Headline:
    content: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Subtitle:
    content: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Lead:
    content: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Body:
    blocks: tuple[Block, ...]
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class FactRow:
    label: Inline
    value: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class FactBullet:
    text: Inline
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class FactsBox:
    """The facts box: its title, then its label/value rows, then its bullets."""

    title: Inline
    name: str                         # what the box is ("Auf einen Blick"), e.g. for a group's title
    rows: tuple[FactRow, ...]
    bullets: tuple[FactBullet, ...]
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A photo. ``path`` is the file as written, resolved against ``base_dir`` (not yet
    checked: whether it may be read and is an image is the renderer's question)."""

    file: str
    path: Path
    caption: Inline | None
    credit: Inline | None             # "Foto: …", the label applied
    credit_name: str | None           # the credit as written ("Pressestelle")
    alt: str | None                   # smartened; None when decorative
    decorative: bool
    usage: str | None = None          # usage terms (press kits)
    archive_name: str | None = None   # the full-resolution copy's name in the newsroom zip (press kits)
    location: Location | None = None          # of the file name
    caption_location: Location | None = None
    credit_location: Location | None = None
    archive_line: Inline | None = None        # "Datei: fotos/allee.jpg" (press kits)
    usage_location: Location | None = None


@dataclass(frozen=True, slots=True)
class LinkItem:
    text: str                         # smartened link text, or the URL itself
    url: str
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Links:
    """'Weitere Informationen': a title and the links."""

    title: Inline
    items: tuple[LinkItem, ...]
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class ContactPerson:
    name: Inline
    role: Inline | None
    phone: str | None
    phone_line: Inline | None         # "Telefon 03901 840-309"
    email: str | None
    email_line: Inline | None         # "E-Mail " + the address as a mailto link
    email_description: str | None     # "E-Mail Pressestelle: pressestelle@…" (a link's alt text)


@dataclass(frozen=True, slots=True)
class ContactBlock:
    title: Inline
    name: str                         # what the block is ("Pressekontakt")
    people: tuple[ContactPerson, ...]
    from_brand: bool
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class About:
    """The boilerplate: its title and text (headings levelled under the title)."""

    title: Inline
    blocks: tuple[Block, ...]
    from_brand: bool
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Closing:
    content: Inline
    from_brand: bool
    location: Location | None = None


Part: TypeAlias = (
    Head | Embargo | Headline | Subtitle | Lead | Body | FactsBox | Figure | Links | ContactBlock | About | Closing
)


@dataclass(frozen=True)
class ReleaseSection:
    """One press release with everything it prints, each part in reading order."""

    head: Head
    embargo: Embargo | None
    headline: Headline
    subtitle: Subtitle | None
    lead: Lead | None
    body: Body
    facts: FactsBox | None
    figures: tuple[Figure, ...]
    links: Links | None
    contact: ContactBlock | None
    about: About | None
    closing: Closing | None
    running_title: str                # the running header's short title ("Nr. 112/2026" or "")
    running_dateline: str             # the running header's dateline, as written
    running_embargo: str | None = None  # the running header's embargo line, as written
    base_dir: Path | None = None      # the folder the release's files are relative to
    names: tuple[str, ...] = ()       # person names the release mentions (never hyphenated)
    lang: str | None = None           # the release's language (None: the document's)
    contents_note: str = ""           # the line under its title in a kit's contents, as written
                                      # ("Pressemitteilung · Nr. 112/2026 · Salzwedel, 03.12.2026")
    problems: tuple = ()              # the located Diagnostics met while building it (also the document's)

    @property
    def parts(self) -> tuple[Part, ...]:
        """Every part that is present, in reading order."""
        ordered: list[Part | None] = [
            self.head, self.embargo, self.headline, self.subtitle, self.lead, self.body, self.facts,
            *self.figures, self.links, self.contact, self.about, self.closing,
        ]
        return tuple(part for part in ordered if part is not None)

    @property
    def heading_text(self) -> str:
        """The section's top heading as plain text (for running headers, bookmarks, contents)."""
        return plain_text(self.headline.content)


@dataclass(frozen=True)
class CoverSection:
    """A press kit's cover: its label (``Pressemappe``), title, dateline and optional text."""

    label: Inline
    title: Inline
    place: str | None
    date: dt.date
    dateline: Inline
    blocks: tuple[Block, ...] = ()
    location: Location | None = None
    text_location: Location | None = None
    dateline_location: Location | None = None
    contents_title: Inline | None = None  # the heading of the kit's contents ("Inhalt"); None: the label

    @property
    def heading_text(self) -> str:
        return plain_text(self.title)


@dataclass(frozen=True)
class DocumentSection:
    """A background document of a press kit: a title over a text or a facts box."""

    title: Inline
    blocks: tuple[Block, ...] = ()
    facts: FactsBox | None = None
    location: Location | None = None
    title_location: Location | None = None

    @property
    def heading_text(self) -> str:
        return plain_text(self.title)


@dataclass(frozen=True)
class PhotoSection:
    """The photos of a press kit, each with caption, credit, usage terms and file name."""

    title: Inline
    figures: tuple[Figure, ...]

    @property
    def heading_text(self) -> str:
        return plain_text(self.title)


@dataclass(frozen=True)
class ContactSection:
    """A press kit's contact page."""

    contact: ContactBlock

    @property
    def heading_text(self) -> str:
        return plain_text(self.contact.title)


Section: TypeAlias = ReleaseSection | CoverSection | DocumentSection | PhotoSection | ContactSection


@dataclass(frozen=True)
class Metadata:
    """What a document's metadata says (PDF info and XMP, e-mail subject, HTML head)."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    lang: str
    created: dt.datetime


@dataclass(frozen=True)
class SourceTexts:
    """The lines of the files the content was written in, by the name locations use.

    Lets a renderer point a diagnostic at the exact character it is about (a glyph
    the fonts lack) without reading the YAML again."""

    lines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def find(self, char: str, location: Location | None) -> Location | None:
        """Where ``char`` first stands at or after ``location``; else ``location``."""
        if location is None or location.line <= 0:
            return location
        lines = self.lines.get(location.file)
        if lines is None:
            return location
        for number in range(location.line, len(lines) + 1):
            line = lines[number - 1]
            start = location.column - 1 if number == location.line else 0
            column = line.find(char, start)
            if column >= 0:
                return Location(location.file, number, column + 1)
        return location


@dataclass(frozen=True)
class ContentDocument:
    """A document's content: its language, metadata and sections (one release; or a press
    kit's cover, releases, background documents, photos and contact page).

    Heading levels are relative to each section's top heading (level 1)."""

    lang: str
    meta: Metadata
    sections: tuple[Section, ...]
    sources: SourceTexts = field(default_factory=SourceTexts)
    problems: tuple = ()              # located Diagnostics met while building (e.g. markup beyond the limits)
    names: tuple[str, ...] = ()       # person names outside the release sections (a kit's contact
                                      # people and photographers): never hyphenated

    def releases(self) -> tuple[ReleaseSection, ...]:
        return tuple(section for section in self.sections if isinstance(section, ReleaseSection))
