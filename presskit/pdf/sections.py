"""A PDF built from a list of sections: each with its flowables, running header and structure subtree.

A single release is the one-section case: its flowables as they are, its
structure directly under the Document, its running header, no outline (so its
PDF stays what it always was). A press kit is several sections: each starts on
a new page (the running header of the pages it starts switches with it), owns
a subtree of the Document (a ``Sect``), and its headings become PDF bookmarks
(the outline) that point at the heading itself. "Seite X von Y" counts the
pages of the whole document (the page-count form is filled once, at the end).

:func:`compose` turns sections into one story; :class:`Outline` is what the
drawing of a heading reports to (see :meth:`Outline.drawn`, called by
:class:`~presskit.pdf.tagging.flowables.Tagged`), and it records on which page each section's
top heading was drawn, for a table of contents (a second layout pass).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from reportlab.platypus.doctemplate import ActionFlowable, NextPageTemplate
from reportlab.platypus.flowables import Flowable, PageBreak

from presskit.pdf.structure import StructNode

#: Outline level of each heading role (H1 is a top entry).
HEADING_LEVELS = {"H1": 0, "H2": 1, "H3": 2, "H4": 3, "H5": 4, "H6": 5}


@dataclass
class PdfSection:
    """One section of a PDF document.

    ``node`` is the root of the section's structure subtree, added under the
    Document when the document is composed; ``None`` means the section's
    elements are the Document's own (the single release). ``header`` is the
    running header (left, right) of the pages the section starts and fills.
    ``template`` names the page template of its first page ("first": the
    letterhead). ``key`` names the section's destination (its top heading) for
    links and the table of contents.
    """

    flowables: list[Flowable]
    header: tuple[str, str]
    node: StructNode | None = None
    new_page: bool = True
    template: str = "later"
    key: str | None = None
    bookmarks: bool = True     # its headings become outline entries


class SwitchHeader(ActionFlowable):
    """Sets the running header for the pages that begin after it (placed before the page break)."""

    def __init__(self, header: tuple[str, str]) -> None:
        super().__init__()
        self.header = header

    def apply(self, doc: Any) -> None:
        left, right = self.header
        doc.furniture = replace(doc.furniture, header_left=left, header_right=right)

    def identity(self, maxLen: int | None = None) -> str:
        return f"SwitchHeader{self.header!r}"


def compose(sections: Sequence[PdfSection], root: StructNode) -> list[Flowable]:
    """One story of all sections; each section's node goes under ``root`` (in order)."""
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if section.node is not None and section.node.parent is None:
            section.node.parent = root
            root.children.append(section.node)
        if index > 0 and section.new_page:
            story.append(SwitchHeader(section.header))
            if section.template != "later":
                story.append(NextPageTemplate(section.template))
            story.append(PageBreak())
        elif index > 0:
            story.append(SwitchHeader(section.header))
        story.extend(section.flowables)
    return story


@dataclass
class Outline:
    """The outline (bookmarks) of a document, recorded while headings are drawn.

    Every heading drawn inside one of ``roots`` (the sections that want
    bookmarks) becomes an entry at its level; ``extra`` names further nodes
    (e.g. photos) with their level and title. ``keys`` names the destination of
    a node explicitly (a section's top heading, so that links can point at it);
    other entries get generated names. ``pages`` is where each key was drawn
    (1-based page numbers).
    """

    roots: set[int] = field(default_factory=set)
    extra: dict[int, tuple[int, str]] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    entries: list[tuple[str, str, int, int]] = field(default_factory=list)  # (title, key, level, page)
    _done: set[int] = field(default_factory=set)

    def wants(self, node: StructNode) -> tuple[int, str | None] | None:
        if id(node) in self.extra:
            return self.extra[id(node)]
        level = HEADING_LEVELS.get(node.role)
        if level is None:
            return None
        parent = node.parent
        while parent is not None:
            if id(parent) in self.roots:
                return level, None
            parent = parent.parent
        return None

    def drawn(self, canv: Any, node: StructNode, flowable: Flowable, top: float) -> None:
        """A tagged flowable of ``node`` is drawn with its top at ``top`` (current coordinates)."""
        if id(node) in self._done:
            return
        wanted = self.wants(node)
        if wanted is None:
            return
        self._done.add(id(node))
        level, title = wanted
        if title is None:
            title = _plain(flowable)
        key = self.keys.get(id(node)) or f"presskit-h{len(self.entries) + 1}"
        canv.bookmarkHorizontal(key, 0, top)
        canv.addOutlineEntry(title, key, level=level, closed=level > 0 or None)
        page = canv.getPageNumber()
        self.pages[key] = page
        self.entries.append((title, key, level, page))

    def attach(self, canv: Any) -> Any:
        """Report to this outline from ``canv`` (forgetting an earlier build's records)."""
        self.pages.clear()
        self.entries.clear()
        self._done.clear()
        canv.presskit_outline = self
        canv.showOutline()
        return canv


def _plain(flowable: Flowable) -> str:
    get = getattr(flowable, "getPlainText", None)
    text = get() if get is not None else ""
    return " ".join(text.replace("\u00ad", "").split())


def outline_of(canv: Any) -> Outline | None:
    return getattr(canv, "presskit_outline", None)
