"""Release + brand → the content document: every decision about what goes where.

What the release says, else what the brand says (place, contact, boilerplate,
closing line, language), with the labels of the release's language; in the
order a reader meets it. The brand's own prose (boilerplate, closing line, its
contact block's and boilerplate's headings) is used only when the release is
in the brand's language: a release in another language gets the labels, not
German prose.

This is the one place where the YAML source's positions become the locations
that travel with the content; no later stage reads the source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from presskit.source.brand import Brand
from presskit.errors import Diagnostic, Location, error
from presskit.content.labels import Labels, labels_for
from presskit.source.model import Contact, Facts, Release, yaml_path
from presskit.source.loader import SourceDoc
from presskit.typography import blocks as ir
from presskit.typography.parse import MarkupLimit, parse_blocks, parse_inline
from presskit.typography.names import person_names, release_names
from presskit.typography.smarten import copyright_sign, smarten

from presskit.content import document as c

if TYPE_CHECKING:
    from presskit.content.kit import LoadedKit

__all__ = ["build_content", "build_kit_content", "build_section", "facts_box", "contact_block", "build_metadata", "level_blocks", "source_texts"]


class _Where:
    """Locations of a release's values (nothing for a release built in Python)."""

    def __init__(self, doc: SourceDoc | None):
        self.doc = doc

    def __call__(self, *path: str | int) -> Location | None:
        return self.doc.location(tuple(path)) if self.doc is not None else None

    def of_model(self, *path: str | int) -> Location | None:
        """The location of a model path whose YAML shape may leave out a wrapper key
        (``facts: [...]`` for ``facts: {items: [...]}``)."""
        return self.doc.location(yaml_path(self.doc, tuple(path))) if self.doc is not None else None


def brand_location(brand: Brand, *path: str) -> Location | None:
    source = getattr(brand, "source", None)
    return source.location(path) if source is not None else None


def brand_text(brand: Brand, lang: str, key: str) -> tuple[Any, Location | None]:
    """The brand's ``contact``/``about``/``about_title``/``closing`` in ``lang`` (its own,
    or from ``texts:``), with where it was written; else (None, None)."""
    if lang == brand.lang:
        value, path = getattr(brand, key), (key,)
    else:
        texts = brand.texts.get(lang)
        value, path = (getattr(texts, key) if texts is not None else None), ("texts", lang, key)
    if not value:
        return None, None
    return value, brand_location(brand, *path)


def shown_url(url: str) -> str:
    """A link's address as printed: ``mailto:``/``tel:`` say nothing a reader needs."""
    scheme, sep, rest = url.partition(":")
    return rest if sep and scheme.lower() in ("mailto", "tel") else url


def parse_located(text: str, lang: str, doc: SourceDoc | None, path: tuple, location: Location | None,
                  problems: list[Diagnostic]) -> tuple[ir.Block, ...]:
    """The blocks of a block text (body, about, …); a text beyond the nesting or list limits
    is reported in ``problems`` where the offending line is, and gives no blocks."""
    try:
        return parse_blocks(text, lang)
    except MarkupLimit as exc:
        where = location
        raw = doc.data if doc is not None else None
        for part in path:
            raw = raw.get(part) if isinstance(raw, dict) else None
        if isinstance(raw, str):
            where = doc.offset_location(path, exc.offset + len(raw) - len(raw.lstrip()))
        problems.append(error(exc.message, where, hint=exc.hint))
        return ()


def level_blocks(blocks: Iterable[ir.Block], last: int, location: Location | None) -> tuple[tuple[c.Block, ...], int]:
    """The blocks with their heading levels fixed, and the level of the last heading.

    A heading is at most one level below the heading before it (``last``; the
    headline is 1): a ``###`` right under the headline is a level-2 heading that
    keeps the look of a ``###``."""
    out: list[c.Block] = []
    for block in blocks:
        if isinstance(block, ir.Heading):
            level = min(block.level, last + 1)
            last = level
            out.append(c.Heading(level, block.level, block.content, location))
        elif isinstance(block, ir.Paragraph):
            out.append(c.Paragraph(block.content, location))
        elif isinstance(block, ir.ListBlock):
            items = []
            for item in block.items:
                children, last = level_blocks(item, last, location)
                items.append(children)
            out.append(c.ListBlock(block.ordered, block.start, tuple(items), location))
        elif isinstance(block, ir.Quote):
            out.append(c.Quote(tuple(block.paragraphs), block.attribution, location))
    return tuple(out), last


