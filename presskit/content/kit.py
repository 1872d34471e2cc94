"""The press kit file (``KIT.yaml``): its validated model and its loader.

A kit names a title, date and place, an optional cover text, the release files
of the day (paths relative to the kit file), the photos with caption, credit,
alt text and usage terms, optional background documents (a text or a facts
box) and the contact block (default: the brand's).

The loader follows the rules of a release file exactly: every value is read as
text (:mod:`presskit.source.loader`), every problem is reported with ``FILE:LINE:COL``
(:func:`presskit.source.model.validate_source`), all problems at once. Loading a kit
loads its releases; a release's problems are reported at its own file, line and
column, and nothing of the kit is used.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Sequence, Union

from pydantic import BeforeValidator, ConfigDict, BaseModel, Field, PrivateAttr, model_validator

from presskit.errors import Diagnostic, InputError, Location, ValidationError, error
from presskit.i18n import _
from presskit.source.model import (
    BlockText,
    Contact,
    Facts,
    Image,
    InlineText,
    Release,
    RequiredInlineText,
    _lang,
    _listish,
    fail,
    load_release,
    parse_date,
)
from presskit.source.loader import SourceDoc, load_yaml

__all__ = ["Kit", "KitPhoto", "KitDocument", "LoadedKit", "load_kit", "kit_from_source", "usage_terms",
           "DEFAULT_USAGE", "KIT_LABELS"]

#: What a newsroom may do with a photo unless the kit says otherwise.
DEFAULT_USAGE = {
    "de": "Abdruck honorarfrei bei Nennung der Quelle",
    "en": "Free for editorial use with credit",
}

#: The words a press kit prints by itself.
KIT_LABELS = {
    "de": {"kit": "Pressemappe", "contents": "Inhalt", "photos": "Fotos", "file": "Datei"},
    "en": {"kit": "Press kit", "contents": "Contents", "photos": "Photos", "file": "File"},
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KitPhoto(Image):
    """A photo of the kit, handed out at full resolution with its metadata."""

    caption: RequiredInlineText = Field(description="caption, printed under the photo and written into the file")
    credit: RequiredInlineText = Field(description="photographer or source, printed as 'Foto: …' and written into the file")
    usage: InlineText = Field(
        None, description="usage terms; default: 'Abdruck honorarfrei bei Nennung der Quelle' (English: "
        "'Free for editorial use with credit')"
    )


class KitDocument(_Model):
    """A background document: a title and either a text or a facts box."""

    title: RequiredInlineText = Field(description="heading of the background document")
    text: BlockText = Field(None, description="the text: paragraphs, ## sub-headings, lists, > quotes")
    facts: Union[Facts, None] = Field(None, description="a facts box: a list of items, or a mapping with title and items")

    @model_validator(mode="after")
    def _one_kind(self) -> "KitDocument":
        if (self.text is None) == (self.facts is None):
            fail(
                _("a document has either 'text:' or 'facts:'"),
                _("give the background text in 'text:', or a facts box in 'facts:'"),
            )
        return self


def _releases(value: Any) -> Any:
    value = _listish("release files")(value)
    if not value:
        fail(_("the kit names no releases"), _("list the release files under 'releases:', one per line with '- '"))
    return value


class Kit(_Model):
    """A validated press kit. ``source`` is the YAML it came from, if any."""

    title: RequiredInlineText = Field(description="title of the press kit, printed on the cover")
    date: Annotated[datetime.date, BeforeValidator(parse_date)] = Field(description="date of the kit, YYYY-MM-DD")
    place: InlineText = Field(None, description="place of the event, e.g. Salzwedel; default: the brand's place")
    lang: Annotated[Union[Literal["de", "en"], None], BeforeValidator(_lang)] = Field(
        None, description="language of the kit's labels: de or en; default: the brand's"
    )
    cover: BlockText = Field(None, description="optional text on the cover")
    releases: Annotated[tuple[RequiredInlineText, ...], BeforeValidator(_releases)] = Field(
        description="the release files, relative to the kit file, in the order of the kit"
    )
    photos: Annotated[tuple[KitPhoto, ...], BeforeValidator(_listish("photos"))] = Field(
        (), description="photos with file, caption, credit, alt and optional usage terms"
    )
    documents: Annotated[tuple[KitDocument, ...], BeforeValidator(_listish("documents"))] = Field(
        (), description="background documents: a title and a text or a facts box"
    )
    contact: Union[Contact, None] = Field(
        None, description="the contact block: a list of people, or a mapping with title and people; default: the brand's"
    )

    _source: SourceDoc | None = PrivateAttr(default=None)

    @property
    def source(self) -> SourceDoc | None:
        return self._source


def usage_terms(photo: KitPhoto, lang: str) -> str:
    """The photo's usage terms, or the default ones in ``lang``."""
    return photo.usage or DEFAULT_USAGE[lang]


