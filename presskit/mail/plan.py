"""What one ``presskit mail`` run makes: the messages, drafts written, the dry-run listing."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path
from typing import Sequence

from presskit.errors import InputError, Location, error, warning
from presskit.i18n import _
from presskit.mail.message import MAX_BYTES, MailParts, Outgoing, build_message
from presskit.mail.recipients import LoadedList

__all__ = ["plan_messages", "write_drafts", "dry_run_lines", "size_warnings"]


def plan_messages(parts: MailParts, date: dt.datetime, recipients: LoadedList | None, bcc: bool,
                  draft: bool) -> list[Outgoing]:
    if recipients is None:
        return [build_message(parts, date, draft=draft)]
    if bcc:
        return [build_message(parts, date, bcc=recipients.addressees, draft=draft)]
    return [build_message(parts, date, to=person, draft=draft) for person in recipients.addressees]


def size_warnings(outgoing: Sequence[Outgoing], source_path: Path):
    out = []
    for item in outgoing[:1]:  # every message carries the same attachments
        size = len(item.data())
        item.release()
        if size > MAX_BYTES:
            out.append(warning(
                _("the message is {mb:.1f} MB, more than 10 MB; many mail servers refuse it").format(mb=size / 1e6),
                Location.of_file(source_path), _("send the photos as links with --photo-links BASE_URL")))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "message"


def write_drafts(outgoing: Sequence[Outgoing], folder: Path, stem: str) -> list[Path]:
    """Write each message as ``.eml`` into ``folder``; an existing file is never replaced
    (nothing is written when one of the names is taken)."""
    folder = Path(folder)
    names = [folder / (f"{stem}.eml" if item.key == "draft" else f"{stem}.{_slug(item.key)}.eml") for item in outgoing]
    taken = [path for path in names if path.exists()]
    if taken:
        raise InputError([error(_("the draft already exists; presskit never overwrites it"), Location.of_file(p),
                                _("move it away or write to another folder with -o")) for p in taken])
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item, path in zip(outgoing, names):
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(item.data(with_bcc=True))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.link(tmp, path)  # fails if the name was taken in the meantime: no overwrite, ever
        except FileExistsError:
            raise InputError(error(_("the draft already exists; presskit never overwrites it"),
                                   Location.of_file(path))) from None
        finally:
            os.unlink(tmp)
        item.release()
        written.append(path)
    return written


def dry_run_lines(outgoing: Sequence[Outgoing], journal=None) -> list[str]:
    """Exactly what would go to whom: per message its envelope, headers, size and attachments."""
    lines = []
    for number, item in enumerate(outgoing, start=1):
        msg = item.message
        size = len(item.data())
        attachments = ", ".join(f"{part.get_filename()} ({len(part.get_content()) / 1e6:.2f} MB)"
                                for part in msg.iter_attachments())
        lines.append(_("message {n} of {total}: {size:.2f} MB").format(n=number, total=len(outgoing), size=size / 1e6))
        for name in ("From", "To", "Reply-To", "Subject", "Message-ID"):
            if msg[name]:
                lines.append(f"  {name}: {msg[name]}")
        for person in item.envelope:
            state = _("already sent (journal)") if journal is not None and journal.is_sent(person.email) else _("would send")
            lines.append(f"  -> {person.email} [{state}]")
        lines.append(_("  attachments: {files}").format(files=attachments))
        item.release()
    return lines
