"""The total-fit line breaker on its own: exact small cases and properties."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.typography.linebreak import INF, Box, Glue, Line, Params, Penalty, break_lines, demerits_of

SPACE = 1.0


def words(*widths, space=SPACE):
    items = []
    for i, w in enumerate(widths):
        if i:
            items.append(Glue(space, space * 0.5, space * 0.2))
        items.append(Box(float(w)))
    return items


def natural(items, line: Line) -> float:
    return line.natural


def test_total_fit_avoids_the_loose_line_first_fit_makes():
    # first fit: "1 1 3 1 1" (exact) | "4 4" (spaces 5x) | "4"; the optimum loosens the
    # first line a little instead
    items = words(1, 1, 3, 1, 1, 4, 4, 4)
    lines = break_lines(items, 11)
    assert [(l.start, l.end) for l in lines] == [(0, 7), (8, 13), (14, 15)]
    assert abs(lines[0].ratio - 4 / 3) < 1e-9 and lines[1].ratio == 0
    assert all(not l.ragged for l in lines)


def test_a_line_may_shrink_its_spaces():
    items = words(5, 5)  # 11 wide, shrinks by 0.2 to 10.8
    lines = break_lines(items, 10.8)
    assert len(lines) == 1 and abs(lines[0].ratio + 1) < 1e-9
    assert break_lines(items, 10.7)[0].end == 1  # no further: two lines


def test_hyphen_width_counts_only_at_the_break():
    items = [Box(6.0), Penalty(1.0, 50, flagged=True), Box(6.0)]
    lines = break_lines(items, 7)
    assert len(lines) == 2 and lines[0].hyphenated and lines[0].natural == 7.0
    lines = break_lines(items, 12)
    assert len(lines) == 1 and lines[0].natural == 12.0


def test_never_more_than_two_hyphenated_lines_in_a_row():
    # every word splits into two halves that fit only when hyphenated
    items = []
    for i in range(8):
        if i:
            items.append(Glue(1, 0.5, 0.2))
        items += [Box(4.0), Penalty(1.0, 50, flagged=True), Box(4.0)]
    lines = break_lines(items, 14)
    run = longest = 0
    for line in lines:
        run = run + 1 if line.hyphenated else 0
        longest = max(longest, run)
    assert longest <= 2


def test_the_last_line_is_never_a_short_hyphenated_tail():
    items = words(20, 20, 20) + [Glue(1, 0.5, 0.2), Box(18.0), Penalty(1, 50, flagged=True), Box(2.0)]
    lines = break_lines(items, 63)
    assert not (lines[-2].hyphenated and lines[-1].natural < 63 / 8)


def test_a_break_inside_a_url_sets_its_line_ragged():
    items = words(10, 10) + [Glue(1, 0.5, 0.2), Box(15.0), Penalty(0, 20, ragged=True), Box(20.0)]
    lines = break_lines(items, 40)
    assert lines[0].end == 5 and lines[0].ragged and lines[0].ratio == 0


def test_emergency_pass_breaks_an_overlong_word_at_its_emergency_points():
    items = [Box(5.0)] + [x for _ in range(9) for x in (Penalty(1, 900, flagged=True, emergency=True), Box(5.0))]
    lines = break_lines(items, 21)
    assert all(l.natural <= 21 + 1e-9 for l in lines)
    assert len(lines) == 3


def test_overfull_only_when_nothing_else_is_possible():
    lines = break_lines(words(30, 3), 20)
    assert [l.natural for l in lines] == [30.0, 3.0]


def test_ragged_setting_never_stretches_and_balances():
    items = words(*([3] * 20))
    lines = break_lines(items, 20, ragged=True)
    assert all(l.ragged and l.ratio == 0 for l in lines)
    assert all(l.natural <= 20 for l in lines)


def test_a_forced_break_is_taken():
    items = words(3, 3) + [Penalty(0, -INF)] + words(3)
    lines = break_lines(items, 100)
    assert [l.end for l in lines] == [3, 5]


# -- properties -------------------------------------------------------------------------

word_widths = st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=40)


def paragraph(widths, hyphen_every=3):
    items = []
    for i, w in enumerate(widths):
        if i:
            items.append(Glue(SPACE, 0.5, 0.2))
        if w >= 6 and i % hyphen_every == 0:
            items += [Box(float(w // 2)), Penalty(0.5, 50, flagged=True), Box(float(w - w // 2))]
        else:
            items.append(Box(float(w)))
    return items


@settings(max_examples=150, deadline=None)
@given(word_widths, st.integers(min_value=14, max_value=60))
def test_lines_cover_the_paragraph_in_order_and_fit(widths, measure):
    items = paragraph(widths)
    lines = break_lines(items, measure)
    assert lines[0].start == 0 and lines[-1].end == len(items) and lines[-1].last
    for a, b in zip(lines, lines[1:]):
        assert a.end < b.start
        assert all(not isinstance(x, Box) for x in items[a.end:b.start])
    for line in lines:
        # every box is at most 12 wide, so nothing is ever overfull
        assert line.natural <= measure + 1e-9 or (line.ratio >= -1 and line.natural <= measure + 0.2 * len(widths))
        if not line.ragged and not line.last:
            assert line.ratio <= Params().second_tolerance + 1e-9
        assert line.ratio >= -1 - 1e-9
    run = 0
    for line in lines:
        run = run + 1 if line.hyphenated else 0
        assert run <= 2


def _legal(items):
    out = []
    for i, item in enumerate(items):
        if isinstance(item, Glue) and i and isinstance(items[i - 1], Box):
            out.append(i)
        elif isinstance(item, Penalty) and item.penalty < INF:
            out.append(i)
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=8), min_size=2, max_size=9), st.integers(min_value=12, max_value=24))
def test_the_result_is_optimal_among_all_first_pass_solutions(widths, measure):
    """Exhaustive search: no set of breaks allowed in the first pass has fewer demerits."""
    items = paragraph(widths, hyphen_every=2)
    params = Params()
    lines = break_lines(items, measure, params=params)
    first_pass = all(l.ragged is False for l in lines) and all(
        (l.last or l.ratio <= params.tolerance + 1e-9) for l in lines)
    legal = _legal(items)
    best = None
    for k in range(len(legal) + 1):
        for combo in itertools.combinations(legal, k):
            candidate = _as_lines(items, list(combo), measure)
            if candidate is None or not _allowed(candidate, params, measure):
                continue
            d = demerits_of(items, candidate, params)
            best = d if best is None or d < best else best
    if best is None:
        return  # no first-pass solution: the later passes are not compared here
    assert first_pass
    assert demerits_of(items, lines, params) <= best + 1e-6


def _as_lines(items, breaks, measure):
    from presskit.typography.linebreak import _Sums, _line_start

    sums = _Sums(items)
    out = []
    position = -1
    for i, b in enumerate(breaks + [len(items)]):
        start = _line_start(items, position)
        if start >= b:
            return None
        item = items[b] if b < len(items) else None
        pw = item.width if isinstance(item, Penalty) else 0.0
        nat = sums.w[b] - sums.w[start] + pw
        y, z = sums.y[b] - sums.y[start], sums.z[b] - sums.z[start]
        last = b == len(items)
        if nat <= measure:
            ratio = 0.0 if last else ((measure - nat) / y if y else 1e30)
        else:
            ratio = (measure - nat) / z if z else -1e30
        out.append(Line(start, b, ratio, nat, measure, isinstance(item, Penalty) and item.flagged, False, last))
        position = b
    return out


def _allowed(lines, params, measure):
    run = 0
    for i, line in enumerate(lines):
        if line.ratio < -1 or (not line.last and line.ratio > params.tolerance):
            return False
        run = run + 1 if line.hyphenated else 0
        if run > params.max_hyphen_run:
            return False
        if line.last and i and lines[i - 1].hyphenated and line.natural < params.short_last * measure:
            return False
    return True


def _loose(lines, params):
    return sum(1 for l in lines if not l.last and l.ratio > params.tolerance + 1e-9)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=2, max_size=9), st.integers(min_value=10, max_value=20))
def test_when_no_line_set_within_the_first_tolerance_the_fewest_lines_are_loose(widths, measure):
    """Exhaustive search: where the first pass finds nothing, no set of breaks the second
    pass allows has fewer lines stretched beyond the first pass's tolerance."""
    items = paragraph(widths, hyphen_every=2)
    params = Params()
    legal = _legal(items)
    best_first = best = None
    for k in range(len(legal) + 1):
        for combo in itertools.combinations(legal, k):
            candidate = _as_lines(items, list(combo), measure)
            if candidate is None:
                continue
            if _allowed(candidate, params, measure):
                best_first = 0
            if _allowed(candidate, Params(**{**params.__dict__, "tolerance": params.second_tolerance}), measure):
                n = _loose(candidate, params)
                best = n if best is None or n < best else best
    if best_first is not None or best is None:
        return  # the first pass succeeds, or the second pass cannot: compared elsewhere
    lines = break_lines(items, measure, params=params)
    assert all(not l.ragged for l in lines)
    assert _loose(lines, params) == best


