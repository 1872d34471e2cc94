"""The e-mail package's pieces on their own: embargo guard, rate limit, size warning,
settings, lists, a press kit's message."""

from __future__ import annotations

import datetime as dt
import smtplib
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from mailhelp import REPO, write_list
from presskit.errors import InputError, UsageError, ValidationError
from presskit.mail import message as m
from presskit.mail.journal import Journal
from presskit.mail.plan import plan_messages, size_warnings
from presskit.mail.recipients import Addressee, load_list
from presskit.source.mailsettings import MailSettings, load_settings
from presskit.mail.smtp import password_for, send_all
from presskit.mail.source import load_source

DATE = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def road():
    source = load_source(REPO / "releases" / "2026-12-03-kreisstrasse-freigegeben.yaml")
    return source, m.prepare(source, "https://presse.example.org/fotos")


def test_an_embargoed_message_without_the_embargo_is_not_sent(road):
    source, parts = road
    good = m.build_message(parts, DATE, Addressee("A", "a@example.org"))
    m.check_embargo(good, source)
    for broken in ("Subject", "body"):
        item = m.build_message(parts, DATE, Addressee("A", "a@example.org"))
        if broken == "Subject":
            item.message.replace_header("Subject", "Pressemitteilung: " + source.title)
        else:
            item.message.get_body(("plain",)).set_content("PRESSEMITTEILUNG\n\nohne Sperrfrist\n")
        with pytest.raises(InputError, match="embargo is missing"):
            m.check_embargo(item, source)


class FakeServer:
    def __init__(self):
        self.sent: list[list[str]] = []

    def sendmail(self, sender, rcpts, data):
        self.sent.append(list(rcpts))
        return {}

    def noop(self):
        return (250, b"ok")

    def quit(self):
        pass


def test_rate_limit_spaces_messages(road, tmp_path):
    source, parts = road
    people = [Addressee(f"R{i}", f"r{i}@example.org") for i in range(4)]
    outgoing = [m.build_message(parts, DATE, p) for p in people]
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds):
        waits.append(round(seconds, 6))
        now[0] += seconds

    fake = FakeServer()
    settings = MailSettings(host="127.0.0.1", security="none", rate=30)
    journal = Journal(tmp_path / "j.json", Path("r.yaml"), Path("l.yaml"))
    report = send_all(outgoing, source, settings, None, journal, sleep=sleep, clock=lambda: now[0],
                      connect=lambda s, p: fake)
    assert report.ok and report.count("sent") == 4
    assert waits == [2.0, 2.0, 2.0]          # 30 a minute: one every 2 s
    assert fake.sent == [[p.email] for p in people]


def test_a_refused_login_leaves_everyone(road, tmp_path):
    source, parts = road
    outgoing = [m.build_message(parts, DATE, Addressee("A", "a@example.org"))]

    def refuse(settings, password):
        raise smtplib.SMTPAuthenticationError(535, b"5.7.8 bad credentials")

    journal = Journal(tmp_path / "j.json", Path("r.yaml"), Path("l.yaml"))
    report = send_all(outgoing, source, MailSettings(host="127.0.0.1", security="none"), None, journal,
                      connect=refuse)
    assert not report.ok and report.count("left") == 1
    assert "535 5.7.8 bad credentials" in report.stopped


def test_size_warning_above_the_limit(road, monkeypatch):
    source, parts = road
    outgoing = plan_messages(parts, DATE, None, False, True)
    assert size_warnings(outgoing, source.path) == []
    monkeypatch.setattr("presskit.mail.plan.MAX_BYTES", 1000)
    (warning,) = size_warnings(outgoing, source.path)
    assert "more than 10 MB" in warning.message and warning.severity == "warning"


def test_photo_links_replace_attachments(road):
    source, parts = road
    assert parts.photos == ()
    assert parts.photo_entries[0][1] == "https://presse.example.org/fotos/kreisstrasse-allee.jpg"


def test_password_only_from_environment_or_prompt():
    settings = MailSettings(host="smtp.example.org", user="presse")
    assert password_for(settings, {"PRESSKIT_SMTP_PASSWORD": "x"}) == "x"
    assert password_for(settings, {}, prompt=lambda text: "typed") == "typed"
    with pytest.raises(UsageError):
        password_for(settings, {})
    plain = MailSettings(host="smtp.example.org", user="presse", security="none")
    with pytest.raises(UsageError, match="unencrypted"):
        password_for(plain, {"PRESSKIT_SMTP_PASSWORD": "x"})
    assert MailSettings(host="h").port_number == 587
    assert MailSettings(host="h", security="tls").port_number == 465


def test_settings_file_errors_are_located(tmp_path):
    path = tmp_path / "mail.yaml"
    path.write_text("host: smtp.example.org\nsecurity: ssl\nport: 99999\n", "utf-8")
    with pytest.raises(ValidationError) as caught:
        load_settings(path, str(path))
    text = str(caught.value)
    assert f"{path}:2:11: error: expected starttls, tls or none" in text
    assert f"{path}:3:7: error: expected a number from 1 to 65535" in text


def test_brand_file_may_carry_the_settings(tmp_path):
    from presskit.source.brand import load_brand

    brand_text = (REPO / "presskit" / "data" / "brand.yaml").read_text("utf-8")
    path = tmp_path / "presskit.yaml"
    path.write_text(brand_text + "mail:\n  host: smtp.example.org\n  user: presse\n", "utf-8")
    assert load_brand(path).mail.host == "smtp.example.org"
    path.write_text(brand_text + "mail:\n  host: smtp.example.org\n  password: geheim\n", "utf-8")
    with pytest.raises(ValidationError, match="must not be written in a file"):
        load_brand(path)


def test_list_with_language_and_groups(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("groups:\n  - name: Radio\n    recipients:\n      - name: R\n        email: r@radio.example\n"
                    "        language: en\n  - name: TV\n    recipients:\n      - name: T\n        email: t@tv.example\n",
                    "utf-8")
    loaded = load_list(path)
    assert [(a.email, a.language, a.group) for a in loaded.addressees] == [
        ("r@radio.example", "en", "Radio"), ("t@tv.example", None, "TV")]


def test_press_kit_message(tmp_path):
    kit = REPO / "releases" / "kits" / "2027-02-10-pressemappe-kreistag.yaml"
    source = load_source(kit)
    parts = m.prepare(source)
    item = m.build_message(parts, DATE, Addressee("A", "a@example.org"))
    msg = BytesParser(policy=policy.default).parsebytes(item.data())
    assert str(msg["Subject"]).strip().split(": ")[0].endswith("Pressemappe")
    names = [p.get_filename() for p in msg.iter_attachments()]
    assert names[0] == kit.stem + ".pdf" and len(names) >= 2
    text = msg.get_body(("plain",)).get_content()
    assert all(len(line) <= 78 for line in text.splitlines())
