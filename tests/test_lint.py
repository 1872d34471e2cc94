"""presskit.source.lint: warnings about valid releases, located at the character."""

from __future__ import annotations

import datetime

from presskit.source.lint import lint_release
from presskit.source.model import Release, validate_release
from presskit.source.loader import parse_yaml

TODAY = datetime.date(2019, 1, 10)
BODY = "Der Kreistag hat am Montag den Haushalt beschlossen. " * 8  # ~430 characters


def lint(text: str) -> list[str]:
    release = validate_release(parse_yaml(text, "r.yaml"))
    return [d.format() for d in lint_release(release, today=TODAY)]


def base(**extra: str) -> str:
    lines = ["title: Kreistag beschließt Haushalt", "date: 2019-01-18", f"body: {BODY}"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def test_clean_release_has_no_warnings():
    assert lint(base()) == []


def test_long_headline():
    title = "Kreistag " * 11
    assert lint(base().replace("Kreistag beschließt Haushalt", title.strip())) == [
        "r.yaml:1:8: warning: the headline is 98 characters long; keep it under 90 "
        "(move details into the subtitle or the lead)"
    ]


def test_body_length():
    assert lint("title: T\ndate: 2019-01-18\nbody: Kurz.\n") == [
        "r.yaml:3:7: warning: the body is only 5 characters long "
        "(a press release usually needs at least 300 characters)"
    ]
    long = lint("title: T\ndate: 2019-01-18\nbody: " + "Wort " * 1300 + "\n")
    assert long == ["r.yaml:3:7: warning: the body is 6499 characters long "
                    "(keep it under 6000 characters; link to background material instead)"]


def test_embargo_in_the_past():
    assert lint(base(embargo="2019-01-09 10:00")) == [
        "r.yaml:4:10: warning: the embargo 2019-01-09 10:00 is in the past (correct the date or remove 'embargo:')"
    ]
    assert lint(base(embargo="2019-01-10 10:00")) == []


def test_slips_in_a_literal_block_are_exact():
    text = (
        "title: Hallo\ndate: 2019-01-18\nbody: |\n"
        f"  {BODY}\n"
        "\n"
        "  Es gab  Kuchen , Kaffee ... und mehr - sagte er.\n"
        "  Er sagte: \"Gut.\n"
    )
    assert lint(text) == [
        "r.yaml:6:9: warning: double space in 'body' (write a single space)",
        "r.yaml:6:17: warning: space before ',' in 'body' (remove the space before the punctuation mark)",
        "r.yaml:6:27: warning: '...' in 'body' (write the ellipsis character …)",
        "r.yaml:6:39: warning: ' - ' used as a dash in 'body' (write an en dash with spaces: ' – ')",
        "r.yaml:7:13: warning: a straight quote (\") in 'body' cannot be paired "
        "(check the quotes: each opening \" needs a closing one)",
    ]


def test_slips_in_plain_scalars_and_nested_fields():
    text = base().replace("Kreistag beschließt Haushalt", "Kreistag  tagt") + (
        "facts:\n  - Einwohner: rund 83.000 !\n  - Eintritt frei ...\n"
        "images:\n  - file: a.jpg\n    alt: Ein Foto\n    caption: \"Der Landrat - links\"\n"
    )
    assert lint(text) == [
        "r.yaml:1:16: warning: double space in 'title' (write a single space)",
        "r.yaml:5:27: warning: space before '!' in a fact (remove the space before the punctuation mark)",
        "r.yaml:6:19: warning: '...' in a fact (write the ellipsis character …)",
        "r.yaml:10:26: warning: ' - ' used as a dash in the caption of an image (write an en dash with spaces: ' – ')",
    ]


def test_paired_quotes_and_list_items_are_fine():
    text = (
        "title: Hallo\ndate: 2019-01-18\nbody: |\n"
        f"  {BODY}\n\n  - erster Punkt\n  - zweiter Punkt\n\n  \"Ein Zitat\", sagte sie.\n"
    )
    assert lint(text) == []


def test_release_without_source():
    release = Release(title="T", date=datetime.date(2019, 1, 18), body="Kurz ...")
    messages = [d.format() for d in lint_release(release, today=TODAY)]
    assert messages == [
        "warning: the body is only 8 characters long (a press release usually needs at least 300 characters)",
        "warning: '...' in 'body' (write the ellipsis character …)",
    ]


def test_placeholder_text_from_the_new_template():
    from presskit.source.newfile import render_template

    text = render_template("Kreistag beschließt Haushalt", datetime.date(2019, 1, 18))
    warnings = lint(text)
    placeholder = [w for w in warnings if "placeholder text from the template" in w]
    assert any(w.startswith("r.yaml:") and "'lead'" in w for w in placeholder), warnings
    assert any("'body'" in w for w in placeholder), warnings
    # a release written in its own words gets no such warning
    assert not [w for w in lint(base(lead="Der Kreistag hat heute den Haushalt 2019 beschlossen."))
                if "placeholder" in w]


def test_a_headline_word_wider_than_the_line_is_reported_where_it_stands(tmp_path):
    from presskit.jobs import check_one

    word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellerverband"
    source = tmp_path / "r.yaml"
    source.write_text(base().replace("Kreistag beschließt Haushalt", f"Der {word} tagt"), "utf-8")
    result = check_one(source, today=TODAY)
    messages = [d.format() for d in result.diagnostics]
    assert any(f"r.yaml:1:12: warning: the headline word '{word}' is wider than the line" in m for m in messages), messages
    source.write_text(base(), "utf-8")
    assert check_one(source, today=TODAY).diagnostics == ()
