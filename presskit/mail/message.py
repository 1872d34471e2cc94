"""One e-mail of a release: headers, the text and HTML renderings of its content, the PDF
and the photos. Built with :class:`email.message.EmailMessage` and the default policy."""

from __future__ import annotations

import datetime as dt
import hashlib
import textwrap
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cached_property
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY, default as DEFAULT_POLICY
from email.utils import format_datetime, formataddr
from html import escape
from typing import Callable, Sequence
from urllib.parse import quote

from presskit.content.plaintext import WIDTH, render_text
from presskit.errors import InputError, Location, error
from presskit.i18n import _
from presskit.content.labels import labels_for
from presskit.mail.html import photos_html, render_html
from presskit.mail.photos import attachment_name, mail_photo
from presskit.mail.recipients import Addressee
from presskit.mail.source import MailSource

__all__ = ["MAX_BYTES", "Outgoing", "subject_for", "embargo_opening", "build_message", "check_embargo", "MailParts", "prepare"]

#: Above this size a message is likely to be refused or to clog a newsroom's inbox.
MAX_BYTES = 10 * 1024 * 1024

_WORDS = {
    "de": {"release": "Pressemitteilung", "kit": "Pressemappe", "embargo": "SPERRFRIST {when}",
           "photos": "Fotos im Anhang", "photo_links": "Fotos zum Herunterladen", "pdf": "Im Anhang: {name}"},
    "en": {"release": "Press release", "kit": "Press kit", "embargo": "EMBARGOED UNTIL {when}",
           "photos": "Photos attached", "photo_links": "Photos to download", "pdf": "Attached: {name}"},
}


def _is_kit(source: MailSource) -> bool:
    from presskit.content import document as c

    return any(isinstance(section, c.CoverSection) for section in source.document.sections)


def embargo_opening(source: MailSource) -> str | None:
    """``SPERRFRIST 03.12.2026, 10:00 Uhr`` (ordinary spaces, so it reads and matches in any client)."""
    if source.embargo is None:
        return None
    labels = labels_for(source.lang)
    when = labels.embargo_time.format(date=labels.date(source.embargo.date()), time=labels.time(source.embargo))
    return _WORDS[source.lang]["embargo"].format(when=when).replace("\u00a0", " ")


def subject_for(source: MailSource) -> str:
    words = _WORDS[source.lang]
    subject = f"{words['kit' if _is_kit(source) else 'release']}: {source.title}"
    opening = embargo_opening(source)
    return f"{opening} – {subject}" if opening else subject


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [""]


@dataclass(frozen=True)
class MailParts:
    """What every message of a release shares: built once."""

    source: MailSource
    subject: str
    text: str                        # the content document's plain-text rendering
    photos: tuple[tuple[str, bytes], ...]   # (attachment name, JPEG) unless linked
    photo_entries: tuple[tuple[str, str | None, str], ...]   # (name, URL or None, caption · credit)


def prepare(source: MailSource, photo_links: str | None = None) -> MailParts:
    from presskit.content import document as c

    entries = []
    photos = []
    for figure in source.figures:
        name = attachment_name(figure) if photo_links is None else figure.path.name
        url = None if photo_links is None else photo_links.rstrip("/") + "/" + quote(figure.path.name)
        note = " · ".join(t for t in (c.inline_text(figure.caption), c.inline_text(figure.credit)) if t)
        entries.append((name, url, note.replace("\u00ad", "")))
        if photo_links is None:
            photos.append((name, mail_photo(figure, source.lang)))
    return MailParts(source, subject_for(source), render_text(source.document), tuple(photos), tuple(entries))


def _domain(address: str | None) -> str:
    return address.rsplit("@", 1)[1].lower() if address and "@" in address else "presskit.invalid"


def message_id(parts: MailParts, recipient: str) -> str:
    """The same release (same PDF) to the same address always gets the same Message-ID."""
    digest = hashlib.sha256()
    digest.update(parts.source.path.name.encode() + b"\0" + hashlib.sha256(parts.source.pdf).digest())
    digest.update(b"\0" + recipient.casefold().encode())
    return f"<{digest.hexdigest()[:24]}.presskit@{_domain(parts.source.brand.email)}>"


def _text_body(parts: MailParts, lang: str, salutation: str | None) -> str:
    words = _WORDS[lang]
    lines: list[str] = []
    opening = embargo_opening(parts.source)
    if opening:
        lines += _wrap(opening) + [""]
    if salutation:
        lines += _wrap(salutation) + [""]
    text = parts.text.rstrip("\n") + "\n"
    tail: list[str] = []
    if parts.photo_entries:
        title = words["photos" if parts.photos else "photo_links"]
        tail += ["", "-" * WIDTH, "", title, "-" * len(title)]
        for name, url, note in parts.photo_entries:
            tail += _wrap(url or name, "- ", "  ")
            if note:
                tail += _wrap(note, "  ", "  ")
    tail += [""] + _wrap(words["pdf"].format(name=parts.source.pdf_name))
    return "".join(line + "\n" for line in lines) + text + "\n".join(tail) + "\n"


