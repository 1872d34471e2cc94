"""Smaller embedded font subsets: only the glyphs drawn, without hinting instructions.

ReportLab's subset 0 of every TrueType font holds all of ASCII (codes 32-127)
whether the document draws them or not, and it copies the font's hinting
programs (``fpgm``, ``prep``, ``cvt ``) and every glyph's instructions. For
a press release that is about 12 KB per face, most of it never used: a PDF
viewer renders embedded TrueType at print and screen resolutions from the
outlines, and hinting only snaps outlines to a pixel grid at small sizes.

:func:`slim` takes the codes each simple TrueType font really draws (the scan
of :mod:`.tounicode`) and rewrites its ``/FontFile2``:

* glyphs that no drawn code reaches (directly or as a component of a composite
  glyph) are dropped and the rest renumbered in their old order (.notdef stays
  glyph 0); ``cmap`` maps every code to its glyph's new number (codes of dropped
  glyphs to .notdef), ``hmtx`` keeps each glyph's metrics. The codes, the PDF's
  ``/Widths`` and the content streams are untouched, so every drawn width
  still matches (PDF/A-2 6.2.11.5);
* instructions are removed from the remaining glyphs, the ``fpgm``, ``prep``
  and ``cvt `` tables are dropped, and ``maxp``'s hinting limits set to zero;
* ``name`` keeps the records that identify the font and its licence
  (copyright, family, style, unique id, full name, version, PostScript name,
  trademark, licence URL) and drops the descriptions (vendor, designer, the
  licence's full text; fontTools' subsetter keeps even less by default).

The result is a pure function of the input bytes (deterministic output). A font
program this module does not understand (not TrueType, a table missing, a glyph
that does not parse) is left exactly as it was.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from typing import Any

import pikepdf
from pikepdf import Name

#: Hinting tables dropped from the font program.
_HINTING_TABLES = {b"fpgm", b"prep", b"cvt "}
#: name IDs kept: copyright, family, subfamily, unique id, full name, version, PostScript name,
#: trademark, licence URL (the licence's long description, 13, is dropped like the vendor's texts).
_KEEP_NAMES = {0, 1, 2, 3, 4, 5, 6, 7, 14}

# Composite glyph flags (OpenType 'glyf').
_ARG_WORDS = 0x0001
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_XY_SCALE = 0x0040
_HAVE_2X2 = 0x0080
_HAVE_INSTRUCTIONS = 0x0100


class _Unsupported(Exception):
    """A font program this module leaves alone."""


def slim(pdf: pikepdf.Pdf, used: dict[tuple[int, int], tuple[Any, set[int], set[int]]]) -> None:
    """Rewrite the FontFile2 of each drawn simple TrueType font to the glyphs of its drawn codes.

    ``used`` is :func:`.tounicode.drawn_codes`: font objgen -> (font, codes, pages).
    """
    done: set[tuple[int, int]] = set()
    for font, codes, _pages in used.values():
        if font.get("/Subtype") != Name.TrueType:
            continue
        descriptor = font.get("/FontDescriptor")
        stream = descriptor.get("/FontFile2") if descriptor is not None else None
        if stream is None or stream.objgen in done:
            continue  # a font program shared by two font dictionaries would need the union: never slim it twice
        done.add(stream.objgen)
        try:
            data = slim_font(stream.read_bytes(), codes)
        except (_Unsupported, struct.error, IndexError, KeyError, ValueError):
            continue
        stream.write(data)
        stream.Length1 = len(data)


def slim_font(data: bytes, codes: set[int]) -> bytes:
    """The TrueType font program ``data`` reduced to the glyphs of one-byte ``codes``, unhinted."""
    tables = _tables(data)
    for tag in (b"head", b"maxp", b"loca", b"glyf", b"cmap", b"hmtx", b"hhea"):
        if tag not in tables:
            raise _Unsupported(tag)
    head, maxp = tables[b"head"], tables[b"maxp"]
    num_glyphs = struct.unpack_from(">H", maxp, 4)[0]
    long_loca = struct.unpack_from(">h", head, 50)[0] == 1
    offsets = _loca(tables[b"loca"], num_glyphs, long_loca)
    glyf = tables[b"glyf"]
    glyphs = [glyf[offsets[i]:offsets[i + 1]] for i in range(num_glyphs)]

    glyph_of = _code_to_glyph(tables[b"cmap"])
    keep = {0} | {glyph_of[code] for code in codes if code in glyph_of}
    todo = list(keep)
    while todo:  # components of composite glyphs
        for component in _components(glyphs[todo.pop()]):
            if component >= num_glyphs:
                raise _Unsupported("component out of range")
            if component not in keep:
                keep.add(component)
                todo.append(component)

    order = sorted(keep)  # new glyph number -> old; .notdef stays 0
    renumber = {old: new for new, old in enumerate(order)}
    parts, new_offsets, pos = [], [], 0
    for old in order:
        new_offsets.append(pos)
        glyph = glyphs[old]
        if glyph:
            glyph = _renumbered(_without_instructions(glyph), renumber)
            glyph += b"\0" * (-len(glyph) % 4)
            parts.append(glyph)
            pos += len(glyph)
    new_offsets.append(pos)
    if pos // 2 > 0xFFFF:
        loca, loc_format = struct.pack(f">{len(new_offsets)}L", *new_offsets), 1
    else:
        loca, loc_format = struct.pack(f">{len(new_offsets)}H", *(o // 2 for o in new_offsets)), 0

    out = {tag: table for tag, table in tables.items() if tag not in _HINTING_TABLES}
    out[b"glyf"] = b"".join(parts)
    out[b"loca"] = loca
    head = bytearray(head)
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
    struct.pack_into(">h", head, 50, loc_format)
    out[b"head"] = bytes(head)
    out[b"cmap"] = _cmap(tables[b"cmap"], renumber)
    out[b"hmtx"], out[b"hhea"] = _hmtx(tables[b"hmtx"], tables[b"hhea"], order)
    if b"post" in out and out[b"post"][:4] != b"\x00\x03\x00\x00":  # glyph names would be stale
        out[b"post"] = b"\x00\x03\x00\x00" + out[b"post"][4:32]
    maxp = bytearray(maxp)
    struct.pack_into(">H", maxp, 4, len(order))
    maxp = bytes(maxp)
    out[b"maxp"] = maxp
    if len(maxp) >= 32:  # version 1.0: the hinting limits (zones stay 1, the minimum)
        maxp = bytearray(maxp)
        struct.pack_into(">7H", maxp, 14, 1, 0, 0, 0, 0, 0, 0)
        out[b"maxp"] = bytes(maxp)
    if b"name" in out:
        out[b"name"] = _names(out[b"name"])
    return _font(data[:4], out)


# -- reading ----------------------------------------------------------------------------


def _tables(data: bytes) -> dict[bytes, bytes]:
    version = data[:4]
    if version not in (b"\x00\x01\x00\x00", b"true"):
        raise _Unsupported("not a TrueType font program")
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if offset + length > len(data):
            raise _Unsupported("table outside the file")
        tables[tag] = data[offset:offset + length]
    return tables


def _loca(loca: bytes, num_glyphs: int, long: bool) -> list[int]:
    if long:
        offsets = list(struct.unpack_from(f">{num_glyphs + 1}L", loca))
    else:
        offsets = [o * 2 for o in struct.unpack_from(f">{num_glyphs + 1}H", loca)]
    if any(b < a for a, b in zip(offsets, offsets[1:])):
        raise _Unsupported("loca not ascending")
    return offsets


def _code_to_glyph(cmap: bytes) -> dict[int, int]:
    """Code -> glyph of the (1,0) or (3,0) subtable (format 0 or 6) of a ReportLab subset."""
    (count,) = struct.unpack_from(">H", cmap, 2)
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if (platform, encoding) not in ((1, 0), (3, 0)):
            continue
        (fmt,) = struct.unpack_from(">H", cmap, offset)
        if fmt == 6:
            first, entries = struct.unpack_from(">HH", cmap, offset + 6)
            return dict(zip(range(first, first + entries), struct.unpack_from(f">{entries}H", cmap, offset + 10)))
        if fmt == 0:
            return dict(enumerate(cmap[offset + 6:offset + 6 + 256]))
        raise _Unsupported(f"cmap format {fmt}")
    raise _Unsupported("no (1,0) or (3,0) cmap")


def _components(glyph: bytes) -> list[int]:
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return []
    found, pos, flags = [], 10, _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, gid = struct.unpack_from(">HH", glyph, pos)
        found.append(gid)
        pos += 4 + _component_args(flags)
    return found


def _component_args(flags: int) -> int:
    size = 4 if flags & _ARG_WORDS else 2
    if flags & _HAVE_SCALE:
        size += 2
    elif flags & _HAVE_XY_SCALE:
        size += 4
    elif flags & _HAVE_2X2:
        size += 8
    return size


def _cmap(cmap: bytes, renumber: dict[int, int]) -> bytes:
    """The cmap with glyph numbers renumbered; codes of dropped glyphs go to .notdef (0)."""
    out = bytearray(cmap)
    (count,) = struct.unpack_from(">H", cmap, 2)
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if (platform, encoding) not in ((1, 0), (3, 0)):
            raise _Unsupported("cmap subtable for another platform")
        (fmt,) = struct.unpack_from(">H", cmap, offset)
        if fmt == 6:
            _first, entries = struct.unpack_from(">HH", cmap, offset + 6)
            for at in range(offset + 10, offset + 10 + 2 * entries, 2):
                struct.pack_into(">H", out, at, renumber.get(struct.unpack_from(">H", cmap, at)[0], 0))
        elif fmt == 0:
            for at in range(offset + 6, offset + 6 + 256):
                out[at] = renumber.get(cmap[at], 0)  # ValueError above 255: left alone
        else:
            raise _Unsupported(f"cmap format {fmt}")
    return bytes(out)


def _hmtx(hmtx: bytes, hhea: bytes, order: list[int]) -> tuple[bytes, bytes]:
    """hmtx of the glyphs in ``order`` (all as full advance/lsb pairs) and the hhea that says so."""
    (metrics,) = struct.unpack_from(">H", hhea, 34)
    pairs = []
    for old in order:
        if old < metrics:
            pairs.extend(struct.unpack_from(">Hh", hmtx, 4 * old))
        else:  # the advance of the last full pair, then a bare lsb
            pairs.append(struct.unpack_from(">H", hmtx, 4 * (metrics - 1))[0])
            pairs.append(struct.unpack_from(">h", hmtx, 4 * metrics + 2 * (old - metrics))[0])
    hhea = bytearray(hhea)
    struct.pack_into(">H", hhea, 34, len(order))
    return struct.pack(">" + "Hh" * len(order), *pairs), bytes(hhea)


def _renumbered(glyph: bytes, renumber: dict[int, int]) -> bytes:
    """A composite glyph with its component glyph numbers renumbered (a simple glyph as it is)."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return glyph
    out, pos, flags = bytearray(glyph), 10, _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, gid = struct.unpack_from(">HH", glyph, pos)
        struct.pack_into(">H", out, pos + 2, renumber[gid])
        pos += 4 + _component_args(flags)
    return bytes(out)


