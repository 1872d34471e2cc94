"""Issue 9: the press kit (Pressemappe) as one PDF and its newsroom zip.

The example kit in releases/kits/ is built once per module; the checks read the
PDF with poppler (pdftotext), pdfplumber and pikepdf, the zip with zipfile and
exiftool, and run the accessibility checks of the single releases on the kit.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
import a11y  # noqa: E402
import test_accessibility as single  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
KIT = REPO / "releases" / "kits" / "2027-02-10-pressemappe-kreistag.yaml"
needs_pdftotext = pytest.mark.skipif(not a11y.have("pdftotext"), reason="poppler-utils (pdftotext) not installed")
needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")


def _load(path: Path = KIT):
    from presskit.source.brand import brand_for
    from presskit.content.kit import load_kit

    return load_kit(path, str(path)), brand_for(path)


@dataclass
class KitBuild:
    """The example kit built once: what the accessibility checks of single releases need, and more."""

    name: str
    path: Path
    layout: object   # presskit.pdf.kit.KitLayout
    loaded: object
    brand: object

    @property
    def result(self):
        return self.layout.result

    @property
    def lang(self) -> str:
        return self.loaded.kit.lang or self.brand.lang

    def open(self) -> pikepdf.Pdf:
        return pikepdf.open(self.path)


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> KitBuild:
    from presskit.pdf.kit import render_kit

    loaded, brand = _load()
    layout = render_kit(loaded, brand)
    path = tmp_path_factory.mktemp("kit") / "kit.pdf"
    path.write_bytes(layout.pdf)
    return KitBuild("kit", path, layout, loaded, brand)


def _pages_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _section_titles(kit: KitBuild) -> list[str]:
    from presskit.typography.blocks import plain_text
    from presskit.typography.parse import parse_inline

    return [plain_text(parse_inline(r.title, r.lang or kit.brand.lang)) for r in kit.loaded.releases]


# -- the accessibility checks of every release, on the kit -------------------------------------

GENERIC_CHECKS = [
    single.test_layout_tagged_everything_itself,
    single.test_every_painting_operator_is_tagged_or_an_artifact,
    single.test_every_mcid_has_exactly_one_parent,
    single.test_annotations_are_links_in_the_tree,
    single.test_fonts_are_embedded_with_tounicode,
    single.test_list_items_have_label_and_body,
    single.test_link_text_is_inside_the_link_element,
    single.test_catalog,
    single.test_no_javascript,
    single.test_info_dictionary_equals_its_xmp_twins,
    single.test_qpdf_check_is_clean,
    single.test_pdfua_checker_has_no_findings,
]


@pytest.mark.parametrize("check", GENERIC_CHECKS, ids=lambda f: f.__name__.removeprefix("test_"))
def test_the_accessibility_checks_of_single_releases_pass_on_the_kit(kit, check):
    if check is single.test_qpdf_check_is_clean and not a11y.have("qpdf"):
        pytest.skip("qpdf not installed")
    if check in (single.test_list_items_have_label_and_body, single.test_link_text_is_inside_the_link_element) \
            and not a11y.have("pdfinfo"):
        pytest.skip("poppler-utils not installed")
    check(lambda name: kit, "kit")


def test_long_words_copy_whole(kit) -> None:
    """The long words of the examples copy whole from the kit too (pypdf and pdftotext -raw)."""
    texts = [a11y.pypdf_text(kit.path)]
    if a11y.have("pdftotext"):
        texts.append(a11y.pdftotext_raw(kit.path))
    source = " ".join(" ".join([r.title, r.lead or "", r.body, r.about or ""]) for r in kit.loaded.releases)
    checked = [word for word in single.LONG_WORDS if a11y.has_word(source, word)]
    assert len(checked) > 5
    for text in texts:
        pasted = a11y.join_breaks(text)
        for word in checked:
            assert a11y.has_word(pasted, word), word


def test_inspect_finds_nothing_wrong_with_the_kit(kit):
    from presskit.pdf.tagging.inspect import inspect_pdf

    report = inspect_pdf(kit.path)
    assert report.ok, report.render()


def test_xmp_says_pdfa_2a_and_pdfua_1(kit):
    with kit.open() as pdf:
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "2A"
        xml = pdf.Root.Metadata.read_bytes()
        assert b"<pdfuaid:part>1</pdfuaid:part>" in xml or b'pdfuaid:part="1"' in xml
        assert str(pdf.docinfo.Title) == "Pressegespräch des Landrats im Februar 2027"


# -- structure ---------------------------------------------------------------------------------


def test_one_sect_per_section_and_headings_never_skip_a_level(kit):
    with kit.open() as pdf:
        elements = a11y.walk_tree(pdf)
        document = next(e for e in elements if e.role == "Document")
        roles = [c.role for c in document.children]
        # the logo (drawn on the cover's letterhead), then cover, contents, 3 releases,
        # the background document, the photos and the contacts
        assert roles == ["Figure"] + ["Sect"] * 8
        for sect in document.children[1:]:
            levels = [int(e.role[1]) for e in _walk(sect) if e.role in ("H1", "H2", "H3", "H4", "H5", "H6")]
            assert levels and levels[0] == 1, "each section starts with its H1"
            assert levels.count(1) == 1
            for before, after in zip(levels, levels[1:]):
                assert after <= before + 1, f"heading level skipped: {levels}"


def _walk(elem):
    yield elem
    for child in elem.children:
        yield from _walk(child)


def test_the_contents_is_a_toc_of_links(kit):
    with kit.open() as pdf:
        tocs = [e for e in a11y.walk_tree(pdf) if e.role == "TOC"]
        assert len(tocs) == 1
        items = tocs[0].children
        assert [i.role for i in items] == ["TOCI"] * 6
        for item in items:
            assert [c.role for c in item.children] == ["Link"]
            assert item.children[0].objrs and item.children[0].mcids


@needs_pdftotext
@pytest.mark.skipif(not a11y.have("pdfinfo"), reason="poppler-utils (pdfinfo) not installed")
def test_text_in_reading_order(kit):
    """Cover, contents, each release (headline first), the background, the photos, the contacts."""
    rows = a11y.struct_text(kit.path)
    h1 = [_squash(text) for roles, text in rows if roles[-1] == "H1"]
    assert h1 == [
        "Pressegespräch des Landrats im Februar 2027", "Inhalt", *[_squash(t) for t in _section_titles(kit)],
        "Der Altmarkkreis Salzwedel in Zahlen", "Fotos", "Pressekontakt",
    ]
    tagged = _squash(" ".join(text for _, text in rows))  # the structure tree's text, in tree order
    for text in (_squash(" ".join(_pages_text(kit.path))), tagged):
        _in_order(text)


def _in_order(text: str) -> None:
    order = ["PRESSEMAPPE", "Pressegespräch des Landrats", "Zum Pressegespräch im Kreishaus", "Inhalt",
             "Kreisstraße zwischen", "Die Kreisstraße K 1390", "Glasfaser für die Gemeinde", "Stark. Sozial. Vor Ort.",
             "Der Altmarkkreis Salzwedel in Zahlen", "Verwaltung und Aufgaben", "Fotos", "Leerrohre für das",
             "Foto: presskit (erzeugte Illustration)", "Abdruck honorarfrei bei Nennung der Quelle",
             "Datei: fotos/glasfaser-baustelle.jpg", "Datei: fotos/kreishaus-salzwedel.jpg",
             "Datei: fotos/jobcenter-beratung.jpg", "Pressekontakt"]
    at = 0
    for piece in order:
        found = text.find(piece, at)
        assert found >= 0, f"{piece!r} not after {text[max(0, at - 60):at]!r}"
        at = found + len(piece)


# -- page numbers, contents, bookmarks ------------------------------------------------------------


def _page_index(pdf: pikepdf.Pdf, dest) -> int:
    page = dest[0]
    return next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == page.objgen)


@needs_pdftotext
def test_contents_page_numbers_are_where_the_sections_start(kit):
    pages = _pages_text(kit.path)
    contents = pages[1]
    assert "Inhalt" in contents
    starts = {}
    titles = [*_section_titles(kit), "Der Altmarkkreis Salzwedel in Zahlen", "Fotos", "Pressekontakt"]
    assert [t for t, _, _ in kit.layout.contents] == titles
    for title, _, page in kit.layout.contents:
        # the entry's last line ends with its page number
        entry = _entry_number(contents, title)
        assert entry == page, title
        starts[title] = page
    # a section starts where the running header first names it, at the top of the page
    for title, page in starts.items():
        assert _names(pages[page - 1], title), f"page {page}'s header does not name {title!r}"
        assert not _names(pages[page - 2], title), f"page {page - 1}'s header names {title!r} already"
        body = _squash(_body(pages[page - 1]))
        head = " ".join(title.split()[:3])
        assert body.startswith(head) or body.startswith("PRESSEMITTEILUNG") and head in body[:200], body[:80]
    # "Seite X von Y" counts the whole kit
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text


def _names(page_text: str, title: str) -> bool:
    """Whether the running header (the page's first line) names ``title`` on its right (maybe
    shortened with …)."""
    import re

    header = next(line for line in page_text.splitlines() if line.strip()).strip()
    parts = re.split(r"\s{2,}", header)
    if len(parts) < 2:
        return False
    right = _squash(parts[-1])
    if right.endswith("…"):
        return len(right) > 10 and _squash(title).startswith(right[:-1].rstrip())
    return right == _squash(title)


def _body(page_text: str) -> str:
    """A page's text without its running header (first line) and footer."""
    lines = [line for line in page_text.splitlines() if line.strip()]
    return "\n".join(lines[1:-3])


