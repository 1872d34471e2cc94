"""Flowables that draw their content as the content of a structure node.

* :class:`Tagged` wraps any flowable; everything it draws belongs to one node,
  and the parts it splits into stay tagged with the same node, so a paragraph
  that breaks over two pages is still one P element.
* :func:`tagged_table` makes a platypus ``Table`` whose cells are TH/TD
  elements in TR rows, with the background, grid and rules drawn as artifacts.

Nothing here knows PDF tags; drawing goes through :mod:`presskit.pdf.marking`.
"""

from __future__ import annotations

from typing import Any, Sequence

from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import Table

from presskit.pdf import marking
from presskit.pdf.rl_internals import DelegatedFixedSize, set_render_callback, table_rows
from presskit.pdf.structure import StructNode


class Tagged(DelegatedFixedSize, Flowable):
    """Delegates layout to ``flowable`` and draws it as the content of ``node``.

    With ``node=None`` the flowable is decoration (a decorative photo) and is
    drawn as a layout artifact.
    """

    def __init__(self, flowable: Flowable, node: StructNode | None) -> None:
        self.flowable = flowable
        self.node = node

    # Layout: all delegated. ----------------------------------------------------------

    # A container may call wrap/split directly, without wrapOn/splitOn giving us a canvas.
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canv = self.__dict__.get("canv")
        if canv is None:
            self.width, self.height = self.flowable.wrap(availWidth, availHeight)
        else:
            self.width, self.height = self.flowable.wrapOn(canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        canv = self.__dict__.get("canv")
        if canv is None:
            parts = self.flowable.split(availWidth, availHeight)
        else:
            parts = self.flowable.splitOn(canv, availWidth, availHeight)
        return [_retag(part, self.node) for part in parts]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        outline = getattr(canvas, "presskit_outline", None)  # a document with bookmarks (presskit.pdf.sections)
        if outline is not None and self.node is not None:
            outline.drawn(canvas, self.node, self.flowable, y + getattr(self, "height", 0))
        if self.node is None:
            with marking.artifact(canvas, "Layout"):
                self.flowable.drawOn(canvas, x, y, _sW)
            return
        with marking.content(canvas, self.node):
            self.flowable.drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.flowable.getSpaceAfter()

    def getKeepWithNext(self) -> bool:  # noqa: N802
        # The doc template turns keepWithNext into a KeepTogether and then sets
        # keepWithNext = 0 on the wrapper; that must win, or it groups forever.
        if "keepWithNext" in self.__dict__:
            return self.__dict__["keepWithNext"]
        return self.flowable.getKeepWithNext()

    def minWidth(self) -> float:  # noqa: N802
        return self.flowable.minWidth()

    def isIndexing(self) -> bool:  # noqa: N802
        return self.flowable.isIndexing()

    def identity(self, maxLen: int | None = None) -> str:
        role = self.node.role if self.node is not None else "Artifact"
        return f"Tagged[{role}]({self.flowable.identity(maxLen)})"

    def __getattr__(self, name: str) -> Any:
        # Anything else platypus asks for (style, keepWithNext, _ZEROSIZE, ...) is the inner one's.
        if name in {"flowable", "node"}:  # not set yet: no delegation loops while unpickling
            raise AttributeError(name)
        return getattr(self.flowable, name)

    # Flowable defines these (and _fixedWidth/_fixedHeight: DelegatedFixedSize) at class
    # level; they must come from the wrapped flowable.
    @property
    def hAlign(self) -> str:  # noqa: N802
        return getattr(self.flowable, "hAlign", "LEFT")

    @property
    def vAlign(self) -> str:  # noqa: N802
        return getattr(self.flowable, "vAlign", "BOTTOM")


def _retag(part: Flowable, node: StructNode | None) -> Flowable:
    """A split part, tagged like its whole unless it is a frame action (page break, ...)."""
    if isinstance(part, (Tagged, ActionFlowable)) or getattr(part, "frameAction", None):
        return part
    return Tagged(part, node)


def tag(flowables: Sequence[Flowable], node: StructNode) -> list[Flowable]:
    """Wrap each flowable of a list as content of ``node``."""
    return [_retag(f, node) for f in flowables]


# -- tables --------------------------------------------------------------------------------


def table_cells(node: StructNode, nrows: int, ncols: int, header_rows: int = 0, header_cols: int = 0) -> list[list[StructNode]]:
    """The TR/TH/TD nodes of a Table node, made now if the story builder did not make them."""
    if node.role != "Table":
        raise ValueError(f"a table's node must be a Table, not {node.role}")
    if not node.children:
        for r in range(nrows):
            tr = node.add("TR")
            for c in range(ncols):
                if r < header_rows:
                    tr.add("TH", scope="Column")
                elif c < header_cols:
                    tr.add("TH", scope="Row")
                else:
                    tr.add("TD")
    rows = [tr.children for tr in node.children]
    if len(rows) != nrows or any(len(r) != ncols for r in rows) or any(tr.role != "TR" for tr in node.children):
        raise ValueError(f"the Table node's TR/TH/TD children do not match a {nrows}x{ncols} table")
    return rows


class TableTagging:
    """A Table ``renderCB``: each cell as its TH/TD node, background and rules as artifacts.

    Rows are recognised by identity across splits, so a table that breaks over
    pages stays one Table element; header rows that platypus repeats on the next
    page are drawn as pagination artifacts (they were read once already).
    """

    def __init__(self, rows: Sequence[Sequence[Any]], cells: list[list[StructNode]]) -> None:
        self.row_index = {id(row): i for i, row in enumerate(rows)}
        self.cells = cells

    def __call__(self, table: Table, event: str, *args: Any) -> None:
        canv = table.canv
        tagger = marking.tagger_of(canv)
        if tagger is None:
            return
        if event in {"startBG", "startLines"}:
            tagger.begin_artifact(canv, "Layout")
        elif event in {"endBG", "endLines"}:
            tagger.end_artifact(canv)
        elif event == "startCell":
            row_no, col_no = args[0], args[1]
            r = self.row_index.get(id(table_rows(table)[row_no]))
            # Which part of the (split) table drew each row first, in this build.
            first_drawn_by = tagger.scratch.setdefault(("table rows", id(self)), {})
            if r is not None and first_drawn_by.setdefault(r, id(table)) == id(table):
                tagger.begin_content(canv, self.cells[r][col_no])
            else:  # a header row repeated on the next page, or a row split inside
                tagger.begin_artifact(canv, "Pagination")
        elif event == "endCell":
            tagger.end_current(canv)


def tagged_table(data: Sequence[Sequence[Any]], node: StructNode, header_rows: int = 0, header_cols: int = 0, **table_kwargs: Any) -> Table:
    """A platypus Table drawn as ``node`` (role Table) with TR/TH/TD elements.

    ``header_rows`` rows at the top are column headers (TH, Scope Column);
    ``header_cols`` columns at the left are row headers (TH, Scope Row), e.g.
    1 for a label/value facts table.
    """
    if table_kwargs.get("renderCB") is not None:
        raise ValueError("tagged_table sets its own renderCB")
    table = Table(data, **table_kwargs)
    rows = table_rows(table)
    nrows, ncols = len(rows), (len(rows[0]) if rows else 0)
    cells = table_cells(node, nrows, ncols, header_rows, header_cols)
    set_render_callback(table, TableTagging(rows, cells))
    return table
