"""A real SMTP server on loopback (aiosmtpd), well-behaved or misbehaving on purpose,
and a release with a contact, links and a photo larger than e-mail allows."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

from mailhelp import REPO, ROAD, Recorder  # noqa: E402

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


