"""The content document → a story of flowables, each tied to its structure element.

What a release says and in which order (label line and dateline, embargo,
headline, subtitle, lead, body, facts box, photos, further information, contact
block, boilerplate, closing line), with the brand's defaults and the labels, is
decided in :mod:`presskit.content`; this module maps each part to flowables and
structure elements and decides only how they are set: sizes and colours from
the theme by name, what is kept together, the contact block's layout. Every
drawn string is checked against the fonts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from presskit.pdf import images
from presskit.source.brand import Brand
from presskit.pdf.contactlayout import PersonWidths, break_address, choose_layout
from presskit.errors import Diagnostic, InputError, Location, RenderError, error
from presskit.pdf.flowables import Columns, Decoration, HeadingKeep, KeepOnOnePage, Picture, Stack, Tagged, TextParagraph
from presskit.pdf.fonts import describe_character
from presskit.content import document as c
from presskit.content.build import brand_location as _brand_location
from presskit.content.build import build_content
from presskit.i18n import _
from presskit.content.labels import Labels, labels_for
from presskit.source.model import Release
from presskit.pdf.structure import StructNode, new_document
from presskit.pdf.styles import Theme
from presskit.typography import blocks as ir
from presskit.typography.markup import to_markup
from presskit.typography.names import attribution_name, protect_more, protect_names
from presskit.typography.smarten import smarten
from presskit.typography.textrules import layout_problem


@dataclass
class Story:
    """The flowables of one release, its structure tree and the logo's node."""

    flowables: list[Flowable]
    root: StructNode
    logo_node: StructNode
    layout_problems: list[Diagnostic] = field(default_factory=list)


