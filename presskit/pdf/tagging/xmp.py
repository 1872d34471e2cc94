"""The XMP metadata packet and the matching document information dictionary.

PDF/A-2 wants the two to say the same thing; PDF/UA-1 wants ``pdfuaid:part``
in the XMP, and because that property is not part of XMP's predefined schemas,
PDF/A wants it described in a ``pdfaExtension`` schema.

The packet has three ``rdf:Description`` elements: the extension schema
first, then the document's properties, then ``pdfuaid:part`` alone. Readers
that build their schema registry while they read (Apache PDFBox's xmpbox and
Preflight) cannot place ``pdfuaid:part`` when its definition shares a
Description with it, and report "Cannot find a definition for the namespace".

The level claimed is PDF/A-2a: the document is tagged (PDF/UA-1), every glyph
has a Unicode value (ToUnicode maps, see :mod:`.tounicode`) and every word
hyphenated at a line end carries its whole text (:mod:`.brokenwords`). Written by hand from a
template rather than through pikepdf's metadata editor, which stamps the
current time into the packet and would make the output non-deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

CREATOR_TOOL = "presskit"
PRODUCER = "ReportLab PDF Library, pikepdf"


@dataclass(frozen=True)
class DocumentMeta:
    """What the document says about itself (Info dictionary, XMP, catalog /Lang)."""

    title: str
    author: str
    subject: str = ""
    keywords: tuple[str, ...] | list[str] | str = field(default_factory=tuple)
    lang: str = "de-DE"
    created: datetime = datetime(2000, 1, 1, tzinfo=timezone.utc)  # the release date
    pdfa_conformance: str = "A"  # PDF/A-2 level claimed: "A" (tagged, Unicode); "B" or "U" for other producers

    @property
    def keyword_text(self) -> str:
        return self.keywords if isinstance(self.keywords, str) else ", ".join(self.keywords)

    @property
    def date(self) -> datetime:
        """The creation date, with a time zone (UTC if none was given)."""
        return self.created if self.created.tzinfo else self.created.replace(tzinfo=timezone.utc)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML character references (what ``xml.sax.saxutils.escape`` does,
    without importing ``xml.sax``, which pulls in ``urllib.request`` and ``ssl`` at start-up)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def pdf_date(when: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'`` (ISO 32000-1, 7.9.4)."""
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hours:02d}'{mins:02d}'"


def xmp_date(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def info_entries(meta: DocumentMeta) -> dict[str, str]:
    """The document information dictionary, entry by entry, as the XMP has it."""
    entries = {
        "/Title": meta.title,
        "/Author": meta.author,
        "/Subject": meta.subject,
        "/Keywords": meta.keyword_text,
        "/Creator": CREATOR_TOOL,
        "/Producer": PRODUCER,
        "/CreationDate": pdf_date(meta.date),
        "/ModDate": pdf_date(meta.date),
    }
    return {key: value for key, value in entries.items() if value}


def packet(meta: DocumentMeta) -> bytes:
    """The XMP packet: Dublin Core, dates, PDF/A-2 and PDF/UA-1 identification."""
    x = escape
    date = xmp_date(meta.date)
    optional = []
    if meta.author:
        optional.append(f"   <dc:creator><rdf:Seq><rdf:li>{x(meta.author)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.subject:
        optional.append(
            f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{x(meta.subject)}</rdf:li></rdf:Alt></dc:description>'
        )
    if meta.keyword_text:
        optional.append(f"   <pdf:Keywords>{x(meta.keyword_text)}</pdf:Keywords>")
    body = "\n".join(optional)
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{x(meta.title)}</rdf:li></rdf:Alt></dc:title>
{body}
   <dc:language><rdf:Bag><rdf:li>{x(meta.lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{x(PRODUCER)}</pdf:Producer>
   <xmp:CreatorTool>{x(CREATOR_TOOL)}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>{x(meta.pdfa_conformance)}</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about=""
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
    return text.replace("\n\n", "\n").encode("utf-8")
