"""Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines", 1981).

A paragraph is a sequence of items:

* :class:`Box` — something of fixed width (a word or a piece of one);
* :class:`Glue` — a space that may stretch and shrink; a line may break at a
  glue that follows a box, and the glue then disappears;
* :class:`Penalty` — a possible break with a cost (hyphenation points, explicit
  hyphens, points inside URLs); ``width`` is added to the line only if it ends
  there (the hyphen drawn at the line end). ``flagged`` penalties are hyphens.

:func:`break_lines` chooses the breaks that minimise the sum of the lines'
demerits over the whole paragraph, as TeX does:

* badness ``100 |r|³`` of a line whose spaces are adjusted by ratio ``r``
  (``r = 1``: every glue stretched by its full stretch; ``-1``: shrunk fully);
* demerits ``(line_penalty + badness)² ± penalty²``, more for two hyphenated
  lines in a row, for a hyphen on the last-but-one line and for neighbouring
  lines of very different tightness (four fitness classes);
* hard rules: at most ``max_hyphen_run`` hyphenated lines in a row; the last
  line is never the tail of a hyphenated word shorter than ``short_last``
  times the measure; no line's spaces stretch beyond ``tolerance``.

Passes: first with ``tolerance``, then with ``second_tolerance``, then a
sloppy pass that sets a line which would stretch beyond ``ragged_limit``
ragged instead, then an emergency pass that also uses the ``emergency``
penalties (breaks inside overlong words) and as the very last resort accepts
an overfull line where nothing could break it. The passes after the first
may also break at ``last_resort`` penalties (a no-break space that may give,
at a high cost), and they first minimise the *number* of lines stretched
beyond ``tolerance`` (``loose_demerits`` each, more than any line within it
can cost): a paragraph that needs one loose line gets one, not three
moderately loose ones spread around it.

Ragged-right setting (``ragged=True``): spaces neither stretch nor shrink; the
badness of a line comes from its shortfall measured against
``ragged_stretch``, so lines come out of similar length without justification.
A penalty with ``ragged=True`` (a break inside a URL) makes the line that ends
there ragged even in justified text: it is never stretched to make room; so
does a glue with ``ragged=True`` (before a URL) when the line would stretch by
more than ``ragged_before``.

This module knows nothing of fonts or ReportLab; widths are plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

INF = 10000  # a penalty this high forbids a break; -INF forces one
_AWFUL = 1e30


@dataclass(frozen=True, slots=True)
class Box:
    width: float
    content: Any = None


@dataclass(frozen=True, slots=True)
class Glue:
    width: float
    stretch: float
    shrink: float
    content: Any = None
    ragged: bool = False      # before a URL: a line ending here that would stretch is set ragged


@dataclass(frozen=True, slots=True)
class Penalty:
    width: float
    penalty: float
    flagged: bool = False
    ragged: bool = False      # the line ending here is set ragged, never stretched
    emergency: bool = False   # only used by the emergency pass
    content: Any = None
    last_resort: bool = False  # not in the first pass (a no-break space that may give)


Item = Box | Glue | Penalty


@dataclass(frozen=True)
class Params:
    tolerance: float = 2.0          # max adjustment ratio, first pass
    second_tolerance: float = 3.0   # second pass
    line_penalty: float = 10
    flagged_demerits: float = 10000  # two hyphenated lines in a row (as TeX)
    final_hyphen_demerits: float = 5000  # the last-but-one line hyphenated
    fitness_demerits: float = 3000  # neighbouring lines two fitness classes apart
    max_hyphen_run: int = 2
    short_last: float = 1 / 8       # last line after a hyphen at least this share of the measure
    ragged_stretch: float = 30.0    # ragged setting: a shortfall this long has badness 100
    ragged_limit: float = 3.0       # later passes: ratio beyond this sets a justified line ragged
    sloppy_tolerance: float = 12.0  # third pass: lines up to this ratio, set ragged beyond the limit
    ragged_before: float = 1.0      # a line before a URL stretching beyond this is set ragged
    loose_demerits: float = 1e8     # later passes: each line stretched beyond ``tolerance``


@dataclass(frozen=True)
class Line:
    """One line: items ``start`` (first box) up to ``end`` (the break, exclusive
    of it; ``end == len(items)`` for the last line)."""

    start: int
    end: int
    ratio: float          # adjustment ratio of the spaces (0 when set ragged or last)
    natural: float        # natural width, including a hyphen at its end
    width: float          # the measure it was broken for
    hyphenated: bool      # ends at a flagged penalty
    ragged: bool          # set at natural width (not justified)
    last: bool


def _badness(ratio: float) -> float:
    return min(100 * abs(ratio) ** 3, INF)


def _fitness(ratio: float) -> int:
    if ratio < -0.5:
        return 0
    if ratio <= 0.5:
        return 1
    if ratio <= 1:
        return 2
    return 3


@dataclass(slots=True)
class _Node:
    position: int        # index of the break item (-1: paragraph start)
    line: int            # number of lines before this break ends
    fitness: int
    run: int             # hyphenated lines in a row ending here
    demerits: float
    previous: "_Node | None"
    ratio: float = 0.0
    ragged: bool = False
    natural: float = 0.0
    hyphenated: bool = False


class _Sums:
    """Prefix sums of width, stretch and shrink."""

    def __init__(self, items: Sequence[Item]) -> None:
        w = [0.0]
        y = [0.0]
        z = [0.0]
        for item in items:
            if isinstance(item, Box):
                w.append(w[-1] + item.width)
                y.append(y[-1])
                z.append(z[-1])
            elif isinstance(item, Glue):
                w.append(w[-1] + item.width)
                y.append(y[-1] + item.stretch)
                z.append(z[-1] + item.shrink)
            else:
                w.append(w[-1])
                y.append(y[-1])
                z.append(z[-1])
        self.w, self.y, self.z = w, y, z


def _line_start(items: Sequence[Item], position: int) -> int:
    """The first item of the line after a break at ``position``: discardable items
    (glue, penalties) after the break are dropped."""
    i = position + 1
    n = len(items)
    while i < n and not isinstance(items[i], Box):
        if isinstance(items[i], Penalty) and items[i].penalty <= -INF:
            break
        i += 1
    return i


def _breakpoints(items: Sequence[Item], emergency: bool, first: bool = False) -> list[int]:
    out = []
    for i, item in enumerate(items):
        if isinstance(item, Glue):
            if i > 0 and isinstance(items[i - 1], Box):
                out.append(i)
        elif isinstance(item, Penalty):
            if item.penalty < INF and (emergency or not item.emergency) and not (first and item.last_resort):
                out.append(i)
    out.append(len(items))  # the end of the paragraph
    return out


def break_lines(items: Sequence[Item], widths: float | Sequence[float], *, ragged: bool = False,
                params: Params = Params()) -> list[Line]:
    """The optimal lines for ``items`` at ``widths`` (one measure, or one per line with
    the last repeated)."""
    if isinstance(widths, (int, float)):
        widths = [float(widths)]
    widths = list(widths) or [0.0]
    if not any(isinstance(item, Box) for item in items):
        return []
    passes = ((params.tolerance, False, False, True), (params.second_tolerance, False, False, False),
              (params.sloppy_tolerance, False, True, False), (None, True, True, False))
    for tolerance, emergency, sloppy, first in passes:
        end = _run(items, widths, ragged, params, tolerance, emergency=emergency, sloppy=sloppy, first=first)
        if end is not None:
            return _lines(items, widths, end)
    raise AssertionError("the emergency pass always finds a solution")  # pragma: no cover


def _width(widths: Sequence[float], line: int) -> float:
    return widths[line] if line < len(widths) else widths[-1]


def _run(items: Sequence[Item], widths: Sequence[float], ragged: bool, params: Params,
         tolerance: float | None, emergency: bool, sloppy: bool, first: bool = False) -> _Node | None:
    sums = _Sums(items)
    sw, sy, sz = sums.w, sums.y, sums.z
    breakpoints = _breakpoints(items, emergency, first)
    n = len(items)
    classes = len(widths)
    max_run = params.max_hyphen_run
    # a node's future depends on its line class, fitness and hyphen run only; runs
    # beyond the limit all behave alike (each further hyphen costs the same), so the
    # run is counted up to one past the limit: the number of states stays bounded
    run_cap = max_run + 1
    # the most a node's fitness class can cost the line after it (nothing when ragged)
    fitness_margin = 0.0 if ragged else params.fitness_demerits
    first_box = _line_start(items, -1)
    active: list[_Node] = [_Node(-1, 0, 1, 0, 0.0, None)]
    starts: dict[int, int] = {-1: first_box}
    previous_break = -1
    for b in breakpoints:
        final = b == n
        item = items[b] if not final else None
        is_penalty = isinstance(item, Penalty)
        penalty = item.penalty if is_penalty else 0.0
        pwidth = item.width if is_penalty else 0.0
        flagged = is_penalty and item.flagged
        ragged_here = ragged or (is_penalty and item.ragged)
        ragged_glue = isinstance(item, Glue) and item.ragged
        forced = final or penalty <= -INF
        line_demerits = _penalty_demerits(penalty)
        best: dict[tuple[int, int, int], _Node] = {}
        keep: list[_Node] = []
        for a in active:
            start = starts[a.position]
            if start >= b and not final:
                keep.append(a)
                continue
            width = widths[a.line] if a.line < classes else widths[-1]
            natural = sw[b] - sw[start] + pwidth
            short = width - natural
            line_ragged = ragged_here
            overfull = False
            if final:
                # the last line: as if ended by infinitely stretchable glue
                if short >= 0:
                    ratio = 0.0
                else:
                    shrink = sz[b] - sz[start]
                    ratio = short / shrink if shrink > 0 and not ragged else -_AWFUL
            elif line_ragged:
                if short >= 0:
                    ratio = short / params.ragged_stretch
                else:
                    shrink = sz[b] - sz[start]
                    ratio = short / shrink if not ragged and shrink > 0 else -_AWFUL
            else:
                if short >= 0:
                    stretch = sy[b] - sy[start]
                    ratio = short / stretch if stretch > 0 else _AWFUL
                else:
                    shrink = sz[b] - sz[start]
                    ratio = short / shrink if shrink > 0 else -_AWFUL
                if ragged_glue and ratio > params.ragged_before:
                    # the next word is a URL that does not fit: not stretched to make room for it
                    line_ragged = True
                    ratio = short / params.ragged_stretch
            if ratio < -1:
                # too long: and every later break from here is longer. Only in the emergency
                # pass, and only if nothing could break it (one box wider than the line), is
                # an overfull line accepted.
                if not emergency or previous_break > start:
                    continue
                overfull = True
            keep.append(a)
            justified_stretch = not (final or line_ragged)
            if justified_stretch and tolerance is not None and ratio > tolerance:
                continue
            too_loose = justified_stretch and sloppy and ratio > params.ragged_limit
            if too_loose:
                line_ragged = True  # better ragged than spaces beyond the limit
            run = a.run + 1 if flagged else 0
            if run > max_run:
                if not emergency:
                    continue
                run = run_cap
            r = -1.0 if overfull else ratio
            # _badness(r), inlined: this is the innermost loop (a call costs a quarter of its time)
            badness = min(100 * abs(r) ** 3, INF) if -10 < r < 10 else INF
            demerits = (params.line_penalty + badness) ** 2 + line_demerits
            if overfull:
                demerits += 1e9 * (1 + natural - width)
            if justified_stretch and ratio > params.tolerance:
                demerits += params.loose_demerits
            if too_loose:
                demerits += 1e7  # a ragged line in justified text, for want of anything better
            if flagged and a.hyphenated:
                demerits += params.flagged_demerits
            if run > max_run:
                demerits += 1e8
            fitness = _fitness(ratio if not line_ragged or ragged else 0.0)
            if not (ragged or final) and abs(fitness - a.fitness) > 1:
                demerits += params.fitness_demerits
            if final and a.hyphenated:
                demerits += params.final_hyphen_demerits
                if natural < params.short_last * width:
                    if not emergency:
                        continue
                    demerits += 1e8
            total = a.demerits + demerits
            key = (min(a.line + 1, classes), fitness, run)
            node = best.get(key)
            if node is None or total < node.demerits:
                set_ragged = ragged or (line_ragged and natural <= width)
                best[key] = _Node(b, a.line + 1, fitness, run, total, a,
                                  ratio=0.0 if (set_ragged or (final and ratio > 0)) else max(ratio, -1.0),
                                  ragged=set_ragged, natural=natural, hyphenated=flagged)
        previous_break = b
        active = [] if forced else keep
        if best:
            starts[b] = _line_start(items, b)
            active.extend(_undominated(best, fitness_margin))
        if final:
            done = [node for node in best.values()]
            return min(done, key=lambda node: node.demerits) if done else None
        if not active:
            return None
    return None  # pragma: no cover


def _undominated(best: dict[tuple[int, int, int], _Node], margin: float) -> list[_Node]:
    """The nodes of one break that can still lead to the best paragraph.

    Two nodes at the same break have the same lines ahead of them; what they carry
    into the next line is their line class (the measure), their fitness class (at
    most ``margin`` of demerits on the next line) and their hyphen run (a longer
    run is never better: it forbids or costs more hyphens). A node is dropped when
    another of the same class, with no longer a run, is cheaper by more than
    ``margin``: every paragraph through it costs more than the same paragraph
    through the other. This keeps the result exact and the active list short.
    """
    if len(best) == 1:
        return list(best.values())
    ordered = sorted(best.items(), key=lambda entry: entry[1].demerits)
    kept: list[tuple[tuple[int, int, int], _Node]] = []
    for key, node in ordered:
        if not any(k[0] == key[0] and k[2] <= key[2] and other.demerits + margin < node.demerits
                   for k, other in kept):
            kept.append((key, node))
    return [node for _, node in kept]


def _penalty_demerits(penalty: float) -> float:
    if penalty >= 0:
        return penalty * penalty
    if penalty > -INF:
        return -penalty * penalty
    return 0.0


def _demerits(ratio: float, penalty: float, params: Params) -> float:
    return (params.line_penalty + _badness(ratio)) ** 2 + _penalty_demerits(penalty)


def _lines(items: Sequence[Item], widths: Sequence[float], end: _Node) -> list[Line]:
    chain = []
    node: _Node | None = end
    while node is not None and node.previous is not None:
        chain.append(node)
        node = node.previous
    chain.reverse()
    out = []
    position = -1
    for i, node in enumerate(chain):
        start = _line_start(items, position)
        last = i == len(chain) - 1
        out.append(Line(start, node.position, node.ratio, node.natural, _width(widths, i),
                        node.hyphenated, node.ragged, last))
        position = node.position
    return out


def demerits_of(items: Sequence[Item], lines: Sequence[Line], params: Params = Params(), ragged: bool = False) -> float:
    """The total demerits of ``lines`` as :func:`break_lines` counts them (first pass
    rules, for tests that compare with an exhaustive search)."""
    total = 0.0
    previous_fitness, previous_flagged = 1, False
    for line in lines:
        item = items[line.end] if line.end < len(items) else None
        penalty = item.penalty if isinstance(item, Penalty) else 0.0
        ratio = line.ratio
        if line.ragged and ragged:
            ratio = (line.width - line.natural) / params.ragged_stretch
        d = _demerits(ratio, penalty, params)
        if line.hyphenated and previous_flagged:
            d += params.flagged_demerits
        fitness = _fitness(ratio)
        if abs(fitness - previous_fitness) > 1 and not (ragged or line.last):
            d += params.fitness_demerits
        if line.last and previous_flagged:
            d += params.final_hyphen_demerits
        total += d
        previous_fitness, previous_flagged = fitness, line.hyphenated
    return total
