"""The keyboard's place is always seen, and every action can be reached without the mouse
(issue 14): lists, tables and text areas show a ring when they have the focus, even when
it came by a click; every toolbar action has a key or a menu entry."""

from __future__ import annotations

from operator import attrgetter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QWidget, QWidgetAction

from desktop_app.services.decisions import actions
from desktop_app.services.meeting_cycle import agenda
from tests.ui.conftest import in_dialog
from ui.action_tracker import ActionTracker


def top_edge(widget: QWidget) -> list[int]:
    image = widget.grab().toImage()
    return [image.pixel(x, 0) for x in range(image.width())]


def focus(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)  # as a click gives it
    QApplication.processEvents()


def meeting_views(window, board) -> dict[str, QWidget]:
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    views = {"tree": window.tree, "record": page.browser}
    for tab, names in (
        (page.agenda, ("table", "papers")),
        (page.attendance, ("table",)),
        (page.interests, ("table",)),
        (page.minutes, ("items", "resolved.list")),
    ):
        page.tabs.setCurrentWidget(tab)
        views |= {f"{type(tab).__name__} {name}": attrgetter(name)(tab) for name in names}
    return views


@pytest.mark.parametrize(
    "name",
    [
        "tree",
        "record",
        "AgendaEditor table",
        "AgendaEditor papers",
        "AttendanceView table",
        "InterestsView table",
        "MinuteEditor items",
        "MinuteEditor resolved.list",
    ],
)
def test_a_list_table_or_text_with_the_focus_shows_a_ring(qtbot, window, board, name):
    views = meeting_views(window, board)
    widget = views[name]
    page = window.meeting_page
    for tab in (page.browser, page.agenda, page.attendance, page.interests, page.minutes):
        if tab.isAncestorOf(widget) or tab is widget:
            page.tabs.setCurrentWidget(tab)
    elsewhere = page.edit_button if widget is not page.edit_button else window.tree
    focus(elsewhere)
    before = top_edge(widget)

    focus(widget)

    assert widget.hasFocus()
    changed = sum(a != b for a, b in zip(before, top_edge(widget), strict=True))
    assert changed > len(before) // 2  # the whole edge takes the highlight, not a pixel


def test_the_agenda_starts_from_the_template_with_a_key(qtbot, window, board):
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.agenda)
    page.agenda.table.setFocus()
    assert agenda.list_agenda(board.meeting_id) == []

    qtbot.keyClick(page.agenda.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

    titles = [e.title for e in agenda.list_agenda(board.meeting_id)]
    assert titles == [entry["title"] for entry in agenda.body_template(board.body_id)]
    window.undo_action.trigger()
    assert agenda.list_agenda(board.meeting_id) == []


def test_the_agendas_actions_are_on_its_own_menu(qtbot, window, board):
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.agenda)
    table = page.agenda.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in table.actions()] == [
        a.text() for a in page.agenda.toolbar.actions() if not a.isSeparator()
    ]


def menu_actions(menu: QMenu) -> set[QAction]:
    found = set()
    for action in menu.actions():
        found.add(action)
        if action.menu() is not None:
            found |= menu_actions(action.menu())
    return found


def unreachable(top: QWidget) -> list[str]:
    """Toolbar actions under `top` with neither a key nor an entry in a menu (the menu bar's
    or a widget's own, opened with the Menu key)."""
    listed = set()
    for menu in top.findChildren(QMenu):
        listed |= menu_actions(menu)
    for widget in top.findChildren(QWidget):
        if widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
            listed |= set(widget.actions())
    return [
        action.text()
        for toolbar in top.findChildren(QToolBar)
        for action in toolbar.actions()
        if action.isVisible()
        and not action.isSeparator()
        and not isinstance(action, QWidgetAction)  # the page number box: Tab reaches it
        and action.shortcut().isEmpty()
        and action not in listed
    ]


def test_every_toolbar_action_of_the_window_has_a_key_or_a_menu_entry(qtbot, window, board):
    meeting_views(window, board)  # builds the meeting page and its agenda toolbar
    assert unreachable(window) == []


def test_every_toolbar_action_of_the_preview_has_a_key_or_a_menu_entry(
    qtbot, window, board, warnings
):
    window.select("meeting", board.meeting_id)
    agenda.add_item(meeting_id=board.meeting_id, title="Priorities")
    with qtbot.waitSignal(window.documents.opened, timeout=20_000) as shown:
        window.documents.open_document("agenda")
    preview = shown.args[0]
    preview.publish_action.setVisible(True)  # as it is for a publishable document

    assert unreachable(preview) == []


def test_enter_on_a_member_opens_their_membership(qtbot, window, board):
    window.select("body", board.body_id)
    table = window.body_page.table
    table.setFocus()
    table.selectRow(0)
    opened = []

    def look(dialog):
        opened.append(dialog.windowTitle())
        dialog.reject()

    in_dialog(look)
    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert opened == ["Edit member"]


def test_enter_on_an_action_in_the_tracker_opens_its_meeting_and_changes_nothing(
    qtbot, window, board
):
    item = agenda.add_item(meeting_id=board.meeting_id, title="Priorities")
    actions.add_action(item_id=item.id, text="Report back", status="on track")
    window.open_tracker()
    tracker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ActionTracker))
    tracker.table.setFocus()
    tracker.table.selectRow(0)

    with qtbot.waitSignal(tracker.open_item) as opened:
        qtbot.keyClick(tracker.table, Qt.Key.Key_Return)

    assert opened.args == [board.meeting_id, item.id]
    assert window.meeting_page.minutes.item_id == item.id
    assert [a.status for a in actions.actions_of_item(item.id)] == ["on track"]
    assert not window.undo_stack.canUndo()
    tracker.close()
