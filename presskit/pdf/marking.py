"""Hooks by which drawing code says what it draws: content of a structure element, or an artifact.

Layout code calls these around everything it paints. They do nothing unless a
tagger is attached to the canvas (``canvas.presskit_tagger``); the tagging stage
attaches one that writes marked-content sequences (BDC/EMC with MCIDs) and
records which structure element owns which content.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Literal

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from presskit.pdf.structure import StructNode

ArtifactKind = Literal["Pagination", "Layout", "Page", "Background"]


def tagger_of(canv: "Canvas"):
    return getattr(canv, "presskit_tagger", None)


@contextmanager
def content(canv: "Canvas", node: "StructNode") -> Iterator[None]:
    """Everything drawn inside belongs to ``node`` (one marked-content sequence)."""
    tagger = tagger_of(canv)
    if tagger is None:
        yield
        return
    tagger.begin_content(canv, node)
    try:
        yield
    finally:
        tagger.end_content(canv)


@contextmanager
def artifact(canv: "Canvas", kind: ArtifactKind = "Layout") -> Iterator[None]:
    """Everything drawn inside is decoration or pagination, not content."""
    tagger = tagger_of(canv)
    if tagger is None:
        yield
        return
    tagger.begin_artifact(canv, kind)
    try:
        yield
    finally:
        tagger.end_artifact(canv)
