"""Minutes versions: drafted, circulated, approved by a resolution at a later meeting (which
freezes them) and each step's undo; the canonical content whose SHA-256 approval records."""

from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.decisions import actions, freeze, minutes, minutes_versions
from desktop_app.services.directory import memberships, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, attendance, declarations, meetings
from desktop_app.storage import changes
from desktop_app.storage.database import context
from desktop_app.storage.models import (
    SYNCED_MODELS,
    AgendaItem,
    Meeting,
    Minute,
    MinutesVersion,
    NamedVote,
    Resolution,
    db,
)

APPROVAL = (
    "That the minutes of the meeting held on 1 October 2012 be approved as a correct record "
    "and signed."
)


def numbered_item(meeting, title, number, kind="report"):
    item = agenda.add_item(meeting_id=meeting.id, title=title, kind=kind)
    if number:
        with db.atomic():
            changes.update(AgendaItem.get_by_id(item.id), number=number)
    return item


@pytest.fixture
def board(database):
    """October's meeting, held and minuted; December's, which approves them at minute 31;
    March's and June's to come; a cancelled meeting and another body's meeting."""
    body = create_body(name="Maidstone Locality Board")
    other = create_body(name="Health Delivery Group")
    garland = people.create_person(name="Chris Garland", title="Cllr")
    stockell = people.create_person(name="Paulina Stockell", title="Cllr Mrs")
    for who in (garland, stockell):
        memberships.add_member(body_id=body.id, person_id=who.id)
    october = meetings.create_meeting(body_id=body.id, date="2012-10-01", status="held")
    november = meetings.create_meeting(body_id=body.id, date="2012-11-05", status="cancelled")
    december = meetings.create_meeting(body_id=body.id, date="2012-12-17", status="held")
    march = meetings.create_meeting(body_id=body.id, date="2013-03-18")
    june = meetings.create_meeting(body_id=body.id, date="2013-06-17")
    elsewhere = meetings.create_meeting(body_id=other.id, date="2013-01-07", status="held")
    housing = numbered_item(october, "Housing", "23")
    minutes.set_item_notes(item_id=housing.id, notes="The strategy was discussed.")
    with db.atomic():
        resolution = changes.create(
            Resolution, item=housing.id, text="That the strategy be endorsed.", votes_for=2
        )
        changes.create(NamedVote, resolution=resolution.id, person=garland.id, vote="for")
    action = actions.add_action(item_id=housing.id, text="Publish the strategy", due="2013-01-31")
    attendance.mark_attendance(meeting_id=october.id, person_id=garland.id, status="present")
    attendance.mark_attendance(meeting_id=october.id, person_id=stockell.id, status="present")
    declarations.declare_interest(
        meeting_id=october.id, item_id=housing.id, person_id=stockell.id, kind="personal"
    )
    return SimpleNamespace(
        body=body,
        october=october,
        november=november,
        december=december,
        march=march,
        june=june,
        housing=housing,
        action=action,
        previous=numbered_item(december, "Minutes of the last meeting", "31", "previous minutes"),
        cancelled_item=numbered_item(november, "Minutes", "", "previous minutes"),
        march_item=numbered_item(march, "Minutes of the last meeting", "", "previous minutes"),
        june_item=numbered_item(june, "Minutes of the last meeting", "", "previous minutes"),
        elsewhere_item=numbered_item(elsewhere, "Minutes", "5", "previous minutes"),
        october_item=numbered_item(october, "Any other business", "24"),
    )


def status(meeting) -> str:
    return Meeting.get_by_id(meeting.id).status


def sha_of(meeting) -> str:
    return hashlib.sha256(minutes_versions.minutes_content(meeting.id).encode()).hexdigest()


def live_rows() -> dict:
    """Every live synced row's fields, without the bookkeeping a change always moves on."""
    return {
        model._meta.table_name: {
            row.id: {
                k: v for k, v in row.__data__.items() if k not in ("updated_at", "hlc", "stamps")
            }
            for row in model.live()
        }
        for model in SYNCED_MODELS
    }


def approve_october(board) -> Resolution:
    return minutes_versions.approve(meeting_id=board.october.id, at_item_id=board.previous.id)


# -- drafts -----------------------------------------------------------------------------------


def test_a_meeting_starts_with_no_versions(board):
    assert minutes_versions.list_versions(board.october.id) == []


def test_a_draft_keeps_the_minutes_as_they_stand_and_marks_them_drafted(board):
    version = minutes_versions.draft_version(meeting_id=board.october.id)
    [entry] = minutes_versions.list_versions(board.october.id)
    assert (entry.id, entry.version, entry.state) == (version.id, 1, "draft")
    assert entry.created_by == context().actor
    assert entry.content_sha256 == sha_of(board.october)
    assert status(board.october) == "minutes drafted"


def test_a_second_draft_of_unchanged_minutes_is_refused(board, refused):
    minutes_versions.draft_version(meeting_id=board.october.id)
    with refused("Draft version 1 already holds the minutes as they stand"):
        minutes_versions.draft_version(meeting_id=board.october.id)