def _entry_number(contents: str, title: str) -> int:
    words = _squash(title).split()
    lines = [_squash(line) for line in contents.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if line.startswith(" ".join(words[:3])):
            for candidate in lines[i:i + 3]:
                last = candidate.split()[-1]
                if last.isdigit():
                    return int(last)
    raise AssertionError(f"no contents entry for {title!r}")


def test_every_contents_link_goes_to_its_section(kit):
    with kit.open() as pdf:
        annots = [a for a in pdf.pages[1].obj.get("/Annots", ()) if a.Subtype == pikepdf.Name.Link]
        assert len(annots) == len(kit.layout.contents)
        for annot, (title, _, page) in zip(sorted(annots, key=lambda a: -float(a.Rect[3])), kit.layout.contents):
            assert _page_index(pdf, annot.Dest) == page - 1, title
            assert title in str(annot.Contents)


def test_every_bookmark_points_at_its_heading(kit):
    import pdfplumber

    with kit.open() as pdf:
        with pdf.open_outline() as outline:
            items = list(_outline_items(outline.root, 0))
        titles = [(title, level) for title, level, _ in items]
        targets = [(_page_index(pdf, dest), float(dest[3])) for _, _, dest in items]
    assert titles[0] == ("Pressegespräch des Landrats im Februar 2027", 0)
    top = [t for t, level in titles if level == 0]
    # bookmarks, like the document metadata, have plain spaces where the page has no-break ones
    sections = [title.replace("\u00a0", " ") for title in _section_titles(kit)]
    assert top == ["Pressegespräch des Landrats im Februar 2027", "Inhalt", *sections,
                   "Der Altmarkkreis Salzwedel in Zahlen", "Fotos", "Pressekontakt"]
    assert ("Breiter, sicherer, leiser", 1) in titles and ("Beratung im Bürgerbüro", 2) in titles
    with pdfplumber.open(kit.path) as plumber:
        for (title, level), (page, y) in zip(titles, targets):
            pl = plumber.pages[page]
            top_line = pl.height - y
            # the destination is the top of the heading's first line: its words start just below
            below = [w for w in pl.extract_words() if -1 <= w["top"] - top_line <= 12]
            first_top = min((w["top"] for w in below), default=None)
            text = " ".join(w["text"] for w in below if w["top"] == first_top)
            first = title.split()[0].replace("„", "").strip("„“\"")
            assert first[:6] in text or _is_photo(pl, top_line), f"{title!r}: page {page + 1} has {text!r} at its target"


def _is_photo(page, top_line: float) -> bool:
    return any(abs(image["top"] - top_line) < 3 for image in page.images)


def _outline_items(items, level):
    for item in items:
        yield item.title, level, item.destination
        yield from _outline_items(item.children, level + 1)


# -- the releases inside the kit ----------------------------------------------------------------


def _frame_lines(path: Path, first: int, last: int, tops: dict[int, float], bottom: float) -> list[str]:
    lines: list[str] = []
    for page in range(first, last + 1):
        top = tops.get(page, tops["later"])
        out = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), "-x", "0", "-y", str(int(top) - 1),
             "-W", "600", "-H", str(int(bottom - top) + 2), str(path), "-"],
            capture_output=True, text=True, check=True).stdout
        lines += [_squash(line) for line in out.splitlines() if line.strip()]
    return lines


