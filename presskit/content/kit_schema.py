"""JSON Schema of the kit FILE (``KIT.yaml``), for editors (yaml-language-server).

Like the release schema (:mod:`presskit.source.schema`) it describes the YAML as typed:
every scalar is text. The shapes a kit shares with a release (date, facts box,
contact block, photo) are taken from the release schema, so the two cannot
disagree; key names, required keys and descriptions come from the kit models.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from presskit.content.kit import Kit, KitDocument, KitPhoto

_TEXT: dict[str, Any] = {"type": "string"}


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """``schema`` itself, or what its local ``$ref`` points at."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        node: Any = root
        for part in ref[2:].split("/"):
            node = node[part]
        return _resolve(node, root)
    return schema


def _object(model: type[BaseModel], properties: dict[str, dict[str, Any]], description: str) -> dict[str, Any]:
    """A closed object schema with the model's keys, descriptions and required keys."""
    missing = set(model.model_fields) ^ set(properties)
    if missing:  # a field was added to the model but not here, or vice versa
        raise AssertionError(f"schema of {model.__name__} out of sync: {sorted(missing)}")
    props = {}
    for name, field in model.model_fields.items():
        schema = dict(properties[name])
        schema["description"] = field.description or schema.get("description") or name
        if not field.is_required() and schema.get("type") == "string":
            schema["type"] = ["string", "null"]
        props[name] = schema
    return {
        "type": "object",
        "description": description,
        "properties": props,
        "additionalProperties": False,
        "required": [name for name, field in model.model_fields.items() if field.is_required()],
    }


def kit_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a kit file."""
    from presskit.source.schema import release_json_schema

    release = release_json_schema()
    shared = {name: copy.deepcopy(_resolve(release["properties"][name], release))
              for name in ("date", "lang", "facts", "contact")}
    image = copy.deepcopy(_resolve(_resolve(release["properties"]["images"], release)["items"], release))
    photo_props = {name: image["properties"].get(name, _TEXT) for name in KitPhoto.model_fields if name != "usage"}
    photo_props["usage"] = _TEXT
    photo = _object(KitPhoto, photo_props, "a photo of the kit")
    if "anyOf" in image:
        photo["anyOf"] = image["anyOf"]
    document = _object(KitDocument, {"title": _TEXT, "text": _TEXT, "facts": shared["facts"]},
                       "a background document: a title and either a text or a facts box")
    document["oneOf"] = [{"required": ["text"], "not": {"required": ["facts"]}},
                         {"required": ["facts"], "not": {"required": ["text"]}}]

    def listing(item: dict[str, Any], name: str, minimum: int = 0) -> dict[str, Any]:
        result = {"type": "array", "items": item, "description": Kit.model_fields[name].description or name}
        if minimum:
            result["minItems"] = minimum
        return result

    kit = _object(
        Kit,
        {
            "title": _TEXT,
            "date": shared["date"],
            "place": _TEXT,
            "lang": shared["lang"],
            "cover": _TEXT,
            "releases": listing(_TEXT, "releases", 1),
            "photos": listing(photo, "photos"),
            "documents": listing(document, "documents"),
            "contact": shared["contact"],
        },
        "a press kit for presskit",
    )
    result: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "presskit kit", **kit}
    if "$defs" in release:  # shared shapes may refer to the release schema's definitions
        result["$defs"] = copy.deepcopy(release["$defs"])
    return result


def kit_schema_text() -> str:
    """The kit schema as the JSON text ``presskit schema kit`` prints and ``presskit init`` saves."""
    import json

    return json.dumps(kit_json_schema(), indent=2, ensure_ascii=False) + "\n"
