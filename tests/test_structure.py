"""The structure tree the story builds, read back from the PDF."""

from __future__ import annotations

import pikepdf

from presskit.jobs import build_one


def _roles(pdf_path) -> list[str]:
    out: list[str] = []

    def walk(elem):
        if not isinstance(elem, pikepdf.Dictionary) or elem.get("/Type") == pikepdf.Name.OBJR:
            return
        role = elem.get("/S")
        if role is not None:
            out.append(str(role)[1:])
        kids = elem.get("/K")
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                walk(kid)
        elif isinstance(kids, pikepdf.Dictionary):
            walk(kids)

    with pikepdf.open(pdf_path) as pdf:
        walk(pdf.Root.StructTreeRoot.K)
    return out


def test_heading_levels_never_skip_one(write_release, tmp_path):
    release = write_release(
        """\
        title: Neue Radwege
        date: 2026-11-24
        body: |
          ### Gleich eine kleine Überschrift

          Text darunter.

          ## Eine große

          Mehr Text.

          ### Eine kleine darunter

          Noch mehr Text.
        """
    )
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    headings = [role for role in _roles(tmp_path / "out.pdf") if role.startswith("H")]
    # headline, then '###' right under it is tagged H2 (no skipped level), '##' H2, '###' H3;
    # then the contact block's and the boilerplate's H2 headings
    assert headings[:4] == ["H1", "H2", "H2", "H3"]
    levels = [int(h[1:]) for h in headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))


def test_a_link_in_running_text_is_described_by_its_words(write_release, tmp_path):
    release = write_release(
        """\
        title: Sprechstunde im Bürgerbüro
        date: 2026-11-24
        body: |
          Fragen beantwortet [die **Bauverwaltung**](mailto:bau@example.org) gern.
        """
    )
    result = build_one(release, tmp_path / "out.pdf")
    assert result.ok, result.diagnostics
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        contents = {
            str(annot.A.URI): str(annot.get("/Contents"))
            for page in pdf.pages
            for annot in page.get("/Annots", [])
        }
    # one link although its words change style; /Contents says what it is, not just where
    assert contents["mailto:bau@example.org"] == "die Bauverwaltung"
