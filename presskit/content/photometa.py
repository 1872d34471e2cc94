"""Caption, credit, copyright, usage terms and alt text written into a photo file.

Newsrooms take the photo out of the press kit and into their own systems; the
credit has to travel inside the file. For a JPEG this module writes

* an XMP packet (APP1): ``dc:description`` (caption), ``dc:rights`` (copyright),
  ``photoshop:Credit``, ``Iptc4xmpCore:AltTextAccessibility`` and
  ``xmpRights:UsageTerms``;
* IPTC IIM in a Photoshop 3.0 block (APP13) for older newsroom tools: 2:120
  caption, 2:110 credit, 2:116 copyright notice (UTF-8, declared by 1:90), with
  the IPTC digest that tells readers the record is current;

as new segments in front of the image data, which is copied byte for byte:
the full-resolution photo is never decoded or compressed again. Earlier XMP
and IPTC records are replaced; everything else (JFIF, Exif, ICC profile) is
kept. A PNG gets the XMP packet as an ``iTXt`` chunk before its image data.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from presskit.errors import Location, ResourceError, error
from presskit.i18n import _

__all__ = ["PhotoMeta", "xmp_packet", "iptc_records", "with_metadata"]

_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XMP_APP1 = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
_PHOTOSHOP = b"Photoshop 3.0\x00"
_IRB_IPTC = 0x0404
_IRB_IPTC_DIGEST = 0x0425
_MAX_SEGMENT = 0xFFFF - 2
#: The IIM standard's longest caption (2:120), credit (2:110) and copyright notice (2:116), in bytes.
IIM_LIMITS = {"caption": 2000, "credit": 32, "copyright": 128}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_XMP_KEYWORD = b"XML:com.adobe.xmp"


@dataclass(frozen=True)
class PhotoMeta:
    """What a photo file says about itself."""

    caption: str
    credit: str
    usage: str
    alt: str | None = None
    copyright: str | None = None   # default: "© credit"

    @property
    def rights(self) -> str:
        if self.copyright:
            return self.copyright
        return self.credit if self.credit.startswith("©") else f"© {self.credit}"


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def xmp_packet(meta: PhotoMeta) -> bytes:
    """The XMP packet (UTF-8) with the photo's caption, rights, credit, alt text and usage terms."""
    for prefix, uri in _NS.items():
        ET.register_namespace(prefix, uri)
    root = ET.Element(_q("x", "xmpmeta"))
    rdf = ET.SubElement(root, _q("rdf", "RDF"))
    desc = ET.SubElement(rdf, _q("rdf", "Description"), {_q("rdf", "about"): ""})

    def alt(prefix: str, name: str, text: str) -> None:
        holder = ET.SubElement(ET.SubElement(desc, _q(prefix, name)), _q("rdf", "Alt"))
        ET.SubElement(holder, _q("rdf", "li"), {_XML_LANG: "x-default"}).text = text

    alt("dc", "description", meta.caption)
    alt("dc", "rights", meta.rights)
    ET.SubElement(desc, _q("photoshop", "Credit")).text = meta.credit
    if meta.alt:
        alt("Iptc4xmpCore", "AltTextAccessibility", meta.alt)
    alt("xmpRights", "UsageTerms", meta.usage)
    body = ET.tostring(root, encoding="unicode")
    packet = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' + body + '<?xpacket end="r"?>'
    return packet.encode("utf-8")


def _dataset(record: int, number: int, value: bytes) -> bytes:
    return struct.pack(">BBBH", 0x1C, record, number, len(value)) + value


