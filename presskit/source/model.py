"""The validated, frozen press release, built from a :class:`~presskit.source.loader.SourceDoc`.

Validation is done by pydantic; every problem pydantic finds is turned into a
:class:`~presskit.errors.Diagnostic` at the most precise position of the YAML
source (see :func:`validate_source`, shared with :mod:`presskit.source.brand`), and
all problems of a file are reported at once.

The YAML shapes that differ from the model (a facts box written as a plain
list, a link written as a bare URL, a comma-separated keyword text, …) are
normalised by ``mode="before"`` validators that only run while validating
YAML data (validation context ``{"yaml": True}``), so that constructing the
models from Python stays plain and predictable.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Callable, ClassVar, Literal, TypeVar, Union, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from presskit.errors import Diagnostic, ValidationError, error
from presskit.i18n import N_, _, ngettext
from presskit.source.loader import SourceDoc, load_yaml

__all__ = [
    "Release",
    "Facts",
    "FactItem",
    "Image",
    "Link",
    "Contact",
    "Person",
    "validate_release",
    "load_release",
    "validate_source",
    "LINK_SCHEMES",
]

#: The only URL schemes a link may use.
LINK_SCHEMES = ("http", "https", "mailto", "tel")

# -- small helpers for validators ---------------------------------------------


def fail(message: str, hint: str | None = None) -> None:
    """Raise a pydantic error carrying a finished, user-facing message and hint."""
    raise PydanticCustomError("presskit", "{message}", {"message": message, "hint": hint or ""})


def kind(value: Any) -> str:
    """'a list', 'a mapping', 'text', … for messages like 'expected text, found a list'."""
    if value is None:
        return _("nothing")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, (list, tuple)):
        return _("a list")
    if isinstance(value, str):
        return _("text")
    return type(value).__name__


def is_yaml(info: ValidationInfo | None) -> bool:
    return bool(info is not None and isinstance(info.context, dict) and info.context.get("yaml"))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        fail(_("expected text, found {kind}").format(kind=kind(value)))
    value = value.strip()
    return value or None


def _block(value: Any) -> str | None:
    return _text(value)


def _inline(value: Any) -> str | None:
    value = _text(value)
    if value is None:
        return None
    return re.sub(r"[ \t]*(?:\r\n|[\r\n\u2028\u2029\x85])\s*", " ", value)


def _required(convert: Callable[[Any], str | None]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        result = convert(value)
        if result is None:
            fail(_("'{key}' is empty"), _("write a value after the colon"))
        return result  # type: ignore[return-value]

    return check


#: Optional block text (paragraphs; line breaks kept).
BlockText = Annotated[Union[str, None], BeforeValidator(_block)]
#: Optional inline text (line breaks folded to spaces).
InlineText = Annotated[Union[str, None], BeforeValidator(_inline)]
#: Required, non-empty block text.
RequiredBlockText = Annotated[str, BeforeValidator(_required(_block))]
#: Required, non-empty inline text.
RequiredInlineText = Annotated[str, BeforeValidator(_required(_inline))]


def _listish(what: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, (list, tuple)):
            return value
        fail(_("expected a list of {what}, found {kind}").format(what=what, kind=kind(value)),
             _("start each entry on its own line with '- '"))

    return check


# -- dates ---------------------------------------------------------------------

def _month(number: int) -> str:
    return [_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"), _("August"),
            _("September"), _("October"), _("November"), _("December")][number - 1]

_OTHER_DATE_FORMS = [
    re.compile(r"(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})"),
]
_TIME = re.compile(r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?")


def _guess_date(text: str) -> tuple[datetime.date | None, str]:
    """A date in another common form, and the text after it."""
    for pattern in _OTHER_DATE_FORMS:
        match = pattern.match(text)
        if match:
            try:
                value = datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None, ""
            return value, text[match.end():]
    return None, ""


def _calendar_problem(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12:
        return _("there is no month {month:02d}").format(month=month)
    days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if not 1 <= day <= days:
        return _("{month} {year} has {days} days").format(month=_month(month), year=year, days=days)
    return None


def parse_date(value: Any) -> datetime.date:
    """Validate ``YYYY-MM-DD`` text into a date with a helpful error otherwise."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or not value.strip():
        fail(_("expected a date (YYYY-MM-DD), found {kind}").format(kind=kind(value)),
             _("write the date as YYYY-MM-DD, e.g. {example}").format(example="2019-01-18"))
    text = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        y, m, d = (int(g) for g in match.groups())
        problem = _calendar_problem(y, m, d)
        if problem is None and y >= 1:
            return datetime.date(y, m, d)
        fail(_("{text} is not a calendar date").format(text=text), problem)
    guess, rest = _guess_date(text)
    example = guess.isoformat() if guess is not None and not rest.strip() else "2019-01-18"
    fail(_("'{text}' is not a date in the form YYYY-MM-DD").format(text=text),
         _("write the date as YYYY-MM-DD, e.g. {example}").format(example=example))
    raise AssertionError  # unreachable


