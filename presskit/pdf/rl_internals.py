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

Used by the tagging (:mod:`presskit.pdf.tagging.tagger`,
:mod:`presskit.pdf.tagging.brokenwords`):

* ``PDFTextObject._code`` — the content-stream pieces of a text object, read
  (:func:`text_code`) and replaced by the marked-content sequences around links
  and broken words (:func:`set_text_code`).
* ``PDFTextObject._textOut`` — where platypus writes each run of a paragraph's
  text, wrapped for line-end spaces, links and broken words
  (:func:`wrap_text_out`).
* ``PDFTextObject._linkRecord`` — the hook ``_putFragLine`` reports link starts
  and ends to (:func:`set_link_record`).
* ``Canvas._code`` — the current page's content-stream pieces: where a
  marked-content sequence begins, and its ``BDC`` taken back when it painted
  nothing (:func:`canvas_code`).
* ``Canvas._addAnnotation`` — wrapped to mark every annotation put on a page
  (:func:`wrap_add_annotation`).

Used by the tagged tables and flowables (:mod:`presskit.pdf.tagging.flowables`):

* ``Table._cellvalues`` — the rows, recognised by identity across splits
  (:func:`table_rows`).
* ``Table._renderCB`` — the draw callback, set after the table is made because it
  needs the normalised rows (:func:`set_render_callback`).
* ``Flowable._fixedWidth`` / ``_fixedHeight`` — taken from the wrapped flowable
  by ``Tagged`` (:class:`DelegatedFixedSize`).

Used by the layout (:mod:`presskit.pdf.flowables`, ``KeepOnOnePage``):

* ``KeepTogether._H``, ``_wrapInfo``, ``_content`` — the height of its content at
  a size, and the content (:func:`keep_together_height`,
  :func:`keep_together_content`).

Used by the document build (:func:`presskit.pdf.pages.build_document`):

* ``BaseDocTemplate._doSave`` — the build leaves the canvas unsaved, so that the
  page count forms are drawn first (:func:`defer_save`).
* ``BaseDocTemplate._makeCanvas`` — wrapped to attach the tagger to the build's
  canvas (:func:`on_new_canvas`).

