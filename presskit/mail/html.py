"""The content document as a simple HTML page for the e-mail's text/html part.

One column, system fonts, readable on a phone; no remote images, no scripts, no
tracking; every text goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from presskit.content import document as c
from presskit.typography.blocks import Inline

__all__ = ["render_html"]

_STYLE = (
    "body{margin:0;padding:16px;font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;"
    "font-size:16px;line-height:1.5;color:#1d1d1b;background:#fff}"
    "main{max-width:40em;margin:0 auto}h1{font-size:1.5em;line-height:1.25}h2{font-size:1.15em}"
    "h3{font-size:1em}blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #7a9a2e}"
    ".label{text-transform:uppercase;letter-spacing:.08em;font-weight:bold}"
    ".subtitle{font-size:1.15em;line-height:1.35}.embargo{font-weight:bold;color:#a00}.muted{color:#5f6b73}a{color:#1b5e7e;word-break:break-word}"
)


def _inline(inline: Inline | None) -> str:
    out: list[str] = []
    for span in inline or ():
        text = escape(span.text.replace("\u00ad", ""))
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.italic:
            text = f"<em>{text}</em>"
        if span.href:
            text = f'<a href="{escape(span.href, quote=True)}">{text}</a>'
        out.append(text)
    return "".join(out)


def _blocks(blocks: tuple[c.Block, ...], top: int = 1) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, c.Heading):
            level = min(6, block.level + top - 1)
            out.append(f"<h{level}>{_inline(block.content)}</h{level}>")
        elif isinstance(block, c.Paragraph):
            out.append(f"<p>{_inline(block.content)}</p>")
        elif isinstance(block, c.ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{_blocks(item, top)}</li>" for item in block.items)
            out.append(f"<{tag}{start}>{items}</{tag}>")
        elif isinstance(block, c.Quote):
            paragraphs = "".join(f"<p>{_inline(p)}</p>" for p in block.paragraphs)
            if block.attribution:
                paragraphs += f"<p>— {_inline(block.attribution)}</p>"
            out.append(f"<blockquote>{paragraphs}</blockquote>")
    return "\n".join(out)


def _part(part: c.Part) -> str:
    if isinstance(part, c.Head):
        lines = [f'<p class="label">{_inline(part.label)}</p>']
        if part.number:
            lines.append(f'<p class="muted">{_inline(part.number)}</p>')
        lines.append(f'<p class="muted">{_inline(part.dateline)}</p>')
        return "\n".join(lines)
    if isinstance(part, c.Embargo):
        return f'<p class="embargo">{_inline(part.text)}</p>'
    if isinstance(part, c.Headline):
        return f"<h1>{_inline(part.content)}</h1>"
    if isinstance(part, c.Subtitle):
        return f'<p class="subtitle">{_inline(part.content)}</p>'
    if isinstance(part, c.Lead):
        return f"<p><strong>{_inline(part.content)}</strong></p>"
    if isinstance(part, c.Closing):
        return f"<p>{_inline(part.content)}</p>"
    if isinstance(part, c.Body):
        return _blocks(part.blocks)
    if isinstance(part, c.FactsBox):
        rows = "".join(f"<li><strong>{_inline(r.label)}:</strong> {_inline(r.value)}</li>" for r in part.rows)
        rows += "".join(f"<li>{_inline(b.text)}</li>" for b in part.bullets)
        return f"<h2>{_inline(part.title)}</h2>\n<ul>{rows}</ul>"
    if isinstance(part, c.Figure):
        texts = [_inline(part.caption), _inline(part.credit), escape(part.usage or "")]
        return '<p class="muted">' + "<br>".join(t for t in texts if t) + "</p>"
    if isinstance(part, c.Links):
        items = []
        for link in part.items:
            url = escape(link.url, quote=True)
            shown = escape(link.url)
            text = escape(link.text)
            items.append(f'<li><a href="{url}">{shown}</a></li>' if link.text == link.url
                         else f'<li>{text}: <a href="{url}">{shown}</a></li>')
        return f"<h2>{_inline(part.title)}</h2>\n<ul>{''.join(items)}</ul>"
    if isinstance(part, c.ContactBlock):
        people = []
        for person in part.people:
            lines = [_inline(x) for x in (person.name, person.role, person.phone_line, person.email_line) if x]
            people.append("<p>" + "<br>".join(lines) + "</p>")
        return f"<h2>{_inline(part.title)}</h2>\n" + "\n".join(people)
    if isinstance(part, c.About):
        return f"<h2>{_inline(part.title)}</h2>\n" + _blocks(part.blocks, 2)
    raise TypeError(f"no HTML form for {type(part).__name__}")


def _section(section: c.Section) -> str:
    if isinstance(section, c.ReleaseSection):
        return "\n".join(_part(part) for part in section.parts)
    if isinstance(section, c.CoverSection):
        return "\n".join([f'<p class="label">{_inline(section.label)}</p>', f"<h1>{_inline(section.title)}</h1>",
                          f'<p class="muted">{_inline(section.dateline)}</p>', _blocks(section.blocks)])
    if isinstance(section, c.DocumentSection):
        out = [f"<h1>{_inline(section.title)}</h1>", _blocks(section.blocks, 1)]
        if section.facts is not None:
            out.append(_part(section.facts))
        return "\n".join(out)
    if isinstance(section, c.PhotoSection):
        out = [f"<h1>{_inline(section.title)}</h1>"]
        for figure in section.figures:
            if figure.archive_name:
                out.append(f"<p><strong>{escape(figure.archive_name)}</strong></p>")
            out.append(_part(figure))
        return "\n".join(out)
    if isinstance(section, c.ContactSection):
        return _part(section.contact)
    raise TypeError(f"no HTML form for {type(section).__name__}")


def render_html(document: c.ContentDocument, embargo: str | None = None, salutation: str | None = None,
                after: str = "") -> str:
    """The document as a complete HTML page, opened by the embargo and the greeting (plain
    text, escaped here); ``after`` is HTML made by :func:`photos_html`."""
    head = f'<p class="embargo">{escape(embargo)}</p>\n' if embargo else ""
    head += f"<p>{escape(salutation)}</p>\n" if salutation else ""
    tail = after
    body = "\n<hr>\n".join(_section(section) for section in document.sections)
    title = escape(document.meta.title)
    return (f'<!DOCTYPE html>\n<html lang="{escape(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n{head}{body}\n{tail}</main>\n</body>\n</html>\n")


def photos_html(title: str, entries: list[tuple[str, str | None, str]]) -> str:
    """The photo list: (name, download URL or None, caption and credit) each."""
    items = []
    for name, url, note in entries:
        head = f'<a href="{escape(url, quote=True)}">{escape(url)}</a>' if url else f"<strong>{escape(name)}</strong>"
        items.append(f"<li>{head}<br>{escape(note)}</li>" if note else f"<li>{head}</li>")
    return f"<h2>{escape(title)}</h2>\n<ul>{''.join(items)}</ul>\n"