def parse_datetime(value: Any) -> datetime.datetime:
    """Validate ``YYYY-MM-DD HH:MM`` text into a naive local date and time."""
    if isinstance(value, datetime.datetime):
        return value
    hint_default = _("write the date and time as YYYY-MM-DD HH:MM, e.g. {example}").format(example="2019-01-18 10:00")
    if not isinstance(value, str) or not value.strip():
        fail(_("expected a date and time (YYYY-MM-DD HH:MM), found {kind}").format(kind=kind(value)), hint_default)
    text = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})", text)
    if match:
        y, m, d, hh, mm = (int(g) for g in match.groups())
        problem = _calendar_problem(y, m, d)
        if problem is not None or y < 1:
            fail(_("{text} is not a calendar date").format(text=text), problem)
        if hh > 23 or mm > 59:
            fail(_("{text} is not a valid time of day").format(text=text), _("hours run from 00 to 23, minutes from 00 to 59"))
        return datetime.datetime(y, m, d, hh, mm)
    guess, rest = _guess_date(text)
    if guess is not None:
        time = _TIME.fullmatch(rest.strip(" ,").strip()) if rest.strip(" ,") else None
        if time and int(time["H"]) < 24 and int(time["M"]) < 60:
            example = f"{guess.isoformat()} {int(time['H']):02d}:{time['M']}"
        else:
            example = f"{guess.isoformat()} 10:00"
        fail(_("'{text}' is not a date and time in the form YYYY-MM-DD HH:MM").format(text=text),
             _("write the date and time as YYYY-MM-DD HH:MM, e.g. {example}").format(example=example))
    fail(_("'{text}' is not a date and time in the form YYYY-MM-DD HH:MM").format(text=text), hint_default)
    raise AssertionError  # unreachable


def _lang(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        fail(_("expected 'de' or 'en', found {kind}").format(kind=kind(value)))
    text = value.strip()
    if text.lower() in ("de", "en"):
        return text.lower()
    fail(_("expected 'de' or 'en', found '{text}'").format(text=text), _("presskit prints German (de) or English (en)"))


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "yes", "ja", "on"):
            return True
        if text in ("false", "no", "nein", "off"):
            return False
        fail(_("expected true or false, found '{text}'").format(text=value.strip()))
    fail(_("expected true or false, found {kind}").format(kind=kind(value)))
    raise AssertionError  # unreachable


_EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[A-Za-z]{2,}")


def _email(value: Any) -> str | None:
    value = _inline(value)
    if value is None:
        return None
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    if not _EMAIL.fullmatch(value):
        fail(_("'{text}' does not look like an e-mail address").format(text=value), _("write it as name@example.org"))
    return value


