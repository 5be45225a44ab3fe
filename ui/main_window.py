"""The main window: assembles the body tree, the pages and the actions; holds no logic
of its own beyond choosing which page to show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
)

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from ui.body_tree_view import expand_to, expanded_keys
from ui.errors import show_error
from ui.events import Changes
from ui.focus_style import show_focus
from ui.models.body_tree import ID_ROLE, KIND_ROLE, BodyTreeModel, body_of_year
from ui.pending_typing import (
    TypingGuard,
    TypingRecovery,
    commit_typing,
    guard_once_painted,
    offer_recovered,
)
from ui.tasks import finish_running
from ui.window_actions import build_actions

TREE_WIDTH = 200  # a body's name and a meeting's date stay readable


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, *, guard_after_paint: bool = False):
        """`guard_after_paint`: the typing guard goes on once the window has first painted, as
        a start does (ui/app.py); otherwise at once, as tests and screenshots need."""
        super().__init__()
        self.data_dir = data_dir
        self.setWindowTitle("Minute Book")
        self.resize(1280, 820)
        show_focus(self)
        self.changes = Changes(self)
        self.undo_stack = QUndoStack(self)
        # What is being typed: committed before any command, kept on disk against a crash.
        self.recovery = TypingRecovery(data_dir)
        self.changes.typed.connect(self.recovery.keep)

        self.tree_model = BodyTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("bodyTree")
        self.tree.setAccessibleName("Bodies and meetings")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)

        self.welcome = QLabel(
            "<h2>Minute Book</h2><p>Choose a body or a meeting on the left, "
            "or add a body with <b>Ctrl+Shift+B</b>.</p>"
        )
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self._body_page = self._meeting_page = self._search = None

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 940])
        # The tree stays usable whatever the page or Search take: the window grows instead.
        self.tree.setMinimumWidth(TREE_WIDTH)
        splitter.setCollapsible(0, False)
        self.setCentralWidget(splitter)

        build_actions(self)
        self.changes.changed.connect(self.refresh)
        self.changes.failed.connect(lambda message: show_error(self, ValidationError(message)))
        self.undo_stack.undoTextChanged.connect(self._show_undo_state)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        for widget in self.sharing.status_widgets:
            self.statusBar().addPermanentWidget(widget)
        self.tree_model.reload()
        # A later start opens on the welcome page, the clerk to choose: without this the
        # tree, taking the focus with no current row, would make its first body current,
        # and build and fill that body's page for the first paint.
        self.tree.setCurrentIndex(QModelIndex())
        self._show_counts()
        # Last: a filter in Python would see every event of the widgets being built.
        self._typing_guard = TypingGuard(self)  # removed from the app with the window
        if guard_after_paint:
            guard_once_painted(self, self._typing_guard)
        else:
            self._typing_guard.install()

    # -- what the window shows -------------------------------------------------------------

    # The pages are built when first shown: start-up paints only the tree and the welcome.
    @property
    def body_page(self):
        if self._body_page is None:
            from ui.body_page import BodyPage

            with self._typing_guard.paused():
                self._body_page = BodyPage(self.undo_stack, self.changes)
            self.pages.addWidget(self._body_page)
        return self._body_page

    @property
    def meeting_page(self):
        if self._meeting_page is None:
            from ui.meeting_page import MeetingPage

            with self._typing_guard.paused():
                self._meeting_page = MeetingPage(self.undo_stack, self.changes)
            self._meeting_page.edit_button.clicked.connect(self.edit_meeting)
            self._meeting_page.documents_button.setMenu(self.documents.menu)
            self.pages.addWidget(self._meeting_page)
        return self._meeting_page

    def prepare_pages(self) -> None:
        """Build the pages not yet shown, one per pass of the event loop, so that a key
        pressed meanwhile waits on one page at most. A start calls it once the window has
        painted (ui/app.py)."""
        if self._body_page is None:
            self.body_page  # noqa: B018 — built by the property
        elif self._meeting_page is None:
            self.meeting_page  # noqa: B018
        else:
            return
        QTimer.singleShot(0, self.prepare_pages)

    def show_body(self, body_id: str) -> None:
        self.body_page.show_body(body_id)
        self.pages.setCurrentWidget(self.body_page)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_page.show_meeting(meeting_id)
        self.pages.setCurrentWidget(self.meeting_page)

    def open_first_board(self) -> None:
        """Show the first board's latest meeting (on a first start, the example's meeting of
        17 December 2012, as the README promises), or its page while it has none."""
        board = next((b for b in bodies.list_bodies() if b.parent_id is None), None)
        if board is None:
            return
        latest = next(iter(meetings.list_meetings(body_id=board.id)), None)
        if latest is None:
            self.select("body", board.id)
        else:
            self.select("meeting", latest.id)

    def select(self, kind: str, row_id: str) -> None:
        """Select a body, a meeting or a municipal year in the tree, expanding what leads
        to it."""
        if kind in ("meeting", "year"):
            if kind == "meeting":
                body_id = meetings.get_meeting(row_id).body_id
            else:
                body_id = body_of_year(row_id)
            body_index = self.tree_model.find("body", body_id)
            if self.tree_model.canFetchMore(body_index):  # a hidden view does not fetch
                self.tree_model.fetchMore(body_index)
            expand_to(self.tree, body_index)
        index = self.tree_model.find(kind, row_id)
        if index.isValid():
            expand_to(self.tree, index.parent())
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.tree.scrollTo(index)

    def refresh(self) -> None:
        """Redraw from the services after any change, keeping what was open and selected."""
        expanded = expanded_keys(self.tree)
        # Whatever node is current, a municipal year included: a current lost in the reload
        # is set by Qt to the first row when the tree next takes the focus, and the page
        # would follow that body, not the one the clerk chose.
        index = self.tree.currentIndex()
        selected = (index.data(KIND_ROLE), index.data(ID_ROLE)) if index.isValid() else None
        # Quiet from the reload on: clearing the tree moves its current row to whichever
        # body is left, and the page must not follow it there (a member added next would go
        # to that body while the tree still shows the clerk's).
        self.tree.selectionModel().blockSignals(True)
        self.tree_model.reload()
        for kind, row_id in expanded:  # parents first, so a body's years are fetched
            index = self.tree_model.find(kind, row_id)
            if index.isValid():
                if self.tree_model.canFetchMore(index):  # a hidden view does not fetch
                    self.tree_model.fetchMore(index)
                self.tree.expand(index)
        if selected is not None:
            # Re-selecting the same row must not rebuild the page the user is typing in.
            try:
                # select() loads the body's meetings, which the reload left unfetched.
                self.select(*selected)
            except ValidationError:
                pass  # the meeting was deleted or its creation undone: nothing to keep
        self.tree.selectionModel().blockSignals(False)
        shown = self.pages.currentWidget()
        if shown is self._body_page:
            self.body_page.refresh()
        elif shown is self._meeting_page:
            try:
                self.meeting_page.refresh()
            except ValidationError:  # the meeting was deleted or its creation undone
                self.pages.setCurrentWidget(self.welcome)
        self._show_counts()

    # -- actions ------------------------------------------------------------------------------

    # The dialogs' modules load when a dialog first opens: the first paint needs none of them.

    def new_body(self) -> None:
        from ui.records_menu import new_body

        new_body(self)

    def new_meeting(self) -> None:
        from ui.records_menu import new_meeting

        new_meeting(self)

    def schedule_series(self) -> None:
        """A run of meetings (every second Monday at 14:30 until April), all undone at once."""
        from ui.records_menu import schedule_series

        schedule_series(self)

    def edit_meeting(self) -> None:
        from ui.records_menu import edit_meeting

        edit_meeting(self)

    def delete_selected(self) -> None:
        """Delete the selected meeting (not yet held) or body (with no meetings); undoable."""
        from ui.commands import kinds
        from ui.commands.edits import delete_record

        key = self._current_key()
        if key is None:
            return
        kind, row_id = key
        try:
            delete_record(
                self.undo_stack,
                self.changes,
                text=f"Delete {kind}",
                row_id=row_id,
                kind=kinds.MEETING if kind == "meeting" else kinds.BODY,
            )
        except ValidationError as error:
            show_error(self, error)
            return
        self.pages.setCurrentWidget(self.welcome)

    def open_item(self, meeting_id: str, item_id: str) -> None:
        """Show a meeting at one item's minute: where a search hit or an action leads."""
        self.select("meeting", meeting_id)
        page = self.meeting_page
        page.tabs.setCurrentWidget(page.minutes)
        if item_id:
            page.minutes.select_item(item_id)
        self.raise_()
        self.activateWindow()

    def open_plan(self, plan_id: str) -> None:
        """Show a body's page at its Plans tab, on one plan: where a search hit leads."""
        from desktop_app.services.plans.plans import get_plan

        self.select("body", get_plan(plan_id).body_id)
        self.body_page.show_plans(plan_id)
        self.raise_()
        self.activateWindow()

    def open_update(self, update_id: str) -> None:
        """Show a group's page at its Updates tab, on one update: where a search hit leads."""
        from desktop_app.services.updates.writing import get_update

        self.select("body", get_update(update_id).body_id)
        self.body_page.show_updates(update_id)
        self.raise_()
        self.activateWindow()

    def open_tracker(self) -> None:
        from ui.action_tracker import ActionTracker

        tracker = ActionTracker(self.undo_stack, self.changes, self)
        tracker.open_item.connect(self.open_item)
        tracker.show()

    def open_registers(self) -> None:
        from ui.registers import RegistersDialog

        RegistersDialog(self, self.current_body_id()).show()

    def open_search(self) -> None:
        if self._search is None:
            from ui.search_panel import SearchPanel

            self._search = SearchPanel(self)
            self._search.open_item.connect(self.open_item)
            self._search.open_plan.connect(self.open_plan)
            self._search.open_update.connect(self.open_update)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._search)
        self._search.focus()

    def open_people(self) -> None:
        from ui.people_dialog import people_directory

        people_directory(self, self.undo_stack, self.changes).exec()

    def open_organisations(self) -> None:
        from ui.people_dialog import organisations_directory

        organisations_directory(self, self.undo_stack, self.changes).exec()

    def import_record(self) -> None:
        from ui.exchange_actions import import_record

        import_record(self)

    def export_record(self) -> None:
        from ui.exchange_actions import export_record

        export_record(self)

    def open_pdf(self) -> None:
        """A PDF from disk in the preview, which says whether a signature on it holds."""
        from ui.pdf_preview import open_pdf_file  # QtPdf loads when a document is first shown

        open_pdf_file(self)

    def offer_recovered_typing(self) -> None:
        """After a crash: offer back what was being typed and not yet saved."""
        offer_recovered(self)

    def closeEvent(self, event) -> None:
        commit_typing()
        finish_running()  # no background write is cut off at quit
        self.sharing.sync_at_quit()  # what was typed last goes out too
        super().closeEvent(event)

    # -- assembly -----------------------------------------------------------------------------

    def _tree_current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            # Qt moves only the current row at times (to the first row, when the tree takes
            # the focus with none): the highlight follows it, so the row shown is the page's.
            self.tree.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        kind, row_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        try:
            if kind == "body":
                self.show_body(row_id)
            elif kind == "year":  # a body's meetings of one year: the page is the body's
                self.show_body(body_of_year(row_id))
            elif kind == "meeting":
                self.show_meeting(row_id)
        except ValidationError as error:
            show_error(self, error)

    def _current_key(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(KIND_ROLE) not in ("body", "meeting"):
            return None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def current_meeting_id(self) -> str | None:
        key = self._current_key()
        return key[1] if key is not None and key[0] == "meeting" else None

    def current_body_id(self) -> str | None:
        index = self.tree.currentIndex()
        while index.isValid() and index.data(KIND_ROLE) != "body":
            index = index.parent()
        return index.data(ID_ROLE) if index.isValid() else None

    def _show_undo_state(self, text: str) -> None:
        self.statusBar().showMessage(f"Saved. Ctrl+Z undoes “{text}”." if text else "Saved.", 5000)

    def _show_counts(self) -> None:
        count = self.tree_model.body_count  # the tree has just read them
        self.status.setText(f"{count} bodies · data in {self.data_dir}")
