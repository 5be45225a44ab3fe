"""Forms filled from the keyboard alone (issue 14): a dialog opens in its first field, Tab
follows the fields in order and then OK and Cancel, Enter is OK; dates and times are typed
as clerks write them, or a date picked from a calendar; a name that is no one's yet adds a
new person in the same step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialogButtonBox, QLabel, QMessageBox

from desktop_app.services.decisions import actions
from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from desktop_app.storage.models import JournalEntry
from tests.ui.conftest import in_dialog
from ui.people_dialog import person_dialog

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def refusals(warnings) -> list[str]:
    """A refusal is kept in a list: a modal box would block the test."""
    return warnings


def in_form(qtbot, action) -> None:
    """`action(dialog)` on the dialog about to open, once it has the keyboard; a dialog
    the keys left open is closed, so a test that fails does not wait for ever."""

    def act(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        try:
            action(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    in_dialog(act)


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_here(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_stops(qtbot, count: int) -> list:
    """The widget with the focus, then the one after each of `count - 1` presses of Tab."""
    stops = [focused()]
    for _ in range(count - 1):
        press(qtbot, Qt.Key.Key_Tab)
        stops.append(focused())
    return stops


def on_meeting_tab(window, board, tab: str):
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(getattr(page, tab))
    return getattr(page, tab)


def with_item(window, board):
    agenda.add_item(meeting_id=board.meeting_id, title="Priorities")
    attendance.mark_attendance(
        meeting_id=board.meeting_id, person_id=board.chair_id, status="present"
    )
    window.refresh()
    return on_meeting_tab(window, board, "minutes")


def with_action(window, board):
    minutes = with_item(window, board)
    actions.add_action(item_id=minutes.item_id, text="Report back")
    window.refresh()
    minutes.actions.list.setCurrentRow(0)
    return minutes


def present_member(window, board):
    view = on_meeting_tab(window, board, "attendance")
    attendance.mark_attendance(
        meeting_id=board.meeting_id, person_id=board.chair_id, status="present"
    )
    window.refresh()
    view.select(board.chair_id)
    return view


def choose_body(window, board):
    window.select("body", board.body_id)
    return window.body_page


OPENERS = {
    "new body": lambda w, b: w.new_body_action.trigger(),
    "new meeting": lambda w, b: (choose_body(w, b), w.new_meeting_action.trigger()),
    "meeting details": lambda w, b: (
        w.select("meeting", b.meeting_id),
        w.meeting_page.edit_button.click(),
    ),
    "schedule meetings": lambda w, b: (choose_body(w, b), w.schedule_action.trigger()),
    "add member": lambda w, b: choose_body(w, b).add_button.click(),
    "new person": lambda w, b: person_dialog(w, "New person", lambda values: None).exec(),
    "in attendance": lambda w, b: on_meeting_tab(w, b, "attendance").attending_button.click(),
    "substitute": lambda w, b: on_meeting_tab(w, b, "attendance").substitute_button.click(),
    "arrived and left": lambda w, b: present_member(w, b).times_button.click(),
    "declaration": lambda w, b: (with_item(w, b), on_meeting_tab(w, b, "interests").add()),
    "resolution": lambda w, b: with_item(w, b).resolved.add_resolution(),
    "election": lambda w, b: with_item(w, b).resolved.elect(),
    "action": lambda w, b: with_item(w, b).actions.add_action(),
    "progress": lambda w, b: with_action(w, b).actions.add_progress(),
}


@pytest.mark.parametrize("dialog_name", OPENERS)
def test_a_dialog_opens_in_its_first_field_and_tab_goes_through_the_fields_then_ok(
    qtbot, window, board, dialog_name
):
    seen = {}

    def walk(dialog):
        fields = [w for w in dialog.widgets.values() if w.isEnabled()]
        box = dialog.findChild(QDialogButtonBox)
        expected = [
            *fields,
            box.button(QDialogButtonBox.StandardButton.Ok),
            box.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        seen["stops"] = [w.objectName() or w.text() for w in tab_stops(qtbot, len(expected))]
        seen["expected"] = [w.objectName() or w.text() for w in expected]
        dialog.reject()

    in_form(qtbot, walk)
    OPENERS[dialog_name](window, board)

    assert seen["stops"] == seen["expected"]


def test_a_meeting_is_scheduled_from_the_keyboard_as_a_clerk_writes_the_date(qtbot, window, board):
    choose_body(window, board)

    def fill(dialog):
        type_here(qtbot, "25/06/2024")
        press(qtbot, Qt.Key.Key_Tab)
        type_here(qtbot, "7.30 pm")
        press(qtbot, Qt.Key.Key_Tab)
        type_here(qtbot, "9:15pm")
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    qtbot.keyClick(window.tree, Qt.Key.Key_M, SHIFT_CTRL)

    made = meetings.find_meeting(body_id=board.body_id, date=dt.date(2024, 6, 25))
    assert made is not None
    assert (made.start_time, made.end_time) == ("19:30", "21:15")


@pytest.mark.parametrize("typed", ["25 June 2024", "25 Jun 2024", "2024-06-25", "Tue 25/6/24"])
def test_every_way_a_clerk_writes_a_date_is_taken(qtbot, window, board, typed):
    choose_body(window, board)

    def fill(dialog):
        type_here(qtbot, typed)
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    window.new_meeting_action.trigger()

    assert meetings.find_meeting(body_id=board.body_id, date=dt.date(2024, 6, 25)) is not None


def test_an_impossible_date_is_one_sentence_and_the_dialog_keeps_it(qtbot, window, board, warnings):
    choose_body(window, board)
    before = JournalEntry.select().count()
    kept = []

    def fill(dialog):
        type_here(qtbot, "31/02/2024")
        press(qtbot, Qt.Key.Key_Return)
        kept.append((dialog.isVisible(), dialog.widgets["date"].text()))
        dialog.reject()

    in_form(qtbot, fill)
    window.new_meeting_action.trigger()

    assert warnings == [
        "“31/02/2024” is not a real date for the meeting date: February 2024 has 29 days."
    ]
    assert kept == [(True, "31/02/2024")]
    assert JournalEntry.select().count() == before


def test_a_date_is_picked_from_the_calendar_with_the_keyboard(qtbot, window, board):
    choose_body(window, board)
    picked = []

    def fill(dialog):
        field = dialog.widgets["date"]
        field.setText("25/06/2024")
        press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        calendar = field.calendar
        assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
        press(qtbot, Qt.Key.Key_Right)  # the next day
        press(qtbot, Qt.Key.Key_Return)
        picked.append((field.text(), focused() is field, calendar.isVisible()))
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    window.new_meeting_action.trigger()

    assert picked == [("26 June 2024", True, False)]
    assert meetings.find_meeting(body_id=board.body_id, date=dt.date(2024, 6, 26)) is not None


def test_the_calendar_button_beside_the_date_opens_on_the_date_shown(qtbot, window, board):
    window.select("meeting", board.meeting_id)
    shown = []

    def look(dialog):
        field = dialog.widgets["date"]
        assert field.text() == "17 December 2012"
        field.picker.trigger()
        shown.append(field.calendar.selectedDate().toString(Qt.DateFormat.ISODate))
        field.calendar.close()
        dialog.reject()

    in_form(qtbot, look)
    window.meeting_page.edit_button.click()

    assert shown == ["2012-12-17"]


def test_editing_nothing_in_the_meeting_details_makes_no_step_to_undo(qtbot, window, board):
    window.select("meeting", board.meeting_id)
    in_form(qtbot, lambda dialog: press(qtbot, Qt.Key.Key_Return))
    window.meeting_page.edit_button.click()
    assert not window.undo_stack.canUndo()


def test_a_new_body_reports_to_no_body_whichever_is_selected(qtbot, window, board):
    choose_body(window, board)
    offered = []

    def fill(dialog):
        offered.append(dialog.widgets["parent_id"].currentData())
        type_here(qtbot, "Boughton Monchelsea Parish Council")
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    qtbot.keyClick(window.tree, Qt.Key.Key_B, SHIFT_CTRL)

    assert offered == [None]
    assert bodies.find_body(name="Boughton Monchelsea Parish Council").parent_id is None


def test_the_body_a_new_body_reports_to_is_chosen_from_the_keyboard(qtbot, window, board):
    def fill(dialog):
        type_here(qtbot, "Housing Delivery Group")
        for _field in ("kind", "quorum", "venue", "reports to"):
            press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    window.new_body_action.trigger()

    assert bodies.find_body(name="Housing Delivery Group").parent_id == board.body_id


@pytest.fixture
def questions(monkeypatch) -> list[str]:
    """Each question the app asks, answered Yes (the default button)."""
    asked: list[str] = []

    def answer(parent, title, text, buttons, default):
        asked.append(text)
        return default

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def members_of(board) -> list[str]:
    return sorted(
        people.display_name(m.person) for m in memberships.list_members(body_id=board.body_id)
    )


def test_a_name_that_is_no_one_yet_adds_a_new_person_and_member_in_one_step(
    qtbot, window, board, questions
):
    choose_body(window, board)
    before = members_of(board)

    hints = []

    def fill(dialog):
        type_here(qtbot, "Cllr Asha Patel")
        hints.append(dialog.findChild(QLabel, "person_id_new").text())
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    window.body_page.add_button.click()

    # Said in the dialog as the name is typed, so Enter adds her without a question.
    assert hints == ["Cllr Asha Patel is not in People yet: OK adds them as a new person."]
    assert questions == []
    patel = next(p for p in people.list_people() if p.name == "Asha Patel")
    assert patel.title == "Cllr"
    assert members_of(board) == sorted([*before, "Cllr Asha Patel"])
    assert window.body_page.members.rowCount() == len(before) + 1

    window.undo_action.trigger()  # one step takes back both
    assert members_of(board) == before
    assert "Asha Patel" not in [p.name for p in people.list_people()]

    window.redo_action.trigger()
    assert members_of(board) == sorted([*before, "Cllr Asha Patel"])
    assert [p.id for p in people.list_people() if p.name == "Asha Patel"] == [patel.id]


def test_a_name_close_to_someones_is_asked_about_and_no_keeps_the_dialog_as_typed(
    qtbot, window, board, monkeypatch
):
    choose_body(window, board)
    before = JournalEntry.select().count()
    asked = []

    def say_no(parent, title, text, *a):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", say_no)
    kept = []

    def fill(dialog):
        type_here(qtbot, "Jon Bumpas")  # a slip for CI Jon Bumpus
        press(qtbot, Qt.Key.Key_Return)
        kept.append((dialog.isVisible(), dialog.typed("person_id")))
        dialog.reject()

    in_form(qtbot, fill)
    window.body_page.add_button.click()

    assert asked == [
        "Jon Bumpas is not in the list of people, but CI Jon Bumpus is. "
        "Add Jon Bumpas as a new person?"
    ]
    assert kept == [(True, "Jon Bumpas")]
    assert JournalEntry.select().count() == before


def test_a_councils_members_are_added_one_after_another_with_ctrl_enter(
    qtbot, window, board, questions
):
    """Ctrl+Enter adds the member and opens the dialog again for the next; Enter adds the
    last and closes; each is its own step for Ctrl+Z."""
    choose_body(window, board)
    before = members_of(board)
    names = ["Cllr Asha Patel", "Cllr Tom Okafor", "Cllr Ruth Ellis"]
    opened = []

    def add(dialog, rest=names):
        opened.append(dialog)
        type_here(qtbot, rest[0])
        if rest[1:]:
            press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            in_form(qtbot, lambda d: add(d, rest[1:]))
        else:
            press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, add)
    window.body_page.add_button.click()

    assert len(opened) == 3 and len(set(map(id, opened))) == 3  # a fresh dialog each time
    assert members_of(board) == sorted([*before, *names])
    window.undo_action.trigger()
    assert members_of(board) == sorted([*before, *names[:2]])


def test_a_member_typed_without_their_title_is_the_person_already_known(
    qtbot, window, board, questions
):
    choose_body(window, board)
    person_count = len(people.list_people())

    def fill(dialog):
        type_here(qtbot, "dave ashdown")
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    window.body_page.add_button.click()

    assert questions == []
    assert board.newcomer_id in [
        m.person_id for m in memberships.list_members(body_id=board.body_id)
    ]
    assert len(people.list_people()) == person_count


def test_someone_new_in_attendance_is_added_as_a_person_there(qtbot, window, board, questions):
    view = on_meeting_tab(window, board, "attendance")

    def fill(dialog):
        type_here(qtbot, "Mrs Joan Rowe")
        press(qtbot, Qt.Key.Key_Tab)
        type_here(qtbot, "Clerk")
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    view.attending_button.click()

    rowe = next(e for e in attendance_sheet(board.meeting_id) if "Rowe" in e.name)
    assert (rowe.status, rowe.capacity) == ("in attendance", "Clerk")
    window.undo_action.trigger()
    assert not [e for e in attendance_sheet(board.meeting_id) if "Rowe" in e.name]
    assert "Joan Rowe" not in [p.name for p in people.list_people()]


def test_arrival_typed_as_a_clerk_writes_it_is_kept_as_a_time(qtbot, window, board):
    view = present_member(window, board)

    def fill(dialog):
        type_here(qtbot, "2.40 pm")
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    view.times_button.click()

    sheet = attendance_sheet(board.meeting_id)
    assert next(e.arrived for e in sheet if e.person_id == board.chair_id) == "14:40"


def test_a_substitute_who_is_no_one_yet_is_added_as_a_person_there(qtbot, window, board, questions):
    view = on_meeting_tab(window, board, "attendance")
    view.select(board.member_id)  # the member stood in for, offered first

    def fill(dialog):
        type_here(qtbot, "Cllr Simon Alland")
        press(qtbot, Qt.Key.Key_Return)

    in_form(qtbot, fill)
    view.substitute_button.click()

    assert questions == []  # a name like no one's: added without a question
    sheet = {e.name: e for e in attendance_sheet(board.meeting_id)}
    alland = sheet["Cllr Simon Alland"]
    assert (alland.status, alland.substitute_for_id) == ("substitute", board.member_id)
    assert sheet["CI Jon Bumpus"].status == "apologies"

    window.undo_action.trigger()  # one step takes back the person, the line and the mark
    sheet = {e.name: e for e in attendance_sheet(board.meeting_id)}
    assert "Cllr Simon Alland" not in sheet and sheet["CI Jon Bumpus"].status == ""
    assert "Simon Alland" not in [p.name for p in people.list_people()]

    window.redo_action.trigger()
    sheet = {e.name: e for e in attendance_sheet(board.meeting_id)}
    assert sheet["Cllr Simon Alland"].person_id == alland.person_id
    assert sheet["CI Jon Bumpus"].status == "apologies"
