"""Reading a page's content stream for marked content: which paint is tagged, which is not.

Used by :mod:`.postprocess` (to wrap stray painting in an /Artifact, and say so)
and by :mod:`.inspect` (to report it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf

#: Operators that put marks on the page (ISO 32000-1, tables 51, 57, 77, 92).
TEXT_SHOW = frozenset({"Tj", "TJ", "'", '"'})
PATH_PAINT = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
OTHER_PAINT = frozenset({"Do", "sh", "INLINE IMAGE"})
PAINT = TEXT_SHOW | PATH_PAINT | OTHER_PAINT
PATH_BUILD = frozenset({"m", "l", "c", "v", "y", "h", "re"})

#: The operators :func:`scan` looks at, for ``pikepdf.parse_content_stream(..., operators=...)``:
#: parsing only these is about a third faster. (pikepdf reports an inline image as
#: "INLINE IMAGE" when its BI/ID/EI operators are asked for.)
SCANNED_OPERATORS = " ".join(
    sorted((PAINT - {"INLINE IMAGE"}) | PATH_BUILD | {"BDC", "BMC", "EMC", "Tf", "n", "BI", "ID", "EI"})
)


@dataclass
class PageScan:
    """What one page's content stream holds, as far as tagging is concerned."""

    page: int
    mcids: list[int] = field(default_factory=list)          # in content order
    untagged: list[tuple[int, int, str]] = field(default_factory=list)  # (first, last instruction, operator)
    nesting: list[str] = field(default_factory=list)        # artifact in content, content in artifact, ...
    text_fonts: set[str] = field(default_factory=set)       # resource names used with Tf


def scan(instructions: list[Any], page: int = 0) -> PageScan:
    result = PageScan(page)
    stack: list[str] = []     # "mcid", "artifact" or "other" per open sequence
    path_start: int | None = None
    for i, instruction in enumerate(instructions):
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            operands = instruction.operands
            tag = str(operands[0])
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            if tag == "/Artifact":
                kind = "artifact"
            elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                kind = "mcid"
                result.mcids.append(int(props.MCID))
            else:
                kind = "other"
            if kind == "artifact" and "mcid" in stack:
                result.nesting.append(f"artifact inside tagged content at instruction {i}")
            if kind == "mcid" and "artifact" in stack:
                result.nesting.append(f"tagged content (MCID {result.mcids[-1]}) inside an artifact at instruction {i}")
            if kind == "mcid" and "mcid" in stack:
                result.nesting.append(f"MCID {result.mcids[-1]} nested in another MCID at instruction {i}")
            stack.append(kind)
        elif op == "EMC":
            if stack:
                stack.pop()
            else:
                result.nesting.append(f"EMC without BDC at instruction {i}")
        elif op in PATH_BUILD:
            if path_start is None:
                path_start = i
        elif op == "Tf":
            result.text_fonts.add(str(instruction.operands[0]))
        elif op in PAINT or op == "n":
            start = path_start if (op in PATH_PAINT or op == "n") and path_start is not None else i
            path_start = None
            if op == "n":
                continue
            if "artifact" not in stack and "mcid" not in stack:
                result.untagged.append((start, i, op))
    if stack:
        result.nesting.append(f"{len(stack)} marked-content sequence(s) not closed at the end of the page")
    return result


def wrap_untagged(instructions: list[Any], found: PageScan) -> list[Any]:
    """The instructions with every untagged painting operation wrapped as a layout artifact."""
    starts = {first: last for first, last, _ in found.untagged}
    ends = {last for _, last, _ in found.untagged}
    out: list[Any] = []
    artifact = pikepdf.Name.Artifact
    bmc, emc = pikepdf.Operator("BMC"), pikepdf.Operator("EMC")
    for i, instruction in enumerate(instructions):
        if i in starts:
            out.append(pikepdf.ContentStreamInstruction([artifact], bmc))
        out.append(instruction)
        if i in ends:
            out.append(pikepdf.ContentStreamInstruction([], emc))
    return out


def describe(found: PageScan, instructions: list[Any], limit: int = 3) -> str:
    ops = ", ".join(
        " ".join(_short(x) for x in instructions[last].operands) + " " + op if op in TEXT_SHOW else op
        for _, last, op in found.untagged[:limit]
    )
    more = f" and {len(found.untagged) - limit} more" if len(found.untagged) > limit else ""
    return f"page {found.page + 1}: {len(found.untagged)} painting operator(s) outside marked content ({ops}{more})"


def _short(operand: Any) -> str:
    text = repr(operand)
    return text if len(text) < 40 else text[:37] + "..."