def _html_body(parts: MailParts, lang: str, salutation: str | None) -> str:
    words = _WORDS[lang]
    after = ""
    if parts.photo_entries:
        after = photos_html(words["photos" if parts.photos else "photo_links"], list(parts.photo_entries))
    after += f"<p>{escape(words['pdf'].format(name=parts.source.pdf_name))}</p>\n"
    return render_html(parts.source.document, embargo_opening(parts.source), salutation, after)


@dataclass(frozen=True)
class Outgoing:
    """One message and the addresses it goes to (one, or the list in Bcc).

    The message itself is made when first asked for and can be let go with
    :meth:`release`: a list of a thousand recipients does not hold a thousand
    copies of the attachments."""

    make: Callable[[], EmailMessage] = field(repr=False, compare=False)
    envelope: tuple[Addressee, ...]
    message_id: str
    key: str                         # what names it in drafts and the journal

    @cached_property
    def message(self) -> EmailMessage:
        return self.make()

    def release(self) -> None:
        self.__dict__.pop("message", None)

    def data(self, with_bcc: bool = False) -> bytes:
        """The message as it goes over the wire (never with its Bcc header) or into a draft."""
        if with_bcc:  # a draft file: the platform's line ends
            return self.message.as_bytes(policy=DEFAULT_POLICY)
        copy = self.message
        if "Bcc" in copy:
            copy = deepcopy(self.message)
            del copy["Bcc"]
        return copy.as_bytes(policy=SMTP_POLICY)  # CRLF line ends, as SMTP needs


def _press_address(source: MailSource) -> tuple[str, str]:
    brand = source.brand
    if not brand.email:
        where = brand.source.location(()) if brand.source is not None else None
        raise InputError(error(_("the brand has no press e-mail address to send from"), where or Location("brand"),
                               _("add 'email: pressestelle@example.org' to the brand file")))
    return brand.organisation, brand.email


def build_message(parts: MailParts, date: dt.datetime, to: Addressee | None = None,
                  bcc: Sequence[Addressee] = (), draft: bool = False) -> Outgoing:
    """The message to ``to`` (or to the press office itself with ``bcc``; or, for a draft
    without a list, to nobody yet)."""
    _press_address(parts.source)
    key = to.email if to is not None else "bcc" if bcc else "draft"
    envelope = (to,) if to is not None else tuple(bcc)
    return Outgoing(lambda: _make(parts, date, to, bcc, draft, key), envelope, message_id(parts, key), key)


def _make(parts: MailParts, date: dt.datetime, to: Addressee | None, bcc: Sequence[Addressee], draft: bool,
          key: str) -> EmailMessage:
    source = parts.source
    name, address = _press_address(source)
    lang = (to.language if to is not None and to.language else source.lang)
    msg = EmailMessage(policy=DEFAULT_POLICY)
    msg["From"] = formataddr((name, address))
    if to is not None:
        msg["To"] = formataddr((to.name, to.email))
    elif bcc:
        msg["To"] = formataddr((name, address))
    if bcc:
        msg["Bcc"] = ", ".join(formataddr((b.name, b.email)) for b in bcc)
    if source.reply_to is not None:
        msg["Reply-To"] = formataddr(source.reply_to)
    msg["Subject"] = parts.subject
    msg["Date"] = format_datetime(date)
    mid = message_id(parts, key)
    msg["Message-ID"] = mid
    if source.embargo is not None:
        msg["X-Embargo"] = source.embargo.isoformat(timespec="minutes")
    if draft:
        msg["X-Unsent"] = "1"
    salutation = to.salutation if to is not None else None
    msg.set_content(_text_body(parts, lang, salutation), subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(_html_body(parts, lang, salutation), subtype="html", charset="utf-8", cte="quoted-printable")
    msg.add_attachment(source.pdf, maintype="application", subtype="pdf", filename=source.pdf_name)
    for photo_name, data in parts.photos:
        msg.add_attachment(data, maintype="image", subtype="jpeg", filename=photo_name)
    msg["Content-Language"] = source.lang  # after the parts: set_content() drops Content-* headers
    return msg


def check_embargo(outgoing: Outgoing, source: MailSource) -> None:
    """Refuse to send an embargoed release whose subject or body does not carry the embargo."""
    opening = embargo_opening(source)
    if opening is None:
        return
    body = outgoing.message.get_body(("plain",))
    text = body.get_content() if body is not None else ""
    if not str(outgoing.message["Subject"]).startswith(opening) or not text.lstrip().startswith(opening):
        raise InputError(error(_("refusing to send: the embargo is missing from the subject or the body"),
                               Location.of_file(source.path)))
