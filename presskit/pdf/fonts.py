"""Registering the brand's font family with ReportLab, and asking what it can show."""

from __future__ import annotations

import hashlib
import re
from functools import cache
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from presskit.errors import Location, ResourceError, error
from presskit.i18n import _

FACES = ("regular", "bold", "italic", "bold_italic")

# Characters that are layout controls, never drawn as glyphs of their own.
_INVISIBLE = frozenset("\n\t\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True)
class FontFamily:
    """The four faces of one family, registered under names unique to their files."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    display_name: str
    #: a face drawn, glyph by glyph, for characters none of the four has (minus sign, arrows)
    fallback: str | None = None

    def face(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        if italic:
            return self.italic
        return self.regular

    def missing_characters(self, text: str, *, with_fallback: bool = True) -> list[str]:
        """Characters of ``text`` that a face of the family (or, ``with_fallback``, the
        fallback face) has no glyph for, in order, once each."""
        missing = set(text) - _coverage(self.regular, self.bold, self.italic, self.bold_italic)
        if missing and with_fallback and self.fallback is not None:
            missing -= _coverage(self.fallback)
        if not missing:
            return []
        return [char for char in dict.fromkeys(text) if char in missing]

    def with_fallback_faces(self, markup: str) -> str:
        """Paragraph ``markup`` with every run of characters the family lacks but the
        fallback face has set in that face (text between tags only; tags stay as they are)."""
        if self.fallback is None:
            return markup
        own = _coverage(self.regular, self.bold, self.italic, self.bold_italic)
        if all(char in own for char in markup):
            return markup
        borrowed = _coverage(self.fallback) - own
        runs = _runs_of(frozenset(borrowed))
        parts = re.split(r"(<[^>]*>)", markup)
        return "".join(
            part if part.startswith("<") else runs.sub(lambda m: f'<font face="{self.fallback}">{m.group()}</font>', part)
            for part in parts
        )


@cache
def _coverage(*names: str) -> frozenset[str]:
    """The characters every one of the named fonts can show (plus invisible controls)."""
    maps = [pdfmetrics.getFont(name).face.charToGlyph for name in names]
    common = set(maps[0]).intersection(*maps[1:])
    return frozenset(map(chr, common)) | _INVISIBLE | {" "}


@cache
def _runs_of(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]+")


#: The bundled fallback face (Noto Sans Math: minus sign, arrows, mathematical symbols).
FALLBACK_FILE = "NotoSansMath-Regular.ttf"


def with_fallback(family: FontFamily, path: Path) -> FontFamily:
    """``family`` with the face in ``path`` as its fallback (registered once, for every style)."""
    name = _font_name(path)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)  # <b> or <i> around it: still this face
    return replace(family, fallback=name)


def describe_character(char: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    return f"'{char}' (U+{ord(char):04X} {name})"


def _font_name(path: Path) -> str:
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]
    return f"PK{digest}-{path.stem}"


_registered: dict[tuple[Path, ...], FontFamily] = {}


def unusable_font(path: Path, location: "Location | None", reason: str | None = None) -> ResourceError:
    """The located error for a font file that cannot be read (``reason``: what the reader
    said, else "truncated or damaged"); the PDF's fonts and the website's alike."""
    return ResourceError(error(
        _("cannot use font file {path}: {reason}").format(path=path, reason=reason or _("the file is truncated or damaged")),
        location,
        hint=_("give a TrueType (.ttf) or OpenType file with TrueType outlines"),
    ))


def register_family(paths: dict[str, Path], display_name: str,
                    locations: dict[str, "Location | None"] | None = None) -> FontFamily:
    """Register regular/bold/italic/bold_italic TrueType files once per process.

    A file ReportLab cannot read (truncated, not a font, CFF outlines) is reported at
    ``locations[face]``, where the brand file names it.
    """
    key = tuple(Path(paths[face]) for face in FACES)
    family = _registered.get(key)
    if family is not None:
        return family
    names = {}
    for face, path in zip(FACES, key):
        name = _font_name(path)
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                font = TTFont(name, str(path))
            except Exception as exc:  # TTFError, struct.error, IndexError, ... for damaged files
                raise unusable_font(path, (locations or {}).get(face),
                                    str(exc) if isinstance(exc, TTFError) else None) from None
            pdfmetrics.registerFont(font)
        names[face] = name
    addMapping(names["regular"], 0, 0, names["regular"])
    addMapping(names["regular"], 1, 0, names["bold"])
    addMapping(names["regular"], 0, 1, names["italic"])
    addMapping(names["regular"], 1, 1, names["bold_italic"])
    family = FontFamily(display_name=display_name, **names)
    _registered[key] = family
    return family
