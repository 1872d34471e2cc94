"""SMTP settings: from the brand file's ``mail:`` key or a separate ``mail.yaml``.

    host: smtp.example.org
    port: 587              # default: 587 with starttls, 465 with tls, 25 with none
    security: starttls     # starttls | tls (implicit TLS) | none (loopback tests only)
    user: pressestelle
    password_env: PRESSKIT_SMTP_PASSWORD   # the environment variable holding the password
    rate: 20               # messages per minute at most

There is no password key, on purpose: the password comes from the environment
variable or is typed at a hidden prompt, never from a file presskit reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, model_validator

from presskit.i18n import _
from presskit.source.model import InlineText, RequiredInlineText, _Model, fail, kind, validate_source
from presskit.source.loader import load_yaml

__all__ = ["MailSettings", "load_settings", "DEFAULT_PASSWORD_ENV", "MAIL_FILE_NAME"]

DEFAULT_PASSWORD_ENV = "PRESSKIT_SMTP_PASSWORD"
MAIL_FILE_NAME = "mail.yaml"
_DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}


def _int(low: int, high: int):
    def check(value: Any) -> Any:
        if value is None:
            return None
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is None or not text.isdigit():
            fail(_("expected a whole number, found {found}").format(found=kind(value) if text is None else repr(text)))
        number = int(text)
        if not low <= number <= high:
            fail(_("expected a number from {low} to {high}, found {number}").format(low=low, high=high, number=number))
        return number

    return check


def _security(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("starttls", "tls", "none"):
        return value.strip().lower()
    fail(_("expected starttls, tls or none, found {found}").format(found=kind(value) if not isinstance(value, str) else repr(value)))


class MailSettings(_Model):
    """How presskit reaches the press office's mail server."""

    host: RequiredInlineText = Field(description="the SMTP server's host name")
    port: Annotated[Union[int, None], BeforeValidator(_int(1, 65535))] = Field(
        None, description="the port; default 587 (starttls), 465 (tls) or 25 (none)")
    security: Annotated[Literal["starttls", "tls", "none"], BeforeValidator(_security)] = Field(
        "starttls", description="starttls, tls (implicit TLS) or none")
    user: InlineText = Field(None, description="the user name to log in with; none: no login")
    password_env: RequiredInlineText = Field(DEFAULT_PASSWORD_ENV, description="the environment variable with the password")
    rate: Annotated[int, BeforeValidator(_int(1, 10_000))] = Field(20, description="messages per minute at most")
    timeout: Annotated[int, BeforeValidator(_int(1, 600))] = Field(60, description="seconds to wait for the server")

    @model_validator(mode="before")
    @classmethod
    def _no_password(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(str(key).lower() in ("password", "pass", "passwd") for key in data):
            fail(_("the SMTP password must not be written in a file"),
                 _("remove it; presskit reads it from the environment variable {env} or asks for it").format(
                     env=data.get("password_env") or DEFAULT_PASSWORD_ENV))
        return data

    @property
    def port_number(self) -> int:
        return self.port or _DEFAULT_PORTS[self.security]


def load_settings(path: Path, display: str | None = None) -> MailSettings:
    """Read ``mail.yaml`` (its keys at the top level)."""
    return validate_source(MailSettings, load_yaml(Path(path), display))
