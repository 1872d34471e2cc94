"""Incremental builds: skip a release whose PDF is up to date.

A build records, per output, a fingerprint of everything that goes into the
PDF: the release's bytes, the brand file's bytes, the fonts (the brand's four
and the fallback face), the logo and the images the release uses, presskit's
and ReportLab's versions and the hyphenation patterns.  The records live in a
small manifest in the output folder (:data:`MANIFEST_NAME`, written
atomically).  Since presskit's output is byte-identical for the same inputs,
a PDF whose recorded fingerprint matches the current files is the PDF a new
build would write, and skipping it is safe.

The check never parses YAML: it re-hashes the files the last build recorded
(each distinct file once per run, see :class:`Hasher`), so a batch of
unchanged releases costs a read and a hash per release.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

MANIFEST_NAME = ".presskit-manifest.json"
FORMAT = 1


@functools.lru_cache(maxsize=None)
def _versions_cached(presskit_version: str, reportlab_version: str, cache_format: int) -> str:
    from presskit.typography.hyphenate import PARTS, cache_file_name

    patterns = ",".join(cache_file_name(lang, part) for lang, parts in sorted(PARTS.items()) for part in parts)
    return f"format={FORMAT};presskit={presskit_version};reportlab={reportlab_version};patterns={patterns}"


def _versions() -> str:
    """presskit, ReportLab and the hyphenation pattern sets (names carry their digests)."""
    import reportlab

    import presskit
    from presskit.typography import hyphenate

    # once per process (the pattern files are stat'ed for their digests), keyed by what may change in it
    return _versions_cached(presskit.__version__, reportlab.Version, hyphenate.CACHE_FORMAT)


class Hasher:
    """Content digests of files, each read once while its size and mtime stay the same.

    One Hasher serves one run (a batch, one watch rebuild): it also remembers which
    brand file each folder has, which a new brand file would change.
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[int, int, str]] = {}
        self._brands: dict[Path, Path | None] = {}

    def nearest_brand(self, folder: Path) -> Path | None:
        """The brand file of a folder, looked up once per folder (a Hasher lives for one run)."""
        if folder not in self._brands:
            self._brands[folder] = _nearest_brand(folder)
        return self._brands[folder]

    def digest(self, path: Path | str) -> str:
        name = str(path)
        try:
            st = os.stat(name)
        except (OSError, ValueError):
            return "missing"
        if not stat.S_ISREG(st.st_mode):
            return "not-a-file"  # a pipe or device is never read (the build reports it)
        known = self._seen.get(name)
        if known is not None and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return known[2]
        try:
            with open(name, "rb") as handle:
                value = hashlib.sha256(handle.read()).hexdigest()
        except OSError:
            return "missing"
        self._seen[name] = (st.st_size, st.st_mtime_ns, value)
        return value


def brand_file_of(source: Path, explicit: Path | None, hasher: "Hasher | None" = None) -> Path:
    """The brand file a build of ``source`` reads (the same lookup as :func:`presskit.source.brand.brand_for`)."""
    from presskit import resources

    if explicit is not None:
        return Path(explicit).resolve()
    folder = Path(source).resolve().parent
    found = hasher.nearest_brand(folder) if hasher is not None else _nearest_brand(folder)
    return found if found is not None else Path(resources.data_file("brand.yaml")).resolve()


#: presskit.source.brand.BRAND_FILE_NAME, without importing pydantic for a no-op batch
#: (tests/test_incremental.py checks that both agree).
BRAND_FILE_NAME = "presskit.yaml"


def _nearest_brand(folder: Path) -> Path | None:
    """:func:`presskit.source.brand.find_brand` for a resolved folder."""
    for candidate_dir in (folder, *folder.parents):
        candidate = candidate_dir / BRAND_FILE_NAME
        if candidate.is_file():
            return candidate.resolve()
    return None


def inputs_of(source: Path, release, brand) -> list[str]:
    """Every file besides the release and the brand file that goes into the release's PDF."""
    from presskit.pdf.fonts import FALLBACK_FILE
    from presskit.resources import fonts_dir

    fonts = brand.fonts
    files = [Path(fonts.regular), Path(fonts.bold), Path(fonts.italic), Path(fonts.bold_italic),
             Path(fonts_dir()) / FALLBACK_FILE]
    if brand.logo is not None:
        files.append(Path(brand.logo.file))
    base = Path(source).resolve().parent
    for image in release.images:
        files.append(base / image.file)
    seen: list[str] = []
    for path in files:
        try:
            name = str(path.resolve())
        except (OSError, RuntimeError, ValueError):  # a symlink loop or a path the OS rejects
            name = str(path)
        if name not in seen:
            seen.append(name)
    return seen


