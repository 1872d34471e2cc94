"""The words the website prints by itself, in the release's language."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["WebWords", "words_for", "MONTHS_DE", "MONTHS_EN"]

MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni",
             "Juli", "August", "September", "Oktober", "November", "Dezember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class WebWords:
    lang: str
    locale: str               # Open Graph locale
    newsroom: str             # the index page's title
    skip: str                 # skip link
    all_releases: str         # back link to the index
    pdf: str                  # "Pressemitteilung als PDF zum Ausdrucken"
    downloads: str            # the downloads' heading (visually hidden)
    full_photo: str           # "Foto in voller Auflösung"
    usage: str                # "Nutzung: {terms}"
    default_usage: str
    feeds: str                # "Abonnieren:"
    rss: str
    atom: str
    released: str             # "veröffentlicht am"
    year_nav: str             # aria-label of the year navigation
    contact_office: str       # footer heading
    site_nav: str             # aria-label of the header navigation
    px: str                   # "{w} × {h} Pixel"
    for_newsrooms: str        # the index's aside
    kits: str                 # the index's heading over the press kits
    kit_releases: str         # a kit page's heading over its releases
    subscribe_text: str

    def size(self, n_bytes: int) -> str:
        kb = max(1, round(n_bytes / 1024))
        if kb < 1024:
            return f"{kb}\u00a0KB"
        mb = f"{n_bytes / (1024 * 1024):.1f}"
        return (mb.replace(".", ",") if self.lang == "de" else mb) + "\u00a0MB"


GERMAN = WebWords(
    lang="de", locale="de_DE", newsroom="Pressemitteilungen", skip="Zum Inhalt springen",
    all_releases="Alle Pressemitteilungen", pdf="Pressemitteilung als PDF zum Ausdrucken",
    downloads="Downloads", full_photo="Foto in voller Auflösung", usage="Nutzung: {terms}",
    default_usage="Abdruck honorarfrei bei Nennung der Quelle", feeds="Abonnieren:",
    rss="RSS-Feed", atom="Atom-Feed", released="veröffentlicht am", year_nav="Jahrgänge",
    contact_office="Pressestelle", site_nav="Pressebereich", px="{w}\u00a0×\u00a0{h}\u00a0Pixel",
    for_newsrooms="Für Redaktionen",
    kits="Pressemappen",
    kit_releases="Die Pressemitteilungen dieser Mappe",
    subscribe_text="Neue Pressemitteilungen erscheinen zuerst in unseren Feeds.",
)

ENGLISH = WebWords(
    lang="en", locale="en_GB", newsroom="Press releases", skip="Skip to content",
    all_releases="All press releases", pdf="Press release as PDF for printing",
    downloads="Downloads", full_photo="Photo at full resolution", usage="Use: {terms}",
    default_usage="Free for editorial use with credit", feeds="Subscribe:",
    rss="RSS feed", atom="Atom feed", released="published on", year_nav="Years",
    contact_office="Press office", site_nav="Newsroom", px="{w}\u00a0×\u00a0{h}\u00a0pixels",
    for_newsrooms="For newsrooms",
    kits="Press kits",
    kit_releases="The press releases in this kit",
    subscribe_text="New press releases appear in our feeds first.",
)

_BY_LANG = {"de": GERMAN, "en": ENGLISH}


def words_for(lang: str) -> WebWords:
    return _BY_LANG.get(lang, GERMAN)
