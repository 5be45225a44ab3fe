"""Text that breaks the encoder (issue 12): a lone surrogate, NUL or another control
character anywhere in a file is refused with its place, by the window's rule
(rules/text.py); line breaks and tabs in free text are kept."""

from __future__ import annotations

import json

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import import_data, import_file
from desktop_app.storage.models import AgendaItem, Minute
from tests.exchange.databases import refused_import as refused

MEETING = "bodies[0].meetings[1]"


@pytest.fixture
def example(database, example_path) -> dict:
    return json.loads(example_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("place", "value", "expected"),
    [
        (
            lambda d: d["bodies"][0]["meetings"][1]["items"][2],
            "x\ud800y",
            f"{MEETING}.items[2].title: contains half of a character (U+D800, a lone "
            "surrogate), which cannot be stored",
        ),
        (
            lambda d: d["bodies"][0]["meetings"][1]["items"][2],
            "x\x00y",
            f"{MEETING}.items[2].title: contains a character that cannot be stored (NUL)",
        ),
        (
            lambda d: d["bodies"][0]["meetings"][1]["items"][2],
            "Bell\x07",
            f"{MEETING}.items[2].title: contains an invisible control character (U+0007); "
            "remove it",
        ),
        (
            lambda d: d["bodies"][0]["meetings"][1]["items"][2],
            "Two\tcolumns",
            f"{MEETING}.items[2].title: must be a single line of text, without tabs",
        ),
    ],
)
def test_a_character_that_cannot_be_stored_in_a_title_is_refused(
    example, example_path, place, value, expected
):
    place(example)["title"] = value
    assert refused(example, example_path.parent) == expected


def test_a_lone_surrogate_in_free_text_is_refused(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][3]["minute"]["overview"] = "a\udfffb"
    message = refused(example, example_path.parent)
    assert message.startswith(f"{MEETING}.items[3].minute.overview: contains half of a character")


def test_a_lone_surrogate_in_a_key_point_is_refused(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][3]["minute"]["key_points"] = ["ok", "\ud83d"]
    message = refused(example, example_path.parent)
    assert message.startswith(f"{MEETING}.items[3].minute.key_points[1]: contains half")


def test_a_lone_surrogate_in_a_field_name_is_quoted_printably(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][3]["colour\ud800"] = "red"
    message = refused(example, example_path.parent)
    assert message.startswith(f"{MEETING}.items[3].colour\ufffd: not a field")
    message.encode("utf-8")  # printable: no lone surrogate left


def test_an_escaped_surrogate_in_the_json_text_is_refused(database, tmp_path, example_path):
    text = example_path.read_text(encoding="utf-8").replace(
        '"Apologies for Absence"', '"Apologies \\ud800 for Absence"'
    )
    path = tmp_path / "board.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=r"items\[0\]\.title: contains half of a character"):
        import_file(path)


def test_line_breaks_and_tabs_in_free_text_are_kept(example, example_path):
    overview = "First line\n\tindented\r\nlast"
    example["bodies"][0]["meetings"][1]["items"][3]["minute"]["overview"] = overview
    import_data(example, base_dir=example_path.parent)
    item = AgendaItem.get(AgendaItem.number == "33")
    assert Minute.get(Minute.item == item.id).overview == overview
