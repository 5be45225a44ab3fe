"""Agenda order across export and import: the file holds no ranks, only its list order,
from which an import makes ranks; the export writes items in rank order."""

from __future__ import annotations

import json

from desktop_app.exchange import export_data, import_data, import_file
from desktop_app.rules import ranks
from desktop_app.services.meeting_cycle import agenda
from desktop_app.storage.models import AgendaItem, Meeting
from tests.exchange.databases import opened


def december(data: dict) -> dict:
    return next(m for m in data["bodies"][0]["meetings"] if m["date"] == "2012-12-17")


def outline(items: list[dict]) -> list:
    return [(item["title"], outline(item.get("items", []))) for item in items]


def test_an_import_ranks_the_items_in_the_files_order(database, example_path):
    wanted = outline(december(json.loads(example_path.read_text(encoding="utf-8")))["items"])

    import_file(example_path)

    assert outline(december(export_data())["items"]) == wanted
    lists: dict = {}
    for item in AgendaItem.select():
        lists.setdefault((item.meeting_id, item.parent_id), []).append(item.rank)
    for found in lists.values():
        assert all(ranks.is_rank(rank) and len(rank) == 1 for rank in found)
        assert len(set(found)) == len(found)


def test_a_moved_item_is_exported_in_its_new_place_and_imported_there(tmp_path, example_path):
    with opened(tmp_path / "first"):
        import_file(example_path)
        meeting = Meeting.get(Meeting.date == "2012-12-17")
        entries = agenda.list_agenda(meeting.id)
        agenda.move_item(item_id=entries[3].id, offset=-2)
        shown = [(e.title, e.depth) for e in agenda.list_agenda(meeting.id)]
        exported = export_data()
    assert [i["title"] for i in december(exported)["items"]][1] == entries[3].title

    with opened(tmp_path / "second"):
        import_data(exported, base_dir=tmp_path)
        meeting = Meeting.get(Meeting.date == "2012-12-17")
        assert [(e.title, e.depth) for e in agenda.list_agenda(meeting.id)] == shown