def check_url(value: Any) -> str:
    text = _inline(value)
    if text is None:
        fail(_("the link has no URL"), _("write a URL such as https://www.example.org"))
    assert text is not None
    if re.search(r"\s", text):
        fail(_("the URL '{text}' contains a space").format(text=text), _("remove the space or write it as %20"))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", text)
    if not match:
        if text.lower().startswith("www.") or re.match(r"[\w-]+(\.[\w-]+)+(/|$)", text):
            fail(_("the link '{text}' has no scheme").format(text=text), _("write {fixed}").format(fixed="https://" + text))
        if _EMAIL.fullmatch(text):
            fail(_("the link '{text}' has no scheme").format(text=text), _("write {fixed}").format(fixed="mailto:" + text))
        fail(_("'{text}' is not a URL").format(text=text), _("write a full URL such as https://www.example.org"))
    scheme = match.group(1).lower()
    if scheme not in LINK_SCHEMES:
        fail(
            _("links may use only http, https, mailto and tel, not '{scheme}:'").format(scheme=scheme),
            _("remove the link or write an https:// address"),
        )
    if scheme in ("http", "https") and not re.match(r"https?://[^/?#\s]+", text, re.IGNORECASE):
        fail(_("the URL '{text}' has no host name").format(text=text), _("write it as https://www.example.org/…"))
    if scheme in ("mailto", "tel") and len(text) <= len(scheme) + 1:
        fail(_("the link '{text}' is empty after '{scheme}:'").format(text=text, scheme=scheme))
    return text


# -- the models -----------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FactItem(_Model):
    """One entry of the facts box: a bullet ``text``, or a ``label``/``value`` row."""

    text: InlineText = None
    label: InlineText = None
    value: InlineText = None

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any, info: ValidationInfo) -> Any:
        if not is_yaml(info):
            return data
        if isinstance(data, str) or data is None:
            text = _inline(data)
            if text is None:
                fail(_("the fact is empty"), _("write a text after '- ', or remove the line"))
            return {"text": text}
        if isinstance(data, dict):
            if len(data) != 1:
                keys = ", ".join(f"'{k}'" for k in data)
                fail(
                    _("a fact is one text or one 'label: value' pair, found several keys ({keys})").format(keys=keys),
                    "start each fact on its own line with '- ', e.g. '- Einwohner: 83.000'",
                )
            (label, value), = data.items()
            if isinstance(value, (dict, list)):
                fail(_("expected text as the value of '{label}', found {kind}").format(label=label, kind=kind(value)))
            if _inline(value) is None:
                fail(_("the fact '{label}' has no value").format(label=label),
                     _("write '{label}: value', or make it a text").format(label=label))
            return {"label": label, "value": value}
        fail(_("expected a fact (a text or 'label: value'), found {kind}").format(kind=kind(data)))

    @model_validator(mode="after")
    def _shape(self) -> "FactItem":
        if (self.text is None) == (self.label is None and self.value is None) or (
            (self.label is None) != (self.value is None)
        ):
            fail(_("a fact is either a text or a label with a value"))
        return self


class _TitledList(_Model):
    """A box with an optional title and a list (facts, contact people).

    In YAML it is either the plain list or a mapping with 'title' and the list's key.
    """

    _items_key: ClassVar[str]
    _shape: ClassVar[str]
    _empty: ClassVar[tuple[str, str]]

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any, info: ValidationInfo) -> Any:
        if not is_yaml(info):
            return data
        if isinstance(data, list):
            data = {cls._items_key: data}
        if not isinstance(data, dict):
            fail(_("expected {shape}, found {kind}").format(shape=_(cls._shape), kind=kind(data)))
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> "_TitledList":
        if not getattr(self, self._items_key):
            fail(*(_(text) for text in self._empty))
        return self


class Facts(_TitledList):
    """The facts box: an optional title and its items."""

    _items_key = "items"
    _shape = N_("a list of facts or a mapping with 'title' and 'items'")
    _empty = (N_("the facts box has no items"), N_("add items, or remove 'facts:'"))

    title: InlineText = Field(None, description="heading of the facts box, e.g. 'Auf einen Blick'")
    items: Annotated[tuple[FactItem, ...], BeforeValidator(_listish("facts"))] = Field(
        description="the facts: a text (a bullet) or 'label: value' (a two-column row)"
    )


