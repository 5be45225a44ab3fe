"""Entering in the window what the minutes say (issue 14), each step undone and redone: the
item during which someone arrived, a vice-chair for this meeting, the date of the next
meeting and that meeting scheduled from it, a minute cited as text, and live mode
recording an arrival at the item being taken."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services.decisions import resolutions
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import AttendanceEntry, attendance_sheet
from desktop_app.storage.models import Meeting
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok
from tests.ui.test_minutes_writing import example, item  # noqa: F401 (the fixture)
from ui.live_meeting import LiveMeeting


def _entry(meeting_id: str, name: str) -> AttendanceEntry:
    return next(e for e in attendance_sheet(meeting_id) if e.name == name)


def _choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _answer(qtbot, fill) -> None:
    """Fill the dialog about to open and press OK, as the clerk does; a dialog still open
    after that (a refusal, a field missing) is closed, so the test goes on to say what is
    wrong rather than wait for it."""

    def act(dialog):
        try:
            fill(dialog)
            press_ok(qtbot, dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    in_dialog(act)


def test_the_item_during_which_someone_arrived_is_chosen_with_the_time(qtbot, example, warnings):  # noqa: F811
    window, _, meeting = example
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.attendance)
    view = page.attendance
    view.select(_entry(meeting.id, "Cllr Daley").person_id)
    item33 = item(meeting, "33")

    def fill(dialog):
        qtbot.keyClicks(dialog.widgets["arrived"], "14:50")
        _choose(dialog.widgets["arrived_during"], item33.id)

    _answer(qtbot, fill)
    view.edit_times()

    daley = _entry(meeting.id, "Cllr Daley")
    assert (daley.arrived, daley.arrived_during_id) == ("14:50", item33.id)
    window.undo_action.trigger()
    assert _entry(meeting.id, "Cllr Daley").arrived_during_id is None
    window.redo_action.trigger()
    assert _entry(meeting.id, "Cllr Daley").arrived_during_id == item33.id


def test_a_vice_chair_is_elected_for_this_meeting_in_the_election_dialog(qtbot, example, warnings):  # noqa: F811
    window, _, meeting = example
    editor = window.meeting_page.minutes
    first = item(meeting, "30")
    editor.select_item(first.id)
    cooke = _entry(meeting.id, "Cllr Gary Cooke")

    def fill(dialog):
        _choose(dialog.widgets["person_id"], cooke.person_id)
        _choose(dialog.widgets["role"], "vice-chair")
        _choose(dialog.widgets["term"], "meeting")

    _answer(qtbot, fill)
    editor.resolved.elect()

    assert warnings == []
    (made,) = resolutions.list_resolutions(first.id)
    assert made.text == "That Cllr Gary Cooke be elected Vice-Chair for this meeting."
    assert editor.resolved.list.count() == 1
    window.undo_action.trigger()
    assert resolutions.list_resolutions(first.id) == []


def test_the_next_meeting_s_date_is_typed_and_that_meeting_scheduled_in_one_step(
    qtbot,
    example,  # noqa: F811
    warnings,
):
    window, board, meeting = example
    following = agenda.add_item(
        meeting_id=meeting.id, title="Date of Next Meeting", kind="date of next meeting"
    )
    editor = window.meeting_page.minutes
    editor.refresh()
    editor.select_item(following.id)
    assert editor.next_box.isVisibleTo(editor)

    editor.next_date.setFocus()
    qtbot.keyClicks(editor.next_date, "04/02/2013")  # as a UK clerk writes it
    qtbot.keyClick(editor.next_date, Qt.Key.Key_Return)
    assert meetings.get_meeting(meeting.id).next_meeting_date == dt.date(2013, 2, 4)
    editor.refresh()
    assert editor.next_date.text() == "4 February 2013"  # and shown so, not as 2013-02-04
    qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)

    scheduled = meetings.find_meeting(body_id=board.id, date="2013-02-04")
    assert (scheduled.start_time, scheduled.venue) == (meeting.start_time, meeting.venue)
    window.undo_action.trigger()  # the meeting scheduled
    assert meetings.find_meeting(body_id=board.id, date="2013-02-04") is None
    window.undo_action.trigger()  # the date
    assert Meeting.get_by_id(meeting.id).next_meeting_date is None
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert meetings.find_meeting(body_id=board.id, date="2013-02-04") is not None


def test_a_minute_not_in_the_record_is_cited_as_typed_on_the_agenda(qtbot, example, warnings):  # noqa: F811
    window, _, meeting = example
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.agenda)
    editor = page.agenda
    target = item(meeting, "32")
    editor.select(target.id)
    field = editor.form.fields["cited_minute"]

    field.setFocus()
    qtbot.keyClicks(field, "Cou/250/07-08")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert item(meeting, "32").cited_minute == "Cou/250/07-08"
    window.undo_action.trigger()
    assert item(meeting, "32").cited_minute == ""


def test_live_mode_records_an_arrival_at_the_item_being_taken(qtbot, example, warnings):  # noqa: F811
    window, _, meeting = example
    clock = [dt.datetime(2012, 12, 17, 14, 50)]
    live = LiveMeeting(meeting.id, window.undo_stack, window.changes, now=lambda: clock[0])
    qtbot.addWidget(live)
    window.hide()
    live.show()
    live.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is live)
    live.go_to(3)  # item 33
    daley = _entry(meeting.id, "Cllr Daley")
    rows = [live.people.item(n).data(Qt.ItemDataRole.UserRole) for n in range(live.people.count())]
    live.people.setCurrentRow(next(n for n, e in enumerate(rows) if e.person_id == daley.person_id))

    live.arrived_now()

    daley = _entry(meeting.id, "Cllr Daley")
    assert (daley.arrived, daley.arrived_during_id) == ("14:50", item(meeting, "33").id)
    window.undo_action.trigger()
    assert _entry(meeting.id, "Cllr Daley").arrived_during_id is None


def test_live_mode_records_when_the_meeting_closed(qtbot, example, warnings):  # noqa: F811
    window, _, meeting = example
    live = LiveMeeting(
        meeting.id, window.undo_stack, window.changes, now=lambda: dt.datetime(2012, 12, 17, 16, 5)
    )
    qtbot.addWidget(live)

    qtbot.mouseClick(live.close_button, Qt.MouseButton.LeftButton)

    assert meetings.get_meeting(meeting.id).end_time == "16:05"
    window.undo_action.trigger()
    assert meetings.get_meeting(meeting.id).end_time == "16:30"
