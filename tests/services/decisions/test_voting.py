"""Who may vote on an item, and refusing a vote that could not have been cast."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from desktop_app.services.decisions import resolutions
from desktop_app.services.decisions.voting import (
    Voter,
    check_votes,
    eligible_voters,
    inquorate_warning,
    why_not,
)
from desktop_app.services.directory import memberships, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, attendance, declarations, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, db


def make_board(quorum: str = "4") -> SimpleNamespace:
    """The seed's board in small: five who may vote at 14:40 (four members and a substitute),
    a non-voting adviser, a member who sent apologies, a guest; items 33–36 taken in turn."""
    body = create_body(name="Maidstone Locality Board", quorum=quorum)

    def person(name, title="Cllr"):
        return people.create_person(name=name, title=title)

    p = SimpleNamespace(
        garland=person("Chris Garland"),
        stockell=person("Paulina Stockell"),
        cooke=person("Gary Cooke"),
        ring=person("Marion Ring"),
        hughes=person("John Hughes"),
        hotson=person("Eric Hotson"),
        bumpus=person("Jon Bumpus", "CI"),
        adviser=person("Ada Adviser", ""),
        alland=person("Simon Alland", ""),
        clark=person("Zoe Clark", ""),
    )
    for member in (p.garland, p.cooke, p.ring, p.hughes, p.bumpus):
        memberships.add_member(body_id=body.id, person_id=member.id)
    memberships.add_member(body_id=body.id, person_id=p.stockell.id, role="vice-chair")
    memberships.add_member(body_id=body.id, person_id=p.hotson.id, role="chair")
    memberships.add_member(body_id=body.id, person_id=p.adviser.id, role="adviser", voting=False)
    meeting = meetings.create_meeting(
        body_id=body.id, date="2012-12-17", start_time="14:30", end_time="16:30"
    )
    for member in (p.garland, p.stockell, p.cooke, p.ring, p.adviser):
        attendance.mark_attendance(meeting_id=meeting.id, person_id=member.id, status="present")
    for member in (p.hughes, p.hotson):
        attendance.mark_attendance(meeting_id=meeting.id, person_id=member.id, status="apologies")
    attendance.add_substitute(
        meeting_id=meeting.id, person_id=p.alland.id, substitute_for_id=p.bumpus.id
    )
    attendance.add_in_attendance(meeting_id=meeting.id, person_id=p.clark.id, capacity="Officer")
    with db.atomic():

        def item(rank, number, title, started_at, kind="report", **values):
            return changes.create(
                AgendaItem,
                meeting=meeting.id,
                rank=rank,
                number=number,
                title=title,
                kind=kind,
                started_at=started_at,
                **values,
            )

        families = item("1", "33", "Troubled Families", "14:40", "presentation")
        priorities = item("2", "34", "Priorities and Performance", "15:10")
        schools = item("3", "35", "Education Provision", "15:40")
        youth = item("4", "36", "Youth Services update", "", "information")
        sub_group = item("1", "34.1", "Sub-group chairs", "15:20", parent=priorities.id)
    return SimpleNamespace(
        body=body,
        meeting=meeting,
        people=p,
        item33=families,
        item34=priorities,
        item34_1=sub_group,
        item35=schools,
        item36=youth,
    )


@pytest.fixture
def board(database):
    return make_board()


def names(item):
    return [voter.name for voter in eligible_voters(item.id)]


def line(board, person):
    return attendance.row_of(board.meeting.id, person.id)


def declare(board, person, item, *, left_room=True):
    return declarations.declare_interest(
        meeting_id=board.meeting.id,
        item_id=item.id,
        person_id=person.id,
        kind="other significant",
        description="Chairs the sub-group",
        left_room=left_room,
    )


# Who may vote


def test_voting_members_present_and_a_substitute_for_one_may_vote(board):
    assert names(board.item33) == [
        "Simon Alland",
        "Cllr Gary Cooke",
        "Cllr Chris Garland",
        "Cllr Marion Ring",
        "Cllr Paulina Stockell",
    ]
    assert eligible_voters(board.item33.id)[0] == Voter(board.people.alland.id, "Simon Alland")


def test_an_adviser_a_guest_and_a_member_who_sent_apologies_may_not(board):
    p = board.people
    assert [why_not(board.item33.id, who.id) for who in (p.adviser, p.clark, p.hughes)] == [
        "is not a voting member of Maidstone Locality Board",
        "attends without being a member of Maidstone Locality Board",
        "sent apologies for this meeting",
    ]


def test_a_member_who_declared_an_interest_and_left_the_room_may_not_vote_on_that_item(board):
    declare(board, board.people.garland, board.item34)

    assert "Cllr Chris Garland" not in names(board.item34)
    assert "Cllr Chris Garland" in names(board.item33)
    assert why_not(board.item34.id, board.people.garland.id) == (
        "declared an interest in item 34 and left the room"
    )


def test_an_interest_in_an_item_takes_the_member_out_of_the_items_under_it(board):
    declare(board, board.people.garland, board.item34)

    assert why_not(board.item34_1.id, board.people.garland.id) == (
        "declared an interest in item 34 and left the room"
    )


def test_a_member_who_declared_an_interest_but_stayed_may_vote(board):
    declare(board, board.people.garland, board.item34, left_room=False)

    assert "Cllr Chris Garland" in names(board.item34)


def test_a_member_who_left_before_the_item_may_not_vote_on_it(board):
    attendance.set_times(attendance_id=line(board, board.people.cooke).id, left="15:00")

    assert "Cllr Gary Cooke" in names(board.item33)
    assert why_not(board.item34.id, board.people.cooke.id) == (
        "left the meeting at 15:00, before item 34 was taken"
    )


def test_a_member_who_arrived_after_the_item_may_not_vote_on_it(board):
    attendance.set_times(attendance_id=line(board, board.people.ring).id, arrived="15:30")

    assert why_not(board.item34.id, board.people.ring.id) == (
        "arrived at 15:30, after item 34 was taken"
    )
    assert "Cllr Marion Ring" in names(board.item35)


def test_an_item_not_yet_timed_is_counted_at_the_meetings_start(board):
    attendance.set_times(attendance_id=line(board, board.people.ring).id, arrived="14:45")

    assert "Cllr Marion Ring" not in names(board.item36)


# Checking a vote


def test_a_possible_vote_passes(board):
    p = board.people
    check_votes(
        item_id=board.item33.id,
        votes_for=3,
        votes_against=1,
        votes_abstain=1,
        proposer_id=p.cooke.id,
        seconder_id=p.alland.id,
        named_votes={p.garland.id: "against"},
    )


def test_more_votes_than_voters_are_refused(board, refused):
    with refused() as caught:
        check_votes(item_id=board.item33.id, votes_for=4, votes_against=1, votes_abstain=1)
    assert str(caught.value) == "Only 5 members may vote on item 33, but 6 votes were recorded."


def test_a_proposer_who_declared_an_interest_and_left_the_room_is_refused(board, refused):
    declare(board, board.people.garland, board.item34)

    with refused(
        "Cllr Chris Garland declared an interest in item 34 and left the room, so cannot propose."
    ):
        check_votes(
            item_id=board.item34.id,
            votes_for=3,
            votes_against=0,
            votes_abstain=0,
            proposer_id=board.people.garland.id,
        )


def test_a_seconder_who_is_not_at_the_meeting_is_refused(board, refused):
    stranger = people.create_person(name="Sam Stranger")

    with refused("Sam Stranger is not recorded as present at this meeting, so cannot second."):
        check_votes(
            item_id=board.item33.id,
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            seconder_id=stranger.id,
        )


def test_a_named_vote_from_someone_who_may_not_vote_is_refused(board, refused):
    with refused("Zoe Clark attends without being a member", "so cannot vote"):
        check_votes(
            item_id=board.item33.id,
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            named_votes={board.people.clark.id: "for"},
        )


def test_a_named_vote_must_be_for_against_or_abstain(board, refused):
    with refused("“maybe” is not a vote"):
        check_votes(
            item_id=board.item33.id,
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            named_votes={board.people.cooke.id: "maybe"},
        )


@pytest.mark.parametrize(
    ("counts", "words"),
    [
        ((-1, 0, 0), "The number of votes for cannot be negative."),
        ((0, 0, -2), "The number of abstentions cannot be negative."),
        ((0, "two", 0), "The number of votes against must be a whole number."),
        ((True, 0, 0), "The number of votes for must be a whole number."),
    ],
)
def test_impossible_counts_are_refused(board, refused, counts, words):
    with refused(words):
        check_votes(
            item_id=board.item33.id,
            votes_for=counts[0],
            votes_against=counts[1],
            votes_abstain=counts[2],
        )


def test_the_proposer_cannot_second(board, refused):
    with refused("The proposer cannot also second the motion."):
        check_votes(
            item_id=board.item33.id,
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            proposer_id=board.people.cooke.id,
            seconder_id=board.people.cooke.id,
        )


# Quorum at the item


def test_no_warning_when_the_item_was_taken_quorate(board):
    assert inquorate_warning(board.item33.id) is None


def test_an_item_taken_while_inquorate_is_flagged(board):
    for who in (board.people.cooke, board.people.ring, board.people.garland):
        attendance.set_times(attendance_id=line(board, who).id, left="15:30")

    assert inquorate_warning(board.item33.id) is None
    assert inquorate_warning(board.item35.id) == (
        "Item 35 was taken while the meeting was inquorate: 2 voting members present, "
        "and the quorum is 4 members."
    )


# Attendance and declarations changed after a vote (issue 12): the vote must stay possible


def five_for(board) -> None:
    """Item 33 carried by all five who may vote, Cooke proposing."""
    resolutions.add_resolution(
        item_id=board.item33.id,
        text="That the presentation be noted",
        proposer_id=board.people.cooke.id,
        votes_for=5,
    )


def test_a_member_counted_in_a_vote_cannot_then_be_marked_absent(board, refused):
    five_for(board)

    with refused() as caught:
        attendance.mark_attendance(
            meeting_id=board.meeting.id, person_id=board.people.ring.id, status="absent"
        )
    assert str(caught.value) == (
        "After this change, only 4 members may vote on item 33, but 5 votes were recorded "
        "(the resolution on item 33 at the meeting of 17 December 2012, “That the "
        "presentation be noted”); correct the resolution first, or, if they left after the "
        "vote, record when they left."
    )
    assert line(board, board.people.ring).status == "present"


def test_a_member_who_left_after_the_vote_is_still_counted_in_it(board):
    five_for(board)

    attendance.set_times(attendance_id=line(board, board.people.ring).id, left="15:00")

    assert "Cllr Marion Ring" in names(board.item33)
    assert "Cllr Marion Ring" not in names(board.item34)


def test_a_departure_before_the_vote_it_was_counted_in_is_refused(board, refused):
    five_for(board)

    with refused("only 4 members may vote on item 33, but 5 votes were recorded"):
        attendance.set_times(attendance_id=line(board, board.people.ring).id, left="14:35")


def test_the_proposer_cannot_leave_the_sheet_after_proposing(board, refused):
    resolutions.add_resolution(
        item_id=board.item33.id,
        text="That the presentation be noted",
        proposer_id=board.people.cooke.id,
    )

    with refused(
        "After this change, Cllr Gary Cooke is recorded as absent from this meeting, so "
        "cannot propose (the resolution on item 33"
    ):
        attendance.mark_attendance(
            meeting_id=board.meeting.id, person_id=board.people.cooke.id, status="absent"
        )


def test_leaving_the_room_for_an_item_whose_vote_counted_the_member_is_refused(board, refused):
    five_for(board)

    with refused("or record that they stayed in the room"):
        declare(board, board.people.garland, board.item33)


def test_a_declaration_changed_to_leaving_the_room_is_refused_the_same(board, refused):
    five_for(board)
    stayed = declare(board, board.people.garland, board.item33, left_room=False)

    with refused("only 4 members may vote on item 33"):
        declarations.update_declaration(declaration_id=stayed.id, left_room=True)
    assert declarations.list_declarations(board.meeting.id)[0].left_room is False


def test_an_interest_in_another_item_leaves_the_vote_alone(board):
    five_for(board)

    declare(board, board.people.garland, board.item35)

    assert "Cllr Chris Garland" not in names(board.item35)


def test_moving_the_time_an_item_was_taken_past_a_voters_departure_is_refused(board, refused):
    five_for(board)
    attendance.set_times(attendance_id=line(board, board.people.ring).id, left="15:00")

    with refused("only 4 members may vote on item 33"):
        agenda.update_item(item_id=board.item33.id, started_at="15:05")


def membership_of(board, person):
    return next(
        m for m in memberships.list_members(body_id=board.body.id) if m.person_id == person.id
    )


def test_a_member_counted_in_a_vote_cannot_then_lose_their_vote(board, refused):
    five_for(board)

    with refused("only 4 members may vote on item 33", "at the meeting of 17 December 2012"):
        memberships.update_membership(
            membership_id=membership_of(board, board.people.ring).id, voting=False
        )
    with refused("only 4 members may vote on item 33"):
        memberships.update_membership(
            membership_id=membership_of(board, board.people.ring).id, to_date="2012-12-01"
        )
    with refused("only 4 members may vote on item 33"):
        memberships.remove_member(membership_id=membership_of(board, board.people.ring).id)


def test_a_membership_ending_after_the_meeting_leaves_its_votes_alone(board):
    five_for(board)

    memberships.update_membership(
        membership_id=membership_of(board, board.people.ring).id, to_date="2013-05-01"
    )

    assert "Cllr Marion Ring" in names(board.item33)


# The items during which people came and went (issue 14)


def test_a_member_who_arrived_during_a_later_item_may_not_vote_before_it(board):
    attendance.set_times(
        attendance_id=line(board, board.people.ring).id, arrived_during=board.item35.id
    )

    assert why_not(board.item33.id, board.people.ring.id) == (
        "arrived during item 35, after item 33"
    )
    assert "Cllr Marion Ring" not in names(board.item34_1)
    assert "Cllr Marion Ring" in names(board.item35)  # there for its vote
    assert "Cllr Marion Ring" in names(board.item36)


def test_a_member_who_left_during_an_item_may_not_vote_after_it(board):
    attendance.set_times(
        attendance_id=line(board, board.people.cooke).id, left_during=board.item34.id
    )

    assert "Cllr Gary Cooke" in names(board.item33)
    assert "Cllr Gary Cooke" in names(board.item34)  # the vote may have come before
    assert why_not(board.item35.id, board.people.cooke.id) == (
        "left the meeting during item 34, before item 35"
    )
    assert "Cllr Gary Cooke" not in names(board.item36)


def test_an_arrival_recorded_at_a_later_item_after_a_vote_that_counted_them_is_refused(
    board, refused
):
    five_for(board)

    with refused("only 4 members may vote on item 33, but 5 votes were recorded"):
        attendance.set_times(
            attendance_id=line(board, board.people.ring).id, arrived_during=board.item34.id
        )
    assert line(board, board.people.ring).__data__["arrived_during"] is None


def test_moving_an_item_after_the_one_a_voter_left_during_is_refused(board, refused):
    five_for(board)  # Cooke proposes item 33
    attendance.set_times(
        attendance_id=line(board, board.people.cooke).id, left_during=board.item34.id
    )

    with refused("only 4 members may vote on item 33, but 5 votes were recorded"):
        agenda.move_item(item_id=board.item33.id, offset=1)
    assert AgendaItem.get_by_id(board.item33.id).rank == "1"


def test_at_an_item_not_timed_the_item_of_a_late_arrival_decides_not_its_time(board):
    # Item 36 was not timed, so it counts at the meeting's start (14:30); Cllr Ring came
    # in at 15:30 during item 35, before it: she may vote on it.
    attendance.set_times(
        attendance_id=line(board, board.people.ring).id,
        arrived="15:30",
        arrived_during=board.item35.id,
    )

    assert "Cllr Marion Ring" in names(board.item36)
    assert why_not(board.item34.id, board.people.ring.id) == (
        "arrived at 15:30, after item 34 was taken"  # a timed item goes by the times
    )
