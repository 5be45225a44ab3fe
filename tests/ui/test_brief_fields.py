"""The chair's brief fields in the window: an item's note for the chair and time allowed,
and the body's clerk, each saved as typed and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import agenda
from desktop_app.storage.models import AgendaItem, Body, JournalEntry
from tests.ui.test_agenda_builder import open_agenda


def _started(window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    first, second = agenda.list_agenda(board.meeting_id)[:2]
    editor.select(first.id)
    return editor, first.id, second.id


def _note(item_id: str) -> str:
    return AgendaItem.get_by_id(item_id).brief_note


def test_typing_a_note_for_the_chair_saves_it_and_undo_takes_it_back(qtbot, window, board):
    editor, item_id, _ = _started(window, board)
    box = editor.note
    box.setFocus()
    qtbot.keyClicks(box, "Ask for apologies by name")
    box.commit()
    assert _note(item_id) == "Ask for apologies by name"

    window.undo_action.trigger()
    assert _note(item_id) == ""
    assert box.toPlainText() == ""
    window.redo_action.trigger()
    assert _note(item_id) == "Ask for apologies by name"
    assert box.toPlainText() == "Ask for apologies by name"


def test_a_burst_of_typing_is_one_undo_step(qtbot, window, board):
    editor, item_id, _ = _started(window, board)
    box = editor.note
    box.setFocus()
    qtbot.keyClicks(box, "First")
    box.commit()
    qtbot.keyClicks(box, " and more")
    box.commit()
    assert _note(item_id) == "First and more"
    window.undo_action.trigger()
    assert _note(item_id) == ""


def test_the_note_being_typed_is_saved_to_its_own_item_when_another_is_chosen(qtbot, window, board):
    editor, first, second = _started(window, board)
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "For the first item")
    editor.select(second)  # before the pause would have saved it
    assert _note(first) == "For the first item"
    assert _note(second) == "" and editor.note.toPlainText() == ""
    editor.select(first)
    assert editor.note.toPlainText() == "For the first item"


def test_the_time_allowed_is_saved_and_undoable(qtbot, window, board):
    editor, item_id, _ = _started(window, board)
    spin = editor.form.fields["minutes_allowed"]
    assert spin.text() == "not set"
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "15")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert AgendaItem.get_by_id(item_id).minutes_allowed == 15

    window.undo_action.trigger()
    assert AgendaItem.get_by_id(item_id).minutes_allowed is None
    assert spin.text() == "not set"
    window.redo_action.trigger()
    assert AgendaItem.get_by_id(item_id).minutes_allowed == 15
    assert spin.value() == 15


def test_leaving_an_unset_time_untouched_writes_nothing(qtbot, window, board):
    editor, _, _ = _started(window, board)
    before = JournalEntry.select().count()
    spin = editor.form.fields["minutes_allowed"]
    spin.setFocus()
    spin.editingFinished.emit()
    assert JournalEntry.select().count() == before


def test_a_refused_note_is_explained_and_kept(qtbot, window, board, warnings):
    editor, item_id, _ = _started(window, board)
    huge = "x" * 100_001
    editor.note.setPlainText(huge)  # a paste too big for one field
    editor.note.commit()
    assert warnings and "note for the chair" in warnings[-1]
    assert _note(item_id) == ""
    assert editor.note.toPlainText() == huge


def test_choosing_the_clerk_of_a_body_is_undoable(qtbot, window, board):
    clerk = people.create_person(name="Ruth Clerk", position="Democratic Services Officer")
    window.select("body", board.body_id)
    combo = window.body_page.fields["clerk_id"]
    window.body_page.refresh()
    index = combo.findText("Ruth Clerk, Democratic Services Officer")
    assert index > 0 and combo.currentText() == "(no clerk)"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert Body.get_by_id(board.body_id).clerk_id == clerk.id

    window.undo_action.trigger()
    assert Body.get_by_id(board.body_id).clerk_id is None
    assert combo.currentText() == "(no clerk)"
    window.redo_action.trigger()
    assert bodies.get_body(board.body_id).clerk_id == clerk.id
    assert combo.currentText() == "Ruth Clerk, Democratic Services Officer"
