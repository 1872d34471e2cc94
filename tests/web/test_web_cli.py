"""`presskit site` and `presskit serve` on the command line."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import urllib.request

import pytest

from websupport import BASE, REPO


def _run(*args: str, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "presskit", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_site_command_builds_and_says_what_it_left_out(tmp_path):
    out = tmp_path / "site"
    done = _run("site", "releases", "-o", str(out), "--base-url", BASE, "--now", "2026-12-03 09:59")
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "3 release(s)" in done.stdout
    assert "2026-12-03-kreisstrasse-freigegeben.yaml: embargoed until 2026-12-03 10:00, left out" in done.stderr
    assert (out / "index.html").is_file() and (out / "feed.rss").is_file() and (out / "feed.atom").is_file()


@pytest.mark.parametrize("args, message", [
    (["--base-url", "www.example.org"], "--base-url 'www.example.org' is not an http(s) URL"),
    (["--base-url", BASE, "--now", "3.12.2026 10:00"], "--now '3.12.2026 10:00' is not a date and time"),
])
def test_site_command_usage_errors(tmp_path, args, message):
    done = _run("site", "releases", "-o", str(tmp_path / "site"), *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_site_command_bad_release_fails_with_its_location(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "bad.yaml").write_text("title: X\ndate: 2026-02-30\nbody: Text.\n", encoding="utf-8")
    done = _run("site", str(folder), "-o", str(tmp_path / "site"), "--base-url", BASE)
    assert done.returncode == 1
    assert f"{folder / 'bad.yaml'}:2:7: error:" in done.stderr


def test_default_now_is_the_brand_clock(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, embargo in (("past", "2000-01-01 10:00"), ("future", "2099-01-01 10:00")):
        (folder / f"{name}.yaml").write_text(
            f"title: {name}\ndate: 2026-11-24\nembargo: {embargo}\nbody: Text.\n", encoding="utf-8")
    done = _run("site", str(folder), "-o", str(tmp_path / "site"), "--base-url", BASE)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site/past/index.html").is_file() and not (tmp_path / "site/future").exists()


def test_serve_listens_on_localhost_only(tmp_path):
    from presskit.web.serve import make_server

    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        import threading

        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/") as response:
            assert response.read().startswith(b"<!DOCTYPE html>")
    finally:
        server.shutdown()
        server.server_close()


def test_serve_command_refuses_a_missing_folder(tmp_path):
    done = _run("serve", str(tmp_path / "nothing"))
    assert done.returncode == 2 and "is not a folder" in done.stderr


def test_serve_command_on_a_port_in_use(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _run("serve", str(tmp_path), "--port", str(port))
    assert done.returncode == 1
    assert f"error: cannot listen on 127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr
