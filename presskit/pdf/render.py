"""A validated release and its brand → the bytes of a finished PDF.

Stages: theme (fonts, colours, geometry, hyphenation) → story → pages → PDF
(→ tagging and metadata in the post-processing step).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from presskit.content.document import Metadata
from presskit.source.brand import Brand
from presskit.content.labels import labels_for
from presskit.source.model import Release


def document_info(release: Release, brand: Brand) -> Metadata:
    """What the PDF's metadata says about ``release`` (the content document's metadata)."""
    from presskit.content.build import build_metadata

    return build_metadata(release, brand)


def _brand_location(brand: Brand, path: tuple):
    source = getattr(brand, "source", None)
    return source.location(path) if source is not None else None


def make_theme(brand: Brand, lang: str):
    from presskit.pdf.fonts import FALLBACK_FILE, register_family, with_fallback
    from presskit.resources import fonts_dir
    from presskit.pdf.styles import Theme, make_geometry, make_palette
    from presskit.typography.hyphenate import hyphenator

    fonts = brand.fonts
    family = register_family(
        {"regular": fonts.regular, "bold": fonts.bold, "italic": fonts.italic, "bold_italic": fonts.bold_italic},
        display_name=Path(fonts.regular).stem.replace("-Regular", ""),
        locations={face: _brand_location(brand, ("fonts", face)) for face in ("regular", "bold", "italic", "bold_italic")},
    )
    family = with_fallback(family, fonts_dir() / FALLBACK_FILE)
    return Theme(
        fonts=family,
        palette=make_palette(brand.colours),
        geometry=make_geometry(brand.page),
        hyphenator=hyphenator(lang),
    )


def load_brand_logo(brand: Brand, theme):
    from presskit.pdf.logo import load_logo

    if brand.logo is None:
        return None
    source = getattr(brand, "source", None)
    location = source.location(("logo", "file")) if source is not None else None
    return load_logo(Path(brand.logo.file), location, theme.geometry.logo_size)


#: The language tag written to the PDF (/Lang, dc:language) for a release language.
PDF_LANGUAGE = {"de": "de-DE", "en": "en-GB"}


def render_pdf(release: Release, brand: Brand, allowed_dirs: Sequence[Path] = ()) -> bytes:
    """Lay out ``release`` on ``brand``'s letterhead; returns the finished, tagged PDF."""
    return render(release, brand, allowed_dirs).pdf


def render(release: Release, brand: Brand, allowed_dirs: Sequence[Path] = ()):
    """Like :func:`render_pdf`, returning the tagging stage's :class:`~presskit.pdf.tagging.postprocess.Result`
    (the PDF plus anything its safety net had to repair, which should be nothing)."""
    from presskit.content.build import build_content
    from presskit.pdf.pages import furniture_for
    from presskit.pdf.sections import PdfSection
    from presskit.pdf.story import story_from_content

    content = build_content(release, brand)
    (section,) = content.releases()
    info = content.meta
    labels = labels_for(info.lang)
    theme = make_theme(brand, info.lang)
    logo = load_brand_logo(brand, theme)
    story = story_from_content(content, brand, theme, _allowed(section.base_dir, brand, allowed_dirs))
    furniture = furniture_for(brand, labels, section.running_title, section.running_dateline, section.running_embargo)
    # The one-section case: the release's elements are the Document's own, no outline.
    pdf_section = PdfSection(story.flowables, (furniture.header_left, furniture.header_right), node=None, new_page=False)
    pdf, tagger = layout_sections([pdf_section], story.root, theme, furniture, logo, story.logo_node, info,
                                  problems=story.layout_problems)
    return finish_document(pdf, tagger, info)


def layout_sections(sections, root, theme, furniture, logo, logo_node, info: Metadata, outline=None,
                    problems=None):
    """Lay out ``sections`` (see :mod:`presskit.pdf.sections`) on the letterhead: the PDF as ReportLab
    wrote it and the tagger that recorded its marked content (for :func:`finish_document`).
    With an ``outline``, the headings it wants become bookmarks. ``problems`` is where the
    stories put the located error of a part taller than a page (raised as a RenderError)."""
    from reportlab import rl_config

    from presskit.errors import RenderError
    from presskit.pdf.flowables import TooTall
    from presskit.pdf.pages import PressDocTemplate, build_document
    from presskit.pdf.sections import compose
    from presskit.pdf.tagging.tagger import Tagger

    from dataclasses import replace

    # the first section's running header (later sections switch it, see presskit.pdf.sections)
    furniture = replace(furniture, header_left=sections[0].header[0], header_right=sections[0].header[1])
    buffer = io.BytesIO()
    doc = PressDocTemplate(
        buffer, theme, furniture, logo, logo_node,
        title=info.title, author=info.author, subject=info.subject,
        keywords=", ".join(info.keywords), creator="presskit", producer="presskit",
        lang=PDF_LANGUAGE.get(info.lang, info.lang),
    )
    tagger = Tagger(root)

    def attach(canv):
        tagger.attach(canv)
        if outline is not None:
            outline.attach(canv)

    # Binary streams as they are: ASCII85 would make every photo a quarter larger.
    # Set for this document only (the logo's inline images need ASCII85, see logo.py).
    previous_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        build_document(doc, compose(sections, root), on_canvas=attach)
    except TooTall:  # a part that never splits is taller than a page: its located error
        raise RenderError(list(problems or ())[:1]) from None
    finally:
        rl_config.useA85 = previous_a85
    return buffer.getvalue(), tagger


def finish_document(pdf: bytes, tagger, info: Metadata):
    """Structure tree, metadata and PDF/A identification for a laid-out document."""
    from presskit.pdf.tagging.xmp import DocumentMeta
    from presskit.pdf.tagging.postprocess import finish_with_report

    meta = DocumentMeta(
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        lang=PDF_LANGUAGE.get(info.lang, info.lang),
        created=info.created,
    )
    return finish_with_report(pdf, tagger, meta)


def check_release(release: Release, brand: Brand, allowed_dirs: Sequence[Path] = ()) -> None:
    """Everything ``render_pdf`` checks (images, logo, fonts, glyphs) without laying out pages."""
    from presskit.content.build import build_content
    from presskit.pdf.story import story_from_content

    content = build_content(release, brand)
    (section,) = content.releases()
    theme = make_theme(brand, content.lang)
    load_brand_logo(brand, theme)
    story_from_content(content, brand, theme, _allowed(section.base_dir, brand, allowed_dirs))


def overlong_headline_words(release: Release, brand: Brand) -> list[str]:
    """The headline's words wider than its line on ``brand``'s pages (they get hyphenated)."""
    from presskit.pdf.flowables import TextParagraph
    from presskit.typography.markup import to_markup
    from presskit.typography.parse import parse_inline

    lang = release.lang or brand.lang
    theme = make_theme(brand, lang)
    headline = TextParagraph(to_markup(parse_inline(release.title, lang)), theme.style("title"))
    return headline.paragraph_text().overlong_words(theme.geometry.frame_width)


def _allowed(base_dir: Path | None, brand: Brand, allowed_dirs: Sequence[Path]) -> list[Path]:
    dirs = list(allowed_dirs)
    if base_dir is not None:
        dirs.append(base_dir)
    dirs.append(brand.base_dir)
    return dirs
