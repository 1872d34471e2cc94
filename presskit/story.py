"""Release + brand → a story of flowables, each tied to its structure element.

This is the only module that knows the order and grouping of a press release:
label line and dateline, embargo, headline, subtitle, lead, body, facts box,
photos, further information, contact block, boilerplate, closing line.
Sizes and colours come from the theme by name; text goes through the
typography stage; every drawn string is checked against the fonts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak
from reportlab.platypus.flowables import Flowable

from presskit import images
from presskit.brand import Brand
from presskit.contactlayout import PersonWidths, break_address, choose_layout
from presskit.errors import Diagnostic, InputError, Location, RenderError, error
from presskit.flowables import Columns, Decoration, KeepOnOnePage, Picture, Stack, Tagged, TextParagraph
from presskit.fonts import describe_character
from presskit.labels import Labels
from presskit.model import Contact, Facts, Release
from presskit.structure import StructNode, new_document
from presskit.styles import Theme
from presskit.typography import blocks as ir
from presskit.typography.markup import to_markup
from presskit.typography.names import attribution_name, protect_more, protect_names, release_names
from presskit.typography.parse import parse_blocks, parse_inline
from presskit.typography.smarten import copyright_sign, smarten


@dataclass
class Story:
    """The flowables of one release, its structure tree and the logo's node."""

    flowables: list[Flowable]
    root: StructNode
    logo_node: StructNode


