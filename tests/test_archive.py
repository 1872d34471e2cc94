"""Issue 6, point 11: PDF/A-2a with PDF/UA-1, checked by readers presskit did not write.

* the XMP packet as Apache PDFBox reads it: the pdfuaid extension schema and
  ``pdfuaid:part`` in Descriptions of their own;
* the ToUnicode maps (read with pdfminer's CMap parser): exactly the codes
  the content streams draw, each to a real character;
* Apache PDFBox Preflight (Debian's libpdfbox2-java) on every example. It
  validates PDF/A-1b; the only findings allowed are rules where PDF/A-2 differs.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest
from conftest import EXAMPLES
from pdfminer.cmapdb import CMapParser, FileUnicodeMap

NAMES = [source.stem for source in EXAMPLES]
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"
EXTENSION = "{http://www.aiim.org/pdfa/ns/extension/}"


# -- XMP ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_xmp_claims_pdfa_2a_and_pdfua_1_in_separate_descriptions(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        tree = ET.fromstring(pdf.Root.Metadata.read_bytes())
    descriptions = list(tree.iter(RDF + "Description"))
    children = [[child.tag for child in d] for d in descriptions]
    schema = next(i for i, tags in enumerate(children) if EXTENSION + "schemas" in tags)
    ua = next(i for i, tags in enumerate(children) if PDFUAID + "part" in tags)
    assert children[schema] == [EXTENSION + "schemas"], "the extension schema shares its Description"
    assert children[ua] == [PDFUAID + "part"], "pdfuaid:part shares its Description"
    assert schema < ua, "pdfuaid:part comes before the schema that defines it"
    values = {child.tag: child.text for d in descriptions for child in d}
    assert values[PDFAID + "part"] == "2" and values[PDFAID + "conformance"] == "A"
    assert values[PDFUAID + "part"] == "1"


# -- ToUnicode ------------------------------------------------------------------------------


def _drawn_codes(pdf: pikepdf.Pdf) -> dict[tuple[int, int], set[int]]:
    """Per simple font (by object): every code a text-showing operator draws with it."""
    used: dict[tuple[int, int], set[int]] = {}

    def scan(holder, resources, seen):
        fonts = resources.get("/Font", {}) if resources is not None else {}
        xobjects = resources.get("/XObject", {}) if resources is not None else {}
        font, stack = None, []
        for ins in pikepdf.parse_content_stream(holder):
            op = str(ins.operator)
            if op == "Tf":
                font = fonts[str(ins.operands[0])]
            elif op == "q":
                stack.append(font)
            elif op == "Q":
                font = stack.pop()
            elif op == "Do":
                x = xobjects[str(ins.operands[0])]
                if x.get("/Subtype") == pikepdf.Name.Form and x.objgen not in seen:
                    seen.add(x.objgen)
                    scan(x, x.get("/Resources", resources), seen)
            elif op in ("Tj", "'", '"', "TJ"):
                items = ins.operands[0] if op == "TJ" else ins.operands[-1:]
                codes = used.setdefault(font.objgen, set())
                for item in items:
                    if isinstance(item, pikepdf.String):
                        codes.update(bytes(item))

    for page in pdf.pages:
        scan(page.obj, page.obj.get("/Resources"), set())
    return used


@pytest.mark.parametrize("name", NAMES)
def test_tounicode_maps_exactly_the_drawn_codes_to_characters(built_examples, name):
    with pikepdf.open(built_examples[name].pdf) as pdf:
        drawn = _drawn_codes(pdf)
        assert drawn
        for objgen, codes in drawn.items():
            font = pdf.get_object(objgen)
            assert font.Subtype != pikepdf.Name.Type0
            cmap = FileUnicodeMap()
            CMapParser(cmap, io.BytesIO(font.ToUnicode.read_bytes())).run()
            mapped = cmap.cid2unichr
            assert set(mapped) == codes, f"{font.BaseFont}: maps {sorted(set(mapped) - codes)}, lacks {sorted(codes - set(mapped))}"
            bad = {code: text for code, text in mapped.items() if not text or set(text) & {"\0", "\ufeff", "\ufffe"}}
            assert bad == {}, f"{font.BaseFont}: codes without a character"


def test_tounicode_keeps_the_soft_hyphen_and_the_umlauts(built_examples):
    """Not an empty map that happens to match: the drawn text reads back through it."""
    with pikepdf.open(built_examples["2026-12-03-kreisstrasse-freigegeben"].pdf) as pdf:
        texts = set()
        for objgen in _drawn_codes(pdf):
            cmap = FileUnicodeMap()
            CMapParser(cmap, io.BytesIO(pdf.get_object(objgen).ToUnicode.read_bytes())).run()
            texts.update(cmap.cid2unichr.values())
    assert {"\u00ad", "ä", "ö", "ü", "ß", " "} <= texts


# -- Apache PDFBox Preflight ----------------------------------------------------------------

JARS = Path("/usr/share/java")
#: preflight and pdfbox from libpdfbox2-java, fontbox from libfontbox2-java; Preflight also
#: needs javax.activation (libactivation-java) and JAXB's DatatypeConverter (libjaxb-api-java).
CLASSPATH = ["preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar", "commons-logging.jar",
             "javax.activation.jar", "jaxb-api.jar"]

#: Preflight checks PDF/A-1b (ISO 19005-1). Findings allowed because PDF/A-2 (ISO 19005-2,
#: based on PDF 1.7) permits what PDF/A-1 (based on PDF 1.4) forbids. Each entry is
#: (code, words of Preflight's message, reason); anything else fails the test.
PDFA2_DIFFERENCES = [
    ("1.4", "cross reference streams are not allowed",
     "PDF/A-2 allows cross-reference and object streams (PDF 1.5); presskit writes them to stay small"),
    ("7.11.2", "part must be 1",
     "the identification itself: pdfaid:part is 2 (PDF/A-2a), Preflight only knows part 1"),
    ("2.2", "transparency", "PDF/A-2 6.4 allows transparency (soft masks, transparency groups)"),
    ("4.1", "", "PDF/A-2 6.4 allows transparency in the graphics state (CA/ca, SMask, blend modes)"),
    ("1.1", "header", "PDF/A-2 allows any PDF version up to 1.7 in the header"),
]


def _preflight_command() -> list[str] | None:
    java = shutil.which("java")
    jars = [JARS / jar for jar in CLASSPATH]
    if java is None or not all(jar.exists() for jar in jars):
        return None
    return [java, "-cp", os.pathsep.join(map(str, jars)), "org.apache.pdfbox.preflight.Validator_A1b"]


def _missing_preflight() -> str:
    if shutil.which("java") is None:
        return "Apache PDFBox Preflight needs java (Debian: default-jre-headless)"
    absent = [jar for jar in CLASSPATH if not (JARS / jar).exists()]
    return f"Apache PDFBox Preflight needs {', '.join(absent)} in {JARS} (Debian: libpdfbox2-java libactivation-java libjaxb-api-java)"


needs_preflight = pytest.mark.skipif(_preflight_command() is None, reason=_missing_preflight())


def preflight(paths: list[Path], workdir: Path) -> dict[str, list[tuple[str, str]]]:
    """Preflight's findings, (code, message) per file name, one JVM for all files."""
    listing = workdir / "files.txt"
    listing.write_text("".join(f"{path}\n" for path in paths), encoding="utf-8")
    run = subprocess.run([*_preflight_command(), "xml", "group", str(listing)],  # type: ignore[misc]
                         capture_output=True, text=True, timeout=300)
    report = workdir / "files.txt.preflight.xml"
    assert report.exists(), f"Preflight wrote no report: {run.stdout[-2000:]} {run.stderr[-2000:]}"
    tree = ET.parse(report)
    found = {}
    for item in tree.iter("preflight"):
        errors = [(e.findtext("code", ""), e.findtext("details", "")) for e in item.iter("error")]
        assert item.find("isValid") is not None, f"Preflight could not read {item.get('name')}: {ET.tostring(item)[:500]}"
        found[item.get("name")] = errors
    assert set(found) == {path.name for path in paths}
    return found


