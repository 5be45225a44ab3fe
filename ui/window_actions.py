"""The main window's actions, its menu bar and its toolbar: which command sits where and
under which key. The window holds the slots; this builds what triggers them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.document_actions import DocumentActions
from ui.icons import icon
from ui.sharing_actions import SharingActions


def build_actions(window) -> None:
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setIcon(icon("undo"))
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setIcon(icon("redo"))
    window.undo_action, window.redo_action = undo, redo

    def action(text, meaning, shortcut, slot):
        made = QAction(icon(meaning), text, window)
        made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(slot)
        return made

    window.new_body_action = action("New &body…", "new body", "Ctrl+Shift+B", window.new_body)
    window.new_meeting_action = action(
        "New &meeting…", "new meeting", "Ctrl+Shift+M", window.new_meeting
    )
    window.schedule_action = action(
        "&Schedule meetings…", "schedule", "Ctrl+Shift+S", window.schedule_series
    )
    window.people_action = action("&People…", "people", "Ctrl+Shift+P", window.open_people)
    window.tracker_action = action("&Actions…", "actions", "Ctrl+Shift+A", window.open_tracker)
    window.registers_action = action(
        "&Registers…", "registers", "Ctrl+Shift+R", window.open_registers
    )
    window.search_action = action("&Search…", "search", "Ctrl+F", window.open_search)
    window.organisations_action = action(
        "&Organisations…", "organisation", "Ctrl+Shift+O", window.open_organisations
    )
    # Not Ctrl+I: that is italic in the minutes' text boxes (README's key list).
    window.import_action = action("&Import…", "import", "Ctrl+Shift+E", window.import_record)
    window.export_action = action("&Export…", "export", "Ctrl+E", window.export_record)
    window.open_pdf_action = action("&Open a PDF…", "paper", "Ctrl+O", window.open_pdf)
    window.delete_action = action(
        "&Delete selected body or meeting", "remove", "Ctrl+Delete", window.delete_selected
    )
    # Only from the tree: in a text field Ctrl+Delete deletes the next word.
    window.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.tree.addAction(window.delete_action)
    quit_action = action("&Quit", "quit", "Ctrl+Q", window.close)
    window.sharing = SharingActions(window)

    menus = window.menuBar()
    file_menu = menus.addMenu("&File")
    file_menu.addActions([window.import_action, window.export_action, window.open_pdf_action])
    file_menu.addSeparator()
    file_menu.addActions(window.sharing.actions)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)
    edit_menu = menus.addMenu("&Edit")
    edit_menu.addActions([undo, redo])
    records = menus.addMenu("&Records")
    records.addActions(
        [
            window.new_body_action,
            window.new_meeting_action,
            window.schedule_action,
            window.delete_action,
        ]
    )
    records.addSeparator()
    records.addActions([window.people_action, window.organisations_action])
    records.addSeparator()
    records.addActions([window.tracker_action, window.registers_action, window.search_action])
    window.documents = DocumentActions(
        window,
        undo_stack=window.undo_stack,
        changes=window.changes,
        meeting_id=window.current_meeting_id,
        body_id=window.current_body_id,
    )
    menus.addMenu(window.documents.menu)

    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([window.new_body_action, window.new_meeting_action, window.schedule_action])
    toolbar.addSeparator()
    toolbar.addActions([window.people_action, window.tracker_action, window.search_action])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    toolbar.addAction(window.sharing.sync_action)
