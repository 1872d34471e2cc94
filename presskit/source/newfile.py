"""``presskit new``: a new release file from the commented template.

The template ships as package data (``presskit/templates/release.yaml``) and
is filled with :class:`string.Template`, so that the braces of YAML flow
mappings need no escaping. The title is written as a double-quoted YAML
scalar, so it survives whatever it contains (quotes, ``: ``, ``#``, a leading
``-`` or ``!``, or words YAML 1.1 would read as booleans).

A new file is opened with mode ``"x"``: an existing release is never
overwritten, not even by a race between two ``presskit new`` calls.
"""

from __future__ import annotations

import datetime
import os
import re
import string
import unicodedata
from importlib import resources
from pathlib import Path

from presskit.errors import InputError, Location, UsageError, error
from presskit.i18n import _, user_language

#: The schema file ``presskit init`` writes and ``presskit new`` points the modeline at.
SCHEMA_FILE_NAME = "release.schema.json"

#: Slug of a title that has no letters or digits at all.
FALLBACK_SLUG = "pressemitteilung"

# German transliteration first (the press office's language), then a few
# letters that Unicode decomposition does not reduce to ASCII.
_TRANSLITERATION = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "oe",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
    }
)


def slugify(title: str, max_length: int = 60) -> str:
    """The file-name part of a title: lower-case ASCII words joined by ``-``.

    ``"Kreistag beschließt Haushalt 2027"`` → ``"kreistag-beschliesst-haushalt-2027"``.
    Longer slugs are cut at the last word boundary within ``max_length``
    (a single over-long word is cut hard). A title without any letter or digit
    gives :data:`FALLBACK_SLUG`.
    """
    if max_length < 1:
        raise ValueError("max_length must be positive")
    # Compose first so that "a" + combining diaeresis is treated like "ä".
    text = unicodedata.normalize("NFC", title).lower().translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > 0 else slug[:max_length]
        slug = slug.strip("-")
    return slug or FALLBACK_SLUG


_YAML_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def yaml_double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that loads back unchanged.

    Printable characters (umlauts, „“, €, no-break spaces, …) are written as
    they are; control and format characters and the Unicode line separators
    are escaped so that they stay visible in the file and survive YAML's line
    folding.
    """
    out = ['"']
    for ch in text:
        if ch in _YAML_ESCAPES:
            out.append(_YAML_ESCAPES[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") or ch == "\ufeff":
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _clean_title(title: str) -> str:
    """The title as one line: runs of whitespace (newlines too) become one space."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise UsageError(error(_("the title is empty"), hint=_('give the headline in quotes: presskit new "Kreistag beschließt Haushalt"')))
    return cleaned


def _template_text(lang: str) -> str:
    return (resources.files("presskit") / "templates" / f"release.{lang}.yaml").read_text(encoding="utf-8")


def parse_new_date(text: str) -> datetime.date:
    """``--date`` read by the release file's own date parser, so both accept the same dates."""
    from pydantic_core import PydanticCustomError

    from presskit.source.model import parse_date

    try:
        return parse_date(text)
    except PydanticCustomError as exc:
        context = exc.context or {}
        raise UsageError(error("--date: " + str(context.get("message", exc)), hint=context.get("hint") or None)) from None


def find_schema(directory: Path) -> Path | None:
    """The ``release.schema.json`` of the press office folder ``directory`` is in, if any."""
    folder = Path(directory).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE_NAME).is_file():
            return candidate / SCHEMA_FILE_NAME
    return None


def modeline(directory: Path) -> str:
    """The yaml-language-server line for a release in ``directory``: a path that works from there."""
    schema = find_schema(directory)
    if schema is None:
        return ""
    relative = os.path.relpath(schema, Path(directory).resolve())
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}\n"


def render_template(title: str, date: datetime.date, lang: str | None = None, directory: Path | None = None) -> str:
    """The text of a new release file with ``title`` and ``date`` filled in.

    The comments are in ``lang`` (default: the user's language, German or
    English); the placeholder text is German in both, like the releases.
    With ``directory``, a modeline pointing at the press office's schema
    comes first, if there is one.
    """
    return string.Template(_template_text(lang or user_language())).substitute(
        modeline=modeline(directory) if directory is not None else "",
        title=yaml_double_quoted(_clean_title(title)),
        date=date.isoformat(),
    )


def release_filename(title: str, date: datetime.date) -> str:
    """``YYYY-MM-DD-slug.yaml``, the naming convention of release files."""
    return f"{date.isoformat()}-{slugify(title)}.yaml"


def write_new_release(title: str, date: datetime.date, directory: Path) -> Path:
    """Write a new release file into ``directory`` (created if needed) and return its path.

    Never overwrites: if the file exists, :class:`InputError` is raised and the
    existing file is left untouched.
    """
    directory = Path(directory)
    text = render_template(title, date, directory=directory)
    path = directory / release_filename(title, date)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            error(
                _("cannot create the directory {directory}: {reason}").format(directory=directory, reason=exc.strerror or exc),
                location=Location.of_file(directory),
                hint=_("choose another --dir"),
            )
        ) from None
    try:
        handle = open(path, "x", encoding="utf-8", newline="\n")
    except FileExistsError:
        raise InputError(
            error(
                _("{path} already exists").format(path=path),
                hint=_("choose another title or --date, or edit the existing file"),
            )
        ) from None
    except OSError as exc:
        raise InputError(
            error(
                _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
                location=Location.of_file(path),
                hint=_("check that the directory is writable, or choose another --dir"),
            )
        ) from None
    try:
        with handle:
            handle.write(text)
    except OSError as exc:
        # We created the file, so a half-written one is ours to remove.
        path.unlink(missing_ok=True)
        raise InputError(
            error(
                _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
                location=Location.of_file(path),
                hint=_("check the free disk space, or choose another --dir"),
            )
        ) from None
    return path
