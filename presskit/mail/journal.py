"""The send journal: which address has been sent which message of a release.

One JSON file per release and list (``RELEASE.LIST.sent.json`` beside the release),
rewritten atomically after every message the server accepted, so that a run
stopped by a crash, Ctrl-C or a dropped connection can be repeated and sends only
to those not yet served. While a run is sending, a lock (``….lock``) keeps a second
run of the same release and list from sending too.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from pathlib import Path

from presskit.errors import InputError, Location, error
from presskit.i18n import _
from presskit.outputs import write_atomic

__all__ = ["Journal", "journal_path"]


def journal_path(release: Path, list_path: Path) -> Path:
    return Path(release).with_name(f"{Path(release).stem}.{Path(list_path).stem}.sent.json")


class Journal:
    def __init__(self, path: Path, release: Path, list_path: Path):
        self.path = Path(path)
        self.release = str(release)
        self.list = str(list_path)
        self.sent: dict[str, dict[str, str]] = {}
        self._lock = None
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text("utf-8"))
                sent = data["sent"]
                if not isinstance(sent, dict):
                    raise TypeError
                self.sent = {str(k): dict(v) for k, v in sent.items()}
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise InputError(error(_("the send journal cannot be read: {problem}").format(problem=exc),
                                       Location.of_file(self.path),
                                       _("it records who has been sent this release; restore it, or delete it "
                                         "only if nobody has been sent anything yet"))) from None

    def lock(self) -> None:
        """Hold the journal's lock until :meth:`unlock` (or the process ends)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path.with_name(self.path.name + ".lock"), "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise InputError(error(_("another run is sending this release to this list"), Location.of_file(self.path),
                                   _("wait for it to finish, then run the command again"))) from None
        self._lock = handle

    def unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def is_sent(self, address: str) -> bool:
        return address.casefold() in self.sent

    def message_id(self, address: str) -> str | None:
        entry = self.sent.get(address.casefold())
        return entry.get("message_id") if entry else None

    def record(self, address: str, message_id: str, when: dt.datetime | None = None) -> None:
        """Note that ``address`` was sent ``message_id``, and write the journal at once."""
        when = when or dt.datetime.now(dt.timezone.utc)
        self.sent[address.casefold()] = {"email": address, "message_id": message_id,
                                         "sent": when.isoformat(timespec="seconds")}
        data = {"release": self.release, "list": self.list, "sent": self.sent}
        write_atomic(self.path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        try:
            directory = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        except OSError:
            pass