@dataclass
class _Builder:
    """Maps one release section of the content document to flowables and structure elements
    (``section`` None: parts of other pages, e.g. a press kit's, handed to its methods)."""

    section: c.ReleaseSection | None
    sources: c.SourceTexts
    theme: Theme
    labels: Labels
    lang: str
    allowed_dirs: Sequence[Path]
    root: StructNode = field(default_factory=new_document)
    problems: list[Diagnostic] = field(default_factory=list)
    layout_problems: list[Diagnostic] = field(default_factory=list)  # found while pages are laid out

    # -- helpers -----------------------------------------------------------

    def check_glyphs(self, text: str, location: Location | None, with_fallback: bool = True) -> None:
        """Report characters no face can show; ``with_fallback=False`` for text the page
        furniture draws directly, in the family's own faces."""
        limit = layout_problem(text)
        if limit is not None:
            message, hint, sample = limit
            self.problems.append(error(message, self.sources.find(sample, location), hint=hint))
            return
        missing = self.theme.fonts.missing_characters(text, with_fallback=with_fallback)
        if missing:
            chars = ", ".join(describe_character(ch) for ch in missing[:5])
            if len(missing) > 5:
                message = _("the font {font} cannot show {chars} and {more} more").format(
                    font=self.theme.fonts.display_name, chars=chars, more=len(missing) - 5)
            else:
                message = _("the font {font} cannot show {chars}").format(font=self.theme.fonts.display_name, chars=chars)
            self.problems.append(
                error(
                    message,
                    self.sources.find(missing[0], location),
                    hint=_("replace the character, or give the brand fonts that cover this script"),
                )
            )

    def para(self, inline: ir.Inline, style: str, node: StructNode | None, location: Location | None) -> Tagged:
        self.check_glyphs(ir.plain_text(inline), location)
        markup = self.theme.fonts.with_fallback_faces(to_markup(inline, link_color=self.theme.hex("primary")))
        if node is not None and node.role != "Link":
            # one Link element per link in running text, described by its words; the
            # tagging stage fills each with the link's text and its annotation
            for words in _link_texts(inline):
                node.add("Link", alt=words)
        return Tagged(TextParagraph(markup, self.theme.style(style), hyphenator=self.theme.hyphenator), node)

    def plain(self, text: str) -> ir.Inline:
        """Text the program writes (labels, names): smartened, never parsed as markup."""
        return (ir.Span(smarten(text, self.lang)),)

    def keep_room_for(self, heading: Flowable) -> Flowable:
        """A conditional page break so that a heading never ends a page: it needs room for
        itself, the first lines of body text and a first piece of what follows it
        (:class:`~presskit.pdf.flowables.HeadingKeep`)."""
        lines = self.theme.spacing("heading-keep-lines") * self.theme.style("body").leading
        return HeadingKeep(heading, lines)

    def too_tall(self, message: str, location: Location | None) -> dict:
        """Arguments for a part that never splits: the error if it is taller than a page."""
        g = self.theme.geometry
        return {"too_tall": error(message, location, hint=_("shorten the text")),
                "max_height": g.later_frame_top - g.content_bottom, "problems": self.layout_problems}

    def keep_together(self, flowables: list[Flowable]) -> Flowable:
        g = self.theme.geometry
        return KeepOnOnePage(flowables, page_height=g.later_frame_top - g.content_bottom)

    def list_item(self, parent: StructNode, marker: str, location: Location | None,
                  label_style: str = "list-label") -> tuple[Flowable, StructNode]:
        """A new LI under the L ``parent``: its drawn marker (the Lbl) and its LBody node.
        ``label_style`` has the size and leading of the item's text, so that the marker
        sits on the text's first baseline."""
        li = parent.add("LI")
        label = self.para(self.plain(marker), label_style, li.add("Lbl"), location)
        return _Inset(label, self.theme.spacing("list-label-gap")), li.add("LBody")

    def label_column(self, markers: Sequence[str]) -> float:
        """The width of a list's label column: the usual indent, or wider for the widest label
        (``10.``, ``100.``) and the gap after it, so that no label wraps."""
        style = self.theme.style("list-label")
        widest = max((stringWidth(smarten(m, self.lang), style.fontName, style.fontSize) for m in set(markers)), default=0)
        return max(self.theme.spacing("list-indent"), widest + self.theme.spacing("list-label-gap") + 1)

    def indented(self, body: list[Flowable], label: Flowable, indent: str | float = "list-indent", space_after: float = 0) -> Stack:
        """A list item's body set off by ``indent`` with its marker in the margin."""
        width = self.theme.spacing(indent) if isinstance(indent, str) else indent
        return Stack(body, Decoration(padding=(0, 0, 0, width)), label=label, space_after=space_after)

    def section_title(self, parent: StructNode, title: ir.Inline, location: Location | None) -> Tagged:
        return self.para(title, "section-title", parent.add("H2"), location)

    # -- parts of the release ------------------------------------------------
    def head(self) -> list[Flowable]:
        sec = self.section
        head = sec.head
        out: list[Flowable] = []
        group = self.root.add("Div")
        label = tuple(ir.Span(span.text.upper()) for span in head.label)
        left = [self.para(label, "label", group.add("P"), None)]
        right = []
        if head.number:
            right.append(self.para(head.number, "dateline", group.add("P"), head.number_location))
        right.append(self.para(head.dateline, "dateline", group.add("P"), head.dateline_location))
        out.append(Columns([left, right], [1, 1], space_after=self.theme.spacing("dateline-after"),
                           **self.too_tall(_("the dateline is longer than a page"),
                                           head.number_location if head.number else head.dateline_location)))
        if sec.embargo is not None:
            band = self.para(sec.embargo.text, "embargo", self.root.add("P"), sec.embargo.location)
            pad = self.theme.spacing("box-padding")
            out.append(
                Stack([band], Decoration(background=self.theme.colour("embargo"), padding=(pad / 2, pad, pad / 2, pad)),
                      space_after=self.theme.spacing("head-after"))
            )
        else:
            out.append(_gap(self.theme.spacing("head-after")))
        out.append(self.para(sec.headline.content, "title", self.root.add("H1"), sec.headline.location))
        if sec.subtitle:
            out.append(self.para(sec.subtitle.content, "subtitle", self.root.add("P"), sec.subtitle.location))
        if sec.lead:
            out.append(self.para(sec.lead.content, "lead", self.root.add("P"), sec.lead.location))
        return out

    def blocks(self, blocks: Iterable[c.Block], parent: StructNode, style: str = "body") -> list[Flowable]:
        out: list[Flowable] = []
        blocks = list(blocks)
        introduces = {i for i, (block, following) in enumerate(zip(blocks, blocks[1:]))
                      if isinstance(block, c.Paragraph) and isinstance(following, c.ListBlock)
                      and ir.plain_text(block.content).rstrip().endswith(":")}
        for index, block in enumerate(blocks):
            if index in introduces:
                continue  # set together with its list, below
            if index - 1 in introduces:
                # a sentence introducing a list never stays behind at a page foot
                intro = self.para(blocks[index - 1].content, style, parent.add("P"), blocks[index - 1].location)
                intro.keepWithNext = 1
                listing = self.list_block(block, parent, style)
                out.append(Stack([intro, listing], space_before=intro.getSpaceBefore(),
                                 space_after=listing.getSpaceAfter()))
                continue
            if isinstance(block, c.Heading):
                # the tag's level never skips one (fixed in the content); the look follows the writer
                look = "h2" if block.written <= 2 else "h3"
                heading = self.para(block.content, look, parent.add(f"H{block.level}"), block.location)
                out += [self.keep_room_for(heading), heading]
            elif isinstance(block, c.Paragraph):
                out.append(self.para(block.content, style, parent.add("P"), block.location))
            elif isinstance(block, c.ListBlock):
                out.append(self.list_block(block, parent, style))
            elif isinstance(block, c.Quote):
                out.append(self.quote(block, parent))
        for keep, following in zip(out, out[2:]):
            if isinstance(keep, HeadingKeep):
                keep.following = following  # out: [keep, heading, following, ...]
        return out

    def list_block(self, block: c.ListBlock, parent: StructNode, style: str) -> Flowable:
        node = parent.add("L")
        items: list[Flowable] = []
        markers = [f"{number}." if block.ordered else "•" for number in block.numbers()]
        indent = self.label_column(markers)
        for marker, item in zip(markers, block.items):
            label, body_node = self.list_item(node, marker, block.location)
            children = self.blocks(item, body_node, style="list")
            items.append(self.indented(children, label, indent=indent, space_after=self.theme.spacing("list-item-after")))
        return Stack(items, space_before=self.theme.spacing("list-before"), space_after=self.theme.spacing("list-after"))

    def quote(self, block: c.Quote, parent: StructNode) -> Flowable:
        location = block.location
        node = parent.add("BlockQuote")
        children = [self.para(p, "quote", node.add("P"), location) for p in block.paragraphs]
        if block.attribution and children:
            children[-1].keepWithNext = 1  # the attribution never starts a page alone
        if block.attribution:
            protect_more(self.theme, [attribution_name(ir.plain_text(block.attribution))])
            attribution = (ir.Span("— "),) + tuple(block.attribution)
            children.append(self.para(attribution, "quote-attribution", node.add("P"), location))
        gap = self.theme.spacing("box-gap") / 2
        deco = Decoration(
            bar_colour=self.theme.colour("accent"),
            bar_width=self.theme.spacing("quote-bar"),
            padding=(self.theme.spacing("quote-padding"), 0, self.theme.spacing("quote-padding"), self.theme.spacing("quote-indent")),
        )
        return Stack(children, deco, space_before=gap, space_after=gap)

    def facts(self, box: c.FactsBox) -> Flowable:
        node = self.root.add("Div", title=box.name)
        children: list[Flowable] = [self.para(box.title, "box-title", node.add("H2"), box.location)]
        share = self.facts_label_share([row.label for row in box.rows])
        if box.rows:
            table = node.add("Table")
            for row in box.rows:
                tr = table.add("TR")
                label = self.para(row.label, "facts-label", tr.add("TH", scope="Row"), row.location)
                value = self.para(row.value, "facts-value", tr.add("TD"), row.location)
                children.append(Columns([[label], [value]], [share, 1 - share], gap=self.theme.spacing("facts-column-gap"),
                                        space_after=self.theme.spacing("facts-row-after"),
                                        **self.too_tall(_("this fact is longer than a page"), row.location)))
        if box.bullets:
            ln = node.add("L")
            for bullet in box.bullets:
                label, body_node = self.list_item(ln, "•", bullet.location, "facts-item-label")
                text = self.para(bullet.text, "facts-item", body_node, bullet.location)
                children.append(self.indented([text], label, indent="facts-bullet-indent",
                                              space_after=self.theme.spacing("facts-row-after")))
        pad = self.theme.spacing("box-padding")
        gap = self.theme.spacing("box-gap")
        stack = Stack(children, Decoration(background=self.theme.colour("shade"), padding=(pad, pad, pad * 0.7, pad)),
                      space_before=gap * 0.6, space_after=gap * 0.6)
        return self.keep_together([stack])

    def facts_label_share(self, labels: Sequence[ir.Inline]) -> float:
        """The label column's share of a facts row: as wide as the longest label (set on
        one line), between the theme's minimum and maximum share."""
        style = self.theme.style("facts-label")
        inner = self.theme.geometry.frame_width - 2 * self.theme.spacing("box-padding")
        room = inner - self.theme.spacing("facts-column-gap")
        widest = max((stringWidth(ir.plain_text(label), style.fontName, style.fontSize)
                      for label in labels), default=0)
        lo, hi = self.theme.spacing("facts-label-min"), self.theme.spacing("facts-label-max")
        return min(max((widest + 2) / room, lo), hi)

    def figures(self) -> list[Flowable]:
        out: list[Flowable] = []
        width = self.theme.geometry.frame_width
        max_height = self.theme.spacing("figure-max-height")
        base = self.section.base_dir if self.section.base_dir is not None else Path.cwd()
        for figure in self.section.figures:
            loc = figure.location
            try:
                path = images.resolve_path(figure.file, base, self.allowed_dirs, loc)
                prepared = images.prepare(path, width, loc, max_height_pt=max_height)
            except InputError as exc:
                self.problems.extend(exc.diagnostics)
                continue
            has_caption = bool(figure.caption or figure.credit)
            # A decorative picture without caption is pure decoration: no element at all.
            group = self.root.add("Div") if (has_caption or not figure.decorative) else None
            figure_node = None if figure.decorative else group.add("Figure", alt=figure.alt or "")
            picture = Picture(prepared, width, max_height)
            parts: list[Flowable] = [Tagged(picture, figure_node)]
            caption_node = group.add("Caption") if has_caption else None
            if figure.caption:
                parts.append(self.para(figure.caption, "caption", caption_node, figure.caption_location))
            if figure.credit:
                parts.append(self.para(figure.credit, "credit", caption_node, figure.credit_location))
            gap = self.theme.spacing("box-gap")
            if picture.draw_width < width - 1:
                # a portrait photo: its caption is set no wider than the photo
                parts = [Stack(parts, Decoration(padding=(0, width - picture.draw_width, 0, 0)))]
            out.append(self.keep_together([_gap(gap * 0.5), *parts, _gap(gap * 0.5)]))
        return out

    def links(self) -> list[Flowable]:
        links = self.section.links
        if links is None:
            return []
        node = self.root.add("Div")
        out: list[Flowable] = [self.section_title(node, links.title, links.location)]
        ln = node.add("L")
        for link in links.items:
            label, body_node = self.list_item(ln, "›", link.location, "link-label")
            # The whole entry is the link: its text and its annotation belong to one Link element.
            body = self.para((ir.Span(link.text, href=link.url),), "link", body_node.add("Link", alt=link.text), link.location)
            out.append(self.indented([body], label, space_after=self.theme.spacing("list-item-after")))
        return [self.keep_together(out)]

    def contact(self, block: c.ContactBlock | None) -> list[Flowable]:
        if block is None:
            return []
        labels, location = self.labels, block.location
        node = self.root.add("Div", title=block.name)
        title = self.section_title(node, block.title, location)
        name_style, line_style = self.theme.style("contact-name"), self.theme.style("contact-line")

        def width(text: str, style=line_style) -> float:
            return stringWidth(text, style.fontName, style.fontSize)

        # every line that must stay whole, measured as it will be set
        phone_lines = [ir.plain_text(p.phone_line) if p.phone_line else None for p in block.people]
        email_label = labels.email + "\u00a0"  # the label never stays behind alone
        measured = [
            PersonWidths(
                name=width(ir.plain_text(p.name), name_style),
                role=width(ir.plain_text(p.role)) if p.role else 0,
                whole=tuple(w for w in (width(phone) if phone else None,
                                        width(email_label + p.email) if p.email else None) if w is not None),
            )
            for p, phone in zip(block.people, phone_lines)
        ]
        gap = self.theme.spacing("contact-gap")
        frame = self.theme.geometry.frame_width
        layout = choose_layout(measured, frame, gap)
        people: list[tuple[list[Flowable], list[Flowable]]] = []
        for person, phone in zip(block.people, phone_lines):
            pnode = node.add("Div")
            who = [self.para(person.name, "contact-name", pnode.add("P"), location)]
            if person.role:
                who.append(self.para(person.role, "contact-line", pnode.add("P"), location))
            reach = []
            if phone:
                reach.append(self.para((ir.Span(phone),), "contact-line", pnode.add("P"), location))
            if person.email:
                room = layout.widths[-1]
                pieces = break_address(person.email, room - width(email_label), room, width)
                # a newline is where the (rare) address too wide for the frame breaks
                line = (ir.Span(email_label), ir.Span("\n".join(pieces), href=f"mailto:{person.email}"))
                link_node = pnode.add("P").add("Link", alt=person.email_description)
                reach.append(self.para(line, "contact-line", link_node, location))
            people.append((who, reach))
        row_after = self.theme.spacing("contact-row-after")
        rows: list[Flowable] = [title]
        if layout.kind == "rows":
            too_tall = self.too_tall(_("this contact is longer than a page"), location)
            rows += [Columns([who, reach], list(layout.widths), gap=gap, space_after=row_after, **too_tall)
                     for who, reach in people]
        else:
            per_row = layout.columns
            for start in range(0, len(people), per_row):
                row = [who + reach for who, reach in people[start : start + per_row]]
                row += [[] for _ in range(per_row - len(row))]
                rows.append(Columns(row, [1] * per_row, gap=gap, space_after=row_after,
                                    **self.too_tall(_("this contact is longer than a page"), location)))
        return rows

    def about(self) -> list[Flowable]:
        about = self.section.about
        if about is None:
            return []
        node = self.root.add("Div")
        out = [self.section_title(node, about.title, about.location)]
        out += self.blocks(about.blocks, node, style="about")
        return out

    def closing(self) -> list[Flowable]:
        closing = self.section.closing
        if closing is None:
            return []
        return [self.para(closing.content, "closing", self.root.add("P"), closing.location)]

    def end_matter(self, contact: list[Flowable], about: list[Flowable], closing: list[Flowable],
                   before: list[Flowable]) -> list[Flowable]:
        """Contact block, boilerplate and closing line, kept so that the last page never
        holds only the boilerplate or only the closing line: what follows the contact
        block is kept on one page with it; without one, it keeps with what comes before."""
        if not contact:
            if not about and not closing:
                return []
            end = about + closing
            g = self.theme.geometry
            height = sum(f.wrap(g.frame_width, 1e6)[1] for f in end)
            if before and isinstance(before[-1], (Tagged, Stack)) and height < 0.4 * (g.later_frame_top - g.content_bottom):
                # one unbreakable block (Columns never split) after the text before it,
                # which keeps with it: when the block moves on, that text's last lines go along
                previous = before.pop()
                previous.keepWithNext = 1
                block = Columns([end], [1], space_before=end[0].getSpaceBefore())
                return [Stack([previous, block], space_before=previous.getSpaceBefore(), space_after=0)]
            return [self.keep_together(end)]
        if not about and not closing:
            return [self.keep_together(contact)]
        return [self.keep_together(contact + about + closing)]

    def build(self) -> list[Flowable]:
        """The section's parts in the content's reading order; the end matter (contact,
        boilerplate, closing line) is set as one group."""
        sec = self.section
        story = self.head()
        story += self.blocks(sec.body.blocks, self.root)
        if sec.facts is not None:
            story.append(self.facts(sec.facts))
        story += self.figures()
        story += self.links()
        story += self.end_matter(self.contact(sec.contact), self.about(), self.closing(), story)
        return story


