"""`presskit mail --send` over STARTTLS and implicit TLS to a real TLS server on loopback.

The server's certificate comes from a throw-away certificate authority (trustme).
presskit is run as a user runs it, in its own process, and is made to trust that
authority the way an administrator would: SSL_CERT_FILE names the authority's PEM
file, which ``ssl.create_default_context()`` reads. Every assertion is about what the
server saw, what presskit printed, and what the send journal holds."""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mailhelp import Recorder, _free_port, aiosmtpd_controller, presskit, write_list, release, smtp_server  # noqa: F401  (fixtures)

trustme = pytest.importorskip("trustme")

# Implicit TLS: the whole connection is encrypted, but aiosmtpd only counts STARTTLS as
# TLS for auth_require_tls, so its servers here require AUTH with auth_require_tls=False.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

DATE = "2026-12-03T08:00:00+01:00"
ADDRESSES = [f"redaktion{i}@zeitung{i}.example" for i in range(3)]
PASSWORD = "s3cret-from-env"    # the one Recorder.authenticate accepts


@dataclass
class TLSRecorder(Recorder):
    """A Recorder that also notes, for each accepted message and each login, the TLS
    version of the connection it came over (None: unencrypted)."""

    message_tls: list[str | None] = field(default_factory=list)
    login_tls: list[str | None] = field(default_factory=list)

    @staticmethod
    def _tls(server) -> str | None:
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport is not None else None
        return ssl_object.version() if ssl_object is not None else None

    async def handle_DATA(self, server, session, envelope):
        tls = self._tls(server)
        reply = await super().handle_DATA(server, session, envelope)
        if reply.startswith("250"):
            self.message_tls.append(tls)
        return reply

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.login_tls.append(self._tls(server))
        return super().authenticate(server, session, envelope, mechanism, auth_data)


@dataclass
class TLSServer:
    handler: TLSRecorder
    port: int
    security: str

    def settings(self, folder: Path, host: str = "127.0.0.1", user: str | None = "presse") -> Path:
        path = folder / f"mail-{self.port}.yaml"
        lines = [f"host: {host}", f"port: {self.port}", f"security: {self.security}", "rate: 6000", "timeout: 10"]
        if user:
            lines.append(f"user: {user}")
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return path


@pytest.fixture(scope="module")
def ca():
    return trustme.CA(organization_name="presskit test CA")


@pytest.fixture(scope="module")
def other_ca():
    return trustme.CA(organization_name="a CA presskit does not trust")


@pytest.fixture
def trusted(ca, tmp_path) -> dict:
    """The environment of a presskit whose administrator told it to trust ``ca``."""
    pem = tmp_path / "press-office-ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    return {"SSL_CERT_FILE": str(pem), "SSL_CERT_DIR": str(tmp_path / "no-such-dir"),
            "PRESSKIT_SMTP_PASSWORD": PASSWORD, "LANGUAGE": "en"}


