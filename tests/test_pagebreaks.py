"""Page breaks a reader would fault (issue 6, point 6), over a sweep of page positions.

One release is built with a growing first paragraph, so that every later element
(a quote and its attribution, a sentence introducing a list, the contact block,
the boilerplate, the closing line, hyphenated words) meets the foot of a page in
some variant.  Each variant is checked from the extracted page texts.
"""

from __future__ import annotations

import pikepdf
import pytest

from presskit.source.brand import default_brand
from presskit.pdf.flowables import TextParagraph
from presskit.jobs import build_one
from presskit.pdf.render import make_theme

from conftest import REPO  # at import time: tests/web has a conftest of its own
from pdfcheck import normalise, page_story_texts

SENTENCE = "Der Kreistag hat in seiner Sitzung ausführlich über die Kreisstraßen beraten. "
BODY = """\
title: Kreistag berät über Straßen, Schulen und Breitbandversorgung
date: 2026-12-03
body: |
  {filler}

  Die Kreisverwaltung hat die Bedarfsgemeinschaften, Grundstückseigentümererklärungen und
  Hausübergabepunkte im Blick, die Breitbandkoordinatoren berichten regelmäßig.

  > "Wer hier jeden Tag zur Arbeit fährt, hat lange gewartet. Ich danke allen
  > Anwohnerinnen und Anwohnern für ihre Geduld während der Umleitung."
  > — Erika Mustermann, Leiterin des Fachdienstes Straßen

  Die Verwaltung setzt dabei auf drei Dinge, die zusammenpassen:

  - verlässliche Planung der Bauabschnitte und Umleitungen
  - frühzeitige Information der Anwohnerinnen und Anwohner
  - Zusammenarbeit mit den Gemeinden und Versorgungsunternehmen

  Die Verkehrsfreigabe der Kreisstraße ist für das Frühjahr vorgesehen. Die
  Kreisverwaltung informiert über den Fortgang der Arbeiten.
contact:
  title: Pressekontakt
  people:
    - name: Erika Mustermann
      role: Leiterin des Fachdienstes Straßen
      phone: 03901 840-412
      email: erika.mustermann@altmarkkreis-salzwedel.de
    - name: Max Mustermann
      role: Wirtschaftsförderung
      phone: 03901 840-511
      email: max.mustermann@altmarkkreis-salzwedel.de
"""

VARIANTS = range(0, 60, 3)


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sweep")
    pages = {}
    for count in VARIANTS:
        filler = (SENTENCE * (20 + count)).strip()
        filler_paragraphs = "\n\n  ".join([filler, SENTENCE * 8, SENTENCE * 9])
        source = folder / f"v{count}.yaml"
        source.write_text(BODY.format(filler=filler_paragraphs), encoding="utf-8")
        result = build_one(source, folder / f"v{count}.pdf")
        assert result.ok, result.diagnostics
        pages[count] = page_story_texts(folder / f"v{count}.pdf")
    return pages


def test_the_sweep_spans_page_breaks(sweep):
    counts = {len(pages) for pages in sweep.values()}
    assert len(counts) >= 2, counts  # the variants move the elements across a break


def test_no_attribution_alone_at_the_top_of_a_page(sweep):
    for count, pages in sweep.items():
        for page in pages[1:]:
            assert not normalise(page).startswith("—"), (count, page[:80])


def test_no_sentence_introducing_a_list_at_a_page_foot(sweep):
    for count, pages in sweep.items():
        for page in pages[:-1]:
            assert not normalise(page).endswith(":"), (count, page[-80:])


def test_no_hyphenated_word_across_a_page_break(sweep):
    for count, pages in sweep.items():
        for page in pages[:-1]:
            end = page.rstrip(" \n")
            assert not end.endswith(("\u00ad", "-")), (count, end[-60:])


def test_last_page_never_holds_only_boilerplate_or_closing(sweep):
    for count, pages in sweep.items():
        last = normalise(pages[-1])
        assert not last.startswith("Über den Altmarkkreis"), (count, last[:80])
        assert not last.startswith("Ihre Pressestelle"), (count, last[:80])
        assert "Ihre Pressestelle des Altmarkkreises Salzwedel" in last


