"""Where PDFs go, and writing them there safely.

* :func:`plan_outputs` decides every target of a ``build`` before anything is
  built and refuses, as a usage error naming both paths, two inputs that would
  be written to the same file, a target that is an input, and targets that are
  folders, non-PDF files or lie below a file.
* :func:`write_atomic` writes a temporary file beside the target and renames it
  into place; temporaries carry the writing process's id, so those left behind
  by a killed run (``kill -9``) are removed by the next write into that folder.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Sequence

from presskit.errors import InputError, Location, UsageError, error
from presskit.i18n import _

#: Temporary files are ``.NAME.presskit-PID-RANDOM.tmp``.
_TEMP = re.compile(r"^\..+\.presskit-(\d+)-[^.]+\.tmp$")


def output_for(source: Path, out: Path | None, single: bool) -> Path:
    """Where the PDF of ``source`` goes: ``out`` itself for one input and a .pdf path, else a folder."""
    if out is not None and single and out.suffix.lower() == ".pdf":
        return out
    folder = out if out is not None else Path("out")
    if folder.suffix.lower() == ".pdf":
        raise UsageError(error(_("-o {folder}: with several inputs the output must be a folder").format(folder=folder)))
    return folder / (source.stem + ".pdf")


def _key(path: Path) -> str:
    """A comparable form of ``path`` (absolute, symlinks resolved where they exist)."""
    try:
        return os.path.normcase(str(Path(path).resolve()))
    except (OSError, RuntimeError, ValueError):
        return os.path.normcase(os.path.abspath(str(path)))


def _is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def _check_target(target: Path) -> None:
    """Refuse a target that is a folder, not a regular file, a non-PDF file or lies below a file."""
    try:
        if target.is_dir():
            raise UsageError(error(_("the output {target} is a folder, not a PDF file").format(target=target),
                                   hint=_("give a file name ending in .pdf, or remove the folder")))
        if target.exists() or target.is_symlink():
            if not target.is_file():
                raise UsageError(error(_("the output {target} exists and is not a regular file").format(target=target)))
            if not _is_pdf(target):
                raise UsageError(error(
                    _("the output {target} exists and is not a PDF; presskit replaces only PDF files").format(target=target),
                    hint=_("choose another output name, or move the file away"),
                ))
        for parent in target.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise UsageError(error(
                        _("cannot write {target}: {parent} is a file, not a folder").format(target=target, parent=parent),
                        hint=_("give -o a folder, or a path whose folders are not files"),
                    ))
                break
    except OSError as exc:
        raise UsageError(error(_("cannot use the output {target}: {reason}").format(
            target=target, reason=(exc.strerror or str(exc)).lower()))) from None


def plan_outputs(sources: Sequence[Path], out: Path | None) -> list[tuple[Path, Path]]:
    """``(source, target)`` for every input; raises :class:`UsageError` before anything is built."""
    if out is not None and len(sources) != 1 and out.exists() and not out.is_dir():
        raise UsageError(error(_("-o {out} is a file; with several inputs it must be a folder").format(out=out)))
    if out is not None and len(sources) == 1 and out.suffix.lower() != ".pdf" and out.exists() and not out.is_dir():
        raise UsageError(error(
            _("-o {out} is a file that is not a PDF; give a folder or a .pdf file name").format(out=out)))
    planned = [(source, output_for(source, out, len(sources) == 1)) for source in sources]
    inputs = {_key(source): source for source in sources}
    seen: dict[str, Path] = {}
    for source, target in planned:
        key = _key(target)
        if key in inputs:
            raise UsageError(error(
                _("the output {target} is the input {source}; presskit never writes over an input").format(
                    target=target, source=inputs[key]),
                hint=_("give -o another name, or a folder"),
            ))
        if key in seen:
            raise UsageError(error(
                _("{first} and {second} would both be written to {target}").format(
                    first=seen[key], second=source, target=target),
                hint=_("rename one of them, or build them one at a time with their own -o"),
            ))
        seen[key] = source
        _check_target(target)
    return planned


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or unknown: leave its file alone
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete presskit's temporaries in ``folder`` whose writing process no longer runs."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP.match(name)
        if match and not _alive(int(match.group(1))):
            try:
                os.unlink(os.path.join(folder, name))
                removed.append(Path(folder) / name)
            except OSError:
                pass
    return removed


class OutputError(InputError):
    """The output file cannot be written (permission, disk full, a file where a folder is needed)."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    Any OS problem is raised as :class:`OutputError` naming ``path``.
    """
    path = Path(path)
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.presskit-{os.getpid()}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise OutputError(error(_("cannot write the output: {reason}").format(reason=reason), Location.of_file(path),
                                hint=_("check that the folder exists, is writable and the disk is not full"))) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
