"""The exchange format holds what the minutes say (issue 14): the items during which people
arrived and left, the date of the next meeting, a minute cited as text, offices held for
one meeting. Export and import give the same record; a file that breaks a rule is refused
with its path and changes nothing."""

from __future__ import annotations

import copy
import json

import pytest

from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.decisions import appointments
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.storage.models import AgendaItem, Attendance, Meeting, Person, Resolution
from tests.exchange.databases import EXAMPLE, opened, refused_import

MEETING = "bodies[0].meetings[1]"


def _item(number: str) -> AgendaItem:
    return AgendaItem.get(AgendaItem.number == number)


def _line(key: str) -> Attendance:
    person = Person.get(Person.key == key)
    return Attendance.get((Attendance.person == person.id) & Attendance.deleted_at.is_null())


def _say_it_all() -> None:
    """The example meeting with every field of issue 14 set through the services."""
    december = _item("33").__data__["meeting"]
    attendance.set_times(
        attendance_id=_line("daley").id, arrived="14:50", arrived_during=_item("33").id
    )
    attendance.set_times(attendance_id=_line("greer").id, left="16:15", left_during=_item("35").id)
    meetings.set_next_meeting(meeting_id=december, date="2013-02-04")
    agenda.update_item(item_id=_item("32").id, cited_minute="Cou/250/07-08")
    appointments.elect(
        item_id=_item("30").id,
        person_id=Person.get(Person.key == "cooke").id,
        role="vice-chair",
        term="meeting",
    )


def test_what_the_minutes_say_moves_between_machines_as_it_is(tmp_path):
    with opened(tmp_path / "first"):
        import_file(EXAMPLE)
        _say_it_all()
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    december = first["bodies"][0]["meetings"][1]
    items = {item["number"]: item for item in december["items"]}
    assert december["next_meeting"] == "2013-02-04"
    assert (items["33"]["arrivals"], items["35"]["departures"]) == (["daley"], ["greer"])
    assert items["32"]["cites"] == "Cou/250/07-08"
    election = items["30"]["resolutions"][-1]
    assert (election["role"], election["term"]) == ("vice-chair", "meeting")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert export_data() == first
        assert _line("daley").__data__["arrived_during"] == _item("33").id
        assert _line("greer").__data__["left_during"] == _item("35").id
        assert Meeting.get_by_id(_item("33").__data__["meeting"]).next_meeting_date.isoformat() == (
            "2013-02-04"
        )


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path):
    with opened(tmp_path / "first"):
        import_file(EXAMPLE)
        _say_it_all()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        once = export_data()
        summary = import_file(tmp_path / "out" / "board.json")
        assert export_data() == once
        assert not summary.updated and not summary.created


@pytest.fixture
def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_a_vice_chair_elected_for_one_meeting_is_imported(database, example):
    december = example["bodies"][0]["meetings"][1]
    december["items"][0].setdefault("resolutions", []).append(
        {
            "text": "That Cllr Gary Cooke be elected Vice-Chair for this meeting.",
            "kind": "election",
            "appointee": "cooke",
            "role": "vice-chair",
            "term": "meeting",
        }
    )

    import_data(example, base_dir=EXAMPLE.parent)

    row = Resolution.get(Resolution.term == "meeting")
    assert (row.appointed_role, row.appointee.key) == ("vice-chair", "cooke")


def _december(data: dict) -> dict:
    return data["bodies"][0]["meetings"][1]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            lambda d: _december(d)["items"][3].update(arrivals=["hughes"]),
            f"{MEETING}.items[3].arrivals[0]: “hughes” is marked apologies; only someone who "
            "attends has arrival and departure times",
        ),
        (
            lambda d: _december(d)["items"][3].update(departures=["nobody"]),
            f"{MEETING}.items[3].departures[0]: unknown person “nobody”",
        ),
        (
            lambda d: [_december(d)["items"][n].update(arrivals=["daley"]) for n in (3, 4)],
            f"{MEETING}.items[4].arrivals[0]: “daley” arrived during {MEETING}.items[3] already",
        ),
        (
            lambda d: _december(d)["items"][3].update(arrivals=["daley", "daley"]),
            f"{MEETING}.items[3].arrivals[1]: “daley” is listed twice",
        ),
        (
            lambda d: _december(d)["items"][3].update(linked_minute="31", cites="Cou/250/07-08"),
            f"{MEETING}.items[3].cites: An item follows up a minute in the record or cites one",
        ),
        (
            # Cllr Cooke proposes item 35's resolution: not if he came in only at item 36.
            lambda d: _december(d)["items"][6].update(arrivals=["cooke"]),
            f"{MEETING}.items[5].resolutions[0]: Cllr Gary Cooke arrived during item 36, "
            "after item 35, so cannot propose",
        ),
        (
            lambda d: _december(d)["items"][4].update(departures=["cooke"]),
            f"{MEETING}.items[5].resolutions[0]: Cllr Gary Cooke left the meeting during "
            "item 34, before item 35, so cannot propose",
        ),
        (
            lambda d: _december(d).update(next_meeting="4 Feb"),
            f"{MEETING}.next_meeting:",
        ),
        (
            lambda d: _december(d)["items"][0].update(
                resolutions=[
                    {
                        "text": "That Cllr Cooke be appointed for this meeting.",
                        "kind": "appointment",
                        "appointee": "cooke",
                        "role": "observer",
                        "appointed_body": "Education Provision Focus Group",
                        "term": "meeting",
                    }
                ]
            ),
            f"{MEETING}.items[0].resolutions[0].appointed_body: an office for this meeting only",
        ),
    ],
)
def test_a_file_that_breaks_a_rule_is_refused_with_its_path(database, example, damage, expected):
    damaged = copy.deepcopy(example)
    damage(damaged)
    assert refused_import(damaged, EXAMPLE.parent).startswith(expected)