def _iim_text(text: str, limit: int) -> bytes:
    """UTF-8 text for one IIM dataset within the standard's ``limit`` in bytes: a longer
    text is cut at a word boundary and ends with '…' (XMP carries it whole)."""
    text = " ".join(text.split())
    data = text.encode("utf-8")
    if len(data) <= limit:
        return data
    room = limit - len("…".encode("utf-8"))
    cut = data[:room].decode("utf-8", "ignore")
    if " " in cut and not text[len(cut):len(cut) + 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return (cut.rstrip(" ,;:–-") + "…").encode("utf-8")


def iptc_records(meta: PhotoMeta) -> bytes:
    """IPTC IIM: character set UTF-8 (1:90), record version, caption, credit, copyright."""
    return b"".join([
        _dataset(1, 90, b"\x1b%G"),
        _dataset(2, 0, b"\x00\x04"),
        _dataset(2, 120, _iim_text(meta.caption, IIM_LIMITS["caption"])),
        _dataset(2, 110, _iim_text(meta.credit, IIM_LIMITS["credit"])),
        _dataset(2, 116, _iim_text(meta.rights, IIM_LIMITS["copyright"])),
    ])


def _irb(resource: int, data: bytes, name: bytes = b"") -> bytes:
    pascal = bytes([len(name)]) + name
    if len(pascal) % 2:
        pascal += b"\x00"
    return b"8BIM" + struct.pack(">H", resource) + pascal + struct.pack(">I", len(data)) + data + (
        b"\x00" if len(data) % 2 else b"")


def _irbs(block: bytes) -> list[tuple[int, bytes, bytes]]:
    """The (id, name, data) resources of a Photoshop block (after its signature); [] if damaged."""
    found, i = [], 0
    try:
        while i + 12 <= len(block) and block[i:i + 4] == b"8BIM":
            resource = struct.unpack(">H", block[i + 4:i + 6])[0]
            name_len = block[i + 6]
            name = block[i + 7:i + 7 + name_len]
            i += 7 + name_len + ((1 + name_len) % 2)
            size = struct.unpack(">I", block[i:i + 4])[0]
            data = block[i + 4:i + 4 + size]
            i += 4 + size + (size % 2)
            found.append((resource, name, data))
    except (IndexError, struct.error):
        return []
    return found


def _photoshop_block(meta: PhotoMeta, earlier: bytes | None) -> bytes:
    iim = iptc_records(meta)
    kept = [r for r in _irbs(earlier or b"") if r[0] not in (_IRB_IPTC, _IRB_IPTC_DIGEST)]
    parts = [_irb(resource, data, name) for resource, name, data in kept]
    parts.append(_irb(_IRB_IPTC, iim))
    parts.append(_irb(_IRB_IPTC_DIGEST, hashlib.md5(iim).digest()))
    return _PHOTOSHOP + b"".join(parts)


def _segment(marker: int, payload: bytes, name: str, location: Location | None) -> bytes:
    if len(payload) > _MAX_SEGMENT:
        raise ResourceError(error(
            _("the caption, credit and alt text of '{name}' are too long for the photo's metadata").format(name=name),
            location, _("shorten the caption or the alt text"),
        ))
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _damaged(name: str, location: Location | None) -> ResourceError:
    return ResourceError(error(
        _("the photo '{name}' is damaged: its file structure cannot be read").format(name=name), location,
        _("export it again as JPEG or PNG"),
    ))


def _jpeg(data: bytes, meta: PhotoMeta, name: str, location: Location | None) -> bytes:
    """The JPEG with new XMP and IPTC segments after its other APPn segments; the rest unchanged."""
    i = 2
    kept: list[bytes] = []
    earlier_photoshop: bytes | None = None
    while True:
        if i + 4 > len(data) or data[i] != 0xFF:
            raise _damaged(name, location)
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if not 0xE0 <= marker <= 0xEF:
            break  # the first table or frame header: from here on everything is copied as it is
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if length < 2 or i + 2 + length > len(data):
            raise _damaged(name, location)
        segment = data[i:i + 2 + length]
        payload = segment[4:]
        if marker == 0xE1 and (payload.startswith(_XMP_APP1) or payload.startswith(_XMP_EXTENSION)):
            pass  # replaced
        elif marker == 0xED and payload.startswith(_PHOTOSHOP):
            earlier_photoshop = (earlier_photoshop or b"") + payload[len(_PHOTOSHOP):]
        else:
            kept.append(segment)
        i += 2 + length
    xmp = _segment(0xE1, _XMP_APP1 + xmp_packet(meta), name, location)
    iptc = _segment(0xED, _photoshop_block(meta, earlier_photoshop), name, location)
    return data[:2] + b"".join(kept) + xmp + iptc + data[i:]


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)


def _png(data: bytes, meta: PhotoMeta, name: str, location: Location | None) -> bytes:
    """The PNG with an XMP ``iTXt`` chunk right after its header; other chunks unchanged."""
    out = [data[:8]]
    i = 8
    inserted = False
    while i < len(data):
        if i + 12 > len(data):
            raise _damaged(name, location)
        length = struct.unpack(">I", data[i:i + 4])[0]
        kind = data[i + 4:i + 8]
        end = i + 12 + length
        if end > len(data):
            raise _damaged(name, location)
        chunk = data[i:end]
        if not (kind == b"iTXt" and chunk[8:].startswith(_PNG_XMP_KEYWORD + b"\x00")):
            out.append(chunk)
        if kind == b"IHDR" and not inserted:
            text = _PNG_XMP_KEYWORD + b"\x00\x00\x00" + b"\x00" + b"\x00" + xmp_packet(meta)
            out.append(_png_chunk(b"iTXt", text))
            inserted = True
        i = end
    if not inserted:
        raise _damaged(name, location)
    return b"".join(out)


def with_metadata(data: bytes, meta: PhotoMeta, name: str = "photo", location: Location | None = None) -> bytes:
    """The photo file ``data`` with ``meta`` written into it, its image data untouched."""
    if data[:3] == b"\xff\xd8\xff":
        return _jpeg(data, meta, name, location)
    if data[:8] == _PNG_SIGNATURE:
        return _png(data, meta, name, location)
    raise ResourceError(error(
        _("the photo '{name}' is not a JPEG or PNG file").format(name=name), location,
        _("hand out photos as JPEG (or PNG for graphics)"),
    ))
