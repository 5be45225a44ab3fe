"""An undo or redo the services refuse leaves the undo stack and the database agreeing:
the database as it was (each inverse is one transaction) and the step off the stack."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage.models import JournalEntry
from tests.ui.conftest import in_dialog
from tests.ui.test_agenda_builder import open_agenda, titles
from tests.ui.test_body_editing import press_ok

CTRL = Qt.KeyboardModifier.ControlModifier


def schedule_fortnightly_series(qtbot, window, board) -> None:
    """Schedule meetings from 14 January to 28 February 2013 at 14:30 through the dialog."""
    window.select("body", board.body_id)

    def fill(dialog):
        dialog.widgets["first"].setText("2013-01-14")
        dialog.widgets["until"].setText("2013-02-28")
        dialog.widgets["start_time"].setText("14:30")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    window.schedule_action.trigger()


def test_a_refused_undo_of_a_series_deletes_none_of_it_and_leaves_the_stack(
    qtbot, window, board, warnings
):
    schedule_fortnightly_series(qtbot, window, board)
    series = [m for m in meetings.list_meetings(body_id=board.body_id) if m.id != board.meeting_id]
    assert len(series) == 4
    # Meanwhile (another window, the command line) the third meeting's agenda is published:
    # a meeting whose agenda is out can no longer be deleted.
    third = sorted(series, key=lambda m: m.date)[2]
    agenda.add_item(meeting_id=third.id, title="Budget")
    agenda.publish_agenda(meeting_id=third.id)
    journal = JournalEntry.select().count()

    window.undo_action.trigger()  # Edit ▸ Undo "Schedule meetings"

    assert "only a meeting not yet held can be deleted" in warnings[-1]
    assert len(meetings.list_meetings(body_id=board.body_id)) == 5  # none deleted
    assert JournalEntry.select().count() == journal
    stack = window.undo_stack
    assert (stack.count(), stack.index(), stack.canUndo(), stack.canRedo()) == (0, 0, False, False)


def test_a_refused_undo_of_an_added_item_takes_the_step_off_the_stack(
    qtbot, window, board, warnings
):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    editor.select(agenda.list_agenda(board.meeting_id)[3].id)
    editor.actions_["add"].trigger()
    added = editor.selected_id()
    agenda.update_item(item_id=added, title="Budget")  # meanwhile, from the command line
    agenda.publish_agenda(meeting_id=board.meeting_id)  # meanwhile: the new item is numbered
    before = titles(board.meeting_id)

    window.undo_action.trigger()  # "Add item": deleting a numbered item is refused

    assert "cannot be deleted" in warnings[-1]
    assert titles(board.meeting_id) == before and added in {
        e.id for e in agenda.list_agenda(board.meeting_id)
    }
    stack = window.undo_stack
    assert stack.index() == stack.count() == 1  # only the template is left to undo
    assert stack.undoText() == "Start agenda from template" and not stack.canRedo()


def test_a_refused_redo_of_a_series_restores_none_of_it_and_leaves_the_stack(
    qtbot, window, board, warnings
):
    schedule_fortnightly_series(qtbot, window, board)
    window.undo_action.trigger()
    assert [m.id for m in meetings.list_meetings(body_id=board.body_id)] == [board.meeting_id]
    # Meanwhile another meeting is arranged at the time of the series' second one.
    meetings.create_meeting(body_id=board.body_id, date="2013-01-28", start_time="14:30")
    journal = JournalEntry.select().count()

    window.redo_action.trigger()

    assert warnings, "the redo was not refused"
    assert len(meetings.list_meetings(body_id=board.body_id)) == 2  # none of the series
    assert JournalEntry.select().count() == journal
    stack = window.undo_stack
    assert (stack.count(), stack.index(), stack.canUndo(), stack.canRedo()) == (0, 0, False, False)
