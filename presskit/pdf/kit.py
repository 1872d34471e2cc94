"""A press kit (Pressemappe) as one tagged PDF, and its newsroom zip.

The kit is a document of sections (:mod:`presskit.pdf.sections`), each mapped
from its section of the kit's content document (:func:`presskit.content.build.build_kit_content`;
a content document built in Python renders with :func:`render_kit_content`):

* the cover on the letterhead: label, dateline, title, optional text;
* the contents: each later section with the page it starts on, as a link;
* each release as its own section, set by the release's own story builder
  (:func:`presskit.pdf.story.story_from_section`) with a theme of its own, so it has exactly the lines it has alone; its Document
  becomes a ``Sect`` of the kit (the logo is the kit's);
* the background documents, the photos (large, one or two a page, with
  caption, credit, usage terms and the file's name in the zip) and the contacts.

Page numbers in the contents are where the sections start: the kit is laid
out again with the pages the last pass found until they agree (two passes, as
the contents never change length). Bookmarks come from the headings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from reportlab.platypus.flowables import Flowable

from presskit.pdf import images, marking, rl_internals
from presskit.source.brand import Brand
from presskit.content.document import (ContactSection, ContentDocument, CoverSection, DocumentSection, PhotoSection,
                                       ReleaseSection, inline_text)
from presskit.content.kit import KIT_LABELS, LoadedKit
from presskit.errors import Diagnostic, InputError, RenderError
from presskit.i18n import _
from presskit.pdf.flowables import Columns, KeepOnOnePage, Picture, Tagged, TextParagraph
from presskit.content.labels import labels_for
from presskit.pdf.render import finish_document, layout_sections, load_brand_logo, make_theme
from presskit.pdf.sections import Outline, PdfSection
from presskit.pdf.story import _Builder, story_from_section
from presskit.pdf.structure import StructNode, new_document
from presskit.typography import blocks as ir
from presskit.typography.markup import to_markup
from presskit.typography.names import protect_names

__all__ = ["render_kit", "render_kit_content", "kit_pdf", "kit_zip_files", "KitLayout"]

#: How often the kit is laid out at most to get the contents' page numbers right.
MAX_PASSES = 4


@dataclass
class KitLayout:
    """The finished kit: the tagging result, the contents' (title, key, page) and the outline."""

    result: Any
    contents: list[tuple[str, str, int]]
    outline: list[tuple[str, str, int, int]]
    passes: int

    @property
    def pdf(self) -> bytes:
        return self.result.pdf


class _KitBuilder(_Builder):
    """The release story builder's parts (blocks, facts, contact) for the kit's own pages; a
    section's title is its H1."""

    def section_title(self, parent: StructNode, title: ir.Inline, location) -> Tagged:
        return self.para(title, "kit-section", parent.add("H1"), location)


def _builder(content: ContentDocument, theme, lang: str, root: StructNode) -> _KitBuilder:
    """A builder for the kit's own pages, which maps the kit's content sections."""
    return _KitBuilder(None, content.sources, theme, labels_for(lang), lang, (), root=root)


class ContentsEntry(Flowable):
    """One entry of the contents: a section's title (and a note under it, e.g. the release's
    number and dateline) with its page on the title's last line; the whole entry one link."""

    def __init__(self, title: TextParagraph, note: TextParagraph | None, page: TextParagraph, node: StructNode,
                 key: str, page_width: float, gap: float, space_after: float):
        super().__init__()
        self.title, self.note, self.page, self.node, self.key = title, note, page, node, key
        self.page_width, self.gap, self.space_after = page_width, gap, space_after

    def wrap(self, availWidth, availHeight):
        text_width = availWidth - self.page_width - self.gap
        _, th = self.title.wrap(text_width, availHeight)
        nh = self.note.wrap(text_width, availHeight)[1] if self.note is not None else 0
        self.page.wrap(self.page_width, availHeight)
        self.width, self.height = availWidth, th + nh
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []

    def getSpaceAfter(self):  # noqa: N802
        return self.space_after

    def draw(self):
        canv = self.canv
        with marking.content(canv, self.node):
            title_bottom = self.height - self.title.height
            self.title.drawOn(canv, 0, title_bottom)
            self.page.drawOn(canv, self.width - self.page_width, title_bottom)
            if self.note is not None:
                self.note.drawOn(canv, 0, 0)
            rl_internals.destination_link(canv, self.key, (0, 0, self.width, self.height))


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" ,.;:·–-") + "…"


