"""The typesetting figures of issue 6 for every corpus release at every text width.

    python benchmarks/corpus_report.py [--widths narrow,default,wide] [--examples] [--details] [--keep DIR]

Builds tests/corpus/*.yaml with the CLI's build function at the widths of
tests/layoutmetrics.py (the bundled brand with other left/right margins) and
prints one row per PDF, then totals per width and for everything. Columns
(definitions in tests/layoutmetrics.py):

  pp      pages
  out     glyphs outside the text frame / worst excess in pt
  just    justified lines measured
  >2x     lines with a word space over 2x normal / >2.5x / largest ratio
  pgbrk   hyphenated words across a page break
  attr    quote attributions alone on a page
  end     last page holding only the closing line/boilerplate
  frag    paragraphs ending in a hyphenated fragment < 1/8 line / smallest share
  ladder  runs of > 2 hyphenated lines / longest run
  colon   page feet ending in ':'
  indent  paragraph lines (not the first) starting with a drawn space or further right
  cp-pop  title/lead/body words not whole in pdftotext output
  cp-pdf  ... in pypdfium2's text
  cp-oth  facts/links/contact words not whole (poppler + PDFium)
  addr    printed URLs/e-mail addresses not whole in copied text (poppler + PDFium;
          no line break inside)
  brk     ... drawn broken elsewhere than right after / . - _ ? & = @

--examples adds the bundled releases/*.yaml; --details prints every finding
under the table. It is a report: exit status 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import layoutmetrics as lm  # noqa: E402

HEADER = ("release", "width", "pp", "out", "just", ">2x", "pgbrk", "attr", "end", "frag", "ladder", "colon", "indent",
          "cp-pop", "cp-pdf", "cp-oth", "addr", "brk")


def _row(label: str, width: str, results: list[lm.CorpusResult]) -> tuple[str, ...]:
    ms = [r.measures for r in results]

    def n(check: str) -> int:
        return sum(m.count(check) for m in ms)

    def worst(check: str, pick=max) -> float:
        values = [f.value for m in ms for f in m.findings[check]]
        return pick(values) if values else 0.0

    spacing = max((m.spacing_max for m in ms), default=0.0)
    frag = n("short_fragment")
    return (
        label, width,
        str(sum(m.pages for m in ms)) if len(ms) > 1 else str(ms[0].pages),
        f"{n('overflow')}/{worst('overflow'):.2f}",
        str(sum(m.justified_lines for m in ms)),
        f"{n('spacing_over_2')}/{n('spacing_over_2_5')}/{spacing:.2f}",
        str(n("page_break_hyphen")),
        str(n("lone_attribution")),
        str(n("lonely_end")),
        f"{frag}/{worst('short_fragment', min):.3f}" if frag else "0",
        f"{n('ladder')}/{int(worst('ladder'))}" if n("ladder") else "0",
        str(n("colon_foot")),
        str(n("stray_indent")),
        str(sum(len(r.copy["poppler"]) for r in results)),
        str(sum(len(r.copy["pdfium"]) for r in results)),
        str(sum(len(r.copy["poppler-other"]) + len(r.copy["pdfium-other"]) for r in results)),
        str(sum(len(r.copy["poppler-addr"]) + len(r.copy["pdfium-addr"]) for r in results)),
        str(sum(len(r.copy["drawn-addr"]) for r in results)),
    )


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    for k, row in enumerate([HEADER, *rows]):
        print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
        if k == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--widths", default=",".join(lm.WIDTHS), help="comma-separated, from: " + ", ".join(lm.WIDTHS))
    parser.add_argument("--examples", action="store_true", help="measure releases/*.yaml too")
    parser.add_argument("--details", action="store_true", help="list every finding")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the PDFs")
    args = parser.parse_args(argv)
    widths = [w.strip() for w in args.widths.split(",") if w.strip()]
    for width in widths:
        if width not in lm.WIDTHS:
            parser.error(f"unknown width {width!r}")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        sources = lm.corpus_files() + (sorted((ROOT / "releases").glob("*.yaml")) if args.examples else [])
        results = [lm.build_and_measure(src, width, folder) for src in sources for width in widths]
    elapsed = time.perf_counter() - started

    rows = [_row(r.name, r.width, [r]) for r in results]
    rows += [_row("TOTAL", width, [r for r in results if r.width == width]) for width in widths]
    rows.append(_row("TOTAL", "all", results))
    _print_table(rows)

    lines = sum(r.measures.justified_lines for r in results)
    over2 = sum(r.measures.count("spacing_over_2") for r in results)
    ratios = sorted(x for r in results for x in r.measures.spacing)
    p99 = ratios[min(len(ratios) - 1, int(0.99 * len(ratios)))] if ratios else 0.0
    print()
    print(f"{len(results)} PDFs ({len(sources)} releases x {len(widths)} widths) in {elapsed:.1f} s")
    print(f"justified lines: {lines}; word space > 2x normal on {over2} ({over2 / max(lines, 1):.1%}); "
          f"p50 {ratios[len(ratios) // 2] if ratios else 0:.2f}x, p99 {p99:.2f}x, max {ratios[-1] if ratios else 0:.2f}x "
          "(target: <= 2x on 99 %, never > 2.5x)")
    if args.details:
        for r in results:
            found = [(check, f) for check in lm.CHECKS for f in r.measures.findings[check]]
            copies = {k: v for k, v in r.copy.items() if v}
            if not found and not copies:
                continue
            print(f"\n{r.label} ({r.pdf.name})")
            for check, f in found:
                print(f"  {check}: {f}")
            for tool, words in copies.items():
                print(f"  copy {tool}: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
