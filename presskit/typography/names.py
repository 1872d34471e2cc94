"""Person names of a release, so that the hyphenator leaves them whole.

A reader should never see ``Weiden-`` / ``hammer``: the story gives the names it
knows to the release's hyphenator (:meth:`Hyphenator.protecting`), which then
breaks none of their words anywhere in the document (body text and captions
included):

* the contact people (``contact.people[].name``, the release's or the brand's),
  when they look like a person's name (``looks_like_person``; a contact may be
  an office such as ``Pressestelle``),
* the photographers of image credits (``Foto: Anna Weber / Landkreis``: the part
  before ``/``, ``,`` or ``(``),
* quote attributions (``— Dr. Anna Weber, Landrätin``: the part before the comma;
  the role after it is hyphenated as usual), added by the story as it meets them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CREDIT_END = re.compile(r"\s*[/,(|;]")
_MARKUP = str.maketrans("", "", "*_`")


def release_names(release, brand) -> list[str]:
    """The contact people's names and the image credits' photographers."""
    return person_names(release.contact or getattr(brand, "contact", None), (image.credit for image in release.images))


def person_names(contact, credits: Iterable[str | None]) -> list[str]:
    """The names of ``contact``'s people and of the photographers in ``credits`` that are
    persons (a release's, or a press kit's contact and photos)."""
    names = [person.name for person in contact.people] if contact is not None and contact.people else []
    names += [credit_name(credit) for credit in credits if credit]
    return [n for n in map(_plain, names) if looks_like_person(n)]


#: Lower-case words a person's name may contain (von der Leyen, van Gogh).
_PARTICLES = {"von", "van", "der", "den", "de", "du", "zu", "zur", "vom", "la", "le", "di", "da", "ten", "ter",
              "med", "rer", "nat", "pol", "phil", "jur", "dent", "vet", "oec", "h.c"}  # Dr. med., Dr. rer. pol.


#: Words that make a contact an office, not a person (Press Office, Pressestelle Nord).
_OFFICE_WORDS = {"press", "office", "team", "desk", "department", "pressestelle", "presse", "pressebüro", "büro",
                 "amt", "redaktion", "verwaltung", "referat", "stabsstelle", "sekretariat", "kontakt", "vertretung",
                 "gmbh", "mbh", "ag", "kg", "e.v", "service", "kundenservice", "gesellschaft", "verband", "verein"}

#: Endings of words that make a contact an organisation (Netzbetriebsgesellschaft, Stadtwerke,
#: Gesundheitsamt, Kreismusikschule): its words should still hyphenate.
_OFFICE_ENDINGS = ("gesellschaft", "genossenschaft", "betrieb", "betriebe", "verband", "verein", "werk", "werke",
                   "amt", "stelle", "büro", "zentrum", "center", "schule", "dienst", "service", "agentur",
                   "stiftung", "institut", "verwaltung", "behörde", "kasse", "rat", "meisterei")


def looks_like_person(name: str) -> bool:
    """Two or more capitalised words and no other lower-case word than name particles:
    ``Dr. Anna Weber``, ``Dr. med. Anna Weber`` yes; ``Pressestelle``, ``Pressestelle des
    Landkreises``, ``Altmark Glasfaser Netzbetriebsgesellschaft``, ``Stadtwerke Salzwedel`` no
    (a contact may be an office or a company, whose words should still hyphenate)."""
    words = [w.strip(".,;:()") for w in name.split()]
    words = [w for w in words if w]
    if any(w.lower() in _OFFICE_WORDS for w in words):
        return False
    if any(w.lower().endswith(_OFFICE_ENDINGS) and len(w) > 6 for w in words):
        return False
    if any(w[0].islower() and w not in _PARTICLES for w in words):
        return False
    return sum(1 for w in words if w[0].isupper() and len(w) > 1 and not w.endswith(".")) >= 2


def credit_name(credit: str) -> str:
    """``"Anna Weber / Landkreis Stendal"`` -> ``"Anna Weber"``."""
    return _CREDIT_END.split(credit, 1)[0]


def attribution_name(attribution: str) -> str:
    """``"Dr. Anna Weber, Landrätin"`` -> ``"Dr. Anna Weber"``."""
    return attribution.lstrip("—–- ").split(",", 1)[0]


def protect_names(theme, names: Iterable[str]) -> None:
    """Give ``theme`` a hyphenator of its own that never breaks ``names``; styles the
    theme already made switch to it.  Later names: :func:`protect_more`."""
    shared = theme.hyphenator
    if shared is None or not hasattr(shared, "protecting"):
        return
    own = shared.protecting(names)
    theme.hyphenator = own
    for style in getattr(theme, "_cache", {}).values():
        if getattr(style, "hyphenationLang", None) is shared:
            style.hyphenationLang = own


def protect_more(theme, names: Iterable[str]) -> None:
    """Protect further names (met while building the story, before layout)."""
    own = theme.hyphenator
    if own is not None and hasattr(own, "protect"):
        own.protect(n for n in map(_plain, names) if looks_like_person(n))


def _plain(text: str) -> str:
    return text.translate(_MARKUP)
