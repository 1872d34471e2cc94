"""The Tagger: writes marked-content sequences while ReportLab draws, and remembers who owns what.

A :class:`Tagger` is attached to a canvas (``canvas.presskit_tagger``); the hooks
in :mod:`presskit.pdf.marking` call it. For every structure node it records, in
drawing order, the marked-content identifiers (page, MCID) of its content and
the link annotations made while its content was open. :mod:`.postprocess` turns
these records into the PDF structure tree after layout.

Marked content with an MCID is never nested: when content or an artifact begins while
another sequence is open, the open one is closed (EMC) and reopened afterwards
with a fresh MCID for the same node. PDF/UA forbids artifacts inside tagged
content and tagged content inside artifacts, and one MCID can have only one
owner, so flattening is the only correct answer. Sequences that end up empty
are taken out of the content stream again and their MCID is reused. Each word
broken at a line end (hyphenated, after a typed hyphen, a URL or an e-mail address,
as the line setter reports it) gets two sequences of its own, ``/Span`` with
``/ActualText``, owned by its paragraph's node or its link's (:mod:`.brokenwords`),
so that it copies whole.

Links inside running text: while a paragraph of a (non-Link) node draws, the
text of each link goes into its own ``/Link`` sequence inside the text object,
between sequences of the paragraph's node (see :class:`_LinkedText`), and the
annotation ReportLab makes for the link is recorded for the same Link node, so
that the Link element holds the link's words and its OBJR (ISO 32000-1
14.8.4.4.2, PDF/UA-1 7.18.5). The Link node is the node's next Link child the
story made and nothing drew yet, else one made here (:attr:`Tagger.inline_links`);
the story's tree is never changed.

The tagger is reset whenever it is attached to a new canvas, so when a document
template builds twice (presskit does, for "Seite X von Y"), only the last
build's records count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from presskit.pdf.rl_internals import (canvas_code, set_link_record, set_text_code, text_code, wrap_add_annotation,
                                       wrap_text_out)
from presskit.pdf.tagging.brokenwords import BrokenWords, text_string

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from presskit.pdf.structure import StructNode

#: The /Type of an artifact for each kind layout code may name. "Background"
#: artifacts need a /BBox in PDF 1.7, which the drawing hooks do not know, so
#: they are written as layout artifacts.
ARTIFACT_TYPES = {"Pagination": "Pagination", "Layout": "Layout", "Page": "Page", "Background": "Layout"}

#: Line ends after which no space is written: hyphens (a word was broken there) and spaces
#: (unless the line setter says that the line ends at a space, see :func:`_join`).
NO_SPACE_AFTER = frozenset("\u00ad-\u2010\u2011 \u00a0\n")
WHITESPACE = frozenset(" \u00a0\n")
#: Hyphens after which poppler joins a line to the next one, dropping the hyphen.
HYPHENS = frozenset("-\u2010\u2011")

#: The key under which the tagger marks the annotations it saw; postprocess removes it.
ANNOT_KEY = "PresskitTag"

#: A piece of a text object's code that shows text (ReportLab writes ``(…) Tj``).
_SHOWS_TEXT = re.compile(r"[)>]\s*T[jJ]\b")

#: Content-stream code that paints nothing: numbers, names, arrays and graphics-state operators.
_PAINTLESS = re.compile(
    r"(?:\s*(?:[-+]?(?:\d+\.?\d*|\.\d+)|/[^\s/\[\]()<>{}%]+|[\[\]]"
    r"|q|Q|cm|w|J|j|M|d|ri|i|gs|g|G|rg|RG|k|K|cs|CS|scn|SCN|sc|SC)(?=[\s\[\]/]|\Z))*\s*\Z"
)


@dataclass(frozen=True)
class Mark:
    """One piece of a node's content: a marked-content sequence or a link annotation."""

    seq: int                  # global drawing order
    page: int                 # 0-based page index
    mcid: int | None = None   # marked-content identifier on that page
    annot: int | None = None  # the annotation's tag (see ANNOT_KEY)
    url: str | None = None    # the link target, for the annotation's /Contents