def _ends_hyphenated(paragraph) -> bool:
    """Whether the last drawn line of ``paragraph`` ends in a (soft) hyphen."""
    last = paragraph.blPara.lines[-1]
    return "".join(getattr(w, "text", "") for w in last.words).endswith(("\u00ad", "-"))


def test_paragraph_split_never_ends_a_part_on_a_hyphen():
    theme = make_theme(default_brand(), "de")
    style = theme.style("body")
    text = ("Die Kreisverwaltung informiert über Grundstückseigentümererklärungen und Breitbandkoordinatoren "
            "sowie Hausübergabepunkte im Verkehrsfreigabeverfahren der Bedarfsgemeinschaften. ") * 5
    checked = 0
    for width in range(280, 470, 9):
        whole = TextParagraph(text, style)
        whole.wrap(width, 1e6)
        for lines in range(2, len(whole.blPara.lines) - 1):
            paragraph = TextParagraph(text, style)
            paragraph.wrap(width, 1e6)
            parts = paragraph.split(width, lines * style.leading + 0.1)
            if len(parts) == 2:
                parts[0].wrap(width, 1e6)  # a part is laid out when it is wrapped
                assert not _ends_hyphenated(parts[0]), (width, lines)
                checked += 1
    assert checked > 50



def _line_texts(paragraph) -> list[str]:
    lines = []
    for line in paragraph.blPara.lines:
        words = getattr(line, "words", None)
        if words is not None:
            lines.append("".join(getattr(w, "text", "") for w in words))
        else:
            lines.append(" ".join(line[1]))
    return lines


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_headline_line_starts_with_a_dash(lang):
    from presskit.typography.markup import to_markup
    from presskit.typography.parse import parse_inline

    theme = make_theme(default_brand(), lang)
    style = theme.style("title")
    title = "Kreisstraße zwischen Lindenhagen - Wiesenbrück nach acht Monaten -- endlich -- freigegeben"
    markup = to_markup(parse_inline(title, lang))
    # the smartening glues a spaced dash to the word before it (the line setter, too,
    # never breaks before a lone dash: tests/test_linesetting.py)
    assert markup.count("\u00a0–") == 3, markup
    for width in range(150, 470, 2):
        paragraph = TextParagraph(markup, style)
        paragraph.wrap(width, 1e6)
        lines = _line_texts(paragraph)
        assert len(lines) >= 2
        for line in lines[1:]:
            assert not line.lstrip().startswith(("–", "—", "-")), (width, lines)


def test_without_contact_block_the_boilerplate_keeps_with_the_text_before(tmp_path):
    """A brand without a contact block: boilerplate and closing keep with what precedes them."""
    brand = (REPO / "presskit" / "data" / "brand.yaml").read_text(encoding="utf-8")
    start = brand.index("\ncontact:\n")
    end = brand.index("\nabout_title:")
    (tmp_path / "presskit.yaml").write_text(brand[:start] + brand[end:], encoding="utf-8")
    body = BODY[: BODY.index("contact:\n")]
    last_pages = []
    for count in range(0, 60, 4):
        filler = "\n\n  ".join([(SENTENCE * (20 + count)).strip(), SENTENCE * 8, SENTENCE * 9])
        source = tmp_path / f"n{count}.yaml"
        source.write_text(body.format(filler=filler), encoding="utf-8")
        result = build_one(source, tmp_path / f"n{count}.pdf")
        assert result.ok, result.diagnostics
        pages = page_story_texts(tmp_path / f"n{count}.pdf")
        last = normalise(pages[-1])
        assert "Pressekontakt" not in last
        assert not last.startswith(("Über den Altmarkkreis", "Ihre Pressestelle")), (count, last[:80])
        last_pages.append(len(pages))
    assert len(set(last_pages)) >= 2


