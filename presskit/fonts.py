"""Registering the brand's font family with ReportLab, and asking what it can show."""

from __future__ import annotations

import hashlib
from functools import cache
import unicodedata
from dataclasses import dataclass
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

    def face(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        if italic:
            return self.italic
        return self.regular

    def missing_characters(self, text: str) -> list[str]:
        """Characters of ``text`` that a face of the family has no glyph for, in order, once each."""
        missing = set(text) - _coverage(self.regular, self.bold, self.italic, self.bold_italic)
        if not missing:
            return []
        return [char for char in dict.fromkeys(text) if char in missing]


@cache
def _coverage(*names: str) -> frozenset[str]:
    """The characters every one of the named fonts can show (plus invisible controls)."""
    maps = [pdfmetrics.getFont(name).face.charToGlyph for name in names]
    common = set(maps[0]).intersection(*maps[1:])
    return frozenset(map(chr, common)) | _INVISIBLE | {" "}


def describe_character(char: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    return f"'{char}' (U+{ord(char):04X} {name})"


def _font_name(path: Path) -> str:
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]
    return f"PK{digest}-{path.stem}"


_registered: dict[tuple[Path, ...], FontFamily] = {}


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
                reason = str(exc) if isinstance(exc, TTFError) else _("the file is truncated or damaged")
                raise ResourceError(
                    error(
                        _("cannot use font file {path}: {reason}").format(path=path, reason=reason),
                        (locations or {}).get(face),
                        hint=_("give a TrueType (.ttf) or OpenType file with TrueType outlines"),
                    )
                ) from None
            pdfmetrics.registerFont(font)
        names[face] = name
    addMapping(names["regular"], 0, 0, names["regular"])
    addMapping(names["regular"], 1, 0, names["bold"])
    addMapping(names["regular"], 0, 1, names["italic"])
    addMapping(names["regular"], 1, 1, names["bold_italic"])
    family = FontFamily(display_name=display_name, **names)
    _registered[key] = family
    return family
