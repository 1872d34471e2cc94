"""Write docs/reference.md, the reference of the release and brand files, from presskit/source/schema.py.

    python tools/reference.py          # rewrite docs/reference.md
    python tools/reference.py --check  # exit 1 if docs/reference.md is out of date

The words and examples are the ones editors show on hover (the schema's
``description`` and ``markdownDescription``), so the document, the schema and
the models cannot drift apart: tests/test_reference.py checks all three.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["LANGUAGE"] = "en"  # the reference is written in English, whatever the locale

from presskit.source.brand import Brand  # noqa: E402
from presskit.source.model import Release  # noqa: E402
from presskit.source.schema import BRAND_KEYS, RELEASE_KEYS  # noqa: E402

TARGET = ROOT / "docs" / "reference.md"

INTRO = """\
# presskit reference: the release file and the brand file

<!-- Written by tools/reference.py from presskit/source/schema.py; edit the words there. -->

A **release file** (`releases/2026-11-24-haushalt.yaml`) holds one press release.
`presskit new "Überschrift"` writes one from a commented template, `presskit check FILE`
checks it, `presskit build FILE` makes the PDF. The **brand file** (`presskit.yaml`,
next to or above the releases; `presskit init` writes one to fill in) holds the
letterhead and the defaults of every release.

Good to know:

- Every value is read as the text you type: `postcode: 01067` stays `01067`,
  `title: No` stays `No`. A value that starts with a character YAML reserves
  (`[`, `{`, `*`, `&`, `!`, `@`, `` ` ``, `%`, a quote) or holds `: ` or ` #` must be in quotes.
- Indent with spaces, never tabs. Texts of several lines (`body`, `lead`) go under
  `key: |` (or `key: >-`), every line indented by two spaces.
- Mistakes are reported as `FILE:LINE:COL: error: message (hint)`, in German when your
  locale is German (`LANG=de_DE.UTF-8`). The words `error:` and `warning:` stay English in
  every language: editors (VS Code's problem matchers, Emacs, Vim) and scripts recognise
  these lines by them, as they recognise compiler messages.
- `presskit check` and `presskit build` print warnings too (placeholder text left from the
  template, an embargo in the past, typographic slips); `--strict` makes them fail the file.
- In VS Code with the YAML extension, `presskit init` sets up checking and completion as
  you type; `presskit new` writes the line `# yaml-language-server: $schema=…` that does the
  same for a single file.
"""


def _key_section(path: str, keys: dict[str, tuple[str, str]], required: set[str], level: str) -> list[str]:
    description, example = keys[path]
    name = path.rsplit(".", 1)[-1]
    flag = " (required)" if path in required else ""
    lines = [f"{level} `{name}`{flag}", "", description, "", "```yaml", example, "```", ""]
    children = [k for k in keys if k.startswith(path + ".") and k.count(".") == path.count(".") + 1]
    if children:
        lines += ["Inside it:", ""]
        for child in children:
            child_description, child_example = keys[child]
            lines.append(f"- `{child.rsplit('.', 1)[-1]}`: {child_description} Example: `{child_example.strip()}`")
            for grandchild in [k for k in keys if k.startswith(child + ".")]:
                text, sample = keys[grandchild]
                lines.append(f"  - `{grandchild.rsplit('.', 1)[-1]}`: {text} Example: `{sample.strip()}`")
        lines.append("")
    return lines


def render() -> str:
    release_required = {n for n, f in Release.model_fields.items() if f.is_required()}
    brand_required = {n for n, f in Brand.model_fields.items() if f.is_required()}
    out = [INTRO, "## The release file", ""]
    for key in (k for k in RELEASE_KEYS if "." not in k):
        out += _key_section(key, RELEASE_KEYS, release_required, "###")
    out += ["## The brand file (`presskit.yaml`)", "",
            "Paths in it (logo, fonts) are relative to the brand file. Everything but `organisation`",
            "and `address` has a default. `presskit init` writes one to fill in, with its schema",
            "(`brand.schema.json`) for the editor.", ""]
    for key in (k for k in BRAND_KEYS if "." not in k):
        out += _key_section(key, BRAND_KEYS, brand_required, "###")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date; run python tools/reference.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