@needs_pdftotext
def test_a_release_in_the_kit_has_the_lines_it_has_alone(kit, tmp_path):
    from presskit.pdf.render import make_theme, render_pdf

    g = make_theme(kit.brand, kit.lang).geometry
    first_top, later_top = g.page_height - g.first_frame_top, g.page_height - g.later_frame_top
    bottom = g.page_height - g.content_bottom
    starts = [page for _, _, page in kit.layout.contents]
    for i, release in enumerate(kit.loaded.releases):
        alone = tmp_path / f"alone-{i}.pdf"
        alone.write_bytes(render_pdf(release, kit.brand))
        with pikepdf.open(alone) as pdf:
            n = len(pdf.pages)
        lines_alone = _frame_lines(alone, 1, n, {1: first_top, "later": later_top}, bottom)
        lines_kit = _frame_lines(kit.path, starts[i], starts[i + 1] - 1, {"later": later_top}, bottom)
        assert len(lines_alone) > 40
        assert lines_kit == lines_alone, release.title


# -- determinism and failures ------------------------------------------------------------------


def test_two_builds_give_the_same_bytes(kit):
    from presskit.pdf.kit import render_kit

    loaded, brand = _load()
    assert render_kit(loaded, brand).pdf == kit.path.read_bytes()


def test_the_contents_settle_in_two_passes(kit):
    assert kit.layout.passes == 2