def test_a_draft_after_a_change_is_the_next_version(board):
    minutes_versions.draft_version(meeting_id=board.october.id)
    minutes.set_item_notes(item_id=board.housing.id, notes="The strategy was endorsed.")
    second = minutes_versions.draft_version(meeting_id=board.october.id)
    assert second.version == 2
    assert [v.state for v in minutes_versions.list_versions(board.october.id)] == ["draft"] * 2


def test_discarding_a_draft_is_the_exact_undo_of_making_it(board):
    before = live_rows()
    minutes_versions.draft_version(meeting_id=board.october.id)
    minutes_versions.discard_draft(meeting_id=board.october.id)
    assert live_rows() == before
    assert status(board.october) == "held"


def test_only_a_draft_can_be_discarded(board, refused):
    with refused("no draft version to discard"):
        minutes_versions.discard_draft(meeting_id=board.october.id)


def test_minutes_of_a_meeting_not_held_or_cancelled_cannot_be_drafted(board, refused):
    with refused("has not been held yet", "mark it held"):
        minutes_versions.draft_version(meeting_id=board.march.id)
    with refused("was cancelled"):
        minutes_versions.draft_version(meeting_id=board.november.id)


# -- circulation ------------------------------------------------------------------------------


def test_circulating_moves_the_draft_on_and_says_who_and_when(board):
    draft = minutes_versions.draft_version(meeting_id=board.october.id)
    circulated = minutes_versions.circulate(meeting_id=board.october.id)
    [entry] = minutes_versions.list_versions(board.october.id)
    assert (circulated.id, entry.state) == (draft.id, "circulated")
    assert entry.circulated_by == context().actor and entry.circulated_at > entry.created_at
    assert status(board.october) == "minutes circulated"


def test_circulating_minutes_never_drafted_makes_the_first_version(board):
    version = minutes_versions.circulate(meeting_id=board.october.id)
    assert (version.version, version.state) == (1, "circulated")
    assert status(board.october) == "minutes circulated"


def test_circulating_minutes_changed_since_the_draft_makes_a_new_version(board):
    minutes_versions.draft_version(meeting_id=board.october.id)
    minutes.set_item_notes(item_id=board.housing.id, notes="Corrected before circulation.")
    minutes_versions.circulate(meeting_id=board.october.id)
    assert [(v.version, v.state) for v in minutes_versions.list_versions(board.october.id)] == [
        (1, "draft"),
        (2, "circulated"),
    ]


def test_circulating_unchanged_minutes_twice_is_refused(board, refused):
    minutes_versions.circulate(meeting_id=board.october.id)
    with refused("was circulated on", "have not changed since"):
        minutes_versions.circulate(meeting_id=board.october.id)


@pytest.mark.parametrize("drafted_first", [True, False], ids=["draft", "no draft"])
def test_withdrawing_circulation_is_the_exact_undo_of_circulating(board, drafted_first):
    if drafted_first:
        minutes_versions.draft_version(meeting_id=board.october.id)
    before, was = live_rows(), status(board.october)
    minutes_versions.circulate(meeting_id=board.october.id)
    minutes_versions.withdraw_circulation(meeting_id=board.october.id)
    assert live_rows() == before
    assert status(board.october) == was


def test_only_circulated_minutes_can_be_withdrawn(board, refused):
    with refused("are not circulated"):
        minutes_versions.withdraw_circulation(meeting_id=board.october.id)


# -- approval ---------------------------------------------------------------------------------


def test_approving_at_the_next_meeting_records_the_version_and_its_fingerprint(board):
    circulated = minutes_versions.circulate(meeting_id=board.october.id)
    resolution = approve_october(board)
    assert resolution.item_id == board.previous.id
    assert (resolution.text, resolution.outcome, resolution.kind) == (
        APPROVAL,
        "approved",
        "resolution",
    )
    assert resolution.approves_version_id == circulated.id
    assert resolution.approves_sha256 == sha_of(board.october)
    [entry] = minutes_versions.list_versions(board.october.id)
    assert (entry.state, entry.approved_at_meeting_id, entry.approved_minute) == (
        "approved",
        board.december.id,
        "31",
    )
    assert entry.approved_at and entry.content_sha256 == resolution.approves_sha256
    assert status(board.october) == "minutes approved"


def test_approved_minutes_refuse_any_edit_naming_the_approving_minute(board, refused):
    approve_october(board)
    with refused("were approved at minute 31 of the meeting of 17 December 2012"):
        freeze.ensure_editable(board.october.id)
    with refused("can no longer change"):
        actions.update_action(action_id=board.action.id, text="Publish it twice")
    with refused("can no longer change"):
        minutes_versions.draft_version(meeting_id=board.october.id)


