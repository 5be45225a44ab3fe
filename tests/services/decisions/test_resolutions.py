"""Resolutions: wording, outcome, proposer and seconder, how the vote fell, named votes."""

from __future__ import annotations

import pytest

from desktop_app.services.decisions.resolutions import (
    ResolutionEntry,
    add_resolution,
    delete_resolution,
    list_resolutions,
    restore_resolution,
    set_named_votes,
    update_resolution,
)
from desktop_app.services.meeting_cycle import declarations, meetings
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import MinutesVersion, NamedVote, db
from tests.services.decisions.test_voting import make_board


@pytest.fixture
def board(database):
    return make_board()


def resolve(board, text="That the report be approved.", item=None, **fields):
    return add_resolution(item_id=(item or board.item33).id, text=text, **fields)


def only(board, item=None) -> ResolutionEntry:
    (entry,) = list_resolutions((item or board.item33).id)
    return entry


def test_a_resolution_is_listed_with_its_proposer_seconder_and_vote(board):
    p = board.people
    resolve(
        board,
        outcome="approved",
        proposer_id=p.cooke.id,
        seconder_id=p.alland.id,
        votes_for=3,
        votes_against=1,
        votes_abstain=1,
    )

    entry = only(board)
    assert (entry.text, entry.outcome, entry.kind, entry.position) == (
        "That the report be approved.",
        "approved",
        "resolution",
        0,
    )
    assert (entry.proposer, entry.seconder) == ("Cllr Gary Cooke", "Simon Alland")
    assert (entry.votes_for, entry.votes_against, entry.votes_abstain) == (3, 1, 1)
    assert entry.summary == "carried 3–1 with 1 abstention"
    assert entry.named_votes == ()


def test_resolutions_are_listed_in_the_order_made(board):
    for text in ("That A be done.", "That B be done.", "That C be done."):
        resolve(board, text)

    assert [(e.position, e.text) for e in list_resolutions(board.item33.id)] == [
        (0, "That A be done."),
        (1, "That B be done."),
        (2, "That C be done."),
    ]


@pytest.mark.parametrize(
    ("fields", "summary"),
    [
        (dict(unopposed=True), "carried unopposed"),
        (dict(unopposed=True, votes_for=4, votes_abstain=1), "carried unopposed with 1 abstention"),
        (
            dict(votes_for=2, votes_against=2, casting_vote=True),
            "carried on the chair's casting vote",
        ),
        (dict(votes_for=4, votes_against=0, votes_abstain=0), "carried 4–0"),
        (dict(votes_for=3, votes_abstain=2), "carried 3–0 with 2 abstentions"),
        (dict(outcome="rejected", votes_for=1, votes_against=4), "lost 1–4"),
        (dict(), ""),
    ],
)
def test_how_it_was_carried_reads_as_clerks_write_it(board, fields, summary):
    resolve(board, **fields)

    assert only(board).summary == summary


def test_a_leading_resolved_is_dropped_and_that_gets_its_capital(board):
    resolve(board, "  RESOLVED: that the report be approved.  ")

    assert only(board).text == "That the report be approved."


def test_an_item_noted_or_a_motion_withdrawn_needs_no_that(board):
    resolve(board, "The report was noted.", outcome="noted")
    resolve(board, "The motion was withdrawn by the mover.", outcome="withdrawn")

    assert [e.summary for e in list_resolutions(board.item33.id)] == ["", ""]


def test_wording_without_that_is_refused_with_an_example(board, refused):
    with refused("A resolution is worded “That …”, as in “That the report be approved”."):
        resolve(board, "The Board approved the recommendations.")


def test_a_resolution_without_wording_is_refused(board, refused):
    with refused("Please write the wording of the resolution."):
        resolve(board, "   ")


def test_a_megabyte_of_wording_is_refused(board, refused):
    with refused("characters long"):
        resolve(board, "That " + "x" * 1_000_000)


