"""Drive the real yaml-language-server (the engine of VS Code's YAML extension) over stdio LSP.

The server comes from the npm registry: ``.ci/run`` installs it with
``npm install --prefix .ci/node yaml-language-server@VERSION``; ``$PRESSKIT_YLS``
may name another ``yaml-language-server`` executable. :func:`find_server`
returns ``None`` when node or the server is absent, and the tests skip,
saying how to install it.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VERSION = "1.25.0"
INSTALL_HINT = (
    f"yaml-language-server not found: install it with `npm install --prefix .ci/node yaml-language-server@{VERSION}` "
    "(needs node), or set PRESSKIT_YLS to its executable"
)


def find_server() -> list[str] | None:
    explicit = os.environ.get("PRESSKIT_YLS")
    if explicit:
        return [explicit]
    node = shutil.which("node")
    script = REPO / ".ci" / "node" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if node and script.is_file():
        return [node, str(script)]
    found = shutil.which("yaml-language-server")
    return [found] if found else None


class LanguageServer:
    """A running server; :meth:`diagnostics` opens a document and waits for its diagnostics."""

    def __init__(self, command: list[str], root: Path, settings: dict):
        self.root = root
        self.settings = settings
        self.process = subprocess.Popen(
            [*command, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {"workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}},
                             "textDocument": {"publishDiagnostics": {}}},
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})
        # Documents opened before the server has read its settings are checked without a schema.
        self.configured = False
        try:
            self._wait(lambda m: False, 10, until=lambda: self.configured)
        except TimeoutError:
            pass

    # -- wire ----------------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length is None:
                continue
            self.messages.put(json.loads(stream.read(length)))

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        self._next_id += 1
        ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self._wait(lambda m: m.get("id") == ident and "method" not in m, timeout)

    def _answer(self, message: dict) -> None:
        """Answer the server's own requests (configuration, registrations)."""
        if message.get("method") == "workspace/configuration":
            self.configured = True
            items = message["params"].get("items", [])
            result = [self.settings.get(item.get("section", ""), self.settings) if item.get("section") else self.settings
                      for item in items]
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        else:
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})

    def _wait(self, wanted, timeout: float, until=lambda: False) -> dict | None:
        deadline = time.monotonic() + timeout
        while True:
            if until():
                return None
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("yaml-language-server did not answer")
            try:
                message = self.messages.get(timeout=min(left, 0.2))
            except queue.Empty:
                continue
            if "id" in message and "method" in message:
                self._answer(message)
                continue
            if wanted(message):
                return message


    # -- documents ------------------------------------------------------------------
    def diagnostics(self, path: Path, text: str | None = None, timeout: float = 60, settle: float = 0.3) -> list[dict]:
        """Open ``path`` (with ``text``, default: its content) and return the server's diagnostics."""
        uri = path.resolve().as_uri()
        text = path.read_text(encoding="utf-8") if text is None else text
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        def for_this(m):
            return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri

        message = self._wait(for_this, timeout)
        # The server may publish again once the schema is loaded: take the last word.
        while True:
            try:
                message = self._wait(for_this, settle)
            except TimeoutError:
                break
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return message["params"]["diagnostics"]

    def hover(self, path: Path, line: int, character: int) -> str:
        """The hover text at 0-based ``line``/``character`` of ``path`` (opened and closed around it)."""
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": path.read_text(encoding="utf-8")}})
        try:
            self._wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, 60)
            answer = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                         "position": {"line": line, "character": character}})
        finally:
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        contents = (answer.get("result") or {}).get("contents", "")
        return contents.get("value", "") if isinstance(contents, dict) else str(contents)

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except Exception:  # noqa: BLE001 - a server that hangs on exit is stopped
            self.process.kill()
            self.process.wait(timeout=10)