def test_a_long_quote_never_leaves_its_attribution_alone_on_the_next_page(tmp_path):
    """At every position of a page foot inside a four-line quote, the attribution has
    quote lines with it. The frame offers the rest of a split Stack the room left on
    the same page, where it is split again: the lines that went along with the
    attribution must still keep with it there (the keep-with-next flag sits on the
    Tagged wrapper, whose split parts are new wrappers)."""
    import pypdfium2 as pdfium
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from presskit.pdf.flowables import Decoration, Stack, Tagged

    theme = make_theme(default_brand(), "de")
    text = ("„Die Biotonne ist keine Schikane, sondern die einfachste Art, Geld und Rohstoffe zu sparen. "
            "Aus dem Bioabfall entstehen in der Vergärungsanlage Strom, Wärme und Kompost. Jede "
            "Bananenschale, die nicht im Restmüll landet, macht die Verbrennung billiger.“")
    width, height = 300.0, 400.0
    lines = TextParagraph(text, theme.style("quote"))
    lines.wrap(width - 12, 1e6)
    assert len(lines.blPara.lines) >= 4
    checked = 0
    for top in range(150, 330, 2):
        quote = Tagged(TextParagraph(text, theme.style("quote")), None)
        quote.keepWithNext = 1  # as the story sets it
        attribution = Tagged(TextParagraph("— Rüdiger Vogelsang-Thielemann, Werkleiter", theme.style("quote-attribution")), None)
        stack = Stack([quote, attribution], Decoration(padding=(6, 0, 6, 12)))
        pdf = tmp_path / f"q{top}.pdf"
        doc = SimpleDocTemplate(str(pdf), pagesize=(width + 20, height + 20), leftMargin=10, rightMargin=10,
                                topMargin=10, bottomMargin=10)
        doc.build([Spacer(1, top), stack])
        document = pdfium.PdfDocument(pdf)
        pages = [document[i].get_textpage().get_text_range().strip() for i in range(len(document))]
        document.close()
        for page in pages[1:]:
            assert not page.startswith("—"), (top, pages)
        checked += len(pages) > 1
    assert checked > 20


def test_no_bundled_example_leaves_a_quote_attribution_alone_on_a_page(built_examples):
    """The partnership visit once started its page 2 with "— Councillor Sam Sample, …"."""
    import layoutmetrics as lm

    assert "2026-11-20-partnership-visit" in built_examples
    for name, built in built_examples.items():
        with pikepdf.open(built.pdf) as doc:
            page_width = float(doc.pages[0].mediabox[2])
        m = lm.measure(built.pdf, (25 * lm.MM, page_width - 20 * lm.MM), ())
        assert m.findings["lone_attribution"] == [], (name, m.findings["lone_attribution"])


HEADED = """\
title: Kreisstraße wieder frei
date: 2026-12-03
body: |
  {filler}

  ## Umleitung aufgehoben

  Mit der Freigabe ist die Umleitung über die Nachbarorte aufgehoben. Die Schulbusse
  fahren ab Montag, 7. Dezember, wieder nach dem regulären Fahrplan. Kleinere
  Restarbeiten an den Banketten und die Fertigstellung der Pflanzungen erfolgen bis
  zum Frühjahr 2027 unter halbseitiger Sperrung mit Ampelregelung.

  ## Auf einen Blick

  - K 1390 Lindenhagen – Wiesenbrück, 4,8 km
  - Bauzeit von April bis Dezember 2026
"""


def test_a_heading_never_ends_a_page_when_what_follows_cannot_split_there(tmp_path):
    # The four-line paragraph after the heading (from the road release) cannot split where
    # the page leaves room for the heading and three lines: two lines must stay together at
    # either end, and its second line ends in a hyphen ("Ban-ketten"), after which no page
    # breaks. The heading must then go over with it (it stayed alone at the foot of page 3
    # of the example kit). One sentence more per variant walks the heading through every
    # position at the foot of page 1.
    ended_pages = 0
    for count in range(26, 46):
        source = tmp_path / f"h{count}.yaml"
        source.write_text(HEADED.format(filler=(SENTENCE * count).strip()), encoding="utf-8")
        result = build_one(source, tmp_path / f"h{count}.pdf")
        assert result.ok, result.diagnostics
        pages = page_story_texts(tmp_path / f"h{count}.pdf")
        ended_pages += len(pages) > 1
        for page in pages[:-1]:
            last = [line for line in page.splitlines() if line.strip()][-1]
            assert normalise(last) not in ("Umleitung aufgehoben", "Auf einen Blick"), (count, page[-120:])
    assert ended_pages >= 10  # the sweep did cross the page foot
