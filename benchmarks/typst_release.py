"""The same release typeset by Typst (the ``typst`` package on PyPI: the Rust compiler in a wheel).

The engine a press office would pick instead of presskit. Like
``plain_reportlab.py``, this is what a competent user would write: ``yaml.safe_load``
the release, turn it into a small Typst document (title, subtitle, dateline,
lead, the Markdown body split naively on blank lines, the facts box, links,
contact block, closing line; a letterhead on page 1 and a "Seite X von Y"
footer), with the same four Noto Sans faces from ``fonts/`` (system fonts
ignored), German hyphenation and justification, and, to be fair to presskit,
tagged PDF/A-2a (``pdf_standards=["a-2a"]``; with ``--ua`` also PDF/UA-1).

Cold, as a whole process (Python start-up plus ``import typst`` included)::

    python benchmarks/typst_release.py OUT.pdf [RELEASE.yaml]

Warm, in-process, one compiler reused as ``typst watch`` would::

    from typst_release import build
    build("out.pdf")                  # keeps its typst.Compiler between calls
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
RELEASE = ROOT / "releases" / "2019-01-18-stark-sozial-vor-ort.yaml"
STANDARDS = ["a-2a"]

ORGANISATION = "Altmarkkreis Salzwedel"
UNITS = ["Der Landrat", "Büro des Landrates · Pressestelle"]
ADDRESS = [
    "Karl-Marx-Str. 32 · Zimmer 310",
    "29410 Salzwedel",
    "Tel. 03901 840-309/-308",
    "Fax 03901 840-840",
    "pressestelle@altmarkkreis-salzwedel.de",
    "www.altmarkkreis-salzwedel.de",
]
FOOTER = ("Altmarkkreis Salzwedel · Büro des Landrates · Pressestelle · Karl-Marx-Str. 32 · "
          "29410 Salzwedel · Tel. 03901 840-309/-308")

PREAMBLE = r"""
#let primary = rgb("#1B5E7E")
#let accent = rgb("#7A9A2E")
#let muted = rgb("#5F6B73")
#let shade = rgb("#EEF3F6")
#set document(title: TITLE, author: ORG)
#set text(font: "Noto Sans", size: 10.5pt, lang: "de", region: "de", hyphenate: true, fill: rgb("#1D1D1B"))
#set par(justify: true, leading: 0.55em, spacing: 0.9em)
#show heading.where(level: 1): it => block(below: 5pt, text(size: 19pt, weight: "bold", fill: primary, it.body))
#show heading.where(level: 2): it => block(above: 9pt, below: 4pt, text(size: 12pt, weight: "bold", fill: primary, it.body))
#show heading.where(level: 3): it => block(above: 10pt, below: 3pt, text(size: 10pt, weight: "bold", fill: primary, it.body))
#set page(
  paper: "a4",
  margin: (left: 25mm, right: 20mm, top: 53mm, bottom: 35mm),
  background: context if here().page() == 1 {
    place(top + left, dx: 25mm, dy: 20mm, block(width: 165mm, {
      place(top + left, rect(width: 17mm, height: 17mm, fill: primary))
      place(top + left, dx: 22mm, dy: 1mm, {
        text(size: 15pt, weight: "bold", ORG)
        v(1pt)
        text(size: 9pt, fill: muted, UNITS.join(linebreak()))
      })
      place(top + right, align(right, text(size: 7.5pt, fill: muted, ADDRESS.join(linebreak()))))
      place(top + left, dy: 23mm, {
        line(length: 100%, stroke: 1.4pt + primary)
        place(top + left, dy: -0.85pt, line(length: 28mm, stroke: 3.1pt + accent))
      })
    }))
  },
  footer: context {
    line(length: 100%, stroke: 0.5pt + rgb("#C9D2D8"))
    v(-4pt)
    set text(size: 7pt, fill: muted)
    grid(columns: (1fr, auto), FOOTER,
         [Seite #counter(page).display() von #counter(page).final().first()])
  },
)
"""


def s(value) -> str:
    """A Typst string literal (code mode): no markup inside, so no escaping of # * _ < > @ etc."""
    text = " ".join(str(value).split()).replace(" -- ", " – ")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body_markup(body: str) -> list[str]:
    """Naive Markdown, as in plain_reportlab.py: blocks on blank lines; ##, - and > by their first characters."""
    out = []
    for block in body.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            level = min(3, len(lines[0]) - len(lines[0].lstrip("#")))
            out.append(f"#heading(level: {level}, {s(lines[0].lstrip('#').strip())})")
        elif lines[0].startswith("- "):
            out.append("#list(" + ", ".join(f"[#{s(line[2:])}]" for line in lines) + ")")
        elif lines[0].startswith(">"):
            quote = " ".join(line.lstrip(">").strip() for line in lines)
            out.append(f"#pad(left: 6mm, text(style: \"italic\", size: 11.5pt, {s(quote)}))")
        else:
            out.append(f"#par({s(' '.join(lines))})")
    return out


def document(release: dict) -> str:
    date = release["date"]
    dateline = f"{release.get('place', '')}, {date:%d.%m.%Y}" + (f" · Nr. {release['number']}" if release.get("number") else "")
    parts = [
        f"#let TITLE = {s(release['title'])}",
        f"#let ORG = {s(ORGANISATION)}",
        "#let UNITS = (" + ", ".join(s(u) for u in UNITS) + ",)",
        "#let ADDRESS = (" + ", ".join(s(a) for a in ADDRESS) + ",)",
        f"#let FOOTER = {s(FOOTER)}",
        PREAMBLE,
        f"#align(right, text(size: 10pt, {s(dateline)}))",
        f"#heading(level: 1, {s(release['title'])})",
    ]
    if release.get("subtitle"):
        parts.append(f"#block(below: 10pt, text(size: 13pt, fill: muted, {s(release['subtitle'])}))")
    parts.append(f"#par(text(weight: \"bold\", size: 11pt, {s(release['lead'])}))")
    parts += body_markup(release.get("body", ""))
    facts = release.get("facts")
    if facts:
        if isinstance(facts, list):
            facts = {"title": "Auf einen Blick", "items": facts}
        cells = []
        for item in facts.get("items", []):
            pairs = item.items() if isinstance(item, dict) else [("", item)]
            for label, value in pairs:
                cells += [f"text(weight: \"bold\", size: 9.5pt, {s(label)})", f"text(size: 9.5pt, {s(value)})"]
        parts.append(
            "#block(width: 100%, fill: shade, stroke: (left: 2.2pt + primary), inset: 4mm, above: 6mm, below: 6mm, {"
            f"text(weight: \"bold\", size: 10pt, fill: primary, {s(facts.get('title', ''))}); v(2pt); "
            "grid(columns: (42%, 58%), row-gutter: 3pt, " + ", ".join(cells) + ")})"
        )
    for link in release.get("links", []):
        parts.append(f"#text(size: 9pt)[#{s(link['text'])}: #link({s(link['url'])}, {s(link['url'])})]")
    contact = release.get("contact")
    if contact:
        parts.append(f"#heading(level: 2, {s(contact.get('title', 'Pressekontakt'))})")
        for person in contact.get("people", []):
            lines = [f"text(weight: \"bold\", size: 9.5pt, {s(person['name'])})"]
            for key, prefix in (("role", ""), ("phone", "Tel. "), ("email", "")):
                if person.get(key):
                    lines.append(f"text(size: 9pt, {s(prefix + str(person[key]))})")
            parts.append("#block(breakable: false, below: 3mm, {" + "; linebreak(); ".join(lines) + "})")
    if release.get("closing"):
        parts.append(f"#par(text(style: \"italic\", {s(release['closing'])}))")
    return "\n\n".join(parts) + "\n"


_compiler = None


def build(out_path, release_path=RELEASE, standards: list[str] | None = None) -> None:
    """Typeset ``release_path`` into ``out_path`` with one typst.Compiler kept for the process."""
    global _compiler
    import typst

    with open(release_path, encoding="utf-8") as fh:
        release = yaml.safe_load(fh)
    if _compiler is None:
        _compiler = typst.Compiler(font_paths=[str(FONTS)], ignore_system_fonts=True)
    date = release["date"]
    import datetime as dt

    stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
    _compiler.compile(input=document(release).encode("utf-8"), output=str(out_path), format="pdf",
                      pdf_standards=standards if standards is not None else STANDARDS, timestamp=stamp)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python benchmarks/typst_release.py OUT.pdf [RELEASE.yaml] [--ua] [--typ]")
        return 0 if argv else 2
    args = [a for a in argv if not a.startswith("--")]
    if "--typ" in argv:  # print the Typst source instead
        with open(args[1] if len(args) > 1 else RELEASE, encoding="utf-8") as fh:
            print(document(yaml.safe_load(fh)))
        return 0
    build(args[0], args[1] if len(args) > 1 else RELEASE, STANDARDS + (["ua-1"] if "--ua" in argv else []))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
