"""Issue 3: every built PDF is tagged (PDF/UA-1) and identified as PDF/A-2a, by itself.

Run on every example release in ``releases/`` and on a few synthetic releases
(a decorative image, a paragraph that breaks over pages, lists and quotes
nested in lists, an English release with a photo). Each release is built once
per session; the checks read the PDF with pikepdf, poppler and the ``pdfua``
checker, with helpers in :mod:`a11y` that do not use ``presskit.pdf.tagging``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import a11y  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "releases").glob("*.yaml"))
PHOTO = REPO / "releases" / "images" / "kreisstrasse-allee.jpg"

needs_pdfinfo = pytest.mark.skipif(not a11y.have("pdfinfo"), reason="poppler-utils (pdfinfo) not installed")
needs_pdftotext = pytest.mark.skipif(not a11y.have("pdftotext"), reason="poppler-utils (pdftotext) not installed")
needs_qpdf = pytest.mark.skipif(not a11y.have("qpdf"), reason="qpdf not installed")


# -- synthetic releases ---------------------------------------------------------------

LONG_SENTENCES = [
    "Die Arbeitsmarktpolitik des Landkreises setzt auf kurze Wege zwischen Bedarfsgemeinschaften,",
    "Bildungsträgern und Betrieben, damit Menschen schneller eine passende Beschäftigung finden",
    "und Unternehmen die Fachkräfte gewinnen, die sie für ihre Zukunftsaufgaben brauchen.",
    "Außensprechstunden in Gardelegen, Klötze und Salzwedel ersparen lange Anfahrten,",
    "und die Grundsicherungsträger stimmen sich mit der Schuldnerberatung, dem Jugendamt",
    "und dem Sozialamt ab, ohne dass Akten quer durch das Land reisen müssen.",
]

SYNTHETIC = {
    "syn-decorative": """\
        title: Frühjahrsputz an der Kreisstraße
        date: 2026-04-02
        lang: de
        lead: Freiwillige haben am Samstag die Böschungen der Kreisstraße gereinigt.
        body: |
          Rund vierzig Helferinnen und Helfer sammelten mehr als zwei Tonnen Abfall.

          Der Landkreis dankt allen Beteiligten für ihren Einsatz.
        images:
          - file: photo.jpg
            decorative: true
        """,
    "syn-long-paragraph": """\
        title: Ein sehr langer Absatz über den Arbeitsmarkt im Landkreis
        date: 2026-04-03
        lang: de
        body: |
          {long}

          Der zweite Absatz folgt nach dem Seitenumbruch.
        """.replace("{long}", " ".join(LONG_SENTENCES * 14)),
    "syn-lists-quotes": """\
        title: Listen und Zitate im Kreistag
        date: 2026-05-04
        lang: de
        body: |
          Der Kreistag hat am Montag über drei Vorhaben beraten.

          1. Erstens die Sanierung der Kreisbibliothek.

             Die Arbeiten sollen im Sommer beginnen.

             > "Die Bibliothek ist ein Ort für alle."
             > — Erika Musterfrau, Bibliotheksleiterin

          2. Zweitens ein neuer Radweg mit diesen Abschnitten:

             - Nordabschnitt bis Lindenhagen
             - Südabschnitt bis Wiesenbrück

          3. Drittens die Verlängerung der Buslinie.

          > "Wir haben gute Entscheidungen getroffen."
          >
          > "Jetzt geht es an die Umsetzung."
          > — Max Mustermann, Kreistagsvorsitzender

          Die nächste Sitzung findet im Juni statt.
        """,
    "syn-english": """\
        title: New cycle path opens between Lindenhagen and Wiesenbrück
        subtitle: Four kilometres of safe cycling along the district road
        date: 2026-06-10
        lang: en
        lead: The district has opened a new cycle path along the district road on Wednesday.
        body: |
          The path is two and a half metres wide and lit at the junctions.

          ## Who paid for it

          The state paid most of the cost; the district paid the rest.

          - Length: four kilometres
          - Width: two and a half metres
        facts:
          title: At a glance
          items:
            - Length: 4 km
            - Cost: 1.1 million euros
        images:
          - file: photo.jpg
            alt: A straight country road with a new cycle path beside a row of young trees.
            caption: The new cycle path next to the district road.
            credit: presskit
        links:
          - text: District website
            url: https://www.altmarkkreis-salzwedel.de
        """,
}


# -- building -------------------------------------------------------------------------


@dataclass
class Build:
    name: str
    source: Path
    release: object
    brand: object
    result: object      # presskit.pdf.tagging.postprocess.Result
    path: Path

    @property
    def lang(self) -> str:
        return self.release.lang or self.brand.lang

    def open(self) -> pikepdf.Pdf:
        return pikepdf.open(self.path)


def _load(source: Path):
    from presskit.source.brand import brand_for
    from presskit.source.model import load_release

    return load_release(source, display=str(source)), brand_for(source, None)


def _render(source: Path):
    from presskit.pdf.render import render

    release, brand = _load(source)
    return release, brand, render(release, brand)


@pytest.fixture(scope="session")
def sources(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("a11y-sources")
    shutil.copy(PHOTO, folder / "photo.jpg")
    found = {path.stem: path for path in EXAMPLES}
    for name, text in SYNTHETIC.items():
        path = folder / f"{name}.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        found[name] = path
    return found


@pytest.fixture(scope="session")
def builds(sources, tmp_path_factory):
    """``builds(name)``: the release built once per session."""
    out = tmp_path_factory.mktemp("a11y-pdfs")
    cache: dict[str, Build] = {}

    def get(name: str) -> Build:
        if name not in cache:
            source = sources[name]
            release, brand, result = _render(source)
            path = out / f"{name}.pdf"
            path.write_bytes(result.pdf)
            cache[name] = Build(name, source, release, brand, result, path)
        return cache[name]

    return get


ALL = [path.stem for path in EXAMPLES] + list(SYNTHETIC)
each = pytest.mark.parametrize("name", ALL)


def each_but(**bugs: str):
    """Parametrize over every release; the named ones are strict xfails for a reported bug."""
    params = [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=bugs[name.replace("-", "_")]))
        if name.replace("-", "_") in bugs else name
        for name in ALL
    ]
    return pytest.mark.parametrize("name", params)




# -- the safety net had nothing to do -------------------------------------------------


@each_but()
def test_layout_tagged_everything_itself(builds, name):
    result = builds(name).result
    assert result.problems == []
    assert result.unused_nodes == []


# -- content streams ------------------------------------------------------------------


@each
def test_every_painting_operator_is_tagged_or_an_artifact(builds, name):
    with builds(name).open() as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            scan = a11y.scan_page(page)
            assert scan.untagged == [], f"page {number}: painting outside marked content"
            assert scan.nesting == [], f"page {number}: bad marked-content nesting"
            assert len(scan.mcids) == len(set(scan.mcids)), f"page {number}: an MCID used twice"
            # The content of forms painted with Do is covered by the Do's sequence;
            # a form must not bring marked content of its own that no element owns.
            for name_, xobj in page.Resources.get("/XObject", {}).items():
                if xobj.get("/Subtype") == pikepdf.Name.Form:
                    ops = {str(i.operator) for i in pikepdf.parse_content_stream(xobj)}
                    assert "BDC" not in ops, f"page {number}: form {name_} has its own marked content"


@each
def test_every_mcid_has_exactly_one_parent(builds, name):
    with builds(name).open() as pdf:
        root = pdf.Root.StructTreeRoot
        parent_tree = a11y.number_tree(root.ParentTree)
        elements = a11y.walk_tree(pdf)
        by_walk: dict[tuple[tuple[int, int], int], list] = {}
        for elem in elements:
            for key in elem.mcids:
                by_walk.setdefault(key, []).append(elem.obj.objgen)
        twice = {k: v for k, v in by_walk.items() if len(v) > 1}
        assert not twice, f"MCIDs owned by several elements: {twice}"

        in_content = set()
        keys = set()
        for index, page in enumerate(pdf.pages):
            mcids = a11y.scan_page(page).mcids
            if not mcids:
                continue
            assert "/StructParents" in page.obj, f"page {index + 1} has MCIDs but no /StructParents"
            key = int(page.obj.StructParents)
            assert key not in keys
            keys.add(key)
            array = parent_tree[key]
            assert isinstance(array, pikepdf.Array)
            assert len(array) == max(mcids) + 1, f"page {index + 1}: ParentTree array length"
            for mcid in mcids:
                in_content.add((page.obj.objgen, mcid))
                walked = by_walk.get((page.obj.objgen, mcid))
                assert walked is not None, f"page {index + 1}: MCID {mcid} in no structure element"
                assert array[mcid].objgen == walked[0], f"page {index + 1}: MCID {mcid}: ParentTree and tree disagree"
        assert set(by_walk) == in_content, "the tree refers to MCIDs that the content does not have"
        assert int(root.ParentTreeNextKey) > max(parent_tree), "ParentTreeNextKey must be above every key"


@each
def test_annotations_are_links_in_the_tree(builds, name):
    with builds(name).open() as pdf:
        parent_tree = a11y.number_tree(pdf.Root.StructTreeRoot.ParentTree)
        links = {}
        for elem in a11y.walk_tree(pdf):
            for obj in elem.objrs:
                assert elem.role == "Link", f"an OBJR in a {elem.role}, not in a Link"
                assert obj.objgen not in links, "annotation referenced twice"
                links[obj.objgen] = elem
        for number, page in enumerate(pdf.pages, start=1):
            assert page.obj.get("/Tabs") == pikepdf.Name.S, f"page {number}: /Tabs /S (PDF/UA 7.18.3)"
            for annot in page.obj.get("/Annots", ()):
                if annot.get("/Subtype") == pikepdf.Name.Popup:
                    continue
                assert "/StructParent" in annot, f"page {number}: annotation without /StructParent"
                assert annot.objgen in links, f"page {number}: annotation not in a Link element"
                assert parent_tree[int(annot.StructParent)].objgen == links[annot.objgen].obj.objgen
                assert str(annot.get("/Contents", "")).strip(), "annotation without /Contents (PDF/UA 7.18.1)"
                flags = int(annot.get("/F", 0))
                assert flags & 4, "annotation without the Print flag (PDF/A-2 6.3.2)"
                assert not flags & (1 | 2 | 32), "annotation Invisible, Hidden or NoView"


@each
def test_figures_have_alt_text(builds, name):
    build = builds(name)
    with build.open() as pdf:
        figures = [e for e in a11y.walk_tree(pdf) if e.role == "Figure"]
        for figure in figures:
            assert figure.alt and figure.alt.strip(), "a Figure without /Alt"
            assert figure.mcids, "a Figure that owns no content"
        photos = [image for image in build.release.images if not image.decorative]
        # the logo's Figure comes first, then one per photo
        assert len(figures) == 1 + len(photos)
        for image, figure in zip(photos, figures[1:]):
            assert a11y.squash(figure.alt) == a11y.squash(_smart(image.alt, build.lang))
            captions = [c for c in figure.parent.children if c.role == "Caption"]
            assert bool(captions) == bool(image.caption or image.credit)


def _smart(text: str, lang: str) -> str:
    from presskit.typography.smarten import smarten

    return smarten(text, lang)


def test_decorative_image_is_an_artifact(builds):
    build = builds("syn-decorative")
    with build.open() as pdf:
        assert [e.role for e in a11y.walk_tree(pdf)].count("Figure") == 1  # the logo only
        photos = 0
        for page in pdf.pages:
            stack: list[str] = []
            for ins in pikepdf.parse_content_stream(page):
                op = str(ins.operator)
                if op in ("BDC", "BMC"):
                    stack.append(str(ins.operands[0]))
                elif op == "EMC":
                    stack.pop()
                elif op == "Do":
                    xobj = page.Resources.XObject[ins.operands[0]]
                    if xobj.get("/Subtype") == pikepdf.Name.Image and int(xobj.Width) > 400:
                        photos += 1
                        assert stack and stack[-1] == "/Artifact", "the decorative photo is not an artifact"
        assert photos == 1


def test_a_paragraph_split_over_pages_stays_one_element(builds):
    build = builds("syn-long-paragraph")
    with build.open() as pdf:
        assert len(pdf.pages) >= 2
        paragraphs = [e for e in a11y.walk_tree(pdf) if e.role == "P" and len({p for p, _ in e.mcids}) > 1]
        assert len(paragraphs) == 1, "the long paragraph should be one P with content on two pages"
        assert "/Pg" in paragraphs[0].obj


@each
def test_fonts_are_embedded_with_tounicode(builds, name):
    with builds(name).open() as pdf:
        seen = 0
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font:
                continue
            subtype = obj.get("/Subtype")
            if subtype == pikepdf.Name.Type0:
                descriptor = obj.DescendantFonts[0].FontDescriptor
            elif subtype == pikepdf.Name.Type3:
                descriptor = None
            else:
                descriptor = obj.get("/FontDescriptor")
            base = str(obj.get("/BaseFont", "")).lstrip("/")
            assert not any(base.split("+")[-1].startswith(b) for b in a11y.BASE14), f"base-14 font {base}"
            assert subtype != pikepdf.Name.Type3 or "/ToUnicode" in obj
            if subtype != pikepdf.Name.Type3:
                assert descriptor is not None, f"{base}: no FontDescriptor"
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{base}: not embedded"
            assert "/ToUnicode" in obj, f"{base}: no /ToUnicode"
            seen += 1
        assert seen
        for base in a11y.BASE14:
            assert f"/BaseFont /{base}".encode() not in _uncompressed(builds(name).path)


def _uncompressed(path: Path) -> bytes:
    with pikepdf.open(path) as pdf:
        return b"".join(
            bytes(obj.unparse()) for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
        )


# -- order and roles --------------------------------------------------------------------


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("**", "").replace("*", "").replace("__", "")


def _key(text: str, words: int = 4) -> str:
    return "".join(re.findall(r"[^\W_]+", " ".join(_plain(text).split()[:words]))).lower()


def _body_expectations(body: str) -> list[tuple[str, set[str], str]]:
    """(role, required ancestors, first words) for the blocks of a Markdown body, in order."""
    out: list[tuple[str, set[str], str]] = []
    paragraph: list[str] = []
    item_depth: list[int] = []

    def flush():
        if paragraph:
            text = " ".join(paragraph)
            out.append(("P", {"LBody"} if item_depth else set(), text))
            paragraph.clear()

    for raw in body.splitlines():
        line = raw.rstrip()
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if not stripped:
            flush()
            continue
        while item_depth and indent < item_depth[-1]:
            item_depth.pop()
        if stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append(("H2" if level <= 2 else "H3", set(), stripped.lstrip("#").strip()))
            continue
        marker = re.match(r"(?:[-*+]|\d+\.)\s+", stripped)
        if marker:
            flush()
            item_depth.append(indent + marker.end())
            out.append(("LI", {"L"}, stripped[marker.end():]))
            paragraph.append(stripped[marker.end():])
            out.pop()
            out.append(("P", {"L", "LI", "LBody"}, stripped[marker.end():]))
            paragraph.clear()
            continue
        if stripped.startswith(">"):
            flush()
            text = stripped.lstrip(">").strip()
            if text:
                out.append(("P", {"BlockQuote"}, text))
            continue
        paragraph.append(stripped)
    flush()
    # consecutive quote lines of one paragraph: keep only the first (its first words)
    merged: list[tuple[str, set[str], str]] = []
    for entry, previous in zip(out, [None] + out[:-1]):
        if (previous is not None and entry[1] == {"BlockQuote"} and previous[1] == {"BlockQuote"}
                and not entry[2].startswith(("—", '"', "“", "„"))):
            continue
        merged.append(entry)
    return merged


def expectations(build: Build) -> list[tuple[str, set[str], str]]:
    r = build.release
    out: list[tuple[str, set[str], str]] = [("H1", set(), r.title)]
    if r.subtitle:
        out.append(("P", set(), r.subtitle))
    if r.lead:
        out.append(("P", set(), r.lead))
    out += _body_expectations(r.body)
    if r.facts is not None and r.facts.items:
        if r.facts.title:
            out.append(("H2", {"Div"}, r.facts.title))
        for item in r.facts.items:
            if item.label is not None:
                out.append(("TH", {"Table", "TR"}, item.label))
                out.append(("TD", {"Table", "TR"}, item.value or ""))
        for item in r.facts.items:
            if item.label is None:
                out.append(("LBody", {"L", "LI"}, item.text))
    for image in r.images:
        if image.caption:
            out.append(("Caption", {"Div"}, image.caption))
    for link in r.links:
        shown = link.url.split(":", 1)[1] if link.url.lower().startswith(("mailto:", "tel:")) else link.url
        out.append(("Link", {"L", "LI", "LBody"}, link.text or shown))
    lang = r.lang or build.brand.lang
    translated = build.brand.texts.get(lang) if lang != build.brand.lang else None
    brand_contact = build.brand.contact if lang == build.brand.lang else (translated and translated.contact)
    contact = r.contact or brand_contact or build.brand.contact
    if contact is not None and contact.people:
        if r.contact is not None and r.contact.title:
            out.append(("H2", {"Div"}, r.contact.title))
        for person in contact.people:
            out.append(("P", {"Div"}, person.name))
    if r.about:
        out += [(role, ancestors | {"Div"}, text) for role, ancestors, text in _body_expectations(r.about)]
    if r.closing:
        out.append(("P", set(), r.closing))
    return [(role, ancestors, text) for role, ancestors, text in out if _key(text)]


@needs_pdfinfo
@each
def test_elements_in_release_order_under_the_right_tags(builds, name):
    build = builds(name)
    rows = a11y.struct_text(build.path)
    assert rows and rows[0][0] == ("Document",)
    position = 0
    for role, ancestors, text in expectations(build):
        key = _key(text)
        for index in range(position, len(rows)):
            roles, found = rows[index]
            if roles[-1] == role and ancestors <= set(roles) and _key(found, 99).startswith(key):
                position = index + 1
                break
        else:
            context = [(r[-1], t[:50]) for r, t in rows[position:position + 8]]
            pytest.fail(f"{role} {text[:60]!r} (under {sorted(ancestors)}) not found after element {position}: next are {context}")
    h1 = [roles for roles, _ in rows if roles[-1] == "H1"]
    assert len(h1) == 1, "exactly one H1, the headline"


@needs_pdfinfo
@each
def test_list_items_have_label_and_body(builds, name):
    with builds(name).open() as pdf:
        for elem in a11y.walk_tree(pdf):
            if elem.role == "L":
                assert elem.children and all(c.role in ("LI", "Caption") for c in elem.children)
            if elem.role == "LI":
                assert [c.role for c in elem.children] == ["Lbl", "LBody"]
            if elem.role == "TR":
                assert elem.parent.role in ("Table", "THead", "TBody", "TFoot")
                assert elem.children and all(c.role in ("TH", "TD") for c in elem.children)
            if elem.role == "TH":
                assert "/A" in elem.obj and elem.obj.A.get("/Scope") in (pikepdf.Name.Row, pikepdf.Name.Column)


@needs_pdfinfo
@each
def test_link_text_is_inside_the_link_element(builds, name):
    build = builds(name)
    with build.open() as pdf:
        links = [e for e in a11y.walk_tree(pdf) if e.role == "Link"]
        assert links, "every release has at least the contact's e-mail link"
        for link in links:
            assert link.objrs, "a Link without its annotation"
            assert link.mcids, "a Link element without the link's text (ISO 32000-1 14.8.4.4.2)"


@needs_pdfinfo
def test_links_in_running_text_read_in_place(builds):
    """A bare URL and a Markdown link in the body: their words under Link, inside their P,
    between the paragraph's words before and after them, nothing doubled or lost."""
    path = builds("2027-02-09-glasfaser-bauabschnitt").path
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    out = a11y.join_struct_strings(out)  # a hyphenated word is a sequence (with ActualText) of its own
    for before, link, after in [("veröffentlicht der Landkreis unter ", "https://www.altmarkkreis-salzwedel.de", ". "),
                                ("12. Februar, bei der ", "Pressestelle", ". ")]:
        pattern = (rf'\n( *)P \(block\)\n\1  "[^"\n]*{re.escape(before)}"\n\1  Link \(inline\)\n'
                   rf'\1    "{re.escape(link)}"\n\1    Object \d+ 0\n\1  "{re.escape(after)}"\n')
        assert re.search(pattern, out), f"{link!r} not under a Link inside its paragraph"
        assert out.count(f'"{link}"') == 1


