"""After layout: write the structure tree and the PDF/UA-1 + PDF/A-2 catalog entries (pikepdf).

:func:`finish` takes the PDF ReportLab wrote and the :class:`~.tagger.Tagger`
that recorded, while it was drawn, which structure node owns which
marked content and which link annotations; it returns the finished PDF:

* StructTreeRoot with the elements in the order of the StructNode tree (plus
  the Link elements the tagger made for links in running text, in drawing
  order), ParentTree (pages by /StructParents, annotations by /StructParent)
  and ParentTreeNextKey; Link elements with an OBJR for each link annotation;
* /StructParents and /Tabs /S on pages, /StructParent, /Contents and the
  print flag on annotations;
* MarkInfo, /Lang, DisplayDocTitle, XMP + Info dictionary, sRGB OutputIntent;
* ToUnicode maps of exactly the codes drawn (:mod:`.tounicode`);
* a safety net: painting left outside marked content is wrapped as an
  /Artifact and listed in :attr:`Result.problems`.

Output is deterministic: no clock is read, the trailer /ID is derived from the content.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from presskit.resources import srgb_profile
from presskit.pdf.tagging import contentscan, fontslim, tounicode
from presskit.pdf.tagging.tagger import ANNOT_KEY, Mark
from presskit.pdf.tagging.xmp import DocumentMeta, info_entries, packet

if TYPE_CHECKING:
    from presskit.pdf.structure import StructNode
    from presskit.pdf.tagging.tagger import Tagger

#: Annotation flag "Print" (PDF/A-2 6.3.2 wants it set, and Hidden/NoView unset).
PRINT_FLAG = 4


@dataclass
class Result:
    """The finished PDF and what had to be repaired on the way."""

    pdf: bytes
    problems: list[str] = field(default_factory=list)  # empty when layout tagged everything itself
    unused_nodes: list[str] = field(default_factory=list)  # nodes that never drew anything


@cache
def _srgb() -> bytes:
    return srgb_profile().read_bytes()


def finish(pdf_bytes: bytes, tagger: "Tagger", meta: DocumentMeta, root: "StructNode | None" = None) -> bytes:
    """The tagged PDF/UA-1, PDF/A-2 identified document (see :func:`finish_with_report`)."""
    return finish_with_report(pdf_bytes, tagger, meta, root).pdf


def finish_with_report(pdf_bytes: bytes, tagger: "Tagger", meta: DocumentMeta, root: "StructNode | None" = None) -> Result:
    """Like :func:`finish`, with the list of things the safety net had to repair."""
    problems = list(tagger.problems)
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        root = root if root is not None else tagger.root if tagger.root is not None else _root_of(tagger)
        writer = _TreeWriter(pdf, tagger, problems)
        writer.write(root, meta)
        _wrap_untagged(pdf, problems)
        drawn = tounicode.drawn_codes(pdf)
        problems.extend(tounicode.rewrite(pdf, drawn))
        fontslim.slim(pdf, drawn)
        _catalog(pdf, meta)
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,  # it would re-serialise our XMP packet
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return Result(out.getvalue(), problems, writer.unused)


def _root_of(tagger: "Tagger") -> "StructNode":
    from presskit.pdf.structure import new_document

    for node in tagger.nodes.values():
        while node.parent is not None:
            node = node.parent
        return node
    return new_document()


class _TreeWriter:
    """Turns the StructNode tree plus the tagger's marks into StructElem objects."""

    def __init__(self, pdf: pikepdf.Pdf, tagger: "Tagger", problems: list[str]) -> None:
        self.pdf = pdf
        self.pages = [page.obj for page in pdf.pages]
        self.problems = problems
        self.unused: list[str] = []
        self.parents: dict[int, dict[int, pikepdf.Object]] = {}  # page -> mcid -> element
        self.annot_parents: list[tuple[pikepdf.Object, pikepdf.Object]] = []  # (annotation, Link element)
        self.annots = self._annotations()
        self.marks = self._assign_links(tagger)
        self.inline_links = tagger.inline_links  # Link nodes the tagger made for links in running text

    # -- inputs ----------------------------------------------------------------------

    def _annotations(self) -> dict[int, tuple[int, pikepdf.Object]]:
        """Tagged annotations by tag, with their page; untagged ones are reported."""
        found: dict[int, tuple[int, pikepdf.Object]] = {}
        for index, page in enumerate(self.pages):
            for annot in page.get("/Annots", ()):
                key = Name("/" + ANNOT_KEY)
                if key in annot:
                    found[int(annot[key])] = (index, annot)
                    del annot[key]
                elif annot.get("/Subtype") not in (Name.Popup,):
                    self.problems.append(f"page {index + 1}: a {annot.get('/Subtype')} annotation the tagger never saw")
                    found[-1 - len(found)] = (index, annot)
        return found

    def _assign_links(self, tagger: "Tagger") -> dict[int, list[Mark]]:
        """Marks per node; a link made inside a node goes to its next Link child that drew nothing."""
        marks = {key: list(value) for key, value in tagger.marks.items()}
        for key, node in tagger.nodes.items():
            if node.role == "Link":
                continue
            free = [c for c in node.children if c.role == "Link" and not tagger.marks_of(c)]
            for mark in [m for m in marks[key] if m.annot is not None]:
                if free:
                    marks.setdefault(id(free.pop(0)), []).append(mark)
                    marks[key].remove(mark)
        return marks

    # -- the tree ----------------------------------------------------------------------

    def write(self, root: "StructNode", meta: DocumentMeta) -> None:
        pdf = self.pdf
        tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document, _ = self._element(root, tree_root, keep=True)
        tree_root.K = document
        self._orphan_annotations(document)
        nums = Array()
        for page_index in sorted(self.parents):
            by_mcid = self.parents[page_index]
            self.pages[page_index].StructParents = page_index
            nums.append(page_index)
            nums.append(pdf.make_indirect(Array([by_mcid[m] for m in range(len(by_mcid))])))
        key = len(self.pages)
        for annot, link in self.annot_parents:
            annot.StructParent = key
            nums.append(key)
            nums.append(link)
            key += 1
        for page in self.pages:
            page.Tabs = Name.S
        tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
        tree_root.ParentTreeNextKey = key
        pdf.Root.StructTreeRoot = tree_root

    def _element(self, node: "StructNode", parent: pikepdf.Object, keep: bool = False) -> tuple[pikepdf.Object | None, float]:
        """The StructElem for ``node`` (None if nothing of it was drawn) and its first drawing time."""
        elem = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent))
        own = sorted(self.marks.get(id(node), []), key=lambda m: m.seq)
        children = []
        inline = self.inline_links.get(id(node), ())
        for child in [*node.children, *inline] if inline else node.children:
            child_elem, first = self._element(child, elem)
            if child_elem is not None:
                children.append((first, child_elem))
        if inline:
            children.sort(key=lambda c: c[0])  # links in running text: in the order they were drawn
        if not own and not children and not keep:
            self.unused.append(_describe(node))
            return None, float("inf")
        page = own[0].page if own else None
        if page is not None:
            elem.Pg = self.pages[page]
        kids = Array()
        i = j = 0
        while i < len(own) or j < len(children):
            # Merge own content and children by drawing order; children keep their tree order.
            if j >= len(children) or (i < len(own) and own[i].seq < children[j][0]):
                kids.append(self._kid(node, elem, page, own[i]))
                i += 1
            else:
                kids.append(children[j][1])
                j += 1
        elem.K = kids[0] if len(kids) == 1 else kids  # a lone kid needs no array (ISO 32000-1 14.7.2)
        self._attributes(node, elem)
        first = min([m.seq for m in own[:1]] + [c[0] for c in children[:1]] + [float("inf")])
        return elem, first

    def _kid(self, node: "StructNode", elem: pikepdf.Object, page: int | None, mark: Mark) -> pikepdf.Object:
        if mark.mcid is not None:
            self.parents.setdefault(mark.page, {})[mark.mcid] = elem
            if mark.page == page:
                return mark.mcid  # type: ignore[return-value]
            return Dictionary(Type=Name.MCR, Pg=self.pages[mark.page], MCID=mark.mcid)
        page_index, annot = self.annots[mark.annot]  # type: ignore[index]
        _annotation_entries(annot, node.alt if node.role == "Link" else None, mark.url)
        objr = Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.pages[page_index])
        if node.role == "Link":
            self.annot_parents.append((annot, elem))
            return objr
        link = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Link, P=elem, Pg=self.pages[page_index], K=Array([objr])))
        self.annot_parents.append((annot, link))
        return link

    def _orphan_annotations(self, document: pikepdf.Object) -> None:
        """Annotations nobody drew inside content: Link elements at the end of the document."""
        for tag, (page_index, annot) in sorted(self.annots.items()):
            if tag >= 0 and any(a.objgen == annot.objgen for a, _ in self.annot_parents):
                continue
            if tag >= 0:
                self.problems.append(f"page {page_index + 1}: annotation #{tag} belongs to no drawn node")
            _annotation_entries(annot, None, None)
            objr = Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.pages[page_index])
            link = self.pdf.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.Link, P=document, Pg=self.pages[page_index], K=Array([objr]))
            )
            kids = document.K if isinstance(document.K, pikepdf.Array) else Array([document.K])
            kids.append(link)
            document.K = kids
            self.annot_parents.append((annot, link))

    @staticmethod
    def _attributes(node: "StructNode", elem: pikepdf.Object) -> None:
        if node.alt:
            elem.Alt = String(node.alt)
        if node.actual_text:
            elem.ActualText = String(node.actual_text)
        if node.lang:
            elem.Lang = String(node.lang)
        if node.title:
            elem.T = String(node.title)
        if node.scope:
            elem.A = Dictionary(O=Name.Table, Scope=Name("/" + node.scope))


