"""The newsroom zip: reproducible (fixed timestamps, sorted names) and written atomically.

:func:`zip_bytes` packs named files the same way every time: entries sorted by
name, every timestamp 1980-01-01 00:00, fixed permissions and compression
(photos, already compressed, are stored). :func:`write_zip` writes it with
:func:`presskit.outputs.write_atomic`, so a reader sees the old zip or the new
one, never a part. :func:`kit_files` gives a kit's photos with their metadata
written into them and the ``credits.txt`` that lists them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath
from typing import Mapping

from presskit.content.kit import LoadedKit, KitPhoto, usage_terms
from presskit.content.photometa import PhotoMeta, with_metadata
from presskit.errors import InputError, ResourceError, error
from presskit.i18n import _
from presskit.content.labels import labels_for
from presskit.outputs import write_atomic

__all__ = ["zip_bytes", "write_zip", "photo_meta", "photo_name", "credits_text", "kit_files", "ZIP_TIME"]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_STORED = (".jpg", ".jpeg", ".png", ".zip", ".gz")
_PHOTO_FOLDER = {"de": "fotos", "en": "photos"}
_CREDITS_TITLE = {"de": "Fotos und Bildrechte", "en": "Photos and credits"}
_USAGE_LABEL = {"de": "Nutzung", "en": "Use"}


def _check_name(name: str) -> str:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or name.endswith("/"):
        raise InputError(error(_("'{name}' cannot be a file name in the zip").format(name=name)))
    return str(path)


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """The zip of ``files`` (name -> bytes), the same bytes for the same files."""
    names = [_check_name(name) for name in files]
    if len(set(n.lower() for n in names)) != len(names):
        raise InputError(error(_("two files in the zip would have the same name")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files, key=_check_name):
            info = zipfile.ZipInfo(_check_name(name), date_time=ZIP_TIME)
            info.create_system = 3                      # Unix, so the permissions below are read
            info.external_attr = 0o100644 << 16         # a regular file, rw-r--r--
            stored = name.lower().endswith(_STORED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=None if stored else 9)
    return buffer.getvalue()


def write_zip(path: Path, files: Mapping[str, bytes]) -> None:
    """Write the zip of ``files`` to ``path`` atomically."""
    write_atomic(Path(path), zip_bytes(files))


def photo_meta(photo: KitPhoto, lang: str) -> PhotoMeta:
    return PhotoMeta(caption=photo.caption, credit=photo.credit, usage=usage_terms(photo, lang),
                     alt=None if photo.decorative else photo.alt)


def photo_name(path: Path, lang: str) -> str:
    """Where a photo goes in the zip (``fotos/allee.jpg``)."""
    return f"{_PHOTO_FOLDER[lang]}/{path.name}"


def credits_text(entries: list[tuple[str, PhotoMeta]], lang: str) -> str:
    """``credits.txt``: every photo's file name, caption, credit and usage terms."""
    labels = labels_for(lang)
    title = _CREDITS_TITLE[lang]
    lines = [title, "=" * len(title), ""]
    for name, meta in entries:
        lines += [name, f"  {meta.caption}", f"  {labels.photo.format(credit=meta.credit)}",
                  f"  {meta.rights}", f"  {_USAGE_LABEL[lang]}: {meta.usage}", ""]
    return "\n".join(lines)


def kit_files(loaded: LoadedKit, lang: str) -> dict[str, bytes]:
    """The kit's photos (metadata written in, image data untouched) and ``credits.txt``."""
    files: dict[str, bytes] = {}
    entries: list[tuple[str, PhotoMeta]] = []
    for i, (photo, path) in enumerate(zip(loaded.kit.photos, loaded.photo_paths)):
        where = loaded.location("photos", i, "file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ResourceError(error(_("cannot read the photo '{file}'").format(file=photo.file), where,
                                      exc.strerror or None)) from None
        meta = photo_meta(photo, lang)
        name = photo_name(path, lang)
        files[name] = with_metadata(data, meta, photo.file, where)
        entries.append((name, meta))
    if entries:
        files["credits.txt"] = credits_text(entries, lang).encode("utf-8")
    return files
