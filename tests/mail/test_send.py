"""`presskit mail --send` through a real SMTP server on 127.0.0.1, also one that misbehaves.

Every assertion is about what the server received."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from mailhelp import Recorder, build_pdf, popen, presskit, write_list, release, smtp_server  # noqa: F401  (fixtures)
from presskit.cli import app

DATE = "2026-12-03T08:00:00+01:00"
ADDRESSES = [f"redaktion{i}@zeitung{i}.example" for i in range(6)]


def send(release: Path, listing: Path, settings: Path, *extra: str, env: dict | None = None):
    args = ["mail", str(release), "--to", str(listing), "--smtp", str(settings), "--send", "--date", DATE, *extra]
    return CliRunner(env=env).invoke(app, args, catch_exceptions=False)


def parsed(received):
    return BytesParser(policy=policy.default).parsebytes(received.data)


def journal_of(release: Path, listing: Path) -> dict:
    return json.loads(release.with_name(f"{release.stem}.{listing.stem}.sent.json").read_text("utf-8"))


def test_each_recipient_gets_their_own_message(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES)
    result = send(release, listing, server.settings(tmp_path))
    assert result.exit_code == 0, result.output
    assert "6 sent, 0 skipped (sent before), 0 refused, 0 left" in result.output
    got = server.handler.messages
    assert sorted(r for m in got for r in m.rcpt_tos) == sorted(ADDRESSES)
    built = build_pdf(release, tmp_path / "built.pdf")
    for received in got:
        assert len(received.rcpt_tos) == 1
        assert received.mail_from == "pressestelle@altmarkkreis-salzwedel.de"
        (mine,) = received.rcpt_tos
        raw = received.data.decode("ascii", "replace")
        assert [a for a in ADDRESSES if a in raw] == [mine]    # no one sees another's address
        msg = parsed(received)
        assert str(msg["Subject"]).startswith("SPERRFRIST 03.12.2026, 10:00 Uhr – Pressemitteilung: ")
        text = msg.get_body(("plain",)).get_content()
        assert text.splitlines()[0] == "SPERRFRIST 03.12.2026, 10:00 Uhr"
        assert all(len(line) <= 78 for line in text.splitlines())
        assert "X-Unsent" not in msg and "Bcc" not in msg
        (pdf,) = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
        assert pdf.get_content() == built
        with pikepdf.open(io.BytesIO(pdf.get_content())) as document:
            assert len(document.pages) >= 1
        assert len(received.data) < 10 * 1024 * 1024
    sent = journal_of(release, listing)["sent"]
    assert set(sent) == set(ADDRESSES)
    ids = {parsed(m)["Message-ID"]: m.rcpt_tos[0] for m in got}
    assert {sent[a]["message_id"]: a for a in ADDRESSES} == ids


def test_a_second_run_sends_nothing(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES[:3])
    assert send(release, listing, server.settings(tmp_path)).exit_code == 0
    result = send(release, listing, server.settings(tmp_path))
    assert result.exit_code == 0
    assert "0 sent, 3 skipped" in result.output
    assert len(server.handler.messages) == 3


def test_bcc_sends_one_message_without_the_list_in_it(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES)
    result = send(release, listing, server.settings(tmp_path), "--bcc")
    assert result.exit_code == 0, result.output
    (received,) = server.handler.messages
    assert sorted(received.rcpt_tos) == sorted(ADDRESSES)
    raw = received.data.decode("ascii", "replace")
    assert not [a for a in ADDRESSES if a in raw]
    msg = parsed(received)
    assert "Bcc" not in msg
    assert msg["To"].addresses[0].addr_spec == "pressestelle@altmarkkreis-salzwedel.de"


def test_permanent_refusal_of_one_address(smtp_server, release, tmp_path):
    bad = ADDRESSES[2]
    server = smtp_server(Recorder(rcpt_reply=lambda a: "550 5.1.1 mailbox unknown here" if a == bad else None))
    listing = write_list(tmp_path, ADDRESSES)
    result = send(release, listing, server.settings(tmp_path))
    assert result.exit_code == 1
    assert f"{bad}: refused: 550 5.1.1 mailbox unknown here" in result.output
    assert "5 sent, 0 skipped (sent before), 1 refused, 0 left" in result.output
    assert sorted(server.handler.rcpts()) == sorted(set(ADDRESSES) - {bad})


def test_temporary_refusals_are_sent_on_the_next_run(smtp_server, release, tmp_path):
    later = {ADDRESSES[1], ADDRESSES[4]}
    flaky = smtp_server(Recorder(rcpt_reply=lambda a: "451 4.7.1 greylisted, try again later" if a in later else None))
    listing = write_list(tmp_path, ADDRESSES)
    first = send(release, listing, flaky.settings(tmp_path))
    assert first.exit_code == 1
    assert "4 sent, 0 skipped (sent before), 0 refused, 2 left" in first.output
    assert "451 4.7.1 greylisted" in first.output
    good = smtp_server()
    second = send(release, listing, good.settings(tmp_path))
    assert second.exit_code == 0, second.output
    assert "2 sent, 4 skipped" in second.output
    assert sorted(good.handler.rcpts()) == sorted(later)
    assert sorted(flaky.handler.rcpts() + good.handler.rcpts()) == sorted(ADDRESSES)


def test_421_closes_the_connection_and_presskit_reconnects(smtp_server, release, tmp_path):
    closing = {ADDRESSES[3]}
    server = smtp_server(Recorder(rcpt_reply=lambda a: "421 4.3.2 too busy, closing" if a in closing else None))
    listing = write_list(tmp_path, ADDRESSES)
    result = send(release, listing, server.settings(tmp_path))
    assert result.exit_code == 1
    assert "5 sent, 0 skipped (sent before), 0 refused, 1 left" in result.output
    assert sorted(server.handler.rcpts()) == sorted(set(ADDRESSES) - closing)


def test_dropped_connection_then_resume_serves_everyone_once(smtp_server, release, tmp_path):
    dropping = smtp_server(Recorder(drop_after=2))
    listing = write_list(tmp_path, ADDRESSES)
    first = send(release, listing, dropping.settings(tmp_path))
    assert first.exit_code == 1
    assert "connection" in first.output
    # it reconnects and is dropped again at once: at most MAX_RECONNECTS tries, then it stops
    assert len(dropping.handler.messages) == 2
    assert re.search(r"2 sent, 0 skipped \(sent before\), 0 refused, 4 left", first.output)
    good = smtp_server()
    second = send(release, listing, good.settings(tmp_path))
    assert second.exit_code == 0
    assert "4 sent, 2 skipped" in second.output
    everyone = dropping.handler.rcpts() + good.handler.rcpts()
    assert sorted(everyone) == sorted(ADDRESSES)


def test_slow_server_and_the_rate_limit(smtp_server, release, tmp_path):
    server = smtp_server(Recorder(delay=0.3))
    listing = write_list(tmp_path, ADDRESSES[:3])
    started = time.monotonic()
    result = send(release, listing, server.settings(tmp_path, rate=120))   # one every 0.5 s
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert len(server.handler.messages) == 3
    assert elapsed >= 1.0


def test_login_with_the_password_from_the_environment(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES[:1])
    settings = server.settings(tmp_path, user="presse")
    result = send(release, listing, settings, env={"PRESSKIT_SMTP_PASSWORD": "s3cret-from-env"})
    assert result.exit_code == 0, result.output
    assert server.handler.logins == [(b"presse", b"s3cret-from-env")]
    assert len(server.handler.messages) == 1


def test_no_password_no_sending(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES[:1])
    result = send(release, listing, server.settings(tmp_path, user="presse"), env={"PRESSKIT_SMTP_PASSWORD": ""})
    assert result.exit_code == 2
    assert "PRESSKIT_SMTP_PASSWORD" in result.output
    assert server.handler.messages == []


def test_a_password_in_the_settings_file_is_refused(smtp_server, release, tmp_path):
    server = smtp_server()
    settings = server.settings(tmp_path, user="presse")
    settings.write_text(settings.read_text() + "password: hunter2\n")
    result = send(release, write_list(tmp_path, ADDRESSES[:1]), settings)
    assert result.exit_code == 1
    assert "must not be written in a file" in result.output
    assert server.handler.messages == []


def test_dry_run_shows_who_gets_what_and_connects_to_nothing(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES[:3])
    assert send(release, listing, server.settings(tmp_path), "--bcc").exit_code == 0 or True
    server.handler.messages.clear()
    journal = release.with_name(f"{release.stem}.{listing.stem}.sent.json")
    journal.unlink(missing_ok=True)
    result = send(release, listing, server.settings(tmp_path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert server.handler.messages == []
    for address in ADDRESSES[:3]:
        assert f"-> {address} [would send]" in result.output
    assert "Subject: SPERRFRIST 03.12.2026, 10:00 Uhr" in result.output
    assert not journal.exists()


def test_malformed_address_is_located(release, tmp_path):
    listing = write_list(tmp_path, ["ok@example.org", "not-an-address"])
    result = CliRunner().invoke(app, ["mail", str(release), "--to", str(listing), "--dry-run"])
    assert result.exit_code == 1
    assert f"{listing}:8:16: error: 'not-an-address' does not look like an e-mail address" in result.output


def test_an_address_listed_twice_is_an_error(release, tmp_path):
    listing = write_list(tmp_path, ["ok@example.org", "OK@example.org"])
    result = CliRunner().invoke(app, ["mail", str(release), "--to", str(listing), "--dry-run"])
    assert result.exit_code == 1
    assert f"{listing}:8:16: error: 'OK@example.org' is listed twice" in result.output


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopped_mid_send_and_resumed_serves_everyone_once(smtp_server, release, tmp_path, signum):
    """The process is signalled while the server is taking message 3: that message is
    accepted and journaled, the rest left; the re-run sends only those."""
    process = None

    def stop_it(count: int) -> None:
        if count == 3 and process is not None:
            os.kill(process.pid, signum)

    server = smtp_server(Recorder(on_accept=stop_it))
    listing = write_list(tmp_path, ADDRESSES)
    settings = server.settings(tmp_path, rate=600)
    args = ("mail", str(release), "--to", str(listing), "--smtp", str(settings), "--send", "--date", DATE)
    process = popen(*args)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, err
    assert "3 sent, 0 skipped (sent before), 0 refused, 3 left" in out
    assert len(server.handler.messages) == 3
    assert len(journal_of(release, listing)["sent"]) == 3
    process = None
    second = presskit(*args)
    assert second.returncode == 0, second.stderr
    assert "3 sent, 3 skipped" in second.stdout
    assert sorted(server.handler.rcpts()) == sorted(ADDRESSES)


def test_killed_between_messages_and_resumed(smtp_server, release, tmp_path):
    """SIGKILL, which nothing can catch, while the run waits for the rate limit after message 2."""
    import threading

    process = None

    def kill_soon(count: int) -> None:
        if count == 2 and process is not None:
            threading.Timer(0.8, os.kill, (process.pid, signal.SIGKILL)).start()

    server = smtp_server(Recorder(on_accept=kill_soon))
    listing = write_list(tmp_path, ADDRESSES[:4])
    settings = server.settings(tmp_path, rate=30)   # one message every 2 s
    args = ("mail", str(release), "--to", str(listing), "--smtp", str(settings), "--send", "--date", DATE)
    process = popen(*args)
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL
    assert len(server.handler.messages) == 2
    process = None
    settings.write_text(settings.read_text().replace("rate: 30", "rate: 6000"))
    second = presskit(*args)
    assert second.returncode == 0, second.stderr
    assert "2 sent, 2 skipped" in second.stdout
    assert sorted(server.handler.rcpts()) == sorted(ADDRESSES[:4])


def test_a_changed_release_is_not_sent_again_but_said(smtp_server, release, tmp_path):
    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES[:2])
    assert send(release, listing, server.settings(tmp_path)).exit_code == 0
    release.write_text(release.read_text("utf-8").replace("86 junge Alleebäume", "87 junge Alleebäume"), "utf-8")
    result = send(release, listing, server.settings(tmp_path))
    assert result.exit_code == 0
    assert "0 sent, 2 skipped" in result.output
    assert f"{ADDRESSES[0]}: skipped: was sent an earlier version of this release" in result.output
    assert len(server.handler.messages) == 2


def test_progress_on_a_terminal(smtp_server, release, tmp_path):
    """On a terminal (a pty here) the run shows a progress bar and still ends with the summary."""
    import pty
    import subprocess
    import sys

    from mailhelp import REPO

    server = smtp_server()
    listing = write_list(tmp_path, ADDRESSES[:3])
    args = ["mail", str(release), "--to", str(listing), "--smtp", str(server.settings(tmp_path, rate=300)), "--send",
            "--date", DATE]
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "presskit", *args], cwd=REPO, stdin=follower, stdout=subprocess.PIPE,
                               stderr=follower, env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100"})
    os.close(follower)
    chunks: list[bytes] = []

    def drain():  # read the terminal while the run writes to it, so that it never blocks
        try:
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
        except OSError:
            pass

    import threading

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out, _ = process.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(leader)
    seen = b"".join(chunks)
    assert process.returncode == 0
    assert b"Sending" in seen
    assert "3 sent, 0 skipped" in out.decode()
    assert sorted(server.handler.rcpts()) == sorted(ADDRESSES[:3])


def test_bcc_with_one_address_refused_then_resumed(smtp_server, release, tmp_path):
    bad = ADDRESSES[1]
    server = smtp_server(Recorder(rcpt_reply=lambda a: "550 5.7.1 relaying denied" if a == bad else None))
    listing = write_list(tmp_path, ADDRESSES[:3])
    first = send(release, listing, server.settings(tmp_path), "--bcc")
    assert first.exit_code == 1
    assert f"{bad}: refused: 550 5.7.1 relaying denied" in first.output
    assert "2 sent, 0 skipped (sent before), 1 refused, 0 left" in first.output
    (received,) = server.handler.messages
    assert sorted(received.rcpt_tos) == sorted(set(ADDRESSES[:3]) - {bad})
    good = smtp_server()
    second = send(release, listing, good.settings(tmp_path), "--bcc")
    assert second.exit_code == 0
    assert "1 sent, 2 skipped" in second.output
    assert good.handler.rcpts() == [bad]


def test_message_refused_after_data(smtp_server, release, tmp_path):
    bad = ADDRESSES[0]
    server = smtp_server(Recorder(data_reply=lambda rcpts: "552 5.3.4 message too big for this mailbox" if bad in rcpts else None))
    listing = write_list(tmp_path, ADDRESSES[:3])
    result = send(release, listing, server.settings(tmp_path))
    assert result.exit_code == 1
    assert f"{bad}: refused: 552 5.3.4 message too big for this mailbox" in result.output
    assert sorted(server.handler.rcpts()) == sorted(ADDRESSES[1:3])
    assert bad not in journal_of(release, listing)["sent"]