def test_later_passes_minimise_the_number_of_loose_lines():
    # "3 10 2-3 3 2 5-5 5-5 2" at 20: nothing fits within 2. Spreading the looseness (badness
    # alone) sets two loose, hyphenated lines (2.5, 2.33); counting them sets one (3.0).
    items = []
    for word in ((3,), (10,), (2, 3), (3,), (2,), (5, 5), (5, 5), (2,)):
        if items:
            items.append(Glue(SPACE, 0.5, 1 / 3))
        for k, part in enumerate(word):
            if k:
                items.append(Penalty(0.5, 50, flagged=True))
            items.append(Box(float(part)))
    spread = break_lines(items, 20, params=Params(loose_demerits=0))
    counted = break_lines(items, 20)
    assert not any(l.ragged for l in spread + counted)
    assert _loose(spread, Params()) == 2 and _loose(counted, Params()) == 1
    assert max(l.ratio for l in counted) <= Params().second_tolerance + 1e-9


def test_a_last_resort_break_is_never_taken_in_the_first_pass():
    # "Tel." + no-break space + number: the first pass must set the paragraph without the
    # last-resort break when it can, later passes may use it instead of a loose line
    tel = [Box(4.0), Penalty(0.0, 3000, last_resort=True), Glue(SPACE, 0.5, 0.2), Box(6.0)]
    fits = words(5, 5, 3) + [Glue(SPACE, 0.5, 0.2)] + tel  # 5 5 3 Tel. 6: 26 wide
    from presskit.typography.linebreak import _breakpoints

    at = fits.index(tel[1])
    assert at not in _breakpoints(fits, emergency=False, first=True) and at in _breakpoints(fits, emergency=False)
    assert len(break_lines(fits, 27)) == 1
    lines = break_lines(fits, 15)  # "5 5 3" exactly, then "Tel. 6"
    assert [type(fits[l.end]).__name__ for l in lines[:-1]] == ["Glue"]
    # only the break after "Tel." keeps the first line within bounds
    tight = words(7, 7) + [Glue(SPACE, 0.5, 0.2)] + tel
    lines = break_lines(tight, 20.5)
    assert isinstance(tight[lines[0].end], Penalty) and lines[0].ratio <= Params().tolerance
    forbidden = [Penalty(0.0, INF) if isinstance(i, Penalty) else i for i in tight]
    line = break_lines(forbidden, 20.5)[0]
    assert line.ragged or line.ratio > Params().tolerance