@dataclass(frozen=True)
class LoadedKit:
    """A kit with its releases loaded and its files found."""

    kit: Kit
    base_dir: Path
    releases: tuple[Release, ...]
    release_paths: tuple[Path, ...]
    photo_paths: tuple[Path, ...]

    def location(self, *path: str | int) -> Location | None:
        source = self.kit.source
        return source.location(tuple(path)) if source is not None else None


def _display_of(kit_display: str, entry: str) -> str:
    """How a release file is named in messages: beside the kit as the user named it."""
    folder = os.path.dirname(kit_display)
    return os.path.normpath(os.path.join(folder, entry)) if folder else os.path.normpath(entry)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _photo_path(typed: str, base_dir: Path, roots: Sequence[Path], where: Location,
                problems: list[Diagnostic]) -> Path | None:
    """The photo file named ``typed``, checked to exist inside the allowed folders."""
    try:
        candidate = (base_dir / typed).resolve()
        inside = any(candidate == root or root in candidate.parents for root in (Path(r).resolve() for r in roots))
        found = inside and candidate.is_file()
    except (OSError, ValueError, RuntimeError):
        inside = found = False
    if not inside:
        problems.append(error(
            _("the photo '{file}' is outside the kit's folder").format(file=typed), where,
            _("copy the photo next to the kit (e.g. into an images/ folder), or allow its folder with --allow-dir"),
        ))
        return None
    if not found:
        problems.append(error(
            _("the photo file '{file}' does not exist").format(file=typed), where,
            _("paths are relative to the kit file's folder ({folder})").format(folder=base_dir),
        ))
        return None
    return candidate


def kit_from_source(doc: SourceDoc, base_dir: Path, allowed_dirs: Sequence[Path] = ()) -> LoadedKit:
    """Validate a parsed kit file and load its releases; raise InputError with every problem."""
    from presskit.source.model import validate_source

    kit = validate_source(Kit, doc)
    kit._source = doc
    base_dir = Path(base_dir)
    problems: list[Diagnostic] = []
    releases: list[Release] = []
    release_paths: list[Path] = []
    seen: dict[Path, int] = {}
    for i, entry in enumerate(kit.releases):
        where = doc.location(("releases", i))
        path = base_dir / entry
        if not _is_file(path):
            problems.append(error(
                _("the release file '{entry}' does not exist").format(entry=entry) if not _exists(path)
                else _("'{entry}' is not a release file").format(entry=entry),
                where,
                _("paths are relative to the kit file's folder ({folder})").format(folder=base_dir),
            ))
            continue
        key = path.resolve()
        if key in seen:
            problems.append(error(
                _("the release '{entry}' is in the kit twice").format(entry=entry), where,
                _("remove one of the two entries"),
            ))
            continue
        seen[key] = i
        try:
            releases.append(load_release(path, _display_of(doc.display, entry)))
            release_paths.append(path)
        except InputError as exc:
            problems.extend(exc.diagnostics)
    photo_paths: list[Path] = []
    names: dict[str, int] = {}
    roots = [base_dir, *allowed_dirs]
    for i, photo in enumerate(kit.photos):
        where = doc.location(("photos", i, "file"))
        path = _photo_path(photo.file, base_dir, roots, where, problems)
        if path is None:
            continue
        name = path.name.lower()
        if name in names:
            problems.append(error(
                _("two photos have the file name '{name}'").format(name=path.name), where,
                _("the photos are handed out side by side; rename one of them"),
            ))
            continue
        names[name] = i
        photo_paths.append(path)
    if problems:
        problems.sort(key=lambda d: (d.location.file != doc.display, d.location.file, d.location.line,
                                     d.location.column) if d.location else (True, "", 0, 0))
        raise InputError(problems)
    return LoadedKit(kit, base_dir, tuple(releases), tuple(release_paths), tuple(photo_paths))


def load_kit(path: Path, display: str | None = None, allowed_dirs: Sequence[Path] = ()) -> LoadedKit:
    """Read, parse and validate a kit file and everything it names."""
    path = Path(path)
    doc = load_yaml(path, display)
    return kit_from_source(doc, path.resolve().parent, allowed_dirs)
