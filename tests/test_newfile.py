"""``presskit new``: slugs, the template, never overwriting, and the example releases."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from presskit.errors import InputError, PresskitError
from presskit.source.newfile import (
    FALLBACK_SLUG,
    render_template,
    slugify,
    write_new_release,
    yaml_double_quoted,
)

REPO = Path(__file__).resolve().parent.parent
RELEASES = sorted((REPO / "releases").glob("*.yaml"))
DAY = datetime.date(2027, 1, 18)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kreistag beschließt Haushalt 2027", "kreistag-beschliesst-haushalt-2027"),
        ("Öffentliche Übergabe der Äcker", "oeffentliche-uebergabe-der-aecker"),
        ("GROSSE STRASSE: ÄRGER", "grosse-strasse-aerger"),
        ("Straße ẞ", "strasse-ss"),
        ("Café in Gardelegen eröffnet", "cafe-in-gardelegen-eroeffnet"),
        ("Crème brûlée & Co.", "creme-brulee-co"),
        ("Kooperation mit Łódź und Ærø", "kooperation-mit-lodz-und-aeroe"),
        # a decomposed umlaut (u + combining diaeresis) is treated like ü
        ("Bru\u0308cke", "bruecke"),
        ('"Stark. Sozial. Vor Ort." -- Kampagne', "stark-sozial-vor-ort-kampagne"),
        ("  Freigabe   der K 1390!!! ", "freigabe-der-k-1390"),
        ("Sperrfrist: 10:00 Uhr / Ort: Salzwedel", "sperrfrist-10-00-uhr-ort-salzwedel"),
        ("100 % Ökostrom für 12,5 km", "100-oekostrom-fuer-12-5-km"),
        ("...!!!", FALLBACK_SLUG),
        ("", FALLBACK_SLUG),
        ("„“ – —", FALLBACK_SLUG),
        ("日本語", FALLBACK_SLUG),
    ],
)
def test_slug_table(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slug_of_a_long_title_is_cut_at_a_word_boundary() -> None:
    title = (
        "Der Kreistag des Altmarkkreises Salzwedel beschließt in seiner Sitzung am "
        "Montag den Haushalt für das kommende Jahr"
    )
    slug = slugify(title)
    assert len(slug) <= 60
    assert slug == "der-kreistag-des-altmarkkreises-salzwedel-beschliesst-in"
    assert not slug.endswith("-")
    # every word in the slug is a whole word of the title
    assert slugify(title, max_length=1000).startswith(slug + "-")


def test_slug_cut_exactly_at_a_boundary_keeps_the_last_word() -> None:
    assert slugify("abc def", max_length=7) == "abc-def"
    assert slugify("abc def", max_length=6) == "abc"


def test_slug_of_one_overlong_word_is_cut_hard() -> None:
    word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenhutband" * 3
    slug = slugify(word, max_length=60)
    assert len(slug) == 60
    assert slug.isalnum()


@pytest.mark.parametrize(
    "title",
    [
        "Kreistag beschließt Haushalt 2027",
        'Landrat: "Wir bleiben dran" # kein Kommentar',
        "Titel mit 'einfachen' und \"doppelten\" Anführungszeichen",
        "- beginnt wie eine Liste: ja",
        "! & * | > % @ ` { } [ ] , ?",
        "No",
        "01067",
        "2027-01-18",
        "Backslash \\ am Ende \\",
        "$title und ${date} bleiben Text",
        "Tabulator\tim Titel",
        "Steuerzeichen \x07 und BOM \ufeff und weiches Trenn\u00adzeichen",
        "12,5\u00a0km mit geschütztem Leerzeichen",
        "Emoji 🚧 und „deutsche“ Anführungszeichen",
    ],
)
def test_title_round_trips_through_yaml(title: str) -> None:
    text = render_template(title, DAY)
    data = yaml.safe_load(text)
    assert data["title"] == " ".join(title.split())
    assert isinstance(data["title"], str)


@pytest.mark.parametrize("text", ["", "a\nb", "\x00\x1f\x7f\x85\u2028\u2029", "\U0001f600", '"\\'])
def test_yaml_double_quoted_round_trips_any_text(text: str) -> None:
    assert yaml.safe_load(yaml_double_quoted(text)) == text


def test_title_on_several_lines_becomes_one_line() -> None:
    data = yaml.safe_load(render_template("Erste Zeile\n  zweite Zeile\r\n", DAY))
    assert data["title"] == "Erste Zeile zweite Zeile"


def test_empty_title_is_a_usage_error() -> None:
    with pytest.raises(PresskitError) as info:
        render_template("  \n ", DAY)
    assert info.value.exit_code == 2


def test_template_loads_with_title_date_and_body() -> None:
    text = render_template("Kreistag beschließt Haushalt 2027", DAY)
    assert "$" not in text.replace("$$", "")  # every placeholder was filled
    data = yaml.safe_load(text)
    assert data["title"] == "Kreistag beschließt Haushalt 2027"
    assert data["date"] == DAY  # plain YAML reads it as a date; presskit reads the text
    assert "2027-01-18" in text
    body = data["body"]
    assert isinstance(body, str) and body.strip()
    assert "\n## " in "\n" + body
    assert "\n> " in "\n" + body
    assert isinstance(data["lead"], str)
    # the brand supplies the contact block: the template shows it commented out
    assert "contact" not in data
    assert "# contact:" in text
    assert set(data) <= {
        "title", "subtitle", "date", "place", "number", "embargo", "lang", "lead", "body",
        "facts", "images", "links", "contact", "about", "closing", "keywords",
    }


def test_commented_examples_of_the_template_are_valid_when_uncommented() -> None:
    """Uncommenting an example key must not give the user a YAML error."""
    text = render_template("Titel", DAY)
    example_line = re.compile(r"# ([a-z_]+:|  +\S)")
    lines = [line[2:] if example_line.match(line) else line for line in text.splitlines()]
    data = yaml.safe_load("\n".join(lines))
    assert set(data) == {
        "title", "subtitle", "date", "place", "number", "embargo", "lang", "lead", "body",
        "facts", "images", "links", "contact", "about", "closing", "keywords",
    }
    assert data["images"][0]["alt"]
    assert data["contact"]["people"][0]["name"]
    assert all(isinstance(k, str) for k in data["keywords"])


def test_write_new_release_creates_the_directory_and_the_file(tmp_path: Path) -> None:
    directory = tmp_path / "neu" / "releases"
    path = write_new_release("Kreistag beschließt Haushalt 2027", DAY, directory)
    assert path == directory / "2027-01-18-kreistag-beschliesst-haushalt-2027.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["title"] == "Kreistag beschließt Haushalt 2027"
    assert b"\r\n" not in path.read_bytes()


def test_write_new_release_never_overwrites(tmp_path: Path) -> None:
    path = write_new_release("Haushalt 2027", DAY, tmp_path)
    path.write_text("title: von Hand bearbeitet\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_new_release("Haushalt 2027", DAY, tmp_path)
    assert path.read_text(encoding="utf-8") == "title: von Hand bearbeitet\n"
    message = str(info.value)
    assert "already exists" in message and path.name in message
    assert info.value.diagnostics[0].hint
    assert info.value.exit_code == 1


def test_same_slug_from_another_title_is_not_overwritten_either(tmp_path: Path) -> None:
    write_new_release("Haushalt 2027!", DAY, tmp_path)
    with pytest.raises(InputError):
        write_new_release("Haushalt  2027?", DAY, tmp_path)
    # another date is another file
    other = write_new_release("Haushalt 2027", datetime.date(2027, 1, 19), tmp_path)
    assert other.name == "2027-01-19-haushalt-2027.yaml"


def test_directory_that_is_a_file_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "releases"
    blocker.write_text("kein Ordner", encoding="utf-8")
    with pytest.raises(InputError):
        write_new_release("Titel", DAY, blocker)


# --- the example releases in releases/ ------------------------------------------------------


def test_there_are_example_releases() -> None:
    assert len(RELEASES) >= 4


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_example_release_parses(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    for key in ("title", "date", "body"):
        assert key in data, f"{path.name} lacks {key}"
    # the file name follows the convention YYYY-MM-DD-slug.yaml and matches the date
    assert path.name.startswith(str(data["date"]) + "-")
    for image in data.get("images") or []:
        assert (path.parent / image["file"]).is_file(), image["file"]
        assert image.get("alt"), f"{path.name}: {image['file']} has no alt text"
