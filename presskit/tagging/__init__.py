"""Tagged PDF (PDF/UA-1) with PDF/A-2 identification for what presskit draws with ReportLab.

* :class:`Tagger` (tagger.py) is attached to the canvas and writes marked content
  while layout code draws through :mod:`presskit.marking`;
* :class:`Tagged` and :func:`tagged_table` (flowables.py) make flowables draw as
  the content of a :class:`~presskit.structure.StructNode`;
* :func:`finish` (postprocess.py) writes the structure tree, metadata and
  output intent after layout;
* :func:`inspect_pdf` (inspect.py) reports on a finished PDF.
"""

from presskit.tagging.flowables import Tagged, TableTagging, tag, table_cells, tagged_table
from presskit.tagging.postprocess import Result, finish, finish_with_report
from presskit.tagging.tagger import Mark, Tagger
from presskit.tagging.xmp import DocumentMeta

__all__ = [
    "DocumentMeta", "Mark", "Result", "TableTagging", "Tagged", "Tagger",
    "finish", "finish_with_report", "tag", "table_cells", "tagged_table",
]
