"""Where the files presskit ships live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


@cache
def fonts_dir() -> Path:
    """The bundled fonts: ``presskit/fonts`` in a wheel, ``fonts/`` in a checkout."""
    for candidate in (PACKAGE_DIR / "fonts", PACKAGE_DIR.parent / "fonts"):
        if (candidate / "NotoSans-Regular.ttf").is_file():
            return candidate
    raise FileNotFoundError("presskit's bundled fonts are missing; reinstall presskit")


def data_file(name: str) -> Path:
    return DATA_DIR / name


def srgb_profile() -> Path:
    return data_file("sRGB.icc")