@lru_cache(maxsize=8192)  # the same fonts in every document of a batch: strip each glyph once
def _without_instructions(glyph: bytes) -> bytes:
    (contours,) = struct.unpack_from(">h", glyph, 0)
    if contours >= 0:
        at = 10 + 2 * contours  # instructionLength follows endPtsOfContours
        (length,) = struct.unpack_from(">H", glyph, at)
        if at + 2 + length > len(glyph):
            raise _Unsupported("instructions outside the glyph")
        end = _outline_end(glyph, at + 2 + length, struct.unpack_from(">H", glyph, at - 2)[0] + 1 if contours else 0)
        return glyph[:at] + b"\0\0" + glyph[at + 2 + length:end]
    pos, flags, last = 10, _MORE_COMPONENTS, 10
    while flags & _MORE_COMPONENTS:
        (flags,) = struct.unpack_from(">H", glyph, pos)
        last = pos
        pos += 4 + _component_args(flags)
    if not flags & _HAVE_INSTRUCTIONS:
        return glyph[:pos]
    out = bytearray(glyph[:pos])
    struct.pack_into(">H", out, last, flags & ~_HAVE_INSTRUCTIONS)
    return bytes(out)


def _coordinate_bytes(flag: int) -> int:
    x = 1 if flag & 0x02 else 0 if flag & 0x10 else 2  # X_SHORT_VECTOR, X_IS_SAME_OR_POSITIVE
    y = 1 if flag & 0x04 else 0 if flag & 0x20 else 2  # Y_SHORT_VECTOR, Y_IS_SAME_OR_POSITIVE
    return x + y


