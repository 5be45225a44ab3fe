"""The meeting page shows the record; its details are edited through a dialog."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import meeting_status, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    JournalEntry,
    Minute,
    Resolution,
    db,
)
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok
from ui.app import start_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def record_the_meeting(board) -> None:
    substitute = people.create_person(name="Simon Alland")
    with db.atomic():
        for person, status in ((board.chair_id, "present"), (board.newcomer_id, "apologies")):
            changes.create(Attendance, meeting=board.meeting_id, person=person, status=status)
        changes.create(
            Attendance,
            meeting=board.meeting_id,
            person=substitute.id,
            status="substitute",
            substitute_for=board.member_id,
            capacity="Kent Police",
        )
        minutes = changes.create(
            AgendaItem,
            meeting=board.meeting_id,
            rank="1",
            number="31",
            title="Minutes",
            kind="previous minutes",
        )
        changes.create(
            Resolution,
            item=minutes.id,
            text="That the Minutes be approved as a correct record.",
        )
        report = changes.create(
            AgendaItem,
            meeting=board.meeting_id,
            rank="2",
            number="33",
            title="Troubled Families",
            kind="presentation",
        )
        changes.create(
            Minute,
            item=report.id,
            overview="Payment-by-results programme: £3,200 per family.",
            key_points=json.dumps(["Intensive support tailored to each family."]),
        )
        changes.create(
            Action, item=report.id, text="Establish a Project Group", owner_person=board.chair_id
        )
        changes.create(
            AgendaItem,
            meeting=board.meeting_id,
            parent=report.id,
            rank="1",  # ranked within its parent, so before the parent in a flat sort
            title="Libraries update",
            kind="information",
        )


def test_the_meeting_page_shows_attendance_items_and_minutes(qtbot, window, board):
    record_the_meeting(board)
    window.select("meeting", board.meeting_id)

    assert window.pages.currentWidget() is window.meeting_page
    heading = window.meeting_page.heading.text()
    assert "Monday 17 December 2012, 14:30 – 16:30" in heading
    text = window.meeting_page.browser.toPlainText()
    assert "Substituting for CI Jon Bumpus, Kent Police" in text
    assert "Apologies (1)" in text and "Dave Ashdown" in text
    assert "31. Minutes" in text
    assert "RESOLVED: That the Minutes be approved as a correct record." in text
    assert "33. Troubled Families" in text and "£3,200 per family" in text
    assert "Intensive support tailored to each family." in text
    assert "Establish a Project Group — Cllr Mrs Paulina Stockell" in text
    assert text.index("Libraries update") > text.index("Troubled Families")


def test_a_change_keeps_the_meeting_selected(qtbot, window, board):
    # The reload after a change leaves the body's meetings unfetched; the selection must
    # survive it, or every menu would ask the clerk to choose the meeting again.
    meeting = meetings.create_meeting(body_id=board.body_id, date="2013-04-30")
    window.refresh()
    window.select("meeting", meeting.id)
    window.refresh()
    assert window.current_meeting_id() == meeting.id


def test_meetings_are_grouped_by_municipal_year(qtbot, window, board):
    meetings.create_meeting(body_id=board.body_id, date="2013-04-30")
    later = meetings.create_meeting(body_id=board.body_id, date="2013-05-20")
    window.refresh()
    window.select("meeting", later.id)
    index = window.tree.currentIndex()
    assert index.data() == "20 May 2013"
    assert index.parent().data() == "Municipal year 2013/14"
    body_index = index.parent().parent()
    years = [
        window.tree_model.index(r, 0, body_index).data()
        for r in range(window.tree_model.rowCount(body_index))
    ]
    assert years == ["Municipal year 2013/14", "Municipal year 2012/13"]


def test_editing_the_meeting_time_and_venue(qtbot, window, board):
    window.select("meeting", board.meeting_id)

    def fill(dialog):
        dialog.widgets["start_time"].setText("10:00")
        dialog.widgets["end_time"].setText("12:00")
        dialog.widgets["venue"].setText("Town Hall, Maidstone")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(window.meeting_page.edit_button, Qt.MouseButton.LeftButton)

    meeting = meetings.get_meeting(board.meeting_id)
    assert (meeting.start_time, meeting.end_time, meeting.venue) == (
        "10:00",
        "12:00",
        "Town Hall, Maidstone",
    )
    assert "10:00 – 12:00, Town Hall, Maidstone" in window.meeting_page.heading.text()
    window.undo_action.trigger()
    meeting = meetings.get_meeting(board.meeting_id)
    assert (meeting.start_time, meeting.end_time, meeting.venue) == ("14:30", "16:30", "")


def test_a_meeting_ending_before_it_starts_is_refused(qtbot, window, board, warnings):
    window.select("meeting", board.meeting_id)
    before = JournalEntry.select().count()
    typed = []

    def fill(dialog):
        dialog.widgets["end_time"].setText("13:00")
        press_ok(qtbot, dialog)
        typed.append(dialog.widgets["end_time"].text())
        dialog.reject()

    in_dialog(fill)
    qtbot.mouseClick(window.meeting_page.edit_button, Qt.MouseButton.LeftButton)

    assert warnings == ["The meeting ends (13:00) before it starts (14:30)."]
    assert typed == ["13:00"]
    assert JournalEntry.select().count() == before


def test_scheduling_a_meeting_uses_the_bodys_venue_and_can_be_undone(qtbot, window, board):
    window.select("body", board.body_id)
    seen_venue = []

    def fill(dialog):
        seen_venue.append(dialog.widgets["venue"].text())
        qtbot.keyClicks(dialog.widgets["date"], "2013-02-18")
        qtbot.keyClicks(dialog.widgets["start_time"], "14:30")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    window.new_meeting_action.trigger()

    made = meetings.find_meeting(body_id=board.body_id, date="2013-02-18")
    assert made is not None and made.previous_id == board.meeting_id
    assert window.pages.currentWidget() is window.meeting_page
    assert seen_venue == [""]
    window.undo_action.trigger()
    assert meetings.find_meeting(body_id=board.body_id, date="2013-02-18") is None
    assert window.pages.currentWidget() is not window.meeting_page


def test_tree_and_members_models_behave(qtmodeltester, window, board):
    window.select("meeting", board.meeting_id)
    qtmodeltester.check(window.tree_model)
    window.select("body", board.body_id)
    qtmodeltester.check(window.body_page.members)


def test_deleting_a_scheduled_meeting_from_the_keyboard_can_be_undone(qtbot, window, board):
    window.select("meeting", board.meeting_id)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert meetings.find_meeting(body_id=board.body_id, date="2012-12-17") is None
    assert window.tree_model.find("meeting", board.meeting_id).isValid() is False
    window.undo_action.trigger()
    assert meetings.find_meeting(body_id=board.body_id, date="2012-12-17") is not None


def test_a_held_meeting_cannot_be_deleted(qtbot, window, board, warnings):
    meeting_status.revert_status(meeting_id=board.meeting_id, status="held", reason="")
    window.refresh()
    window.select("meeting", board.meeting_id)
    window.delete_action.trigger()
    assert warnings and "only a meeting not yet held can be deleted" in warnings[0]
    assert meetings.find_meeting(body_id=board.body_id, date="2012-12-17") is not None


def test_cancelling_a_meeting_asks_for_a_reason_and_can_be_undone(qtbot, window, board):
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    labels = [a.text() for a in page.status_menu.actions()]
    assert "Cancel…" in labels and "Mark as held" not in labels  # not before publishing

    def fill(dialog):
        dialog.widgets["reason"].setText("The venue is closed by snow")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    next(a for a in page.status_menu.actions() if a.text() == "Cancel…").trigger()
    meeting = meetings.get_meeting(board.meeting_id)
    assert (meeting.status, meeting.status_reason) == ("cancelled", "The venue is closed by snow")
    assert "Cancelled (The venue is closed by snow)" in page.heading.text()
    window.undo_action.trigger()
    assert meetings.get_meeting(board.meeting_id).status == "scheduled"


def test_ctrl_shift_d_marks_the_meeting_held_wherever_the_keyboard_is(
    qtbot, window, board, warnings
):
    window.select("meeting", board.meeting_id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_D, CTRL_SHIFT)  # not before the agenda is out
    assert warnings and "publish" in warnings[0].lower()
    assert meetings.get_meeting(board.meeting_id).status == "scheduled"

    meeting_status.revert_status(meeting_id=board.meeting_id, status="agenda published", reason="")
    window.refresh()
    page = window.meeting_page
    held = next(a for a in page.status_menu.actions() if a.text() == "Mark as held")
    assert held.shortcut().toString() == "Ctrl+Shift+D"  # the menu shows its key
    qtbot.keyClick(window.tree, Qt.Key.Key_D, CTRL_SHIFT)
    assert meetings.get_meeting(board.meeting_id).status == "held"
    window.undo_action.trigger()
    assert meetings.get_meeting(board.meeting_id).status == "agenda published"


def test_a_tab_clicked_hands_the_keyboard_to_its_page(qtbot, tmp_path):
    """Click "Agenda" and Insert adds an item; click "Attendance" and the register has the keys.
    (Qt left the focus on the tab bar, where the page's keys did nothing.)"""
    window = start_window(tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    body = next(b for b in bodies.list_bodies() if meetings.list_meetings(body_id=b.id))
    window.select("meeting", meetings.list_meetings(body_id=body.id)[0].id)
    page = window.meeting_page
    bar = page.tabs.tabBar()
    for shown, wanted in (
        (page.agenda, page.agenda.table),
        (page.attendance, page.attendance.table),
    ):
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(shown)).center()
        )
        qtbot.waitUntil(lambda w=wanted: QApplication.focusWidget() is w)
    # From the keyboard the bar keeps the focus, so the arrows go on choosing tabs.
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert page.tabs.currentWidget() is page.agenda and QApplication.focusWidget() is bar