class _Kit:
    """Builds the kit's sections for one layout pass, each from its section of the content."""

    def __init__(self, content: ContentDocument, brand: Brand, allowed_dirs: Sequence[Path]):
        self.content, self.brand, self.allowed_dirs = content, brand, list(allowed_dirs)
        self.lang = content.lang
        self.labels = labels_for(self.lang)
        self.info = content.meta
        self.theme = make_theme(brand, self.lang)
        # as in a release: the contact people and the photographers are never hyphenated
        protect_names(self.theme, content.names)
        self.logo = load_brand_logo(brand, self.theme)
        cover = content.sections[0] if content.sections else None
        if not isinstance(cover, CoverSection):
            raise ValueError("a press kit's content starts with its cover")
        self.cover = cover
        self.title = cover.heading_text

    # -- sections -------------------------------------------------------------------
    def header_left(self) -> str:
        style = self.theme.style("header")
        text = f"{inline_text(self.cover.label)}: {self.title}"
        return _fit(text, style.fontName, style.fontSize, self.theme.geometry.frame_width * 0.55)

    def sections(self, pages: dict[str, int], outline: Outline, root: StructNode) -> tuple[list[PdfSection], list]:
        # a release's own problems come with its story below; the kit's texts' here
        releases = self.content.releases()
        release_problems = {p for section in releases for p in section.problems}
        problems: list[Diagnostic] = [p for p in self.content.problems if p not in release_problems]
        left = self.header_left()
        out: list[PdfSection] = []
        contents: list[tuple[str, str, str | None]] = []  # (title, key, note)

        # cover
        cover = self.cover
        node = StructNode("Sect", title=inline_text(cover.label))
        b = _builder(self.content, self.theme, self.lang, node)
        group = node.add("Div")
        label = [b.para(tuple(ir.Span(span.text.upper()) for span in cover.label), "label", group.add("P"), None)]
        right = [b.para(cover.dateline, "dateline", group.add("P"), cover.dateline_location)]
        flow: list[Flowable] = [Columns([label, right], [1, 1]), Spacer(1, 40 * mm)]
        h1 = node.add("H1")
        outline.keys[id(h1)] = "kit-cover"
        flow.append(b.para(cover.title, "kit-title", h1, cover.location))
        if cover.blocks:
            flow += b.blocks(cover.blocks, node, style="kit-cover-text")
        problems += b.problems
        out.append(PdfSection(flow, (left, ""), node=node, new_page=False, template="first", key="kit-cover"))

        # the sections after the contents, in the content's order
        later: list[PdfSection] = []
        counts: dict[str, int] = {}
        for section in self.content.sections[1:]:
            kind = {ReleaseSection: "release", DocumentSection: "document", PhotoSection: "photos",
                    ContactSection: "contact"}.get(type(section))
            if kind is None:
                raise TypeError(f"no kit page for {type(section).__name__}")
            counts[kind] = counts.get(kind, 0) + 1
            key = f"{kind}-{counts[kind]}" if kind in ("release", "document") else kind
            if kind == "release":
                made = self.release(section, key, outline, problems)
                if made is None:
                    continue
                flow, sect = made
            elif kind == "document":
                flow, sect = self.document(section, key, outline, problems)
            elif kind == "photos":
                flow, sect = self.photos(section, outline, problems)
            else:
                flow, sect = self.contact(section, outline, problems)
            title = section.heading_text
            contents.append((title, key, getattr(section, "contents_note", None) or None))
            later.append(PdfSection(flow, (left, title), node=sect, key=key))

        # contents
        sect = StructNode("Sect")
        b = _builder(self.content, self.theme, self.lang, sect)
        h1 = sect.add("H1")
        outline.keys[id(h1)] = "kit-contents"
        heading = cover.contents_title or b.plain(KIT_LABELS[self.lang]["contents"])
        flow = [b.para(heading, "kit-section", h1, None)]
        toc = sect.add("TOC")
        for title, key, note in contents:
            item = toc.add("TOCI")
            page = pages.get(key, 0)
            link = item.add("Link", alt=f"{title}, {self.labels.page_prefix}{page}".strip())
            flow.append(self.contents_entry(title, note, page, link, key))
        out.append(PdfSection(flow, (left, inline_text(heading)), node=sect, key="kit-contents"))
        out += later
        return out, problems

    def release(self, section: ReleaseSection, key: str, outline: Outline,
                problems: list[Diagnostic]) -> tuple[list[Flowable], StructNode] | None:
        """A release as it is alone (its own theme: names protected as when alone); its
        Document becomes the kit's Sect (the kit's letterhead carries the logo)."""
        lang = section.lang or self.lang
        theme = make_theme(self.brand, lang)
        try:
            story = story_from_section(section, self.content.sources, self.brand, theme,
                                       self._allowed(section.base_dir), lang=lang)
        except InputError as exc:
            problems += exc.diagnostics
            return None
        sect = story.root
        sect.children.remove(story.logo_node)
        sect.role = "Sect"
        headline = next(n for n in sect.children if n.role == "H1")
        outline.keys[id(headline)] = key
        return story.flowables, sect

    def document(self, section: DocumentSection, key: str, outline: Outline,
                 problems: list[Diagnostic]) -> tuple[list[Flowable], StructNode]:
        sect = StructNode("Sect")
        b = _builder(self.content, self.theme, self.lang, sect)
        h1 = sect.add("H1")
        outline.keys[id(h1)] = key
        flow = [b.para(section.title, "kit-section", h1, section.title_location)]
        flow += b.blocks(section.blocks, sect)
        if section.facts is not None:
            flow.append(b.facts(section.facts))
        problems += b.problems
        return flow, sect

    def contact(self, section: ContactSection, outline: Outline,
                problems: list[Diagnostic]) -> tuple[list[Flowable], StructNode]:
        sect = StructNode("Sect")
        b = _builder(self.content, self.theme, self.lang, sect)
        flow = b.contact(section.contact)
        heading = next(n for n in sect.walk() if n.role == "H1")
        outline.keys[id(heading)] = "contact"
        problems += b.problems
        return flow, sect

    def contents_entry(self, title: str, note: str | None, page: int, node: StructNode, key: str) -> ContentsEntry:
        theme = self.theme
        text = TextParagraph(to_markup((ir.Span(title),)), theme.style("toc-entry"), hyphenator=theme.hyphenator)
        below = TextParagraph(to_markup((ir.Span(note),)), theme.style("toc-note")) if note else None
        number = TextParagraph(str(page), theme.style("toc-page"))
        return ContentsEntry(text, below, number, node, key, page_width=36, gap=12, space_after=9)

    def photos(self, section: PhotoSection, outline: Outline,
               problems: list[Diagnostic]) -> tuple[list[Flowable], StructNode]:
        sect = StructNode("Sect")
        b = _builder(self.content, self.theme, self.lang, sect)
        h1 = sect.add("H1")
        outline.keys[id(h1)] = "photos"
        heading = b.para(section.title, "kit-section", h1, None)
        flow: list[Flowable] = [heading]
        g = self.theme.geometry
        width = g.frame_width
        frame = g.later_frame_top - g.content_bottom
        _, heading_height = heading.wrap(width, frame)
        notes = 4 * 13  # caption, credit, usage terms, file name
        gap = self.theme.spacing("box-gap")
        # two landscape photos (and the heading) fit one page
        pair_height = (frame - heading_height - heading.getSpaceAfter() - 2 * (notes + 2 * gap)) / 2
        count = len(section.figures)
        for i, figure in enumerate(section.figures):
            # two a page (the first two under the heading); the last of an odd number has a page
            # to itself, and is as large as the page allows
            alone = count % 2 == 1 and i == count - 1 and count > 1
            max_height = frame - notes - 3 * gap if alone else pair_height
            try:
                prepared = images.prepare(figure.path, width, figure.location, max_height_pt=max_height)
            except InputError as exc:
                problems += exc.diagnostics
                continue
            group = sect.add("Div")
            node = None if figure.decorative else group.add("Figure", alt=figure.alt or "")
            if node is not None:
                outline.extra[id(node)] = (1, _fit(inline_text(figure.caption), self.theme.fonts.regular, 10, 400))
            caption = group.add("Caption")
            parts: list[Flowable] = [Tagged(Picture(prepared, width, max_height), node)]
            if figure.caption:
                parts.append(b.para(figure.caption, "caption", caption, figure.caption_location))
            if figure.credit:
                parts.append(b.para(figure.credit, "credit", caption, figure.credit_location))
            if figure.usage:
                parts.append(b.para((ir.Span(figure.usage),), "photo-note", caption, figure.usage_location))
            if figure.archive_line:
                parts.append(b.para(figure.archive_line, "photo-note", caption, figure.location))
            flow.append(KeepOnOnePage([Spacer(1, gap * 0.5), *parts, Spacer(1, gap * 0.5)],
                                      page_height=frame))
        problems += b.problems
        return flow, sect

    def _allowed(self, base_dir: Path | None) -> list[Path]:
        dirs = list(self.allowed_dirs)
        if base_dir is not None:
            dirs.append(base_dir)
        dirs.append(self.brand.base_dir)
        return dirs


