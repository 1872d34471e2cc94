"""Releases -> a static newsroom in SITE/: a page per release, the index, RSS and Atom.

The order of work: load every release, leave out each one whose embargo is after
``now`` (before anything of it is read into a page, built or copied), build the
PDFs with the function ``presskit build`` uses, map each content document to its
page, then write index, feeds, stylesheet and fonts. Everything is written into
a temporary folder beside SITE/ that replaces SITE/ only when complete, so a
reader sees the old newsroom or the new one, never a half-built one. Nothing in
the output depends on the clock (only *which* releases are in it does), so the
same releases and ``now`` give the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence
from urllib.parse import quote
from zoneinfo import ZoneInfo

from presskit.errors import Diagnostic, InputError, Location, UsageError, error
from presskit.i18n import _

__all__ = ["SiteResult", "build_site", "parse_now", "MARKER"]

#: A file in every site presskit writes: only such a folder is ever replaced.
MARKER = ".presskit-site"

_IMAGE_KINDS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".svg": "SVG"}


@dataclass(frozen=True)
class SiteResult:
    output: Path
    published: tuple[str, ...]                 # the release pages' folder names, newest first
    held: tuple[tuple[str, dt.datetime], ...]  # (source, embargo) of the releases left out
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def parse_now(text: str) -> dt.datetime:
    """``YYYY-MM-DD HH:MM`` (the brand's local time) as a naive datetime."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\s*", text)
    if not match:
        raise UsageError(error(_("--now {text!r} is not a date and time; write it as YYYY-MM-DD HH:MM").format(text=text)))
    try:
        return dt.datetime(*(int(g) for g in match.groups()))
    except ValueError:
        raise UsageError(error(_("--now {text!r} is not a valid date and time").format(text=text)))


def _base_url(url: str) -> str:
    url = url.strip()
    if not re.match(r"(?i)^https?://[^/\s]+", url) or any(ch.isspace() for ch in url):
        raise UsageError(error(_("--base-url {url!r} is not an http(s) URL").format(url=url),
                               hint=_("write the address the site will have, e.g. https://www.example.org/presse/")))
    return url if url.endswith("/") else url + "/"


@dataclass
class _Entry:
    source: Path
    release: object
    brand: object
    slug: str
    published: dt.datetime   # aware: the embargo, else the release date at midnight, in the brand's zone
    doc: object = None
    pdf_size: int = 0
    photos: dict = field(default_factory=dict)


def _slug(source: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem).strip("-.") or "release"
    return slug


def _photo_name(file: str, taken: set[str]) -> str:
    path = Path(file)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.") or "photo"
    suffix = path.suffix.lower()
    name, n = stem + suffix, 2
    while name in taken:
        name, n = f"{stem}-{n}{suffix}", n + 1
    taken.add(name)
    return name


def _image_size(path: Path) -> tuple[int, int]:
    if path.suffix.lower() == ".svg":
        try:
            from svglib.svglib import svg2rlg

            drawing = svg2rlg(str(path))
            return round(drawing.width), round(drawing.height)
        except Exception:
            return 1200, 800
    from PIL import Image

    with Image.open(path) as image:
        return image.size


#: Photos wider than this are shown in a copy this wide (the full file stays linked).
WEB_WIDTH = 1400


def _copy_photo(figure, file: str, folder: Path, taken: set[str]) -> dict:
    """Copy a photo at full resolution into ``folder``; a smaller copy to show on the page."""
    name = _photo_name(file, taken)
    shutil.copyfile(figure.path, folder / name)
    width, height = _image_size(figure.path)
    info = {
        "name": name, "width": width, "height": height, "size": (folder / name).stat().st_size,
        "kind": _IMAGE_KINDS.get(Path(name).suffix, Path(name).suffix.lstrip(".").upper()),
        "usage": figure.usage, "shown": name, "shown_width": width, "shown_height": height,
    }
    if info["kind"] in ("JPEG", "PNG") and width > WEB_WIDTH:
        from PIL import Image

        shown = _photo_name(f"{Path(name).stem}-web{Path(name).suffix}", taken)
        with Image.open(figure.path) as image:
            image.load()
            icc = image.info.get("icc_profile")
            size = (WEB_WIDTH, max(1, round(height * WEB_WIDTH / width)))
            if info["kind"] == "JPEG":
                small = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
                small.save(folder / shown, "JPEG", quality=85, optimize=True, progressive=True,
                           **({"icc_profile": icc} if icc else {}))
            else:
                small = image.resize(size, Image.Resampling.LANCZOS)
                small.save(folder / shown, "PNG", optimize=True, **({"icc_profile": icc} if icc else {}))
        info.update(shown=shown, shown_width=size[0], shown_height=size[1])
    return info


def build_site(paths: Sequence[Path], out: Path, base_url: str, now: dt.datetime | None = None,
               brand_path: Path | None = None, allow_dirs: Sequence[Path] = (),
               kits: Sequence[Path] = ()) -> SiteResult:
    """Build the newsroom of the releases in ``paths`` (and the press kits ``kits``) into ``out``.

    ``now`` is the brand's local time (naive); default: the clock, in the brand's time zone.
    A release that fails is reported and left out; the others are still published. A kit is
    published only when none of its releases is under embargo."""
    from presskit.source.brand import brand_for, load_brand
    from presskit.content.build import build_content
    from presskit.jobs import build_one, expand_inputs
    from presskit.source.model import load_release

    base = _base_url(base_url)
    out = Path(out)
    sources = expand_inputs(paths)
    if not sources:
        raise UsageError(error(_("no release files found in {paths}").format(paths=", ".join(str(p) for p in paths))))
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise UsageError(error(
            _("-o {out}: the folder exists and was not written by 'presskit site'; it would be replaced").format(out=out),
            hint=_("give a new or empty folder"),
        ))

    diagnostics: list[Diagnostic] = []
    site_brand = None
    if brand_path is not None:
        site_brand = load_brand(Path(brand_path))  # a bad brand file is the user's to fix first
    loaded: list[tuple[Path, object, object]] = []
    for source in sources:
        try:
            if not source.exists():
                raise InputError(error(_("no such file"), Location.of_file(source)))
            release = load_release(source, display=str(source))
            brand = brand_for(source, brand_path)
        except InputError as exc:
            diagnostics += exc.diagnostics
            continue
        loaded.append((source, release, brand))
        if site_brand is None:
            site_brand = brand
    if site_brand is None:
        from presskit.source.brand import default_brand

        site_brand = default_brand()
    zone = ZoneInfo(site_brand.timezone)
    if now is None:
        now = dt.datetime.now(zone).replace(tzinfo=None, second=0, microsecond=0)

    entries: list[_Entry] = []
    held: list[tuple[str, dt.datetime]] = []
    slugs: dict[str, Path] = {}
    for source, release, brand in loaded:
        embargo = release.embargo
        if embargo is not None and embargo > now:
            held.append((str(source), embargo))
            continue
        slug = _slug(source)
        if slug in slugs:
            diagnostics.append(error(_("another release file has the same name ({other}); its page would be overwritten")
                                     .format(other=slugs[slug]), Location.of_file(source),
                                     hint=_("rename one of the files")))
            continue
        slugs[slug] = source
        when = embargo if embargo is not None else dt.datetime.combine(release.date, dt.time(0, 0))
        entries.append(_Entry(source, release, brand, slug, when.replace(tzinfo=ZoneInfo(brand.timezone))))

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        published: list[_Entry] = []
        for entry in entries:
            folder = tmp / entry.slug
            pdf = folder / f"{entry.slug}.pdf"
            result = build_one(entry.source, pdf, brand_path, tuple(allow_dirs))
            diagnostics += result.diagnostics
            if not result.ok:
                shutil.rmtree(folder, ignore_errors=True)
                continue
            entry.pdf_size = pdf.stat().st_size
            entry.doc = build_content(entry.release, entry.brand)
            taken = {pdf.name, "index.html"}
            for figure in entry.doc.releases()[0].figures:
                if figure.file in entry.photos:
                    continue
                entry.photos[figure.file] = _copy_photo(figure, figure.file, folder, taken)
            published.append(entry)
        published.sort(key=lambda e: (e.published, e.release.date, e.release.number or "", e.slug), reverse=True)
        kit_pages = _kits(tmp, kits, published, now, brand_path, allow_dirs, diagnostics, held)
        _write_site(tmp, published, site_brand, base, kit_pages)
        (tmp / MARKER).write_text("written by presskit site; this folder is replaced on every run\n", encoding="utf-8")
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteResult(out, tuple(e.slug for e in published), tuple(held), tuple(diagnostics))


def _swap(tmp: Path, out: Path) -> None:
    """Put the finished ``tmp`` where ``out`` is: two renames, the old site removed after."""
    for path in sorted(tmp.rglob("*")):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    os.chmod(tmp, 0o755)
    if not out.exists():
        os.replace(tmp, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    os.rmdir(old)
    os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


# -- writing the pages -------------------------------------------------------------------
def _site_info(brand, base: str) -> dict:
    from presskit.content.labels import labels_for

    labels = labels_for(brand.lang)
    address = []
    if brand.address.room:
        address.append(f"{brand.address.street}, {brand.address.room}")
    else:
        address.append(brand.address.street)
    address.append(f"{brand.address.postcode} {brand.address.city}")
    website = brand.website
    website_url = None
    if website:
        website_url = website if re.match(r"(?i)^https?://", website) else "https://" + website
    from presskit.web.words import words_for

    words = words_for(brand.lang)
    return {
        "organisation": brand.organisation,
        "units": list(brand.units),
        "address": address,
        "phone": brand.phone,
        "phone_label": labels.phone,
        "email": brand.email,
        "email_label": labels.email,
        "website": website,
        "website_url": website_url,
        "feed_title": f"{words.newsroom} – {brand.organisation}",
        "lang": brand.lang,
        "logo": None,
        "base": base,
    }


# What the pages' fonts keep besides the characters the pages actually show: German,
# English and the neighbouring Latin languages, and the typography presskit's smartening
# produces („“‚‘’–—…·, no-break and thin spaces), the currency signs (€), letterlike
# symbols (©, ™, №), arrows and the minus sign.
WEB_FONT_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (×, ©, «», ·, no-break space)
    (0x0100, 0x017F),  # Latin Extended-A
    (0x1E9E, 0x1E9E),  # capital sharp s ẞ
    (0x2000, 0x206F),  # General Punctuation (dashes, quotes, …, thin spaces)
    (0x20A0, 0x20CF),  # Currency Symbols (€)
    (0x2100, 0x214F),  # Letterlike Symbols
    (0x2190, 0x21FF),  # Arrows
    (0x2212, 0x2212),  # minus sign
)

_FACES = (("regular", 400, "normal"), ("bold", 700, "normal"),
          ("italic", 400, "italic"), ("bold_italic", 700, "italic"))


#: The fallback family's one face (every weight and style): see _write_fonts.
FALLBACK_FACE = {"file": "fallback.woff2", "format": "woff2", "weight": "100 900", "style": "normal"}


def _fonts(brand) -> list[dict]:
    """The @font-face entries: each of the brand's four faces as a WOFF2 file."""
    return [{"file": f"{name.replace('_', '-')}.woff2", "format": "woff2", "weight": weight, "style": style}
            for name, weight, style in _FACES]


def _page_characters(tmp: Path) -> set[int]:
    """Every character in the text of the pages written so far (tags and attributes included:
    a few more glyphs cost little, a missing one shows the fallback font)."""
    import html as html_module

    chars: set[int] = set()
    for page in tmp.rglob("*.html"):
        chars.update(ord(c) for c in html_module.unescape(page.read_text(encoding="utf-8")))
    return chars


def _write_fonts(brand, assets: Path, characters: set[int]) -> None:
    """Subset each face to WEB_FONT_RANGES and the pages' characters, without hinting,
    with the name records (licence included), as WOFF2; and, as the PDFs do, the bundled
    Noto Sans Math (FALLBACK_FILE) for what the brand's faces lack (arrows, say) as
    fallback.woff2. Same input, same bytes: head.modified is kept from the source font
    (no timestamp is written)."""
    from fontTools.ttLib import TTFont

    from presskit.pdf.fonts import FALLBACK_FILE, unusable_font
    from presskit.resources import fonts_dir

    unicodes = set(characters)
    for first, last in WEB_FONT_RANGES:
        unicodes.update(range(first, last + 1))
    unicodes = {u for u in unicodes if u >= 0x20}
    folder = assets / "fonts"
    folder.mkdir(parents=True, exist_ok=True)
    lacking: set[int] = set()  # what one of the faces or another has no glyph for
    for face, (name, _weight, _style) in zip(_fonts(brand), _FACES):
        path = Path(getattr(brand.fonts, name))
        try:
            font = TTFont(path, recalcTimestamp=False)
            lacking |= unicodes - set(font.getBestCmap())
            _subset(font, unicodes, folder / face["file"])
        except Exception:  # TTLibError, struct.error, KeyError, ... for damaged files
            source = getattr(brand, "source", None)
            raise unusable_font(path, source.location(("fonts", name)) if source is not None else None) from None
    license_file = path.parent / "OFL.txt"
    if license_file.is_file():
        shutil.copyfile(license_file, folder / "OFL.txt")
    _subset(TTFont(fonts_dir() / FALLBACK_FILE, recalcTimestamp=False), lacking, folder / FALLBACK_FACE["file"])
    if not license_file.is_file():  # a brand's fonts without one: still the fallback's licence
        shutil.copyfile(fonts_dir() / "OFL.txt", folder / "OFL.txt")


def _subset(font, unicodes: set[int], target: Path) -> None:
    from fontTools import subset

    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(target, reorderTables=False)
    font.close()


def _description(section) -> str:
    from presskit.web.html import plain

    if section.lead is not None:
        return plain(section.lead.content)
    if section.subtitle is not None:
        return plain(section.subtitle.content)
    for block in section.body.blocks:
        if hasattr(block, "content") and type(block).__name__ == "Paragraph":
            return plain(block.content)
    return ""


@dataclass
class _Kit:
    slug: str
    doc: object
    brand: object
    releases: list            # per release section: ((page folder, pdf name, pdf size) or None, language)
    photos: dict


def _kits(tmp: Path, paths: Sequence[Path], published: list[_Entry], now: dt.datetime, brand_path,
          allow_dirs, diagnostics: list, held: list) -> list[_Kit]:
    """Load each kit; keep those whose releases are all out of embargo and copy their photos."""
    if not paths:
        return []
    from presskit.source.brand import brand_for
    from presskit.content.build import build_kit_content
    from presskit.content.kit import load_kit

    pages = {entry.source.resolve(): entry for entry in published}
    out: list[_Kit] = []
    taken: set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            if not path.is_file():
                raise InputError(error(_("no such file"), Location.of_file(path)))
            loaded = load_kit(path, str(path), tuple(allow_dirs))
            brand = brand_for(path, brand_path)
        except InputError as exc:
            diagnostics += exc.diagnostics
            continue
        embargoes = [r.embargo for r in loaded.releases if r.embargo is not None and r.embargo > now]
        if embargoes:
            held.append((str(path), max(embargoes)))
            continue
        slug = _slug(path)
        if slug in taken:
            diagnostics.append(error(_("another kit file has the same name; its page would be overwritten"),
                                     Location.of_file(path), hint=_("rename one of the files")))
            continue
        taken.add(slug)
        doc = build_kit_content(loaded, brand)
        releases = []
        for release, release_path in zip(loaded.releases, loaded.release_paths):
            entry = pages.get(Path(release_path).resolve())
            page = (entry.slug, f"{entry.slug}.pdf", entry.pdf_size) if entry is not None else None
            releases.append((page, release.lang or brand.lang))
        folder = tmp / "kits" / slug
        folder.mkdir(parents=True, exist_ok=True)
        photos: dict = {}
        names: set[str] = {"index.html"}
        for section in doc.sections:
            for figure in getattr(section, "figures", ()) if type(section).__name__ == "PhotoSection" else ():
                photos[figure.file] = _copy_photo(figure, figure.archive_name or figure.file, folder, names)
        out.append(_Kit(slug, doc, brand, releases, photos))
    return out


def _photo_views(photos: dict, words) -> dict:
    return {
        file: {
            "href": info["name"], "width": info["width"], "height": info["height"],
            "src": info["shown"], "shown_width": info["shown_width"], "shown_height": info["shown_height"],
            "size": words.size(info["size"]), "kind": info["kind"],
            "pixels": words.px.format(w=info["width"], h=info["height"]),
            "usage": info["usage"] or words.default_usage,
        }
        for file, info in photos.items()
    }


def _write_kits(env, tmp: Path, kits: list[_Kit], site: dict, base: str) -> list[dict]:
    from presskit.web.html import plain
    from presskit.web.words import words_for

    teasers = []
    for kit in kits:
        doc = kit.doc
        words = words_for(doc.lang)
        cover = doc.sections[0]
        url = f"{base}kits/{quote(kit.slug)}/"
        release_views = []
        for section, (page, lang) in zip(doc.releases(), kit.releases):
            view = {"title": section.heading_text, "lead": _description(section),
                    "dateline": plain(section.head.dateline), "date_iso": section.head.date.isoformat(),
                    "number": plain(section.head.number) if section.head.number else None,
                    "lang": lang, "href": None, "pdf": None}
            if page is not None:
                slug, pdf_name, pdf_size = page
                view["href"] = f"../../{quote(slug)}/"
                view["pdf"] = f"../../{quote(slug)}/{quote(pdf_name)}"
                view["pdf_label"] = f"{words.pdf} (PDF, {words.size(pdf_size)})"
            release_views.append(view)
        html = env.get_template("kit.html").render(
            lang=doc.lang, title=f"{doc.meta.title} – {site['organisation']}", description=doc.meta.subject,
            canonical=url, root="../../", site=site, w=words, doc=doc, cover=cover, is_index=False,
            releases=release_views, photos=_photo_views(kit.photos, words),
        )
        (tmp / "kits" / kit.slug / "index.html").write_text(html, encoding="utf-8")
        teasers.append({"href": f"kits/{quote(kit.slug)}/", "title": doc.meta.title, "lang": doc.lang,
                        "date_iso": cover.date.isoformat(), "dateline": plain(cover.dateline),
                        "count": len(release_views)})
    return teasers


def _write_site(tmp: Path, entries: list[_Entry], brand, base: str, kits: list[_Kit] = ()) -> None:
    from presskit.web.feeds import FeedInfo, FeedItem, atom, rss
    from presskit.web.html import environment, plain
    from presskit.web.words import words_for

    env = environment()
    site = _site_info(brand, base)
    assets = tmp / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    faces = _fonts(brand)
    if brand.logo is not None:
        logo = Path(brand.logo.file)
        name = "logo" + logo.suffix.lower()
        shutil.copyfile(logo, assets / name)
        site["logo"] = {"file": name, "alt": brand.logo.alt}
    from presskit.web.colours import web_colours

    colours = web_colours(**{name: getattr(brand.colours, name).rgb
                             for name in ("primary", "accent", "text", "muted", "shade")})
    css = env.get_template("site.css").render(fonts=faces, family="presskit brand", fallback=FALLBACK_FACE,
                                             fallback_family="presskit fallback", colours=colours)
    (assets / "site.css").write_text(css, encoding="utf-8")

    feed_items: list[FeedItem] = []
    teasers: list[dict] = []
    for entry in entries:
        doc = entry.doc
        section = doc.releases()[0]
        words = words_for(doc.lang)
        url = base + quote(entry.slug) + "/"
        pdf_name = f"{entry.slug}.pdf"
        description = _description(section)
        photos = _photo_views(entry.photos, words)
        og_images = []
        for figure in section.figures:
            info = entry.photos[figure.file]
            if info["kind"] in ("JPEG", "PNG"):
                og_images.append({"url": url + quote(info["shown"]), "width": info["shown_width"],
                                  "height": info["shown_height"], "alt": figure.alt})
        published_iso = entry.published.isoformat()
        jsonld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": doc.meta.title,
            "description": description,
            "inLanguage": doc.lang,
            "datePublished": published_iso,
            "mainEntityOfPage": url,
            "url": url,
            "author": {"@type": "GovernmentOrganization", "name": site["organisation"]},
            "publisher": {"@type": "GovernmentOrganization", "name": site["organisation"]},
            "keywords": list(doc.meta.keywords),
            "associatedMedia": {"@type": "MediaObject", "contentUrl": url + quote(pdf_name),
                                "encodingFormat": "application/pdf"},
        }
        if section.head.number is not None:
            jsonld["identifier"] = plain(section.head.number)
        if og_images:
            jsonld["image"] = [image["url"] for image in og_images]
        if section.head.place:
            jsonld["dateline"] = plain(section.head.dateline)
        html = env.get_template("release.html").render(
            lang=doc.lang, title=f"{doc.meta.title} – {site['organisation']}", description=description,
            canonical=url, root="../", site=site, w=words, doc=doc, r=section, is_index=False,
            pdf={"href": pdf_name, "size": words.size(entry.pdf_size)}, photos=photos, og_images=og_images,
            published_iso=published_iso, jsonld=jsonld,
        )
        (tmp / entry.slug / "index.html").write_text(html, encoding="utf-8")
        feed_items.append(FeedItem(
            title=doc.meta.title, url=url, published=entry.published, description=description,
            categories=tuple(doc.meta.keywords), pdf_url=url + quote(pdf_name), pdf_length=entry.pdf_size,
            lang=doc.lang,
        ))
        teasers.append({
            "year": section.head.date.year, "lang": doc.lang, "href": f"{quote(entry.slug)}/",
            "title": doc.meta.title, "date_iso": section.head.date.isoformat(),
            "dateline": plain(section.head.dateline),
            "number": plain(section.head.number) if section.head.number else None,
            "lead": description, "pdf": f"{quote(entry.slug)}/{quote(pdf_name)}",
            "pdf_label": f"{words.pdf} (PDF, {words.size(entry.pdf_size)})",
        })

    kit_teasers = _write_kits(env, tmp, list(kits), site, base)
    words = words_for(brand.lang)
    years: list[dict] = []
    for teaser in teasers:
        if not years or years[-1]["year"] != teaser["year"]:
            years.append({"year": teaser["year"], "releases": []})
        years[-1]["releases"].append(teaser)
    index = env.get_template("index.html").render(
        lang=brand.lang, title=site["feed_title"], heading=words.newsroom,
        description=f"{words.newsroom} – {site['organisation']}", canonical=base, root="", site=site,
        w=words, years=years, kits=kit_teasers, is_index=True,
    )
    (tmp / "index.html").write_text(index, encoding="utf-8")
    info = FeedInfo(title=site["feed_title"], description=f"{words.newsroom} – {site['organisation']}",
                    home=base, rss_url=base + "feed.rss", atom_url=base + "feed.atom", lang=brand.lang,
                    author=site["organisation"], email=brand.email)
    (tmp / "feed.rss").write_bytes(rss(info, feed_items))
    (tmp / "feed.atom").write_bytes(atom(info, feed_items))
    _write_fonts(brand, assets, _page_characters(tmp))