# -- catalog and metadata ----------------------------------------------------------------

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
LANGS = {"de": "de-DE", "en": "en-GB"}


def _xmp_values(xml: bytes) -> dict[str, list[str]]:
    tree = ET.fromstring(xml)
    values: dict[str, list[str]] = {}
    for desc in tree.iter(f"{{{NS['rdf']}}}Description"):
        for prop in desc:
            name = prop.tag
            items = [li.text or "" for li in prop.iter(f"{{{NS['rdf']}}}li")]
            values.setdefault(name, []).extend(items if items else [prop.text or ""])
            for key, value in prop.attrib.items():
                values.setdefault(key, []).append(value)
    return values


def q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


@each
def test_catalog(builds, name):
    build = builds(name)
    with build.open() as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == LANGS[build.lang]
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert "/ID" in pdf.trailer and len(pdf.trailer.ID) == 2
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
        assert "/StructTreeRoot" in root
        intents = root.OutputIntents
        assert len(intents) >= 1
        pdfa = [i for i in intents if i.S == pikepdf.Name.GTS_PDFA1]
        assert len(pdfa) == 1
        profile = pdfa[0].DestOutputProfile
        assert int(profile.N) == 3
        data = profile.read_bytes()
        assert data[36:40] == b"acsp" and data[16:20] == b"RGB ", "not an RGB ICC profile"


