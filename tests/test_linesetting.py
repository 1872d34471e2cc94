"""presskit.pdf.linesetting: ReportLab fragments to boxes, glue and penalties, and back."""

from __future__ import annotations

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import Paragraph

from presskit.pdf.linesetting import ParagraphText, hyphenation_points, line_text, rejoin, set_lines
from presskit.typography.linebreak import Box, Glue, Penalty

STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY)


class Pairs:
    """A hyphenator in ReportLab's form: (head, tail) pairs, heads ending in U+00AD."""

    def __init__(self, points):
        self.points = points

    def __call__(self, word):
        for p in reversed(self.points.get(word, ())):
            yield word[:p] + "\u00ad", word[p:]


class Weighted(Pairs):
    def breaks(self, word):
        return tuple((p, 0 if p == 5 else 80) for p in self.points.get(word, ()))


def text(markup, hyphenator=None):
    frags = Paragraph(markup, STYLE).frags
    return ParagraphText(frags, hyphenator, hyphenate_all=hyphenator is not None)


def test_pairs_give_positions_without_the_soft_hyphen():
    points = hyphenation_points(Pairs({"Kreisstraße": (5, 8)}))
    assert points("Kreisstraße") == ((5, 50.0), (8, 50.0))


def test_weighted_breaks_are_used_when_the_hyphenator_has_them():
    points = hyphenation_points(Weighted({"Kreisstraße": (5, 8)}))
    assert points("Kreisstraße") == ((5, 20.0), (8, 92.0))  # compound boundary cheapest


def test_a_word_across_fragments_is_hyphenated_as_one_word():
    t = text("Der <b>Kreis</b>straßenbau", Pairs({"Kreisstraßenbau": (5, 12)}))
    word = t.words[1]
    assert word.text == "Kreisstraßenbau" and sorted(word.breaks) == [5, 12]
    items = t.items(1000)
    boxes = [i.content.text for i in items if isinstance(i, Box)]
    assert boxes == ["Der", "Kreis", "straßen", "bau"]
    assert [type(i).__name__ for i in items] == ["Box", "Glue", "Box", "Penalty", "Box", "Penalty", "Box"]


def test_punctuation_around_a_word_is_not_hyphenated():
    t = text("„Kreisstraße“, sagte er.", Pairs({"Kreisstraße": (5,)}))
    assert sorted(t.words[0].breaks) == [6]  # after the opening quote


def test_urls_break_only_after_joints_keeping_three_characters():
    t = text("Siehe https://www.ab.de/x/verwaltung/a_b?c=1&d=2 oder name@kreis-x.de.")
    url = t.words[1]
    assert url.url
    cuts = sorted(url.breaks)
    pieces = [url.text[a:b] for a, b in zip([0] + cuts, cuts + [len(url.text)])]
    assert "".join(pieces) == url.text
    assert all(p[-1] in "/.-_?&=@" for p in pieces[:-1])
    assert all(len(p) >= 3 for p in pieces)
    mail = t.words[3]
    assert mail.url and all(mail.text[p - 1] in "/.-_?&=@" for p in mail.breaks)
    assert {kind for kind, _ in url.breaks.values()} == {"url"}


def test_an_address_without_a_scheme_is_a_url_and_not_hyphenated():
    t = text("Siehe ratsinfo.kreis-x.de/sitzungen/aufzeichnung und kreis-x.de, z.B. Dr.med Abs.3 u.a.",
             Pairs({"sitzungen": (3,), "aufzeichnung": (4,)}))
    assert [w.text for w in t.words if w.url] == ["ratsinfo.kreis-x.de/sitzungen/aufzeichnung", "kreis-x.de,"]
    url = t.words[1]
    assert all(url.text[p - 1] in "/.-_?&=@" for p in url.breaks) and url.breaks


def test_explicit_hyphens_break_after_them_and_not_before_one_letter():
    t = text("Sachsen-Anhalt E-Mail")
    assert sorted(t.words[0].breaks) == [8] and t.words[1].breaks == {}


def test_a_no_break_space_never_breaks_but_stretches():
    t = text("Seite\u00a012 und mehr")
    items = t.items(1000)
    i = next(k for k, item in enumerate(items) if isinstance(item, Glue) and item.content.text == "\u00a0")
    assert isinstance(items[i - 1], Penalty) and items[i - 1].penalty >= 10000
    assert items[i].stretch > 0


def test_a_phone_number_may_leave_tel_at_a_line_end_as_a_last_resort_but_stays_whole():
    markup = "Wer Fragen hat, erreicht das B\u00fcrgertelefon des Landkreises unter Tel.\u00a003901\u00a0840-112. Danke."
    t = text(markup)
    ends = []
    for width in range(150, 400, 3):
        lines = set_lines(t, (float(width),), ragged=False)
        for line in lines[:-1]:
            assert not line_text(line).rstrip().endswith("03901"), width
            ends.append(line_text(line).rstrip())
        rejoined = "".join(getattr(f, "text") for f in rejoin(lines))
        assert "840-112" in rejoined
    assert any(end.endswith("Tel.") for end in ends)  # where it saves a line stretched beyond 2x
    # ... and only then: most widths keep "Tel." with its number
    assert sum(end.endswith("Tel.") for end in ends) < len(range(150, 400, 3)) / 2


def test_lines_rejoin_to_the_paragraph_text():
    markup = "Die <b>Kreis</b>verwaltung hat die Straße freigegeben, sagte die Landrätin am Montag. " * 3
    t = text(markup, Pairs({"Kreisverwaltung": (5,), "freigegeben": (4, 7)}))
    lines = set_lines(t, (120.0, 120.0), ragged=False)
    assert len(lines) > 3
    joined = "".join(getattr(f, "text") for f in rejoin(lines))
    assert " ".join(joined.split()) == " ".join(markup.replace("<b>", "").replace("</b>", "").split())
    assert any(line_text(l).endswith("\u00ad") for l in lines)


def test_no_line_starts_with_a_dash():
    t = text("Bund \u2013 Land \u2014 Kreis")
    items = t.items(1000)
    for k, item in enumerate(items):
        if isinstance(item, Box) and item.content.text in ("\u2013", "\u2014"):
            assert isinstance(items[k - 2], Penalty) and items[k - 2].penalty >= 10000
    lines = set_lines(t, (40.0, 40.0), ragged=True)
    assert not any(line_text(l).startswith(("\u2013", "\u2014")) for l in lines)