runner = CliRunner()


def _cli(*args):
    from presskit.cli import app

    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def zipped(tmp_path_factory):
    out = tmp_path_factory.mktemp("kit-zip") / "mappe.pdf"
    result = _cli("kit", KIT, "-o", out, "--zip")
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output and f"wrote {out.with_suffix('.zip')}" in result.output
    return out, out.with_suffix(".zip")


def test_cli_kit_writes_the_pdf_and_the_zip(zipped, kit):
    pdf, zip_path = zipped
    assert pdf.read_bytes() == kit.path.read_bytes()
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert names == [
            "credits.txt", "fotos/glasfaser-baustelle.jpg", "fotos/jobcenter-beratung.jpg",
            "fotos/kreishaus-salzwedel.jpg", "mappe.pdf",
            "pressemitteilungen/2019-01-18-stark-sozial-vor-ort.pdf",
            "pressemitteilungen/2026-12-03-kreisstrasse-freigegeben.pdf",
            "pressemitteilungen/2027-02-09-glasfaser-bauabschnitt.pdf",
        ]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("mappe.pdf") == kit.path.read_bytes()
        from presskit.pdf.render import render_pdf

        for release, path in zip(kit.loaded.releases, kit.loaded.release_paths):
            assert archive.read(f"pressemitteilungen/{path.stem}.pdf") == render_pdf(release, kit.brand)
        credits = archive.read("credits.txt").decode()
        for photo in kit.loaded.kit.photos:
            assert photo.caption in credits


@needs_exiftool
def test_zip_photos_carry_their_metadata(zipped, tmp_path, kit):
    _, zip_path = zipped
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp_path)
    for photo, original in zip(kit.loaded.kit.photos, kit.loaded.photo_paths):
        target = tmp_path / "fotos" / original.name
        out = subprocess.run(["exiftool", "-j", "-G1", "-charset", "iptc=UTF8", str(target)],
                             capture_output=True, text=True, check=True).stdout
        tags = json.loads(out)[0]
        assert tags["XMP-dc:Description"] == photo.caption
        assert tags["XMP-photoshop:Credit"] == photo.credit
        assert tags["XMP-dc:Rights"] == f"© {photo.credit}"
        assert tags["XMP-iptcCore:AltTextAccessibility"] == photo.alt
        assert tags["XMP-xmpRights:UsageTerms"] == (photo.usage or "Abdruck honorarfrei bei Nennung der Quelle")
        assert tags["IPTC:Caption-Abstract"] == photo.caption
        assert tags["IPTC:Credit"] == photo.credit
        # the photo itself is the full-resolution original
        from PIL import Image

        with Image.open(target) as a, Image.open(original) as b:
            assert a.size == b.size and a.tobytes() == b.tobytes()