def test_minutes_are_approved_only_at_a_later_meeting_of_the_same_body(board, refused):
    with refused("only be approved at a later meeting"):
        minutes_versions.approve(meeting_id=board.october.id, at_item_id=board.october_item.id)
    with refused("only be approved at a later meeting"):
        minutes_versions.approve(meeting_id=board.december.id, at_item_id=board.housing.id)
    with refused("at a meeting of Maidstone Locality Board"):
        minutes_versions.approve(meeting_id=board.october.id, at_item_id=board.elsewhere_item.id)
    with refused("is cancelled"):
        minutes_versions.approve(meeting_id=board.october.id, at_item_id=board.cancelled_item.id)


def test_minutes_are_approved_once_and_only_once_held(board, refused):
    approve_october(board)
    with refused("already approved"):
        minutes_versions.approve(meeting_id=board.october.id, at_item_id=board.march_item.id)
    with refused("has not been held yet"):
        minutes_versions.approve(meeting_id=board.march.id, at_item_id=board.june_item.id)


@pytest.mark.parametrize("step", ["none", "draft", "circulated"])
def test_unapproving_is_the_exact_undo_of_approving(board, step):
    if step == "draft":
        minutes_versions.draft_version(meeting_id=board.october.id)
    elif step == "circulated":
        minutes_versions.circulate(meeting_id=board.october.id)
    before, was = live_rows(), status(board.october)
    approve_october(board)
    minutes_versions.unapprove(meeting_id=board.october.id)
    assert live_rows() == before
    assert status(board.october) == was
    freeze.ensure_editable(board.october.id)


def test_minutes_drafted_without_a_version_go_back_to_drafted(board):
    """As in the example body: drafted by status alone, approved at a meeting whose agenda
    is not yet published (so no minute number), then the approval undone."""
    meetings_status = Meeting.get_by_id(board.december.id)
    with db.atomic():
        changes.update(meetings_status, status="minutes drafted")
    minutes_versions.approve(meeting_id=board.december.id, at_item_id=board.march_item.id)
    with pytest.raises(ValidationError) as caught:
        freeze.ensure_editable(board.december.id)
    assert "were approved of the meeting of 18 March 2013" in str(caught.value)
    minutes_versions.unapprove(meeting_id=board.december.id)
    assert status(board.december) == "minutes drafted"
    assert minutes_versions.list_versions(board.december.id) == []


def test_approving_again_after_an_undo_works(board):
    approve_october(board)
    minutes_versions.unapprove(meeting_id=board.october.id)
    again = approve_october(board)
    assert [v.version for v in minutes_versions.list_versions(board.october.id)] == [1]
    assert Resolution.get_by_id(again.id).deleted_at is None


def test_minutes_changed_since_circulation_are_approved_as_a_new_version(board):
    first = minutes_versions.circulate(meeting_id=board.october.id)
    minutes.set_item_notes(item_id=board.housing.id, notes="Amended at the meeting.")
    resolution = approve_october(board)
    assert [(v.version, v.state) for v in minutes_versions.list_versions(board.october.id)] == [
        (1, "circulated"),
        (2, "approved"),
    ]
    assert resolution.approves_version_id != first.id


def test_unapproving_needs_an_approval(board, refused):
    with refused("have not been approved"):
        minutes_versions.unapprove(meeting_id=board.october.id)


def test_an_approval_recorded_in_minutes_since_approved_stays(board, refused):
    approve_october(board)
    minutes_versions.approve(meeting_id=board.december.id, at_item_id=board.march_item.id)
    with refused("The minutes of 17 December 2012 were approved"):
        minutes_versions.unapprove(meeting_id=board.october.id)


# -- content ----------------------------------------------------------------------------------


def test_content_is_canonical_json_of_the_whole_record(board):
    text = minutes_versions.minutes_content(board.october.id)
    assert text == minutes_versions.minutes_content(board.october.id)
    record = json.loads(text)
    assert json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")) == text
    housing = record["items"][0]
    assert (housing["number"], housing["title"]) == ("23", "Housing")
    assert housing["minutes"][0]["notes"] == "The strategy was discussed."
    assert housing["resolutions"][0]["text"] == "That the strategy be endorsed."
    assert housing["resolutions"][0]["named_votes"][0]["vote"] == "for"
    assert housing["actions"][0]["text"] == "Publish the strategy"
    assert "status" not in housing["actions"][0]
    assert len(record["attendance"]) == 2
    assert record["declarations"][0]["kind"] == "personal"


def test_a_change_after_approval_is_detected_but_tracking_is_not_a_change(board):
    approve_october(board)
    assert not minutes_versions.content_changed_since_approval(board.october.id)
    actions.update_action(action_id=board.action.id, status="done")
    assert not minutes_versions.content_changed_since_approval(board.october.id)
    with db.atomic():  # behind the services' back, as a damaged sync might
        minute = Minute.get(Minute.item == board.housing.id)
        changes.update(minute, overview="Quietly rewritten.")
    assert minutes_versions.content_changed_since_approval(board.october.id)


def test_minutes_never_approved_have_not_changed_since_approval(board):
    assert not minutes_versions.content_changed_since_approval(board.october.id)
    assert MinutesVersion.select().count() == 0
