"""Elections, co-options and appointments: the resolution, what it changes, and undo."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.decisions.appointments import appoint, co_opt, elect
from desktop_app.services.decisions.resolutions import (
    delete_resolution,
    list_resolutions,
    restore_resolution,
)
from desktop_app.services.decisions.voting import eligible_voters
from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import attendance, declarations, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import Attendance, Membership, MinutesVersion, db
from tests.services.decisions.test_voting import make_board

DAY = dt.date(2012, 12, 17)
EVE = dt.date(2012, 12, 16)


@pytest.fixture
def board(database):
    return make_board()


def held(body_id=None):
    """Every live membership as (id, person, role, from, to, voting)."""
    query = Membership.live()
    if body_id:
        query = query.where(Membership.body == body_id)
    return sorted((m.id, m.person.name, m.role, m.from_date, m.to_date, m.voting) for m in query)


def roles(body_id, person):
    """The person's memberships of the body as (role, from, to), in date order."""
    rows = Membership.live().where((Membership.body == body_id) & (Membership.person == person.id))
    return sorted(
        ((m.role, m.from_date, m.to_date) for m in rows),
        key=lambda r: r[1] or dt.date.min,
    )


def sheet():
    return sorted((a.id, a.person.name, a.status, a.arrived, a.left) for a in Attendance.live())


# Elections for the year


def test_electing_a_chair_for_the_year_changes_roles_from_the_meeting_date(board):
    p = board.people

    row = elect(item_id=board.item33.id, person_id=p.garland.id, role="chair", term="year")

    assert row.text == (
        "That Cllr Chris Garland be elected Chair of the Maidstone Locality Board for the "
        "municipal year 2012/13."
    )
    assert (row.kind, row.appointed_role, row.term) == ("election", "chair", "year")
    assert roles(board.body.id, p.garland) == [("member", None, EVE), ("chair", DAY, None)]
    # The chair before continues as a member from the same day.
    assert roles(board.body.id, p.hotson) == [("chair", None, EVE), ("member", DAY, None)]
    members = memberships.list_members(body_id=board.body.id, on=DAY)
    assert [m.person.name for m in members if m.role == "chair"] == ["Chris Garland"]


def test_undoing_and_redoing_an_election_for_the_year_is_exact(board):
    before = held()
    row = elect(
        item_id=board.item33.id, person_id=board.people.garland.id, role="chair", term="year"
    )
    after = held()

    delete_resolution(resolution_id=row.id)
    assert held() == before
    restore_resolution(resolution_id=row.id)
    assert held() == after
    delete_resolution(resolution_id=row.id)
    assert held() == before


def test_electing_a_vice_chair_keeps_the_chair(board):
    p = board.people

    elect(item_id=board.item33.id, person_id=p.cooke.id, role="vice-chair", term="year")

    assert roles(board.body.id, p.cooke) == [("member", None, EVE), ("vice-chair", DAY, None)]
    assert roles(board.body.id, p.stockell) == [
        ("vice-chair", None, EVE),
        ("member", DAY, None),
    ]
    assert roles(board.body.id, p.hotson) == [("chair", None, None)]


def test_the_vice_chair_elected_chair_leaves_the_vice_chair_empty(board):
    p = board.people

    elect(item_id=board.item33.id, person_id=p.stockell.id, role="chair", term="year")

    assert roles(board.body.id, p.stockell) == [("vice-chair", None, EVE), ("chair", DAY, None)]


def test_re_electing_the_chair_changes_no_membership(board):
    before = held()

    row = elect(
        item_id=board.item33.id, person_id=board.people.hotson.id, role="chair", term="year"
    )

    assert held() == before
    delete_resolution(resolution_id=row.id)
    assert held() == before


def test_a_membership_starting_on_the_meeting_date_takes_the_role_whole(board):
    newcomer = people.create_person(name="Nina New", title="Cllr")
    memberships.add_member(body_id=board.body.id, person_id=newcomer.id, from_date=DAY)
    before = held()

    row = elect(item_id=board.item33.id, person_id=newcomer.id, role="vice-chair", term="year")

    assert roles(board.body.id, newcomer) == [("vice-chair", DAY, None)]
    delete_resolution(resolution_id=row.id)
    assert held() == before


def test_a_non_member_cannot_be_elected(board, refused):
    with refused("Zoe Clark is not a member of Maidstone Locality Board on 17 December 2012"):
        elect(item_id=board.item33.id, person_id=board.people.clark.id, role="chair", term="year")


def test_only_a_chair_or_vice_chair_is_elected(board, refused):
    with refused("“treasurer” is not a role to elect to"):
        elect(
            item_id=board.item33.id, person_id=board.people.cooke.id, role="treasurer", term="year"
        )


