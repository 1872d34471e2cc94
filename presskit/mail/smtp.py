"""Sending: one SMTP connection, a rate limit, the journal after every accepted message.

Each address ends as ``sent`` (accepted now), ``skipped`` (the journal says it was
sent before), ``refused`` (a permanent 5xx refusal: reported with the server's words)
or ``left`` (a temporary 4xx refusal, a dropped connection, Ctrl-C: a re-run sends to it).
"""

from __future__ import annotations

import ipaddress
import os
import signal
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

from presskit.errors import InputError, PresskitError, UsageError, error
from presskit.i18n import _
from presskit.mail.journal import Journal
from presskit.mail.message import Outgoing, check_embargo
from presskit.source.mailsettings import MailSettings
from presskit.mail.source import MailSource

__all__ = ["Outcome", "SendReport", "send_all", "password_for", "Interrupted", "TLSProblem"]

MAX_RECONNECTS = 3


class Interrupted(Exception):
    """SIGTERM, turned into an exception between messages."""


class TLSProblem(PresskitError):
    """No encrypted connection the server could be trusted over: its certificate could not
    be verified, the TLS handshake failed, or it does not offer STARTTLS. Nothing is sent
    and no password leaves presskit; trying again without a change cannot help."""


# OpenSSL's X509_V_ERR_* codes (ssl.SSLCertVerificationError.verify_code) said in the user's words
_UNTRUSTED = {2, 18, 19, 20, 21, 27}     # issuer unknown, self-signed, chain not trusted
_EXPIRED, _NOT_YET_VALID = 10, 9
_OTHER_NAME = {62, 63, 64}               # host name, e-mail or IP address mismatch


def _certificate_problem(settings: MailSettings, exc: ssl.SSLCertVerificationError) -> TLSProblem:
    code = exc.verify_code
    if code in _UNTRUSTED:
        reason = _("it is not issued by a certificate authority this computer trusts")
        hint = _("if the server's certificate comes from your organisation's own certificate authority, "
                 "set the environment variable SSL_CERT_FILE to a PEM file with that authority's certificate")
    elif code in _OTHER_NAME:
        reason = _("it was issued for another name")
        hint = _("check 'host:' in the SMTP settings: it must be a name the certificate is for")
    elif code == _EXPIRED:
        reason = _("it has expired")
        hint = _("ask the mail server's administrator to renew it")
    elif code == _NOT_YET_VALID:
        reason = _("it is not valid yet")
        hint = _("check this computer's date and time")
    else:
        reason = exc.verify_message or exc.reason or str(exc)
        hint = _("ask the mail server's administrator")
    return TLSProblem(error(_("the certificate of the mail server {host} could not be verified: {reason}").format(
        host=settings.host, reason=reason), hint=hint))


def _tls_problem(settings: MailSettings, exc: ssl.SSLError) -> TLSProblem:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _certificate_problem(settings, exc)
    other = "tls" if settings.security == "starttls" else "starttls"
    if exc.reason in ("WRONG_VERSION_NUMBER", "UNKNOWN_PROTOCOL", "RECORD_LAYER_FAILURE"):
        problem = _("the server does not speak TLS there")    # it answered in plain text
    else:
        problem = exc.reason or str(exc)
    return TLSProblem(error(_("no encrypted connection to {host}:{port}: {problem}").format(
        host=settings.host, port=settings.port_number, problem=problem), hint=_security_hint(other)))


def _security_hint(other: str) -> str:
    return _("check 'security:' and 'port:' in the SMTP settings (perhaps 'security: {other}'?)").format(other=other)


@dataclass(frozen=True)
class Outcome:
    email: str
    status: str            # sent | skipped | refused | left
    detail: str = ""


@dataclass
class SendReport:
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str | None = None        # why the run ended early

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return all(o.status in ("sent", "skipped") for o in self.outcomes)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def password_for(settings: MailSettings, environ=os.environ, prompt: Callable[[str], str] | None = None) -> str | None:
    """The password from the environment variable, else typed at a hidden prompt; never from a file."""
    if not settings.user:
        return None
    if settings.security == "none" and not _is_loopback(settings.host):
        raise UsageError(error(_("refusing to send the SMTP password unencrypted to {host}").format(host=settings.host),
                               hint=_("use 'security: starttls' or 'security: tls'")))
    password = environ.get(settings.password_env)
    if password:
        return password
    if prompt is None:
        raise UsageError(error(_("no SMTP password: set the environment variable {env}").format(env=settings.password_env),
                               hint=_("or run presskit on a terminal to type it at a hidden prompt")))
    return prompt(_("SMTP password for {user} at {host}: ").format(user=settings.user, host=settings.host))


def _connect(settings: MailSettings, password: str | None) -> smtplib.SMTP:
    """A connection, encrypted and logged in as the settings say; :class:`TLSProblem` if it cannot be trusted.

    The server's certificate is checked against the system's certificate authorities
    (or those in the file SSL_CERT_FILE names) and the host name in the settings."""
    host, port, timeout = settings.host, settings.port_number, settings.timeout
    server: smtplib.SMTP | None = None
    try:
        if settings.security == "tls":
            server = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(host, port, timeout=timeout)
            server.ehlo()
            if settings.security == "starttls":
                if not server.has_extn("starttls"):
                    raise TLSProblem(error(_("the mail server {host} does not offer STARTTLS: presskit does not send "
                                             "unencrypted").format(host=host), hint=_security_hint("tls")))
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
    except ssl.SSLError as exc:
        _close(server)
        raise _tls_problem(settings, exc) from None
    except TLSProblem:
        _close(server)
        raise
    if settings.user:
        server.login(settings.user, password or "")
    return server