class _Builder:
    def __init__(self, release: Release, brand: Brand):
        self.release = release
        self.brand = brand
        self.lang = release.lang or brand.lang
        self.labels: Labels = labels_for(self.lang)
        self.where = _Where(release.source)
        self.problems: list[Diagnostic] = []
        source = release.source
        self.base_dir = source.path.parent if source is not None and source.path is not None else None

    @property
    def brand_language(self) -> bool:
        """Whether the brand's own texts are in the release's language."""
        return self.lang == self.brand.lang

    def inline(self, text: str) -> ir.Inline:
        return parse_inline(text, self.lang)

    def plain(self, text: str) -> ir.Inline:
        """Text the program writes (labels, names): smartened, never parsed as markup."""
        return (ir.Span(smarten(text, self.lang)),)

    # -- parts ---------------------------------------------------------------------
    def head(self) -> c.Head:
        r, labels = self.release, self.labels
        place = r.place or self.brand.place
        return c.Head(
            label=self.plain(labels.press_release),
            number=self.plain(labels.number.format(number=r.number)) if r.number else None,
            number_location=self.where("number") if r.number else None,
            place=place,
            date=r.date,
            dateline=self.plain(labels.dateline_for(place, r.date)),
            dateline_location=self.where("place") if r.place else self.where("date"),
        )

    def embargo(self) -> c.Embargo | None:
        when = self.release.embargo
        if when is None:
            return None
        return c.Embargo(when, self.plain(self.labels.embargo_line(when)), self.where("embargo"))

    def facts(self, facts: Facts | None) -> c.FactsBox | None:
        return facts_box(facts, self.lang, lambda i: self.where.of_model("facts", "items", i), self.where("facts"))

    def figures(self) -> tuple[c.Figure, ...]:
        base = self.base_dir if self.base_dir is not None else Path.cwd()
        out = []
        for i, image in enumerate(self.release.images):
            out.append(
                c.Figure(
                    file=image.file,
                    path=base / image.file,
                    caption=self.inline(image.caption) if image.caption else None,
                    credit=self.inline(self.labels.photo.format(credit=copyright_sign(image.credit))) if image.credit else None,
                    credit_name=image.credit,
                    alt=None if image.decorative else smarten(image.alt or "", self.lang),
                    decorative=image.decorative,
                    usage=getattr(image, "usage", None),
                    location=self.where("images", i, "file"),
                    caption_location=self.where("images", i, "caption") if image.caption else None,
                    credit_location=self.where("images", i, "credit") if image.credit else None,
                )
            )
        return tuple(out)

    def links(self) -> c.Links | None:
        if not self.release.links:
            return None
        items = tuple(
            c.LinkItem(smarten(link.text, self.lang) if link.text else shown_url(link.url), link.url, self.where("links", i))
            for i, link in enumerate(self.release.links)
        )
        return c.Links(self.plain(self.labels.more_info), items, self.where("links"))

    def contact(self) -> c.ContactBlock | None:
        r = self.release
        return contact_block(r.contact, self.where("contact") if r.contact else None, self.brand, self.lang)

    def own_or_brand_text(self, key: str) -> tuple[str | None, Location | None, bool]:
        """The release's own ``about``/``closing``, else the brand's in the release's
        language; with where it was written and whether it is the brand's."""
        if getattr(self.release, key):
            return getattr(self.release, key), self.where(key), False
        value, location = brand_text(self.brand, self.lang, key)
        return value, location, value is not None

    def about(self) -> c.About | None:
        text, location, from_brand = self.own_or_brand_text("about")
        if not text:
            return None
        # The brand's own heading in the release's language; else the label.
        own_title, _ = brand_text(self.brand, self.lang, "about_title")
        doc = self.release.source if not from_brand else getattr(self.brand, "source", None)
        blocks, _ = level_blocks(parse_located(text, self.lang, doc, ("about",), location, self.problems), 2, location)
        return c.About(self.plain(own_title or self.labels.about), blocks, from_brand, location)

    def closing(self) -> c.Closing | None:
        text, location, from_brand = self.own_or_brand_text("closing")
        if not text:
            return None
        return c.Closing(self.inline(text), from_brand, location)

    def section(self) -> c.ReleaseSection:
        r, labels = self.release, self.labels
        body_location = self.where("body")
        body, _ = level_blocks(parse_located(r.body, self.lang, r.source, ("body",), body_location, self.problems),
                               1, body_location)
        return c.ReleaseSection(
            head=self.head(),
            embargo=self.embargo(),
            headline=c.Headline(self.inline(r.title), self.where("title")),
            subtitle=c.Subtitle(self.inline(r.subtitle), self.where("subtitle")) if r.subtitle else None,
            lead=c.Lead(self.inline(r.lead), self.where("lead")) if r.lead else None,
            body=c.Body(body, body_location),
            facts=self.facts(r.facts),
            figures=self.figures(),
            links=self.links(),
            contact=self.contact(),
            about=self.about(),
            closing=self.closing(),
            running_title=labels.number.format(number=r.number) if r.number else "",
            running_dateline=labels.dateline_for(r.place or self.brand.place, r.date),
            running_embargo=labels.embargo_line(r.embargo) if r.embargo is not None else None,
            base_dir=self.base_dir,
            names=tuple(release_names(self.release, self.brand)),
            lang=self.lang,
            contents_note=self.contents_note(),
        )

    def contents_note(self) -> str:
        """The line under the release's title in a kit's contents: label, number, dateline."""
        r, labels = self.release, self.labels
        note = [labels.press_release]
        if r.number:
            note.append(labels.number.format(number=r.number))
        note.append(labels.dateline_for(r.place or self.brand.place, r.date))
        return " · ".join(note)


