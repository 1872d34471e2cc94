"""Person names are never hyphenated: contact people, quote attributions, photo credits."""

from __future__ import annotations

import pytest

from presskit.typography.hyphenate import SHY, hyphenator
from presskit.typography.names import attribution_name, credit_name, looks_like_person
from conftest import RELEASES  # at import time: tests/web has a conftest of its own

NAMES = ["Weidenhammer", "Sonnenscheinberger", "Winterfeldtner"]
SENTENCE = ("Landrätin Friederike Weidenhammer, Kreisbaumeister Bartholomäus Sonnenscheinberger und die "
            "Fotografin Mechthild Winterfeldtner besuchten gemeinsam die Baustelle. ")

RELEASE = """\
title: Besuch auf der Baustelle
date: 2026-03-01
body: |
  {body}

  > "Wir sind sehr zufrieden mit dem Fortschritt der Arbeiten an dieser Straße."
  > — Bartholomäus Sonnenscheinberger, Kreisbaumeister
contact:
  people:
    - name: Friederike Weidenhammer
      role: Landrätin
images:
  - file: {image}
    alt: Eine Straße im Bau
    credit: Mechthild Winterfeldtner / Landkreis
"""


def _lines(pdf) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [line for page in pypdf.PdfReader(pdf).pages for line in page.extract_text().splitlines()]


def _build(write_release, tmp_path, body_repeats: int = 14):
    from presskit.jobs import build_one

    import shutil

    (tmp_path / "images").mkdir(exist_ok=True)
    image = tmp_path / "images" / "photo.jpg"
    shutil.copy(RELEASES / "images" / "kreisstrasse-allee.jpg", image)
    # the same sentence after 0, 1, 2, ... filler words: the names land at many line ends
    body = "".join("Am Montag " + "ganz " * i + SENTENCE for i in range(body_repeats))
    source = write_release(RELEASE.format(body=body, image="images/photo.jpg"))
    target = tmp_path / "out.pdf"
    result = build_one(source, target)
    assert result.ok, [d.format() for d in result.diagnostics]
    return target


def _broken_names(lines: list[str]) -> list[str]:
    broken = []
    for line, following in zip(lines, lines[1:]):
        if line.endswith((SHY, "-")):
            word = line.split()[-1].rstrip(SHY + "-") + following.split()[0]
            if any(name in word for name in NAMES):
                broken.append(word)
    return broken


def test_names_in_a_release_stay_whole(write_release, tmp_path):
    lines = _lines(_build(write_release, tmp_path))
    assert sum(line.endswith(SHY) for line in lines) >= 3  # the text does get hyphenated
    assert _broken_names(lines) == []


def test_without_protection_these_names_would_be_broken(write_release, tmp_path, monkeypatch):
    """The release above is one where the names do land at line ends."""
    import presskit.pdf.story

    monkeypatch.setattr(presskit.pdf.story, "protect_names", lambda theme, names: None)
    monkeypatch.setattr(presskit.pdf.story, "protect_more", lambda theme, names: None)
    assert _broken_names(_lines(_build(write_release, tmp_path))) != []


def test_name_helpers():
    assert looks_like_person("Dr. Anna-Lena Weidenhammer") and looks_like_person("Ursula von der Leyen")
    assert not looks_like_person("Pressestelle") and not looks_like_person("Press Office")
    assert not looks_like_person("Pressestelle des Landkreises")
    # a contact may be a company or a body: its words (Netzbetriebsgesellschaft) still hyphenate
    for body in ("Altmark Glasfaser Netzbetriebsgesellschaft", "Stadtwerke Salzwedel", "Kreiselternrat Altmark",
                 "Straßenmeisterei Klötze", "Glasfaser Altmark GmbH"):
        assert not looks_like_person(body), body
    assert looks_like_person("Dr. med. Henriette Lautenschläger-Wendt") and looks_like_person("Dr. rer. pol. Ina Quitzow")
    assert credit_name("Mechthild Winterfeldtner / Landkreis") == "Mechthild Winterfeldtner"
    assert attribution_name("— Bartholomäus Sonnenscheinberger, Kreisbaumeister") == "Bartholomäus Sonnenscheinberger"
    de = hyphenator("de")
    assert de.breaks("Sonnenscheinberger") and not de.protecting(["Bartholomäus Sonnenscheinberger"]).breaks("Sonnenscheinberger")