def test_an_election_proposed_by_a_member_who_left_the_room_is_refused(board, refused):
    declarations.declare_interest(
        meeting_id=board.meeting.id,
        item_id=board.item33.id,
        person_id=board.people.ring.id,
        kind="personal",
        left_room=True,
    )

    with refused(
        "Cllr Marion Ring declared an interest in item 33 and left the room, so cannot propose."
    ):
        elect(
            item_id=board.item33.id,
            person_id=board.people.cooke.id,
            role="chair",
            term="year",
            proposer_id=board.people.ring.id,
        )


def test_an_election_that_was_not_carried_is_refused(board, refused):
    with refused("An appointment records what was carried"):
        elect(
            item_id=board.item33.id,
            person_id=board.people.cooke.id,
            role="chair",
            term="year",
            outcome="rejected",
        )


def test_an_election_carries_its_vote(board):
    p = board.people
    elect(
        item_id=board.item33.id,
        person_id=p.cooke.id,
        role="chair",
        term="year",
        proposer_id=p.ring.id,
        seconder_id=p.alland.id,
        votes_for=4,
        votes_against=1,
    )

    (entry,) = list_resolutions(board.item33.id)
    assert (entry.appointee, entry.appointed_role, entry.summary) == (
        "Cllr Gary Cooke",
        "chair",
        "carried 4–1",
    )


# Elections to chair this meeting


def test_electing_a_chair_for_this_meeting_sets_the_meetings_chair_and_undo_clears_it(board):
    stockell = board.people.stockell
    before = held()

    row = elect(item_id=board.item33.id, person_id=stockell.id, role="chair", term="meeting")

    assert row.text == "That Cllr Paulina Stockell be elected to chair this meeting."
    assert meetings.get_meeting(board.meeting.id).chair_id == stockell.id
    assert held() == before  # the membership roles do not change
    delete_resolution(resolution_id=row.id)
    assert meetings.get_meeting(board.meeting.id).chair_id is None
    restore_resolution(resolution_id=row.id)
    assert meetings.get_meeting(board.meeting.id).chair_id == stockell.id


def test_a_member_not_present_cannot_be_elected_to_chair_the_meeting(board, refused):
    with refused("Cllr John Hughes is not marked present at this meeting, so cannot chair it."):
        elect(
            item_id=board.item33.id, person_id=board.people.hughes.id, role="chair", term="meeting"
        )


def test_no_one_is_elected_to_chair_a_meeting_someone_already_chairs(board, refused):
    attendance.set_chair(meeting_id=board.meeting.id, person_id=board.people.stockell.id)

    with refused("Cllr Paulina Stockell is recorded as chairing this meeting"):
        elect(
            item_id=board.item33.id, person_id=board.people.cooke.id, role="chair", term="meeting"
        )


def test_a_vice_chair_is_elected_for_this_meeting_only_without_changing_memberships(board):
    cooke = board.people.cooke
    before = held()

    row = elect(item_id=board.item33.id, person_id=cooke.id, role="vice-chair", term="meeting")

    assert row.text == "That Cllr Gary Cooke be elected Vice-Chair for this meeting."
    assert (row.appointed_role, row.term) == ("vice-chair", "meeting")
    assert held() == before  # Cllr Stockell stays the body's vice-chair
    assert meetings.get_meeting(board.meeting.id).chair_id is None
    delete_resolution(resolution_id=row.id)
    assert held() == before
    restore_resolution(resolution_id=row.id)
    assert [r.text for r in list_resolutions(board.item33.id)] == [row.text]


@pytest.mark.parametrize(
    ("who", "words"),
    [
        ("ring", "Cllr Gary Cooke is already Vice-Chair for this meeting"),
        ("hughes", "Cllr John Hughes is not on this meeting's attendance as attending"),
    ],
    ids=["one at a time", "sent apologies"],
)
def test_an_office_for_this_meeting_is_held_by_one_person_there(board, refused, who, words):
    elect(
        item_id=board.item33.id, person_id=board.people.cooke.id, role="vice-chair", term="meeting"
    )

    with refused(words):
        elect(
            item_id=board.item34.id,
            person_id=getattr(board.people, who).id,
            role="vice-chair",
            term="meeting",
        )


def test_an_officer_in_attendance_is_appointed_to_an_office_for_this_meeting(board):
    before = held()

    row = appoint(
        item_id=board.item33.id,
        person_id=board.people.clark.id,
        body_id=board.body.id,
        role="observer",
        term="meeting",
    )

    assert row.text == "That Zoe Clark be appointed an observer for this meeting."
    assert held() == before


