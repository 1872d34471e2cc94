"""The words a document prints by itself, and how it writes dates, per language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


@dataclass(frozen=True)
class Labels:
    lang: str
    press_release: str
    page_of: str         # " von " (the part between page number and total)
    page_prefix: str     # "Seite "
    photo: str           # "Foto: {credit}"
    embargo: str         # "Sperrfrist: {when}"
    embargo_time: str    # "{date}, {time} Uhr"
    number: str          # "Nr. {number}"
    more_info: str
    contact: str
    facts: str
    about: str           # heading over the boilerplate when the brand names none
    phone: str
    fax: str
    email: str
    dateline: str        # "{place}, {date}"

    def date(self, value: dt.date) -> str:
        """The release date as the dateline prints it."""
        if self.lang == "de":
            return f"{value.day:02d}.{value.month:02d}.{value.year}"
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"

    def time(self, value: dt.datetime) -> str:
        return f"{value.hour:02d}:{value.minute:02d}" if self.lang == "de" else f"{value:%H:%M}"

    def embargo_line(self, when: dt.datetime) -> str:
        stamp = self.embargo_time.format(date=self.date(when.date()), time=self.time(when))
        return self.embargo.format(when=stamp)

    def dateline_for(self, place: str | None, date: dt.date) -> str:
        """``Salzwedel, 18.01.2019`` (or the date alone without a place)."""
        date_text = self.date(date)
        return self.dateline.format(place=place, date=date_text) if place else date_text


GERMAN = Labels(
    lang="de",
    press_release="Pressemitteilung",
    page_of=" von ",
    page_prefix="Seite ",
    photo="Foto: {credit}",
    embargo="Sperrfrist: {when}",
    embargo_time="{date}, {time}\u00a0Uhr",
    number="Nr.\u00a0{number}",
    more_info="Weitere Informationen",
    contact="Pressekontakt",
    facts="Auf einen Blick",
    about="Über uns",
    phone="Telefon",
    fax="Fax",
    email="E-Mail",
    dateline="{place}, {date}",
)

ENGLISH = Labels(
    lang="en",
    press_release="Press release",
    page_of=" of ",
    page_prefix="Page ",
    photo="Photo: {credit}",
    embargo="Embargoed until {when}",
    embargo_time="{date}, {time}",
    number="No.\u00a0{number}",
    more_info="Further information",
    contact="Press contact",
    facts="At a glance",
    about="About us",
    phone="Phone",
    fax="Fax",
    email="Email",
    dateline="{place}, {date}",
)

_BY_LANG = {"de": GERMAN, "en": ENGLISH}


def labels_for(lang: str) -> Labels:
    return _BY_LANG[lang]
