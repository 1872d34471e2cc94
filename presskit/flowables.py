"""The few flowables presskit needs beyond ReportLab's Paragraph.

* :class:`~presskit.tagging.Tagged` (re-exported here) ties a flowable, and every
  part it splits into, to its structure element.
* :class:`Stack` lays children out vertically inside padding, with an optional
  background, a bar on the left and a label in the left padding (list items,
  quotes, the facts box, the contact block); it splits between or inside children.
* :class:`Columns` puts cells side by side (facts rows, contact people, the
  label/dateline line); it does not split.
* :class:`Picture` draws a prepared image at a given width.

Decoration is drawn as an artifact; content is drawn by tagged children.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.platypus.flowables import Flowable, KeepTogether
from reportlab.platypus.paragraph import Paragraph

from presskit import marking
from presskit.images import PreparedImage
from presskit.tagging.flowables import Tagged

__all__ = ["Columns", "Decoration", "KeepOnOnePage", "Picture", "Stack", "Tagged", "TextParagraph"]

_HUGE = 1e6


class TextParagraph(Paragraph):
    """A Paragraph that remembers its line breaking for the width it was last wrapped at.

    Containers (keep-together groups, boxes, columns) wrap the same paragraph
    several times at the same width; breaking its lines again each time was the
    largest cost of a layout.
    """

    _wrapped_for: tuple[float, float] | None = None

    def wrap(self, availWidth, availHeight):
        key = (availWidth, id(self.frags))
        # split() may drop blPara (widow/orphan control): then the lines must be broken again
        if self._wrapped_for == key and "blPara" in self.__dict__:
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        self._wrapped_for = key
        return result

    def split(self, availWidth, availHeight):
        """Split as ReportLab does, but never with a hyphenated word at the foot of the
        page: its two halves would be a page and a running header apart."""
        parts = super().split(availWidth, availHeight)
        height = availHeight
        while len(parts) == 2 and _ends_hyphenated(parts[0]):
            height -= self.style.leading  # one line fewer on this page
            # nothing left that can stay here (orphan control): the whole paragraph moves on
            parts = super().split(availWidth, height) if height > 0 else []
        return parts


def _ends_hyphenated(paragraph: Paragraph) -> bool:
    lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
    if not lines:
        return False
    last = lines[-1]
    words = getattr(last, "words", None)
    if words:  # a line of fragments: the text of its last fragment
        text = getattr(words[-1], "text", "")
    else:  # a simple line: (space, [words])
        text = last[1][-1] if len(last) > 1 and last[1] else ""
    return str(text).endswith(("\u00ad", "-"))


@dataclass(frozen=True)
class Decoration:
    """What a Stack paints behind its children (all optional)."""

    background: Color | None = None
    bar_colour: Color | None = None
    bar_width: float = 0
    padding: tuple[float, float, float, float] = (0, 0, 0, 0)  # top, right, bottom, left


class Stack(Flowable):
    """Children stacked vertically inside a decoration; splits across frames."""

    def __init__(
        self,
        children: Sequence[Flowable],
        decoration: Decoration = Decoration(),
        *,
        label: Flowable | None = None,
        space_before: float = 0,
        space_after: float = 0,
    ):
        super().__init__()
        self.children = list(children)
        self.decoration = decoration
        self.label = label
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._layout: list[tuple[Flowable, float, float]] = []  # (child, height, gap before)

    # -- layout -----------------------------------------------------------
    def _inner_width(self, availWidth: float) -> float:
        _, right, _, left = self.decoration.padding
        return availWidth - left - right

    def _gaps(self, children: Sequence[Flowable]) -> list[float]:
        gaps = []
        for i, child in enumerate(children):
            gaps.append(0 if i == 0 else max(children[i - 1].getSpaceAfter(), child.getSpaceBefore()))
        return gaps

    def wrap(self, availWidth, availHeight):
        top, _, bottom, _ = self.decoration.padding
        inner = self._inner_width(availWidth)
        self._layout = []
        total = 0.0
        for child, gap in zip(self.children, self._gaps(self.children)):
            _, h = child.wrap(inner, _HUGE)
            self._layout.append((child, h, gap))
            total += gap + h
        label_h = 0.0
        if self.label is not None:
            _, label_h = self.label.wrap(self.decoration.padding[3], _HUGE)
        self.width = availWidth
        self.height = top + max(total, label_h) + bottom
        return self.width, self.height

    def split(self, availWidth, availHeight):
        top, _, bottom, _ = self.decoration.padding
        inner = self._inner_width(availWidth)
        room = availHeight - top - bottom
        head: list[Flowable] = []
        used = 0.0
        gaps = self._gaps(self.children)
        for index, child in enumerate(self.children):
            _, h = child.wrap(inner, _HUGE)
            need = gaps[index] + h
            if used + need <= room + 1e-6:
                head.append(child)
                used += need
                continue
            parts = child.split(inner, room - used - gaps[index]) if room - used - gaps[index] > 0 else []
            if len(parts) >= 2:
                head.append(parts[0])
                tail = list(parts[1:]) + self.children[index + 1 :]
            else:
                tail = self.children[index:]
                if head and head[-1] is self.children[index - 1] and self.children[index - 1].getKeepWithNext():
                    # it keeps with the child that moves on (an intro before its list, a quote
                    # before its attribution): its last lines go along, or all of it
                    kept = head.pop()
                    _, kept_height = kept.wrap(inner, _HUGE)
                    pieces = kept.split(inner, kept_height - 1)
                    if len(pieces) >= 2:
                        head.append(pieces[0])
                        tail = list(pieces[1:]) + tail
                    else:
                        tail = [kept] + tail
            break
        else:
            return [self]
        if not head:
            return []
        first = Stack(head, self.decoration, label=self.label, space_before=self.spaceBefore)
        rest = Stack(tail, self.decoration, space_after=self.spaceAfter)
        return [first, rest]

    # -- drawing ----------------------------------------------------------
    def draw(self):
        canv = self.canv
        deco = self.decoration
        top, _, _, left = deco.padding
        if deco.background is not None or deco.bar_colour is not None:
            with marking.artifact(canv, "Layout"):
                canv.saveState()
                if deco.background is not None:
                    canv.setFillColor(deco.background)
                    canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
                if deco.bar_colour is not None and deco.bar_width > 0:
                    canv.setFillColor(deco.bar_colour)
                    canv.rect(0, 0, deco.bar_width, self.height, stroke=0, fill=1)
                canv.restoreState()
        y = self.height - top
        if self.label is not None:
            _, label_height = self.label.wrap(left, _HUGE)
            self.label.drawOn(canv, 0, y - label_height)
        for child, h, gap in self._layout:
            y -= gap + h
            child.drawOn(canv, left, y)


class Columns(Flowable):
    """Cells side by side, each a list of flowables, top-aligned; does not split."""

    def __init__(self, cells: Sequence[Sequence[Flowable]], widths: Sequence[float], *, gap: float = 0,
                 space_before: float = 0, space_after: float = 0):
        super().__init__()
        if len(cells) != len(widths):
            raise ValueError("one width per cell")
        self.cells = [list(cell) for cell in cells]
        self.shares = list(widths)
        self.gap = gap
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._sizes: list[list[float]] = []
        self._widths: list[float] = []

    def _resolve_widths(self, availWidth: float) -> list[float]:
        room = availWidth - self.gap * (len(self.shares) - 1)
        total = sum(self.shares)
        return [room * share / total for share in self.shares]

    def wrap(self, availWidth, availHeight):
        self._widths = self._resolve_widths(availWidth)
        self._sizes = []
        height = 0.0
        for cell, width in zip(self.cells, self._widths):
            heights = [f.wrap(width, _HUGE)[1] for f in cell]
            gaps = [0.0] + [max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in zip(cell, cell[1:])]
            self._sizes.append([g + h for g, h in zip(gaps, heights)])
            height = max(height, sum(self._sizes[-1]))
        self.width, self.height = availWidth, height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []

    def draw(self):
        x = 0.0
        for cell, sizes, width in zip(self.cells, self._sizes, self._widths):
            y = self.height
            for flowable, size in zip(cell, sizes):
                y -= size
                flowable.drawOn(self.canv, x, y, _sW=width - flowable.width)
            x += width + self.gap


class Picture(Flowable):
    """A prepared image, scaled to ``width`` keeping its aspect ratio."""

    def __init__(self, image: PreparedImage, width: float, max_height: float):
        super().__init__()
        self.image = image
        height = width * image.aspect
        if height > max_height:
            width, height = max_height / image.aspect, max_height
        self.draw_width = width
        self.draw_height = height

    def wrap(self, availWidth, availHeight):
        self.width = min(self.draw_width, availWidth)
        self.height = self.draw_height * self.width / self.draw_width
        return self.width, self.height

    def draw(self):
        reader = ImageReader(io.BytesIO(self.image.data))
        self.canv.drawImage(reader, 0, 0, self.width, self.height)


class KeepOnOnePage(KeepTogether):
    """Kept on one page, moving to the next if need be, unless it is longer than a
    page: then it starts where it is instead of leaving a page nearly empty."""

    def __init__(self, flowables, page_height: float):
        super().__init__(flowables)
        self.page_height = page_height

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H > self.page_height:
            # like KeepTogether, answer with more than one flowable (a no-op first)
            return [self.NullActionFlowable(), *self._content]
        return super().split(aW, aH)
