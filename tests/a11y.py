"""Helpers for the accessibility tests: read a finished PDF the way a checker would.

Independent of ``presskit.pdf.tagging`` on purpose: the content scan, the structure
tree walk and the ParentTree reader are written here from ISO 32000-1 (14.6,
14.7) so that a bug in the tagging package cannot hide itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pikepdf

# ISO 32000-1, tables 51 (path painting), 57 (XObjects), 77 (shading), 107 (text showing)
TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PATH_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
PATH_BUILD = {"m", "l", "c", "v", "y", "h", "re"}
OTHER_PAINT = {"Do", "sh", "INLINE IMAGE"}

BASE14 = (
    "Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats",
)

SOFT_HYPHEN = "\u00ad"


# -- content streams -----------------------------------------------------------------


@dataclass
class ContentScan:
    """One page's painting, as far as marked content is concerned."""

    untagged: list[str] = field(default_factory=list)  # painting operators outside MCID/Artifact
    mcids: list[int] = field(default_factory=list)      # in content order
    nesting: list[str] = field(default_factory=list)
    paint: int = 0


def scan_page(page: pikepdf.Page) -> ContentScan:
    """Which painting operators of ``page`` are in an MCID sequence or an /Artifact, which in neither."""
    out = ContentScan()
    stack: list[str] = []
    path_open = False
    for i, ins in enumerate(pikepdf.parse_content_stream(page)):
        op = str(ins.operator)
        if op in ("BDC", "BMC"):
            tag = str(ins.operands[0])
            props = ins.operands[1] if op == "BDC" else None
            if tag == "/Artifact":
                kind = "artifact"
            elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                kind = "mcid"
                out.mcids.append(int(props.MCID))
            else:
                kind = "other"
            if kind == "mcid" and ("mcid" in stack or "artifact" in stack):
                out.nesting.append(f"MCID {out.mcids[-1]} inside {stack}")
            if kind == "artifact" and "mcid" in stack:
                out.nesting.append(f"artifact inside MCID at instruction {i}")
            stack.append(kind)
            continue
        if op == "EMC":
            if not stack:
                out.nesting.append(f"EMC without BDC at instruction {i}")
            else:
                stack.pop()
            continue
        if op in PATH_BUILD:
            path_open = True
            continue
        painting = op in TEXT_SHOW or op in PATH_PAINT or op in OTHER_PAINT or (op == "n" and path_open)
        if op in PATH_PAINT or op == "n":
            path_open = False
        if not painting:
            continue
        out.paint += 1
        if "mcid" not in stack and "artifact" not in stack:
            what = op
            if op in TEXT_SHOW:
                what += " " + repr(ins.operands)[:60]
            out.untagged.append(f"instruction {i}: {what}")
    if stack:
        out.nesting.append(f"{len(stack)} sequence(s) open at the end of the page")
    return out


# -- structure tree ------------------------------------------------------------------


