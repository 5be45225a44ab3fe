"""Taking attendance in the window: keys, a substitute, a late arrival, the quorum."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import attendance, meetings, quorum
from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from desktop_app.storage.models import JournalEntry
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok


def open_attendance(window, board):
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.attendance)
    return page.attendance


def status_of(board, person_id):
    entry = next(e for e in attendance_sheet(board.meeting_id) if e.person_id == person_id)
    return entry.status


def test_one_key_marks_a_member_and_moves_to_the_next(qtbot, window, board):
    view = open_attendance(window, board)
    view.select(board.chair_id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_P)
    assert status_of(board, board.chair_id) == "present"
    assert view.selected().person_id != board.chair_id  # ready for the next member
    window.undo_action.trigger()
    assert status_of(board, board.chair_id) == ""


def test_the_apologies_marked_the_rest_are_present_at_one_key_and_the_chair_chairs(
    qtbot, window, board
):
    """Shift+P marks every member not yet marked present, in one step Ctrl+Z takes back; the
    body's chair, marked present, chairs the meeting unless the clerk chooses another."""
    ashdown = board.newcomer_id
    memberships.add_member(body_id=board.body_id, person_id=ashdown)
    view = open_attendance(window, board)
    view.select(board.member_id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert [status_of(board, p) for p in (board.chair_id, board.member_id, ashdown)] == [
        "present",
        "apologies",
        "present",
    ]
    assert meetings.get_meeting(board.meeting_id).chair_id == board.chair_id
    assert view.chair.currentData() == board.chair_id
    window.undo_action.trigger()
    assert [status_of(board, p) for p in (board.chair_id, board.member_id, ashdown)] == [
        "",
        "apologies",
        "",
    ]
    assert meetings.get_meeting(board.meeting_id).chair_id is None


def test_the_quorum_flips_when_enough_members_are_present(qtbot, window, board):
    bodies.update_body(body_id=board.body_id, quorum="2")
    view = open_attendance(window, board)
    assert "NOT quorate" in view.quorum_label.text()
    for person_id in (board.chair_id, board.member_id):
        view.select(person_id)
        view.mark("present")
    assert "Quorate" in view.quorum_label.text() and "NOT" not in view.quorum_label.text()
    window.undo_action.trigger()
    assert "NOT quorate" in view.quorum_label.text()


def test_a_substitute_stands_in_for_a_member(qtbot, window, board):
    alland = people.create_person(name="Simon Alland")
    view = open_attendance(window, board)
    view.select(board.member_id)

    def fill(dialog):
        person = dialog.widgets["person_id"]
        person.setCurrentIndex(person.findData(alland.id))
        qtbot.keyClicks(dialog.widgets["capacity"], "Kent Police")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(view.substitute_button, Qt.MouseButton.LeftButton)
    entry = next(e for e in attendance_sheet(board.meeting_id) if e.person_id == alland.id)
    assert (entry.status, entry.substitute_for_id, entry.capacity) == (
        "substitute",
        board.member_id,
        "Kent Police",
    )
    assert status_of(board, board.member_id) == "apologies"
    window.undo_action.trigger()
    assert alland.id not in {e.person_id for e in attendance_sheet(board.meeting_id)}
    assert status_of(board, board.member_id) == ""
    window.redo_action.trigger()
    assert status_of(board, alland.id) == "substitute"


def test_a_substitute_must_stand_in_for_a_member(qtbot, window, board, warnings):
    # The window offers only the body's members to stand in for; leaving it empty is
    # refused by the same rule that refuses a non-member (tests/services/test_attendance).
    alland = people.create_person(name="Simon Alland")
    view = open_attendance(window, board)
    before = JournalEntry.select().count()
    refused = []

    def fill(dialog):
        person = dialog.widgets["person_id"]
        person.setCurrentIndex(person.findData(alland.id))
        dialog.widgets["substitute_for_id"].setCurrentIndex(-1)
        press_ok(qtbot, dialog)
        refused.append(dialog.isVisible())
        dialog.reject()

    in_dialog(fill)
    qtbot.mouseClick(view.substitute_button, Qt.MouseButton.LeftButton)
    assert refused == [True]
    assert warnings and warnings[0].endswith(".")
    assert JournalEntry.select().count() == before


def test_a_late_arrival_is_recorded_and_counted_from_then(qtbot, window, board):
    bodies.update_body(body_id=board.body_id, quorum="2")
    view = open_attendance(window, board)
    for person_id in (board.chair_id, board.member_id):
        view.select(person_id)
        view.mark("present")
    view.select(board.member_id)

    def fill(dialog):
        dialog.widgets["arrived"].setText("15:10")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(view.times_button, Qt.MouseButton.LeftButton)
    entry = next(e for e in attendance_sheet(board.meeting_id) if e.person_id == board.member_id)
    assert entry.arrived == "15:10"
    assert not quorum.meeting_quorum(board.meeting_id, at="14:45").quorate
    assert quorum.meeting_quorum(board.meeting_id, at="15:15").quorate
    window.undo_action.trigger()
    entry = next(e for e in attendance_sheet(board.meeting_id) if e.person_id == board.member_id)
    assert entry.arrived == ""


def test_a_late_arrival_appears_in_the_record_at_the_item_it_happened(qtbot, window, board):
    from desktop_app.services.meeting_cycle import agenda

    first = agenda.add_item(meeting_id=board.meeting_id, title="Apologies")
    second = agenda.add_item(meeting_id=board.meeting_id, title="Troubled Families")
    agenda.update_item(item_id=first.id, started_at="14:30")
    agenda.update_item(item_id=second.id, started_at="15:00")
    row = attendance.mark_attendance(
        meeting_id=board.meeting_id, person_id=board.member_id, status="present"
    )
    attendance.set_times(attendance_id=row.id, arrived="15:10", left="")
    window.select("meeting", board.meeting_id)
    text = window.meeting_page.browser.toPlainText()
    assert text.index("CI Jon Bumpus arrived at 3.10 pm.") > text.index("Troubled Families")


def test_a_capacity_is_edited_in_the_sheet_after_adding(qtbot, window, board):
    from PySide6.QtWidgets import QApplication, QLineEdit

    from ui.models.attendance import CAPACITY

    row = attendance.add_in_attendance(
        meeting_id=board.meeting_id, person_id=board.newcomer_id, capacity="Clerk"
    )
    view = open_attendance(window, board)
    view.select(board.newcomer_id)
    index = view.model.index(view.model.row_of(board.newcomer_id), CAPACITY)
    assert index.data() == "Clerk"
    view.table.setFocus()
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Clerk"
    editor.selectAll()
    qtbot.keyClicks(editor, "Observer")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def capacity():
        return next(
            e for e in attendance_sheet(board.meeting_id) if e.attendance_id == row.id
        ).capacity

    qtbot.waitUntil(lambda: capacity() == "Observer", timeout=1000)  # committed at once
    assert not view.table.findChildren(QLineEdit)  # the editor has closed
    row_shown = view.model.row_of(board.newcomer_id)
    assert view.model.index(row_shown, CAPACITY).data() == "Observer"
    window.undo_action.trigger()
    assert capacity() == "Clerk"
    # A member not yet marked has no line on the sheet, so nothing to give a capacity to.
    unmarked = view.model.index(view.model.row_of(board.member_id), CAPACITY)
    assert not (view.model.flags(unmarked) & Qt.ItemFlag.ItemIsEditable)


def test_every_name_on_the_sheet_is_read_whole(qtbot, window, board):
    """The Name column fits its longest name; it was cut to "Cllr Tom ..." beside an empty
    Represents column."""
    view = open_attendance(window, board)
    longest = max(
        (e.name for e in view.model.entries), key=view.table.fontMetrics().horizontalAdvance
    )
    qtbot.waitUntil(
        lambda: (
            view.table.horizontalHeader().sectionSize(0)
            > view.table.fontMetrics().horizontalAdvance(longest)
        )
    )
