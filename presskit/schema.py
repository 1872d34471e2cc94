"""JSON Schema of the release FILE, for editors (yaml-language-server).

The schema describes the YAML as typed (every scalar is text), not the
validated model: dates are strings with a pattern, ``facts``, ``contact`` and
link entries accept both of their shapes. Key names, required keys and
descriptions come from the pydantic models, so the schema cannot drift from
the model; the value shapes are written here because pydantic's own schema
describes the Python side (dates, booleans, single shapes).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from presskit.model import LINK_SCHEMES, Contact, Facts, Image, Link, Person, Release

_TEXT: dict[str, Any] = {"type": "string"}
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$"
_URL_PATTERN = "^(?i:" + "|".join(LINK_SCHEMES) + "):"
_BOOL_PATTERN = "^(?i:true|false|yes|no|ja|nein|on|off)$"


def _object(model: type[BaseModel], properties: dict[str, dict[str, Any]], description: str) -> dict[str, Any]:
    """A closed object schema with the model's keys, descriptions and required keys."""
    missing = set(model.model_fields) ^ set(properties)
    if missing:  # a field was added to the model but not here, or vice versa
        raise AssertionError(f"schema of {model.__name__} out of sync: {sorted(missing)}")
    props = {}
    for name, field in model.model_fields.items():
        schema = dict(properties[name])
        schema.setdefault("description", field.description or name)
        if not field.is_required() and schema.get("type") == "string":
            schema["type"] = ["string", "null"]  # 'subtitle:' with nothing after it
        props[name] = schema
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    result: dict[str, Any] = {
        "type": "object",
        "description": description,
        "properties": props,
        "additionalProperties": False,
    }
    if required:
        result["required"] = required
    return result


def _list_of(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "array", "items": item, "description": description}


def release_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a release file."""
    fact_item = {
        "description": "a text (a bullet) or one 'label: value' pair (a two-column row)",
        "oneOf": [
            {"type": "string"},
            {
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "additionalProperties": {"type": "string"},
            },
        ],
    }
    facts_items = _list_of(fact_item, "the facts")
    facts_items["minItems"] = 1
    facts_object = _object(
        Facts,
        {"title": _TEXT, "items": facts_items},
        "a facts box with a title and items",
    )
    facts = {
        "description": Release.model_fields["facts"].description,
        "oneOf": [dict(facts_items, description="a list of facts"), facts_object],
    }

    image = _object(
        Image,
        {
            "file": _TEXT,
            "caption": _TEXT,
            "credit": _TEXT,
            "alt": _TEXT,
            "decorative": {"type": "string", "pattern": _BOOL_PATTERN},
        },
        "a photo",
    )
    image["anyOf"] = [
        {"required": ["alt"]},
        {"required": ["decorative"], "properties": {"decorative": {"pattern": "^(?i:true|yes|ja|on)$"}}},
    ]

    url = {"type": "string", "pattern": _URL_PATTERN}
    link = {
        "description": "a URL, or a mapping with text and url",
        "oneOf": [
            dict(url, description="an http, https, mailto or tel URL"),
            _object(Link, {"text": _TEXT, "url": url}, "a link with its text"),
        ],
    }

    person = _object(
        Person,
        {
            "name": _TEXT,
            "role": _TEXT,
            "phone": _TEXT,
            "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"},
        },
        "a contact person",
    )
    people = _list_of(person, "the contact people")
    people["minItems"] = 1
    contact = {
        "description": Release.model_fields["contact"].description,
        "oneOf": [
            dict(people, description="a list of contact people"),
            _object(Contact, {"title": _TEXT, "people": people}, "a contact block with a title"),
        ],
    }

    release = _object(
        Release,
        {
            "title": _TEXT,
            "subtitle": _TEXT,
            "date": {"type": "string", "pattern": _DATE_PATTERN, "examples": ["2019-01-18"]},
            "place": _TEXT,
            "number": _TEXT,
            "embargo": {"type": "string", "pattern": _DATETIME_PATTERN, "examples": ["2019-01-18 10:00"]},
            "lang": {"type": "string", "enum": ["de", "en"]},
            "lead": _TEXT,
            "body": _TEXT,
            "facts": facts,
            "images": _list_of(image, Release.model_fields["images"].description or "images"),
            "links": _list_of(link, Release.model_fields["links"].description or "links"),
            "contact": contact,
            "about": _TEXT,
            "closing": _TEXT,
            "keywords": {
                "oneOf": [_list_of(_TEXT, "a list of keywords"), {"type": "string", "description": "comma-separated keywords"}],
            },
        },
        "a press release for presskit",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "presskit release",
        **release,
    }


def release_schema_text() -> str:
    """The schema as the JSON text ``presskit schema`` prints and ``presskit init`` saves."""
    import json

    return json.dumps(release_json_schema(), indent=2, ensure_ascii=False) + "\n"