def render_kit(loaded: LoadedKit, brand: Brand, allowed_dirs: Sequence[Path] = ()) -> KitLayout:
    """The kit ``loaded`` on ``brand``'s letterhead (see :func:`render_kit_content`)."""
    from presskit.content.build import build_kit_content

    return render_kit_content(build_kit_content(loaded, brand), brand, allowed_dirs)


def render_kit_content(content: ContentDocument, brand: Brand, allowed_dirs: Sequence[Path] = ()) -> KitLayout:
    """Lay out a kit's content document (cover first, then releases, background documents,
    photos and contacts in its order) until the contents' page numbers are the pages the
    sections start on."""
    from presskit.pdf.pages import furniture_for

    kit = _Kit(content, brand, allowed_dirs)
    cover = kit.cover
    furniture = furniture_for(brand, kit.labels, "", kit.labels.dateline_for(cover.place, cover.date))
    pages: dict[str, int] = {}
    for attempt in range(1, MAX_PASSES + 1):
        root = new_document()
        logo_alt = brand.logo.alt if brand.logo is not None else f"{brand.organisation} (Logo)"
        logo_node = root.add("Figure", alt=logo_alt)
        outline = Outline()
        sections, problems = kit.sections(pages, outline, root)
        if problems:
            raise RenderError(problems)
        outline.roots = {id(s.node) for s in sections if s.node is not None}
        pdf, tagger = layout_sections(sections, root, kit.theme, furniture, kit.logo, logo_node, kit.info, outline)
        found = {key: page for key, page in outline.pages.items()}
        wanted = {s.key: found.get(s.key, 0) for s in sections if s.key}
        if all(pages.get(key) == page for key, page in wanted.items() if key not in ("kit-cover", "kit-contents")):
            contents = [(s.header[1], s.key, wanted[s.key]) for s in sections[2:]]
            return KitLayout(finish_document(pdf, tagger, kit.info), contents, list(outline.entries), attempt)
        pages = wanted
    raise RuntimeError("the contents' page numbers did not settle")  # pragma: no cover


