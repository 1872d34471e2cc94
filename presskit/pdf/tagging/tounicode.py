"""ToUnicode maps that map exactly the codes the document draws (PDF/A-2a, ISO 19005-2 6.2.11.7.2).

ReportLab writes, for every subset of a TrueType font, a ToUnicode CMap over
the whole subset: in subset 0 the unassigned codes 1-31 and the .notdef code 0
map to U+0000, codes 32-127 map to ASCII whether drawn or not, and up to 256
entries stand in one ``beginbfchar`` block (a CMap allows 100). A checker that
reads the map as the document's promise ("this code is this character") finds
U+0000 there.

:func:`rewrite` scans the content streams (pages and the forms they paint) for
the codes actually shown with each simple font, and writes a new map with
exactly those codes, each mapped to what ReportLab's map says, in blocks of
at most 100 and with UTF-16 values (surrogate pairs above U+FFFF). Codes that
map to nothing usable (U+0000, U+FEFF, U+FFFE, or no entry) are reported.
"""

from __future__ import annotations

import re
from typing import Any

import pikepdf
from pikepdf import Name

#: Text-showing operators and what else the scan follows (fonts, the graphics state stack, forms).
_OPERATORS = "Tf Tj TJ ' \" q Q Do"

#: Values that do not name a character (ISO 19005-2 6.2.11.7.2 for levels A and U).
_NOT_A_CHARACTER = {0x0000, 0xFEFF, 0xFFFE}

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def drawn_codes(pdf: pikepdf.Pdf) -> dict[tuple[int, int], tuple[Any, set[int], set[int]]]:
    """The codes each simple font draws on the pages (and forms they paint): objgen -> (font, codes, pages)."""
    used: dict[tuple[int, int], tuple[Any, set[int], set[int]]] = {}
    for index, page in enumerate(pdf.pages):
        _scan(page.obj, page.obj.get("/Resources"), index, used, set())
    return used


def rewrite(pdf: pikepdf.Pdf, used: dict[tuple[int, int], tuple[Any, set[int], set[int]]] | None = None) -> list[str]:
    """Rewrite the ToUnicode map of every simple font the pages draw with; return the problems found.

    ``used`` is :func:`drawn_codes` of ``pdf`` when the caller has it already."""
    if used is None:
        used = drawn_codes(pdf)
    problems = []
    for font, codes, pages in used.values():
        where = f"page {min(pages) + 1}: font {font.get('/BaseFont')}"
        if "/ToUnicode" not in font:
            problems.append(f"{where} has no ToUnicode map")
            continue
        old = parse_cmap(font.ToUnicode.read_bytes())
        mapping = {}
        for code in sorted(codes):
            text = old.get(code)
            if not text or any(ord(c) in _NOT_A_CHARACTER for c in text):
                problems.append(f"{where} draws code {code} that maps to no character")
                continue
            mapping[code] = text
        font.ToUnicode = pdf.make_stream(cmap(mapping))
    return problems


def _scan(holder: Any, resources: Any, page: int, used: dict, seen: set[tuple[int, int]]) -> None:
    fonts = resources.get("/Font", {}) if resources is not None else {}
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    # Per font resource name: (the simple font it names, its objgen), or None (missing or
    # Type0). Looked up once per stream: pikepdf object access costs more than the scan itself.
    simple: dict[str, Any] = {}
    font = None
    stack: list[Any] = []
    for operands, operator in pikepdf.parse_content_stream(holder, _OPERATORS):
        op = str(operator)
        if op == "Tf":
            name = str(operands[0]) if operands else ""
            if name not in simple:
                found = fonts.get(name) if name else None
                is_simple = found is not None and found.get("/Subtype") != Name.Type0
                simple[name] = (found, found.objgen) if is_simple else None
            font = simple[name]
        elif op == "q":
            stack.append(font)
        elif op == "Q":
            font = stack.pop() if stack else font
        elif op == "Do":
            xobject = xobjects.get(str(operands[0]))
            if xobject is not None and xobject.get("/Subtype") == Name.Form and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                _scan(xobject, xobject.get("/Resources", resources), page, used, seen)
        elif font is not None:
            entry = used.get(font[1])
            if entry is None:
                entry = used[font[1]] = (font[0], set(), set())
            entry[2].add(page)
            codes = entry[1]
            if op == "TJ":
                for item in operands[0]:
                    if isinstance(item, pikepdf.String):
                        codes.update(bytes(item))
            elif operands and isinstance(operands[-1], pikepdf.String):
                codes.update(bytes(operands[-1]))


def parse_cmap(data: bytes) -> dict[int, str]:
    """Code -> text of a ToUnicode CMap with one-byte codes (bfchar and bfrange entries)."""
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        values = _HEX.findall(block)
        for code, text in zip(values[0::2], values[1::2]):
            mapping[int(code, 16)] = _utf16(text)
    for block in _BFRANGE.findall(data):
        for line in block.splitlines():
            values = _HEX.findall(line)
            if len(values) == 3 and b"[" not in line:
                low, high, start = int(values[0], 16), int(values[1], 16), values[2]
                first = int(start, 16)
                for offset, code in enumerate(range(low, high + 1)):
                    mapping[code] = _utf16(f"{first + offset:0{len(start)}X}".encode())
            elif len(values) >= 3:
                low = int(values[0], 16)
                for offset, text in enumerate(values[2:]):
                    mapping[low + offset] = _utf16(text)
    return mapping


def cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap (one-byte codes) for ``mapping``, bfchar blocks of at most 100 entries."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):
        block = items[start:start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _utf16(hex_text: bytes) -> str:
    """A bfchar destination: UTF-16BE in hex. ReportLab writes a code point above U+FFFF as
    five or six hex digits instead of a surrogate pair; read that as the code point it means."""
    if len(hex_text) % 4:
        return chr(int(hex_text, 16))
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", "replace")
