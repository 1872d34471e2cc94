"""The kit file's JSON Schema: the kit model's keys, the release schema's shared shapes."""

from __future__ import annotations

import json

import jsonschema
import pytest

from presskit.content.kit import Kit, KitPhoto
from presskit.content.kit_schema import kit_json_schema
from presskit.source.loader import parse_yaml

from test_kit import GOOD


def _validator():
    schema = kit_json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_shape():
    schema = kit_json_schema()
    json.dumps(schema)
    assert set(schema["properties"]) == set(Kit.model_fields)
    assert schema["required"] == ["title", "date", "releases"] and schema["additionalProperties"] is False
    photo = schema["properties"]["photos"]["items"]
    assert set(photo["properties"]) == set(KitPhoto.model_fields)
    assert photo["required"] == ["file", "caption", "credit"]
    assert all(prop.get("description") for prop in schema["properties"].values())


def test_example_validates_and_mistakes_do_not():
    validator = _validator()
    data = parse_yaml(GOOD, "kit.yaml").data
    assert not [e.message for e in validator.iter_errors(data)]
    for broken in (
        GOOD.replace("title: Pressemappe", "titel: Pressemappe"),
        GOOD.replace("date: 2026-12-03", "date: 3.12.2026"),
        GOOD.replace("    credit: Pressestelle\n    alt: Eine", "    alt: Eine"),
        GOOD.replace("releases:\n  - road.yaml", "releases: []"),
        GOOD.replace("    text: |\n      Der Kreistag tagt öffentlich.\n", ""),
        GOOD.replace("    usage: Nur", "    usage:\n      - Nur"),
    ):
        assert list(validator.iter_errors(parse_yaml(broken, "kit.yaml").data)), broken
