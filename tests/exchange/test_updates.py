"""Quarterly updates in the exchange format: a group's update, edited and attached to its
board's meeting, leaves and comes back as the same record, on the same board item; importing
it twice changes nothing; a file is refused, with the place of the fault, for what the window
refuses."""

from __future__ import annotations

import copy

import pytest

from desktop_app.exchange import export_data, import_data
from desktop_app.exchange.update_record import UPDATE_FIELDS
from desktop_app.services.updates import attaching, writing
from desktop_app.storage.models import QuarterlyUpdate
from tests.exchange.databases import every_row, opened, refused_import
from tests.exchange.shapes import assert_in_format_order
from tests.updates.seed import QUARTER, TODAY, WRITTEN, seed_quarter


def seeded() -> str:
    seed = seed_quarter()
    made = writing.draft_update(
        body_id=seed.group_id, quarter=QUARTER, prepared_by_id=seed.officer_id,
        date="2011-10-14", today=TODAY,
    )  # fmt: skip
    writing.edit_update(update_id=made.id, **WRITTEN)
    attaching.attach_update(update_id=made.id)
    return made.id


def group_of(data: dict) -> dict:
    return next(b for b in data["bodies"] if b["name"] == "Economic Development and Regeneration")


def test_an_attached_update_comes_back_as_the_same_record(tmp_path):
    with opened(tmp_path / "first"):
        made = seeded()
        view = writing.get_update(made)
        first = export_data()
    (update,) = group_of(first)["updates"]
    assert list(update) == [name for name in UPDATE_FIELDS if name in update]
    assert {k: update[k] for k in ("quarter", "title", "date", "rag")} == {
        "quarter": "2011-07-01",
        "title": "Quarter 2 update: Regeneration",
        "date": "2011-10-14",
        "rag": "red",
    }
    assert update["attached"] == {"meeting": "2011-10-25", "item": view.title}
    assert update["activity"] == WRITTEN["activity"]
    assert_in_format_order(first)
    with opened(tmp_path / "second"):
        import_data(copy.deepcopy(first), base_dir=tmp_path)
        assert export_data() == first
        (row,) = QuarterlyUpdate.select()
        again = writing.get_update(row.id)
        # The same words, dates and status, by the same person (a new id in a new folder).
        words = {k: v for k, v in view.values.items() if k != "prepared_by_id"}
        assert {k: again.values[k] for k in words} == words
        assert (again.prepared_by, again.meeting_date) == ("Sarah Robson", view.meeting_date)


def test_importing_the_same_update_twice_changes_nothing(tmp_path):
    with opened(tmp_path / "first"):
        seeded()
        data = export_data()
    with opened(tmp_path / "second"):
        import_data(copy.deepcopy(data), base_dir=tmp_path)
        before = every_row()
        import_data(copy.deepcopy(data), base_dir=tmp_path)
        assert every_row() == before


@pytest.mark.parametrize(
    ("change", "place", "sentence"),
    [
        (dict(quarter="2099-01-01"), "quarter", "Quarter 4 2098/99 has not begun"),
        (dict(title=" "), "title", "title cannot be empty"),
        (dict(rag="purple"), "rag", "The overall RAG status is red, amber or green"),
        (dict(attached={"meeting": "2011-10-25", "item": "Nothing"}), "attached",
         "the board has no item “Nothing” at its meeting of 2011-10-25"),
    ],
)  # fmt: skip
def test_a_file_is_refused_for_what_the_window_refuses(tmp_path, change, place, sentence):
    with opened(tmp_path / "first"):
        seeded()
        data = export_data()
    group_of(data)["updates"][0].update(change)
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert f"updates[0].{place}" in message and sentence in message, message


def test_a_body_with_no_board_is_refused_its_updates(tmp_path):
    with opened(tmp_path / "first"):
        seeded()
        data = export_data()
    group_of(data).pop("parent")
    group_of(data)["updates"][0].pop("attached")
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert "updates[0].quarter" in message
    assert "does not report to a board" in message
