"""``presskit inspect FILE.pdf``: a PDF's structure tree and what is wrong with its tagging.

:func:`inspect_pdf` reads any PDF (not only presskit's) with pikepdf and checks
the machine-checkable core of PDF/UA-1 that presskit promises:

* every painting operator is inside tagged content or an artifact, and marked
  content is not nested in ways PDF/UA forbids;
* every MCID in the content has exactly one parent element, and the ParentTree agrees;
* every annotation has a structure parent (Link element with an OBJR), /Contents,
  and its page has /Tabs /S;
* every Figure has alternate text;
* every font is embedded and has a ToUnicode map that maps no code to U+0000,
  U+FEFF or U+FFFE (PDF/A-2a, ISO 19005-2 6.2.11.7.2);
* the catalog says Marked, has /Lang, DisplayDocTitle, XMP with pdfuaid:part 1
  and pdfaid:part 2, and an output intent.

The header line says which levels the XMP claims (presskit: PDF/A-2a and PDF/UA-1).

It is a gate for presskit's own output, not a conformance validator (veraPDF is).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Name

from presskit.pdf.tagging import contentscan, tounicode

CHECKS = ("content", "mcids", "annotations", "figures", "fonts", "catalog")


@dataclass
class Report:
    """The structure tree as text, and findings by check (all empty: nothing found)."""

    path: str
    tree: str = ""
    findings: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in CHECKS})
    pages: int = 0
    elements: Counter = field(default_factory=Counter)
    claims: list[str] = field(default_factory=list)  # e.g. ["PDF/A-2a", "PDF/UA-1"], from the XMP

    @property
    def ok(self) -> bool:
        return not any(self.findings.values())

    def render(self) -> str:
        claims = f", claims {' + '.join(self.claims)}" if self.claims else ""
        lines = [f"{self.path}: {self.pages} page(s), {sum(self.elements.values())} structure element(s){claims}",
                 "", self.tree, ""]
        for name in CHECKS:
            found = self.findings[name]
            lines.append(f"{'ok  ' if not found else 'FAIL'} {name}" + (f" ({len(found)})" if found else ""))
            lines += [f"     - {message}" for message in found[:20]]
            if len(found) > 20:
                lines.append(f"     - ... and {len(found) - 20} more")
        return "\n".join(lines)

    __str__ = render


def inspect_pdf(path: str | Path) -> Report:
    with pikepdf.open(path) as pdf:
        return _Inspector(pdf, str(path)).run()


class _Inspector:
    def __init__(self, pdf: pikepdf.Pdf, path: str) -> None:
        self.pdf = pdf
        self.report = Report(path, pages=len(pdf.pages))
        self.page_index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
        self.owners: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (page, mcid) -> elements
        self.objr: dict[tuple[int, int], tuple[int, int]] = {}          # annotation -> element
        self.content_mcids: dict[int, list[int]] = {}

    def run(self) -> Report:
        self._content()
        self._tree()
        self._mcids()
        self._annotations()
        self._fonts()
        self._catalog()
        return self.report

    def _find(self, check: str, message: str) -> None:
        self.report.findings[check].append(message)

    # -- content streams --------------------------------------------------------------

    def _content(self) -> None:
        for index, page in enumerate(self.pdf.pages):
            instructions = pikepdf.parse_content_stream(page)
            found = contentscan.scan(instructions, index)
            if found.untagged:
                self._find("content", contentscan.describe(found, instructions))
            for message in found.nesting:
                self._find("content", f"page {index + 1}: {message}")
            self.content_mcids[index] = found.mcids
            for mcid, count in Counter(found.mcids).items():
                if count > 1:
                    self._find("mcids", f"page {index + 1}: MCID {mcid} used {count} times in the content")

    # -- the structure tree -----------------------------------------------------------

    def _tree(self) -> None:
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None:
            self._find("catalog", "no StructTreeRoot")
            return
        lines: list[str] = []
        seen: set[tuple[int, int]] = set()
        for kid in _as_list(root.get("/K")):
            self._element(kid, 0, None, lines, seen)
        self.report.tree = "\n".join(lines)

    def _element(self, elem: Any, depth: int, page: int | None, lines: list[str], seen: set) -> None:
        if elem.objgen in seen and elem.objgen != (0, 0):
            self._find("mcids", f"structure element {elem.objgen} appears twice in the tree")
            return
        seen.add(elem.objgen)
        role = str(elem.get("/S", "/?"))[1:]
        self.report.elements[role] += 1
        if "/Pg" in elem:
            page = self.page_index.get(elem.Pg.objgen, page)
        mcids: list[str] = []
        children: list[Any] = []
        for kid in _as_list(elem.get("/K")):
            if isinstance(kid, int):
                self._own(page, int(kid), elem, mcids)
            elif isinstance(kid, pikepdf.Dictionary):
                kind = kid.get("/Type")
                if kind == Name.MCR:
                    kid_page = self.page_index.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                    self._own(kid_page, int(kid.MCID), elem, mcids)
                elif kind == Name.OBJR:
                    self.objr[kid.Obj.objgen] = elem.objgen
                    mcids.append(f"annot {kid.Obj.objgen[0]}")
                else:
                    children.append(kid)
        attrs = []
        for key in ("/T", "/Alt", "/ActualText", "/Lang"):
            if key in elem:
                attrs.append(f"{key[1:]}={str(elem[key])!r}")
        if "/A" in elem and isinstance(elem.A, pikepdf.Dictionary) and "/Scope" in elem.A:
            attrs.append(f"Scope={str(elem.A.Scope)[1:]}")
        content = f" [{', '.join(mcids)}]" if mcids else ""
        lines.append("  " * depth + role + (" " + " ".join(attrs) if attrs else "") + content)
        if role == "Figure" and not (str(elem.get("/Alt", "")).strip() or str(elem.get("/ActualText", "")).strip()):
            self._find("figures", f"Figure (object {elem.objgen[0]}) has no alternate text")
        for child in children:
            self._element(child, depth + 1, page, lines, seen)

    def _own(self, page: int | None, mcid: int, elem: Any, mcids: list[str]) -> None:
        if page is None:
            self._find("mcids", f"MCID {mcid} of element {elem.objgen[0]} has no page")
            return
        self.owners.setdefault((page, mcid), []).append(elem.objgen)
        mcids.append(f"p{page + 1}:{mcid}")

    def _mcids(self) -> None:
        parent_tree = _number_tree(self.pdf.Root.StructTreeRoot.get("/ParentTree")) if "/StructTreeRoot" in self.pdf.Root else {}
        for page, mcids in self.content_mcids.items():
            page_obj = self.pdf.pages[page].obj
            entries = None
            if mcids:
                if "/StructParents" not in page_obj:
                    self._find("mcids", f"page {page + 1} has marked content but no /StructParents")
                else:
                    entries = parent_tree.get(int(page_obj.StructParents))
                    if entries is None:
                        self._find("mcids", f"page {page + 1}: no ParentTree entry for /StructParents {int(page_obj.StructParents)}")
            for mcid in mcids:
                owners = self.owners.get((page, mcid), [])
                if len(owners) != 1:
                    self._find("mcids", f"page {page + 1}: MCID {mcid} has {len(owners)} parent elements")
                    continue
                if entries is not None:
                    parent = entries[mcid] if mcid < len(entries) else None
                    if parent is None or parent.objgen != owners[0]:
                        self._find("mcids", f"page {page + 1}: the ParentTree disagrees about MCID {mcid}")
        for page, mcid in self.owners:
            if mcid not in self.content_mcids.get(page, []):
                self._find("mcids", f"page {page + 1}: MCID {mcid} is in the tree but not in the content")
        self.parent_tree = parent_tree

    def _annotations(self) -> None:
        for index, page in enumerate(self.pdf.pages):
            annots = list(page.obj.get("/Annots", ()))
            if annots and page.obj.get("/Tabs") != Name.S:
                self._find("annotations", f"page {index + 1} has annotations but no /Tabs /S")
            for annot in annots:
                subtype = str(annot.get("/Subtype"))
                where = f"page {index + 1}: {subtype[1:]} annotation {annot.objgen[0]}"
                if subtype == "/Popup":
                    continue
                if "/StructParent" not in annot:
                    self._find("annotations", f"{where} has no /StructParent")
                else:
                    parent = self.parent_tree.get(int(annot.StructParent))
                    if parent is None or self.objr.get(annot.objgen) != parent.objgen:
                        self._find("annotations", f"{where}: its structure parent does not point back with an OBJR")
                    elif subtype == "/Link" and parent.get("/S") != Name.Link:
                        self._find("annotations", f"{where} is not in a Link element")
                if not str(annot.get("/Contents", "")).strip():
                    self._find("annotations", f"{where} has no /Contents")
                if not int(annot.get("/F", 0)) & 4:
                    self._find("annotations", f"{where} lacks the print flag (PDF/A)")

    # -- fonts and catalog -----------------------------------------------------------

    def _fonts(self) -> None:
        checked: set[tuple[int, int]] = set()
        for index, page in enumerate(self.pdf.pages):
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            for name, font in fonts.items():
                if font.objgen in checked:
                    continue
                checked.add(font.objgen)
                base = str(font.get("/BaseFont", "?"))[1:]
                descriptor_holder = font.DescendantFonts[0] if font.get("/Subtype") == Name.Type0 else font
                descriptor = descriptor_holder.get("/FontDescriptor")
                if font.get("/Subtype") == Name.Type3:
                    continue
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self._find("fonts", f"page {index + 1}: font {name} ({base}) is not embedded")
                if "/ToUnicode" not in font:
                    self._find("fonts", f"page {index + 1}: font {name} ({base}) has no ToUnicode map")
                elif font.get("/Subtype") != Name.Type0:
                    mapping = tounicode.parse_cmap(font.ToUnicode.read_bytes())
                    empty = sorted(code for code, text in mapping.items() if not text or set(text) & {"\0", "\ufeff", "\ufffe"})
                    if empty:
                        codes = ", ".join(str(code) for code in empty[:8]) + (", ..." if len(empty) > 8 else "")
                        self._find("fonts", f"page {index + 1}: font {name} ({base}) maps codes {codes} to no character")

    def _catalog(self) -> None:
        root = self.pdf.Root
        if not (root.get("/MarkInfo") and root.MarkInfo.get("/Marked") is True):
            self._find("catalog", "MarkInfo /Marked is not true")
        if not str(root.get("/Lang", "")).strip():
            self._find("catalog", "no document language (/Lang)")
        if not (root.get("/ViewerPreferences") and root.ViewerPreferences.get("/DisplayDocTitle") is True):
            self._find("catalog", "ViewerPreferences /DisplayDocTitle is not true")
        if "/Metadata" not in root:
            self._find("catalog", "no XMP metadata")
        else:
            xmp = root.Metadata.read_bytes().decode("utf-8", "replace")
            self.report.claims = _claims(xmp)
            for needle, what in (
                ("<pdfuaid:part>1</pdfuaid:part>", "pdfuaid:part 1"),
                ("<pdfaid:part>2</pdfaid:part>", "pdfaid:part 2"),
                ("<dc:title>", "dc:title"),
                ("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>", "the PDF/A extension schema for pdfuaid"),
            ):
                if needle not in xmp and needle.replace("<", " ").split(">")[0] not in xmp:
                    self._find("catalog", f"XMP metadata lacks {what}")
        intents = root.get("/OutputIntents", [])
        if not any(i.get("/S") == Name.GTS_PDFA1 and "/DestOutputProfile" in i for i in intents):
            self._find("catalog", "no PDF/A output intent with an ICC profile")
        info = self.pdf.trailer.get("/Info")
        if info is None or not str(info.get("/Title", "")).strip():
            self._find("catalog", "no document title in the Info dictionary")


def _claims(xmp: str) -> list[str]:
    """The conformance levels an XMP packet claims: PDF/A-<part><level> and PDF/UA-<part>."""
    def value(prefix: str, name: str) -> str:
        match = re.search(rf"<{prefix}:{name}>\s*([^<\s]+)\s*<|{prefix}:{name}=\"([^\"]+)\"", xmp)
        return (match.group(1) or match.group(2)) if match else ""

    claims = []
    if value("pdfaid", "part"):
        claims.append(f"PDF/A-{value('pdfaid', 'part')}{value('pdfaid', 'conformance').lower()}")
    if value("pdfuaid", "part"):
        claims.append(f"PDF/UA-{value('pdfuaid', 'part')}")
    return claims


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return list(value)
    return [value]


def _number_tree(node: Any) -> dict[int, Any]:
    """A number tree (ParentTree) as a dict."""
    result: dict[int, Any] = {}
    if node is None:
        return result
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            result[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", ()):
        result.update(_number_tree(kid))
    return result
