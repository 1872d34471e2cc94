"""RSS 2.0 and Atom feeds of the published releases, newest first.

Written with :mod:`xml.etree.ElementTree`, which escapes every text and attribute
value; no markup is put together by hand. The feeds' dates come from the releases
(never from the clock), so the same releases give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from dataclasses import dataclass

__all__ = ["FeedItem", "FeedInfo", "rss", "atom"]

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str                    # the release page's canonical URL (also its guid / id)
    published: dt.datetime      # aware
    description: str            # the lead (or the subtitle / first paragraph without one)
    categories: tuple[str, ...]
    pdf_url: str
    pdf_length: int
    lang: str


@dataclass(frozen=True)
class FeedInfo:
    title: str
    description: str
    home: str                   # the index page's URL
    rss_url: str
    atom_url: str
    lang: str
    author: str
    email: str | None


def _updated(info: FeedInfo, items: list[FeedItem]) -> dt.datetime:
    if items:
        return max(item.published for item in items)
    return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def rss(info: FeedInfo, items: list[FeedItem]) -> bytes:
    ET.register_namespace("atom", ATOM_NS)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = info.title
    ET.SubElement(channel, "link").text = info.home
    ET.SubElement(channel, "description").text = info.description
    ET.SubElement(channel, "language").text = info.lang
    ET.SubElement(channel, f"{{{ATOM_NS}}}link", {"href": info.rss_url, "rel": "self", "type": "application/rss+xml"})
    ET.SubElement(channel, "lastBuildDate").text = email.utils.format_datetime(_updated(info, items))
    ET.SubElement(channel, "generator").text = "presskit"
    for item in items:
        node = ET.SubElement(channel, "item")
        ET.SubElement(node, "title").text = item.title
        ET.SubElement(node, "link").text = item.url
        ET.SubElement(node, "guid", {"isPermaLink": "true"}).text = item.url
        ET.SubElement(node, "pubDate").text = email.utils.format_datetime(item.published)
        ET.SubElement(node, "description").text = item.description
        for category in item.categories:
            ET.SubElement(node, "category").text = category
        ET.SubElement(node, "enclosure", {"url": item.pdf_url, "length": str(item.pdf_length), "type": "application/pdf"})
    return _bytes(root)


def atom(info: FeedInfo, items: list[FeedItem]) -> bytes:
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs or {})
        if text is not None:
            node.text = text
        return node

    root = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": info.lang})
    sub(root, "id", text=info.home)
    sub(root, "title", text=info.title)
    sub(root, "subtitle", text=info.description)
    sub(root, "updated", text=_updated(info, items).isoformat())
    sub(root, "link", {"rel": "self", "href": info.atom_url, "type": "application/atom+xml"})
    sub(root, "link", {"rel": "alternate", "href": info.home, "type": "text/html"})
    author = sub(root, "author")
    sub(author, "name", text=info.author)
    if info.email:
        sub(author, "email", text=info.email)
    sub(root, "generator", text="presskit")
    for item in items:
        entry = sub(root, "entry", {"{http://www.w3.org/XML/1998/namespace}lang": item.lang})
        sub(entry, "id", text=item.url)
        sub(entry, "title", text=item.title)
        sub(entry, "link", {"rel": "alternate", "href": item.url, "type": "text/html"})
        sub(entry, "link", {"rel": "enclosure", "href": item.pdf_url, "type": "application/pdf", "length": str(item.pdf_length)})
        sub(entry, "published", text=item.published.isoformat())
        sub(entry, "updated", text=item.published.isoformat())
        sub(entry, "summary", text=item.description)
        for category in item.categories:
            sub(entry, "category", {"term": category})
    return _bytes(root)
