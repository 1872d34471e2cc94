"""Typical YAML slips of people who are not programmers, found at the line where they are.

PyYAML reports where *parsing* failed, which is often lines after the slip
(an unclosed quote is noticed at the end of the file, a key without its colon
on the next key) and in grammar words ("expected <block end>").  This module
looks at the text line by line for the slips press officers make, proposes
the fix for each suspect line, and keeps a suspicion only if the fix really
repairs the file there: the text with the fix parses, or fails only further
down.  The first confirmed slip is reported, at its own line and column, with
the fix written out.

Two slips are valid YAML and never fail to parse, so they are warnings
(:func:`silent_slips`, used by the lint): a Markdown heading at the start of
a line inside an indented text (YAML reads it as a comment and drops it) and
``#`` right before a word in an unquoted value (the rest of the line becomes a
comment).

Nothing here raises; :func:`diagnose` returns ``None`` when it has no better
word than PyYAML's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

import yaml

from presskit.errors import Diagnostic, Location, error, warning
from presskit.i18n import _, ngettext

__all__ = ["diagnose", "silent_slips"]

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# "key: value", "- key: value", "key:" (a key is a plain word group or a quoted text)
_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#]*?|\"[^\"]*\"|'[^']*')"
    r":(?:[ \t]+(?P<value>.*?))?[ \t]*$"
)
#: Keys whose value is a list or a mapping, never a text: a line under them is not text without '|'.
_CONTAINERS = frozenset({"facts", "items", "images", "links", "contact", "people", "keywords", "address", "colours",
                         "fonts", "page", "logo", "margins", "units", "primary", "accent"})
#: Keys of the release and brand files; any other "key" right under a text is more likely a line of that text.
_KNOWN_KEYS = frozenset({"title", "subtitle", "date", "place", "number", "embargo", "lang", "lead", "body", "facts",
                         "images", "links", "contact", "about", "closing", "keywords", "items", "file", "caption",
                         "credit", "alt", "decorative", "text", "url", "people", "name", "role", "phone", "email",
                         "organisation", "units", "address", "street", "postcode", "city", "room", "fax", "website",
                         "logo", "colours", "fonts", "about_title", "page", "size", "margins"}) | _CONTAINERS
_BLOCK_HEADER = re.compile(r"^[|>][+-]?[1-9]?[+-]?(?:[ \t]+#.*)?$")
_MAX_SHOWN = 70


@dataclass(frozen=True)
class _Line:
    number: int              # 0-based
    text: str
    indent: int
    kind: str                # blank, comment, key, item, content, text
    key: str | None = None
    key_column: int = 0      # column of the key (after any "- ")
    value: str | None = None
    value_column: int = 0
    owner: int | None = None  # for content: the line of the key whose text it is
    content_indent: int = 0   # for content: the indentation of that text
    dash: bool = False        # a list item ("- ...")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _plain_text_follows(lines: list[str], number: int) -> bool:
    """``key:`` with nothing after it and, below it, text rather than keys or list items."""
    for text in lines[number + 1:]:
        stripped = text.strip()
        if not stripped:
            continue
        return not (stripped.startswith(("#", "-")) or _KEY_LINE.match(text))
    return False


def _classify(lines: list[str]) -> list[_Line]:
    """Each line's role, following block scalars (``|``/``>``) and plain multi-line texts."""
    result: list[_Line] = []
    block: tuple[int, int, int | None] | None = None  # (owner line, parent column, content indent)
    for number, text in enumerate(lines):
        stripped = text.strip()
        indent = _indent(text)
        if block is not None:
            owner, parent, content = block
            if not stripped:
                result.append(_Line(number, text, indent, "blank"))
                continue
            if content is None and indent > parent:
                content = indent
                block = (owner, parent, content)
            if content is not None and indent >= content:
                result.append(_Line(number, text, indent, "content", owner=owner, content_indent=content))
                continue
            block = None
        if not stripped:
            result.append(_Line(number, text, indent, "blank"))
            continue
        if stripped.startswith("#"):
            result.append(_Line(number, text, indent, "comment"))
            continue
        if indent == 0 and (text.startswith(("---", "...", "%"))):
            result.append(_Line(number, text, indent, "marker"))
            continue
        match = _KEY_LINE.match(text)
        if match:
            key_column = indent + len(match["dash"])
            value = match["value"]
            value_column = match.start("value") if value is not None else len(text)
            line = _Line(number, text, indent, "key", match["key"].strip("\"'"), key_column, value, value_column,
                         dash=bool(match["dash"]))
            result.append(line)
            if (value is not None and _BLOCK_HEADER.match(value)) or (value is None and match["key"] not in _CONTAINERS
                                                                   and _plain_text_follows(lines, number)):
                block = (number, key_column, None)
            continue
        if stripped.startswith("- ") or stripped == "-":
            column = indent + 2
            result.append(_Line(number, text, indent, "item", None, column, stripped[2:], column, dash=True))
            continue
        result.append(_Line(number, text, indent, "text"))
    return result


