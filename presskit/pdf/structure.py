"""The logical structure of a document: what each piece of the story *is*.

The story builder creates one :class:`StructNode` per logical element
(headline, paragraph, list item, figure, facts table, contact block, ...)
in reading order and hands it to the flowables that draw it. The tagging
stage turns this tree into the PDF structure tree (PDF/UA); layout code
never needs to know about PDF tags.

Roles are the standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

#: Standard structure types presskit uses.
ROLES = frozenset(
    {
        "Document", "Sect", "Div", "Part",
        "H1", "H2", "H3", "P", "BlockQuote", "Caption", "Note",
        "L", "LI", "Lbl", "LBody",
        "Table", "TR", "TH", "TD",
        "Figure", "Link", "Span", "TOC", "TOCI",
    }
)


@dataclass(eq=False)
class StructNode:
    """One element of the structure tree."""

    role: str
    alt: str | None = None          # alternate description (Figure)
    actual_text: str | None = None  # replacement text (e.g. a drawn mark)
    lang: str | None = None         # only where it differs from the document
    title: str | None = None        # /T, a short name for the element (e.g. "Fakten")
    scope: str | None = None        # TH scope: "Row" or "Column"
    children: list["StructNode"] = field(default_factory=list)
    parent: "StructNode | None" = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown structure role {self.role!r}")

    def add(self, role: str, **attrs: object) -> "StructNode":
        child = StructNode(role, **attrs)  # type: ignore[arg-type]
        child.parent = self
        self.children.append(child)
        return child

    def walk(self) -> Iterator["StructNode"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def outline(self, indent: int = 0) -> str:
        """A readable dump of the tree, for debugging and tests."""
        extra = f" alt={self.alt!r}" if self.alt else ""
        lines = ["  " * indent + self.role + extra]
        lines += [child.outline(indent + 1) for child in self.children]
        return "\n".join(lines)


def new_document() -> StructNode:
    return StructNode("Document")