def _counting_nodes(monkeypatch) -> list[int]:
    """Count the break nodes the breaker creates (its work, without timing anything)."""
    import presskit.typography.linebreak as linebreak

    created = [0]
    original = linebreak._Node

    class Counted(original):
        __slots__ = ()

        def __init__(self, *args, **kwargs):
            created[0] += 1
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(linebreak, "_Node", Counted)
    return created


def test_a_long_hyphenated_run_keeps_the_states_bounded(monkeypatch):
    # A 1,000-letter word with a hyphenation point after every letter, set ragged: only the
    # emergency pass can set it, and every line of it is hyphenated. The hyphen run used to
    # be a state of its own per line (and every node of a break was kept), so the work grew
    # with the square of the word: 217 s of CPU for one fuzz example.
    created = _counting_nodes(monkeypatch)
    items = [Box(30.0), Glue(3, 1.5, 1)]
    for _ in range(1000):
        items += [Box(6.0), Penalty(3.0, 50, flagged=True, emergency=True)]
    items[-1:] = [Glue(3, 1.5, 1), Box(20.0)]
    lines = break_lines(items, [467.7, 467.7], ragged=True)
    assert len(lines) == 14 and all(l.natural <= 467.7 for l in lines)
    # about two nodes per break and pass; it was more than a thousand
    assert created[0] < 5 * len(items)