def _server_context(issuer, *names: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    issuer.issue_cert(*names).configure_cert(context)
    return context


@pytest.fixture
def tls_server(ca):
    """``tls_server("starttls" | "tls", issuer=ca, names=("127.0.0.1", "localhost"))``:
    a server whose certificate ``issuer`` issued for ``names``; stopped after the test."""
    started: list = []

    def start(security: str, issuer=None, names: tuple[str, ...] = ("127.0.0.1", "localhost")) -> TLSServer:
        handler = TLSRecorder()
        port = _free_port()
        context = _server_context(issuer or ca, *names)
        if security == "starttls":
            # plain SMTP that offers STARTTLS, takes no mail and no login before it
            kwargs = dict(tls_context=context, require_starttls=True, auth_require_tls=True)
        else:
            # TLS from the first byte: the connection is encrypted before AUTH is offered
            kwargs = dict(ssl_context=context, auth_require_tls=False)
        controller = aiosmtpd_controller.Controller(
            handler, hostname="127.0.0.1", port=port, authenticator=handler.authenticate, auth_required=True,
            ready_timeout=10, **kwargs)
        controller.start()
        started.append(controller)
        return TLSServer(handler, port, security)

    yield start
    for controller in started:
        controller.stop()


def send(release: Path, listing: Path, settings: Path, env: dict):
    return presskit("mail", str(release), "--to", str(listing), "--smtp", str(settings), "--send", "--date", DATE,
                    env=env)


def journaled(release: Path, listing: Path) -> dict:
    path = release.with_name(f"{release.stem}.{listing.stem}.sent.json")
    return json.loads(path.read_text("utf-8"))["sent"] if path.exists() else {}


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_release_is_delivered_over_tls_with_login(tls_server, trusted, release, tmp_path, security):
    server = tls_server(security)
    listing = write_list(tmp_path, ADDRESSES)
    result = send(release, listing, server.settings(tmp_path), trusted)
    assert result.returncode == 0, result.stderr
    assert "3 sent, 0 skipped (sent before), 0 refused, 0 left" in result.stdout
    assert sorted(server.handler.rcpts()) == sorted(ADDRESSES)
    assert server.handler.logins == [(b"presse", PASSWORD.encode())]
    assert len(server.handler.login_tls) == 1 and server.handler.login_tls[0] is not None
    assert server.handler.message_tls and all(v is not None and v.startswith("TLSv1.") for v in server.handler.message_tls)
    assert set(journaled(release, listing)) == set(ADDRESSES)


def test_implicit_tls_to_a_host_name(tls_server, trusted, release, tmp_path):
    """``host: localhost`` is checked against the certificate's DNS name (the other tests use its IP address)."""
    server = tls_server("tls", names=("localhost",))
    listing = write_list(tmp_path, ADDRESSES[:1])
    result = send(release, listing, server.settings(tmp_path, host="localhost"), trusted)
    assert result.returncode == 0, result.stderr
    assert server.handler.rcpts() == ADDRESSES[:1]
    assert len(server.handler.message_tls) == 1 and server.handler.message_tls[0].startswith("TLSv1.")


@pytest.mark.parametrize("security", ["starttls", "tls"])
@pytest.mark.parametrize("problem", ["unknown CA", "other name"])
def test_a_certificate_presskit_cannot_verify_is_refused(tls_server, other_ca, trusted, release, tmp_path,
                                                         security, problem):
    if problem == "unknown CA":
        bad = tls_server(security, issuer=other_ca)
    else:
        bad = tls_server(security, names=("mail.example.org",))
    listing = write_list(tmp_path, ADDRESSES)
    result = send(release, listing, bad.settings(tmp_path), trusted)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert bad.handler.logins == [] and bad.handler.messages == []     # no password, no mail went out
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: the certificate of the mail server 127.0.0.1 could not be verified: "), line
    if problem == "unknown CA":
        assert "not issued by a certificate authority this computer trusts" in line
        assert "SSL_CERT_FILE" in line
    else:
        assert "issued for another name" in line
        assert "'host:'" in line
    assert result.stdout == ""
    assert journaled(release, listing) == {}
    # a later run, to a server presskit can verify, sends it to everyone
    good = tls_server(security)
    again = send(release, listing, good.settings(tmp_path), trusted)
    assert again.returncode == 0, again.stderr
    assert "3 sent, 0 skipped" in again.stdout
    assert sorted(good.handler.rcpts()) == sorted(ADDRESSES)


def test_without_ssl_cert_file_the_private_ca_is_not_trusted(tls_server, trusted, release, tmp_path, monkeypatch):
    """The system's store does not hold the throw-away CA: it is SSL_CERT_FILE that makes the other tests pass."""
    server = tls_server("starttls")
    listing = write_list(tmp_path, ADDRESSES[:1])
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    env = {k: v for k, v in trusted.items() if not k.startswith("SSL_CERT_")}
    result = send(release, listing, server.settings(tmp_path), env)
    assert result.returncode == 1
    assert "could not be verified" in result.stderr
    assert server.handler.messages == []


def test_the_refusal_in_german(tls_server, other_ca, trusted, release, tmp_path):
    bad = tls_server("starttls", issuer=other_ca)
    listing = write_list(tmp_path, ADDRESSES[:1])
    result = send(release, listing, bad.settings(tmp_path), {**trusted, "LANGUAGE": "de"})
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: das Zertifikat des Mailservers 127.0.0.1 konnte nicht geprüft werden: "), line
    assert "SSL_CERT_FILE" in line
    assert bad.handler.messages == []


def test_starttls_is_required_when_asked_for(smtp_server, trusted, release, tmp_path):
    """A server (or someone in between) that does not offer STARTTLS gets neither the password nor the release."""
    plain = smtp_server(TLSRecorder())
    settings = plain.settings(tmp_path, user="presse")
    settings.write_text(settings.read_text().replace("security: none", "security: starttls"))
    listing = write_list(tmp_path, ADDRESSES[:2])
    result = send(release, listing, settings, trusted)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line == ("error: the mail server 127.0.0.1 does not offer STARTTLS: presskit does not send unencrypted "
                    "(check 'security:' and 'port:' in the SMTP settings (perhaps 'security: tls'?))")
    assert plain.handler.logins == [] and plain.handler.messages == []
    assert journaled(release, listing) == {}


def test_implicit_tls_to_a_starttls_port(tls_server, trusted, release, tmp_path):
    """'security: tls' on a port that talks plain SMTP first: the handshake fails, said in one line."""
    server = tls_server("starttls")
    settings = server.settings(tmp_path)
    settings.write_text(settings.read_text().replace("security: starttls", "security: tls"))
    listing = write_list(tmp_path, ADDRESSES[:2])
    result = send(release, listing, settings, trusted)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: no encrypted connection to 127.0.0.1:{server.port}: "
                           "the server does not speak TLS there "), line
    assert line.endswith("(check 'security:' and 'port:' in the SMTP settings (perhaps 'security: starttls'?))")
    assert server.handler.logins == [] and server.handler.messages == []
    assert journaled(release, listing) == {}


def test_the_recorder_tells_a_plain_connection_from_tls(smtp_server, release, tmp_path):
    """The check the delivery tests rely on: a message over plain SMTP is noted as not encrypted."""
    plain = smtp_server(TLSRecorder())
    listing = write_list(tmp_path, ADDRESSES[:1])
    result = send(release, listing, plain.settings(tmp_path), {"LANGUAGE": "en"})
    assert result.returncode == 0, result.stderr
    assert plain.handler.message_tls == [None]
