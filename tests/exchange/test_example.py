"""The shipped example holds the facts of seed 004 (the Locality Board, 17 December 2012)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.documents.approval import approval_wording
from desktop_app.errors import ValidationError
from desktop_app.exchange import import_file
from desktop_app.services.decisions import freeze, minutes_versions
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.services.signatures import verification
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    MinutesVersion,
    Person,
    Resolution,
)

# The fingerprint of the 1 October 2012 minutes as the example holds them (content_sha256).
OCTOBER_SHA256 = "3fa98bf2e47c784abaa014bb459e88070ad41f1b4d006bb0cb3376ebbcf18c58"


@pytest.fixture
def meeting(database, example_path) -> Meeting:
    import_file(example_path)
    return Meeting.get(Meeting.date == dt.date(2012, 12, 17))


def names_with(meeting: Meeting, status: str) -> set[str]:
    query = Attendance.select().where(
        (Attendance.meeting == meeting.id) & (Attendance.status == status)
    )
    return {line.person.key for line in query}


def test_the_meeting_has_the_seed_s_present_list_and_substitutes(meeting):
    assert len(names_with(meeting, "present")) == 16
    substitutes = Attendance.select().where(
        (Attendance.meeting == meeting.id) & (Attendance.status == "substitute")
    )
    assert {(s.person.key, s.substitute_for.key) for s in substitutes} == {
        ("alland", "bumpus"),
        ("butcher", "hughes"),
    }
    assert (meeting.start_time, meeting.end_time) == ("14:30", "16:30")


def test_the_meeting_has_the_ten_apologies(meeting):
    assert names_with(meeting, "apologies") == {
        "gooch",
        "jawilson",
        "hotson",
        "fwilson",
        "paine",
        "beerling",
        "bumpus",
        "osborne",
        "adams",
        "hughes",
    }


def test_minute_numbers_run_from_30_to_37(meeting):
    numbers = [
        item.number
        for item in AgendaItem.select()
        .where((AgendaItem.meeting == meeting.id) & AgendaItem.parent.is_null())
        .order_by(*STORED_ORDER)
    ]
    assert numbers == [str(n) for n in range(30, 38)]
    assert Body.get(Body.name == "Maidstone Locality Board").numbering_next == 38


def test_the_sub_group_chairs_are_decisions_actions_and_memberships(meeting):
    item = AgendaItem.get(AgendaItem.number == "34")
    chairs = [r.text for r in Resolution.select().where(Resolution.item == item.id)]
    assert any("Garland" in text for text in chairs)
    assert any("Cooke" in text for text in chairs)
    assert any("Ring" in text for text in chairs)
    owners = {a.owner_person.key for a in Action.select().where(Action.item == item.id)}
    assert owners == {"garland", "cooke", "ring"}
    group_chairs = {
        m.person.key: m.body.name for m in Membership.select().where(Membership.role == "chair")
    }
    assert group_chairs["stockell"] == "Education Provision Focus Group"
    assert len(group_chairs) == 4


def test_the_vice_chair_and_presenters_are_named(meeting):
    board = Body.get(Body.name == "Maidstone Locality Board")
    vice = Membership.get((Membership.body == board.id) & (Membership.role == "vice-chair"))
    assert display_name(vice.person) == "Cllr Mrs Paulina Stockell"
    presenters = {
        item.title: item.presenter_person.key
        for item in AgendaItem.select().where(AgendaItem.presenter_person.is_null(False))
    }
    assert presenters == {
        "Future Kent Libraries provision update": "stockell",
        "Youth Services Transformation update": "baker",
        "Make Kent Quicker update": "jessop",
    }
    assert Person.get(Person.key == "kershaw").position.startswith("Project Delivery Manager")


def test_information_items_are_noted(meeting):
    information = AgendaItem.get(AgendaItem.title == "Information Items")
    assert information.kind == "information"
    assert Resolution.get(Resolution.item == information.id).outcome == "noted"
    papers = AgendaItem.select().where(AgendaItem.parent == information.id)
    assert {p.kind for p in papers} == {"paper"}


# The chained record: minute 31 approved the minutes of 1 October 2012


def test_minute_31_approved_the_october_minutes_with_their_fingerprint(meeting):
    [approval] = Resolution.select().join(AgendaItem).where(AgendaItem.number == "31")
    assert approval_wording(approval) == (
        "The minutes of the meeting held on 1 October 2012, version 1, SHA-256 "
        f"{OCTOBER_SHA256}, were approved as a correct record."
    )
    version = approval.approves_version
    assert (version.version, version.state, version.content_sha256) == (
        1,
        "approved",
        OCTOBER_SHA256,
    )
    assert (version.approved_at_meeting_id, version.approved_minute) == (meeting.id, "31")


def test_the_october_fingerprint_is_the_product_s_own(meeting):
    october = Meeting.get(Meeting.date == dt.date(2012, 10, 1))
    assert content_sha256(october.id) == OCTOBER_SHA256
    assert not minutes_versions.content_changed_since_approval(october.id)


def test_the_approved_october_minutes_are_frozen_and_unsigned(meeting):
    october = Meeting.get(Meeting.date == dt.date(2012, 10, 1))
    with pytest.raises(ValidationError, match="approved at minute 31 of the meeting of 17"):
        freeze.ensure_editable(october.id)
    assert MinutesVersion.select().where(MinutesVersion.state == "signed").count() == 0
    assert verification.verify_meeting(october.id) is None
    # Nothing is signed, so the body's chain has no link yet.
    assert verification.verify_chain(body_id=october.body.id).links == []
