"""JSON Schema of the release file, for editors (yaml-language-server, VS Code's YAML extension).

The schema describes the YAML as an editor reads it, and accepts every value
presskit accepts. An editor reads YAML 1.2: ``83.000`` is a number and
``true`` a boolean there, where presskit keeps the text as typed; so a text
field takes strings, numbers and booleans. Only JSON Schema draft-07 keywords
that JavaScript engines understand are used: no Python-only regular
expressions (``(?i:…)``), case-insensitive words are spelt out as ``[Tt]rue``.

Key names and required keys come from the pydantic models, so the schema
cannot drift from the model; the words (``description``, and
``markdownDescription`` with an example, shown on hover) come from
:data:`RELEASE_KEYS`, which is also the source of ``docs/reference.md``.
They are in the user's language (gettext, like every message): ``presskit
init`` run by a German user writes a German schema, so the editor explains
the keys in German; the examples are German releases in both.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from presskit.i18n import N_, _
from presskit.source.model import LINK_SCHEMES, Contact, Facts, Image, Link, Person, Release

SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"

#: path of a key -> (what it is, in plain words; an example in YAML)
RELEASE_KEYS: dict[str, tuple[str, str]] = {
    "title": (N_("The headline (required). Inline text: **bold**, *italic*, [text](url)."),
              "title: Kreistag beschließt den Haushalt 2027"),
    "subtitle": (N_("A second line under the headline."), "subtitle: Investitionen in Schulen und Straßen"),
    "date": (N_("The release date, written YYYY-MM-DD (required). Printed in the dateline."), "date: 2026-11-24"),
    "place": (N_("The place in the dateline. Default: the place in the brand file."), "place: Salzwedel"),
    "number": (N_("The release number, printed next to the dateline."), "number: 118/2026"),
    "embargo": (N_("Embargo: not to be published before this date and time, written YYYY-MM-DD HH:MM "
                "(local time). Shown prominently on page 1."), "embargo: 2026-11-24 10:00"),
    "lang": (N_("The language of the printed labels, dates and hyphenation: de or en. Default: the brand file's."),
             "lang: de"),
    "lead": (N_("The lead paragraph, set apart from the text: who, what, when, where, why in a few sentences."),
             "lead: >-\n  Der Kreistag hat am Montag den Haushalt 2027 beschlossen.\n  Er sieht 12 Millionen Euro für Schulen vor."),
    "body": (N_("The text of the release (required). Write '|' after the colon and indent every line by two spaces. "
             "Paragraphs are separated by a blank line; '## ' starts a sub-heading, '- ' a list item, '> ' a quote."),
             "body: |\n  Der Haushalt umfasst 180 Millionen Euro.\n\n  ## Schulen\n\n  - Sanierung der Turnhalle\n"
             "  - neue Fenster\n\n  > \"Wir investieren in die Zukunft.\"\n  > -- Erika Mustermann, Landrätin"),
    "facts": (N_("The facts box: a list of items, or a title and items. An item is a text (a bullet) or "
              "'Label: value' (a row with two columns)."),
              "facts:\n  title: Auf einen Blick\n  items:\n    - Haushalt: 180 Mio. €\n    - Einwohner: 83.000\n"
              "    - Beschluss einstimmig"),
    "facts.title": (N_("The heading of the facts box."), "  title: Auf einen Blick"),
    "facts.items": (N_("The facts: each a text (a bullet) or 'Label: value' (a row)."), "  items:\n    - Haushalt: 180 Mio. €"),
    "images": (N_("Photos, each with its file, a caption, the photographer and a description for people who cannot see it."),
               "images:\n  - file: images/kreistag.jpg\n    caption: Der Kreistag bei der Abstimmung\n"
               "    credit: Pressestelle\n    alt: Abgeordnete heben im Sitzungssaal die Hand"),
    "images.file": (N_("The photo (JPEG or PNG) relative to the release file; SVG only for the brand's logo."), "  - file: images/kreistag.jpg"),
    "images.caption": (N_("The caption printed under the photo."), "    caption: Der Kreistag bei der Abstimmung"),
    "images.credit": (N_("Who took the photo; printed as 'Foto: …'."), "    credit: Pressestelle"),
    "images.alt": (N_("What the photo shows, for people who cannot see it. Required unless 'decorative: true'."),
                   "    alt: Abgeordnete heben im Sitzungssaal die Hand"),
    "images.decorative": (N_("true if the image is pure decoration and needs no description."), "    decorative: true"),
    "links": (N_("'Weitere Informationen': web addresses, or a text with its address (http, https, mailto, tel)."),
              "links:\n  - https://www.example.org/haushalt\n  - text: Haushaltsplan als PDF\n"
              "    url: https://www.example.org/haushalt.pdf"),
    "links.text": (N_("The words shown for the link. Default: the address itself."), "  - text: Haushaltsplan als PDF"),
    "links.url": (N_("The address: http, https, mailto or tel."), "    url: https://www.example.org/haushalt.pdf"),
    "contact": (N_("The press contact under the text: a list of people, or a title and people. "
                "Default: the contact in the brand file."),
                "contact:\n  title: Pressekontakt\n  people:\n    - name: Erika Mustermann\n      role: Pressesprecherin\n"
                "      phone: 03901 840-309\n      email: presse@example.org"),
    "contact.title": (N_("The heading of the contact block."), "  title: Pressekontakt"),
    "contact.people": (N_("The contact people."), "  people:\n    - name: Erika Mustermann"),
    "contact.people.name": (N_("The person's or office's name (required)."), "    - name: Erika Mustermann"),
    "contact.people.role": (N_("The person's function."), "      role: Pressesprecherin"),
    "contact.people.phone": (N_("The phone number, printed as written."), "      phone: 03901 840-309"),
    "contact.people.email": (N_("The e-mail address."), "      email: presse@example.org"),
    "about": (N_("A paragraph about the organisation at the end. Default: the brand file's."),
              "about: |\n  Der Altmarkkreis Salzwedel ist ein Landkreis in Sachsen-Anhalt."),
    "closing": (N_("The closing line. Default: the brand file's."), "closing: Ihre Pressestelle"),
    "keywords": (N_("Keywords for the PDF's metadata and feeds: a list, or words separated by commas."),
                 "keywords:\n  - Haushalt\n  - Kreistag"),
}

#: The brand file's keys, for docs/reference.md (the brand file has no editor schema yet).
BRAND_KEYS: dict[str, tuple[str, str]] = {
    "organisation": (N_("The organisation's name, large in the letterhead (required)."), "organisation: Altmarkkreis Salzwedel"),
    "units": (N_("Lines under the name: a list, or one text."), "units:\n  - Der Landrat\n  - Büro des Landrates · Pressestelle"),
    "address": (N_("The postal address: street, postcode and city (required), room (optional)."),
                "address:\n  street: Karl-Marx-Str. 32\n  postcode: 29410\n  city: Salzwedel\n  room: Zimmer 310"),
    "phone": (N_("The phone number, printed as written."), "phone: 03901 840-309"),
    "fax": (N_("The fax number."), "fax: 03901 840-840"),
    "email": (N_("The press office's e-mail address."), "email: pressestelle@altmarkkreis-salzwedel.de"),
    "website": (N_("The website, printed as written."), "website: www.altmarkkreis-salzwedel.de"),
    "logo": (N_("The logo: a file (SVG, PNG or JPEG, relative to the brand file) and its description. "
             "Without it presskit draws a neutral mark."), "logo:\n  file: logo.svg\n  alt: Wappen des Altmarkkreises Salzwedel"),
    "colours": (N_("The colours (#RRGGBB): primary, accent (both also with CMYK for print), text, muted, shade."),
                "colours:\n  primary: {rgb: \"#1B5E7E\", cmyk: [90, 45, 20, 15]}\n  accent: {rgb: \"#7A9A2E\", cmyk: [50, 10, 95, 15]}\n"
                "  text: \"#1D1D1B\"\n  muted: \"#5F6B73\"\n  shade: \"#EEF3F6\""),
    "fonts": (N_("Four TrueType/OpenType files: regular, bold, italic, bold_italic. Default: the bundled Noto Sans."),
              "fonts:\n  regular: fonts/MySans-Regular.ttf\n  bold: fonts/MySans-Bold.ttf\n"
              "  italic: fonts/MySans-Italic.ttf\n  bold_italic: fonts/MySans-BoldItalic.ttf"),
    "lang": (N_("The default language of the releases: de or en."), "lang: de"),
    "place": (N_("The default place of the dateline."), "place: Salzwedel"),
    "contact": (N_("The default press contact, written like a release's contact."),
                "contact:\n  title: Pressekontakt\n  people:\n    - name: Pressestelle\n      phone: 03901 840-309"),
    "about": (N_("The default paragraph about the organisation."), "about: |\n  Der Altmarkkreis Salzwedel ist ein Landkreis."),
    "about_title": (N_("The heading over that paragraph."), "about_title: Über den Altmarkkreis Salzwedel"),
    "closing": (N_("The default closing line."), "closing: Ihre Pressestelle"),
    "timezone": (N_("The time zone of embargo times and of the website's clock (an IANA name). Default: Europe/Berlin."),
                 "timezone: Europe/Berlin"),
    "texts": (N_("Contact, boilerplate, its heading and the closing line in another language, for releases in it; "
                 "without them such a release leaves the brand's texts out."),
              "texts:\n  en:\n    about_title: About Altmarkkreis Salzwedel\n    about: |\n      Altmarkkreis Salzwedel is a "
              "district in Saxony-Anhalt.\n    closing: Your press office"),
    "texts.contact": (N_("The press contact in that language, written like a release's contact."),
                      "    contact:\n      title: Press contact\n      people:\n        - name: Press office"),
    "texts.about": (N_("The paragraph about the organisation in that language."), "    about: |\n      Altmarkkreis Salzwedel is a district."),
    "texts.about_title": (N_("The heading over that paragraph."), "    about_title: About Altmarkkreis Salzwedel"),
    "texts.closing": (N_("The closing line in that language."), "    closing: Your press office"),
    "mail": (N_("The SMTP server for 'presskit mail --send'. Never the password: it comes from an environment "
                "variable or a hidden prompt."),
             "mail:\n  host: smtp.example.org\n  port: 587\n  security: starttls\n  user: pressestelle\n"
             "  password_env: PRESSKIT_SMTP_PASSWORD\n  rate: 20"),
    "mail.host": (N_("The SMTP server's host name (required)."), "  host: smtp.example.org"),
    "mail.port": (N_("The port. Default: 587 with starttls, 465 with tls, 25 with none."), "  port: 587"),
    "mail.security": (N_("starttls, tls (encrypted from the start) or none (only for a server on this computer)."),
                      "  security: starttls"),
    "mail.user": (N_("The user name to log in with; without it presskit does not log in."), "  user: pressestelle"),
    "mail.password_env": (N_("The environment variable that holds the password. Default: PRESSKIT_SMTP_PASSWORD."),
                          "  password_env: PRESSKIT_SMTP_PASSWORD"),
    "mail.rate": (N_("At most this many messages per minute (mail servers throttle). Default: 20."), "  rate: 20"),
    "mail.timeout": (N_("Seconds to wait for the server. Default: 60."), "  timeout: 60"),
    "page": (N_("The page size (A4 or letter) and the margins in millimetres."),
             "page:\n  size: A4\n  margins: {top: 20, right: 20, bottom: 20, left: 25}"),
    "address.street": (N_("Street and house number (required)."), "  street: Karl-Marx-Str. 32"),
    "address.postcode": (N_("The postcode, as written: 01067 stays 01067 (required)."), "  postcode: 29410"),
    "address.city": (N_("The city (required)."), "  city: Salzwedel"),
    "address.room": (N_("Room or building."), "  room: Zimmer 310"),
    "logo.file": (N_("The logo file: SVG, PNG or JPEG, relative to the brand file (required)."), "  file: logo.svg"),
    "logo.alt": (N_("What the logo shows, for people who cannot see it (required)."), "  alt: Wappen des Altmarkkreises Salzwedel"),
    "colours.primary": (N_("The main colour: headline, headings, letterhead lines."), "  primary: {rgb: \"#1B5E7E\", cmyk: [90, 45, 20, 15]}"),
    "colours.accent": (N_("The second colour: quote bars, embargo band, lines."), "  accent: {rgb: \"#7A9A2E\", cmyk: [50, 10, 95, 15]}"),
    "colours.text": (N_("The colour of the text."), "  text: \"#1D1D1B\""),
    "colours.muted": (N_("The colour of small print: sub-headline, credits, the paragraph about the organisation."), "  muted: \"#5F6B73\""),
    "colours.shade": (N_("The light background of the facts box."), "  shade: \"#EEF3F6\""),
    "fonts.regular": (N_("The regular font file (.ttf or .otf)."), "  regular: fonts/MySans-Regular.ttf"),
    "fonts.bold": (N_("The bold font file."), "  bold: fonts/MySans-Bold.ttf"),
    "fonts.italic": (N_("The italic font file."), "  italic: fonts/MySans-Italic.ttf"),
    "fonts.bold_italic": (N_("The bold italic font file."), "  bold_italic: fonts/MySans-BoldItalic.ttf"),
    "page.size": (N_("A4 or Letter."), "  size: A4"),
    "page.margins": (N_("The margins in millimetres: top, right, bottom, left."), "  margins: {top: 20, right: 20, bottom: 20, left: 25}"),
}

# A text as an editor's YAML 1.2 reads it: "83.000" is a number, "true" a boolean.
_SCALAR = ["string", "number", "boolean"]
def _text() -> dict[str, Any]:
    return {"type": _SCALAR, "errorMessage": _("expected a text here, not a list or keys with values")}


def _any_case(*words: str) -> str:
    """``(true|yes)`` in any letter case, without the Python-only ``(?i:…)``."""
    def spelt(word: str) -> str:
        return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)
    return "(" + "|".join(spelt(w) for w in words) + ")"


_DATE_PATTERN = r"^\s*\d{4}-\d{2}-\d{2}\s*$"
_DATETIME_PATTERN = r"^\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}\s*$"
_URL_PATTERN = "^\\s*" + _any_case(*LINK_SCHEMES) + ":"
_EMAIL_PATTERN = "^\\s*(" + _any_case("mailto") + ":)?[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}\\s*$"
_TRUE = _any_case("true", "yes", "ja", "on")
_FALSE = _any_case("false", "no", "nein", "off")


def _doc(path: str, keys: dict[str, tuple[str, str]] | None = None) -> dict[str, str]:
    description, example = (RELEASE_KEYS if keys is None else keys)[path]
    description = _(description)
    return {"description": description,
            "markdownDescription": f"{description}\n\n```yaml\n{example}\n```"}


def _object(model: type[BaseModel], prefix: str, properties: dict[str, dict[str, Any]], path: str,
            keys: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """A closed object schema with the model's keys, plain-word descriptions and required keys."""
    missing = set(model.model_fields) ^ set(properties)
    if missing:  # a field was added to the model but not here, or vice versa
        raise AssertionError(f"schema of {model.__name__} out of sync: {sorted(missing)}")
    props = {}
    for name, field in model.model_fields.items():
        schema = dict(properties[name])
        for key, value in _doc(prefix + name, keys).items():
            schema.setdefault(key, value)
        if not field.is_required() and isinstance(schema.get("type"), list) and "null" not in schema["type"]:
            schema["type"] = [*schema["type"], "null"]  # 'subtitle:' with nothing after it
        props[name] = schema
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    result: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if path:
        result.update(_doc(path, keys))
    if required:
        result["required"] = required
    return result


