"""The Tagger: writes marked-content sequences while ReportLab draws, and remembers who owns what.

A :class:`Tagger` is attached to a canvas (``canvas.presskit_tagger``); the hooks
in :mod:`presskit.marking` call it. For every structure node it records, in
drawing order, the marked-content identifiers (page, MCID) of its content and
the link annotations made while its content was open. :mod:`.postprocess` turns
these records into the PDF structure tree after layout.

Marked content is never nested: when content or an artifact begins while
another sequence is open, the open one is closed (EMC) and reopened afterwards
with a fresh MCID for the same node. PDF/UA forbids artifacts inside tagged
content and tagged content inside artifacts, and one MCID can have only one
owner, so flattening is the only correct answer. Sequences that end up empty
are taken out of the content stream again and their MCID is reused.

The tagger is reset whenever it is attached to a new canvas, so when a document
template builds twice (presskit does, for "Seite X von Y"), only the last
build's records count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from presskit.structure import StructNode

#: The /Type of an artifact for each kind layout code may name. "Background"
#: artifacts need a /BBox in PDF 1.7, which the drawing hooks do not know, so
#: they are written as layout artifacts.
ARTIFACT_TYPES = {"Pagination": "Pagination", "Layout": "Layout", "Page": "Page", "Background": "Layout"}

#: Line ends after which no space is written: hyphens (a word was broken there) and spaces.
NO_SPACE_AFTER = frozenset("\u00ad-\u2010\u2011 \u00a0\n")

#: The key under which the tagger marks the annotations it saw; postprocess removes it.
ANNOT_KEY = "PresskitTag"


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
        self._seq = 0

    def attach(self, canv: "Canvas") -> "Canvas":
        """Start recording on ``canv`` (forgetting any earlier build)."""
        self.reset()
        canv.presskit_tagger = self  # type: ignore[attr-defined]
        show_page = canv.showPage
        add_annotation = canv._addAnnotation

        def showPage() -> None:  # noqa: N802 - ReportLab's name
            self._page_break(canv, show_page)

        def _addAnnotation(annotation: Any, name: Any = None, addtopage: int = 1) -> None:
            if addtopage:
                self._annotation(canv, annotation)
            add_annotation(annotation, name, addtopage)

        canv.showPage = showPage  # type: ignore[method-assign]
        if self.line_end_spaces:
            begin_text = canv.beginText

            def beginText(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - ReportLab's name
                return self._spaced_lines(begin_text(*args, **kwargs))

            canv.beginText = beginText  # type: ignore[method-assign]
        canv._addAnnotation = _addAnnotation  # type: ignore[method-assign]
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

    # -- the hooks presskit.marking calls -------------------------------------------

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
        self._open = (len(canv._code), mcid, self._next_seq())

    def _close(self, canv: "Canvas") -> None:
        """Close the open sequence; drop it if nothing was drawn inside."""
        if self._open is None:
            return
        length, mcid, seq = self._open
        self._open = None
        page = canv.getPageNumber() - 1
        if len(canv._code) == length:  # nothing drawn: take the BDC back
            del canv._code[-1]
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

    def _spaced_lines(self, text_object: Any) -> Any:
        """Make a text object end each line of tagged text with a space.

        Platypus paragraphs end every line with ``_textOut(text, TStar=1)``;
        the space goes in before the T*, in the current font, so it is
        invisible and adds nothing to the layout. Lines ending in a hyphen
        or soft hyphen (a word broken by hyphenation) get none.
        """
        text_out = text_object._textOut
        last = [""]

        def _textOut(text: str, TStar: int = 0) -> None:  # noqa: N802,N803 - ReportLab's names
            if text:
                last[0] = text
            if TStar:
                line_end = last[0][-1:]
                last[0] = ""
                tagged = bool(self._stack) and self._stack[-1][0] == "content"
                if tagged and line_end and line_end not in NO_SPACE_AFTER:
                    text = text + " "
            text_out(text, TStar)

        text_object._textOut = _textOut
        return text_object

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
        self._record(node, Mark(self._next_seq(), page, annot=tag, url=_link_target(annotation)))

    def _record(self, node: "StructNode", mark: Mark) -> None:
        key = id(node)
        self.nodes[key] = node
        self.marks.setdefault(key, []).append(mark)

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq


def _tag(role: str) -> str:
    """The tag of a BDC: the structure type (grouping roles get Span, they have no own content)."""
    return role if role not in {"Document", "Sect", "Div", "Part", "Table", "TR", "L", "LI"} else "Span"


def _link_target(annotation: Any) -> str | None:
    """The URI of a ReportLab link annotation (a PDFDictionary), if it has one."""
    try:
        target = annotation["A"]["URI"]
    except (KeyError, TypeError):
        return None
    return getattr(target, "s", None) or str(target)
