"""docs/reference.md: every key of the release and brand files, with an example that works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from presskit.source.brand import Brand
from presskit.source.model import Contact, Facts, Image, Link, Person, Release, validate_release, validate_source
from presskit.source.schema import BRAND_KEYS, RELEASE_KEYS
from presskit.source.loader import parse_yaml

REPO = Path(__file__).resolve().parent.parent


def test_reference_is_up_to_date():
    done = subprocess.run([sys.executable, str(REPO / "tools" / "reference.py"), "--check"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_release_key_is_documented():
    def keys(prefix: str) -> set[str]:
        return {k[len(prefix):] for k in RELEASE_KEYS if k.startswith(prefix) and "." not in k[len(prefix):]}

    assert keys("") == set(Release.model_fields)
    assert keys("facts.") == set(Facts.model_fields)
    assert keys("images.") == set(Image.model_fields)
    assert keys("links.") == set(Link.model_fields)
    assert keys("contact.") == set(Contact.model_fields)
    assert keys("contact.people.") == set(Person.model_fields)
    assert {k for k in BRAND_KEYS if "." not in k} == set(Brand.model_fields)
    from presskit.source.brand import Address, Colours, Fonts, Logo, Page

    for name, model in (("address", Address), ("logo", Logo), ("colours", Colours), ("fonts", Fonts), ("page", Page)):
        assert {k.split(".")[1] for k in BRAND_KEYS if k.startswith(name + ".")} == set(model.model_fields), name
    text = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    for key in list(RELEASE_KEYS) + list(BRAND_KEYS):
        assert f"`{key.rsplit('.', 1)[-1]}`" in text, key


def test_the_release_examples_make_a_valid_release():
    text = "\n".join(example for key, (_, example) in RELEASE_KEYS.items() if "." not in key) + "\n"
    release = validate_release(parse_yaml(text, "reference.yaml"))
    assert release.facts.items[1].value == "83.000"
    assert release.images[0].alt


def test_the_brand_examples_make_a_valid_brand(tmp_path):
    text = "\n".join(example for key, (_, example) in BRAND_KEYS.items() if "." not in key) + "\n"
    brand = validate_source(Brand, parse_yaml(text, "presskit.yaml"), {"base_dir": tmp_path})
    assert brand.organisation == "Altmarkkreis Salzwedel" and brand.address.postcode == "29410"


def test_templates_point_at_the_reference():
    for template in sorted((REPO / "presskit" / "templates").glob("*.yaml")):
        text = template.read_text(encoding="utf-8")
        assert "docs/reference.md" in text and "specification" not in text, template.name


def test_the_brand_examples_fit_the_brand_schema():
    import jsonschema
    import yaml

    from presskit.source.schema import brand_json_schema

    text = "\n".join(example for key, (_, example) in BRAND_KEYS.items() if "." not in key) + "\n"
    validator = jsonschema.Draft7Validator(brand_json_schema())
    validator.check_schema(brand_json_schema())
    assert not [e.message for e in validator.iter_errors(yaml.safe_load(text))]
    assert not [e.message for e in validator.iter_errors(parse_yaml(text, "b.yaml").data)]
