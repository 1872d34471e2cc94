"""Tagged PDF (PDF/UA-1) with PDF/A-2 identification for what presskit draws with ReportLab.

* :class:`Tagger` (tagger.py) is attached to the canvas and writes marked content
  while layout code draws through :mod:`presskit.pdf.marking`;
* :class:`Tagged` and :func:`tagged_table` (flowables.py) make flowables draw as
  the content of a :class:`~presskit.pdf.structure.StructNode`;
* :func:`finish` (postprocess.py) writes the structure tree, metadata and
  output intent after layout;
* :func:`inspect_pdf` (inspect.py) reports on a finished PDF.

The package itself imports nothing: layout code imports what it draws with
(:mod:`~presskit.pdf.tagging.flowables`, :mod:`~presskit.pdf.tagging.tagger`)
without loading pikepdf, which only the finishing stage needs.
"""