class Image(_Model):
    """A photo with caption, credit and alt text."""

    file: RequiredInlineText = Field(description="the image file (JPEG or PNG; SVG only for the brand logo), relative to the release file")
    caption: InlineText = Field(None, description="caption printed under the photo")
    credit: InlineText = Field(None, description="photographer, printed as 'Foto: …'")
    alt: InlineText = Field(None, description="what the photo shows, for readers who cannot see it (required unless decorative)")
    decorative: Annotated[bool, BeforeValidator(parse_bool)] = Field(
        False, description="true if the image is pure decoration and needs no alt text"
    )

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any, info: ValidationInfo) -> Any:
        if is_yaml(info) and isinstance(data, str):
            fail(
                _("expected an image with 'file:' and 'alt:', found text"),
                _("write '- file: {file}' and add 'alt:' on the next line").format(file=data.strip()),
            )
        return data

    @model_validator(mode="after")
    def _needs_alt(self) -> "Image":
        if not self.decorative and self.alt is None:
            fail(
                _("the image '{file}' has no alt text").format(file=self.file),
                "describe the photo in 'alt:' for readers who cannot see it, or set 'decorative: true'",
            )
        return self


class Link(_Model):
    """An entry of 'Weitere Informationen'."""

    text: InlineText = Field(None, description="the link text; default: the URL")
    url: Annotated[str, BeforeValidator(check_url)] = Field(description="an http, https, mailto or tel URL")

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any, info: ValidationInfo) -> Any:
        if is_yaml(info) and (isinstance(data, str) or data is None):
            return {"url": data}
        return data


class Person(_Model):
    """One contact person."""

    name: RequiredInlineText = Field(description="the person's or office's name")
    role: InlineText = Field(None, description="function, e.g. 'Pressesprecherin'")
    phone: InlineText = Field(None, description="phone number, as it should be printed")
    email: Annotated[Union[str, None], BeforeValidator(_email)] = Field(None, description="e-mail address")


class Contact(_TitledList):
    """The contact block."""

    _items_key = "people"
    _shape = N_("a list of people or a mapping with 'title' and 'people'")
    _empty = (N_("the contact block has no people"), N_("add a person with 'name:', or remove 'contact:'"))

    title: InlineText = Field(None, description="heading of the contact block, e.g. 'Pressekontakt'")
    people: Annotated[tuple[Person, ...], BeforeValidator(_listish("people"))] = Field(
        description="the contact people"
    )


def _keywords(value: Any) -> Any:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part for part in (p.strip() for p in value.split(",")) if part)
    if isinstance(value, (list, tuple)):
        return value
    fail(_("expected a list of keywords or a comma-separated text, found {kind}").format(kind=kind(value)))


Keyword = Annotated[str, BeforeValidator(_required(_inline))]


class Release(_Model):
    """A validated press release. ``source`` is the YAML it came from, if any."""

    title: RequiredInlineText = Field(description="the headline (inline text)")
    subtitle: InlineText = Field(None, description="sub-headline under the headline (inline text)")
    date: Annotated[datetime.date, BeforeValidator(parse_date)] = Field(
        description="release date, YYYY-MM-DD; printed in the dateline"
    )
    place: InlineText = Field(None, description="dateline place, e.g. Salzwedel; default: the brand's place")
    number: InlineText = Field(None, description="release number, e.g. 004/2019")
    embargo: Annotated[Union[datetime.datetime, None], BeforeValidator(
        lambda v: None if v is None else parse_datetime(v)
    )] = Field(None, description="embargo, YYYY-MM-DD HH:MM local time; shown prominently on page 1")
    lang: Annotated[Union[Literal["de", "en"], None], BeforeValidator(_lang)] = Field(
        None, description="language of labels, dates and hyphenation: de or en; default: the brand's"
    )
    lead: InlineText = Field(None, description="the lead paragraph, set apart (inline text)")
    body: RequiredBlockText = Field(
        description="the release text: paragraphs, ## sub-headings, lists, > quotes, **bold**, *italic*, [links](url)"
    )
    facts: Union[Facts, None] = Field(
        None, description="the facts box: a list of items, or a mapping with title and items"
    )
    images: Annotated[tuple[Image, ...], BeforeValidator(_listish("images"))] = Field(
        (), description="photos with file, caption, credit and alt"
    )
    links: Annotated[tuple[Link, ...], BeforeValidator(_listish("links"))] = Field(
        (), description="'Weitere Informationen': URLs, or text and url"
    )
    contact: Union[Contact, None] = Field(
        None, description="the contact block: a list of people, or a mapping with title and people; default: the brand's"
    )
    about: BlockText = Field(None, description="boilerplate about the organisation; default: the brand's")
    closing: InlineText = Field(None, description="closing line; default: the brand's")
    keywords: Annotated[tuple[Keyword, ...], BeforeValidator(_keywords)] = Field(
        (), description="keywords for the PDF metadata and feeds: a list or a comma-separated text"
    )

    _source: SourceDoc | None = PrivateAttr(default=None)

    @property
    def source(self) -> SourceDoc | None:
        """The YAML document this release was validated from (None if built in Python)."""
        return self._source


