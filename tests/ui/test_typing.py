"""What the clerk types is committed before any command acts, Ctrl+Z undoes it whatever
has focus, and a text field's own keys are never a menu's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.services.decisions import minutes
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda
from tests.ui.test_agenda_builder import open_agenda, titles
from ui.pending_typing import TypingGuard, guard_once_painted

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def agenda_with_template(window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    editor.select(agenda.list_agenda(board.meeting_id)[3].id)  # matters arising
    return editor


def type_title(qtbot, editor, text: str):
    title = editor.form.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, text)
    return title


def test_insert_while_typing_a_title_keeps_the_title(qtbot, window, board):
    editor = agenda_with_template(window, board)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)  # a new item, its title focused
    title = type_title(qtbot, editor, "Troubled Families")

    qtbot.keyClick(title, Qt.Key.Key_Insert)  # the next item, before leaving the field

    order = titles(board.meeting_id)
    assert order[4:6] == ["Troubled Families", ""]
    assert QApplication.focusWidget() is title and title.text() == ""


def test_publish_from_the_menu_while_typing_publishes_the_typed_title(qtbot, window, board):
    editor = agenda_with_template(window, board)
    type_title(qtbot, editor, "Matters Arising from 1 October")

    # A toolbar button takes no focus: the click itself must commit the typing first.
    button = editor.toolbar.widgetForAction(editor.actions_["publish"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    published = agenda.list_agenda(board.meeting_id)[3]
    assert (published.title, published.number) == ("Matters Arising from 1 October", "4")


def test_choosing_another_meeting_in_the_tree_saves_the_typing_first(qtbot, window, board):
    editor = agenda_with_template(window, board)
    type_title(qtbot, editor, "Matters Arising (typed)")

    body = window.tree_model.find("body", board.body_id)
    qtbot.mouseClick(
        window.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.tree.visualRect(body).center(),
    )

    assert window.pages.currentWidget() is window.body_page
    assert titles(board.meeting_id)[3] == "Matters Arising (typed)"


def test_ctrl_z_in_a_field_undoes_the_typing_as_one_step(qtbot, window, board):
    editor = agenda_with_template(window, board)
    steps = window.undo_stack.index()
    title = type_title(qtbot, editor, "Matters Arising, revised")

    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)  # typed, never saved: saved, then undone

    assert titles(board.meeting_id)[3] == "Matters and Actions Arising"
    assert title.text() == "Matters and Actions Arising"
    assert window.undo_stack.index() == steps and window.undo_stack.canRedo()
    qtbot.keyClick(title, Qt.Key.Key_Y, CTRL)
    assert titles(board.meeting_id)[3] == "Matters Arising, revised"


def test_ctrl_z_in_a_body_setting_undoes_the_saved_edit(qtbot, window, board):
    window.select("body", board.body_id)
    venue = window.body_page.fields["venue"]
    venue.setFocus()
    qtbot.keyClicks(venue, "Maidstone House")
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    assert bodies.get_body(board.body_id).venue == "Maidstone House"

    qtbot.keyClick(venue, Qt.Key.Key_Z, CTRL)

    assert bodies.get_body(board.body_id).venue == ""
    assert venue.text() == ""


def test_ctrl_z_in_the_minutes_undoes_the_typing(qtbot, window, board):
    editor = agenda_with_template(window, board)
    item_id = editor.selected_id()
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.minutes)
    page.minutes.select_item(item_id)
    box = page.minutes.boxes["overview"]
    box.setFocus()
    qtbot.keyClicks(box, "The board noted the actions.")

    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert minutes.minute_of(item_id).overview == ""
    assert box.toPlainText() == ""
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert minutes.minute_of(item_id).overview == "The board noted the actions."


def minutes_box(window, board):
    editor = agenda_with_template(window, board)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.minutes)
    page.minutes.select_item(editor.selected_id())
    box = page.minutes.boxes["overview"]
    box.setFocus()
    return box


def test_ctrl_i_in_the_minutes_is_italic_not_import(qtbot, window, board, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "ui.exchange_actions.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (opened.append(True), ("", ""))[1],
    )
    box = minutes_box(window, board)
    qtbot.keyClicks(box, "noted")
    box.selectAll()

    qtbot.keyClick(box, Qt.Key.Key_I, CTRL)

    assert box.toPlainText() == "*noted*"
    assert opened == []


def test_alt_down_on_a_list_of_kinds_opens_it_and_moves_nothing(qtbot, window, board):
    editor = agenda_with_template(window, board)
    order = [e.id for e in agenda.list_agenda(board.meeting_id)]
    kind = editor.form.fields["kind"]
    kind.setFocus()

    qtbot.keyClick(kind, Qt.Key.Key_Down, ALT)

    assert kind.view().isVisible()
    assert [e.id for e in agenda.list_agenda(board.meeting_id)] == order
    kind.hidePopup()


# The keys a text field or a list keeps for itself (Qt's own editing keys, the minutes'
# bold and italic, a list's opening keys): none may also run a command of the window.
TEXT_KEYS = [
    (Qt.Key.Key_B, CTRL),
    (Qt.Key.Key_I, CTRL),
    (Qt.Key.Key_A, CTRL),
    (Qt.Key.Key_C, CTRL),
    (Qt.Key.Key_X, CTRL),
    (Qt.Key.Key_Insert, CTRL),
    (Qt.Key.Key_Delete, CTRL),
    (Qt.Key.Key_Backspace, CTRL),
    (Qt.Key.Key_Left, CTRL),
    (Qt.Key.Key_Right, CTRL),
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
]
LIST_KEYS = [
    (Qt.Key.Key_Down, ALT),
    (Qt.Key.Key_Up, ALT),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
]


def test_no_key_of_a_text_field_or_list_runs_a_command(qtbot, window, board):
    from PySide6.QtGui import QAction

    box = minutes_box(window, board)
    editor = window.meeting_page.agenda
    triggered = []
    for action in window.findChildren(QAction):
        action.triggered.connect(lambda *_, a=action: triggered.append(a.text()))

    for key, modifiers in TEXT_KEYS:
        qtbot.keyClick(box, key, modifiers)
    window.meeting_page.tabs.setCurrentWidget(editor)
    title = editor.form.fields["title"]
    for key, modifiers in TEXT_KEYS[2:]:
        title.setFocus()
        qtbot.keyClick(title, key, modifiers)
    kind = editor.form.fields["kind"]
    for key, modifiers in LIST_KEYS:
        kind.setFocus()
        qtbot.keyClick(kind, key, modifiers)
        kind.hidePopup()

    assert triggered == []


def test_a_start_puts_the_typing_guard_on_once_the_window_has_painted(qtbot):
    painted, seen_before_paint, seen = [], [], []

    class Paints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.UpdateRequest:
                painted.append(True)
            return False

    class Watching(TypingGuard):
        def eventFilter(self, watched, event):
            seen.append(event.type())
            if not painted:
                seen_before_paint.append(event.type())
            return super().eventFilter(watched, event)

    window = QWidget()
    qtbot.addWidget(window)
    window.installEventFilter(Paints(window))
    guard = Watching(window)
    guard_once_painted(window, guard)
    window.show()
    qtbot.waitUntil(lambda: bool(seen))

    assert painted and seen_before_paint == []
    QApplication.instance().removeEventFilter(guard)


def test_the_guard_is_off_only_while_a_page_is_built(qtbot):
    seen = []

    class Watching(TypingGuard):
        def eventFilter(self, watched, event):
            seen.append(event.type())
            return super().eventFilter(watched, event)

    guard = Watching()
    guard.install()
    try:
        with guard.paused():
            built = QWidget()  # a page's widgets made: thousands of events, none handed over
            qtbot.addWidget(built)
            built.show()
            QApplication.processEvents()
            assert seen == []
        built.hide()
        built.show()
        qtbot.waitUntil(lambda: bool(seen))  # on again once the page is built
    finally:
        QApplication.instance().removeEventFilter(guard)