def kit_pdf(loaded: LoadedKit, brand: Brand, allowed_dirs: Sequence[Path] = ()) -> bytes:
    return render_kit(loaded, brand, allowed_dirs).pdf


def kit_zip_files(loaded: LoadedKit, brand: Brand, kit_pdf_name: str, kit_pdf_bytes: bytes,
                  allowed_dirs: Sequence[Path] = ()) -> dict[str, bytes]:
    """What the newsroom zip holds: the kit PDF, each release's own PDF, the photos with their
    metadata and credits.txt."""
    from presskit.content.archive import kit_files
    from presskit.pdf.render import render_pdf

    lang = loaded.kit.lang or brand.lang
    folder = {"de": "pressemitteilungen", "en": "releases"}[lang]
    files = {kit_pdf_name: kit_pdf_bytes}
    for release, path in zip(loaded.releases, loaded.release_paths):
        files[f"{folder}/{path.stem}.pdf"] = render_pdf(release, brand, allowed_dirs)
    files.update(kit_files(loaded, lang))
    return files


def kit_output(source: Path, output: Path | None) -> Path:
    """Where the kit's PDF goes: ``output`` if it names a .pdf, else ``output/KIT.pdf`` (default ``out/``)."""
    if output is not None and output.suffix.lower() == ".pdf":
        return output
    return (output if output is not None else Path("out")) / (source.stem + ".pdf")


def build_kit(source: Path, output: Path | None = None, make_zip: bool = False, brand_path: Path | None = None,
              allow_dirs: Sequence[Path] = ()):
    """Build the kit ``source`` into its PDF (and the zip beside it); everything is made before
    anything is written, so a kit with a problem writes nothing. Returns a JobResult."""
    from presskit.jobs import _run

    target = kit_output(Path(source), output)

    def work():
        from presskit.source.brand import brand_for
        from presskit.content.kit import load_kit
        from presskit.errors import Location, error
        from presskit.outputs import write_atomic

        if not Path(source).exists():
            raise InputError(error(_("no such file"), Location.of_file(source)))
        loaded = load_kit(Path(source), str(source), allow_dirs)
        brand = brand_for(Path(source), brand_path)
        pdf = render_kit(loaded, brand, allow_dirs).pdf
        files = kit_zip_files(loaded, brand, target.name, pdf, allow_dirs) if make_zip else None
        write_atomic(target, pdf)
        written = [str(target)]
        if files is not None:
            from presskit.content.archive import write_zip

            zip_path = target.with_suffix(".zip")
            write_zip(zip_path, files)
            written.append(str(zip_path))
        return ", ".join(written), ()

    return _run(Path(source), work)
