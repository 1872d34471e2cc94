"""A local preview of a built site on 127.0.0.1 (never on other interfaces)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

__all__ = ["make_server"]

HOST = "127.0.0.1"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".rss": "application/rss+xml", ".atom": "application/atom+xml",
                      ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2"}

    def log_message(self, format: str, *args) -> None:  # quiet: the CLI prints the address
        pass


def make_server(site: Path, port: int = 8000) -> http.server.ThreadingHTTPServer:
    """A server for the files under ``site`` on 127.0.0.1:``port`` (0: any free port)."""
    handler = functools.partial(_Handler, directory=str(Path(site).resolve()))
    return http.server.ThreadingHTTPServer((HOST, port), handler)
