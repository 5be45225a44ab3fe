"""Clashes a merge can make: each written as a merge writes it (rows straight through
`changes`, in one transaction, no service checking them) is found and said in a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.storage import changes
from desktop_app.storage.models import (
    AgendaItem,
    Body,
    Meeting,
    MinutesVersion,
    Organisation,
    PackIssue,
    Person,
    Resolution,
    db,
)
from desktop_app.sync.clashes import Clash, find_clashes
from tests.services.conftest import assert_sentence

DECEMBER = dt.date(2012, 12, 17)


@pytest.fixture
def example(database):
    """The example body: a clean record, as one laptop keeps it."""
    import_file(EXAMPLE_FILE)
    return Body.get(Body.name == "Maidstone Locality Board")


def merged(model, **values):
    with db.atomic():
        return changes.create(model, **values)


def only(kind: str) -> Clash:
    found = [clash for clash in find_clashes() if clash.kind == kind]
    assert len(found) == 1, found
    assert_sentence(found[0].message)
    return found[0]


def december(board: Body) -> Meeting:
    return Meeting.get((Meeting.body == board.id) & (Meeting.date == DECEMBER))


def test_an_empty_database_has_no_clash(database):
    assert find_clashes() == []


def test_the_example_has_no_clash(example):
    assert find_clashes() == []


def test_two_people_with_one_key_clash(example):
    garland = Person.get(Person.key == "garland")
    other = merged(Person, key="garland", name="Gill Garland")

    clash = only("person key")

    assert (clash.table, set(clash.row_ids)) == ("person", {garland.id, other.id})
    assert "Cllr Chris Garland" in clash.message and "Gill Garland" in clash.message
    assert "both have the key “garland”, which must name one person." in clash.message


def test_a_deleted_person_does_not_clash_on_their_key(example):
    other = merged(Person, key="garland", name="Gill Garland")
    with db.atomic():
        changes.delete(other)

    assert find_clashes() == []


def test_two_bodies_whose_names_differ_only_in_case_clash(example):
    merged(Body, name="maidstone locality board")

    clash = only("body name")

    assert clash.message == (
        "There are 2 bodies called “Maidstone Locality Board”; each body needs a name of its own."
    )


def test_two_organisations_of_one_name_clash(example):
    police = Organisation.get(Organisation.name == "Kent Police")
    other = merged(Organisation, name="KENT POLICE")

    clash = only("organisation name")

    assert (clash.table, set(clash.row_ids)) == ("organisation", {police.id, other.id})
    assert clash.message.startswith("There are 2 organisations called “Kent Police”;")


def test_two_meetings_of_a_body_in_one_slot_clash(example):
    meeting = december(example)
    other = merged(Meeting, body=example.id, date=DECEMBER, start_time=meeting.start_time)

    clash = only("meeting slot")

    assert set(clash.row_ids) == {meeting.id, other.id}
    assert clash.message == (
        "Maidstone Locality Board has 2 meetings on 17 December 2012 at 14:30; a body meets "
        "once at a time, so move or cancel all but one."
    )


def test_a_cancelled_meeting_leaves_its_slot_free(example):
    merged(Meeting, body=example.id, date=DECEMBER, start_time="14:30", status="cancelled")

    assert find_clashes() == []


def test_a_published_minute_number_given_twice_in_a_body_clashes(example):
    first = AgendaItem.get(
        (AgendaItem.meeting == december(example).id) & (AgendaItem.number == "33")
    )
    later = merged(Meeting, body=example.id, date=dt.date(2013, 2, 4), start_time="14:30")
    again = merged(AgendaItem, meeting=later.id, rank="V", number="33", title="Libraries")

    clash = only("minute number")

    assert (clash.table, set(clash.row_ids)) == ("agenda_item", {first.id, again.id})
    assert clash.message == (
        f"Minute 33 of Maidstone Locality Board was given twice: to “{first.title}” at the "
        "meeting of 17 December 2012 and “Libraries” at the meeting of 4 February 2013; "
        "published numbers are never changed silently, so choose which item keeps it."
    )


def test_a_body_numbering_each_meeting_afresh_repeats_numbers_without_a_clash(example):
    group = merged(Body, name="Sub Group", numbering_restart="per-meeting")
    for day in (dt.date(2013, 1, 7), dt.date(2013, 2, 4)):
        meeting = merged(Meeting, body=group.id, date=day)
        merged(AgendaItem, meeting=meeting.id, rank="V", number="1", title="Apologies")

    assert find_clashes() == []


def test_a_body_numbering_each_meeting_afresh_clashes_within_a_meeting(example):
    group = merged(Body, name="Sub Group", numbering_restart="per-meeting")
    meeting = merged(Meeting, body=group.id, date=dt.date(2013, 1, 7))
    items = [
        merged(AgendaItem, meeting=meeting.id, rank=str(n), number="1", title=title)
        for n, title in enumerate(("Apologies", "Minutes"))
    ]

    assert set(only("minute number").row_ids) == {item.id for item in items}


def test_two_minutes_versions_with_one_number_clash(example):
    meeting = december(example)
    first = merged(MinutesVersion, meeting=meeting.id, version=1)
    second = merged(MinutesVersion, meeting=meeting.id, version=1)

    clash = only("minutes version")

    assert set(clash.row_ids) == {first.id, second.id}
    assert clash.message == (
        "The minutes of the Maidstone Locality Board meeting of 17 December 2012 have 2 "
        "versions numbered 1; each version needs a number of its own."
    )


def test_minutes_approved_on_two_laptops_at_once_clash(example):
    meeting = december(example)
    approved = "2013-03-18T15:00:00.000+00:00"
    first = merged(
        MinutesVersion, meeting=meeting.id, version=1, state="approved", approved_at=approved
    )
    second = merged(
        MinutesVersion, meeting=meeting.id, version=2, state="approved", approved_at=approved
    )

    clash = only("minutes approval")

    assert set(clash.row_ids) == {first.id, second.id}
    assert clash.message == (
        "The minutes of the Maidstone Locality Board meeting of 17 December 2012 were "
        "approved twice, as versions 1 and 2; take back all approvals but one."
    )


def test_two_pack_issues_with_one_number_clash_but_not_across_editions(example):
    meeting = december(example)
    issued = "2012-12-10T09:00:00.000+00:00"
    first = merged(PackIssue, meeting=meeting.id, number=1, issued_at=issued)
    second = merged(PackIssue, meeting=meeting.id, number=1, issued_at=issued)
    merged(PackIssue, meeting=meeting.id, number=1, public=True, issued_at=issued)

    clash = only("pack issue")

    assert set(clash.row_ids) == {first.id, second.id}
    assert clash.message == (
        "The agenda pack of the Maidstone Locality Board meeting of 17 December 2012 has 2 "
        "issues numbered 1; each issue needs a number of its own."
    )


def test_a_vote_above_the_voters_clashes(example):
    item = AgendaItem.get(
        (AgendaItem.meeting == december(example).id) & (AgendaItem.number == "33")
    )
    resolution = merged(Resolution, item=item.id, text="That it be done.", votes_for=40)

    clash = only("vote")

    assert (clash.table, clash.row_ids) == ("resolution", (resolution.id,))
    assert clash.message.startswith("Maidstone Locality Board, 17 December 2012: Only ")
    assert clash.message.endswith("may vote on item 33, but 40 votes were recorded.")


def test_votes_are_checked_at_the_meetings_a_sync_changed_when_named(example):
    meeting = december(example)
    item = AgendaItem.get((AgendaItem.meeting == meeting.id) & (AgendaItem.number == "33"))
    merged(Resolution, item=item.id, text="That it be done.", votes_for=40)
    elsewhere = merged(Meeting, body=example.id, date=dt.date(2013, 2, 4))

    assert find_clashes(meetings=[elsewhere.id]) == []
    assert [c.kind for c in find_clashes(meetings=[meeting.id])] == ["vote"]


def test_a_vote_on_minutes_already_approved_is_not_checked_again(example):
    october = Meeting.get((Meeting.body == example.id) & (Meeting.date == dt.date(2012, 10, 1)))
    item = merged(AgendaItem, meeting=october.id, rank="z", title="Late")
    merged(Resolution, item=item.id, text="That it be done.", votes_for=40)

    assert find_clashes() == []


def test_a_clash_keeps_its_id_and_kinds_do_not_share_ids(example):
    merged(Person, key="garland", name="Gill Garland")
    merged(Organisation, name="kent police")

    first, again = find_clashes(), find_clashes()

    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == 2
    assert Clash("a", "t", ("y", "x"), "M.").id == Clash("a", "t", ("x", "y"), "M.").id
    assert Clash("a", "t", ("x", "y"), "M.").id != Clash("b", "t", ("x", "y"), "M.").id


def test_a_body_numbering_by_year_clashes_only_within_a_year(example):
    group = merged(Body, name="Sub Group", numbering_restart="yearly")
    items = []
    for day in (dt.date(2012, 6, 4), dt.date(2013, 6, 3), dt.date(2014, 3, 3)):
        meeting = merged(Meeting, body=group.id, date=day)
        items.append(merged(AgendaItem, meeting=meeting.id, rank="V", number="1", title="A"))

    clash = only("minute number")

    assert set(clash.row_ids) == {items[1].id, items[2].id}


def test_a_number_given_three_times_is_one_clash(example):
    for day in (dt.date(2013, 2, 4), dt.date(2013, 3, 4)):
        meeting = merged(Meeting, body=example.id, date=day)
        merged(AgendaItem, meeting=meeting.id, rank="V", number="33", title="Libraries")

    clash = only("minute number")

    assert len(clash.row_ids) == 3
    assert "was given three times: to " in clash.message
