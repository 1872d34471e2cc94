"""The one place where presskit touches ReportLab internals.

Every name used here is not part of ReportLab's documented API; each has a test
in tests/test_rl_internals.py. The code was read against ReportLab 5.1; the
range :data:`CHECKED` accepts is the one pyproject.toml allows (5.x), whose
tests then check each internal. A ReportLab outside it is refused at import, so
an upgrade is a deliberate step (read the code again, run the tests, widen the
range).

Used by the line setting (:mod:`presskit.pdf.linesetting`):

* ``reportlab.platypus.paragraph.ParaLines`` / ``FragLine`` — the line
  structures ``Paragraph.breakLines`` returns (``kind=1``: lines of fragments,
  each with ``extraSpace``, ``wordCount``, ``lineBreak``, ``words``,
  ``fontSize``, ``ascent``, ``descent``, ``maxWidth``, ``sFW``) and that
  ``Paragraph.drawPara`` draws via ``_putFragLine``. Justified lines get the
  PDF word spacing ``extraSpace / (wordCount + nbsp - 1)``; ``lineBreak`` lines
  are drawn without it.
* ``Paragraph._JustifyLast`` — whether the last line of a paragraph that ends
  at a page break is justified (``Paragraph.split`` sets it on its first part).
* ``Paragraph.frags`` — the parsed fragments (``ParaFrag``: ``text``,
  ``fontName``, ``fontSize``, ``link``, ``clone()``), read by
  :mod:`presskit.pdf.linesetting`; a line's ``words`` are clones of them, and the
  text of each is what ``_putFragLine`` hands to ``tx._textOut`` unchanged.

Used by the press kit's contents (:mod:`presskit.pdf.kit`):

* ``Canvas._bookmarkReference(name)`` — the (possibly not yet bound) destination
  object of a bookmark name, which ``bookmarkPage`` binds later; ReportLab's own
  ``linkRect`` makes a ``LinkAnnotation`` object, not a dictionary the tagger
  can mark, so the contents build the link dictionary themselves, see
  :func:`destination_link`.

Used by the tagging (:mod:`presskit.pdf.tagging.brokenwords`):

* ``PDFTextObject._code`` — the content-stream pieces of a text object, see
  :func:`text_code`.
"""

from __future__ import annotations

from typing import Any

import reportlab
from reportlab.platypus import paragraph as _paragraph

CHECKED = ((5, 0), (5, 99))  # (major, minor) accepted; read against 5.1


def _version(text: str) -> tuple[int, int]:
    parts = [int("".join(ch for ch in part if ch.isdigit()) or 0) for part in text.split(".")[:2]]
    return (parts + [0, 0])[0], (parts + [0, 0])[1]


def check_version(version: str = reportlab.Version) -> None:
    found = _version(version)
    if not CHECKED[0] <= found <= CHECKED[1]:
        raise ImportError(
            f"presskit's line setting was checked against ReportLab "
            f"{CHECKED[0][0]}.{CHECKED[0][1]}-{CHECKED[1][0]}.{CHECKED[1][1]}, not {version}"
        )


check_version()

#: The installed ReportLab's version string.
VERSION = reportlab.Version


def frag_line(*, words: list, extra_space: float, word_count: int, line_break: bool, font_size: float,
              ascent: float, descent: float, max_width: float):
    """A ReportLab ``FragLine`` (one line of a ``kind=1`` paragraph)."""
    return _paragraph.FragLine(extraSpace=extra_space, wordCount=word_count, lineBreak=line_break,
                               words=words, fontSize=font_size, ascent=ascent, descent=descent,
                               maxWidth=max_width, sFW=0)


def para_lines(lines: list):
    """The ``blPara`` of a paragraph set as lines of fragments."""
    return _paragraph.ParaLines(kind=1, lines=lines)


def set_justify_last(paragraph, value: bool) -> None:
    """Justify (or not) the last line of ``paragraph`` when it is drawn."""
    paragraph._JustifyLast = bool(value)


def text_code(text_object: Any) -> list[str]:
    """The list of content-stream pieces a ``PDFTextObject`` has written so far.

    ``PDFTextObject._code``: ``BT`` first; every ``_textOut(text, TStar)`` appends
    exactly one entry (the shown text, with `` T*`` when it ends a line); the
    object's ``getCode()`` joins the entries with spaces. Entries may be added
    (marked-content operators between text-showing operators) or blanked.
    """
    return text_object._code


def destination_link(canv: Any, key: str, rect: tuple[float, float, float, float]) -> None:
    """A link annotation (a ``PDFDictionary``, so the tagger can mark it) on the current page
    from ``rect`` (in current coordinates) to the bookmark ``key``, which may be made later."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName

    x1, y1 = canv.absolutePosition(rect[0], rect[1])
    x2, y2 = canv.absolutePosition(rect[2], rect[3])
    annotation = PDFDictionary()
    annotation["Type"] = PDFName("Annot")
    annotation["Subtype"] = PDFName("Link")
    annotation["Rect"] = PDFArray([min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)])
    annotation["Border"] = PDFArray([0, 0, 0])
    annotation["Dest"] = canv._bookmarkReference(key)
    canv._addAnnotation(annotation)