@each
def test_no_javascript(builds, name):
    with builds(name).open() as pdf:
        assert "/OpenAction" not in pdf.Root or "/JS" not in pdf.Root.OpenAction
        assert "/AA" not in pdf.Root
        assert "/JavaScript" not in pdf.Root.get("/Names", {})
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary):
                assert obj.get("/S") != pikepdf.Name.JavaScript, "a JavaScript action"
                assert "/JS" not in obj


@each
def test_xmp_metadata(builds, name):
    build = builds(name)
    r = build.release
    from presskit.pdf.render import document_info

    info = document_info(r, build.brand)
    with build.open() as pdf:
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "2A"
        xml = pdf.Root.Metadata.read_bytes()
        assert pdf.Root.Metadata.Subtype == pikepdf.Name.XML and pdf.Root.Metadata.Type == pikepdf.Name.Metadata
        v = _xmp_values(xml)
        assert v[q("dc", "title")] == [info.title]
        assert a11y.squash(info.title) == a11y.squash(_smart(_plain(r.title), build.lang))
        assert v[q("dc", "creator")] and v[q("dc", "creator")][0].strip()
        assert v[q("dc", "description")] and v[q("dc", "description")][0].strip()
        assert v[q("dc", "language")] == [LANGS[build.lang]]
        assert v[q("xmp", "CreateDate")][0].startswith(r.date.isoformat())
        assert v[q("pdfaid", "part")] == ["2"]
        assert v[q("pdfaid", "conformance")] == ["A"]
        assert v[q("pdfuaid", "part")] == ["1"]
        # the PDF/A extension schema that describes pdfuaid:part
        tree = ET.fromstring(xml)
        schemas = [s for s in tree.iter(q("pdfaSchema", "namespaceURI")) if s.text == NS["pdfuaid"]]
        assert len(schemas) == 1
        holder = next(li for li in tree.iter(q("rdf", "li")) if schemas[0] in list(li))
        assert holder.find(q("pdfaSchema", "prefix")).text == "pdfuaid"
        props = holder.findall(f".//{q('pdfaProperty', 'name')}")
        assert [p.text for p in props] == ["part"]
        assert holder.find(f".//{q('pdfaProperty', 'valueType')}").text == "Integer"
        assert holder.find(f".//{q('pdfaProperty', 'category')}").text == "internal"
        assert xml.lstrip().startswith(b"<?xpacket begin=") and xml.rstrip().endswith(b"?>")


