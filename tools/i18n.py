"""presskit's message catalogs: extract the messages, update the .po files, compile the .mo files.

    python tools/i18n.py update    # scan presskit/ for _() and ngettext() calls, merge into every .po
    python tools/i18n.py compile   # write each presskit.mo from its presskit.po
    python tools/i18n.py check     # exit 1 if a message lacks a translation or a .mo is stale

Messages are found by reading the source (an AST scan of ``_("...")``, ``N_("...")`` and
``ngettext("...", "...", n)`` calls with literal texts), not by importing
it. The .mo writer follows the GNU format as CPython's own
``Tools/i18n/msgfmt.py`` writes it: sorted keys, no hash table, so the same
.po always gives the same bytes. Standard library only.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "presskit"
LOCALE = PACKAGE / "locale"
DOMAIN = "presskit"


@dataclass
class Entry:
    msgid: str
    plural: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    locations: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.msgid, self.plural)

    @property
    def translated(self) -> bool:
        return all(self.msgstr) and "fuzzy" not in self.flags


# -- extraction --------------------------------------------------------------------------
def extract(package: Path = PACKAGE) -> list[Entry]:
    """Every ``_()``/``ngettext()`` message of the package, in order of first appearance."""
    found: dict[tuple[str, str | None], Entry] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name in ("_", "N_") and len(node.args) == 1 and len(texts) == 1:
                key = (texts[0], None)
            elif name == "ngettext" and len(node.args) == 3 and len(texts) == 2:
                key = (texts[0], texts[1])
            else:
                continue
            entry = found.setdefault(key, Entry(key[0], key[1], [""] if key[1] is None else ["", ""]))
            entry.locations.append(f"{path.relative_to(package.parent).as_posix()}:{node.lineno}")
    return sorted(found.values(), key=lambda e: _location_order(e.locations[0]))


def _location_order(location: str) -> tuple[str, int]:
    path, _, line = location.rpartition(":")
    return (path, int(line))


# -- .po reading and writing --------------------------------------------------------------------
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a quoted string: {text}")
    return re.sub(r'\\(.)', lambda m: _ESCAPES.get(m[1], m[1]), text[1:-1])


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    if "\n" not in escaped.rstrip("\n") :
        return '"' + escaped.replace("\n", "\\n") + '"'
    parts = escaped.split("\n")
    lines = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return '""\n' + "\n".join(f'"{line}"' for line in lines)


def read_po(text: str) -> tuple[str, list[Entry]]:
    """(header msgstr, entries) of a .po file."""
    entries: list[Entry] = []
    header = ""
    current: Entry | None = None
    target: tuple[str, int] | None = None
    pending_flags: list[str] = []
    pending_locations: list[str] = []

    def finish():
        nonlocal current, header
        if current is not None:
            if current.msgid == "" and current.plural is None:
                header = current.msgstr[0]
            else:
                entries.append(current)
        current = None

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,"):
            finish()
            pending_flags += [f.strip() for f in line[2:].split(",") if f.strip()]
            continue
        if line.startswith("#:"):
            finish()
            pending_locations += line[2:].split()
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgid_plural "):
            current.plural = _unquote(line[len("msgid_plural "):])
            target = ("plural", 0)
        elif line.startswith("msgid "):
            finish()
            current = Entry(_unquote(line[len("msgid "):]), None, [""], pending_locations, pending_flags)
            pending_flags, pending_locations = [], []
            target = ("msgid", 0)
        elif line.startswith("msgstr["):
            index = int(line[len("msgstr["):line.index("]")])
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] = _unquote(line[line.index("]") + 1:])
            target = ("msgstr", index)
        elif line.startswith("msgstr "):
            current.msgstr = [_unquote(line[len("msgstr "):])]
            target = ("msgstr", 0)
        elif line.startswith('"'):
            value = _unquote(line)
            kind, index = target
            if kind == "msgid":
                current.msgid += value
            elif kind == "plural":
                current.plural += value
            else:
                current.msgstr[index] += value
        else:
            raise ValueError(f"cannot read this .po line: {raw}")
    finish()
    return header, entries


def write_po(header: str, entries: list[Entry]) -> str:
    out = [f"msgid \"\"\nmsgstr {_quote(header)}\n"]
    for entry in entries:
        lines = []
        if entry.locations:
            lines.append("#: " + " ".join(entry.locations))
        if entry.flags:
            lines.append("#, " + ", ".join(entry.flags))
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.plural is not None:
            lines.append(f"msgid_plural {_quote(entry.plural)}")
            for index, text in enumerate(entry.msgstr):
                lines.append(f"msgstr[{index}] {_quote(text)}")
        else:
            lines.append(f"msgstr {_quote(entry.msgstr[0])}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def merge(old: list[Entry], new: list[Entry]) -> list[Entry]:
    """The extracted ``new`` entries with the translations of ``old`` (messages gone are dropped)."""
    known = {entry.key: entry for entry in old}
    merged = []
    for entry in new:
        previous = known.get(entry.key)
        if previous is not None:
            entry.msgstr = previous.msgstr
            entry.flags = [f for f in previous.flags if f != "python-format"]
        merged.append(entry)
    return merged


# -- .mo ---------------------------------------------------------------------------------------
def compile_mo(po_text: str) -> bytes:
    """The GNU .mo bytes of a .po text (untranslated and fuzzy entries are left out)."""
    header, entries = read_po(po_text)
    messages: dict[bytes, bytes] = {b"": header.encode("utf-8")}
    for entry in entries:
        if not entry.translated:
            continue
        if entry.plural is None:
            messages[entry.msgid.encode("utf-8")] = entry.msgstr[0].encode("utf-8")
        else:
            key = entry.msgid.encode("utf-8") + b"\0" + entry.plural.encode("utf-8")
            messages[key] = b"\0".join(s.encode("utf-8") for s in entry.msgstr)
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    count = len(keys)
    keystart = 7 * 4 + 16 * count
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    output += struct.pack(f"{len(koffsets)}i", *koffsets)
    output += struct.pack(f"{len(voffsets)}i", *voffsets)
    return output + ids + strs


def po_files() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def problems() -> list[str]:
    """Messages without translation, placeholders that differ, stale .mo files."""
    found = []
    extracted = {e.key for e in extract()}
    for po in po_files():
        text = po.read_text(encoding="utf-8")
        _header, entries = read_po(text)
        keys = {e.key for e in entries}
        for key in sorted(extracted - keys, key=str):
            found.append(f"{po}: missing: {key[0]!r}")
        for key in sorted(keys - extracted, key=str):
            found.append(f"{po}: no longer used: {key[0]!r}")
        for entry in entries:
            if not entry.translated:
                found.append(f"{po}: not translated: {entry.msgid!r}")
                continue
            wanted = set(re.findall(r"\{[^{}]*\}", entry.msgid + (entry.plural or "")))
            for text_ in entry.msgstr:
                if set(re.findall(r"\{[^{}]*\}", text_)) - wanted or (entry.plural is None and
                                                                     set(re.findall(r"\{[^{}]*\}", text_)) != wanted):
                    found.append(f"{po}: placeholders differ: {entry.msgid!r} -> {text_!r}")
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != compile_mo(text):
            found.append(f"{mo}: out of date; run python tools/i18n.py compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        for po in po_files():
            header, old = read_po(po.read_text(encoding="utf-8"))
            po.write_text(write_po(header, merge(old, extract())), encoding="utf-8")
            print(f"updated {po}")
        return 0
    if command == "compile":
        for po in po_files():
            po.with_suffix(".mo").write_bytes(compile_mo(po.read_text(encoding="utf-8")))
            print(f"wrote {po.with_suffix('.mo')}")
        return 0
    if command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