def test_two_zips_are_identical(zipped, tmp_path):
    _, first = zipped
    out = tmp_path / "mappe.pdf"
    assert _cli("kit", KIT, "-o", out, "--zip").exit_code == 0
    assert out.with_suffix(".zip").read_bytes() == first.read_bytes()


def test_a_failing_release_fails_the_kit_at_its_own_place_and_nothing_is_written(tmp_path):
    folder = tmp_path / "kit"
    (folder / "images").mkdir(parents=True)
    good = REPO / "releases" / "2027-02-09-glasfaser-bauabschnitt.yaml"
    shutil.copy(good, folder / "good.yaml")
    (folder / "bad.yaml").write_text("title: Kaputt\ndate: 2027-02-09\ntitel: vertippt\nbody: Text.\n", encoding="utf-8")
    shutil.copy(REPO / "releases" / "kits" / "images" / "kreishaus-salzwedel.jpg", folder / "images" / "haus.jpg")
    kit_file = folder / "mappe.yaml"
    kit_file.write_text(
        "title: Mappe\ndate: 2027-02-10\nreleases:\n  - good.yaml\n  - bad.yaml\n"
        "photos:\n  - file: images/haus.jpg\n    caption: Haus.\n    credit: Pressestelle\n    alt: Ein Haus.\n",
        encoding="utf-8")
    out = tmp_path / "out" / "mappe.pdf"
    result = _cli("kit", kit_file, "-o", out, "--zip")
    assert result.exit_code == 1
    bad = str(folder / "bad.yaml")
    assert f"{bad}:3:1: error: unknown key 'titel'" in result.stderr
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_a_missing_kit_file_is_an_error_not_a_traceback(tmp_path):
    result = _cli("kit", tmp_path / "nope.yaml", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 1
    assert "nope.yaml" in result.stderr and "error" in result.stderr


# -- archivable like every presskit PDF ----------------------------------------------------------

import test_archive as archive_checks  # noqa: E402


def test_tounicode_maps_exactly_the_drawn_codes_in_the_kit(kit):
    from types import SimpleNamespace

    archive_checks.test_tounicode_maps_exactly_the_drawn_codes_to_characters({"kit": SimpleNamespace(pdf=kit.path)}, "kit")


@archive_checks.needs_preflight
def test_preflight_finds_nothing_but_the_pdfa2_differences_in_the_kit(kit, tmp_path):
    found = archive_checks.preflight([kit.path], tmp_path)
    for name, errors in found.items():
        assert archive_checks._unexplained(errors) == [], f"{name}: Preflight (PDF/A-1b) found {errors}"


def test_the_readme_kit_example_builds(tmp_path):
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if "releases:" in b)
    for release in (REPO / "releases").glob("*.yaml"):
        shutil.copy(release, tmp_path / release.name)
    shutil.copytree(REPO / "releases" / "images", tmp_path / "images")
    shutil.copytree(REPO / "releases" / "kits" / "images", tmp_path / "kits" / "images")
    kit_file = tmp_path / "kits" / "readme.yaml"
    kit_file.write_text(block, encoding="utf-8")
    result = _cli("kit", kit_file, "-o", tmp_path / "out" / "readme.pdf")
    assert result.exit_code == 0, result.output + result.stderr
    assert (tmp_path / "out" / "readme.pdf").stat().st_size > 50_000


# -- an English kit with a facts document, a decorative photo and its own contact ------------------

