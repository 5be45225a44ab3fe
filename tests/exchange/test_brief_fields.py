"""The chair's brief fields in the exchange format: a body's clerk (a person's key), and an
item's time allowed and note for the chair, through export, import and a second import."""

from __future__ import annotations

import json

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.storage.models import AgendaItem, Body, JournalEntry
from tests.exchange.databases import every_row, opened
from tests.exchange.shapes import assert_in_format_order

NOTE = "Cllr Cooke will raise school transport.\n\nKeep to the plan — “short”."


def with_brief(data: dict) -> dict:
    """The example with a clerk, and times and notes on some items and a sub-item."""
    data["people"].append(
        {
            "key": "clerk",
            "name": "Ruth Clerk",
            "position": "Democratic Services Officer",
            "email": "ruth.clerk@example.gov.uk",
            "phone": "01622 123456",
        }
    )
    board = data["bodies"][0]
    board["clerk"] = "clerk"
    items = board["meetings"][1]["items"]
    items[0]["minutes_allowed"] = 5
    items[3].update(minutes_allowed=30, brief_note=NOTE)
    items[6]["items"][0]["brief_note"] = "Only if time allows."
    return data


@pytest.fixture
def brief(example_path) -> dict:
    return with_brief(json.loads(example_path.read_text(encoding="utf-8")))


def test_the_fields_land_in_their_columns(database, brief, tmp_path):
    import_data(brief, base_dir=tmp_path)
    body = Body.get(Body.name == "Maidstone Locality Board")
    assert body.clerk.key == "clerk"
    troubled = AgendaItem.get(AgendaItem.number == "33")
    assert (troubled.minutes_allowed, troubled.brief_note) == (30, NOTE)
    assert AgendaItem.get(AgendaItem.number == "30").minutes_allowed == 5
    sub = AgendaItem.get(AgendaItem.title == "Future Kent Libraries provision update")
    assert sub.brief_note == "Only if time allows." and sub.minutes_allowed is None


def test_the_fields_survive_export_and_import_into_an_empty_folder(tmp_path, brief):
    with opened(tmp_path / "first"):
        import_data(brief, base_dir=tmp_path)
        first = export_data()
        export_file(tmp_path / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "board.json")
        assert export_data() == first
    assert_in_format_order(first)
    board = first["bodies"][0]
    assert board["clerk"] == "clerk"
    assert "clerk" in [person["key"] for person in first["people"]]
    items = board["meetings"][1]["items"]
    assert items[3]["minutes_allowed"] == 30 and items[3]["brief_note"] == NOTE
    assert items[6]["items"][0]["brief_note"] == "Only if time allows."
    assert "minutes_allowed" not in items[1] and "brief_note" not in items[1]


def test_exporting_one_body_takes_its_clerk_along(tmp_path, brief):
    with opened(tmp_path / "first"):
        import_data(brief, base_dir=tmp_path)
        only = export_data(body_name="Maidstone Locality Board")
    assert only["bodies"][0]["clerk"] == "clerk"
    assert "clerk" in [person["key"] for person in only["people"]]


def test_importing_them_twice_changes_nothing_the_second_time(database, brief, tmp_path):
    import_data(brief, base_dir=tmp_path)
    journal, rows = JournalEntry.select().count(), every_row()
    assert not import_data(brief, base_dir=tmp_path).changed
    assert JournalEntry.select().count() == journal
    assert every_row() == rows


def test_a_field_left_out_is_cleared(database, brief, tmp_path):
    import_data(brief, base_dir=tmp_path)
    del brief["bodies"][0]["clerk"]
    del brief["bodies"][0]["meetings"][1]["items"][3]["brief_note"]
    del brief["bodies"][0]["meetings"][1]["items"][3]["minutes_allowed"]
    assert import_data(brief, base_dir=tmp_path).changed
    assert Body.get(Body.name == "Maidstone Locality Board").clerk_id is None
    troubled = AgendaItem.get(AgendaItem.number == "33")
    assert (troubled.minutes_allowed, troubled.brief_note) == (None, "")


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda b: b.update(clerk="nobody"), "bodies[0].clerk", "unknown person “nobody”"),
        (
            lambda b: b["meetings"][1]["items"][3].update(minutes_allowed=-10),
            "bodies[0].meetings[1].items[3].minutes_allowed",
            "must be 1 or more",
        ),
        (
            lambda b: b["meetings"][1]["items"][3].update(minutes_allowed=600),
            "bodies[0].meetings[1].items[3].minutes_allowed",
            "at most 480",
        ),
        (
            lambda b: b["meetings"][1]["items"][3].update(minutes_allowed="ten"),
            "bodies[0].meetings[1].items[3].minutes_allowed",
            "expected a whole number",
        ),
        (
            lambda b: b["meetings"][1]["items"][3].update(brief_note="x" * 100_001),
            "bodies[0].meetings[1].items[3].brief_note",
            "at most 100,000",
        ),
    ],
)
def test_a_bad_value_is_refused_with_its_path_and_nothing_changes(
    database, brief, tmp_path, change, where, words
):
    change(brief["bodies"][0])
    rows = every_row()
    with pytest.raises(ValidationError) as refused:
        import_data(brief, base_dir=tmp_path)
    assert where in str(refused.value) and words in str(refused.value)
    assert every_row() == rows