@dataclass
class _Builder:
    release: Release
    brand: Brand
    theme: Theme
    labels: Labels
    lang: str
    allowed_dirs: Sequence[Path]
    root: StructNode = field(default_factory=new_document)
    last_heading: int = 1  # the level of the last heading tagged (H1: the headline)
    problems: list[Diagnostic] = field(default_factory=list)

    # -- helpers -----------------------------------------------------------
    @property
    def brand_language(self) -> bool:
        """Whether the brand's default texts (boilerplate, closing, headings) are in the
        release's language; a release in another language gets labels, not German prose."""
        return self.lang == self.brand.lang

    def where(self, *path: str | int) -> Location:
        return self.release.source.location(tuple(path))

    def check_glyphs(self, text: str, location: Location | None, with_fallback: bool = True) -> None:
        """Report characters no face can show; ``with_fallback=False`` for text the page
        furniture draws directly, in the family's own faces."""
        missing = self.theme.fonts.missing_characters(text, with_fallback=with_fallback)
        if missing:
            chars = ", ".join(describe_character(c) for c in missing[:5])
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            self.problems.append(
                error(
                    f"the font {self.theme.fonts.display_name} cannot show {chars}{more}",
                    self.position_of(missing[0], location),
                    hint="replace the character, or give the brand fonts that cover this script",
                )
            )

    def position_of(self, char: str, location: Location | None) -> Location | None:
        """Where ``char`` first stands in the source at or after ``location`` (the value
        it belongs to), so that an error points at the character, not the field."""
        if location is None or location.line <= 0:
            return location
        sources = [self.release.source, getattr(self.brand, "source", None)]
        source = next((s for s in sources if s is not None and s.display == location.file), None)
        if source is None:
            return location
        lines = source.text.splitlines()
        for number in range(location.line, len(lines) + 1):
            line = lines[number - 1]
            start = location.column - 1 if number == location.line else 0
            column = line.find(char, start)
            if column >= 0:
                return Location(location.file, number, column + 1)
        return location

    def para(self, inline: ir.Inline, style: str, node: StructNode | None, location: Location | None) -> Tagged:
        self.check_glyphs(ir.plain_text(inline), location)
        markup = self.theme.fonts.with_fallback_faces(to_markup(inline, link_color=self.theme.hex("primary")))
        if node is not None and node.role != "Link":
            # one Link element per link in running text, described by its words; the
            # tagging stage fills each with the link's text and its annotation
            for words in _link_texts(inline):
                node.add("Link", alt=words)
        return Tagged(TextParagraph(markup, self.theme.style(style), hyphenator=self.theme.hyphenator), node)

    def inline(self, text: str) -> ir.Inline:
        return parse_inline(text, self.lang)

    def plain(self, text: str) -> ir.Inline:
        """Text the program writes (labels, names): smartened, never parsed as markup."""
        return (ir.Span(smarten(text, self.lang)),)

    def keep_room_for(self, heading: Flowable) -> Flowable:
        """A conditional page break so that a heading never ends a page: it needs room for
        itself and the first lines of what follows."""
        _, height = heading.wrap(self.theme.geometry.frame_width, 1e6)
        lines = self.theme.spacing("heading-keep-lines") * self.theme.style("body").leading
        return CondPageBreak(height + heading.getSpaceBefore() + heading.getSpaceAfter() + lines)

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

    def indented(self, body: list[Flowable], label: Flowable, indent: str = "list-indent", space_after: float = 0) -> Stack:
        """A list item's body set off by ``indent`` with its marker in the margin."""
        return Stack(body, Decoration(padding=(0, 0, 0, self.theme.spacing(indent))), label=label, space_after=space_after)

    def section_title(self, parent: StructNode, text: str, location: Location | None) -> Tagged:
        self.last_heading = 2
        return self.para(self.plain(text), "section-title", parent.add("H2"), location)

    # -- parts of the release ------------------------------------------------
    def head(self) -> list[Flowable]:
        r, labels = self.release, self.labels
        out: list[Flowable] = []
        dateline = labels.dateline_for(r.place or self.brand.place, r.date)
        group = self.root.add("Div")
        left = [self.para(self.plain(labels.press_release.upper()), "label", group.add("P"), None)]
        right = []
        if r.number:
            right.append(self.para(self.plain(labels.number.format(number=r.number)), "dateline", group.add("P"), self.where("number")))
        right.append(self.para(self.plain(dateline), "dateline", group.add("P"), self.where("place") if r.place else self.where("date")))
        out.append(Columns([left, right], [1, 1], space_after=self.theme.spacing("dateline-after")))
        if r.embargo is not None:
            text = labels.embargo_line(r.embargo)
            band = self.para(self.plain(text), "embargo", self.root.add("P"), self.where("embargo"))
            pad = self.theme.spacing("box-padding")
            out.append(
                Stack([band], Decoration(background=self.theme.colour("embargo"), padding=(pad / 2, pad, pad / 2, pad)),
                      space_after=self.theme.spacing("head-after"))
            )
        else:
            out.append(_gap(self.theme.spacing("head-after")))
        out.append(self.para(self.inline(r.title), "title", self.root.add("H1"), self.where("title")))
        if r.subtitle:
            out.append(self.para(self.inline(r.subtitle), "subtitle", self.root.add("P"), self.where("subtitle")))
        if r.lead:
            out.append(self.para(self.inline(r.lead), "lead", self.root.add("P"), self.where("lead")))
        return out

    def blocks(self, blocks: Iterable[ir.Block], parent: StructNode, location: Location, style: str = "body") -> list[Flowable]:
        out: list[Flowable] = []
        blocks = list(blocks)
        introduces = {i for i, (block, following) in enumerate(zip(blocks, blocks[1:]))
                      if isinstance(block, ir.Paragraph) and isinstance(following, ir.ListBlock)
                      and ir.plain_text(block.content).rstrip().endswith(":")}
        for index, block in enumerate(blocks):
            if index in introduces:
                continue  # set together with its list, below
            if index - 1 in introduces:
                # a sentence introducing a list never stays behind at a page foot
                intro = self.para(blocks[index - 1].content, style, parent.add("P"), location)
                intro.keepWithNext = 1
                listing = self.list_block(block, parent, location, style)
                out.append(Stack([intro, listing], space_before=intro.getSpaceBefore(),
                                 space_after=listing.getSpaceAfter()))
                continue
            if isinstance(block, ir.Heading):
                look = "h2" if block.level <= 2 else "h3"
                # Tag levels never skip one (PDF/UA: a '###' right under the headline is an H2),
                # while the look follows what the writer chose.
                level = min(block.level, self.last_heading + 1)
                self.last_heading = level
                heading = self.para(block.content, look, parent.add(f"H{level}"), location)
                out += [self.keep_room_for(heading), heading]
            elif isinstance(block, ir.Paragraph):
                out.append(self.para(block.content, style, parent.add("P"), location))
            elif isinstance(block, ir.ListBlock):
                out.append(self.list_block(block, parent, location, style))
            elif isinstance(block, ir.Quote):
                out.append(self.quote(block, parent, location))
        return out

    def list_block(self, block: ir.ListBlock, parent: StructNode, location: Location, style: str) -> Flowable:
        node = parent.add("L")
        items: list[Flowable] = []
        for number, item in enumerate(block.items, start=block.start):
            label, body_node = self.list_item(node, f"{number}." if block.ordered else "•", location)
            children = self.blocks(item, body_node, location, style="list")
            items.append(self.indented(children, label, space_after=self.theme.spacing("list-item-after")))
        return Stack(items, space_before=self.theme.spacing("list-before"), space_after=self.theme.spacing("list-after"))

    def quote(self, block: ir.Quote, parent: StructNode, location: Location) -> Flowable:
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

    def facts(self, facts: Facts) -> Flowable:
        node = self.root.add("Div", title=self.labels.facts)
        loc = self.where("facts")
        self.last_heading = 2
        children: list[Flowable] = [self.para(self.plain(facts.title or self.labels.facts), "box-title", node.add("H2"), loc)]
        # the YAML is a list of items, or a mapping whose 'items' is that list
        items_path = ("facts", "items") if isinstance(self.release.source.data.get("facts"), dict) else ("facts",)
        rows = [(i, item) for i, item in enumerate(facts.items) if item.label is not None]
        bullets = [(i, item) for i, item in enumerate(facts.items) if item.label is None]
        share = self.facts_label_share([item.label for _, item in rows])
        if rows:
            table = node.add("Table")
            for i, item in rows:
                where = self.where(*items_path, i)
                tr = table.add("TR")
                label = self.para(self.inline(item.label), "facts-label", tr.add("TH", scope="Row"), where)
                value = self.para(self.inline(item.value or ""), "facts-value", tr.add("TD"), where)
                children.append(Columns([[label], [value]], [share, 1 - share], gap=self.theme.spacing("facts-column-gap"),
                                        space_after=self.theme.spacing("facts-row-after")))
        if bullets:
            ln = node.add("L")
            for i, item in bullets:
                where = self.where(*items_path, i)
                label, body_node = self.list_item(ln, "•", where, "facts-item-label")
                text = self.para(self.inline(item.text or ""), "facts-item", body_node, where)
                children.append(self.indented([text], label, indent="facts-bullet-indent",
                                              space_after=self.theme.spacing("facts-row-after")))
        pad = self.theme.spacing("box-padding")
        gap = self.theme.spacing("box-gap")
        box = Stack(children, Decoration(background=self.theme.colour("shade"), padding=(pad, pad, pad * 0.7, pad)),
                    space_before=gap * 0.6, space_after=gap * 0.6)
        return self.keep_together([box])

    def facts_label_share(self, labels: Sequence[str]) -> float:
        """The label column's share of a facts row: as wide as the longest label (set on
        one line), between the theme's minimum and maximum share."""
        style = self.theme.style("facts-label")
        inner = self.theme.geometry.frame_width - 2 * self.theme.spacing("box-padding")
        room = inner - self.theme.spacing("facts-column-gap")
        widest = max((stringWidth(ir.plain_text(self.inline(label)), style.fontName, style.fontSize)
                      for label in labels), default=0)
        lo, hi = self.theme.spacing("facts-label-min"), self.theme.spacing("facts-label-max")
        return min(max((widest + 2) / room, lo), hi)

    def figures(self) -> list[Flowable]:
        out: list[Flowable] = []
        width = self.theme.geometry.frame_width
        max_height = self.theme.spacing("figure-max-height")
        base = self.release.source.path.parent if self.release.source.path else Path.cwd()
        for i, image in enumerate(self.release.images):
            loc = self.where("images", i, "file")
            try:
                path = images.resolve_path(image.file, base, self.allowed_dirs, loc)
                prepared = images.prepare(path, width, loc, max_height_pt=max_height)
            except InputError as exc:
                self.problems.extend(exc.diagnostics)
                continue
            has_caption = bool(image.caption or image.credit)
            # A decorative picture without caption is pure decoration: no element at all.
            group = self.root.add("Div") if (has_caption or not image.decorative) else None
            figure_node = None if image.decorative else group.add("Figure", alt=smarten(image.alt or "", self.lang))
            picture = Picture(prepared, width, max_height)
            parts: list[Flowable] = [Tagged(picture, figure_node)]
            caption_node = group.add("Caption") if has_caption else None
            if image.caption:
                parts.append(self.para(self.inline(image.caption), "caption", caption_node, self.where("images", i, "caption")))
            if image.credit:
                credit = self.labels.photo.format(credit=copyright_sign(image.credit))
                parts.append(self.para(self.inline(credit), "credit", caption_node, self.where("images", i, "credit")))
            gap = self.theme.spacing("box-gap")
            if picture.draw_width < width - 1:
                # a portrait photo: its caption is set no wider than the photo
                parts = [Stack(parts, Decoration(padding=(0, width - picture.draw_width, 0, 0)))]
            out.append(self.keep_together([_gap(gap * 0.5), *parts, _gap(gap * 0.5)]))
        return out

    def links(self) -> list[Flowable]:
        if not self.release.links:
            return []
        node = self.root.add("Div")
        out: list[Flowable] = [self.section_title(node, self.labels.more_info, self.where("links"))]
        ln = node.add("L")
        for i, link in enumerate(self.release.links):
            where = self.where("links", i)
            label, body_node = self.list_item(ln, "›", where, "link-label")
            text = smarten(link.text, self.lang) if link.text else _shown_url(link.url)
            # The whole entry is the link: its text and its annotation belong to one Link element.
            body = self.para((ir.Span(text, href=link.url),), "link", body_node.add("Link", alt=text), where)
            out.append(self.indented([body], label, space_after=self.theme.spacing("list-item-after")))
        return [self.keep_together(out)]

    def contact(self, contact: Contact | None, location: Location) -> list[Flowable]:
        if contact is None or not contact.people:
            return []
        labels = self.labels
        node = self.root.add("Div", title=labels.contact)
        title = self.section_title(node, contact.title or labels.contact, location)
        name_style, line_style = self.theme.style("contact-name"), self.theme.style("contact-line")

        def width(text: str, style=line_style) -> float:
            return stringWidth(text, style.fontName, style.fontSize)

        # every line that must stay whole, measured as it will be set
        phone_lines = [smarten(f"{labels.phone} {p.phone}", self.lang) if p.phone else None for p in contact.people]
        email_label = labels.email + "\u00a0"  # the label never stays behind alone
        measured = [
            PersonWidths(
                name=width(smarten(p.name, self.lang), name_style),
                role=width(smarten(p.role, self.lang)) if p.role else 0,
                whole=tuple(w for w in (width(phone) if phone else None,
                                        width(email_label + p.email) if p.email else None) if w is not None),
            )
            for p, phone in zip(contact.people, phone_lines)
        ]
        gap = self.theme.spacing("contact-gap")
        frame = self.theme.geometry.frame_width
        layout = choose_layout(measured, frame, gap)
        people: list[tuple[list[Flowable], list[Flowable]]] = []
        for person, phone in zip(contact.people, phone_lines):
            pnode = node.add("Div")
            who = [self.para(self.plain(person.name), "contact-name", pnode.add("P"), location)]
            if person.role:
                who.append(self.para(self.plain(person.role), "contact-line", pnode.add("P"), location))
            reach = []
            if phone:
                reach.append(self.para((ir.Span(phone),), "contact-line", pnode.add("P"), location))
            if person.email:
                room = layout.widths[-1]
                pieces = break_address(person.email, room - width(email_label), room, width)
                # a newline is where the (rare) address too wide for the frame breaks
                line = (ir.Span(email_label), ir.Span("\n".join(pieces), href=f"mailto:{person.email}"))
                link_node = pnode.add("P").add("Link", alt=f"{labels.email} {person.name}: {person.email}")
                reach.append(self.para(line, "contact-line", link_node, location))
            people.append((who, reach))
        row_after = self.theme.spacing("contact-row-after")
        rows: list[Flowable] = [title]
        if layout.kind == "rows":
            rows += [Columns([who, reach], list(layout.widths), gap=gap, space_after=row_after) for who, reach in people]
        else:
            per_row = layout.columns
            for start in range(0, len(people), per_row):
                row = [who + reach for who, reach in people[start : start + per_row]]
                row += [[] for _ in range(per_row - len(row))]
                rows.append(Columns(row, [1] * per_row, gap=gap, space_after=row_after))
        return rows

    def brand_text(self, key: str):
        """The brand's ``contact``/``about``/``about_title``/``closing`` in the release's
        language (its own, or from ``texts:``), with where it was written; else None."""
        if self.brand_language:
            value, path = getattr(self.brand, key), (key,)
        else:
            texts = self.brand.texts.get(self.lang)
            value, path = (getattr(texts, key) if texts is not None else None), ("texts", self.lang, key)
        if not value:
            return None, None
        return value, _brand_location(self.brand, *path)

    def own_or_brand_text(self, key: str) -> tuple[str | None, Location | None]:
        """The release's own ``about``/``closing``, else the brand's in the release's
        language; with where it was written."""
        if getattr(self.release, key):
            return getattr(self.release, key), self.where(key)
        return self.brand_text(key)

    def contact_block(self) -> tuple[Contact | None, Location | None]:
        """The release's contact, else the brand's in the release's language; a brand
        with no text in that language gives its people without their (untranslated)
        roles and its title, which the label replaces."""
        if self.release.contact:
            return self.release.contact, self.where("contact")
        contact, loc = self.brand_text("contact")
        if contact is not None:
            return contact, loc
        contact = self.brand.contact
        if contact is None:
            return None, None
        people = tuple(person.model_copy(update={"role": None}) for person in contact.people)
        return contact.model_copy(update={"title": None, "people": people}), _brand_location(self.brand, "contact")

    def about(self) -> list[Flowable]:
        text, loc = self.own_or_brand_text("about")
        if not text:
            return []
        node = self.root.add("Div")
        # The brand's own heading is in the brand's language; another language gets the label.
        own_title, _ = self.brand_text("about_title")
        title = own_title or self.labels.about
        out = [self.section_title(node, title, loc)]
        out += self.blocks(parse_blocks(text, self.lang), node, loc, style="about")
        return out

    def closing(self) -> list[Flowable]:
        text, loc = self.own_or_brand_text("closing")
        if not text:
            return []
        return [self.para(self.inline(text), "closing", self.root.add("P"), loc)]

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
        r = self.release
        story = self.head()
        story += self.blocks(parse_blocks(r.body, self.lang), self.root, self.where("body"))
        if r.facts is not None and r.facts.items:
            story.append(self.facts(r.facts))
        story += self.figures()
        story += self.links()
        story += self.end_matter(self.contact(*self.contact_block()), self.about(), self.closing(), story)
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