#: Bytes of x and y coordinate one point takes, by its flag.
_COORDINATE_BYTES = [_coordinate_bytes(flag) for flag in range(256)]


def _outline_end(glyph: bytes, pos: int, points: int) -> int:
    """Where the flags and coordinates of a simple glyph's ``points`` end (the padding after them is dropped)."""
    seen = coordinates = 0
    while seen < points:
        flag = glyph[pos]
        pos += 1
        repeat = 1
        if flag & 0x08:  # REPEAT_FLAG
            repeat += glyph[pos]
            pos += 1
        seen += repeat
        coordinates += _COORDINATE_BYTES[flag] * repeat
    pos += coordinates
    if seen != points or pos > len(glyph):
        raise _Unsupported("outline does not parse")
    return pos


def _names(name: bytes) -> bytes:
    fmt, count, storage = struct.unpack_from(">HHH", name, 0)
    if fmt != 0:
        return name
    records, strings, seen = [], bytearray(), {}
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", name, 6 + 12 * i)
        if name_id not in _KEEP_NAMES:
            continue
        text = name[storage + offset:storage + offset + length]
        if text not in seen:
            seen[text] = len(strings)
            strings += text
        records.append((platform, encoding, language, name_id, length, seen[text]))
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    return header + b"".join(struct.pack(">6H", *r) for r in records) + bytes(strings)


# -- writing ----------------------------------------------------------------------------


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _font(version: bytes, tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = version + struct.pack(">HHHH", count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    directory, body, sums = [], [], []
    offset = 12 + 16 * count
    head_at = 0
    for tag in tags:
        table = tables[tag]
        if tag == b"head":
            head_at = offset
        checksum = _checksum(table)
        sums.append(checksum)
        directory.append(struct.pack(">4sIII", tag, checksum, offset, len(table)))
        body.append(table + b"\0" * (-len(table) % 4))
        offset += len(table) + (-len(table) % 4)
    start = header + b"".join(directory)
    # The whole font's checksum is the sum of its 4-byte-aligned parts: directory plus tables.
    total = (_checksum(start) + sum(sums)) & 0xFFFFFFFF
    font = bytearray(start + b"".join(body))
    struct.pack_into(">I", font, head_at + 8, (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(font)
