"""An item's linked meeting and earlier minute are named so that import finds the same
row export meant (links.py), whatever the body's numbering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import export_data, import_data
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Meeting, db
from tests.exchange.databases import every_row

HERE = Path(__file__).parent  # no documents here, so any folder will do as the file's


def record(*meetings: dict, restart: str = "per-meeting") -> dict:
    return {
        "format": "minute-book/1",
        "bodies": [
            {
                "name": "Planning Committee",
                "numbering": {"pattern": "{n}", "restart": restart},
                "meetings": list(meetings),
            }
        ],
    }


def meeting(date: str, *items: dict, start: str = "") -> dict:
    found = {"date": date, "items": list(items)}
    if start:
        found["start"] = start
    return found


def item(number: str, **fields) -> dict:
    return {"number": number, "title": f"Item {number}", **fields}


def exported_items(meeting_index: int) -> list[dict]:
    return export_data()["bodies"][0]["meetings"][meeting_index]["items"]


def linked_number(row: AgendaItem) -> tuple[dt.date, str]:
    linked = row.linked_item
    return linked.meeting.date, linked.number


def test_a_number_is_the_latest_earlier_minute_and_an_older_one_names_its_meeting(database):
    data = record(
        meeting("2013-01-07", item("1"), item("2")),
        meeting("2013-02-04", item("1"), item("2")),
        meeting(
            "2013-03-04",
            item("1", linked_minute="2"),
            item("2", linked_minute={"meeting": "2013-01-07", "number": "2"}),
        ),
    )
    import_data(data, base_dir=HERE)
    march = AgendaItem.select().join(Meeting).where(Meeting.date == dt.date(2013, 3, 4))
    links = {row.number: linked_number(row) for row in march}
    assert links == {"1": (dt.date(2013, 2, 4), "2"), "2": (dt.date(2013, 1, 7), "2")}
    assert [i.get("linked_minute") for i in exported_items(2)] == [
        "2",
        {"meeting": "2013-01-07", "number": "2"},
    ]


def test_a_day_with_two_meetings_needs_the_start_time(database):
    data = record(
        meeting("2013-05-01", start="10:00"),
        meeting("2013-05-01", start="18:00"),
        meeting("2013-06-03", item("1", linked_meeting="2013-05-01T18:00")),
    )
    import_data(data, base_dir=HERE)
    assert exported_items(2)[0]["linked_meeting"] == "2013-05-01T18:00"
    assert AgendaItem.get().linked_meeting.start_time == "18:00"

    data["bodies"][0]["meetings"][2]["items"][0]["linked_meeting"] = "2013-05-01"
    before = every_row()
    with pytest.raises(ValidationError) as refused:
        import_data(data, base_dir=HERE)
    assert str(refused.value) == (
        "bodies[0].meetings[2].items[0].linked_meeting: the body has 2 meetings on "
        "2013-05-01; add the start time, e.g. “2013-05-01T10:00”"
    )
    assert every_row() == before


def test_a_date_alone_is_the_meeting_with_no_start_time_that_day(database):
    data = record(
        meeting("2013-05-01"),
        meeting("2013-05-01", start="18:00"),
        meeting("2013-06-03", item("1", linked_meeting="2013-05-01")),
    )
    import_data(data, base_dir=HERE)
    assert AgendaItem.get().linked_meeting.start_time == ""
    assert exported_items(2)[0]["linked_meeting"] == "2013-05-01"


def test_an_item_may_link_to_a_later_meeting_in_the_file(database):
    data = record(
        meeting("2013-01-07", item("1", kind="date of next meeting", linked_meeting="2013-02-04")),
        meeting("2013-02-04"),
    )
    summary = import_data(data, base_dir=HERE)
    assert AgendaItem.get().linked_meeting.date == dt.date(2013, 2, 4)
    assert summary.created["agenda items"] == 1 and not summary.updated


def test_a_link_may_name_a_meeting_already_here_but_not_in_the_file(database):
    import_data(record(meeting("2013-01-07", item("1"), item("2"))), base_dir=HERE)
    later = record(meeting("2013-02-04", item("1", linked_minute="2", linked_meeting="2013-01-07")))
    import_data(later, base_dir=HERE)
    row = AgendaItem.get(AgendaItem.linked_item.is_null(False))
    assert linked_number(row) == (dt.date(2013, 1, 7), "2")
    assert row.linked_meeting.date == dt.date(2013, 1, 7)


def test_a_link_to_a_deleted_meeting_is_left_out_of_the_export(database):
    data = record(
        meeting("2013-01-07"), meeting("2013-02-04", item("1", linked_meeting="2013-01-07"))
    )
    import_data(data, base_dir=HERE)
    with db.atomic():
        changes.delete(Meeting.get(Meeting.date == dt.date(2013, 1, 7)))
    assert "linked_meeting" not in exported_items(0)[0]


def test_export_refuses_a_link_into_another_body(database):
    import_data(record(meeting("2013-01-07", item("1"))), base_dir=HERE)
    other = record(meeting("2013-03-01", item("7")))
    other["bodies"][0]["name"] = "Licensing Committee"
    import_data(other, base_dir=HERE)
    with db.atomic():
        changes.update(
            AgendaItem.get(AgendaItem.number == "1"),
            linked_meeting=Meeting.get(Meeting.date == dt.date(2013, 3, 1)).id,
        )
    with pytest.raises(ValidationError, match="links to a meeting of Licensing Committee"):
        export_data()


def test_export_refuses_a_link_to_a_minute_with_no_number(database):
    import_data(
        record(meeting("2013-01-07", item("")), meeting("2013-02-04", item("1"))),
        base_dir=HERE,
    )
    with db.atomic():
        changes.update(
            AgendaItem.get(AgendaItem.number == "1"),
            linked_item=AgendaItem.get(AgendaItem.number == "").id,
        )
    with pytest.raises(ValidationError, match="which has no minute number"):
        export_data()
