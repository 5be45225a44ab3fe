"""The registers: every decision of a body, and each member's attendance over a period."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from desktop_app.services.decisions import registers
from desktop_app.services.directory import memberships, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Resolution, db


def numbered_item(meeting, title: str, number: str, **values) -> AgendaItem:
    item = agenda.add_item(meeting_id=meeting.id, title=title, **values)
    with db.atomic():
        changes.update(AgendaItem.get_by_id(item.id), number=number)
    return item


def resolve(item, text: str, outcome: str = "resolved", **values) -> Resolution:
    with db.atomic():
        return changes.create(Resolution, item=item.id, text=text, outcome=outcome, **values)


@pytest.fixture
def decisions(database):
    body = create_body(name="Maidstone Locality Board")
    other = create_body(name="Health Delivery Group")
    october = meetings.create_meeting(body_id=body.id, date="2012-10-01", status="held")
    december = meetings.create_meeting(body_id=body.id, date="2012-12-17", status="held")
    elsewhere = meetings.create_meeting(body_id=other.id, date="2012-11-05", status="held")
    nine = numbered_item(october, "Budget", "9")
    ten = numbered_item(october, "Housing", "10")
    later = numbered_item(december, "School places", "35")
    private = numbered_item(december, "Contract", "36", confidential=True, exempt_paragraph="3")
    return SimpleNamespace(
        body=body,
        october=october,
        december=december,
        housing=resolve(ten, "That the housing strategy be endorsed.", "endorsed"),
        budget=resolve(
            nine,
            "That the budget be agreed.",
            "agreed",
            votes_for=6,
            votes_against=2,
            votes_abstain=1,
        ),
        schools=resolve(later, "That the report be noted.", "noted", unopposed=True),
        contract=resolve(
            private,
            "That the contract be awarded.",
            casting_vote=True,
            votes_for=3,
            votes_against=3,
        ),
        elsewhere=resolve(numbered_item(elsewhere, "Health", "7"), "That health be noted."),
    )


def test_the_register_lists_every_decision_in_meeting_and_minute_order(decisions):
    found = registers.decisions_register(body_id=decisions.body.id)
    assert [(d.minute_number, d.outcome) for d in found] == [
        ("9", "agreed"),
        ("10", "endorsed"),
        ("35", "noted"),
        ("36", "resolved"),
    ]
    first = found[0]
    assert (first.meeting_id, first.meeting_date, first.body_name, first.item_title) == (
        decisions.october.id,
        dt.date(2012, 10, 1),
        "Maidstone Locality Board",
        "Budget",
    )
    assert first.text == "That the budget be agreed."
    assert found[3].confidential and not found[0].confidential


def test_the_register_says_how_each_decision_was_carried(decisions):
    summaries = [d.summary for d in registers.decisions_register(body_id=decisions.body.id)]
    assert summaries == [
        "6 for, 2 against, 1 abstention",
        "",
        "unopposed",
        "3 for, 3 against, carried by the chair's casting vote",
    ]


def test_the_register_filters_by_period_words_and_outcome(decisions):
    body_id = decisions.body.id
    since = registers.decisions_register(body_id=body_id, since="2012-12-01")
    assert [d.resolution_id for d in since] == [decisions.schools.id, decisions.contract.id]
    until = registers.decisions_register(body_id=body_id, until=dt.date(2012, 10, 1))
    assert [d.resolution_id for d in until] == [decisions.budget.id, decisions.housing.id]
    words = registers.decisions_register(body_id=body_id, text="HOUSING")
    assert [d.resolution_id for d in words] == [decisions.housing.id]
    noted = registers.decisions_register(body_id=body_id, outcome="noted")
    assert [d.resolution_id for d in noted] == [decisions.schools.id]


def test_a_deleted_resolution_leaves_the_register(decisions):
    with db.atomic():
        changes.delete(Resolution.get_by_id(decisions.budget.id))
    found = registers.decisions_register(body_id=decisions.body.id)
    assert decisions.budget.id not in [d.resolution_id for d in found]


def test_the_register_refuses_a_period_that_ends_before_it_starts(decisions, refused):
    with refused("ends before it starts"):
        registers.decisions_register(
            body_id=decisions.body.id, since="2013-01-01", until="2012-01-01"
        )


def test_the_register_refuses_an_unknown_outcome(decisions, refused):
    with refused("“passed” is not a resolution outcome"):
        registers.decisions_register(body_id=decisions.body.id, outcome="passed")


# -- attendance -------------------------------------------------------------------------------


@pytest.fixture
def year(database):
    """Four held meetings in 2013, one scheduled and one cancelled; a member who joined in
    the middle of the year, one who left, a named substitute and someone who stood in."""
    body = create_body(name="Maidstone Locality Board")

    def person(name):
        return people.create_person(name=name)

    p = SimpleNamespace(
        garland=person("Chris Garland"),
        stockell=person("Paulina Stockell"),
        newman=person("Nina Newman"),
        former=person("Fred Former"),
        reserve=person("Rita Reserve"),
        guest=person("Gus Guest"),
    )
    for who, values in (
        (p.garland, {"role": "chair"}),
        (p.stockell, {}),
        (p.newman, {"from_date": "2013-05-01"}),
        (p.former, {"to_date": "2013-03-31"}),
        (p.reserve, {"role": "substitute"}),
    ):
        memberships.add_member(body_id=body.id, person_id=who.id, **values)
    held = [
        meetings.create_meeting(body_id=body.id, date=day, status="agenda published")
        for day in ("2013-01-14", "2013-04-15", "2013-07-15", "2013-10-14")
    ]
    meetings.create_meeting(body_id=body.id, date="2013-12-09")  # not yet held
    meetings.create_meeting(body_id=body.id, date="2013-11-11", status="cancelled")

    def mark(meeting, who, status):
        attendance.mark_attendance(meeting_id=meeting.id, person_id=who.id, status=status)

    jan, apr, jul, oct_ = held
    mark(jan, p.garland, "present")
    mark(jan, p.stockell, "present")
    mark(jan, p.former, "apologies")
    mark(apr, p.garland, "present")
    mark(apr, p.stockell, "absent")
    attendance.add_substitute(
        meeting_id=jul.id, person_id=p.reserve.id, substitute_for_id=p.garland.id
    )
    mark(jul, p.stockell, "present")
    mark(jul, p.newman, "present")
    mark(oct_, p.garland, "present")
    mark(oct_, p.newman, "apologies")
    attendance.add_in_attendance(meeting_id=oct_.id, person_id=p.guest.id)
    with db.atomic():
        for meeting in held:
            changes.update(meeting, status="held")
    return SimpleNamespace(body=body, **vars(p))


def test_attendance_counts_each_member_over_the_meetings_held_while_a_member(year):
    record = registers.attendance_record(
        body_id=year.body.id, since="2013-01-01", until="2013-12-31"
    )
    rows = {
        r.name: (r.meetings, r.present, r.apologies, r.absent, r.substituted, r.percentage)
        for r in record
    }
    assert rows == {
        "Chris Garland": (4, 3, 1, 0, 1, 75),
        "Paulina Stockell": (4, 2, 0, 2, 0, 50),
        "Nina Newman": (2, 1, 1, 0, 0, 50),
        "Fred Former": (1, 0, 1, 0, 0, 0),
    }
    assert [r.name for r in record] == [
        "Fred Former",
        "Chris Garland",
        "Nina Newman",
        "Paulina Stockell",
    ]


def test_attendance_over_part_of_the_year_counts_only_its_meetings(year):
    record = registers.attendance_record(
        body_id=year.body.id, since=dt.date(2013, 4, 1), until=dt.date(2013, 7, 31)
    )
    rows = {r.name: (r.meetings, r.present, r.percentage) for r in record}
    assert rows == {
        "Chris Garland": (2, 1, 50),
        "Paulina Stockell": (2, 1, 50),
        "Nina Newman": (1, 1, 100),
    }


def test_a_percentage_is_rounded_to_a_whole_number(year):
    record = registers.attendance_record(
        body_id=year.body.id, since="2013-04-01", until="2013-12-31"
    )
    garland = next(r for r in record if r.name == "Chris Garland")
    assert (garland.meetings, garland.present, garland.percentage) == (3, 2, 67)


def test_attendance_needs_a_period(year, refused):
    with refused("start of the period is missing"):
        registers.attendance_record(body_id=year.body.id, since=None, until="2013-12-31")
    with refused("ends before it starts"):
        registers.attendance_record(body_id=year.body.id, since="2013-12-31", until="2013-01-01")