def _list_of(item: dict[str, Any], path: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "array", "items": item,
                              "errorMessage": _("expected a list: start each entry on its own line with '- '")}
    if path:
        result.update(_doc(path))
    return result


def _email() -> dict[str, Any]:
    return {"type": "string", "pattern": _EMAIL_PATTERN, "patternErrorMessage": _("write it as name@example.org")}


def _contact(TEXT: dict[str, Any]) -> dict[str, Any]:
    person = _object(Person, "contact.people.", {"name": TEXT, "role": TEXT, "phone": TEXT, "email": _email()}, "")
    person["description"] = _("A contact person: name, role, phone and e-mail.")
    people = _list_of(person, "contact.people")
    people["minItems"] = 1
    return dict(_doc("contact"), oneOf=[
        dict(people, description=_("A list of contact people.")),
        _object(Contact, "contact.", {"title": TEXT, "people": people}, "contact"),
        {"type": "null"},  # 'contact:' with nothing after it: the brand's contact
    ])


def release_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a release file, its words in the user's language."""
    TEXT = _text()
    fact_item = {
        "description": _("A text (a bullet) or one 'Label: value' pair (a row with two columns)."),
        "oneOf": [
            {"type": _SCALAR},
            {"type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": {"type": _SCALAR}},
        ],
    }
    facts_items = _list_of(fact_item, "facts.items")
    facts_items["minItems"] = 1
    facts = dict(_doc("facts"), oneOf=[
        dict(facts_items, description=_("A list of facts.")),
        _object(Facts, "facts.", {"title": TEXT, "items": facts_items}, "facts"),
        {"type": "null"},  # 'facts:' with nothing after it: no facts box
    ])

    decorative = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": f"^\\s*({_TRUE}|{_FALSE})\\s*$"}, {"type": "null"}],
                  "patternErrorMessage": _("write true or false")}
    image = _object(Image, "images.", {"file": TEXT, "caption": TEXT, "credit": TEXT, "alt": TEXT,
                                       "decorative": decorative}, "")
    image["description"] = _("A photo: file, caption, credit and alt (what it shows).")
    image["anyOf"] = [
        {"required": ["alt"]},
        {"required": ["decorative"],
         "properties": {"decorative": {"anyOf": [{"const": True}, {"type": "string", "pattern": f"^\\s*{_TRUE}\\s*$"}]}}},
    ]

    url = {"type": "string", "pattern": _URL_PATTERN,
           "patternErrorMessage": _("a link starts with http://, https://, mailto: or tel:")}
    link = {
        "description": _("A web address, or a text with its address."),
        "oneOf": [
            dict(url, description=_("An http, https, mailto or tel address.")),
            _object(Link, "links.", {"text": TEXT, "url": url}, "links"),
        ],
    }

    contact = _contact(TEXT)

    release = _object(
        Release,
        "",
        {
            "title": TEXT,
            "subtitle": TEXT,
            "date": {"type": "string", "pattern": _DATE_PATTERN, "examples": ["2019-01-18"],
                     "patternErrorMessage": _("write the date as YYYY-MM-DD, e.g. 2019-01-18"),
                     "errorMessage": _("write the date as YYYY-MM-DD, e.g. 2019-01-18")},
            "place": TEXT,
            "number": TEXT,
            "embargo": {"type": ["string", "null"], "pattern": _DATETIME_PATTERN, "examples": ["2019-01-18 10:00"],
                        "patternErrorMessage": _("write the date and time as YYYY-MM-DD HH:MM, e.g. 2019-01-18 10:00")},
            "lang": {"type": ["string", "null"], "pattern": "^\\s*" + _any_case("de", "en") + "\\s*$", "examples": ["de", "en"],
                     "patternErrorMessage": _("write de or en")},
            "lead": TEXT,
            "body": TEXT,
            "facts": facts,
            "images": dict(_list_of(image), type=["array", "null"]),
            "links": dict(_list_of(link), type=["array", "null"]),
            "contact": contact,
            "about": TEXT,
            "closing": TEXT,
            "keywords": {"oneOf": [_list_of(TEXT), {"type": ["string", "null"]}]},
        },
        "",
    )
    release["required"] = [name for name in ("title", "date", "body") if name in release.get("required", [])]
    return {
        "$schema": SCHEMA_DRAFT,
        "title": "presskit release",
        "description": _("A press release for presskit: headline, date, text, and optional facts, photos, links and contact."),
        **release,
    }


