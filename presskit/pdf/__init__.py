"""The PDF output: the content document set on the letterhead as a tagged PDF.

The pipeline reads top to bottom:

* :mod:`~presskit.pdf.styles` (every size and colour, as named styles),
  :mod:`~presskit.pdf.fonts`, :mod:`~presskit.pdf.contrast`;
* :mod:`~presskit.pdf.story` maps a content document to flowables
  (:mod:`~presskit.pdf.flowables`, lines set by :mod:`~presskit.pdf.linesetting`
  with presskit's own line breaker, :mod:`~presskit.pdf.contactlayout`,
  :mod:`~presskit.pdf.images`, :mod:`~presskit.pdf.logo`), each tied to a node
  of the structure tree (:mod:`~presskit.pdf.structure`);
* :mod:`~presskit.pdf.sections` composes stories into sections (running header,
  structure subtree, bookmarks); :mod:`~presskit.pdf.pages` draws the letterhead
  and lays the pages out; :mod:`~presskit.pdf.render` is the single release,
  :mod:`~presskit.pdf.kit` the press kit;
* :mod:`~presskit.pdf.tagging` writes marked content while pages are drawn
  (through :mod:`~presskit.pdf.marking`) and finishes the file as PDF/UA-1 and
  PDF/A-2 afterwards.

ReportLab's private names are used only in :mod:`~presskit.pdf.rl_internals`.
"""