def test_an_outcome_outside_the_vocabulary_is_refused(board, refused):
    with refused("“passed” is not a resolution outcome"):
        resolve(board, outcome="passed")


def test_unopposed_with_votes_against_is_refused(board, refused):
    with refused("A motion carried unopposed has no votes against."):
        resolve(board, unopposed=True, votes_for=3, votes_against=1)


def test_a_casting_vote_without_a_tie_is_refused(board, refused):
    with refused("The chair's casting vote breaks a tie, but the votes were 3 for and 1 against."):
        resolve(board, casting_vote=True, votes_for=3, votes_against=1)


def test_a_casting_vote_on_a_motion_carried_unopposed_is_refused(board, refused):
    with refused("was not decided on the chair's casting vote"):
        resolve(board, casting_vote=True, unopposed=True)


def test_more_votes_than_members_who_may_vote_are_refused(board, refused):
    with refused("Only 5 members may vote on item 33, but 12 votes were recorded."):
        resolve(board, votes_for=10, votes_against=2)


def test_a_vote_proposed_by_a_member_who_declared_an_interest_and_left_is_refused(board, refused):
    declarations.declare_interest(
        meeting_id=board.meeting.id,
        item_id=board.item34.id,
        person_id=board.people.garland.id,
        kind="other significant",
        description="Chairs the sub-group",
        left_room=True,
    )

    with refused(
        "Cllr Chris Garland declared an interest in item 34 and left the room, so cannot propose."
    ):
        resolve(board, item=board.item34, proposer_id=board.people.garland.id, votes_for=4)


# Editing, deleting and restoring


def test_an_update_changes_only_the_fields_given(board):
    row = resolve(board, votes_for=3, votes_against=1)

    update_resolution(resolution_id=row.id, votes_against=0, unopposed=True)

    entry = only(board)
    assert (entry.text, entry.votes_for, entry.votes_against, entry.unopposed) == (
        "That the report be approved.",
        3,
        0,
        True,
    )


def test_an_update_is_checked_like_a_new_resolution(board, refused):
    row = resolve(board, votes_for=3)

    with refused("Only 5 members may vote"):
        update_resolution(resolution_id=row.id, votes_against=3)


def test_an_unknown_field_is_refused(board, refused):
    row = resolve(board)

    with refused("A resolution has no field called wording."):
        update_resolution(resolution_id=row.id, wording="That it be so.")


def test_a_deleted_resolution_is_restored_in_its_place(board):
    first = resolve(board, "That A be done.")
    resolve(board, "That B be done.")

    delete_resolution(resolution_id=first.id)
    assert [e.text for e in list_resolutions(board.item33.id)] == ["That B be done."]
    restore_resolution(resolution_id=first.id)
    assert [e.text for e in list_resolutions(board.item33.id)] == [
        "That A be done.",
        "That B be done.",
    ]


# Named votes


def test_named_votes_are_recorded_and_listed_by_surname(board):
    p = board.people
    row = resolve(board, votes_for=3, votes_against=1, votes_abstain=1)

    set_named_votes(
        resolution_id=row.id,
        votes={p.stockell.id: "for", p.cooke.id: "against", p.alland.id: "abstain"},
    )

    assert only(board).named_votes == (
        (p.alland.id, "Simon Alland", "abstain"),
        (p.cooke.id, "Cllr Gary Cooke", "against"),
        (p.stockell.id, "Cllr Paulina Stockell", "for"),
    )


def test_named_votes_are_replaced_and_undone_on_the_same_rows(board):
    p = board.people
    row = resolve(board)
    set_named_votes(resolution_id=row.id, votes={p.cooke.id: "for", p.ring.id: "against"})
    rows = {v.person_id: v.id for v in NamedVote.live()}

    set_named_votes(resolution_id=row.id, votes={p.cooke.id: "against"})
    assert [(n, v) for _, n, v in only(board).named_votes] == [("Cllr Gary Cooke", "against")]

    set_named_votes(resolution_id=row.id, votes={p.cooke.id: "for", p.ring.id: "against"})
    assert {v.person_id: v.id for v in NamedVote.live()} == rows
    assert NamedVote.select().count() == 2


