"""Actions arising from items: owners, due dates, RAG status, progress notes, and the open
actions that come back at the body's next meeting."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from desktop_app.services.decisions import actions, minutes_versions
from desktop_app.services.directory import organisations, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import Action, AgendaItem, db

TODAY = dt.date(2013, 2, 1)


@pytest.fixture
def board(database):
    """A board with two held meetings and one to come, an item on each, and a second body."""
    body = create_body(name="Maidstone Locality Board", kind="board")
    other = create_body(name="Health Delivery Group")
    october = meetings.create_meeting(body_id=body.id, date="2012-10-01", status="held")
    december = meetings.create_meeting(body_id=body.id, date="2012-12-17", status="held")
    march = meetings.create_meeting(body_id=body.id, date="2013-03-18")
    elsewhere = meetings.create_meeting(body_id=other.id, date="2012-11-05", status="held")

    def item(meeting, title, number, kind="report"):
        row = agenda.add_item(meeting_id=meeting.id, title=title, kind=kind)
        with db.atomic():
            changes.update(AgendaItem.get_by_id(row.id), number=number)
        return row

    return SimpleNamespace(
        body=body,
        other=other,
        october=october,
        december=december,
        march=march,
        elsewhere=elsewhere,
        housing=item(october, "Housing", "23"),
        schools=item(december, "School places", "35"),
        minutes_item=item(march, "Minutes of the last meeting", "40", "previous minutes"),
        health=item(elsewhere, "Health checks", "7"),
        alland=people.create_person(name="Simon Alland", title="Mr"),
        police=organisations.create_organisation(name="Kent Police"),
    )


def entry(action_id: str, today=TODAY) -> actions.ActionEntry:
    row = Action.get_by_id(action_id)
    return next(
        e for e in actions.actions_of_item(row.__data__["item"], today=today) if e.id == action_id
    )


def test_an_action_is_listed_under_its_item_with_owner_due_and_minute(board):
    action = actions.add_action(
        item_id=board.housing.id,
        text="Report the waiting list figures",
        owner_person_id=board.alland.id,
        due="2013-03-01",
    )
    shown = entry(action.id)
    assert (shown.text, shown.owner, shown.due, shown.status) == (
        "Report the waiting list figures",
        "Mr Simon Alland",
        dt.date(2013, 3, 1),
        "open",
    )
    assert (shown.minute_number, shown.item_title, shown.body_name) == (
        "23",
        "Housing",
        "Maidstone Locality Board",
    )
    assert (shown.meeting_id, shown.meeting_date) == (board.october.id, dt.date(2012, 10, 1))
    assert (shown.rag, shown.overdue, shown.last_note) == ("open", False, "")


def test_actions_of_an_item_keep_the_order_they_were_recorded(board):
    for text in ("First", "Second", "Third"):
        actions.add_action(item_id=board.housing.id, text=text)
    assert [e.text for e in actions.actions_of_item(board.housing.id)] == [
        "First",
        "Second",
        "Third",
    ]


def test_an_organisation_can_own_an_action(board):
    action = actions.add_action(
        item_id=board.housing.id, text="Patrol the estate", owner_organisation_id=board.police.id
    )
    shown = entry(action.id)
    assert (shown.owner, shown.owner_organisation_id, shown.owner_person_id) == (
        "Kent Police",
        board.police.id,
        None,
    )


def test_an_action_needs_words(board, refused):
    with refused("action's text cannot be empty"):
        actions.add_action(item_id=board.housing.id, text="   ")


def test_an_action_has_one_owner_not_two(board, refused):
    with refused("a person or an organisation, not both"):
        actions.add_action(
            item_id=board.housing.id,
            text="Patrol",
            owner_person_id=board.alland.id,
            owner_organisation_id=board.police.id,
        )


def test_an_action_refuses_an_impossible_due_date_and_an_unknown_status(board, refused):
    with refused("2013-02-30", "February 2013 has 28 days"):
        actions.add_action(item_id=board.housing.id, text="Report", due="2013-02-30")
    with refused("“finished” is not a status of an action"):
        actions.add_action(item_id=board.housing.id, text="Report", status="finished")


def test_updating_an_action_changes_only_what_is_given(board):
    action = actions.add_action(
        item_id=board.housing.id, text="Report", owner_person_id=board.alland.id
    )
    actions.update_action(action_id=action.id, due=dt.date(2013, 4, 1), status="on track")
    shown = entry(action.id)
    assert (shown.text, shown.owner_person_id, shown.due, shown.status) == (
        "Report",
        board.alland.id,
        dt.date(2013, 4, 1),
        "on track",
    )


def test_naming_an_organisation_as_owner_replaces_the_person(board):
    action = actions.add_action(
        item_id=board.housing.id, text="Report", owner_person_id=board.alland.id
    )
    actions.update_action(action_id=action.id, owner_organisation_id=board.police.id)
    shown = entry(action.id)
    assert (shown.owner_person_id, shown.owner_organisation_id) == (None, board.police.id)


def test_update_refuses_a_field_an_action_does_not_have(board, refused):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    with refused("no field called colour"):
        actions.update_action(action_id=action.id, colour="red")


@pytest.mark.parametrize(
    ("status", "due", "rag", "overdue"),
    [
        ("open", None, "open", False),
        ("open", "2013-01-31", "red", True),
        ("on track", "2013-02-01", "green", False),
        ("on track", "2013-01-01", "red", True),
        ("at risk", "2013-03-01", "amber", False),
        ("late", "2013-03-01", "red", False),
        ("done", "2012-12-01", "done", False),
    ],
)
def test_rag_colour_follows_status_and_the_due_date(board, status, due, rag, overdue):
    action = actions.add_action(item_id=board.housing.id, text="Report", due=due, status=status)
    assert (entry(action.id).rag, entry(action.id).overdue) == (rag, overdue)


def test_a_deleted_action_leaves_the_item_and_comes_back_on_restore(board):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    actions.delete_action(action_id=action.id)
    assert actions.actions_of_item(board.housing.id) == []
    actions.restore_action(action_id=action.id)
    assert [e.id for e in actions.actions_of_item(board.housing.id)] == [action.id]


def test_progress_notes_are_listed_newest_first_and_the_latest_is_shown(board):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    actions.add_progress(action_id=action.id, text="Data requested", date="2012-11-01")
    actions.add_progress(action_id=action.id, text="Draft written", date="2013-01-10")
    assert [n.text for n in actions.list_progress(action.id)] == ["Draft written", "Data requested"]
    assert entry(action.id).last_note == "Draft written"


def test_progress_is_dated_today_unless_a_date_is_given(board):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    note = actions.add_progress(action_id=action.id, text="Begun", today=TODAY)
    assert note.date == TODAY


def test_progress_cannot_be_dated_in_the_future_or_be_empty(board, refused):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    with refused("cannot be dated after today"):
        actions.add_progress(action_id=action.id, text="Done", date="2013-02-02", today=TODAY)
    with refused("progress note cannot be empty"):
        actions.add_progress(action_id=action.id, text="", today=TODAY)


def test_progress_is_reported_at_a_meeting_of_the_same_body(board, refused):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    with refused("body it arose from"):
        actions.add_progress(action_id=action.id, text="Begun", meeting_id=board.elsewhere.id)
    note = actions.add_progress(action_id=action.id, text="Begun", meeting_id=board.december.id)
    assert note.meeting_id == board.december.id


def test_a_removed_progress_note_comes_back_on_restore(board):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    note = actions.add_progress(action_id=action.id, text="Begun", date="2013-01-10")
    actions.remove_progress(note_id=note.id)
    assert actions.list_progress(action.id) == []
    assert entry(action.id).last_note == ""
    actions.restore_progress(note_id=note.id)
    assert [n.id for n in actions.list_progress(action.id)] == [note.id]


def test_open_actions_appear_at_the_next_meeting_until_done(board):
    housing = actions.add_action(item_id=board.housing.id, text="Report the waiting list")
    schools = actions.add_action(item_id=board.schools.id, text="Count school places")
    actions.add_action(item_id=board.health.id, text="Another body's action")
    assert [e.text for e in actions.open_actions_for(board.december.id)] == [
        "Report the waiting list"
    ]
    assert [e.id for e in actions.open_actions_for(board.march.id)] == [housing.id, schools.id]
    actions.update_action(action_id=housing.id, status="done")
    assert [e.id for e in actions.open_actions_for(board.march.id)] == [schools.id]
    assert actions.open_actions_for(board.october.id) == []


def test_approved_minutes_freeze_an_actions_words_but_tracking_goes_on(board, refused):
    action = actions.add_action(item_id=board.housing.id, text="Report", due="2013-03-01")
    minutes_versions.approve(meeting_id=board.october.id, at_item_id=board.schools.id)
    with refused("were approved at minute 35"):
        actions.update_action(action_id=action.id, text="Report twice")
    with refused("can no longer change"):
        actions.update_action(action_id=action.id, due="2013-05-01")
    with refused("can no longer change"):
        actions.add_action(item_id=board.housing.id, text="Another")
    with refused("can no longer change"):
        actions.delete_action(action_id=action.id)
    actions.update_action(action_id=action.id, text="Report", status="at risk")
    actions.add_progress(action_id=action.id, text="Delayed", date="2013-01-20")
    assert (entry(action.id).status, entry(action.id).last_note) == ("at risk", "Delayed")


def test_progress_minuted_at_an_approved_meeting_no_longer_changes(board, refused):
    action = actions.add_action(item_id=board.housing.id, text="Report")
    note = actions.add_progress(action_id=action.id, text="Begun", meeting_id=board.december.id)
    minutes_versions.approve(meeting_id=board.december.id, at_item_id=board.minutes_item.id)
    with refused("can no longer change"):
        actions.remove_progress(note_id=note.id)
    with refused("can no longer change"):
        actions.add_progress(action_id=action.id, text="More", meeting_id=board.december.id)