def _unexplained(errors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(code, details) for code, details in errors
            if not any(code == allowed and words.lower() in details.lower() for allowed, words, _ in PDFA2_DIFFERENCES)]


@needs_preflight
def test_preflight_finds_nothing_but_the_pdfa2_differences(built_examples, tmp_path):
    found = preflight([built.pdf for built in built_examples.values()], tmp_path)
    for name, errors in found.items():
        assert _unexplained(errors) == [], f"{name}: Preflight (PDF/A-1b) found {errors}"
        # the two differences presskit's output really has, so the list above is not stale
        assert {code for code, _ in errors} == {"1.4", "7.11.2"}, f"{name}: {errors}"


@needs_preflight
def test_preflight_reads_the_pdfuaid_schema_and_would_see_a_broken_one(built_examples, tmp_path):
    """The check can fail: with the extension schema in the Description of the properties
    (as presskit wrote it before), Preflight cannot find the pdfuaid namespace (7.3)."""
    source = built_examples["2026-11-20-partnership-visit"].pdf
    broken = tmp_path / "shared-description.pdf"
    with pikepdf.open(source) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        descriptions = re.findall(r"<rdf:Description[^>]*>.*?</rdf:Description>", xmp, re.S)
        assert len(descriptions) == 3  # extension schema, properties, pdfuaid:part
        namespaces = sorted({ns for d in descriptions for ns in re.findall(r'xmlns:\w+="[^"]*"', d.split(">", 1)[0])})
        inner = [d.split(">", 1)[1].rsplit("</rdf:Description>", 1)[0] for d in descriptions]
        merged = f'<rdf:Description rdf:about="" {" ".join(namespaces)}>{inner[1]}{inner[2]}{inner[0]}</rdf:Description>'
        text = xmp.replace("".join(descriptions), merged) if "".join(descriptions) in xmp else None
        if text is None:
            text = xmp
            for d in descriptions[1:]:
                text = text.replace(d, "")
            text = text.replace(descriptions[0], merged)
        ET.fromstring(text.split("?>", 1)[1].rsplit("<?xpacket", 1)[0])  # still well-formed XMP
        pdf.Root.Metadata.write(text.encode("utf-8"))
        pdf.save(broken)
    found = preflight([source, broken], tmp_path)
    assert "7.3" not in {code for code, _ in found[source.name]}
    assert "7.3" in {code for code, _ in found[broken.name]}, found[broken.name]


# -- presskit inspect -----------------------------------------------------------------------


def test_inspect_states_the_levels_and_finds_a_tounicode_to_u0000(built_examples, tmp_path):
    from presskit.pdf.tagging.inspect import inspect_pdf

    source = built_examples["2026-11-20-partnership-visit"].pdf
    report = inspect_pdf(source)
    assert report.ok and report.claims == ["PDF/A-2a", "PDF/UA-1"]
    assert "claims PDF/A-2a + PDF/UA-1" in report.render().splitlines()[0]
    bad = tmp_path / "tounicode-0.pdf"
    with pikepdf.open(source) as pdf:
        font = next(iter(pdf.pages[0].Resources.Font.values()))
        data = font.ToUnicode.read_bytes().replace(b"endbfchar", b"endbfchar\n1 beginbfchar\n<05> <0000>\nendbfchar", 1)
        font.ToUnicode = pdf.make_stream(data)
        pdf.save(bad)
    found = inspect_pdf(bad).findings["fonts"]
    assert len(found) == 1 and "maps codes 5 to no character" in found[0]
