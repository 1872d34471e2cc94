"""Read a YAML file into plain data that remembers where every value came from.

Every scalar is kept as the text the user typed: the loader resolves no implicit
types, so ``01067`` stays ``"01067"``, ``No`` stays ``"No"`` and ``10:30`` stays
``"10:30"``. Only an empty plain value (``subtitle:`` with nothing after it)
becomes ``None``.

Anything that is not plain, safe data is refused with a located
:class:`~presskit.errors.YamlError`: anchors and aliases, explicit tags other
than ``!!str``/``!!map``/``!!seq``, duplicate and non-text keys, deep nesting,
oversized and non-UTF-8 files, empty files and a top level that is not a
mapping. No input produces a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from presskit.errors import Diagnostic, Location, YamlError, error
from presskit.i18n import N_, _
from presskit.typography.textrules import unprintable, visible

__all__ = ["SourceDoc", "parse_yaml", "load_yaml", "MAX_DEPTH", "MAX_BYTES"]

#: Deepest nesting of mappings and lists accepted (a release needs about 4).
MAX_DEPTH = 20
#: Default size limit of a YAML file, in bytes.
MAX_BYTES = 2_000_000

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _MAP, _SEQ}

YamlPath = tuple[str | int, ...]


class _Refused(Exception):
    """Raised inside the composer; carries a finished diagnostic's parts."""

    def __init__(self, message: str, mark: Any, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.hint = hint


class _Loader(Reader, Scanner, Parser, Composer, BaseResolver):
    """A composer without implicit type resolution, anchors, aliases or deep nesting."""

    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # noqa: D401
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(
                _("aliases (*{anchor}) are not allowed").format(anchor=event.anchor),
                event.start_mark,
                _("write the value out in full instead of referring to an anchor"),
            )
        event = self.peek_event()
        if event.anchor is not None:
            raise _Refused(
                _("anchors (&{anchor}) are not allowed").format(anchor=event.anchor),
                event.start_mark,
                _("write each value out in full; presskit does not use anchors and aliases"),
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            full = tag
            if full not in _ALLOWED_TAGS:
                shown = full.replace("tag:yaml.org,2002:", "!!")
                raise _Refused(
                    _("the tag '{tag}' is not allowed").format(tag=shown),
                    event.start_mark,
                    _("remove the tag; presskit reads every value as text"),
                )
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    _("the data is nested more than {limit} levels deep").format(limit=MAX_DEPTH),
                    event.start_mark,
                    _("a release needs only a few levels of indentation"),
                )
        node = super().compose_node(parent, index)
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            self._depth -= 1
        return node


_ANCHOR_OR_TAG_LIKE = re.compile(r"(?:^|[\s\[{,])[&!]\S")
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"


def _compose_fast(text: str) -> Node | None:
    """libyaml's composer (many times faster than the pure-Python one) for clean input.

    Returns ``None`` whenever the careful composer must judge the text: no
    libyaml, possible anchors, many flow brackets (deep flow nesting would
    recurse in C), any error, an alias (a node met twice), a non-standard tag,
    or nesting deeper than :data:`MAX_DEPTH`. libyaml resolves implicit tags,
    but presskit only reads ``node.value``, the text as typed; explicit tags
    and anchors are left to the careful composer, which names them.
    """
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None or _ANCHOR_OR_TAG_LIKE.search(text) or text.count("[") + text.count("{") > 100:
        return None
    try:
        loader = loader_class(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except Exception:
        return None
    if not isinstance(root, MappingNode):
        return None
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > MAX_DEPTH:
            return None
        seen.add(id(node))
        tag = node.tag or ""
        if not tag.startswith(_YAML_TAG_PREFIX) or tag.startswith(_YAML_TAG_PREFIX + "python"):
            return None
        if isinstance(node, ScalarNode):
            node.style = node.style or None  # libyaml writes '' for plain scalars
        elif isinstance(node, SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack += [(key, depth + 1), (value, depth + 1)]
    return root


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return _("a mapping")
    if isinstance(node, SequenceNode):
        return _("a list")
    return _("a text")


class SourceDoc:
    """A parsed YAML document: plain data plus the source position of every value.

    ``data`` is a tree of ``dict`` (text keys, in file order), ``list``, ``str``
    and ``None``. Treat it as read-only; the document itself cannot be changed.
    """

    __slots__ = ("path", "display", "text", "data", "_values", "_keys", "_scalars", "_lines")

    path: Path | None
    display: str
    text: str
    data: Any

    def __init__(
        self,
        *,
        path: Path | None,
        display: str,
        text: str,
        data: Any,
        values: dict[YamlPath, tuple[int, int]],
        keys: dict[YamlPath, tuple[int, int]],
        scalars: dict[YamlPath, ScalarNode],
    ):
        for name, value in (
            ("path", path),
            ("display", display),
            ("text", text),
            ("data", data),
            ("_values", values),
            ("_keys", keys),
            ("_scalars", scalars),
            ("_lines", None),
        ):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("SourceDoc is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("SourceDoc is immutable")

    def __repr__(self) -> str:
        return f"SourceDoc({self.display!r})"

    # -- positions -----------------------------------------------------------

    def _at(self, position: tuple[int, int]) -> Location:
        return Location(self.display, position[0], position[1])

    def _nearest(self, path: YamlPath) -> YamlPath:
        path = tuple(path)
        while path and path not in self._values:
            path = path[:-1]
        return path

    def location(self, path: YamlPath = ()) -> Location:
        """Where the value at ``path`` starts, or its nearest existing ancestor."""
        path = self._nearest(path)
        if not path:
            return Location(self.display, 1, 1)
        return self._at(self._values[path])

    def key_location(self, path: YamlPath) -> Location:
        """Where the key of the last element of ``path`` is; else :meth:`location`."""
        path = tuple(path)
        if path in self._keys:
            return self._at(self._keys[path])
        return self.location(path)

    def offset_location(self, path: YamlPath, offset: int) -> Location:
        """Where character ``offset`` of the text value at ``path`` is in the source.

        Exact for literal blocks (``|``) and for single-line scalars whose
        source text is the value itself; otherwise the value's start.
        ``offset`` counts in the value as loaded (before any stripping).
        """
        path = tuple(path)
        node = self._scalars.get(path)
        if node is None or offset < 0 or offset > len(node.value):
            return self.location(path)
        lines = self._source_lines()
        start, end = node.start_mark, node.end_mark
        value = node.value
        if start.line == end.line and node.style in (None, '"', "'"):
            skip = 0 if node.style is None else 1
            line = lines[start.line] if start.line < len(lines) else ""
            col = start.column + skip
            if line[col : col + len(value)] == value:
                return Location(self.display, start.line + 1, col + offset + 1)
            return self.location(path)
        if node.style == "|":
            before = value[:offset]
            index = before.count("\n")
            in_line = len(before) - (before.rfind("\n") + 1)
            value_line = value.split("\n")[index]
            source_index = start.line + 1 + index
            if source_index >= len(lines):
                return self.location(path)
            source_line = lines[source_index]
            indent = len(source_line) - len(value_line)
            if indent >= 0 and source_line.endswith(value_line) and not source_line[:indent].strip(" "):
                return Location(self.display, source_index + 1, indent + in_line + 1)
        return self.location(path)

    def _source_lines(self) -> list[str]:
        if self._lines is None:
            # The same line breaks as the YAML reader counts.
            object.__setattr__(self, "_lines", re.split(r"\r\n|[\r\n\x85\u2028\u2029]", self.text))
        return self._lines


# -- building ---------------------------------------------------------------


def _build(
    node: Node,
    path: YamlPath,
    values: dict[YamlPath, tuple[int, int]],
    keys: dict[YamlPath, tuple[int, int]],
    scalars: dict[YamlPath, ScalarNode],
) -> Any:
    values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        _refuse_unprintable(node)
        scalars[path] = node
        if node.value == "" and node.style is None:
            return None
        return visible(node.value)
    if isinstance(node, SequenceNode):
        return [_build(item, path + (i,), values, keys, scalars) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    first_seen: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise _Refused(
                _("a key must be a text, found {kind}").format(kind=_kind(key_node)),
                key_node.start_mark,
                _("write keys as plain words followed by a colon, e.g. 'title:'"),
            )
        _refuse_unprintable(key_node)
        key = key_node.value
        if key in first_seen:
            raise _Refused(
                _("duplicate key '{key}'").format(key=key),
                key_node.start_mark,
                _("'{key}' is already set on line {line}; keep only one").format(
                    key=key, line=first_seen[key].start_mark.line + 1),
            )
        first_seen[key] = key_node
        keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _build(value_node, path + (key,), values, keys, scalars)
    return result


def _refuse_unprintable(node: ScalarNode) -> None:
    """One rule for every text of every file: characters that are not text (control
    characters, lone surrogates, non-characters, only writable as escapes) are refused
    where they stand, so none of them reaches the layout, the tags or the XMP packet."""
    problem = unprintable(node.value)
    if problem is not None:
        raise _Refused(problem[0], node.start_mark, problem[1])


_FRIENDLY: list[tuple[str, str, str | None]] = [
    # (problem text fragment, message, hint)
    ("'\\t' that cannot start any token", N_("a tab character is used for indentation"), N_("indent with spaces, not tabs")),
    ("found a tab character", N_("a tab character is used for indentation"), N_("indent with spaces, not tabs")),
    ("could not find expected ':'", N_("a key is missing its colon"), N_("write 'key: value', with a colon and a space after the key")),
    ("mapping values are not allowed here", N_("a ': ' inside a value that is not in quotes"), N_("put the whole value in quotes, or check the indentation")),
    ("found unexpected end of stream", N_("a quote is not closed"), N_("close the quote (\" or ') at the end of the value")),
    ("found unknown escape character", N_("an unknown escape sequence in a double-quoted text"), N_("write \\\\ for a backslash, or use single quotes")),
    ("expected <block end>", N_("the indentation is inconsistent"), N_("indent keys of the same level by the same number of spaces")),
    ("expected a single document", N_("the file holds more than one YAML document"), N_("keep one release per file and remove the extra '---'")),
    ("did not find expected '-' indicator", N_("a list item is indented inconsistently"), N_("start every item of a list with '- ' at the same column")),
    ("did not find expected key", N_("the indentation or quoting is inconsistent"), N_("indent keys of the same level by the same number of spaces; close every quote")),
    ("found character '@' that cannot start any token", N_("a value cannot start with '@'"), N_("put the value in quotes")),
    ("found character '`' that cannot start any token", N_("a value cannot start with '`'"), N_("put the value in quotes")),
    ("found character '%' that cannot start any token", N_("a value cannot start with '%'"), N_("put the value in quotes")),
]


def _missing_colon(text: str, mark: Any, display: str) -> Diagnostic | None:
    """'title Foo' on one line and 'b: 1' on the next: YAML blames the next line."""
    lines = re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)
    if mark is None or mark.line >= len(lines):
        return None
    here = lines[mark.line]
    indent = len(here) - len(here.lstrip(" "))
    for number in range(mark.line - 1, -1, -1):
        line = lines[number]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        own = len(line) - len(line.lstrip(" "))
        if ":" not in stripped and own <= indent and not stripped.startswith(("-", "'", '"', "|", ">")):
            return error(
                _("a key is missing its colon"),
                Location(display, number + 1, own + 1),
                _("write 'key: value', with a colon and a space after the key"),
            )
        return None
    return None


def _friendly(exc: yaml.YAMLError, display: str, text: str = "") -> Diagnostic:
    if isinstance(exc, yaml.reader.ReaderError):
        # The reader complains about characters YAML does not allow (control characters).
        # Its position is a character index; turn it into line/column ourselves.
        return error(
            _("the file contains the control character #x{code:04x}, which YAML does not allow").format(code=exc.character)
            if isinstance(exc.character, int)
            else _("the file contains a character YAML does not allow"),
            Location(display, 1, 1),
            _("remove the character or save the file as plain UTF-8 text"),
        )
    problem = (getattr(exc, "problem", None) or str(exc) or "malformed YAML").strip()
    context = (getattr(exc, "context", None) or "").strip()
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = Location(display, mark.line + 1, mark.column + 1) if mark is not None else Location(display, 1, 1)
    full = f"{context} {problem}"
    if "found unexpected end of stream" in full and getattr(exc, "context_mark", None) is not None:
        mark = exc.context_mark
        where = Location(display, mark.line + 1, mark.column + 1)
    if "mapping values are not allowed here" in full:
        colon = _missing_colon(text, getattr(exc, "problem_mark", None), display)
        if colon is not None:
            return colon
    for fragment, message, hint in _FRIENDLY:
        if fragment in full:
            return error(_(message), where, _(hint) if hint else None)
    text = problem[:1].lower() + problem[1:]
    if context:
        text = f"{text} ({context})"
    return error(_("malformed YAML: {problem}").format(problem=text), where)


def _reader_location(text: str, exc: yaml.reader.ReaderError, display: str) -> Location:
    index = exc.position if isinstance(exc.position, int) else 0
    before = text[:index]
    line = len(re.findall(r"\r\n|[\r\n\x85\u2028\u2029]", before)) + 1
    last = max(before.rfind(c) for c in "\r\n\x85\u2028\u2029")
    return Location(display, line, index - last)


def _decode(raw: bytes, display: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        line = head.count(b"\n") + 1
        line_start = head.rfind(b"\n") + 1
        column = len(head[line_start:].decode("utf-8", errors="replace")) + 1
        bad = raw[exc.start]
        raise YamlError(
            error(
                _("the file is not valid UTF-8 (byte 0x{byte:02X} cannot be read)").format(byte=bad),
                Location(display, line, column),
                _("save the file as UTF-8"),
            )
        ) from None
    return text


def parse_yaml(text: str | bytes, display: str, path: Path | None = None) -> SourceDoc:
    """Parse YAML text into a :class:`SourceDoc`; raise :class:`YamlError` if unusable."""
    if isinstance(text, (bytes, bytearray)):
        text = _decode(bytes(text), display)
    if text.startswith("\ufeff"):
        text = text[1:]
    values: dict[YamlPath, tuple[int, int]] = {}
    keys: dict[YamlPath, tuple[int, int]] = {}
    scalars: dict[YamlPath, ScalarNode] = {}
    try:
        root = _compose_fast(text)
        if root is None:
            loader = _Loader(text)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
        if root is None:
            raise YamlError(
                error(
                    _("the file is empty"),
                    Location(display, 1, 1),
                    _("a release needs at least 'title:', 'date:' and 'body:'"),
                )
            )
        if not isinstance(root, MappingNode):
            raise YamlError(
                error(
                    _("the file must be a mapping of keys and values (title: …), found {kind}").format(kind=_kind(root)),
                    Location(display, root.start_mark.line + 1, root.start_mark.column + 1),
                    _("start each line of the top level with a key such as 'title:'"),
                )
            )
        data = _build(root, (), values, keys, scalars)
    except _Refused as refused:
        mark = refused.mark
        raise YamlError(
            error(refused.message, Location(display, mark.line + 1, mark.column + 1), refused.hint)
        ) from None
    except yaml.reader.ReaderError as exc:
        diag = _friendly(exc, display)
        raise YamlError(
            Diagnostic(diag.severity, diag.message, _reader_location(text, exc, display), diag.hint)
        ) from None
    except yaml.YAMLError as exc:
        from presskit.source.yamlslips import diagnose  # the slip behind the error, at its own line

        raise YamlError(diagnose(text, exc, display) or _friendly(exc, display, text)) from None
    except RecursionError:
        raise YamlError(
            error(
                _("the data is nested too deeply (more than {limit} levels)").format(limit=MAX_DEPTH),
                Location(display, 1, 1),
            )
        ) from None
    return SourceDoc(
        path=path, display=display, text=text, data=data, values=values, keys=keys, scalars=scalars
    )


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


class _NotRegular(Exception):
    pass


def _read_regular(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``path``, which must be a regular file.

    Opened without blocking, so that a FIFO given as a release never hangs the run;
    checked on the open descriptor, so that nothing can be swapped in between.
    """
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotRegular()
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read(limit)
    finally:
        if fd >= 0:
            os.close(fd)


def load_yaml(path: Path, display: str | None = None, max_bytes: int = MAX_BYTES) -> SourceDoc:
    """Read and parse a YAML file, refusing files larger than ``max_bytes``."""
    path = Path(path)
    shown = display if display is not None else str(path)
    try:
        raw = _read_regular(path, max_bytes + 1)
    except _NotRegular:
        raise YamlError(error(_("is not a regular file (a pipe, device or socket is never read)"),
                              Location.of_file(shown), _("give the path of a YAML file"))) from None
    except FileNotFoundError:
        raise YamlError(error(_("file not found"), Location.of_file(shown), _("check the path"))) from None
    except IsADirectoryError:
        raise YamlError(error(_("is a directory, not a YAML file"), Location.of_file(shown))) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise YamlError(error(_("cannot read the file: {reason}").format(reason=reason.lower()), Location.of_file(shown))) from None
    if len(raw) > max_bytes:
        try:
            actual = path.stat().st_size
        except OSError:
            actual = len(raw)
        raise YamlError(
            error(
                _("the file is too large ({size}; the limit is {limit})").format(size=_size(actual), limit=_size(max_bytes)),
                Location.of_file(shown),
                _("a press release is a few kilobytes of text; images belong in separate files"),
            )
        )
    return parse_yaml(raw, shown, path)