Not ReportLab's, though spelt alike: ``TextParagraph._preset`` and
``Stack._measured`` (:mod:`presskit.pdf.flowables`) are presskit's own.
tests/test_rl_internals.py scans presskit for any of the names above outside
this module.
"""

from __future__ import annotations

from typing import Any, Callable

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


# -- canvas -------------------------------------------------------------------------------


def canvas_code(canv: Any) -> list[str]:
    """The list of content-stream pieces of the canvas's current page (``Canvas._code``).

    ``addLiteral`` appends exactly one entry; ``showPage`` joins the entries with
    newlines into the page's stream and starts an empty list. The tagger reads its
    length to know where a marked-content sequence begins, and deletes the ``BDC``
    entry of a sequence that painted nothing.
    """
    return canv._code


def wrap_add_annotation(canv: Any, hook: Callable[[Any], None]) -> None:
    """Call ``hook(annotation)`` before each annotation ``canv`` puts on the current page.

    ``Canvas._addAnnotation(annotation, name=None, addtopage=1)`` is where every
    annotation goes (``linkURL``, ``linkRect``, ``linkAbsolute``, platypus links,
    :func:`destination_link`); with ``addtopage`` it goes into the current page's
    ``/Annots``. Annotations not added to the page are passed on without ``hook``.
    """
    add_annotation = canv._addAnnotation

    def _addAnnotation(annotation: Any, name: Any = None, addtopage: int = 1) -> None:  # noqa: N802
        if addtopage:
            hook(annotation)
        add_annotation(annotation, name, addtopage)

    canv._addAnnotation = _addAnnotation


# -- text objects -------------------------------------------------------------------------


def set_text_code(text_object: Any, code: list[str]) -> None:
    """Replace the content-stream pieces of a ``PDFTextObject`` (see :func:`text_code`);
    ``getCode()`` (what ``Canvas.drawText`` writes) joins the new list."""
    text_object._code = code


def wrap_text_out(text_object: Any, wrapper: Callable[[Callable[[str, int], None], str, int], None]) -> None:
    """Route every ``text_object._textOut(text, TStar)`` through ``wrapper(original, text, TStar)``.

    ``PDFTextObject._textOut`` writes one text-showing entry into
    :func:`text_code` (with `` T*`` when ``TStar``). Platypus' ``Paragraph``
    drawing (``_putFragLine``, ``_leftDrawParaLine`` ...) writes all its text
    through it, once per run of words in one font, ending each line with
    ``TStar=1``; ``textOut``/``textLine`` do not call it.
    """
    original = text_object._textOut

    def _textOut(text: str, TStar: int = 0) -> None:  # noqa: N802,N803 - ReportLab's names
        wrapper(original, text, TStar)

    text_object._textOut = _textOut


def set_link_record(text_object: Any, record: Callable[[Any, str], None]) -> None:
    """Have platypus report the links it draws in ``text_object``: ``record(link, "start")``
    / ``record(link, "end")``.

    ``paragraph._putFragLine`` reads ``tx._linkRecord`` (a no-op if absent) and calls
    it just after writing the first fragment of a link and just before the first
    fragment after it (or after the line's last one); a link is ``(n, href)``.
    """
    text_object._linkRecord = record


# -- tables -------------------------------------------------------------------------------


def table_rows(table: Any) -> list:
    """The rows of cell values of a platypus ``Table`` (``Table._cellvalues``), as
    ``Table.__init__`` normalised them.

    The parts ``Table.split`` makes between rows hold the same row objects (header
    rows repeated with ``repeatRows`` too); a row split inside is copied.
    """
    return table._cellvalues


def set_render_callback(table: Any, callback: Callable[..., None]) -> None:
    """Set a ``Table``'s ``renderCB`` after it was made (``Table._renderCB``).

    ``Table.draw`` calls ``callback(table, event, ...)`` around the background
    (``startBG``/``endBG``), the rules (``startLines``/``endLines``) and each cell
    (``startCell``/``endCell`` with row and column numbers in the drawn part), and
    ``Table.split`` gives it to the parts.
    """
    table._renderCB = callback


# -- flowables ----------------------------------------------------------------------------


class DelegatedFixedSize:
    """Mixin for a flowable that wraps ``self.flowable``: its ``Flowable._fixedWidth`` /
    ``_fixedHeight`` are the wrapped one's.

    ``Flowable`` sets them to 0 at class level ("wrap results depend on the
    arguments"); ``Table`` reads ``_fixedWidth`` of a cell's flowable to take its
    ``width`` as the column width without wrapping it.
    """

    @property
    def _fixedWidth(self) -> Any:  # noqa: N802
        return getattr(self.flowable, "_fixedWidth", 0)

    @property
    def _fixedHeight(self) -> Any:  # noqa: N802
        return getattr(self.flowable, "_fixedHeight", 0)


def keep_together_height(keep: Any, avail_width: float, avail_height: float) -> float:
    """The height of a ``KeepTogether``'s content at this size (``KeepTogether._H``),
    wrapping it first unless ``KeepTogether.wrap`` last ran for this size (``_wrapInfo``)."""
    if getattr(keep, "_wrapInfo", None) != (avail_width, avail_height):
        keep.wrap(avail_width, avail_height)
    return keep._H


def keep_together_content(keep: Any) -> list:
    """The flowables a ``KeepTogether`` holds (``KeepTogether._content``)."""
    return keep._content


# -- doc templates ------------------------------------------------------------------------


def defer_save(doc: Any) -> None:
    """Have ``doc.build`` leave the canvas unsaved: ``BaseDocTemplate._endBuild``
    saves ``doc.canv`` unless ``doc._doSave`` is false. The caller saves it."""
    doc._doSave = 0


def on_new_canvas(doc: Any, hook: Callable[[Any], None]) -> None:
    """Call ``hook(canvas)`` on each canvas ``doc`` makes (``BaseDocTemplate._makeCanvas``,
    which makes, sets up and returns the build's canvas in ``_startBuild``)."""
    original = doc._makeCanvas

    def make_canvas(*args: Any, **kwargs: Any) -> Any:
        canv = original(*args, **kwargs)
        hook(canv)
        return canv

    doc._makeCanvas = make_canvas