def test_a_named_vote_has_the_id_its_resolution_and_person_give_it(board):
    row = resolve(board)

    set_named_votes(resolution_id=row.id, votes={board.people.cooke.id: "for"})

    assert NamedVote.get().id == natural_ids.named_vote_id(row.id, board.people.cooke.id)


def test_a_named_vote_from_a_member_who_left_the_room_is_refused(board, refused):
    declarations.declare_interest(
        meeting_id=board.meeting.id,
        item_id=board.item33.id,
        person_id=board.people.ring.id,
        kind="personal",
        left_room=True,
    )
    row = resolve(board)

    with refused("Cllr Marion Ring declared an interest in item 33 and left the room, so "):
        set_named_votes(resolution_id=row.id, votes={board.people.ring.id: "against"})


def test_more_named_votes_in_a_column_than_its_count_are_refused(board, refused):
    p = board.people
    row = resolve(board, votes_for=4, votes_against=1)

    with refused("Only 1 vote against was recorded, but 2 members are named as voting against."):
        set_named_votes(resolution_id=row.id, votes={p.cooke.id: "against", p.ring.id: "against"})


def test_a_count_below_the_named_votes_is_refused(board, refused):
    row = resolve(board, votes_for=3, votes_abstain=1)
    set_named_votes(resolution_id=row.id, votes={board.people.cooke.id: "abstain"})

    with refused("No abstentions were recorded, but 1 member is named as abstaining."):
        update_resolution(resolution_id=row.id, votes_abstain=0)


def test_a_named_vote_against_a_motion_carried_unopposed_is_refused(board, refused):
    row = resolve(board, unopposed=True)

    with refused("A motion carried unopposed has no votes against."):
        set_named_votes(resolution_id=row.id, votes={board.people.cooke.id: "against"})


def test_some_members_may_ask_for_their_own_vote_to_be_recorded(board):
    row = resolve(board, votes_for=4, votes_against=1)

    set_named_votes(resolution_id=row.id, votes={board.people.cooke.id: "against"})

    assert len(only(board).named_votes) == 1


# Approved minutes


@pytest.fixture
def approved(board):
    row = resolve(board)
    with db.atomic():
        changes.create(MinutesVersion, meeting=board.meeting.id, version=1, state="approved")
    return row


def test_no_resolution_is_added_once_the_minutes_are_approved(board, approved, refused):
    with refused("were approved", "can no longer change"):
        resolve(board, "That it be changed.")


def test_no_resolution_is_edited_deleted_or_voted_on_once_approved(board, approved, refused):
    with refused("were approved"):
        update_resolution(resolution_id=approved.id, text="That it be changed.")
    with refused("were approved"):
        delete_resolution(resolution_id=approved.id)
    with refused("were approved"):
        set_named_votes(resolution_id=approved.id, votes={board.people.cooke.id: "for"})


def test_wording_kept_from_an_imported_record_does_not_block_an_edit_of_the_vote(board):
    row = resolve(board)
    with db.atomic():
        changes.update(row, text="Agreed a chair for each sub-group.")

    update_resolution(resolution_id=row.id, votes_for=4)

    assert (only(board).text, only(board).votes_for) == ("Agreed a chair for each sub-group.", 4)


def test_the_resolution_approving_earlier_minutes_is_not_deleted_on_its_own(board, refused):
    earlier = meetings.create_meeting(body_id=board.body.id, date="2012-10-01")
    with db.atomic():
        version = changes.create(MinutesVersion, meeting=earlier.id, version=1, state="approved")
    row = resolve(board, "That the minutes of 1 October 2012 be approved.")
    with db.atomic():
        changes.update(row, approves_version=version.id)

    with refused("take back the approval instead"):
        delete_resolution(resolution_id=row.id)