def facts_box(facts: Facts | None, lang: str, item_location: Callable[[int], Location | None],
              location: Location | None) -> c.FactsBox | None:
    """The facts box: its title (default: the label), its label/value rows, then its bullets."""
    if facts is None or not facts.items:
        return None
    labels = labels_for(lang)
    rows, bullets = [], []
    for i, item in enumerate(facts.items):
        where = item_location(i)
        if item.label is not None:
            rows.append(c.FactRow(parse_inline(item.label, lang), parse_inline(item.value or "", lang), where))
        else:
            bullets.append(c.FactBullet(parse_inline(item.text or "", lang), where))
    return c.FactsBox(
        title=(ir.Span(smarten(facts.title or labels.facts, lang)),),
        name=labels.facts,
        rows=tuple(rows),
        bullets=tuple(bullets),
        location=location,
    )


def contact_block(own: Contact | None, own_location: Location | None, brand: Brand, lang: str) -> c.ContactBlock | None:
    """The contact block: ``own`` (a release's or a kit's), else the brand's in ``lang``;
    a brand with no texts in that language gives its people without their (untranslated)
    roles and title, which the label replaces."""
    labels = labels_for(lang)
    if own:
        contact, location = own, own_location
    else:
        contact, location = brand_text(brand, lang, "contact")
        if contact is None and brand.contact is not None:
            people = tuple(person.model_copy(update={"role": None}) for person in brand.contact.people)
            contact = brand.contact.model_copy(update={"title": None, "people": people})
            location = brand_location(brand, "contact")
    if contact is None or not contact.people:
        return None

    def plain(text: str) -> ir.Inline:
        return (ir.Span(smarten(text, lang)),)

    people = []
    for person in contact.people:
        people.append(
            c.ContactPerson(
                name=plain(person.name),
                role=plain(person.role) if person.role else None,
                phone=person.phone,
                phone_line=plain(f"{labels.phone} {person.phone}") if person.phone else None,
                email=person.email,
                email_line=(ir.Span(f"{labels.email} "), ir.Span(person.email, href=f"mailto:{person.email}"))
                if person.email else None,
                email_description=f"{labels.email} {person.name}: {person.email}" if person.email else None,
            )
        )
    return c.ContactBlock(plain(contact.title or labels.contact), labels.contact, tuple(people),
                          from_brand=not own, location=location)


def build_section(release: Release, brand: Brand, problems: list[Diagnostic] | None = None) -> c.ReleaseSection:
    """The content of one release on ``brand``; problems met (located) go to ``problems``."""
    builder = _Builder(release, brand)
    section = builder.section()
    if builder.problems:
        section = replace(section, problems=tuple(builder.problems))
    if problems is not None:
        problems += builder.problems
    return section


def build_metadata(release: Release, brand: Brand) -> c.Metadata:
    """Title, author, subject, keywords, language and date of a release's document."""
    lang = release.lang or brand.lang
    labels = labels_for(lang)
    subject_parts = [labels.press_release]
    if release.number:
        subject_parts.append(labels.number.format(number=release.number))
    if release.subtitle:
        subject_parts.append(ir.plain_text(parse_inline(release.subtitle, lang)).replace("\u00a0", " "))
    return c.Metadata(
        # metadata is searched, not typeset: no-break spaces are plain spaces there
        title=ir.plain_text(parse_inline(release.title, lang)).replace("\u00a0", " "),
        author=" · ".join([brand.organisation, *brand.units[-1:]]),
        subject=" – ".join(subject_parts),
        keywords=tuple(release.keywords),
        lang=lang,
        created=dt.datetime.combine(release.date, dt.time(0, 0), tzinfo=dt.timezone.utc),
    )


def source_texts(*docs: SourceDoc | None) -> c.SourceTexts:
    """The lines of the given source files; the first document wins for a shared name."""
    lines: dict[str, tuple[str, ...]] = {}
    for doc in reversed(docs):
        if doc is not None:
            # the line breaks the YAML reader counts (str.splitlines() knows more of them)
            lines[doc.display] = tuple(doc._source_lines())
    return c.SourceTexts(lines)