@dataclass
class Element:
    """A structure element as found by walking the tree from StructTreeRoot."""

    obj: pikepdf.Object
    role: str
    depth: int
    parent: "Element | None"
    mcids: list[tuple[tuple[int, int], int]] = field(default_factory=list)  # ((page objgen), mcid)
    objrs: list[pikepdf.Object] = field(default_factory=list)
    children: list["Element"] = field(default_factory=list)

    @property
    def alt(self) -> str | None:
        return str(self.obj.Alt) if "/Alt" in self.obj else None

    def ancestors(self) -> Iterator["Element"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def descendants(self) -> Iterator["Element"]:
        for child in self.children:
            yield child
            yield from child.descendants()


def role_map(pdf: pikepdf.Pdf) -> dict[str, str]:
    tree = pdf.Root.StructTreeRoot
    if "/RoleMap" not in tree:
        return {}
    return {str(k): str(v) for k, v in tree.RoleMap.items()}


def walk_tree(pdf: pikepdf.Pdf) -> list[Element]:
    """Every structure element in document (depth-first, /K) order."""
    roles = role_map(pdf)
    out: list[Element] = []
    seen: set[tuple[int, int]] = set()

    def visit(obj: pikepdf.Object, parent: Element | None, depth: int, page: Any) -> None:
        if obj.objgen != (0, 0):
            if obj.objgen in seen:
                raise AssertionError(f"structure element {obj.objgen} reached twice")
            seen.add(obj.objgen)
        role = str(obj.S)
        role = roles.get(role, role)
        elem = Element(obj, role.lstrip("/"), depth, parent)
        if parent is not None:
            parent.children.append(elem)
        out.append(elem)
        page = obj.get("/Pg", page)
        kids = obj.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
                assert page is not None, f"MCID {int(kid)} of {role} without a page"
                elem.mcids.append((page.objgen, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
                kpage = kid.get("/Pg", page)
                elem.mcids.append((kpage.objgen, int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.OBJR:
                elem.objrs.append(kid.Obj)
            elif isinstance(kid, pikepdf.Dictionary):
                assert kid.P.objgen == obj.objgen, f"{role}'s kid {kid.get('/S')} has another /P"
                visit(kid, elem, depth + 1, page)
            else:
                raise AssertionError(f"unexpected kid {kid!r} in {role}")

    root = pdf.Root.StructTreeRoot
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    for kid in kids:
        visit(kid, None, 0, None)
    return out


def number_tree(node: pikepdf.Object) -> dict[int, pikepdf.Object]:
    """All entries of a number tree (Nums and Kids)."""
    out: dict[int, pikepdf.Object] = {}
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums), 2):
            key = int(nums[i])
            assert key not in out, f"number tree key {key} twice"
            out[key] = nums[i + 1]
    for kid in node.get("/Kids", ()):
        for key, value in number_tree(kid).items():
            assert key not in out, f"number tree key {key} twice"
            out[key] = value
    return out


# -- text ----------------------------------------------------------------------------


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def struct_text(path: Path) -> list[tuple[tuple[str, ...], str]]:
    """``pdfinfo -struct-text``: per element, in tree order, (roles from the root down to it, its own text)."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    rows: list[tuple[tuple[str, ...], str]] = []
    path_roles: list[str] = []
    for line in out.splitlines():
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 2
        if stripped.startswith('"'):
            text = stripped[1:-1] if stripped.endswith('"') else stripped[1:]
            if rows:
                roles, before = rows[-1]
                rows[-1] = (roles, before + text)
            continue
        match = re.match(r"([A-Za-z][A-Za-z0-9]*)(?: \(\w+\))?(?: \"[^\"]*\")?:?$", stripped)
        if match is None or stripped.startswith("Object "):
            continue
        del path_roles[depth:]
        path_roles.append(match.group(1))
        rows.append((tuple(path_roles), ""))
    return rows


def join_struct_strings(struct_text: str) -> str:
    """``pdfinfo -struct-text`` output with the consecutive text strings of one element joined.

    Each marked-content sequence of an element is a line of its own; a word
    hyphenated at a line end is one (with its /ActualText), between the
    paragraph's sequences before and after it.
    """
    pattern = re.compile(r'(?m)^( *)"([^"\n]*)"\n\1"')
    while True:
        joined = pattern.sub(r'\1"\2', struct_text)
        if joined == struct_text:
            return joined
        struct_text = joined


def pdftotext_raw(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def join_breaks(text: str) -> str:
    """Text as a reader pastes it: a soft hyphen and the extractor's line break after it vanish."""
    return re.sub(SOFT_HYPHEN + r"\s*", "", text)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def has_word(text: str, word: str) -> bool:
    return re.search(r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])", text) is not None


def split_words(raw: str) -> list[tuple[str, str, str]]:
    """Words the layout split across two lines: (first part, break character, second part)."""
    out = []
    for match in re.finditer(r"([^\W\d_]+)([\u00ad\-\u2010])[ \t]*\n[ \t]*([^\W\d_]+)", raw):
        out.append((match.group(1), match.group(2), match.group(3)))
    return out