def _shown_url(url: str) -> str:
    """A link's address as printed: ``mailto:``/``tel:`` say nothing a reader needs."""
    scheme, sep, rest = url.partition(":")
    return rest if sep and scheme.lower() in ("mailto", "tel") else url


def _gap(height: float) -> Flowable:
    from reportlab.platypus import Spacer

    return Spacer(1, height)


def _brand_location(brand: Brand, *path: str) -> Location | None:
    source = getattr(brand, "source", None)
    return source.location(path) if source is not None else None


def _brand_texts(brand: Brand) -> list[tuple[str, str]]:
    """The brand's texts the page furniture draws, with their keys in the brand file."""
    a = brand.address
    fields = [("organisation", brand.organisation), ("phone", brand.phone), ("fax", brand.fax),
              ("email", brand.email), ("website", brand.website),
              ("address", " ".join(part or "" for part in (a.street, a.postcode, a.city, a.room)))]
    fields += [("units", unit) for unit in brand.units]
    return [(key, text) for key, text in fields if text]


def build_story(
    release: Release, brand: Brand, theme: Theme, labels: Labels, allowed_dirs: Sequence[Path]
) -> Story:
    """The story of ``release``; raises RenderError listing every problem found."""
    lang = release.lang or brand.lang
    protect_names(theme, release_names(release, brand))  # person names are never hyphenated
    builder = _Builder(release, brand, theme, labels, lang, allowed_dirs)
    logo_alt = brand.logo.alt if brand.logo is not None else f"{brand.organisation} (Logo)"
    logo_node = builder.root.add("Figure", alt=logo_alt)
    flowables = builder.build()
    for key, text in _brand_texts(brand):
        builder.check_glyphs(text, _brand_location(brand, key), with_fallback=False)
    if builder.problems:
        raise RenderError(builder.problems)
    return Story(flowables, builder.root, logo_node)
