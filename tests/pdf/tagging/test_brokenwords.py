"""The ActualText spans over words hyphenated at line ends, piece by piece (presskit.pdf.tagging.brokenwords)."""

from __future__ import annotations

from presskit.pdf.tagging.brokenwords import BrokenWords, text_string


def _run(calls):
    code = ["BT"]
    broken = BrokenWords(code)

    def write(text, t_star):
        code.append(f"({text}) Tj" + (" T*" if t_star else ""))

    for text, t_star in calls:
        broken.text_out(text, t_star, write)
    broken.finish()
    return code, [(code[b:e + 1], word) for b, e, word in broken.spans]


def test_a_word_over_a_line_end_is_one_span_without_its_soft_hyphen():
    code, spans = _run([("Bankette aus Schotterra\u00ad", 1), ("sen und eine Querungs\u00ad", 1), ("hilfe.", 1)])
    # the space after the tail goes with it (poppler would join the next word to the span's text)
    assert [word for _, word in spans] == ["Schotterrasen ", "Querungshilfe."]
    assert spans[0][0] == ["", "(Schotterra\u00ad) Tj T*", "(sen ) Tj", ""]
    assert code[1] == "(Bankette aus ) Tj"
    drawn = "".join(c.split("(", 1)[1].rsplit(")", 1)[0] for c in code if c.startswith("("))
    assert drawn == "Bankette aus Schotterra\u00adsen und eine Querungs\u00adhilfe."  # split, nothing lost


def test_the_line_end_written_on_its_own_and_a_style_change_inside_the_tail():
    # _putFragLine: the line's last fragment, then an empty text with T*; the tail in two styles
    code, spans = _run([("sollte die Un\u00ad", 0), ("", 1), ("ter", 0), ("lagen bis", 0), (" zum", 1)])
    assert [word for _, word in spans] == ["Unterlagen "]


def test_a_word_longer_than_a_line_spans_three_lines():
    _, spans = _run([("Grund\u00ad", 1), ("stückseigentümer\u00ad", 1), ("erklärung ist da", 1)])
    assert [word for _, word in spans] == ["Grundstückseigentümererklärung "]


def test_a_word_broken_at_the_end_of_a_text_object_gets_no_span():
    _, spans = _run([("am Ende der Sei\u00ad", 1)])
    assert spans == []


def test_hard_hyphens_and_plain_line_ends_are_left_alone():
    _, spans = _run([("Sachsen-", 1), ("Anhalt und", 1), ("weiter", 1)])
    assert spans == []


def test_a_span_cut_by_a_link_boundary_is_dropped():
    code = ["BT"]
    broken = BrokenWords(code)

    def write(text, t_star):
        code.append(f"({text}) Tj")

    broken.text_out("Land\u00ad", 1, write)
    start_of_tail = len(code)
    broken.text_out("kreis und", 1, write)
    assert len(broken.spans) == 1
    broken.unsplit([start_of_tail])
    assert broken.spans == []


def test_text_string_is_utf16_with_a_byte_order_mark():
    assert text_string("Straße") == "<FEFF005300740072006100DF0065>"


def _run_joins(calls):
    """Like _run, with the line setter's join for each text: (text, t_star, join)."""
    code = ["BT"]
    broken = BrokenWords(code)

    def write(text, t_star):
        code.append(f"({text}) Tj" + (" T*" if t_star else ""))

    for text, t_star, join in calls:
        broken.text_out(text, t_star, write, join)
    broken.finish()
    return code, broken


def test_a_typed_hyphen_or_a_url_break_the_line_setter_reports_is_a_broken_word():
    _, broken = _run_joins([("Frau Lindenberg-", 1, ""), ("Oppermann sagt, siehe www.kreis.de/", 1, ""),
                            ("karte/ausbau. Ende", 1, None)])
    assert [word for _, _, word in broken.spans] == ["Lindenberg-Oppermann ", "www.kreis.de/karte/ausbau. "]


def test_a_hyphen_before_a_space_copies_with_the_next_word():
    _, broken = _run_joins([("mehr Bus- ", 1, " "), ("und Bahn", 1, None)])
    assert [word for _, _, word in broken.spans] == ["Bus- und "]


def test_without_the_line_setter_a_hard_hyphen_is_left_alone():
    _, broken = _run_joins([("Bus-", 1, None), ("und Bahn", 1, None)])
    assert broken.spans == []


def test_a_span_begins_where_the_word_begins_in_an_earlier_fragment():
    # ReportLab makes '&' a fragment of its own: the URL's head is three pieces
    code, broken = _run_joins([("siehe https://x.de/a?b=3", 0, None), ("&", 0, None), ("c=1&", 1, ""),
                               ("d=2 heute", 1, None)])
    (begin, end, word), = broken.spans
    assert word == "https://x.de/a?b=3&c=1&d=2 "
    assert code[begin] == "(https://x.de/a?b=3) Tj" and code[begin - 1] == "(siehe ) Tj"
    assert broken.head_end(begin) == code.index("(c=1&) Tj T*")


def test_a_tail_ending_in_a_hyphen_takes_the_next_word_along():
    _, broken = _run_joins([("seine Kü\u00ad", 1, ""), ("chen- und Gartenabfälle", 1, None)])
    assert [word for _, _, word in broken.spans] == ["Küchen- und "]


def test_a_link_boundary_in_the_head_moves_the_span_and_one_in_the_tail_cuts_it_short():
    code, broken = _run_joins([("(", 0, None), ("www.kreis.de/", 1, ""), ("karte", 0, None), (").", 1, None)])
    (begin, end, word), = broken.spans
    link_start = code.index("(www.kreis.de/) Tj T*")
    after_link = code.index("().) Tj T*") if "().) Tj T*" in code else code.index("().) Tj")
    broken.unsplit([link_start, after_link])
    assert broken.spans == [(link_start, after_link - 1, "www.kreis.de/karte")]