def release_schema_text() -> str:
    """The schema as the JSON text ``presskit schema`` prints and ``presskit init`` saves."""
    import json

    return json.dumps(release_json_schema(), indent=2, ensure_ascii=False) + "\n"


_HEX = r"^\s*#[0-9A-Fa-f]{6}\s*$"


def brand_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a brand file (``presskit.yaml``), its words in the user's language."""
    from presskit.source.brand import Address, Brand, BrandTexts, Colour, Colours, Fonts, Logo, Margins, Page
    from presskit.source.mailsettings import MailSettings

    whole = {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*\d+\s*$"}, {"type": "null"}]}

    TEXT = _text()
    keys = BRAND_KEYS
    path = {"type": "string", "errorMessage": _("write the path of the file, relative to the brand file")}
    hex_colour = {"type": "string", "pattern": _HEX, "patternErrorMessage": _('write # and six hex digits, in quotes: "#1B5E7E"')}
    percent = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
                         {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*$"}]}
    colour = {"oneOf": [hex_colour, {
        "type": "object", "additionalProperties": False, "required": ["rgb"],
        "properties": {
            "rgb": dict(hex_colour, description=_("The colour as #RRGGBB, in quotes.")),
            "cmyk": {"type": ["array", "null"], "items": percent, "minItems": 4, "maxItems": 4,
                     "description": _("The colour for print: four CMYK values from 0 to 100.")},
        }}]}
    assert set(Colour.model_fields) == {"rgb", "cmyk"}
    millimetres = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
                             {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*$"}],
                   "description": _("A margin in millimetres (0 to 100).")}
    margins = _object(Margins, "", {name: millimetres for name in Margins.model_fields}, "", keys={
        name: (_("A margin in millimetres (0 to 100)."), f"{name}: 20") for name in Margins.model_fields})
    page = _object(Page, "page.", {
        "size": {"type": "string", "pattern": "^\\s*" + _any_case("A4", "Letter") + "\\s*$",
                 "patternErrorMessage": _("write A4 or Letter")},
        "margins": dict(margins, type=["object", "null"]),
    }, "page", keys)
    brand = _object(
        Brand,
        "",
        {
            "organisation": TEXT,
            "units": {"anyOf": [dict(TEXT), _list_of(TEXT), {"type": "null"}]},
            "address": _object(Address, "address.", {name: TEXT for name in Address.model_fields}, "address", keys),
            "phone": TEXT,
            "fax": TEXT,
            "email": dict(_email(), type=["string", "null"]),
            "website": TEXT,
            "logo": dict(_object(Logo, "logo.", {"file": path, "alt": TEXT}, "logo", keys), type=["object", "null"]),
            "colours": dict(_object(Colours, "colours.", {name: colour for name in Colours.model_fields}, "colours", keys),
                            type=["object", "null"]),
            "fonts": dict(_object(Fonts, "fonts.", {name: path for name in Fonts.model_fields}, "fonts", keys),
                          type=["object", "null"], required=list(Fonts.model_fields)),
            "lang": {"type": ["string", "null"], "pattern": "^\\s*" + _any_case("de", "en") + "\\s*$",
                     "patternErrorMessage": _("write de or en")},
            "place": TEXT,
            "timezone": dict(TEXT, pattern=r"^\s*[A-Za-z_]+(/[A-Za-z0-9_+-]+)*\s*$",
                             patternErrorMessage=_("write a time zone such as Europe/Berlin")),
            "contact": _contact(TEXT),
            "about": TEXT,
            "about_title": TEXT,
            "closing": TEXT,
            "texts": {"type": ["object", "null"], "additionalProperties": False,
                      "properties": {lang: dict(_object(BrandTexts, "texts.", {
                          "contact": _contact(TEXT), "about": TEXT, "about_title": TEXT, "closing": TEXT,
                      }, "texts", keys), type=["object", "null"]) for lang in ("de", "en")},
                      **_doc("texts", keys)},
            "mail": dict(_object(MailSettings, "mail.", {
                "host": TEXT, "port": whole, "security": {
                    "type": ["string", "null"], "pattern": "^\\s*" + _any_case("starttls", "tls", "none") + "\\s*$",
                    "patternErrorMessage": _("write starttls, tls or none")},
                "user": TEXT, "password_env": TEXT, "rate": whole, "timeout": whole,
            }, "mail", keys), type=["object", "null"]),
            "page": dict(page, type=["object", "null"]),
        },
        "",
        keys,
    )
    return {
        "$schema": SCHEMA_DRAFT,
        "title": "presskit brand",
        "description": _("The brand file of a press office for presskit: letterhead and defaults of every release."),
        **brand,
    }


def brand_schema_text() -> str:
    """The brand schema as the JSON text ``presskit init`` saves."""
    import json

    return json.dumps(brand_json_schema(), indent=2, ensure_ascii=False) + "\n"
