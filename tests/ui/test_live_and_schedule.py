"""Scheduling a series, declaring an interest and running the meeting in live mode."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services.decisions import minutes
from desktop_app.services.meeting_cycle import agenda, attendance, declarations, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from desktop_app.storage.models import JournalEntry
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok
from ui.live_meeting import LiveMeeting


def test_scheduling_every_second_monday_until_april_then_undo(qtbot, window, board):
    window.select("body", board.body_id)

    def fill(dialog):
        dialog.widgets["first"].setText("2013-01-14")
        dialog.widgets["until"].setText("2013-04-30")
        dialog.widgets["start_time"].setText("14:30")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    window.schedule_action.trigger()
    dates = sorted(m.date for m in meetings.list_meetings(body_id=board.body_id))
    series = [d for d in dates if d >= dt.date(2013, 1, 1)]
    assert series[0] == dt.date(2013, 1, 14) and len(series) == 8
    assert all((b - a).days == 14 for a, b in zip(series, series[1:], strict=False))
    window.undo_action.trigger()
    assert [m.date for m in meetings.list_meetings(body_id=board.body_id)] == [
        dt.date(2012, 12, 17)
    ]


def test_a_second_meeting_at_the_same_date_and_time_is_refused(qtbot, window, board, warnings):
    window.select("body", board.body_id)
    before = JournalEntry.select().count()

    def fill(dialog):
        dialog.widgets["date"].setText("2012-12-17")
        dialog.widgets["start_time"].setText("14:30")
        press_ok(qtbot, dialog)
        dialog.reject()

    in_dialog(fill)
    window.new_meeting_action.trigger()
    assert warnings and "already meets on 17 December 2012 at 14:30" in warnings[0]
    assert JournalEntry.select().count() == before


def test_declaring_an_interest_on_an_item(qtbot, window, board):
    agenda.start_agenda(meeting_id=board.meeting_id)
    attendance.mark_attendance(
        meeting_id=board.meeting_id, person_id=board.chair_id, status="present"
    )
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.interests)

    def fill(dialog):
        dialog.widgets["person_id"].setCurrentIndex(
            dialog.widgets["person_id"].findData(board.chair_id)
        )
        kind = dialog.widgets["kind"]
        kind.setCurrentIndex(kind.findData("other significant"))
        dialog.widgets["description"].setText("Trustee of the library friends' group")
        dialog.widgets["left_room"].setChecked(True)
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(page.interests.add_button, Qt.MouseButton.LeftButton)
    made = declarations.list_declarations(board.meeting_id)
    assert [(d.name, d.kind, d.left_room) for d in made] == [
        ("Cllr Mrs Paulina Stockell", "other significant", True)
    ]
    assert page.interests.table.rowCount() == 1
    window.undo_action.trigger()
    assert declarations.list_declarations(board.meeting_id) == []


def test_live_mode_takes_items_keeps_notes_and_marks_attendance(qtbot, window, board):
    agenda.start_agenda(meeting_id=board.meeting_id)
    clock = [dt.datetime(2012, 12, 17, 14, 31)]
    live = LiveMeeting(board.meeting_id, window.undo_stack, window.changes, now=lambda: clock[0])
    qtbot.addWidget(live)
    window.hide()  # live mode fills the screen in front of the main window
    live.show()
    live.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is live)
    entries = agenda.list_agenda(board.meeting_id)
    assert live.title.text() == entries[0].title
    assert entries[0].started_at == "14:31"

    live.notes.setFocus()
    qtbot.keyClicks(live.notes, "Apologies as listed.")
    clock[0] = dt.datetime(2012, 12, 17, 14, 40)
    qtbot.keyClick(live.notes, Qt.Key.Key_PageDown)
    assert live.title.text() == entries[1].title
    assert minutes.item_notes(entries[0].id) == "Apologies as listed."
    assert agenda.list_agenda(board.meeting_id)[1].started_at == "14:40"
    assert "0h 09m in" == live.elapsed.text()

    live.people.setFocus()
    live.people.setCurrentRow(0)
    qtbot.keyClick(live.people, Qt.Key.Key_P)
    first = attendance_sheet(board.meeting_id)[0]
    assert first.status == "present"
    live.people.setCurrentRow(0)
    live.arrived_now()
    assert attendance_sheet(board.meeting_id)[0].arrived == "14:40"

    qtbot.keyClick(live.notes, Qt.Key.Key_PageUp)
    assert live.notes.toPlainText() == "Apologies as listed."
    window.undo_action.trigger()  # the arrival time
    assert attendance_sheet(board.meeting_id)[0].arrived == ""


def test_reading_a_past_meeting_in_live_mode_changes_nothing(qtbot, window, board):
    agenda.start_agenda(meeting_id=board.meeting_id)
    before = JournalEntry.select().count()
    live = LiveMeeting(
        board.meeting_id,
        window.undo_stack,
        window.changes,
        now=lambda: dt.datetime(2013, 1, 9, 10, 0),
    )
    qtbot.addWidget(live)
    live.next_item()
    live.next_item()
    assert live.index == 2
    assert JournalEntry.select().count() == before
    assert all(not e.started_at for e in agenda.list_agenda(board.meeting_id))