def build_content(release: Release, brand: Brand) -> c.ContentDocument:
    """The content document of ``release`` on ``brand``'s letterhead (with the located
    problems met while building it in ``problems``)."""
    problems: list[Diagnostic] = []
    section = build_section(release, brand, problems)
    return c.ContentDocument(
        lang=release.lang or brand.lang,
        meta=build_metadata(release, brand),
        sections=(section,),
        sources=source_texts(release.source, getattr(brand, "source", None)),
        problems=tuple(problems),
    )


def build_kit_content(loaded: "LoadedKit", brand: Brand) -> c.ContentDocument:
    """The content document of a press kit: cover, each release as it would be alone,
    the background documents, the photos (with their names in the zip) and the contacts."""
    from presskit.content.archive import photo_name
    from presskit.content.kit import KIT_LABELS, usage_terms

    kit = loaded.kit
    lang = kit.lang or brand.lang
    labels, words = labels_for(lang), KIT_LABELS[lang]
    where = _Where(kit.source)

    def plain(text: str) -> ir.Inline:
        return (ir.Span(smarten(text, lang)),)

    place = kit.place or brand.place
    problems: list[Diagnostic] = []
    cover_blocks = level_blocks(parse_located(kit.cover, lang, kit.source, ("cover",), where("cover"), problems),
                                1, where("cover"))[0] if kit.cover else ()
    sections: list[c.Section] = [
        c.CoverSection(
            label=plain(words["kit"]),
            title=parse_inline(kit.title, lang),
            place=place,
            date=kit.date,
            dateline=plain(labels.dateline_for(place, kit.date)),
            blocks=cover_blocks,
            location=where("title"),
            text_location=where("cover") if kit.cover else None,
            dateline_location=where("place") if kit.place else where("date"),
            contents_title=plain(words["contents"]),
        )
    ]
    sections += [build_section(release, brand, problems) for release in loaded.releases]
    for j, document in enumerate(kit.documents):
        location = where("documents", j)
        text_location = where("documents", j, "text")
        blocks = level_blocks(parse_located(document.text, lang, kit.source, ("documents", j, "text"), text_location,
                                            problems), 1, text_location)[0] if document.text else ()
        facts = facts_box(document.facts, lang, lambda i, j=j: where.of_model("documents", j, "facts", "items", i),
                          where("documents", j, "facts"))
        sections.append(c.DocumentSection(parse_inline(document.title, lang), blocks, facts, location,
                                          title_location=where("documents", j, "title")))
    if kit.photos:
        figures = []
        for i, (photo, path) in enumerate(zip(kit.photos, loaded.photo_paths)):
            figures.append(c.Figure(
                file=photo.file,
                path=path,
                caption=parse_inline(photo.caption, lang),
                credit=parse_inline(labels.photo.format(credit=copyright_sign(photo.credit)), lang),
                credit_name=photo.credit,
                alt=None if photo.decorative else smarten(photo.alt or "", lang),
                decorative=photo.decorative,
                usage=smarten(usage_terms(photo, lang), lang),
                archive_name=photo_name(path, lang),
                location=where("photos", i, "file"),
                caption_location=where("photos", i, "caption"),
                credit_location=where("photos", i, "credit"),
                archive_line=plain(f"{words['file']}: {photo_name(path, lang)}"),
                usage_location=where("photos", i, "usage"),
            ))
        sections.append(c.PhotoSection(plain(words["photos"]), tuple(figures)))
    contact = contact_block(kit.contact, where("contact") if kit.contact else None, brand, lang)
    if contact is not None:
        sections.append(c.ContactSection(contact))
    keywords: list[str] = []
    for release in loaded.releases:
        keywords += [k for k in release.keywords if k not in keywords]
    title = ir.plain_text(parse_inline(kit.title, lang)).replace("\u00a0", " ")
    meta = c.Metadata(
        title=title,
        author=" · ".join([brand.organisation, *brand.units[-1:]]),
        subject=f"{words['kit']} – {labels.dateline_for(place, kit.date)}",
        keywords=tuple(keywords),
        lang=lang,
        created=dt.datetime.combine(kit.date, dt.time(0, 0), tzinfo=dt.timezone.utc),
    )
    sources = source_texts(kit.source, *(release.source for release in loaded.releases), getattr(brand, "source", None))
    return c.ContentDocument(lang=lang, meta=meta, sections=tuple(sections), sources=sources, problems=tuple(problems),
                             names=kit_names(kit, brand))


def kit_names(kit, brand: Brand) -> tuple[str, ...]:
    """As in a release: the kit's contact people (else the brand's) and its photographers."""
    return tuple(person_names(kit.contact or brand.contact, (photo.credit for photo in kit.photos)))
