"""``presskit init``: a press office folder that works in an editor from the first minute.

The folder gets a brand file to fill in (``presskit.yaml``, commented in the
user's language), ``releases/`` for the release files, the JSON Schemas of the
release file (``release.schema.json``), of the brand file
(``brand.schema.json``) and of the press kit file (``kit.schema.json``), and
``.vscode/settings.json``, which tells the YAML extension (yaml-language-server)
to check ``releases/*.yaml``, ``presskit.yaml`` and the kits in ``releases/kits/``
against them. An existing file is never overwritten: it is kept and
reported as kept.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from presskit.errors import InputError, Location, error
from presskit.i18n import _, user_language
from presskit.source.newfile import SCHEMA_FILE_NAME

RELEASES_DIR = "releases"
BRAND_FILE = "presskit.yaml"


BRAND_SCHEMA_FILE_NAME = "brand.schema.json"
KIT_SCHEMA_FILE_NAME = "kit.schema.json"
#: Where the press kits live: beside the releases they name (as releases/kits/ in the examples).
KITS_DIR = f"{RELEASES_DIR}/kits"


def vscode_settings() -> dict:
    """The VS Code settings that map the schemas to the release files, the brand file and the kits."""
    return {"yaml.schemas": {
        f"./{SCHEMA_FILE_NAME}": [f"{RELEASES_DIR}/*.yaml", f"{RELEASES_DIR}/*.yml"],
        f"./{BRAND_SCHEMA_FILE_NAME}": [BRAND_FILE],
        f"./{KIT_SCHEMA_FILE_NAME}": [f"{KITS_DIR}/*.yaml", f"{KITS_DIR}/*.yml"],
    }}


def brand_template(lang: str | None = None) -> str:
    name = f"brand.{lang or user_language()}.yaml"
    return (resources.files("presskit") / "templates" / name).read_text(encoding="utf-8")


def _write_new(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it exists; True if written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    except OSError as exc:
        raise InputError(error(_("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
                               Location.of_file(path), _("check that the folder is writable"))) from None
    return True


def init_folder(directory: Path) -> list[tuple[Path, bool]]:
    """Set up ``directory`` as a press office folder; (path, written?) for each part."""
    from presskit.content.kit_schema import kit_schema_text
    from presskit.source.schema import brand_schema_text, release_schema_text

    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise InputError(error(_("{path} is a file, not a folder").format(path=directory), Location.of_file(directory),
                               _("give the folder for the press office, e.g. presskit init pressestelle")))
    done: list[tuple[Path, bool]] = []
    releases = directory / RELEASES_DIR
    existed = releases.is_dir()
    try:
        releases.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(error(_("cannot create the directory {directory}: {reason}").format(
            directory=releases, reason=exc.strerror or exc), Location.of_file(releases))) from None
    done.append((releases, not existed))
    modeline = f"# yaml-language-server: $schema={BRAND_SCHEMA_FILE_NAME}\n"
    done.append((directory / BRAND_FILE, _write_new(directory / BRAND_FILE, modeline + brand_template())))
    done.append((directory / SCHEMA_FILE_NAME, _write_new(directory / SCHEMA_FILE_NAME, release_schema_text())))
    done.append((directory / BRAND_SCHEMA_FILE_NAME,
                 _write_new(directory / BRAND_SCHEMA_FILE_NAME, brand_schema_text())))
    done.append((directory / KIT_SCHEMA_FILE_NAME, _write_new(directory / KIT_SCHEMA_FILE_NAME, kit_schema_text())))
    settings = directory / ".vscode" / "settings.json"
    done.append((settings, _write_new(settings, json.dumps(vscode_settings(), indent=2) + "\n")))
    return done
