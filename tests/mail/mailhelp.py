"""Helpers and fixtures of the e-mail tests: a real SMTP server on loopback (aiosmtpd),
well-behaved or misbehaving on purpose; a release with a contact, a link and a photo
larger than e-mail allows; list files; running presskit.

(Not a conftest.py: other test modules import the top-level ``conftest`` by name.)"""

from __future__ import annotations

import asyncio
import os
import signal
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import socket

import pytest

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
ROAD = REPO / "releases" / "2026-12-03-kreisstrasse-freigegeben.yaml"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class Recorder:
    """An SMTP handler that keeps what it accepted; its hooks misbehave when told to."""

    messages: list[Received] = field(default_factory=list)
    rcpt_reply: Callable[[str], str | None] = lambda address: None   # e.g. "550 5.1.1 ..."
    drop_after: int | None = None       # close the connection at the DATA of message N+1
    delay: float = 0.0                  # seconds before answering DATA
    on_accept: Callable[[int], None] | None = None   # called with the count, before the 250
    data_reply: Callable[[list[str]], str | None] = lambda rcpts: None   # e.g. "552 message too big"
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.rcpt_reply(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        reply = self.data_reply(list(envelope.rcpt_tos))
        if reply:
            return reply
        with self.lock:
            if self.drop_after is not None and len(self.messages) >= self.drop_after:
                server.transport.close()
                return "421 4.3.2 going away"
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
            count = len(self.messages)
        if self.on_accept is not None:
            self.on_accept(count)
        return "250 2.0.0 accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            self.logins.append((auth_data.login, auth_data.password))
            return AuthResult(success=auth_data.password == b"s3cret-from-env")
        return AuthResult(success=False)

    def rcpts(self) -> list[str]:
        return [r for m in self.messages for r in m.rcpt_tos]


def write_list(folder: Path, addresses: list[str], name: str = "list.yaml") -> Path:
    lines = ["groups:", "  - name: Tageszeitungen", "    recipients:"]
    for i, address in enumerate(addresses):
        lines += [f"      - name: Redaktion {i}", f"        email: {address}",
                  f"        salutation: Sehr geehrte Redaktion {i},"]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def presskit(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "presskit", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def _as_from_a_terminal() -> None:
    # Ctrl-C must reach presskit as it does from a terminal, also when this test run was
    # started in the background of a script, where SIGINT (and SIGQUIT) are inherited as
    # ignored and Python then never raises KeyboardInterrupt
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def popen(*args: str, env: dict | None = None) -> subprocess.Popen:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "presskit", *args], cwd=REPO, env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_as_from_a_terminal)


def build_pdf(release: Path, out: Path) -> bytes:
    result = presskit("build", str(release), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def copy_release(release: Path, folder: Path) -> Path:
    shutil.copytree(release.parent, folder)
    return folder / release.name


EXTRA = """
contact:
  - name: Erika Mustermann
    role: Pressesprecherin
    phone: 03901 840-100
    email: erika.mustermann@altmarkkreis-salzwedel.de
links:
  - text: Baustelleninformationen
    url: https://www.example.org/k1390
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    handler: Recorder
    port: int
    controller: object

    def settings(self, folder: Path, user: str | None = None, rate: int = 6000) -> Path:
        path = folder / f"mail-{self.port}.yaml"
        lines = ["host: 127.0.0.1", f"port: {self.port}", "security: none", f"rate: {rate}", "timeout: 10"]
        if user:
            lines.append(f"user: {user}")
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return path


@pytest.fixture
def smtp_server():
    """Start servers on demand (``smtp_server(handler)``); all are stopped after the test."""
    started: list = []

    def start(handler: Recorder | None = None) -> Server:
        handler = handler or Recorder()
        port = _free_port()
        controller = aiosmtpd_controller.Controller(
            handler, hostname="127.0.0.1", port=port, auth_require_tls=False,
            authenticator=handler.authenticate, ready_timeout=10)
        controller.start()
        started.append(controller)
        return Server(handler, port, controller)

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """The road release with a press contact, a link, and a 3,600 × 2,400 photo."""
    from PIL import Image

    folder = tmp_path / "release"
    (folder / "images").mkdir(parents=True)
    path = folder / ROAD.name
    path.write_text(ROAD.read_text("utf-8") + EXTRA, "utf-8")
    with Image.open(REPO / "releases" / "images" / "kreisstrasse-allee.jpg") as photo:
        photo.convert("RGB").resize((3600, 2400)).save(folder / "images" / "kreisstrasse-allee.jpg", quality=90)
    return path