def _error_position(text: str) -> tuple[int, int] | None:
    """Where a YAML parser stops on ``text`` (line, column), or ``None`` if it parses."""
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_class(text)
        try:
            loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return (mark.line, mark.column) if mark is not None else (0, 0)
    except Exception:  # noqa: BLE001 - anything odd: the fix is not confirmed
        return (-1, -1)
    return None


@dataclass(frozen=True)
class _Suspect:
    line: int
    column: int
    message: str
    hint: str
    fixed_lines: tuple[tuple[int, str], ...]  # replacements (line number -> new text, may hold "\n")


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1].rstrip() + "…"


def _write(fixed: str) -> str:
    return _("write: {fixed}").format(fixed=_shown(fixed))


def _spaces(n: int) -> str:
    return ngettext("{n} space", "{n} spaces", n).format(n=n)


def _single_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _quoted(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return '"' + value + '"'
    return _single_quoted(value)


def _previous(info: list[_Line], number: int, kinds: tuple[str, ...] = ("key", "item", "content", "text")) -> _Line | None:
    for line in reversed(info[:number]):
        if line.kind in kinds:
            return line
    return None


def _next(info: list[_Line], number: int) -> _Line | None:
    for line in info[number + 1:]:
        if line.kind not in ("blank",):
            return line
    return None


def _quote_end(value: str) -> int | None:
    """Index just after the closing quote of a quoted ``value`` on its line, or ``None``."""
    quote = value[0]
    i = 1
    while i < len(value):
        ch = value[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and value[i + 1:i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return None


# -- the suspects, one function per kind of slip ---------------------------------


def _quotes(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    value = line.value
    if not value or value[0] not in "\"'":
        return
    head = line.text[: line.value_column]
    end = _quote_end(value)
    if end is None:
        yield _Suspect(
            line.number, line.value_column + 1,
            _("the quote opened on line {line} is never closed").format(line=line.number + 1),
            _("add a closing {quote} at the end of the text").format(quote=value[0])
            + "; " + _write(head + value + value[0]),
            ((line.number, head + value + value[0]),),
        )
        return
    rest = value[end:]
    if rest.strip() and not rest.lstrip().startswith("#"):
        inner = value.rstrip()
        if len(inner) > 2 and inner[-1] == value[0] and not rest[0].isspace():  # "Der "neue" Haushalt": quotes inside quotes
            message = _("the quote before '{word}' ends the text early").format(word=_shown(rest.strip().split()[0]))
            fixed = head + _single_quoted(inner[1:-1]) if value[0] == '"' else head + '"' + inner[1:-1] + '"'
        else:
            message = _("there is text after the closing quote")
            fixed = head + _single_quoted(value)
        yield _Suspect(
            line.number, line.value_column + end + len(rest) - len(rest.lstrip()) + 1,
            message,
            _("put the whole text in single quotes") + "; " + _write(fixed),
            ((line.number, fixed),),
        )


def _colon_space(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """``number:118/2026``: the colon needs a space after it."""
    if line.kind != "text":
        return
    match = re.match(r"^( *(?:- +)*)([A-Za-zÄÖÜäöüß_][\w-]*):(\S.*)$", line.text)
    if match and not match[3].startswith("//"):
        fixed = f"{match[1]}{match[2]}: {match[3]}"
        yield _Suspect(
            line.number, len(match[1]) + len(match[2]) + 2,
            _("'{key}:' needs a space after the colon").format(key=match[2]),
            _write(fixed),
            ((line.number, fixed),),
        )


def _dash_space(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """``-Erträge: 10 Mio. €``: a list item needs a space after the dash."""
    stripped = line.text.lstrip(" ")
    if not (stripped.startswith("-") and len(stripped) > 1 and stripped[1] not in " -"):
        return
    fixed = " " * line.indent + "- " + stripped[1:]
    yield _Suspect(
        line.number, line.indent + 1,
        _("a list item needs a space after '-'"),
        _("add a space after '-'") + "; " + _write(fixed),
        ((line.number, fixed),),
    )


def _not_indented(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """A line of a multi-line text (lead, body) that is less indented than the text above it."""
    if line.kind not in ("text", "comment", "item") and not (line.kind == "key" and line.key not in _KNOWN_KEYS):
        return
    before = _previous(info, line.number)
    if (before is not None and before.kind == "key" and before.value and _BLOCK_HEADER.match(before.value)
            and line.indent <= before.key_column and line.kind != "comment"):
        # the first line of a '|' text is not indented
        following = _next(info, line.number)
        indent = following.indent if following is not None and following.indent > before.key_column else before.key_column + 2
        fixed = " " * indent + line.text.lstrip(" ")
        yield _Suspect(
            line.number, line.indent + 1,
            _("this line belongs to '{key}' (line {line}) but is not indented").format(key=before.key, line=before.number + 1),
            _("indent it by {spaces}, like the lines below").format(spaces=_spaces(indent)),
            ((line.number, fixed),),
        )
        return
    if before is None or before.kind != "content":
        return
    owner = info[before.owner]
    if line.indent >= before.content_indent:
        return
    fixed = " " * before.content_indent + line.text.lstrip(" ")
    if line.kind == "comment":
        following = _next(info, line.number)
        if not re.match(r"#{1,6} ", line.text.lstrip(" ")) and (following is None or following.kind != "text"):
            return
        message = _("'{line}' is not indented, so YAML reads it as a comment and it would be left out of '{key}'").format(
            line=_shown(line.text), key=owner.key)
    else:
        message = _("this line belongs to '{key}' (line {line}) but is not indented").format(key=owner.key, line=owner.number + 1)
    yield _Suspect(
        line.number, line.indent + 1 if line.indent else 1, message,
        _("indent it by {spaces}, like the line above").format(spaces=_spaces(before.content_indent)),
        ((line.number, fixed),),
    )


def _missing_colon(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """``number 118/2026`` at a place where a key is expected (also ``- text Mehr`` before ``url:``)."""
    if line.kind == "item" and line.value:
        following = _next(info, line.number)
        if following is None or following.kind != "key" or following.indent != line.key_column:
            return
        word, _sep, rest = line.value.partition(" ")
        if ":" in word or not rest.strip() or word[0] in "\"'[{|>!&*@`%":
            return
        head = line.text[: line.value_column]
        fixed = head + word + ": " + rest.strip()
        yield _Suspect(
            line.number, line.value_column + len(word) + 1,
            _("'{key}' has no colon after it").format(key=word),
            _("add a colon after the key") + "; " + _write(fixed),
            ((line.number, fixed),),
        )
        return
    if line.kind != "text":
        return
    stripped = line.text.strip()
    if stripped[0] in "\"'[{|>!&*@`%":
        return
    word, _sep, rest = stripped.partition(" ")
    if ":" in word:
        return
    fixed = " " * line.indent + word + ":" + (" " + rest.strip() if rest.strip() else "")
    yield _Suspect(
        line.number, line.indent + len(word) + 1 if rest else line.indent + 1,
        _("'{key}' has no colon after it").format(key=word),
        _("add a colon after the key") + "; " + _write(fixed),
        ((line.number, fixed),),
    )


def _text_without_bar(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """``body:`` with nothing after it, and paragraphs of text below."""
    if line.kind != "key" or line.value is not None or line.key in _CONTAINERS:
        return
    following = [other for other in info[line.number + 1:] if other.kind != "blank"]
    if not following or following[0].kind != "content":
        return
    fixed = line.text.rstrip() + " |"
    yield _Suspect(
        line.number, len(line.text.rstrip()) + 1,
        _("the text under '{key}:' needs a '|' after the colon").format(key=line.key),
        _("with '|' YAML keeps the lines, paragraphs and headings as typed") + "; " + _write(fixed),
        ((line.number, fixed),),
    )


def _needs_quotes(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """A value with ``: `` inside, or one that starts with a character YAML reserves."""
    value = line.value
    if line.kind not in ("key", "item") or not value or value[0] in "\"'|>#":
        return
    head = line.text[: line.value_column]
    fixed = head + _quoted(value)
    if value[0] in "[{*@`%&!":
        yield _Suspect(
            line.number, line.value_column + 1,
            _("a text that starts with '{char}' must be in quotes").format(char=value[0]),
            _write(fixed),
            ((line.number, fixed),),
        )
    elif ": " in value or value.endswith(":"):
        column = value.find(": ") if ": " in value else len(value) - 1
        yield _Suspect(
            line.number, line.value_column + column + 1,
            _("the text after '{key}:' contains a colon, which YAML reads as the start of another key").format(
                key=line.key or "-"),
            _("put the whole text in quotes") + "; " + _write(fixed),
            ((line.number, fixed),),
        )


def _text_after_bar(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """``body: | Erster Absatz``: the text of a block starts on the next line."""
    value = line.value
    if line.kind != "key" or not value or value[0] not in "|>" or _BLOCK_HEADER.match(value):
        return
    match = re.match(r"^([|>][+-]?[1-9]?[+-]?)\s*(.*)$", value)
    if not match:
        return
    head = line.text[: line.value_column] + match[1]
    following = _next(info, line.number)
    indent = following.indent if following is not None and following.indent > line.key_column else line.key_column + 2
    fixed = head + "\n" + " " * indent + match[2]
    yield _Suspect(
        line.number, line.value_column + match.start(2) + 1,
        _("after '{bar}' the text must start on the next line").format(bar=match[1][0]),
        _("move '{text}' to the next line, indented like the text below").format(text=_shown(match[2])),
        ((line.number, fixed),),
    )


def _value_and_block(line: _Line, info: list[_Line]) -> Iterator[_Suspect]:
    """``images: Bilder`` followed by indented lines of the list or mapping."""
    if line.kind != "key" or not line.value or line.value[0] in "|>\"'#":
        return
    following = _next(info, line.number)
    if following is None or following.kind not in ("key", "item") or following.indent <= line.key_column:
        return
    fixed = line.text[: line.value_column].rstrip()
    yield _Suspect(
        line.number, line.value_column + 1,
        _("'{key}:' has a text on its own line and indented lines below it").format(key=line.key),
        _("remove '{text}' after '{key}:'; what belongs to '{key}' goes on the indented lines").format(
            text=_shown(line.value), key=line.key),
        ((line.number, fixed),),
    )


_SUSPECTS: tuple[Callable[[_Line, list[_Line]], Iterator[_Suspect]], ...] = (
    _quotes,
    _text_after_bar,
    _not_indented,
    _colon_space,
    _dash_space,
    _text_without_bar,
    _value_and_block,
    _needs_quotes,
    _missing_colon,
)


def _columns(info: list[_Line], number: int) -> list[tuple[int, _Line]]:
    """(column, line) pairs above ``number`` that a line there could line up with, nearest first."""
    found: list[tuple[int, _Line]] = []
    lowest = None
    for line in reversed(info[:number]):
        if line.kind not in ("key", "item"):
            continue
        if lowest is None or line.indent <= lowest:
            found.append((line.indent, line))
            if line.key_column != line.indent:
                found.append((line.key_column, line))
            lowest = line.indent if lowest is None else min(lowest, line.indent)
        if line.indent == 0:
            break
    return found


def _indentation(info: list[_Line], number: int) -> Iterator[_Suspect]:
    """The line where parsing stopped lines up with no key or list item above it."""
    line = info[number]
    if line.kind not in ("key", "item", "text"):
        return
    tried: set[int] = set()
    for column, other in sorted(_columns(info, number), key=lambda c: (abs(c[0] - line.indent), -c[1].number)):
        if column == line.indent or column in tried:
            continue
        tried.add(column)
        fixed = " " * column + line.text.lstrip(" ")
        if column == 0:
            message = _("this line is indented by {this}, but it belongs at the start of the line, like line {line}")
            hint = _("remove the spaces at the start of the line")
        else:
            if line.dash and other.dash and column == other.indent:
                message = _("this list item is indented by {this}, the item on line {line} by {other}")
            else:
                message = _("this line is indented by {this}, but line {line}, where it belongs, by {other}")
            hint = _("indent it by {spaces}, like line {line}").format(line=other.number + 1, spaces=_spaces(column))
        yield _Suspect(
            number, line.indent + 1,
            message.format(this=_spaces(line.indent), line=other.number + 1, other=_spaces(column)),
            hint,
            ((number, fixed),),
        )


def _apply(lines: list[str], suspect: _Suspect) -> str:
    changed = list(lines)
    for number, new in suspect.fixed_lines:
        changed[number] = new
    return "\n".join(changed)


#: At most this many re-parses per diagnosis, so that a large broken file costs little.
MAX_TRIES = 40


class _Budget(Exception):
    """The re-parses of one diagnosis are used up."""


def _confirmed(lines: list[str], suspect: _Suspect, failed_at: tuple[int, int], tries: list[int]) -> bool:
    tries[0] += 1
    if tries[0] > MAX_TRIES:
        raise _Budget
    after = _error_position(_apply(lines, suspect))
    return after is None or after > failed_at


def diagnose(text: str, exc: yaml.YAMLError, display: str) -> Diagnostic | None:
    """The slip behind the parse error ``exc`` of ``text``, located where it is; else ``None``."""
    try:
        return _diagnose(text, exc, display)
    except Exception:  # noqa: BLE001 - a diagnosis must never hide the real error
        return None


def _diagnose(text: str, exc: yaml.YAMLError, display: str) -> Diagnostic | None:
    lines = _LINE_BREAK.split(text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return None
    stop = min(mark.line, len(lines) - 1)
    if "\t" in lines[stop][: len(lines[stop]) - len(lines[stop].lstrip(" \t"))]:
        column = lines[stop].index("\t") + 1
        return error(_("a tab character is used for indentation"), Location(display, stop + 1, column),
                     _("indent with spaces, not tabs"))
    failed_at = _error_position(text)
    if failed_at is None:
        return None
    info = _classify(lines)
    tries = [0]
    try:
        # the error line's own indentation is tried after the slips above it
        for line in info[: stop + 1]:
            for suspect_of in _SUSPECTS:
                for suspect in suspect_of(line, info):
                    if _confirmed(lines, suspect, failed_at, tries):
                        return error(suspect.message, Location(display, suspect.line + 1, suspect.column), suspect.hint)
        for suspect in _indentation(info, stop):
            if _confirmed(lines, suspect, failed_at, tries):
                return error(suspect.message, Location(display, suspect.line + 1, suspect.column), suspect.hint)
    except _Budget:
        return None
    return None


# -- valid YAML that does not say what was meant -----------------------------------


def silent_slips(text: str, display: str) -> list[Diagnostic]:
    """Warnings for slips that parse: a heading YAML reads as a comment, a '#word' cut off as one."""
    try:
        lines = _LINE_BREAK.split(text)
        info = _classify(lines)
    except Exception:  # noqa: BLE001
        return []
    found: list[Diagnostic] = []
    for line in info:
        if line.kind == "comment":
            before = _previous(info, line.number, ("key", "item", "content", "text"))
            stripped = line.text.lstrip(" ")
            if (before is not None and before.kind == "content" and line.indent < before.content_indent
                    and re.match(r"#{2,6} \S", stripped)):
                owner = info[before.owner]
                found.append(warning(
                    _("'{line}' is not indented, so YAML reads it as a comment and it is left out of '{key}'").format(
                        line=_shown(stripped), key=owner.key),
                    Location(display, line.number + 1, line.indent + 1),
                    _("indent it by {spaces}, like the line above").format(spaces=_spaces(before.content_indent)),
                ))
        elif line.kind in ("key", "item") and line.value and line.value[0] not in "\"'|>#":
            match = re.search(r"[ \t]#(?=[^\s#])", line.value)
            if match:
                found.append(warning(
                    _("everything after '#' on this line is read as a comment and left out"),
                    Location(display, line.number + 1, line.value_column + match.start() + 2),
                    _("put the whole text in quotes") + "; " + _write(line.text[: line.value_column] + _quoted(line.value)),
                ))
    return found


def unindented_text_line(text: str, line: int) -> tuple[str, int, int] | None:
    """If 1-based ``line`` looks like a key but follows the indented text of a key such as
    ``body: |`` with less indentation, (that key, its line, the text's indentation); else None.

    ``Zweiter Absatz: mit Doppelpunkt.`` at the start of a line after the body
    is valid YAML (a key ``Zweiter Absatz``); the release check uses this to
    name the slip instead of an unknown key.
    """
    try:
        info = _classify(_LINE_BREAK.split(text))
        here = info[line - 1]
        before = _previous(info, line - 1)
    except (IndexError, ValueError):
        return None
    if here.kind != "key" or before is None or before.kind != "content" or here.indent >= before.content_indent:
        return None
    owner = info[before.owner]
    return owner.key or "", owner.number + 1, before.content_indent
