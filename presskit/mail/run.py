"""One ``presskit mail`` run, step by step, for the command line (which only shows the results)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from presskit.errors import Diagnostic, UsageError, error
from presskit.i18n import _
from presskit.mail import plan as planning
from presskit.mail.journal import Journal, journal_path
from presskit.mail.message import MailParts, Outgoing, prepare
from presskit.mail.recipients import LoadedList, load_list
from presskit.source.mailsettings import MailSettings, load_settings
from presskit.mail.smtp import SendReport, password_for, send_all
from presskit.mail.source import MailSource, load_source

__all__ = ["Plan", "prepare_run", "write_drafts", "dry_run", "smtp_settings", "password", "send", "summary"]


@dataclass(frozen=True)
class Plan:
    source: MailSource
    parts: MailParts
    recipients: LoadedList | None
    outgoing: list[Outgoing]         # the messages to send (drafts are made from the same parts)
    warnings: list[Diagnostic]
    date: dt.datetime
    bcc: bool


def prepare_run(path: Path, to: Path | None, bcc: bool, photo_links: str | None, date: dt.datetime | None,
                brand: Path | None, allow_dirs: Sequence[Path], draft: bool) -> Plan:
    recipients = load_list(to, str(to)) if to is not None else None
    source = load_source(Path(path), brand, allow_dirs)
    if photo_links is not None and not photo_links.lower().startswith(("https://", "http://")):
        raise UsageError(error(_("--photo-links needs an http(s) URL, not {url!r}").format(url=photo_links)))
    if date is None:
        date = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    elif date.tzinfo is None:
        date = date.replace(tzinfo=dt.timezone.utc)
    parts = prepare(source, photo_links)
    outgoing = planning.plan_messages(parts, date, recipients, bcc, False)
    return Plan(source, parts, recipients, outgoing, planning.size_warnings(outgoing, source.path), date, bcc)


def write_drafts(plan: Plan, folder: Path) -> list[Path]:
    drafts = planning.plan_messages(plan.parts, plan.date, plan.recipients, plan.bcc, True)
    return planning.write_drafts(drafts, folder, plan.source.path.stem)


def _journal(plan: Plan, journal_file: Path | None) -> Journal | None:
    if plan.recipients is None:
        return None
    where = journal_file or journal_path(plan.source.path, plan.recipients.path)
    return Journal(where, plan.source.path, plan.recipients.path)


def dry_run(plan: Plan, journal_file: Path | None) -> list[str]:
    return planning.dry_run_lines(plan.outgoing, _journal(plan, journal_file))


def smtp_settings(plan: Plan, smtp_file: Path | None) -> MailSettings:
    if smtp_file is not None:
        return load_settings(smtp_file, str(smtp_file))
    if plan.source.brand.mail is not None:
        return plan.source.brand.mail
    raise UsageError(error(_("no SMTP settings"), hint=_("give --smtp mail.yaml, or add 'mail:' with host, port and user to the brand file")))


def password(settings: MailSettings, prompt: Callable[[str], str] | None) -> str | None:
    return password_for(settings, prompt=prompt)


def send(plan: Plan, settings: MailSettings, password: str | None, journal_file: Path | None,
         on_event=None) -> SendReport:
    journal = _journal(plan, journal_file)
    assert journal is not None
    return send_all(plan.outgoing, plan.source, settings, password, journal, on_event)


def summary(report: SendReport) -> str:
    text = _("{sent} sent, {skipped} skipped (sent before), {refused} refused, {left} left").format(
        sent=report.count("sent"), skipped=report.count("skipped"), refused=report.count("refused"), left=report.count("left"))
    if report.stopped:
        text += f" ({report.stopped})"
    return text