class _Inset(Flowable):
    """A list label set flush right in the label column, ``gap`` before the text."""

    def __init__(self, inner: Flowable, gap: float):
        super().__init__()
        self.inner = inner
        self.gap = gap

    def wrap(self, availWidth, availHeight):
        w, h = self.inner.wrap(max(availWidth - self.gap, 1), availHeight)
        self.width, self.height = availWidth, h
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        self.inner.drawOn(canvas, x, y)


def _link_texts(inline: ir.Inline) -> list[str]:
    """The words of each link in ``inline`` (neighbouring spans of one link are one link)."""
    texts: list[str] = []
    previous = None
    for span in inline:
        if span.href is not None and span.href == previous:
            texts[-1] += span.text
        elif span.href is not None:
            texts.append(span.text)
        previous = span.href
    return [" ".join(text.split()) for text in texts]


def _gap(height: float) -> Flowable:
    from reportlab.platypus import Spacer

    return Spacer(1, height)


def _brand_texts(brand: Brand) -> list[tuple[str, str]]:
    """The brand's texts the page furniture draws, with their keys in the brand file."""
    a = brand.address
    fields = [("organisation", brand.organisation), ("phone", brand.phone), ("fax", brand.fax),
              ("email", brand.email), ("website", brand.website),
              ("address", " ".join(part or "" for part in (a.street, a.postcode, a.city, a.room)))]
    fields += [("units", unit) for unit in brand.units]
    return [(key, text) for key, text in fields if text]