def _close(server: smtplib.SMTP | None) -> None:
    if server is not None:
        try:
            server.close()
        except OSError:
            pass


def _words(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {text}".strip()


def send_all(outgoing: Sequence[Outgoing], source: MailSource, settings: MailSettings, password: str | None,
             journal: Journal, on_event: Callable[[Outcome, int, int], None] | None = None,
             sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
             connect: Callable[[MailSettings, str | None], smtplib.SMTP] = _connect) -> SendReport:
    """Send each message to its addresses not yet in the journal."""
    report = SendReport()
    total = sum(len(o.envelope) for o in outgoing)
    done = 0

    def note(outcome: Outcome) -> None:
        nonlocal done
        report.outcomes.append(outcome)
        done += 1
        if on_event is not None:
            on_event(outcome, done, total)

    check_embargo(outgoing[0], source) if outgoing else None   # before anything is sent, and again for each
    sender = source.brand.email
    interval = 60.0 / settings.rate
    server: smtplib.SMTP | None = None
    reconnects = 0
    last_sent: float | None = None
    sent_now: set[str] = set()     # journaled in this run (counted even when a signal comes before the count)
    journal.lock()
    previous = _catch_sigterm()
    try:
        for position, item in enumerate(outgoing):
            pending = []
            for person in item.envelope:
                if journal.is_sent(person.email):
                    earlier = journal.message_id(person.email) != item.message_id
                    note(Outcome(person.email, "skipped", _("was sent an earlier version of this release") if earlier else ""))
                else:
                    pending.append(person)
            if not pending:
                continue
            if report.stopped is not None:
                for person in pending:
                    note(Outcome(person.email, "left", report.stopped))
                continue
            if last_sent is not None:
                wait = last_sent + interval - clock()
                if wait > 0:
                    sleep(wait)
            if server is None:
                if reconnects > MAX_RECONNECTS:
                    report.stopped = _("the connection to the server was lost too often")
                else:
                    try:
                        server = connect(settings, password)
                    except TLSProblem as exc:
                        if not sent_now and reconnects == 0:
                            raise     # the first connection of the run: said once, as an error
                        report.stopped = exc.diagnostics[0].message
                    except smtplib.SMTPAuthenticationError as exc:
                        report.stopped = _("the server refused the login: {words}").format(words=_words(exc.smtp_code, exc.smtp_error))
                    except (OSError, smtplib.SMTPException) as exc:
                        report.stopped = _("cannot connect to {host}:{port}: {problem}").format(
                            host=settings.host, port=settings.port_number, problem=exc)
                if server is None:
                    for person in pending:
                        note(Outcome(person.email, "left", report.stopped))
                    continue
            check_embargo(item, source)
            data = item.data()
            item.release()
            last_sent = clock()
            refused: dict[str, tuple[int, bytes]] = {}
            failure: str | None = None
            permanent = False
            # Ctrl-C and SIGTERM wait until the server's answer is in the journal: an accepted
            # message is never forgotten because the run was stopped while it was on its way.
            blocked = _block_signals()
            try:
                try:
                    refused = server.sendmail(sender, [p.email for p in pending], data) or {}
                except smtplib.SMTPRecipientsRefused as exc:
                    refused = dict(exc.recipients)
                except smtplib.SMTPSenderRefused as exc:
                    failure, permanent = _words(exc.smtp_code, exc.smtp_error), exc.smtp_code >= 500
                except smtplib.SMTPDataError as exc:
                    failure, permanent = _words(exc.smtp_code, exc.smtp_error), exc.smtp_code >= 500
                except smtplib.SMTPResponseException as exc:
                    failure = _words(exc.smtp_code, exc.smtp_error)
                except (smtplib.SMTPServerDisconnected, OSError, socket.timeout) as exc:
                    failure = _("the connection was lost: {problem}").format(problem=exc or type(exc).__name__)
                    server = None
                    reconnects += 1
                if failure is None:
                    for person in pending:
                        if person.email not in refused:
                            journal.record(person.email, item.message_id)
                            sent_now.add(person.email.casefold())
            finally:
                _unblock_signals(blocked)
            if failure is not None:
                status = "refused" if permanent else "left"
                for person in pending:
                    note(Outcome(person.email, status, failure))
                continue
            for person in pending:
                if person.email in refused:
                    code, words = refused[person.email]
                    note(Outcome(person.email, "refused" if code >= 500 else "left", _words(code, words)))
                    if code == 421:  # the server closes the connection after a 421
                        server, reconnects = None, reconnects + 1
                else:
                    note(Outcome(person.email, "sent"))
            if server is not None:
                try:
                    server.noop()
                except (smtplib.SMTPException, OSError):
                    server, reconnects = None, reconnects + 1
    except (KeyboardInterrupt, Interrupted):
        report.stopped = _("stopped")
        served = {o.email.casefold() for o in report.outcomes}
        for item in outgoing:
            for person in item.envelope:
                key = person.email.casefold()
                if key in sent_now and key not in served:
                    report.outcomes.append(Outcome(person.email, "sent"))
                elif key not in served:
                    report.outcomes.append(Outcome(person.email, "skipped" if journal.is_sent(person.email)
                                                   else "left", "" if journal.is_sent(person.email) else report.stopped))
                served.add(key)
    finally:
        _restore_sigterm(previous)
        journal.unlock()
        if server is not None:
            try:
                server.quit()
            except (smtplib.SMTPException, OSError):
                pass
    return report


def _catch_sigterm():
    try:
        def stop(signum, frame):
            raise Interrupted()
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not in the main thread
        return None


def _restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def _block_signals():
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    except (AttributeError, ValueError, OSError):
        return None


def _unblock_signals(previous) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
