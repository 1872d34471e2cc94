"""The brand: letterhead data and defaults of one organisation, separate from release content.

A brand file (``presskit.yaml``) has the keys of ``presskit/data/brand.yaml``,
the embedded default brand. Paths in it (logo, fonts) are relative to the
brand file and are resolved to absolute paths; a missing file is a located
:class:`~presskit.errors.ResourceError`. Validation and error messages are
those of the release model (:func:`presskit.source.model.validate_source`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, PrivateAttr, ValidationInfo, model_validator

from presskit import resources
from presskit.errors import ResourceError, error
from presskit.i18n import _
from presskit.source.model import (
    BlockText,
    Contact,
    InlineText,
    RequiredInlineText,
    _email,
    _lang,
    _Model,
    fail,
    kind,
    validate_source,
)
from presskit.source.mailsettings import MailSettings
from presskit.source.loader import SourceDoc, load_yaml

__all__ = [
    "Brand",
    "BrandTexts",
    "Address",
    "Logo",
    "Colour",
    "Colours",
    "Fonts",
    "Page",
    "Margins",
    "BRAND_FILE_NAME",
    "load_brand",
    "default_brand",
    "find_brand",
    "brand_for",
]

#: The file name :func:`find_brand` looks for.
BRAND_FILE_NAME = "presskit.yaml"

LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
FONT_SUFFIXES = (".ttf", ".otf")


def _path(value: Any, info: ValidationInfo) -> Path:
    """A path relative to the brand file, resolved to an absolute path."""
    if isinstance(value, Path):
        text = str(value)
    else:
        if not isinstance(value, str) or not value.strip():
            fail(_("expected a file path, found {kind}").format(kind=kind(value)))
        text = value.strip()
    base = None
    if isinstance(info.context, dict):
        base = info.context.get("base_dir")
    path = Path(text).expanduser()
    if not path.is_absolute() and base is not None:
        path = Path(base) / path
    return path.resolve() if path.is_absolute() or base is not None else path


FilePath = Annotated[Path, BeforeValidator(_path)]


def _number(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            return float(text)
        except ValueError:
            pass
        fail(_("expected a number, found {kind}").format(kind=f"'{value.strip()}'"))
    fail(_("expected a number, found {kind}").format(kind=kind(value)))


Millimetres = Annotated[float, BeforeValidator(_number), Field(ge=0, le=100)]
Percent = Annotated[float, BeforeValidator(_number), Field(ge=0, le=100)]


def _or_default(value: Any) -> Any:
    """An empty YAML value (``colours:`` with nothing) means: use the default."""
    return {} if value is None else value


class Address(_Model):
    street: RequiredInlineText = Field(description="street and number")
    postcode: RequiredInlineText = Field(description="postcode, as text (01067 stays 01067)")
    city: RequiredInlineText = Field(description="city")
    room: InlineText = Field(None, description="room or building, e.g. 'Zimmer 310'")


class Logo(_Model):
    file: FilePath = Field(description="the logo (SVG, PNG or JPEG), relative to the brand file")
    alt: RequiredInlineText = Field(description="alt text of the logo, e.g. 'Wappen des Landkreises'")


def _hex(value: Any) -> str:
    if not isinstance(value, str):
        fail(_("expected a colour such as \"#1B5E7E\", found {kind}").format(kind=kind(value)))
    text = value.strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
        return text.upper()
    if re.fullmatch(r"[0-9A-Fa-f]{6}", text):
        fail(_("'{text}' is not a colour").format(text=text),
             _("write it with a leading #, in quotes: {fixed}").format(fixed=f'"#{text.upper()}"'))
    if re.fullmatch(r"#[0-9A-Fa-f]{3}", text):
        full = "#" + "".join(c * 2 for c in text[1:]).upper()
        fail(_("'{text}' is not a colour").format(text=text), _("write six hex digits, e.g. {fixed}").format(fixed=f'"{full}"'))
    fail(_("'{text}' is not a colour").format(text=text), _("write # and six hex digits, e.g. {fixed}").format(fixed='"#1B5E7E"'))
    raise AssertionError  # unreachable


def _cmyk(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        fail(
            (_("expected four CMYK values (0–100), found {kind} of {count}").format(kind=kind(value), count=len(value))
             if isinstance(value, (list, tuple))
             else _("expected four CMYK values (0–100), found {kind}").format(kind=kind(value))),
            _("write e.g. cmyk: [90, 45, 20, 15]"),
        )
    return tuple(value)


class Colour(_Model):
    """A colour: hex RGB for the screen and optionally CMYK (each 0–100) for print."""

    rgb: Annotated[str, BeforeValidator(_hex)] = Field(description="hex RGB, e.g. \"#1B5E7E\"")
    cmyk: Annotated[
        Union[tuple[Percent, Percent, Percent, Percent], None], BeforeValidator(_cmyk)
    ] = Field(None, description="CMYK in per cent, e.g. [90, 45, 20, 15]")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if data is None:
            fail(
                _("the colour is empty"),
                _("write the colour in quotes, e.g. \"#1B5E7E\"; an unquoted # starts a comment"),
            )
        if isinstance(data, str):
            return {"rgb": data}
        return data


def _colour(rgb: str, cmyk: tuple[float, float, float, float] | None = None) -> Any:
    return Field(default_factory=lambda: Colour(rgb=rgb, cmyk=cmyk))


class Colours(_Model):
    primary: Colour = _colour("#1B5E7E", (90, 45, 20, 15))
    accent: Colour = _colour("#7A9A2E", (50, 10, 95, 15))
    text: Colour = _colour("#1D1D1B")
    muted: Colour = _colour("#5F6B73")
    shade: Colour = _colour("#EEF3F6")


def _bundled(name: str) -> Path:
    return resources.fonts_dir() / name


class Fonts(_Model):
    """TrueType/OpenType files of the four styles (all four are required in a brand file)."""

    regular: FilePath = Field(default_factory=lambda: _bundled("NotoSans-Regular.ttf"))
    bold: FilePath = Field(default_factory=lambda: _bundled("NotoSans-Bold.ttf"))
    italic: FilePath = Field(default_factory=lambda: _bundled("NotoSans-Italic.ttf"))
    bold_italic: FilePath = Field(default_factory=lambda: _bundled("NotoSans-BoldItalic.ttf"))

    @model_validator(mode="before")
    @classmethod
    def _all_four(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(info.context, dict) and info.context.get("yaml") and isinstance(data, dict):
            missing = [name for name in cls.model_fields if name not in data]
            if missing and len(missing) < len(cls.model_fields):
                names = ", ".join(f"'{m}'" for m in missing)
                fail(
                    _("fonts needs all four styles; missing {names}").format(names=names),
                    _("give regular, bold, italic and bold_italic, or remove 'fonts:' to use Noto Sans"),
                )
        return data


class Margins(_Model):
    top: Millimetres = 20.0
    right: Millimetres = 20.0
    bottom: Millimetres = 20.0
    left: Millimetres = 25.0


def _size(value: Any) -> Any:
    if isinstance(value, str):
        for name in ("A4", "Letter"):
            if value.strip().lower() == name.lower():
                return name
        fail(_("expected 'A4' or 'Letter', found '{text}'").format(text=value.strip()))
    return value


class Page(_Model):
    size: Annotated[Literal["A4", "Letter"], BeforeValidator(_size)] = "A4"
    margins: Annotated[Margins, BeforeValidator(_or_default)] = Field(default_factory=Margins)


def _brand_lang(value: Any) -> Any:
    return "de" if value is None else _lang(value)


def _timezone(value: Any) -> Any:
    if value is None:
        return "Europe/Berlin"
    if not isinstance(value, str) or not value.strip():
        fail(f"expected a time zone such as Europe/Berlin, found {kind(value)}")
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        fail(f"'{name}' is not a time zone", "write an IANA name such as Europe/Berlin")
    return name


def _units(value: Any) -> Any:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return value


class BrandTexts(_Model):
    """The brand's texts in a language other than its own (``texts: {en: ...}``), used
    for releases in that language."""

    contact: Union[Contact, None] = None
    about: BlockText = None
    about_title: InlineText = Field(None, description="heading over the boilerplate")
    closing: InlineText = None


class Brand(_Model):
    """The letterhead and defaults of one organisation."""

    organisation: RequiredInlineText = Field(description="name of the organisation")
    units: Annotated[tuple[RequiredInlineText, ...], BeforeValidator(_units)] = Field(
        (), description="unit lines under the name, e.g. 'Büro des Landrates · Pressestelle'"
    )
    address: Address
    phone: InlineText = None
    fax: InlineText = None
    email: Annotated[Union[str, None], BeforeValidator(_email)] = None
    website: InlineText = None
    logo: Union[Logo, None] = None
    colours: Annotated[Colours, BeforeValidator(_or_default)] = Field(default_factory=Colours)
    fonts: Annotated[Fonts, BeforeValidator(_or_default)] = Field(default_factory=Fonts)
    lang: Annotated[Literal["de", "en"], BeforeValidator(_brand_lang)] = "de"
    place: InlineText = None
    timezone: Annotated[str, BeforeValidator(_timezone)] = Field(
        "Europe/Berlin", description="IANA time zone of embargo times and the website's clock, e.g. Europe/Berlin"
    )
    contact: Union[Contact, None] = None
    about: BlockText = None
    about_title: InlineText = Field(None, description="heading over the boilerplate, e.g. 'Über den Altmarkkreis Salzwedel'")
    closing: InlineText = None
    texts: dict[Literal["de", "en"], BrandTexts] = Field(
        default_factory=dict,
        description="contact, about, about_title and closing in another language, for releases in it; "
        "without them such a release leaves the brand's texts out",
    )
    page: Annotated[Page, BeforeValidator(_or_default)] = Field(default_factory=Page)
    mail: Union[MailSettings, None] = Field(None, description="SMTP settings for 'presskit mail --send' (no password)")

    _base_dir: Path | None = PrivateAttr(default=None)
    _source: SourceDoc | None = PrivateAttr(default=None)

    @property
    def base_dir(self) -> Path:
        """The folder relative paths of the brand are resolved against."""
        return self._base_dir if self._base_dir is not None else Path.cwd()

    @property
    def source(self) -> SourceDoc | None:
        """The brand file as parsed, or None for a brand built in Python."""
        return self._source


def _check_files(brand: Brand, doc: SourceDoc) -> None:
    problems = []
    checks: list[tuple[tuple[str, ...], Path, tuple[str, ...], str]] = []
    if brand.logo is not None:
        checks.append((("logo", "file"), brand.logo.file, LOGO_SUFFIXES, "logo"))
    for name in Fonts.model_fields:
        checks.append((("fonts", name), getattr(brand.fonts, name), FONT_SUFFIXES, "font"))
    missing_file = {"logo": _("the logo file '{file}' does not exist"), "font": _("the font file '{file}' does not exist")}
    not_a_file = {"logo": _("the logo '{file}' is not a file"), "font": _("the font '{file}' is not a file")}
    wrong_kind = {"logo": _("the logo '{file}' is not a SVG, PNG or JPEG file"),
                  "font": _("the font '{file}' is not a TrueType (.ttf) or OpenType (.otf) file")}
    for yaml_path, path, suffixes, what in checks:
        where = doc.location(yaml_path)
        if not path.is_file():
            shown = doc.data
            for part in yaml_path:
                shown = shown.get(part) if isinstance(shown, dict) else None
            typed = shown if isinstance(shown, str) else str(path)
            problems.append(
                error(
                    (missing_file if not path.exists() else not_a_file)[what].format(file=typed),
                    where,
                    _("paths are relative to the brand file's folder ({folder})").format(folder=brand.base_dir),
                )
            )
        elif path.suffix.lower() not in suffixes:
            problems.append(error(wrong_kind[what].format(file=path.name), where))
    if problems:
        raise ResourceError(problems)


def brand_from_source(doc: SourceDoc, base_dir: Path) -> Brand:
    """Validate a parsed brand file; relative paths are resolved against ``base_dir``."""
    base_dir = Path(base_dir).resolve()
    brand = validate_source(Brand, doc, {"base_dir": base_dir})
    brand._base_dir = base_dir
    brand._source = doc
    _check_files(brand, doc)
    return brand


def load_brand(path: Path, display: str | None = None) -> Brand:
    """Read and validate a brand file."""
    path = Path(path)
    doc = load_yaml(path, display)
    return brand_from_source(doc, path.resolve().parent)


@cache
def default_brand() -> Brand:
    """presskit's embedded default brand (``presskit/data/brand.yaml``)."""
    path = resources.data_file("brand.yaml")
    return load_brand(path, "presskit/data/brand.yaml")


def find_brand(release_path: Path) -> Path | None:
    """The nearest ``presskit.yaml`` in the release's folder or one of its parents."""
    folder = Path(release_path).resolve().parent
    for candidate_dir in (folder, *folder.parents):
        candidate = candidate_dir / BRAND_FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def brand_for(release_path: Path, explicit: Path | None = None) -> Brand:
    """The brand of a release: ``explicit`` if given, else the nearest found, else the default."""
    if explicit is not None:
        return load_brand(Path(explicit))
    found = find_brand(release_path)
    if found is not None:
        return load_brand(found)
    return default_brand()