EN_KIT = """\
title: Partnership week 2026
date: 2026-11-20
lang: en
releases:
  - partnership.yaml
documents:
  - title: Lakeshire and the Altmark
    facts:
      title: At a glance
      items:
        - Partners since: 2016
        - Delegation: 12 people
        - Three topics on the agenda
photos:
  - file: images/house.jpg
    caption: The district office in Salzwedel.
    credit: Press office
    alt: A brick building with white window frames.
  - file: images/ornament.jpg
    caption: A decorative picture.
    credit: Press office
    decorative: true
contact:
  - name: Erika Mustermann
    role: Press officer
    email: presse@example.org
"""


@pytest.fixture(scope="module")
def english_kit(tmp_path_factory) -> KitBuild:
    from presskit.pdf.kit import render_kit

    folder = tmp_path_factory.mktemp("en-kit")
    (folder / "images").mkdir()
    shutil.copy(REPO / "releases" / "2026-11-20-partnership-visit.yaml", folder / "partnership.yaml")
    photo = REPO / "releases" / "kits" / "images" / "kreishaus-salzwedel.jpg"
    shutil.copy(photo, folder / "images" / "house.jpg")
    shutil.copy(photo, folder / "images" / "ornament.jpg")
    (folder / "kit.yaml").write_text(EN_KIT, encoding="utf-8")
    loaded, brand = _load(folder / "kit.yaml")
    layout = render_kit(loaded, brand)
    path = folder / "kit.pdf"
    path.write_bytes(layout.pdf)
    return KitBuild("en", path, layout, loaded, brand)


@pytest.mark.parametrize("check", GENERIC_CHECKS, ids=lambda f: f.__name__.removeprefix("test_"))
def test_the_accessibility_checks_pass_on_an_english_kit(english_kit, check):
    if check is single.test_qpdf_check_is_clean and not a11y.have("qpdf"):
        pytest.skip("qpdf not installed")
    if check in (single.test_list_items_have_label_and_body, single.test_link_text_is_inside_the_link_element) \
            and not a11y.have("pdfinfo"):
        pytest.skip("poppler-utils not installed")
    check(lambda name: english_kit, "en")


@needs_pdftotext
def test_an_english_kit_has_english_labels_a_facts_table_and_one_figure(english_kit):
    text = _squash(" ".join(_pages_text(english_kit.path)))
    for piece in ("PRESS KIT", "Contents", "Press release · No. 109/2026", "Lakeshire and the Altmark",
                  "At a glance", "Partners since", "Photos", "Photo: Press office",
                  "Free for editorial use with credit", "File: photos/house.jpg", "File: photos/ornament.jpg",
                  "Press contact", "Erika Mustermann"):
        assert piece in text, piece
    with english_kit.open() as pdf:
        elements = a11y.walk_tree(pdf)
        figures = [e for e in elements if e.role == "Figure"]
        # the logo, the release's own photo? (none), the kit's one non-decorative photo
        assert [f.alt for f in figures][-1] == "A brick building with white window frames."
        assert any(e.role == "Table" for e in elements)
        with pdf.open_outline() as outline:
            photos = next(item for item in outline.root if item.title == "Photos")
            assert [c.title for c in photos.children] == ["The district office in Salzwedel."]


def test_a_broken_photo_and_a_missing_glyph_fail_the_kit_at_their_places(tmp_path):
    (tmp_path / "images").mkdir()
    shutil.copy(REPO / "releases" / "2026-11-20-partnership-visit.yaml", tmp_path / "partnership.yaml")
    (tmp_path / "images" / "broken.jpg").write_text("not a photo", encoding="utf-8")
    kit_file = tmp_path / "kit.yaml"
    kit_file.write_text(
        "title: A kit with a snowman \u2603\ndate: 2026-11-20\nreleases:\n  - partnership.yaml\n"
        "photos:\n  - file: images/broken.jpg\n    caption: Broken.\n    credit: Press office\n    alt: Nothing.\n",
        encoding="utf-8")
    out = tmp_path / "out" / "kit.pdf"
    result = _cli("kit", kit_file, "-o", out, "--zip")
    assert result.exit_code == 1
    assert f"{kit_file}:1:29: error: the font" in result.stderr
    assert f"{kit_file}:6:11: error:" in result.stderr and "broken.jpg" in result.stderr
    assert "Traceback" not in result.stderr + result.output
    assert not out.parent.exists()
