"""The fields of the meeting cycle (issue 4) survive export and import: sub-item numbering,
the agenda template, a meeting's reason and privacy, an item's start time and links,
a document's date, an action's progress, a person's phone, attendance and declarations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Document,
    JournalEntry,
    Meeting,
    Person,
)
from tests.exchange.databases import opened
from tests.exchange.papers import paper_pdf
from tests.exchange.shapes import assert_in_format_order

TEMPLATE = [
    {"title": "Apologies for Absence", "kind": "apologies"},
    {"title": "Declarations of Interest", "kind": "declarations"},
    {"title": "Minutes of the previous meeting", "kind": "previous minutes"},
    {"title": "Any Other Business", "kind": "any other business"},
]
NEW_FIELDS = {
    "phone",
    "sub",
    "template",
    "reason",
    "public",
    "started",
    "linked_meeting",
    "linked_minute",
    "progress",
}


def with_every_field(data: dict) -> dict:
    """The example with each field of the meeting cycle set somewhere."""
    data["people"][0]["phone"] = "01622 694000"
    board = data["bodies"][0]
    board["numbering"]["sub"] = "letter"
    board["template"] = TEMPLATE
    december = board["meetings"][1]
    december["chair"] = "stockell"
    december["public_attendees"] = 3
    december["attendance"][0].update(arrived="14:45", left="16:10")
    items = december["items"]
    items[1].update(started="14:35", linked_meeting="2012-10-01")
    items[3]["declarations"] = [
        {
            "person": "cooke",
            "kind": "other significant",
            "description": "Spouse works for the Troubled Families programme.",
            "left_room": True,
        }
    ]
    items[4]["actions"][0]["progress"] = "Project groups met in January; next in April."
    items[4]["documents"] = [
        {"title": "Priorities paper", "author": "MBC", "date": "2012-12-10", "file": "paper.pdf"}
    ]
    board["meetings"] += [
        {
            "date": "2013-02-11",
            "start": "14:30",
            "kind": "ordinary",
            "status": "postponed",
            "reason": "Too few members could attend to be quorate.",
            "public": False,
        },
        {
            "date": "2013-03-18",
            "start": "14:30",
            "kind": "ordinary",
            "status": "agenda published",
            "items": [
                {
                    "number": "38",
                    "title": "Minutes",
                    "kind": "previous minutes",
                    "started": "14:31",
                    "linked_meeting": "2012-12-17",
                },
                {
                    "number": "39",
                    "title": "Priorities: the sub groups",
                    "kind": "matters arising",
                    "linked_minute": "34",
                    "items": [
                        {"number": "39(a)", "title": "Community Budgets", "kind": "report"},
                        {
                            "number": "39(b)",
                            "title": "Worklessness",
                            "kind": "report",
                            # In its own meeting, so named with it (links.py).
                            "linked_minute": {"meeting": "2013-03-18", "number": "39(a)"},
                        },
                    ],
                },
            ],
        },
    ]
    return data


@pytest.fixture
def papers(tmp_path, example_path) -> tuple[dict, Path]:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "paper.pdf").write_bytes(paper_pdf("Priorities"))
    return with_every_field(json.loads(example_path.read_text(encoding="utf-8"))), folder


def test_every_field_survives_export_and_import_into_an_empty_folder(tmp_path, papers):
    data, folder = papers
    with opened(tmp_path / "first"):
        import_data(data, base_dir=folder)
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert export_data() == first
    assert_in_format_order(first)
    board = first["bodies"][0]
    assert board["numbering"]["sub"] == "letter"
    assert board["template"] == TEMPLATE
    assert first["people"][0]["phone"] == "01622 694000"
    december, postponed, march = board["meetings"][1:]
    assert december["chair"] == "stockell" and december["public_attendees"] == 3
    assert december["attendance"][0] == data["bodies"][0]["meetings"][1]["attendance"][0]
    assert december["items"][1]["started"] == "14:35"
    assert december["items"][1]["linked_meeting"] == "2012-10-01"
    assert (
        december["items"][3]["declarations"]
        == data["bodies"][0]["meetings"][1]["items"][3]["declarations"]
    )
    assert december["items"][4]["actions"][0]["progress"].startswith("Project groups met")
    assert december["items"][4]["documents"][0]["date"] == "2012-12-10"
    assert postponed["reason"].startswith("Too few members") and postponed["public"] is False
    assert march["items"][0]["linked_meeting"] == "2012-12-17"
    assert march["items"][1]["linked_minute"] == "34"
    assert march["items"][1]["items"][1]["linked_minute"] == {
        "meeting": "2013-03-18",
        "number": "39(a)",
    }


def test_every_field_lands_in_its_column(database, papers):
    data, folder = papers
    import_data(data, base_dir=folder)
    board = Body.get(Body.name == "Maidstone Locality Board")
    assert board.sub_numbering == "letter"
    assert json.loads(board.agenda_template) == TEMPLATE
    assert Person.get(Person.key == "alland").phone == "01622 694000"
    postponed = Meeting.get(Meeting.date == dt.date(2013, 2, 11))
    assert postponed.status_reason.startswith("Too few") and postponed.is_public is False
    minutes = AgendaItem.get(AgendaItem.number == "38")
    assert minutes.linked_meeting.date == dt.date(2012, 12, 17)
    assert minutes.started_at == "14:31"
    assert AgendaItem.get(AgendaItem.number == "39").linked_item.title.startswith("Locality")
    assert AgendaItem.get(AgendaItem.number == "39(b)").linked_item.number == "39(a)"
    assert AgendaItem.get(AgendaItem.number == "31").linked_meeting.date == dt.date(2012, 10, 1)
    assert Document.get().date == dt.date(2012, 12, 10)
    assert Action.select().where(Action.progress != "").count() == 1
    declaration = Declaration.get()
    assert (declaration.person.key, declaration.kind, declaration.left_room) == (
        "cooke",
        "other significant",
        True,
    )
    assert declaration.meeting.date == dt.date(2012, 12, 17)
    late = Attendance.get(Attendance.arrived != "")
    assert (late.arrived, late.left) == ("14:45", "16:10")


def test_importing_every_field_twice_changes_nothing_the_second_time(database, papers):
    data, folder = papers
    import_data(data, base_dir=folder)
    journal = JournalEntry.select().count()
    assert not import_data(data, base_dir=folder).changed
    assert JournalEntry.select().count() == journal


def test_a_field_left_out_is_cleared_like_any_other(database, papers):
    data, folder = papers
    import_data(data, base_dir=folder)
    board = data["bodies"][0]
    del board["template"], board["numbering"]["sub"]
    del board["meetings"][3]["items"][0]["linked_meeting"]
    del board["meetings"][2]["public"]

    summary = import_data(data, base_dir=folder)

    assert dict(summary.updated) == {"bodies": 1, "meetings": 1, "agenda items": 1}
    body = Body.get(Body.name == "Maidstone Locality Board")
    assert (body.agenda_template, body.sub_numbering) == ("", "decimal")
    assert AgendaItem.get(AgendaItem.number == "38").linked_meeting is None
    assert Meeting.get(Meeting.date == dt.date(2013, 2, 11)).is_public


def test_the_shipped_example_exports_with_none_of_the_new_fields(database, example_path):
    import_file(example_path)

    def keys(value) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    exported = export_data()
    assert not keys(exported) & NEW_FIELDS
    example = json.loads(example_path.read_text(encoding="utf-8"))
    assert exported["bodies"][0]["numbering"] == {
        **example["bodies"][0]["numbering"],
        "year_starts": "05-01",
    }


def test_the_shared_example_still_imports(database):
    # A copy of ../shared/examples/locality-board.json as it was given: the product must
    # keep importing it unchanged, on any checkout.
    shared = Path(__file__).parent / "data" / "shared-locality-board.json"
    assert import_file(shared).created["meetings"] == 2
    assert not import_file(shared).changed
