"""presskit.schema: the JSON Schema of the release file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presskit.model import Release
from presskit.schema import release_json_schema
from presskit.source import load_yaml, parse_yaml

RELEASES = sorted((Path(__file__).resolve().parent.parent / "releases").glob("*.yaml"))


def test_shape():
    schema = release_json_schema()
    json.dumps(schema)  # serialisable
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(Release.model_fields)
    assert schema["required"] == ["title", "date", "body"]
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name
    assert schema["properties"]["date"]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    assert schema["properties"]["lang"]["enum"] == ["de", "en"]
    for name in ("facts", "contact"):
        assert len(schema["properties"][name]["oneOf"]) == 2
    link = schema["properties"]["links"]["items"]
    assert len(link["oneOf"]) == 2
    assert link["oneOf"][1]["additionalProperties"] is False
    image = schema["properties"]["images"]["items"]
    assert image["additionalProperties"] is False and image["required"] == ["file"]


jsonschema = pytest.importorskip("jsonschema")


def _validator():
    cls = jsonschema.validators.validator_for(release_json_schema())
    cls.check_schema(release_json_schema())
    return cls(release_json_schema())


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_examples_validate(path):
    errors = list(_validator().iter_errors(load_yaml(path).data))
    assert not errors, [e.message for e in errors]


def test_template_shape_validates():
    data = parse_yaml(
        "title: T\ndate: 2019-01-18\nbody: B\nsubtitle:\nfacts:\n  - Einwohner: 83.000\n  - Text\n"
        "contact:\n  title: PK\n  people:\n    - name: A\n      email: a@b.de\n"
        "links:\n  - https://x.de\n  - text: Mail\n    url: mailto:a@b.de\n"
        "images:\n  - file: a.jpg\n    decorative: true\nkeywords: a, b\n",
        "t.yaml",
    ).data
    assert not list(_validator().iter_errors(data))


@pytest.mark.parametrize(
    "snippet",
    [
        "titel: T\ndate: 2019-01-18\nbody: B\n",
        "title: T\ndate: 18.01.2019\nbody: B\n",
        "title: T\ndate: 2019-01-18\nbody: B\nlang: fr\n",
        "title: T\ndate: 2019-01-18\nbody: B\nlinks:\n  - javascript:alert(1)\n",
        "title: T\ndate: 2019-01-18\nbody: B\nimages:\n  - file: a.jpg\n",
        "title: T\ndate: 2019-01-18\nbody: B\nfacts:\n  - a: 1\n    b: 2\n",
        "title: T\ndate: 2019-01-18\nbody: B\ncontact:\n  people:\n    - role: x\n",
    ],
)
def test_schema_rejects_typical_mistakes(snippet):
    assert list(_validator().iter_errors(parse_yaml(snippet, "t.yaml").data))