# -- pydantic errors -> located diagnostics ------------------------------------------


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside Optional[...], tuple[..., ...] or Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _unwrap(arg)
        if found is not None:
            return found
    return None


def model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class validating the value at ``loc`` (field names and list indexes)."""
    current: type[BaseModel] | None = root
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current


def yaml_path(doc: SourceDoc, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Map a pydantic ``loc`` to the path of the YAML value it is about.

    The model's wrappers that the YAML may leave out (``items`` of a facts box
    written as a plain list, ``people`` of a contact list, ``url`` of a bare URL)
    are skipped; the walk stops at the deepest value that exists.
    """
    node: Any = doc.data
    path: list[str | int] = []
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, str):
            continue  # a wrapper field the YAML shape leaves out
        else:
            break
    return tuple(path)


def _known_keys_hint(key: str, known: list[str]) -> str:
    match = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    if match:
        return _("did you mean '{key}'?").format(key=match[0])
    return _("known keys: {keys}").format(keys=", ".join(known))


def _dash_without_space(key: Any) -> bool:
    return isinstance(key, str) and len(key) > 1 and key[0] == "-" and key[1] not in " -"


def _describe(root: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    model = model_at(root, loc)
    if model is None:
        return _("a mapping")
    keys = list(model.model_fields)
    return _("a mapping with {keys}").format(keys=", ".join(keys[:4]) + (", …" if len(keys) > 4 else ""))


def diagnostics_from(
    exc: PydanticValidationError, doc: SourceDoc, root: type[BaseModel]
) -> list[Diagnostic]:
    """Turn pydantic's errors into located, user-facing diagnostics."""
    result: list[Diagnostic] = []
    seen: set[str] = set()
    errors = exc.errors(include_url=False)
    # A misspelt key ('titel') also makes its correct key missing; report it once.
    misspelt: set[tuple[Any, ...]] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            model = model_at(root, loc[:-1])
            if model is not None:
                for name in difflib.get_close_matches(str(loc[-1]).lower(), list(model.model_fields), n=1, cutoff=0.6):
                    misspelt.add(loc[:-1] + (name,))
                if _dash_without_space(loc[-1]):  # "-Erträge: 10" was meant as a list item, not a key
                    misspelt.update(loc[:-1] + (name,) for name in model.model_fields)
    for err in errors:
        if err["type"] == "missing" and tuple(err["loc"]) in misspelt:
            continue
        loc = tuple(part for part in err["loc"] if isinstance(part, (str, int)))
        kind_ = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input")
        key = next((p for p in reversed(loc) if isinstance(p, str)), "")
        hint: str | None = None
        if kind_ == "extra_forbidden":
            model = model_at(root, loc[:-1])
            known = list(model.model_fields) if model is not None else []
            message = _("unknown key '{key}'").format(key=loc[-1])
            hint = _known_keys_hint(str(loc[-1]), known) if known else None
            where = doc.key_location(yaml_path(doc, loc))
            if " " in str(loc[-1]) and len(loc) == 1:
                from presskit.source.yamlslips import unindented_text_line

                slip = unindented_text_line(doc.text, where.line)
                if slip is not None:  # "Zweiter Absatz: mehr" after the body, not indented
                    message = _("this line belongs to '{key}' (line {line}) but is not indented").format(
                        key=slip[0], line=slip[1])
                    hint = _("indent it by {spaces}, like the line above").format(
                        spaces=ngettext("{n} space", "{n} spaces", slip[2]).format(n=slip[2]))
            if _dash_without_space(loc[-1]):
                message = _("a list item needs a space after '-'")
                hint = _("add a space after '-'") + "; " + _("write: {fixed}").format(fixed="- " + str(loc[-1])[1:] + ": …")
        elif kind_ == "missing":
            message = _("missing required key '{key}'").format(key=loc[-1])
            hint = _("add '{key}:' with a value").format(key=loc[-1])
            where = doc.location(yaml_path(doc, loc[:-1]))
        elif kind_ == "presskit":
            message = str(ctx.get("message", err["msg"])).replace("{key}", str(key))
            hint = str(ctx.get("hint") or "") or None
            where = doc.location(yaml_path(doc, loc))
        elif kind_ in ("model_type", "dict_type", "model_attributes_type"):
            message = _("expected {shape}, found {kind}").format(shape=_describe(root, loc), kind=kind(value))
            where = doc.location(yaml_path(doc, loc))
        elif kind_ in ("tuple_type", "list_type"):
            message = _("expected a list, found {kind}").format(kind=kind(value))
            hint = _("start each entry on its own line with '- '")
            where = doc.location(yaml_path(doc, loc))
        elif kind_ == "string_type":
            message = _("expected text, found {kind}").format(kind=kind(value))
            where = doc.location(yaml_path(doc, loc))
        elif kind_ in ("float_parsing", "float_type", "int_parsing", "int_type", "finite_number"):
            message = _("expected a number, found {kind}").format(kind=repr(value) if isinstance(value, str) else kind(value))
            where = doc.location(yaml_path(doc, loc))
        elif kind_ == "literal_error":
            message = _("expected {shape}, found {kind}").format(
                shape=ctx.get("expected", _("one of the allowed values")),
                kind=f"'{value}'" if isinstance(value, str) else kind(value))
            where = doc.location(yaml_path(doc, loc))
        elif kind_ in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            limit = next(iter(ctx.values()), "")
            message = {
                "greater_than_equal": _("'{key}' must be at least {limit}, found {value}"),
                "less_than_equal": _("'{key}' must be at most {limit}, found {value}"),
                "greater_than": _("'{key}' must be more than {limit}, found {value}"),
                "less_than": _("'{key}' must be less than {limit}, found {value}"),
            }[kind_].format(key=key, limit=limit, value=value)
            where = doc.location(yaml_path(doc, loc))
        else:
            msg = str(err["msg"])
            message = msg[:1].lower() + msg[1:]
            where = doc.location(yaml_path(doc, loc))
        diag = error(message, where, hint)
        text = diag.format()
        if text not in seen:
            seen.add(text)
            result.append(diag)
    result.sort(key=lambda d: (d.location.line, d.location.column) if d.location else (0, 0))
    return result


M = TypeVar("M", bound=BaseModel)


def validate_source(
    model: type[M], doc: SourceDoc, context: dict[str, Any] | None = None
) -> M:
    """Validate ``doc.data`` as ``model``; raise ValidationError with every problem, located."""
    try:
        return model.model_validate(doc.data, context={"yaml": True, **(context or {})})
    except PydanticValidationError as exc:
        raise ValidationError(diagnostics_from(exc, doc, model)) from None


def validate_release(doc: SourceDoc) -> Release:
    """The release in ``doc``; raises :class:`ValidationError` with all its problems."""
    release = validate_source(Release, doc)
    release._source = doc
    return release


def load_release(path: Path, display: str | None = None) -> Release:
    """Read, parse and validate a release file."""
    return validate_release(load_yaml(Path(path), display))
