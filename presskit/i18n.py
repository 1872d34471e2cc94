"""Messages to the user in the user's language (gettext), English as the fallback.

Every message, hint and progress text that reaches the user is written as

    from presskit.i18n import _
    _("unknown key {key!r}").format(key=key)

so that the English text is the gettext message id and a catalog can give its
German translation.  The language is the user's locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, as gettext reads them); catalogs live in
``presskit/locale/<lang>/LC_MESSAGES/presskit.mo``.  Without a catalog for the
user's language the English text is used unchanged.

This is about the *user's* language.  The language of a document (its labels,
dates, hyphenation) is the release's ``lang`` and is handled in ``labels``.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "presskit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_ENV_KEYS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def user_languages() -> list[str]:
    """The user's languages in gettext's order of preference (may be empty)."""
    for key in _ENV_KEYS:
        value = os.environ.get(key)
        if value:
            if key == "LANGUAGE":
                return [part for part in value.split(":") if part]
            return [value]
    return []


def user_language() -> str:
    """``"de"`` if the user's first language with a catalog or template is German, else ``"en"``."""
    for value in user_languages():
        code = value.split(".")[0].split("@")[0].split("_")[0].lower()
        if code == "de":
            return "de"
        if code in ("en", "c", "posix"):
            return "en"
    return "en"


@cache
def translation() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=user_languages() or None, fallback=True)


def _(message: str) -> str:
    """``message`` (English) in the user's language."""
    return translation().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (class constants); ``_()`` it when used."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation().ngettext(singular, plural, n)


def reset() -> None:
    """Forget the chosen catalog (tests that change the locale call this)."""
    translation.cache_clear()
