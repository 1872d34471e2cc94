"""The PDF story maps from the content document: a release built in Python renders."""

from __future__ import annotations

import datetime as dt
import subprocess

import pikepdf
import pytest

from presskit.source.brand import default_brand
from presskit.errors import RenderError
from presskit.source.model import Release
from presskit.pdf.render import render_pdf


def test_release_built_in_python_renders(tmp_path):
    release = Release(title="Neue Brücke eröffnet", date=dt.date(2026, 5, 4),
                      body="Text -- mit **Strich**.\n\n### Mehr\n\n- eins\n- zwei")
    path = tmp_path / "py.pdf"
    path.write_bytes(render_pdf(release, default_brand()))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("Salzwedel, 04.05.2026", "Neue Brücke eröffnet", "Text – mit Strich.", "Mehr", "Pressekontakt",
                  "Über den Altmarkkreis Salzwedel"):
        assert words in text, words
    with pikepdf.open(path) as pdf:
        roles = []

        def walk(node):
            for kid in node.get("/K", []) if isinstance(node.get("/K"), pikepdf.Array) else []:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    roles.append(str(kid.S))
                    walk(kid)

        walk(pdf.Root.StructTreeRoot.K[0] if isinstance(pdf.Root.StructTreeRoot.K, pikepdf.Array) else pdf.Root.StructTreeRoot.K)
    headings = [r for r in roles if r.startswith("/H")]
    assert headings[:2] == ["/H1", "/H2"]          # the '###' under the headline is tagged H2


def test_missing_glyph_without_source_is_reported_without_location():
    release = Release(title="Zeichen \u4e2d", date=dt.date(2026, 5, 4), body="Text.")
    with pytest.raises(RenderError) as info:
        render_pdf(release, default_brand())
    (diagnostic,) = info.value.diagnostics
    assert diagnostic.location is None and "cannot show" in diagnostic.message
