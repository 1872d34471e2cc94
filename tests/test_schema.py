"""presskit.source.schema: the JSON Schema of the release file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from presskit.source.model import Release
from presskit.source.schema import release_json_schema
from presskit.source.loader import load_yaml, parse_yaml

RELEASES = sorted((Path(__file__).resolve().parent.parent / "releases").glob("*.yaml"))


def test_shape():
    schema = release_json_schema()
    json.dumps(schema)  # serialisable
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"  # what editors' engines read
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(Release.model_fields)
    assert schema["required"] == ["title", "date", "body"]
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name
        assert prop.get("markdownDescription", "").startswith(prop["description"]), name
        assert "```yaml\n" in prop["markdownDescription"], name
    assert schema["properties"]["date"]["pattern"] == r"^\s*\d{4}-\d{2}-\d{2}\s*$"
    for name in ("facts", "contact"):
        assert len(schema["properties"][name]["oneOf"]) == 3  # a list, a mapping, or nothing
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


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_patterns_are_javascript_regular_expressions():
    """No Python-only syntax such as (?i:...) or (?P<name>...): editors run the patterns in JavaScript."""
    import shutil
    import subprocess

    patterns = sorted({n["pattern"] for n in _walk(release_json_schema()) if "pattern" in n})
    assert patterns
    for pattern in patterns:
        assert "(?" not in pattern, pattern
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the patterns were checked for Python-only syntax only")
    script = "for (const p of JSON.parse(process.argv[1])) new RegExp(p, 'u');"
    done = subprocess.run(["node", "-e", script, json.dumps(patterns)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_every_key_has_plain_words():
    for node in _walk(release_json_schema()):
        if node.get("type") == "object" and "properties" in node:
            for name, prop in node["properties"].items():
                assert prop.get("description"), name
                assert not re.search(r"\b(Property|str|bool|None|pydantic)\b", prop["description"]), prop["description"]


class _EditorLoader(__import__("yaml").SafeLoader):
    """YAML as an editor's YAML 1.2 reads it: numbers and booleans typed, dates kept as text."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in __import__("yaml").SafeLoader.yaml_implicit_resolvers.items()
}


ACCEPTED = [
    "facts:\n  - Einwohner: 83.000\n  - Gegründet: 1994\n  - 2019\n  - Neu: true\n",
    "facts:\n  title: 2027\n  items:\n    - Kosten: 3.4\n",
    "images:\n  - file: a.jpg\n    decorative: true\n  - file: b.jpg\n    decorative: ja\n  - file: c.jpg\n    alt: Bild\n    decorative: false\n",
    "links:\n  - HTTPS://example.org\n  - text: 2027\n    url: mailto:presse@example.org\n  - tel:+4939018400\n",
    "lang: DE\nembargo: 2026-01-01T10:00\nnumber: 118\nsubtitle:\nkeywords: Haushalt, Kreistag\n",
    "contact:\n  - name: Pressestelle\n    email: mailto:presse@example.org\n    phone: 03901 840-309\n",
    "keywords:\n  - 2027\n  - Haushalt\n",
    "images:\nlinks:\nfacts:\ncontact:\nkeywords:\nlead:\nplace:\nlang:\nembargo:\n",
    "images:\n  - file: a.jpg\n    alt: Bild\n    caption:\n    credit:\n",
]


@pytest.mark.parametrize("snippet", ACCEPTED)
def test_schema_accepts_what_presskit_accepts(snippet, tmp_path):
    import yaml

    from presskit.source.model import validate_release

    text = "title: T\ndate: 2019-01-18\nbody: B\n" + snippet
    validate_release(parse_yaml(text, "t.yaml"))  # presskit accepts it...
    validator = _validator()
    # ...and so does the schema, whether the editor reads text or typed YAML 1.2 values
    assert not [e.message for e in validator.iter_errors(parse_yaml(text, "t.yaml").data)]
    assert not [e.message for e in validator.iter_errors(yaml.load(text, Loader=_EditorLoader))]


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_examples_validate_as_an_editor_reads_them(path):
    import yaml

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)
    assert not [e.message for e in _validator().iter_errors(data)]