def _annotation_entries(annot: pikepdf.Object, alt: str | None, url: str | None) -> None:
    """/Contents (PDF/UA 7.18.1) and the print flag (PDF/A-2 6.3.2) of an annotation."""
    if "/Contents" not in annot or not str(annot.Contents).strip():
        text = alt or (url[len("mailto:"):] if url and url.startswith("mailto:") else url)
        if not text and "/A" in annot and "/URI" in annot.A:
            text = str(annot.A.URI)
        annot.Contents = String(text or "Link")
    annot.F = (int(annot.get("/F", 0)) | PRINT_FLAG) & ~(1 | 2 | 32)  # not Invisible, Hidden, NoView


def _describe(node: "StructNode") -> str:
    path = []
    while node is not None:
        index = node.parent.children.index(node) if node.parent is not None else 0
        path.append(f"{node.role}[{index}]")
        node = node.parent  # type: ignore[assignment]
    return "/".join(reversed(path))


def _wrap_untagged(pdf: pikepdf.Pdf, problems: list[str]) -> None:
    """The safety net: paint outside marked content becomes an /Artifact (and a problem)."""
    for index, page in enumerate(pdf.pages):
        found = contentscan.scan(pikepdf.parse_content_stream(page, contentscan.SCANNED_OPERATORS), index)
        problems.extend(f"page {index + 1}: {message}" for message in found.nesting)
        if found.untagged:
            # The rare repair needs every instruction (positions refer to the full stream).
            instructions = pikepdf.parse_content_stream(page)
            found = contentscan.scan(instructions, index)
            problems.append(contentscan.describe(found, instructions))
            page.obj.Contents = pdf.make_stream(
                pikepdf.unparse_content_stream(contentscan.wrap_untagged(instructions, found))
            )


def _catalog(pdf: pikepdf.Pdf, meta: DocumentMeta) -> None:
    root = pdf.Root
    root.MarkInfo = Dictionary(Marked=True)
    root.Lang = String(meta.lang)
    viewer = root.get("/ViewerPreferences", Dictionary())
    viewer.DisplayDocTitle = True
    root.ViewerPreferences = viewer
    metadata = pdf.make_stream(packet(meta))
    metadata.Type = Name.Metadata
    metadata.Subtype = Name.XML
    root.Metadata = metadata
    profile = pdf.make_stream(_srgb())
    profile.N = 3
    root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                Info=String("sRGB IEC61966-2.1"),
                RegistryName=String("http://www.color.org"),
                DestOutputProfile=profile,
            )
        ]
    )
    info = pdf.make_indirect(Dictionary({key: String(value) for key, value in info_entries(meta).items()}))
    pdf.trailer.Info = info