def fingerprint(release_digest: str, brand_file: Path, inputs: Iterable[str], allow_dirs: Sequence[Path],
                hasher: Hasher) -> str:
    parts = [_versions(), "release=" + release_digest, f"brand={brand_file}={hasher.digest(brand_file)}",
             "allow=" + os.pathsep.join(sorted(str(Path(d).resolve()) for d in allow_dirs))]
    parts += [f"{name}={hasher.digest(name)}" for name in inputs]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@dataclass
class Tracker:
    """Taken before a build reads anything, finished once the release is parsed (worker side).

    Hashing before the files are read means a file saved during the build
    leaves an older fingerprint behind, so the next build rebuilds: never the
    other way round.
    """

    source: Path
    brand_path: Path | None
    allow_dirs: Sequence[Path]
    hasher: Hasher = field(default_factory=Hasher)

    def __post_init__(self) -> None:
        self.release_digest = self.hasher.digest(Path(self.source))
        self.brand_file = brand_file_of(Path(self.source), self.brand_path, self.hasher)
        self.hasher.digest(self.brand_file)

    def record(self, release, brand) -> dict:
        inputs = inputs_of(Path(self.source), release, brand)
        for name in inputs:
            self.hasher.digest(name)
        return {"source": str(Path(self.source).resolve()), "brand": str(self.brand_file), "inputs": inputs,
                "key": fingerprint(self.release_digest, self.brand_file, inputs, self.allow_dirs, self.hasher)}


def with_warnings(record: dict, diagnostics, today) -> dict:
    """``record`` with the build's warnings, so that skipping the file still shows them.

    Some warnings depend on the day (an embargo in the past), so stored warnings
    only stand for the day they were found on.
    """
    warnings = [[d.severity, d.message, d.location.file if d.location else None,
                 d.location.line if d.location else 0, d.location.column if d.location else 0, d.hint]
                for d in diagnostics]
    return {**record, "warnings": warnings, "day": today.isoformat()}


def _diagnostics(stored) -> tuple:
    from presskit.errors import Diagnostic, Location

    return tuple(Diagnostic(sev, message, Location(file, line, column) if file is not None else None, hint)
                 for sev, message, file, line, column, hint in stored)


class Manifest:
    """The records of one output folder: output file name -> record."""

    def __init__(self, folder: Path, entries: dict[str, dict] | None = None) -> None:
        self.folder = Path(folder)
        self.entries = entries or {}
        self.changed = False

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        try:
            data = json.loads((Path(folder) / MANIFEST_NAME).read_text(encoding="utf-8"))
            entries = data["outputs"] if data.get("format") == FORMAT else {}
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}
        return cls(folder, entries)

    def up_to_date(self, source: Path, output: Path, brand_path: Path | None, allow_dirs: Sequence[Path],
                   hasher: Hasher, strict: bool = False, today=None) -> tuple | None:
        """The warnings of the last build if ``output`` is up to date (often none), else None."""
        import datetime as dt

        entry = self.entries.get(Path(output).name)
        if not isinstance(entry, dict):
            return None
        try:
            warnings = _diagnostics(entry["warnings"])
            if warnings and (strict or entry.get("day") != (today or dt.date.today()).isoformat()):
                return None  # --strict fails them; tomorrow's warnings may differ: build again
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return warnings if self._same(entry, source, output, brand_path, allow_dirs, hasher) else None

    def _same(self, entry: dict, source: Path, output: Path, brand_path: Path | None, allow_dirs: Sequence[Path],
              hasher: Hasher) -> bool:
        try:
            st = os.stat(output)
            if entry.get("output") != [st.st_size, st.st_mtime_ns]:
                return False  # the PDF was replaced or touched since presskit wrote it
            if entry.get("source") != str(Path(source).resolve()):
                return False
            brand_file = brand_file_of(Path(source), brand_path, hasher)
            if entry.get("brand") != str(brand_file):
                return False
            key = fingerprint(hasher.digest(Path(source)), brand_file, entry["inputs"], allow_dirs, hasher)
        except (OSError, KeyError, TypeError):
            return False
        return key == entry.get("key")

    def remember(self, output: Path, record: dict | None) -> None:
        """After a build: keep ``record`` for ``output`` (None forgets it: the next build rebuilds)."""
        name = Path(output).name
        if record is None:
            if self.entries.pop(name, None) is not None:
                self.changed = True
            return
        try:
            st = os.stat(output)
        except OSError:
            return
        self.entries[name] = {**record, "output": [st.st_size, st.st_mtime_ns]}
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        from presskit.outputs import write_atomic

        text = json.dumps({"format": FORMAT, "outputs": self.entries}, indent=1, sort_keys=True)
        try:
            write_atomic(self.folder / MANIFEST_NAME, text.encode("utf-8"))
        except OSError:
            pass  # no record only means the next build rebuilds
        self.changed = False
