"""How the contact block is laid out: columns chosen by measuring its lines.

A contact person is a name, a role, a phone line and an e-mail line.  The
phone and e-mail lines (label and value) must each stay on one line, and the
name should; a role may wrap at its spaces.  :func:`choose_layout` tries, in
order, a grid of three (for three people) or two columns, then one row per
person with name and role on the left and phone and e-mail on the right, then
a single column; it takes the first in which every line that must stay whole
fits.  Only when an address is wider than the whole text frame is it broken,
and then only after ``@ . - _`` (no hyphen added, see :func:`break_address`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

#: Characters after which an address may break when it cannot fit a line.
ADDRESS_BREAKS = "@.-_/"
#: Room left beyond a measured line, so that rounding never pushes its last letters over.
SLACK = 2.0


@dataclass(frozen=True)
class PersonWidths:
    """Natural widths (points) of one person's lines, each set on one line."""

    name: float
    role: float
    whole: tuple[float, ...]  # lines that must not wrap: the phone line, the e-mail line


@dataclass(frozen=True)
class Layout:
    """``kind`` is ``"grid"`` (``columns`` people side by side) or ``"rows"`` (one
    person a row: ``widths`` are the left and right cell)."""

    kind: str
    columns: int
    widths: tuple[float, ...]


def choose_layout(people: Sequence[PersonWidths], frame_width: float, gap: float,
                  min_share: float = 0.3) -> Layout:
    """The first layout, in the order described above, in which everything fits."""
    count = len(people)
    candidates = ([3] if count == 3 or (count >= 6 and count % 3 == 0) else []) + ([2] if count >= 2 else [])
    for columns in candidates:
        width = (frame_width - gap * (columns - 1)) / columns
        if all(max(p.name, *p.whole, 0) + SLACK <= width for p in people):
            return Layout("grid", columns, (width,) * columns)
    if count >= 2:
        right = max(max(p.whole, default=0) for p in people) + SLACK
        left = frame_width - gap - right
        if left >= min_share * frame_width:  # names and roles wrap at their spaces if need be
            return Layout("rows", 2, (left, right))
    return Layout("grid", 1, (frame_width,))


def break_address(address: str, first_room: float, room: float, width: Callable[[str], float]) -> list[str]:
    """``address`` cut into pieces that each fit: the first into ``first_room`` (what a
    label leaves of the line), the others into ``room``.  Cuts only after one of
    ``ADDRESS_BREAKS``, never leaving fewer than three characters on either side; a
    piece with no such point in the room is cut at its first one (it overflows
    rather than breaking inside a name)."""
    first_room, room = first_room - SLACK, room - SLACK  # as choose_layout measures
    pieces: list[str] = []
    rest = address
    limit = first_room
    while rest and width(rest) > limit + 0.01:
        cut = None
        for i in range(len(rest) - 3, 2, -1):
            if rest[i - 1] in ADDRESS_BREAKS and width(rest[:i]) <= limit:
                cut = i
                break
        if cut is None:  # no point fits: overflow as little as possible, then go on
            cut = next((i for i in range(3, len(rest) - 2) if rest[i - 1] in ADDRESS_BREAKS), None)
        if cut is None:
            break
        pieces.append(rest[:cut])
        rest = rest[cut:]
        limit = room
    pieces.append(rest)
    return pieces