class Tagger:
    """Records marked content per structure node while a canvas draws."""

    def __init__(self, root: "StructNode | None" = None, line_end_spaces: bool = True) -> None:
        #: The Document node of the tree being drawn (postprocess writes this tree).
        self.root = root
        #: Write a space at the end of each text line of tagged content (not after a
        #: hyphen or soft hyphen), so that text copies and reads as "word word", not "wordword".
        self.line_end_spaces = line_end_spaces
        self.reset()

    # -- lifecycle -----------------------------------------------------------------

    def reset(self) -> None:
        self.marks: dict[int, list[Mark]] = {}          # id(node) -> marks in drawing order
        self.nodes: dict[int, "StructNode"] = {}        # id(node) -> node, for marks
        self.mcids_per_page: dict[int, int] = {}        # page -> number of MCIDs used
        self.annotation_count = 0
        self.problems: list[str] = []                   # what the drawing did wrong
        self.scratch: dict[Any, Any] = {}               # per-build state of flowables (tables)
        self._stack: list[tuple[str, Any]] = []         # ("content", node) | ("artifact", kind)
        self._open: tuple[int, int | None, int] | None = None  # (len(code) after BDC, mcid, seq)
        self._open_lax = False                          # drop the open sequence if it paints nothing
        self._seq = 0
        #: Link nodes made for links in running text, by id(parent node), in drawing order.
        self.inline_links: dict[int, list["StructNode"]] = {}
        self._used_links: set[int] = set()              # ids of Link nodes given to a link
        self._trailing: dict[int, tuple[Any, "StructNode"]] = {}  # id(node) -> link open at its last text's end
        self._text: "_LinkedText | None" = None         # the text object being written, if it may hold links

    def attach(self, canv: "Canvas") -> "Canvas":
        """Start recording on ``canv`` (forgetting any earlier build)."""
        self.reset()
        canv.presskit_tagger = self  # type: ignore[attr-defined]
        show_page = canv.showPage

        def showPage() -> None:  # noqa: N802 - ReportLab's name
            self._page_break(canv, show_page)

        begin_text = canv.beginText
        draw_text = canv.drawText

        def beginText(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - ReportLab's name
            return self._text_object(begin_text(*args, **kwargs))

        def drawText(text_object: Any) -> None:  # noqa: N802 - ReportLab's name
            broken = getattr(text_object, "presskit_broken_words", None)
            if broken is not None:
                broken.finish()
            linked = self._text
            if linked is not None and linked.tx is text_object:
                self._text = None
            else:
                linked = None
            if linked is not None and linked.has_links or broken is not None and broken.spans:
                self._draw_segmented(canv, text_object, linked if linked is not None and linked.has_links else None,
                                     broken, draw_text)
                return
            if linked is not None and self._trailing:
                self._trailing.pop(id(linked.node), None)
            draw_text(text_object)

        canv.showPage = showPage  # type: ignore[method-assign]
        canv.beginText = beginText  # type: ignore[method-assign]
        canv.drawText = drawText  # type: ignore[method-assign]
        wrap_add_annotation(canv, lambda annotation: self._annotation(canv, annotation))
        return canv

    def canvasmaker(self, canvas_class: Callable[..., "Canvas"] | None = None, **defaults: Any) -> Callable[..., "Canvas"]:
        """A ``canvasmaker`` for ``DocTemplate.build`` that attaches this tagger to every canvas.

        ``defaults`` are passed to the canvas unless the doc template passes them
        (e.g. ``initialFontName``, so no base-14 font sneaks into the pages).
        """
        if canvas_class is None:
            from reportlab.pdfgen.canvas import Canvas as canvas_class  # type: ignore[no-redef]

        def make(*args: Any, **kwargs: Any) -> "Canvas":
            for key, value in defaults.items():
                if kwargs.get(key) is None:
                    kwargs[key] = value
            return self.attach(canvas_class(*args, **kwargs))  # type: ignore[misc]

        return make

    # -- the hooks presskit.pdf.marking calls -------------------------------------------

    def begin_content(self, canv: "Canvas", node: "StructNode") -> None:
        self._close(canv)
        self._stack.append(("content", node))
        self._reopen(canv)

    def end_content(self, canv: "Canvas") -> None:
        self._pop(canv, "content")

    def begin_artifact(self, canv: "Canvas", kind: str = "Layout") -> None:
        if kind not in ARTIFACT_TYPES:
            raise ValueError(f"unknown artifact kind {kind!r}")
        self._close(canv)
        self._stack.append(("artifact", kind))
        self._reopen(canv)

    def end_artifact(self, canv: "Canvas") -> None:
        self._pop(canv, "artifact")

    def end_current(self, canv: "Canvas") -> None:
        """End whatever was begun last, content or artifact."""
        if not self._stack:
            raise RuntimeError("nothing to end")
        self._pop(canv, self._stack[-1][0])

    # -- queries -------------------------------------------------------------------------

    def marks_of(self, node: "StructNode") -> list[Mark]:
        return self.marks.get(id(node), [])

    @property
    def open_node(self) -> "StructNode | None":
        """The innermost structure node whose content is being drawn."""
        for what, value in reversed(self._stack):
            if what == "content":
                return value
        return None

    # -- internals ---------------------------------------------------------------------

    def _pop(self, canv: "Canvas", what: str) -> None:
        if not self._stack or self._stack[-1][0] != what:
            raise RuntimeError(f"end_{what} without a matching begin_{what}")
        self._close(canv)
        self._stack.pop()
        self._reopen(canv)

    def _reopen(self, canv: "Canvas") -> None:
        """Open a marked-content sequence for the top of the stack."""
        if not self._stack:
            return
        what, value = self._stack[-1]
        page = canv.getPageNumber() - 1
        if what == "content":
            mcid = self.mcids_per_page.get(page, 0)
            self.mcids_per_page[page] = mcid + 1
            canv.addLiteral(f"/{_tag(value.role)} <</MCID {mcid}>> BDC")
        else:
            mcid = None
            canv.addLiteral(f"/Artifact <</Type /{ARTIFACT_TYPES[value]}>> BDC")
        self._open = (len(canvas_code(canv)), mcid, self._next_seq())
        self._open_lax = False

    def _close(self, canv: "Canvas", lax: bool = False) -> None:
        """Close the open sequence; drop it if nothing was drawn inside.

        With ``lax`` (or when the sequence was opened lax), a sequence of mere
        graphics-state code (q, cm, colours, ...) is dropped too; its code stays.
        """
        if self._open is None:
            return
        length, mcid, seq = self._open
        self._open = None
        page = canv.getPageNumber() - 1
        code = canvas_code(canv)
        if len(code) == length or ((lax or self._open_lax) and all(_PAINTLESS.match(c) for c in code[length:])):
            del code[length - 1]  # nothing painted: take the BDC back
            if mcid is not None:
                self.mcids_per_page[page] = mcid
            return
        canv.addLiteral("EMC")
        if mcid is not None:
            node = self._stack[-1][1]
            self._record(node, Mark(seq, page, mcid=mcid))

    def _page_break(self, canv: "Canvas", show_page: Callable[[], None]) -> None:
        if self._stack:
            # A sequence may not span pages: close it here, reopen it on the next page.
            self._close(canv)
            show_page()
            self._reopen(canv)
        else:
            show_page()

    def _text_object(self, text_object: Any) -> Any:
        """Hook a new text object: line-end spaces, and links in running text.

        Line ends: platypus paragraphs end every line with ``_textOut(text, TStar=1)``;
        with :attr:`line_end_spaces` a space goes in before the T*, in the current
        font, so it is invisible and adds nothing to the layout. Lines ending in
        a hyphen or soft hyphen (a word broken by hyphenation) get none, nor do lines the
        line setter broke inside a word (a URL broken after '/' or '.', see
        :class:`presskit.pdf.linesetting.LineEndText`); a line it broke at a space gets one
        even after a hyphen (``Bus- ⏎und``).

        Links: in tagged content that is not a Link itself, the text object gets
        a :class:`_LinkedText` that follows ReportLab's link hooks (see there).
        """
        tagged = bool(self._stack) and self._stack[-1][0] == "content"
        linked = None
        if tagged and self._stack[-1][1].role != "Link":
            linked = self._text = _LinkedText(text_object, self._stack[-1][1])
            set_link_record(text_object, linked.link_record)
        # Words hyphenated at line ends copy whole (see brokenwords.py).
        broken = BrokenWords(text_code(text_object), self._stack[-1][1]) if tagged else None
        text_object.presskit_broken_words = broken
        if not self.line_end_spaces and linked is None and broken is None:
            return text_object
        spaces = self.line_end_spaces
        code = text_code(text_object)
        last = [""]

        def _textOut(text_out: Callable[[str, int], None], text: str, TStar: int) -> None:  # noqa: N802,N803
            # How the line ends, if the line setter said so (see presskit.pdf.linesetting.LineEndText).
            line_text = text
            if text:
                last[0] = text
            if TStar:
                line_text = last[0]
                last[0] = ""
            how = getattr(line_text, "line_end", None)
            join = _join(how, line_text)
            if TStar:
                line_end = line_text[-1:]
                tagged = bool(self._stack) and self._stack[-1][0] == "content"
                if spaces and tagged and line_end and line_end not in WHITESPACE and (
                        how == "space" or how in (None, "end") and line_end not in NO_SPACE_AFTER):
                    text = text + " "
            if linked is not None:
                linked.text_out(len(code), TStar)
            if broken is not None:
                broken.text_out(text, TStar, text_out, join)
            else:
                text_out(text, TStar)

        wrap_text_out(text_object, _textOut)
        return text_object

    def _draw_segmented(self, canv: "Canvas", tx: Any, linked: "_LinkedText | None",
                        broken: "BrokenWords | None", draw_text: Callable[[Any], None]) -> None:
        """Draw a text object in several sequences inside BT/ET, the node's sequence outside
        closed around it: the node's text, each link's text (``linked``), and each word
        hyphenated at a line end with its /ActualText (``broken``)."""
        node = linked.node if linked is not None else broken.owner  # type: ignore[union-attr]
        page = canv.getPageNumber() - 1
        if not self._stack or self._stack[-1][0] != "content" or self._stack[-1][1] is not node:
            # Not drawn as the content it was written in: leave the text alone, keep the links.
            if linked is not None:
                self.problems.append(f"page {page + 1}: link text drawn outside the content it was written in")
                for _, annot_page, tag, url in linked.annotations:
                    self._record(node, Mark(self._next_seq(), annot_page, annot=tag, url=url))
            draw_text(tx)
            return
        self._close(canv, lax=True)
        segments = linked.segments() if linked is not None else [(1, None)]
        trailing = self._trailing.pop(id(node), None)
        owners: dict[Any, "StructNode"] = {}
        if trailing is not None and segments[0][1] == trailing[0]:
            owners[trailing[0]] = trailing[1]  # a link broken over a page or frame: one element
        code = text_code(tx)
        starts: dict[int, tuple[Any, str | None]] = {start: (key, None) for start, key in segments}
        if broken is not None:
            broken.unsplit([start for start, _ in segments[1:]])
            for begin, end, word in broken.spans:
                key = next(key for start, key in reversed(segments) if start <= begin)
                # the head's line copies as the whole word, the tail's as a space (see brokenwords.py)
                starts[begin] = (key, word.rstrip(" "))
                tail = broken.head_end(begin) + 1
                if tail <= end and tail not in starts:
                    starts[tail] = (key, " ")
                if end + 1 < len(code) and end + 1 not in starts:
                    starts[end + 1] = (key, None)  # the rest of the line, after the word
        order = sorted(starts)
        new_code = [code[0]]  # BT
        for index, start in enumerate(order):
            end = order[index + 1] if index + 1 < len(order) else len(code)
            key, word = starts[start]
            if not any(_SHOWS_TEXT.search(piece) for piece in code[start:end]):
                new_code.extend(code[start:end])  # nothing drawn: no sequence
                continue
            if key is None:
                owner = node
            else:
                owner = owners.get(key) or self._link_node(node)
                owners[key] = owner
            mcid = self.mcids_per_page.get(page, 0)
            self.mcids_per_page[page] = mcid + 1
            if word is None:
                new_code.append(f"/{_tag(owner.role)} <</MCID {mcid}>> BDC")
            else:  # ISO 32000-1 14.9.4: replacement text of marked content goes with a Span tag
                new_code.append(f"/Span <</MCID {mcid} /ActualText {text_string(word)}>> BDC")
            new_code.extend(code[start:end])
            new_code.append("EMC")
            self._record(owner, Mark(self._next_seq(), page, mcid=mcid))
        set_text_code(tx, new_code)
        if linked is not None:
            for key, annot_page, tag, url in linked.annotations:
                owner = owners.get(key)
                self._record(owner if owner is not None else node, Mark(self._next_seq(), annot_page, annot=tag, url=url))
            if segments[-1][1] is not None and segments[-1][1] in owners:
                self._trailing[id(node)] = (segments[-1][1], owners[segments[-1][1]])
        draw_text(tx)
        self._reopen(canv)
        self._open_lax = True

    def _link_node(self, node: "StructNode") -> "StructNode":
        """The Link element for the next link in ``node``'s text: the next Link child the
        story made that nothing drew yet, else a new one (kept out of the story's tree)."""
        for child in node.children:
            if child.role == "Link" and id(child) not in self._used_links and id(child) not in self.marks:
                self._used_links.add(id(child))
                return child
        from presskit.pdf.structure import StructNode

        link = StructNode("Link")
        link.parent = node
        self.inline_links.setdefault(id(node), []).append(link)
        self._used_links.add(id(link))
        return link

    def _annotation(self, canv: "Canvas", annotation: Any) -> None:
        node = self.open_node
        page = canv.getPageNumber() - 1
        tag = self.annotation_count
        self.annotation_count += 1
        annotation[ANNOT_KEY] = tag
        if node is None:
            self.problems.append(f"page {page + 1}: annotation #{tag} made outside any tagged content")
            return
        if self._stack[-1][0] == "artifact":
            self.problems.append(f"page {page + 1}: annotation #{tag} made inside an artifact")
        url = _link_target(annotation)
        linked = self._text
        if linked is not None and linked.node is node and linked.claim(page, tag, url):
            return  # recorded with its link's text when the text object is drawn
        self._record(node, Mark(self._next_seq(), page, annot=tag, url=url))

    def _record(self, node: "StructNode", mark: Mark) -> None:
        key = id(node)
        self.nodes[key] = node
        self.marks.setdefault(key, []).append(mark)

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq


class _LinkedText:
    """Which parts of one text object are link text, and which annotations belong to which link.

    ReportLab's ``_putFragLine`` calls ``tx._linkRecord(link, "start")`` just *after*
    writing the first fragment of a link and ``tx._linkRecord(link, "end")`` just
    before the first fragment after it (or after the line's last one); a link is
    ``(n, href)``, unique in its paragraph. Every ``_textOut`` is one entry of
    ``tx._code``, so a run of text starts at the index of one of them. After
    each line, ``_do_post_text`` makes the annotations of the line's links, in
    sorted order. A paragraph of one fragment that is a link as a whole (kind 0)
    calls no hooks; its annotations say so, through ``tx.XtraState.link``.
    """

    __slots__ = ("tx", "node", "runs", "run_key", "current", "last", "first", "line_links",
                 "line_done", "whole", "annotations", "has_links")

    def __init__(self, tx: Any, node: "StructNode") -> None:
        self.tx = tx
        self.node = node
        self.runs: list[tuple[int, Any]] = []   # (index in tx._code, link or None) where a run begins
        self.run_key: Any = None                # the link of the current run
        self.current: Any = None                # the link the next text belongs to
        self.last = 0                           # index of the last _textOut's entry
        self.first: int | None = None           # index of the first _textOut's entry
        self.line_links: list[Any] = []         # links drawn on the current line
        self.line_done = False                  # the last _textOut ended a line
        self.whole: Any = None                  # the link that is the whole text (kind 0)
        self.annotations: list[tuple[Any, int, int, str | None]] = []  # (link, page, tag, url)
        self.has_links = False                  # some of the text is link text

    def text_out(self, index: int, t_star: int) -> None:
        if self.line_done:
            self.line_links.clear()
            self.line_done = False
        if self.first is None:
            self.first = index
        self.last = index
        if self.current != self.run_key:
            self.runs.append((index, self.current))
            self.run_key = self.current
        if t_star:
            self.line_done = True

    def link_record(self, link: Any, what: str) -> None:
        if not link[1]:
            return  # no target: ReportLab makes no annotation, it is not a link
        if what == "start":
            self.has_links = True
            self.current = link
            self.line_links.append(link)
            if self.run_key != link:  # the text just written is the link's
                runs = self.runs
                if runs and runs[-1][0] == self.last:
                    runs.pop()
                if (runs[-1][1] if runs else None) != link:  # else: it goes on from the line before
                    runs.append((self.last, link))
                self.run_key = link
        elif self.current == link:
            self.current = None

    def claim(self, page: int, tag: int, url: str | None) -> bool:
        """Take the annotation ReportLab just made, if it is one of this text's links."""
        links = sorted(self.line_links)
        if not links and not self.runs:
            link = getattr(getattr(self.tx, "XtraState", None), "link", None)
            if link and not hasattr(self.tx.XtraState, "links") and self.first is not None:
                links = [item for item in link if item[1]]  # kind 0: the paragraph is the link
                if links and self.whole is None:
                    self.whole = links[0]
                    self.has_links = True
        if not links:
            return False
        link = next((item for item in links if url is not None and item[1] == url), links[0])
        if self.whole is None:
            self.line_links.remove(link)
        elif link != self.whole:
            return False
        self.annotations.append((link, page, tag, url))
        return True

    def segments(self) -> list[tuple[int, Any]]:
        """Where each marked-content sequence begins in ``tx._code`` (after BT) and whose it is."""
        if self.whole is not None:
            return [(1, self.whole)]
        runs = self.runs
        if runs and runs[0][0] == self.first:
            segments = [(1, runs[0][1])]
            runs = runs[1:]
        else:
            segments = [(1, None)]
        for start, key in runs:
            if key != segments[-1][1]:
                segments.append((start, key))
        return segments


def _join(how: str | None, text: str) -> str | None:
    """What goes between a line's last word and the next line's first in copied text, if
    they must copy as one (see :mod:`.brokenwords`): ``""`` when the line setter broke the
    line inside a word, ``" "`` when it broke it at a space after a hyphen (``Bus-⏎und``),
    else None (the tagger's line-end space is enough)."""
    if how in ("shy", "join"):
        return ""
    if how == "space" and text.rstrip(" ")[-1:] in HYPHENS:
        return " "
    return None


def _tag(role: str) -> str:
    """The tag of a BDC: the structure type (grouping roles get Span, they have no own content)."""
    return role if role not in {"Document", "Sect", "Div", "Part", "Table", "TR", "L", "LI", "TOC", "TOCI"} else "Span"


def _link_target(annotation: Any) -> str | None:
    """The URI of a ReportLab link annotation (a PDFDictionary), if it has one."""
    try:
        target = annotation["A"]["URI"]
    except (KeyError, TypeError):
        return None
    return getattr(target, "s", None) or str(target)