def build_story(
    release: Release, brand: Brand, theme: Theme, labels: Labels | None = None, allowed_dirs: Sequence[Path] = ()
) -> Story:
    """The story of ``release``; raises RenderError listing every problem found."""
    return story_from_content(build_content(release, brand), brand, theme, allowed_dirs)


def story_from_content(content: c.ContentDocument, brand: Brand, theme: Theme,
                       allowed_dirs: Sequence[Path] = ()) -> Story:
    """The story of the (one) release section of ``content``; raises RenderError listing
    every problem found."""
    (section,) = content.releases()
    return story_from_section(section, content.sources, brand, theme, allowed_dirs,
                              lang=content.lang, problems=content.problems)


def story_from_section(section: c.ReleaseSection, sources: c.SourceTexts, brand: Brand, theme: Theme,
                       allowed_dirs: Sequence[Path] = (), lang: str | None = None,
                       problems: Iterable[Diagnostic] | None = None) -> Story:
    """The story of one release section (alone, or a press kit's), in its own language (else
    ``lang``), starting with ``problems`` (default: the section's own); raises RenderError
    listing every problem found."""
    lang = section.lang or lang
    if lang is None:
        raise ValueError("the release section has no language")
    protect_names(theme, section.names)  # person names are never hyphenated
    builder = _Builder(section, sources, theme, labels_for(lang), lang, allowed_dirs,
                       problems=list(section.problems if problems is None else problems))
    logo_alt = brand.logo.alt if brand.logo is not None else f"{brand.organisation} (Logo)"
    logo_node = builder.root.add("Figure", alt=logo_alt)
    flowables = builder.build()
    for key, text in _brand_texts(brand):
        builder.check_glyphs(text, _brand_location(brand, key), with_fallback=False)
    if builder.problems:
        raise RenderError(builder.problems)
    return Story(flowables, builder.root, logo_node, builder.layout_problems)
