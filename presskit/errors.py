"""Typed problems, raised deep in the pipeline and turned into exit codes at the CLI edge.

Every problem a user can act on is a :class:`Diagnostic`: a severity, a message,
the position in the YAML source it is about, and a hint how to fix it. Errors
are raised as :class:`InputError` (or a subclass) carrying one or more
diagnostics, so that one pass can report every problem of a file at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file; line and column count from 1."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    @classmethod
    def of_file(cls, path: str | Path) -> "Location":
        return cls(str(path))


@dataclass(frozen=True)
class Diagnostic:
    """One problem, formatted as ``FILE:LINE:COL: error: message (hint)``."""

    severity: Severity
    message: str
    location: Location | None = None
    hint: str | None = None

    def format(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.severity}: {self.message}{hint}"

    def __str__(self) -> str:
        return self.format()


def error(message: str, location: Location | None = None, hint: str | None = None) -> Diagnostic:
    return Diagnostic("error", message, location, hint)


def warning(message: str, location: Location | None = None, hint: str | None = None) -> Diagnostic:
    return Diagnostic("warning", message, location, hint)


class PresskitError(Exception):
    """Base of every error presskit raises on purpose."""

    exit_code = 1

    def __init__(self, diagnostics: Diagnostic | Iterable[Diagnostic] | str):
        if isinstance(diagnostics, str):
            diagnostics = [error(diagnostics)]
        elif isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class InputError(PresskitError):
    """The user's input (release, brand, image, font) cannot be used."""


class YamlError(InputError):
    """The YAML text itself is unreadable, malformed or unsafe."""


class ValidationError(InputError):
    """The YAML is well-formed but does not fit the release or brand schema."""


class ResourceError(InputError):
    """A file the document needs (image, logo, font) is missing, unsafe or unusable."""


class RenderError(InputError):
    """The content cannot be laid out (e.g. characters the fonts cannot show)."""


class UsageError(PresskitError):
    """The command line itself is wrong."""

    exit_code = 2