def _pdf_date(text: str) -> dt.datetime:
    m = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'?", text)
    assert m, f"bad PDF date {text!r}"
    offset = dt.timedelta(hours=int(m.group(3)), minutes=int(m.group(4))) * (1 if m.group(2) == "+" else -1)
    return dt.datetime.strptime(m.group(1), "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone(offset))


@each
def test_info_dictionary_equals_its_xmp_twins(builds, name):
    """PDF/A-2 (ISO 19005-2, 6.6.3): every Info entry equals its XMP counterpart."""
    with builds(name).open() as pdf:
        v = _xmp_values(pdf.Root.Metadata.read_bytes())
        info = pdf.trailer.Info
        twins = {
            "/Title": q("dc", "title"), "/Author": q("dc", "creator"), "/Subject": q("dc", "description"),
            "/Keywords": q("pdf", "Keywords"), "/Creator": q("xmp", "CreatorTool"), "/Producer": q("pdf", "Producer"),
        }
        for key, twin in twins.items():
            if key in info:
                assert twin in v, f"{key} has no XMP twin"
                assert str(info[key]) == v[twin][0], f"{key}: Info {str(info[key])!r} != XMP {v[twin][0]!r}"
        for key, twin in {"/CreationDate": q("xmp", "CreateDate"), "/ModDate": q("xmp", "ModifyDate")}.items():
            if key in info:
                assert _pdf_date(str(info[key])) == dt.datetime.fromisoformat(v[twin][0])


# -- checkers --------------------------------------------------------------------------


@needs_qpdf
@each
def test_qpdf_check_is_clean(builds, name):
    done = subprocess.run(["qpdf", "--check", str(builds(name).path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in (done.stdout + done.stderr).upper()
    assert "No syntax or stream encoding errors" in done.stdout


@each
def test_pdfua_checker_has_no_findings(builds, name):
    pdfua = pytest.importorskip("pdfua")
    report = pdfua.validate(str(builds(name).path))
    assert [(f.rule_id, f.message) for f in report.findings] == []


# -- copying text ------------------------------------------------------------------------

LONG_WORDS = ["Bedarfsgemeinschaften", "Arbeitsmarktpolitik", "Grundsicherung", "Ansprechpartnerinnen",
              "Kreisverwaltung", "Optionskommunen", "Grundstückseigentümererklärung", "Hausübergabepunkt",
              "Breitbandkoordinator", "Verkehrsfreigabe", "Alleebäume", "Zukunftsaufgaben",
              "Grundsicherungsträger", "Schuldnerberatung"]


def _extracted(build: Build) -> dict[str, str]:
    texts = {"pypdf": a11y.pypdf_text(build.path)}
    if a11y.have("pdftotext"):
        texts["pdftotext -raw"] = a11y.pdftotext_raw(build.path)
    return texts


def _source_text(build: Build) -> str:
    r, brand = build.release, build.brand
    # the brand's boilerplate and closing are printed when the release has none of its own
    own_language = build.lang == brand.lang
    about = r.about or (brand.about if own_language else None)
    closing = r.closing or (brand.closing if own_language else None)
    parts = [r.title, r.subtitle or "", r.lead or "", r.body, about or "", closing or ""]
    if r.facts is not None:
        parts += [x or "" for item in r.facts.items for x in (item.label, item.value, item.text)]
    parts += [image.caption or "" for image in r.images]
    parts += [link.text or "" for link in r.links]
    # the brand's boilerplate and closing in the release's language, where the release has none
    brand = build.brand
    texts = brand if build.lang == brand.lang else brand.texts.get(build.lang)
    if texts is not None:
        parts += [("" if r.about else texts.about or ""), ("" if r.closing else texts.closing or ""),
                  texts.about_title or ""]
    return _smart(_plain(" ".join(parts)), build.lang)


@each_but()
def test_hyphenated_words_copy_whole(builds, name):
    build = builds(name)
    source = _source_text(build)
    source_words = set(a11y.words(source))
    allowed = source_words | _other_words(build)
    for tool, raw in _extracted(build).items():
        pasted = a11y.join_breaks(raw)
        for first, mark, second in a11y.split_words(raw):
            if mark == "\u00ad" or not second[0].isupper():
                whole = first + second
                if mark != "\u00ad" and f"{first}-{second}" in source:
                    continue  # a real hyphen of a compound, broken after it
                assert whole in source_words or any(w.startswith(whole) or w.endswith(whole) for w in source_words), (
                    f"{tool}: {first}{mark}|{second} is not a word of the release"
                )
                assert mark == "\u00ad", f"{tool}: a hard hyphen where the layout broke {whole!r}"
        for word in LONG_WORDS:
            if a11y.has_word(source, word):
                assert a11y.has_word(pasted, word), f"{tool}: {word!r} does not copy whole"
        # No pieces of words: every word of the copied text is a word the release, the brand or
        # the labels contain (catches breaks drawn without any hyphen, or with a hard one).
        pasted = re.sub(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])", "-", pasted)
        fragments = sorted({w for w in a11y.words(pasted) if w not in allowed})
        assert fragments == [], f"{tool}: pieces of words in the copied text: {fragments[:10]}"


def _other_words(build: Build) -> set[str]:
    """Words of what the brand and the labels print (letterhead, footer, contact, dates)."""
    from presskit.content.labels import labels_for

    labels = labels_for(build.lang)
    text = " ".join([repr(build.brand), repr(labels), labels.date(build.release.date),
                     repr(build.release), _smart(repr(build.brand), build.lang)])
    text = text.replace("\\n", " ")
    found = set(a11y.words(text)) | set(a11y.words(_smart(text, build.lang)))
    return found | {w.upper() for w in found}


@each
def test_line_ends_copy_as_spaces(builds, name):
    """Every word of the release is a whole word in the copied text: no "wordword" at line ends."""
    build = builds(name)
    r = build.release
    text = _smart(_plain(" ".join([r.lead or "", r.body])), build.lang)
    text = re.sub(r"https?://\S+|mailto:\S+|\S+@\S+", " ", text)
    wanted = set(a11y.words(text))
    assert wanted
    for tool, raw in _extracted(build).items():
        pasted = a11y.join_breaks(raw)
        pasted = re.sub(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])", "-", pasted)  # a compound broken after its hyphen
        missing = sorted(w for w in wanted if not a11y.has_word(pasted, w))
        assert missing == [], f"{tool}: words not found whole (glued or broken): {missing[:10]}"


def test_soft_hyphens_are_really_used(builds):
    """The German examples are hyphenated with U+00AD: the checks above are not vacuous."""
    for name in ALL:
        build = builds(name)
        if build.lang == "de" and name.startswith("20"):
            raw = a11y.pypdf_text(build.path)
            assert any(mark == "\u00ad" for _, mark, _ in a11y.split_words(raw)), name


def test_the_checks_catch_untagged_paint(builds, tmp_path):
    """The content scan is not vacuous: strip the marked content of a page and it complains."""
    with builds(ALL[0]).open() as pdf:
        page = pdf.pages[0]
        kept = [i for i in pikepdf.parse_content_stream(page) if str(i.operator) not in ("BDC", "BMC", "EMC")]
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        scan = a11y.scan_page(page)
        assert scan.untagged and not scan.mcids


# -- determinism --------------------------------------------------------------------------


@each
def test_same_input_gives_identical_bytes(builds, name):
    build = builds(name)
    _, _, again = _render(build.source)
    assert again.pdf == build.result.pdf
