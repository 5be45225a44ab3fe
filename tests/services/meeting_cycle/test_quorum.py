"""Quorum: the rule, who counts, and how it changes as people arrive and leave."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.services.directory import memberships, people
from desktop_app.services.directory.bodies import create_body, update_body
from desktop_app.services.meeting_cycle import attendance, meetings
from desktop_app.services.meeting_cycle.quorum import (
    QuorumState,
    describe_rule,
    meeting_quorum,
    quorum_by_item,
    quorum_needed,
)
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, db

# The rule


def test_no_rule_needs_no_one():
    assert quorum_needed("", 18) == 0


def test_a_number_is_the_number_of_members_needed():
    assert quorum_needed("6", 18) == 6


def test_a_fraction_of_the_voting_members_rounds_up():
    assert (quorum_needed("1/3", 18), quorum_needed("1/3", 19), quorum_needed("1/2", 7)) == (
        6,
        7,
        4,
    )


def test_a_fraction_needs_at_least_one_member():
    assert (quorum_needed("1/3", 0), quorum_needed("0/3", 10)) == (1, 1)


def test_a_rule_that_is_not_one_is_refused(refused):
    with refused("“a third” is not a quorum"):
        quorum_needed("a third", 9)


@given(
    voting=st.integers(min_value=0, max_value=500),
    bottom=st.integers(min_value=1, max_value=20),
    data=st.data(),
)
def test_a_fraction_is_the_fewest_members_reaching_that_share(voting, bottom, data):
    top = data.draw(st.integers(min_value=0, max_value=bottom))

    needed = quorum_needed(f"{top}/{bottom}", voting)

    assert needed >= 1
    assert needed * bottom >= voting * top  # enough members for the share
    assert needed == 1 or (needed - 1) * bottom < voting * top  # and no more than enough
    assert needed == max(1, math.ceil(voting * top / bottom))
    if voting:
        assert needed <= voting  # a share of at most the whole is never more than all of them


@given(
    number=st.integers(min_value=0, max_value=10_000),
    voting=st.integers(min_value=0, max_value=500),
)
def test_a_number_does_not_depend_on_the_voting_members(number, voting):
    assert quorum_needed(str(number), voting) == number


@given(
    top=st.integers(min_value=1, max_value=5),
    voting=st.integers(min_value=0, max_value=300),
)
def test_more_voting_members_never_need_fewer(top, voting):
    rule = f"{top}/5"
    assert quorum_needed(rule, voting + 1) >= quorum_needed(rule, voting)


def test_rules_are_described_in_words():
    assert [
        describe_rule("", 18),
        describe_rule("6", 18),
        describe_rule("1", 18),
        describe_rule("1/3", 18),
        describe_rule("2/5", 1),
    ] == [
        "no quorum set",
        "6 members",
        "1 member",
        "one third of 18 voting members",
        "2/5 of 1 voting member",
    ]


# A meeting: 7 voting members, one non-voting adviser, quorum one half (4).


@pytest.fixture
def board(database):
    body = create_body(name="Community Safety Partnership", quorum="1/2")
    voters = [people.create_person(name=f"Member {n} Voter{n}") for n in range(1, 8)]
    for person in voters:
        memberships.add_member(body_id=body.id, person_id=person.id)
    adviser = people.create_person(name="Ada Adviser")
    memberships.add_member(body_id=body.id, person_id=adviser.id, role="adviser", voting=False)
    reserve = people.create_person(name="Rita Reserve")
    memberships.add_member(body_id=body.id, person_id=reserve.id, role="substitute")
    meeting = meetings.create_meeting(
        body_id=body.id, date="2013-02-11", start_time="14:00", end_time="17:00"
    )
    return SimpleNamespace(
        body=body,
        meeting=meeting,
        voters=voters,
        adviser=adviser,
        reserve=reserve,
        guest=people.create_person(name="Gail Guest"),
        stand_in=people.create_person(name="Sam Standin"),
    )


def present(board, *who):
    return [
        attendance.mark_attendance(meeting_id=board.meeting.id, person_id=p.id, status="present")
        for p in who
    ]


def item(board, position, started_at=""):
    with db.atomic():
        return changes.create(
            AgendaItem,
            meeting=board.meeting.id,
            rank=str(position),
            title=f"Item {position}",
            started_at=started_at,
        )


def test_four_of_seven_present_is_quorate(board):
    present(board, *board.voters[:4])

    assert meeting_quorum(board.meeting.id) == QuorumState(
        needed=4, present=4, quorate=True, rule="one half of 7 voting members"
    )


def test_three_of_seven_present_is_not_quorate(board):
    present(board, *board.voters[:3])

    state = meeting_quorum(board.meeting.id)

    assert (state.present, state.quorate) == (3, False)


def test_apologies_and_absences_do_not_count(board):
    present(board, *board.voters[:3])
    for person, status in ((board.voters[3], "apologies"), (board.voters[4], "absent")):
        attendance.mark_attendance(meeting_id=board.meeting.id, person_id=person.id, status=status)

    assert meeting_quorum(board.meeting.id).present == 3


def test_a_substitute_counts_for_the_member_replaced(board):
    present(board, *board.voters[:3])
    attendance.add_substitute(
        meeting_id=board.meeting.id,
        person_id=board.stand_in.id,
        substitute_for_id=board.voters[6].id,
    )

    state = meeting_quorum(board.meeting.id)

    assert (state.present, state.quorate) == (4, True)


def test_a_named_substitute_counts_only_when_standing_in(board):
    present(board, *board.voters[:3], board.reserve)
    assert meeting_quorum(board.meeting.id).present == 3

    attendance.clear_attendance(meeting_id=board.meeting.id, person_id=board.reserve.id)
    attendance.add_substitute(
        meeting_id=board.meeting.id,
        person_id=board.reserve.id,
        substitute_for_id=board.voters[6].id,
    )

    assert meeting_quorum(board.meeting.id).present == 4


def test_a_substitute_for_a_non_voting_member_does_not_count(board):
    present(board, *board.voters[:3])
    attendance.add_substitute(
        meeting_id=board.meeting.id, person_id=board.stand_in.id, substitute_for_id=board.adviser.id
    )

    assert meeting_quorum(board.meeting.id).present == 3


def test_non_voting_members_do_not_count(board):
    present(board, *board.voters[:3], board.adviser)

    state = meeting_quorum(board.meeting.id)

    assert (state.needed, state.present, state.quorate) == (4, 3, False)


def test_people_in_attendance_do_not_count(board):
    present(board, *board.voters[:3])
    attendance.add_in_attendance(meeting_id=board.meeting.id, person_id=board.guest.id)

    assert meeting_quorum(board.meeting.id).quorate is False


def test_a_body_without_a_rule_is_always_quorate(board):
    update_body(body_id=board.body.id, quorum="")

    assert meeting_quorum(board.meeting.id) == QuorumState(0, 0, True, "no quorum set")


def test_a_number_rule_is_counted_against_those_present(board):
    update_body(body_id=board.body.id, quorum="3")
    present(board, *board.voters[:3])

    assert meeting_quorum(board.meeting.id) == QuorumState(3, 3, True, "3 members")


def test_someone_who_has_left_no_longer_counts(board):
    rows = present(board, *board.voters[:4])
    attendance.set_times(attendance_id=rows[0].id, left="15:00")

    assert meeting_quorum(board.meeting.id).quorate is False


def test_at_a_time_only_those_arrived_and_not_yet_gone_count(board):
    rows = present(board, *board.voters[:5])
    attendance.set_times(attendance_id=rows[0].id, arrived="14:30")
    attendance.set_times(attendance_id=rows[1].id, left="15:00")

    counts = {
        at: meeting_quorum(board.meeting.id, at=at).present
        for at in ("14:00", "14:29", "14:30", "14:59", "15:00")
    }

    assert counts == {"14:00": 4, "14:29": 4, "14:30": 5, "14:59": 5, "15:00": 4}


def test_a_time_that_is_not_one_is_refused(refused, board):
    with refused("“teatime” is not a time of day"):
        meeting_quorum(board.meeting.id, at="teatime")


def test_an_unknown_meeting_is_refused(refused, database):
    with refused("no meeting"):
        meeting_quorum("no-such-meeting")


# Per item


def test_an_item_taken_after_a_member_left_is_inquorate(board):
    rows = present(board, *board.voters[:4])
    attendance.set_times(attendance_id=rows[3].id, left="15:00")
    before, after = item(board, 1, "14:05"), item(board, 2, "15:10")

    states = quorum_by_item(board.meeting.id)

    assert (states[before.id].quorate, states[after.id].quorate) == (True, False)
    assert states[after.id] == QuorumState(4, 3, False, "one half of 7 voting members")


def test_an_item_taken_after_a_late_arrival_becomes_quorate(board):
    rows = present(board, *board.voters[:4])
    attendance.set_times(attendance_id=rows[3].id, arrived="14:40")
    first, second = item(board, 1, "14:05"), item(board, 2, "14:45")

    states = quorum_by_item(board.meeting.id)

    assert (states[first.id].present, states[second.id].present) == (3, 4)


def test_an_item_not_yet_taken_is_counted_at_the_meetings_start(board):
    rows = present(board, *board.voters[:4])
    attendance.set_times(attendance_id=rows[3].id, arrived="14:40")
    pending = item(board, 1)

    assert quorum_by_item(board.meeting.id)[pending.id].present == 3


def test_without_a_start_time_an_item_not_yet_taken_counts_those_here_now(board):
    meetings.update_meeting(meeting_id=board.meeting.id, start_time="", end_time="")
    rows = present(board, *board.voters[:4])
    attendance.set_times(attendance_id=rows[3].id, arrived="14:40")
    pending = item(board, 1)

    assert quorum_by_item(board.meeting.id)[pending.id].present == 4


def test_deleted_items_are_left_out(board):
    kept, dropped = item(board, 1), item(board, 2)
    with db.atomic():
        changes.delete(dropped)

    assert set(quorum_by_item(board.meeting.id)) == {kept.id}


def test_a_member_counts_from_the_item_they_arrived_during_to_the_one_they_left_during(board):
    first, second, third, fourth = (item(board, n) for n in range(1, 5))  # no times recorded
    late, early = present(board, *board.voters[:4])[:2]
    attendance.set_times(attendance_id=late.id, arrived_during=second.id)
    attendance.set_times(attendance_id=early.id, left_during=third.id)

    states = quorum_by_item(board.meeting.id)

    assert [states[i.id].present for i in (first, second, third, fourth)] == [3, 4, 4, 3]
    assert [states[i.id].quorate for i in (first, second, third, fourth)] == [
        False,
        True,
        True,
        False,
    ]
    # As things stand (after the meeting), one who left during an item is gone.
    assert meeting_quorum(board.meeting.id).present == 3


def test_at_an_untimed_item_a_late_arrival_counts_from_the_item_recorded(board):
    first, second = item(board, 1), item(board, 2)
    late = present(board, *board.voters[:4])[0]
    attendance.set_times(attendance_id=late.id, arrived="14:40", arrived_during=first.id)

    states = quorum_by_item(board.meeting.id)

    # Neither item was timed (both count at 14:00); she arrived during the first.
    assert [states[i.id].present for i in (first, second)] == [4, 4]
