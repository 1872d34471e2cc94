"""Measure line breaking from character positions (pdfplumber), as a reader sees it.

* overflow: how far any glyph (not a space) stands right of the text frame,
  or left of it;
* word spaces: for each text line of the running-text sizes, the widest gap
  between two words divided by the normal width of the spaces in it (the
  width of the space glyph itself, which pdfminer reports without Tw);
* hyphenated lines in a row (a line ending in U+00AD or '-');
* short last lines: a paragraph's last line that is the tail of a hyphenated
  word and shorter than an eighth of the measure.

Spaces the tagger writes at line ends are ignored (they are not between words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

#: Font sizes of running text in presskit's styles (body and lists 10.5, lead 11,
#: about 8.5). Columns (facts, contact) use other sizes and are not measured here.
RUNNING_SIZES = (10.5, 11.0, 8.5)
HYPHENS = ("\u00ad", "-")
_MARKER = re.compile(r"^(?:\d+\.|[•›–])$")


@dataclass
class Line:
    page: int
    top: float
    chars: list[dict]

    @property
    def visible(self) -> list[dict]:
        return [c for c in self.chars if c["text"].strip()]

    @property
    def x0(self) -> float:
        return self.visible[0]["x0"]

    @property
    def x1(self) -> float:
        return self.visible[-1]["x1"]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars).strip()

    def ratios(self) -> list[float]:
        """Each inter-word gap / the normal width of the spaces in it."""
        out = []
        chars = self.chars
        i = 0
        skip_first = bool(_MARKER.match(self.text.split(" ", 1)[0]))
        # skip to the first visible char
        while i < len(chars) and not chars[i]["text"].strip():
            i += 1
        while i < len(chars):
            j = i + 1
            normal = 0.0
            while j < len(chars) and not chars[j]["text"].strip():
                normal += chars[j]["x1"] - chars[j]["x0"]
                j += 1
            if j >= len(chars):
                break
            if j > i + 1 and normal > 0:
                gap = chars[j]["x0"] - chars[i]["x1"]
                if skip_first:
                    skip_first = False  # a list marker and its gap: drawn apart from the text
                else:
                    out.append(gap / normal)
            i = j
        return out

    @property
    def hyphenated(self) -> bool:
        return self.visible[-1]["text"] in HYPHENS


@dataclass
class Measure:
    overflow_right: float = -1e9   # max x1 - frame right over all glyphs
    overflow_left: float = -1e9    # max frame left - x0 over all glyphs
    outside: list[str] = field(default_factory=list)  # glyphs more than 0.01 pt outside
    ratios: list[float] = field(default_factory=list)  # per line: its widest word space
    max_hyphen_run: int = 0
    short_last_lines: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.ratios:
            return 0.0
        values = sorted(self.ratios)
        k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
        return values[k]

    def merge(self, other: "Measure") -> "Measure":
        m = Measure(
            max(self.overflow_right, other.overflow_right),
            max(self.overflow_left, other.overflow_left),
            self.outside + other.outside,
            self.ratios + other.ratios,
            max(self.max_hyphen_run, other.max_hyphen_run),
            self.short_last_lines + other.short_last_lines,
            self.lines + other.lines,
        )
        return m

    def summary(self) -> str:
        return (f"overflow right {self.overflow_right:+.2f} pt, left {self.overflow_left:+.2f} pt; "
                f"word space p50 {self.percentile(50):.2f} p99 {self.percentile(99):.2f} "
                f"max {max(self.ratios, default=0):.2f} (min {min(self.ratios, default=0):.2f}, "
                f"{len(self.ratios)} lines); hyphenated in a row {self.max_hyphen_run}; "
                f"short last lines {len(self.short_last_lines)}")


def _lines(chars: list[dict], page: int) -> list[Line]:
    rows: dict[float, list[dict]] = {}
    for c in chars:
        if not any(abs(c["size"] - s) < 0.01 for s in RUNNING_SIZES):
            continue
        key = round(c["bottom"], 1)
        for k in (key, round(key - 0.1, 1), round(key + 0.1, 1)):
            if k in rows:
                key = k
                break
        rows.setdefault(key, []).append(c)
    out = []
    for key in sorted(rows):
        row = sorted(rows[key], key=lambda c: c["x0"])
        line = Line(page, key, row)
        if line.visible:
            out.append(line)
    return out


def measure(pdf_path: Path, frame_left: float, frame_right: float, measure_width: float | None = None) -> Measure:
    """Measure one PDF whose text frame spans ``frame_left``..``frame_right``."""
    import pdfplumber

    width = measure_width or (frame_right - frame_left)
    result = Measure()
    with pdfplumber.open(str(pdf_path)) as pdf:
        for number, page in enumerate(pdf.pages):
            chars = page.chars
            for c in chars:
                if not c["text"].strip():
                    continue
                right = c["x1"] - frame_right
                left = frame_left - c["x0"]
                result.overflow_right = max(result.overflow_right, right)
                result.overflow_left = max(result.overflow_left, left)
                if right > 0.01 or left > 0.01:
                    result.outside.append(f"page {number + 1}: {c['text']!r} at x {c['x0']:.2f}-{c['x1']:.2f}")
            lines = _lines(chars, number)
            result.lines += lines
            run = 0
            for index, line in enumerate(lines):
                ratios = line.ratios()
                if ratios:
                    result.ratios.append(max(ratios))
                run = run + 1 if line.hyphenated else 0
                result.max_hyphen_run = max(result.max_hyphen_run, run)
                if index and lines[index - 1].hyphenated and not line.hyphenated:
                    ends_paragraph = line.x1 < frame_right - 1.0
                    if ends_paragraph and line.x1 - line.x0 < width / 8:
                        result.short_last_lines.append(f"page {number + 1}: {lines[index - 1].text[-20:]!r} / {line.text!r}")
    return result