def test_an_office_for_this_meeting_is_one_of_the_meeting_s_own_body(board, refused):
    group = bodies.create_body(name="Troubled Families Project Board")

    with refused("An office for this meeting only is one of Maidstone Locality Board"):
        appoint(
            item_id=board.item33.id,
            person_id=board.people.cooke.id,
            body_id=group.id,
            role="chair",
            term="meeting",
        )


# Co-option


def test_a_co_opted_member_joins_the_meeting_from_the_item(board):
    taylor = people.create_person(name="John Taylor")

    row = co_opt(item_id=board.item34.id, person_id=taylor.id)

    assert row.text == "That John Taylor be co-opted as a member of the Maidstone Locality Board."
    assert roles(board.body.id, taylor) == [("co-opted", DAY, None)]
    line = attendance.row_of(board.meeting.id, taylor.id)
    assert (line.status, line.arrived) == ("present", "15:10")
    assert "John Taylor" in [v.name for v in eligible_voters(board.item35.id)]
    assert "John Taylor" not in [v.name for v in eligible_voters(board.item33.id)]


def test_undoing_and_redoing_a_co_option_is_exact(board):
    taylor = people.create_person(name="John Taylor")
    before = (held(), sheet())

    row = co_opt(item_id=board.item34.id, person_id=taylor.id)
    after = (held(), sheet())
    delete_resolution(resolution_id=row.id)
    assert (held(), sheet()) == before
    restore_resolution(resolution_id=row.id)
    assert (held(), sheet()) == after


def test_a_guest_co_opted_becomes_a_member_present_and_undo_makes_them_a_guest(board):
    clark = board.people.clark
    before = sheet()

    row = co_opt(item_id=board.item34.id, person_id=clark.id)

    line = attendance.row_of(board.meeting.id, clark.id)
    assert (line.status, line.arrived, line.capacity) == ("present", "15:10", "")
    delete_resolution(resolution_id=row.id)
    assert sheet() == before


def test_a_current_member_cannot_be_co_opted(board, refused):
    with refused(
        "Cllr Gary Cooke is already a member of Maidstone Locality Board, so cannot be co-opted."
    ):
        co_opt(item_id=board.item34.id, person_id=board.people.cooke.id)


def test_a_substitute_at_the_meeting_cannot_be_co_opted_into_it(board, refused):
    with refused("Simon Alland is recorded as substitute at this meeting"):
        co_opt(item_id=board.item34.id, person_id=board.people.alland.id)


def test_a_co_option_is_not_undone_while_the_member_has_declared_an_interest(board, refused):
    taylor = people.create_person(name="John Taylor")
    row = co_opt(item_id=board.item34.id, person_id=taylor.id)
    declarations.declare_interest(
        meeting_id=board.meeting.id,
        item_id=board.item35.id,
        person_id=taylor.id,
        kind="personal",
    )

    with refused("John Taylor has declared an interest at this meeting"):
        delete_resolution(resolution_id=row.id)


# Appointments


@pytest.fixture
def sub_group(board):
    group = bodies.create_body(
        name="Community Budgets (Troubled Families) sub-group", kind="working group"
    )
    memberships.add_member(body_id=group.id, person_id=board.people.ring.id, role="chair")
    return group


def test_a_sub_group_chair_is_appointed_from_the_meeting_date(board, sub_group):
    p = board.people
    before = held()

    row = appoint(item_id=board.item34.id, person_id=p.garland.id, body_id=sub_group.id)

    assert row.text == (
        "That Cllr Chris Garland be appointed Chair of the Community Budgets (Troubled "
        "Families) sub-group."
    )
    assert roles(sub_group.id, p.garland) == [("chair", DAY, None)]
    assert roles(sub_group.id, p.ring) == [("chair", None, EVE), ("member", DAY, None)]
    delete_resolution(resolution_id=row.id)
    assert held() == before


def test_reappointing_the_sub_groups_chair_changes_nothing(board, sub_group):
    before = held()

    appoint(item_id=board.item34.id, person_id=board.people.ring.id, body_id=sub_group.id)

    assert held() == before


def test_appointing_to_an_unknown_body_is_refused(board, refused):
    with refused("There is no body with the key “nowhere”."):
        appoint(item_id=board.item34.id, person_id=board.people.garland.id, body_id="nowhere")


# Approved minutes


def test_no_appointment_is_made_or_undone_once_the_minutes_are_approved(board, refused):
    row = elect(item_id=board.item33.id, person_id=board.people.cooke.id, role="chair", term="year")
    other = people.create_person(name="Ann Other")
    with db.atomic():
        changes.create(MinutesVersion, meeting=board.meeting.id, version=1, state="approved")

    with refused("were approved"):
        co_opt(item_id=board.item34.id, person_id=other.id)
    with refused("were approved"):
        delete_resolution(resolution_id=row.id)
