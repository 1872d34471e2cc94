"""The few flowables presskit needs beyond ReportLab's Paragraph.

* :class:`~presskit.pdf.tagging.flowables.Tagged` (re-exported here) ties a flowable, and every
  part it splits into, to its structure element.
* :class:`Stack` lays children out vertically inside padding, with an optional
  background, a bar on the left and a label in the left padding (list items,
  quotes, the facts box, the contact block); it splits between or inside children.
* :class:`Columns` puts cells side by side (facts rows, contact people, the
  label/dateline line); it does not split, and one taller than a page raises
  the located error it was given.
* :class:`Picture` draws a prepared image at a given width.

Decoration is drawn as an artifact; content is drawn by tagged children.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.platypus.flowables import CondPageBreak, Flowable, KeepTogether
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.platypus.paragraph import Paragraph

from presskit.pdf import marking, rl_internals
from presskit.errors import Diagnostic
from presskit.pdf.images import PreparedImage
from presskit.pdf.linesetting import ParagraphText, rejoin, set_lines
from presskit.typography.linebreak import Params
from presskit.pdf.tagging.flowables import Tagged

__all__ = ["TooTall", "Columns", "Decoration", "HeadingKeep", "KeepOnOnePage", "Picture", "Stack", "Tagged", "TextParagraph"]

_HUGE = 1e6
_FUZZ = 1e-8


class TextParagraph(Paragraph):
    """A Paragraph whose lines presskit's total-fit line breaker chooses.

    ReportLab parses the markup and draws the lines; the breaking in between is
    :mod:`presskit.pdf.linesetting` (Knuth-Plass, see :mod:`presskit.typography.linebreak`):
    justified styles get stretchable and shrinkable spaces, the others are set
    ragged-right. The lines are remembered for the width they were broken at:
    containers wrap the same paragraph several times at the same width.

    ``hyphenator`` is the language's hyphenator, used for words too wide for the
    measure in styles that do not hyphenate (headlines).
    """

    _wrapped_for: tuple[float, float] | None = None
    _preset: tuple[tuple[float, ...], list] | None = None
    _text = None

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1, encoding="utf8",
                 *, hyphenator=None):
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        self.hyphenator = hyphenator

    @property
    def ragged(self) -> bool:
        return self.style.alignment != TA_JUSTIFY

    def paragraph_text(self) -> ParagraphText:
        if self._text is None:
            own = getattr(self.style, "hyphenationLang", "") or None
            self._text = ParagraphText(self.frags, own, hyphenate_all=bool(own),
                                       emergency_hyphenator=own or self.hyphenator)
        return self._text

    def breakLines(self, width):  # noqa: N802 - ReportLab's name
        widths = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        if self._preset is not None and _same_widths(self._preset[0], widths):
            return rl_internals.para_lines(list(self._preset[1]))
        text = self.paragraph_text()
        if text.empty or any(hasattr(f, "cbDefn") or hasattr(f, "lineBreak") for f in self.frags):
            return super().breakLines(width)  # nothing to break (or markup presskit never writes)
        # ragged-right: a line shorter than the measure by 2.5 em has badness 100
        params = Params(ragged_stretch=2.5 * self.style.fontSize)
        lines = set_lines(text, widths, ragged=self.ragged, params=params)
        self._preset = (widths, lines)
        return rl_internals.para_lines(lines)

    def wrap(self, availWidth, availHeight):
        key = (availWidth, id(self.frags))
        # split() may drop blPara (widow/orphan control): then the lines must be broken again
        if self._wrapped_for == key and "blPara" in self.__dict__:
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        self._wrapped_for = key
        return result

    def split(self, availWidth, availHeight):
        """Split between lines as ReportLab does (no widows, no orphans), but never
        after a hyphenated line: the halves of the word would be a page and a running
        header apart. Both parts keep the lines already chosen."""
        if not self.frags or availWidth < _FUZZ or availHeight < _FUZZ:
            return []
        self.wrap(availWidth, availHeight)
        blPara = self.blPara
        lines = blPara.lines
        if blPara.kind != 1 or not lines:
            return super().split(availWidth, availHeight)
        style = self.style
        n = len(lines)
        s = int(availHeight / style.leading + 1e-9)
        if n <= s:
            return [self]
        allow_orphans = getattr(style, "allowOrphans", 0)
        allow_widows = getattr(style, "allowWidows", 1)
        if not allow_widows and n == s + 1:
            s -= 1
        while s > 0 and getattr(lines[s - 1], "presskit_end", "") in ("shy", "join"):
            s -= 1
        if s == 0 or (not allow_orphans and s <= 1) or (not allow_widows and n - s < 2):
            del self.blPara
            return []
        first = self._part(lines[:s])
        rl_internals.set_justify_last(first, not lines[s - 1].lineBreak)
        rest = self._part(lines[s:])
        # the paragraph's end is in the rest: so is its promise to keep with what follows (a
        # quote's last lines with the attribution, even when the rest is split again)
        rest.keepWithNext = self.getKeepWithNext()
        return [first, rest]

    def _part(self, lines) -> "TextParagraph":
        part = TextParagraph(None, self.style, frags=rejoin(lines), hyphenator=self.hyphenator)
        part._preset = (self._preset[0], list(lines)) if self._preset is not None else None
        return part


def _same_widths(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(abs(x - y) < 1e-6 for x, y in zip(a, b))


@dataclass(frozen=True)
class Decoration:
    """What a Stack paints behind its children (all optional)."""

    background: Color | None = None
    bar_colour: Color | None = None
    bar_width: float = 0
    padding: tuple[float, float, float, float] = (0, 0, 0, 0)  # top, right, bottom, left


class Stack(Flowable):
    """Children stacked vertically inside a decoration; splits across frames.

    The height of every child at a width is measured once and shared with the parts
    a split makes, so that a long list costs time in proportion to its length, not
    to its length times its pages.
    """

    def __init__(
        self,
        children: Sequence[Flowable],
        decoration: Decoration = Decoration(),
        *,
        label: Flowable | None = None,
        space_before: float = 0,
        space_after: float = 0,
        _heights: dict | None = None,
    ):
        super().__init__()
        self.children = list(children)
        self.decoration = decoration
        self.label = label
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._layout: list[tuple[Flowable, float, float]] = []  # (child, height, gap before)
        self._heights: dict[tuple[int, float], tuple[Flowable, float]] = {} if _heights is None else _heights
        self._measured: tuple[float, list, list] | None = None

    # -- layout -----------------------------------------------------------
    def _inner_width(self, availWidth: float) -> float:
        _, right, _, left = self.decoration.padding
        return availWidth - left - right

    def _gap(self, previous: Flowable | None, child: Flowable) -> float:
        return 0 if previous is None else max(previous.getSpaceAfter(), child.getSpaceBefore())

    def _height(self, child: Flowable, inner: float) -> float:
        key = (id(child), inner)
        known = self._heights.get(key)
        if known is not None and known[0] is child:
            return known[1]
        _, h = child.wrap(inner, _HUGE)
        self._heights[key] = (child, h)  # the child itself is kept, so its id stays its own
        return h

    def _measure(self, inner: float) -> tuple[list[tuple[Flowable, float, float]], list[float]]:
        """``(layout, sizes)`` at the inner width: (child, height, gap before) and gap + height."""
        if self._measured is not None and self._measured[0] == inner:
            return self._measured[1], self._measured[2]
        layout, sizes = [], []
        previous = None
        for child in self.children:
            h, gap = self._height(child, inner), self._gap(previous, child)
            layout.append((child, h, gap))
            sizes.append(gap + h)
            previous = child
        self._measured = (inner, layout, sizes)
        return layout, sizes

    def wrap(self, availWidth, availHeight):
        top, _, bottom, _ = self.decoration.padding
        inner = self._inner_width(availWidth)
        self._layout, sizes = self._measure(inner)
        total = sum(sizes)
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
        layout, sizes = self._measure(inner)
        head: list[Flowable] = []
        used = 0.0
        for index, (child, h, gap) in enumerate(layout):
            if used + gap + h <= room + 1e-6:
                head.append(child)
                used += gap + h
                continue
            parts = child.split(inner, room - used - gap) if room - used - gap > 0 else []
            if len(parts) >= 2:
                _keeps_like(parts[-1], child)
                head.append(parts[0])
                new = list(parts[1:])
            else:
                new = [child]
                if head and head[-1] is self.children[index - 1] and self.children[index - 1].getKeepWithNext():
                    # it keeps with the child that moves on (an intro before its list, a quote
                    # before its attribution): its last lines go along, or all of it
                    kept = head.pop()
                    _, kept_height = kept.wrap(inner, _HUGE)
                    pieces = kept.split(inner, kept_height - 1)
                    if len(pieces) >= 2:
                        # the lines that go along still keep with it: the rest of this Stack may
                        # be offered the room left on this page, and split there again
                        _keeps_like(pieces[-1], kept)
                        head.append(pieces[0])
                        new = list(pieces[1:]) + new
                    else:
                        new = [kept] + new
            break
        else:
            return [self]
        if not head:
            return []
        if self.label is not None and self.label.wrap(self.decoration.padding[3], _HUGE)[1] > room + 1e-6:
            return []  # the label would hang below this part: the item starts on the next page
        first = Stack(head, self.decoration, label=self.label, space_before=self.spaceBefore, _heights=self._heights)
        rest = Stack(new + self.children[index + 1 :], self.decoration, space_after=self.spaceAfter, _heights=self._heights)
        # The rest inherits the measurements of the children it keeps: a long stack split
        # over many pages is measured once, not once per page.
        rest_layout, rest_sizes, previous = [], [], None
        for part in new:
            h, gap = self._height(part, inner), self._gap(previous, part)
            rest_layout.append((part, h, gap))
            rest_sizes.append(gap + h)
            previous = part
        kept_layout, kept_sizes = layout[index + 1 :], sizes[index + 1 :]
        if kept_layout:
            child, h, _ = kept_layout[0]
            gap = self._gap(previous, child)
            kept_layout[0], kept_sizes[0] = (child, h, gap), gap + h
        rest._measured = (inner, rest_layout + kept_layout, rest_sizes + kept_sizes)
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
        inner = self.width - left - deco.padding[1]
        for child, h, gap in self._layout:
            y -= gap + h
            child.wrap(inner, _HUGE)  # its height is known; its lines must be those of this width
            child.drawOn(canv, left, y)


def _keeps_like(part: Flowable, whole: Flowable) -> None:
    """The last part of a split flowable keeps with what follows if the whole did (the
    flag may sit on a wrapper, such as Tagged, whose parts are new wrappers)."""
    if whole.getKeepWithNext() and not part.getKeepWithNext():
        part.keepWithNext = 1


class TooTall(Exception):
    """A part that never splits is taller than a page; its located error is in its ``problems``."""


class Columns(Flowable):
    """Cells side by side, each a list of flowables, top-aligned; does not split."""

    def __init__(self, cells: Sequence[Sequence[Flowable]], widths: Sequence[float], *, gap: float = 0,
                 space_before: float = 0, space_after: float = 0, too_tall: "Diagnostic | None" = None,
                 max_height: float = _HUGE, problems: list | None = None):
        super().__init__()
        # taller than ``max_height`` (a page), it can never be placed: ``too_tall`` is added
        # to ``problems`` and TooTall raised (ReportLab rewrites the exceptions it passes on)
        self.too_tall = too_tall
        self.max_height = max_height
        self.problems = problems if problems is not None else []
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
        if height > self.max_height and self.too_tall is not None:
            # never splits, can never fit: say where, instead of ReportLab's "too large"
            self.problems.append(self.too_tall)
            raise TooTall()
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
        if rl_internals.keep_together_height(self, aW, aH) > self.page_height:
            # like KeepTogether, answer with more than one flowable (a no-op first)
            return [self.NullActionFlowable(), *rl_internals.keep_together_content(self)]
        return super().split(aW, aH)


class HeadingKeep(CondPageBreak):
    """Placed before a heading: a page break unless the heading, the first ``lines`` of
    body text and a first piece of what follows the heading fit in what is left.

    The room is decided when the page is laid out, with the space really left: a
    heading never ends a page, also when the block after it cannot split there
    (a short paragraph whose first and last two lines must stay together, a facts
    box, a photo). ``following`` is set once the next block is made.
    """

    def __init__(self, heading: Flowable, lines: float):
        super().__init__(0)
        self.heading = heading
        self.lines = lines
        self.following: Flowable | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803
        _, height = self.heading.wrap(availWidth, availHeight)
        need = height + self.heading.getSpaceBefore() + self.heading.getSpaceAfter()
        self.height = need + self.lines
        following = self.following
        if following is not None and availHeight >= self.height:
            room = availHeight - need - following.getSpaceBefore()
            _, whole = following.wrap(availWidth, room)
            if whole > room and not following.split(availWidth, room):
                self.height = availHeight + 1  # nothing of it fits here: the heading goes with it
        return super().wrap(availWidth, availHeight)

