"""Pack issues: every issue of a meeting's agenda pack as kept, to open exactly as issued
or, for the latest of an edition, to withdraw (Ctrl+Z brings it back)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents import catalogue
from desktop_app.errors import ValidationError
from desktop_app.services.papers.pack_issues import IssueEntry
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.models.pack_issues import PackIssuesModel
from ui.pack_issuing import issue_name, withdraw_issue

EMPTY = (
    "<p><b>Nothing has been issued yet.</b></p>"
    "<p>Issue the agenda pack when its papers are ready: the full pack goes to members, the "
    "public pack to the website. Every issue is kept here exactly as issued, and a reissue "
    "keeps the page numbers already published.</p>"
)
CHANGES = 5  # the column of what changed, which takes the room left


class PackIssuesDialog(QDialog):
    """Not modal: the clerk can open an issue and keep the list beside it."""

    def __init__(
        self,
        meeting_id: str,
        *,
        stack: QUndoStack,
        changes: Changes,
        open_issue: Callable[[IssueEntry], None],
        issue: Callable[[], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.meeting_id, self._stack, self._changes = meeting_id, stack, changes
        self._open_issue = open_issue
        target = catalogue.meeting_target(meeting_id)
        self.setWindowTitle(f"Pack issues — {target.body_name}, {target.when}")
        self.resize(960, 380)

        self.model = PackIssuesModel(self)
        self.table = QTableView()
        self.table.setObjectName("packIssues")
        self.table.setAccessibleName("Issues of the agenda pack")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # A reissue may add one paper and withdraw another: each change on a line of its own.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(26)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)
        # Enter and a double click both arrive as `activated`.
        self.table.activated.connect(lambda _: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._follow())

        self.empty = QLabel(EMPTY)
        self.empty.setObjectName("noIssues")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(40)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        self.open_action = self._action("&Open", "paper", "Open the issue exactly as issued")
        self.open_action.triggered.connect(self.open_selected)
        self.withdraw_action = self._action(
            "&Withdraw latest…", "remove", "Withdraw the latest issue of its edition (Delete)"
        )
        self.withdraw_action.setShortcuts([QKeySequence.StandardKey.Delete])
        self.withdraw_action.triggered.connect(self.withdraw_selected)
        self.issue_action = self._action(
            "&Issue agenda pack…", "publish", "Issue the pack again, or for the first time"
        )
        self.issue_action.triggered.connect(issue)
        # Ctrl+Z here too: the dialog is a window of its own, where the main window's keys
        # do not reach.
        for made, keys in (
            (stack.createUndoAction(self, "&Undo"), [QKeySequence.StandardKey.Undo]),
            (stack.createRedoAction(self, "&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"]),
        ):
            made.setShortcuts([QKeySequence(k) for k in keys])
            self.addAction(made)

        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for made in (self.issue_action, self.open_action, self.withdraw_action):
            buttons.addWidget(self._button(made))
        buttons.addStretch(1)
        close = QPushButton("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        changes.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        chosen = self.selected()
        self.model.load(self.meeting_id)
        self.pages.setCurrentWidget(self.table if self.model.entries else self.empty)
        row = self.model.row_where("id", chosen.id) if chosen else -1
        if row < 0 and self.model.entries:  # the newest issue, as the clerk last made it
            newest = max(self.model.entries, key=lambda entry: entry.issued_at)
            row = self.model.entries.index(newest)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setFocus()
        self._follow()

    def selected(self) -> IssueEntry | None:
        return self.model.entry(self.table.currentIndex().row())

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._open_issue(entry)

    def withdraw_selected(self) -> None:
        entry = self.selected()
        if entry is None or not entry.latest:
            return
        name = issue_name(entry.number, entry.public)
        after = (
            f"Issue {entry.number - 1} becomes the latest again"
            if entry.number > 1
            else "The pack will then have no issue of this edition"
        )
        answer = QMessageBox.question(
            self,
            "Withdraw issue",
            f"Withdraw {name}? It leaves this list. {after}. Ctrl+Z brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            withdraw_issue(self._stack, self._changes, entry)
        except ValidationError as error:
            show_error(self, error)
            return
        self.hint.setText(f"Withdrew {name}. Ctrl+Z brings it back.")

    def _follow(self) -> None:
        """Enable what the selected issue allows, and say why Withdraw is not allowed."""
        entry = self.selected()
        self.open_action.setEnabled(entry is not None)
        self.withdraw_action.setEnabled(entry is not None and entry.latest)
        if not self.model.entries:
            self.hint.setText("")
        elif entry is not None and entry.stale:
            self.hint.setText(
                f"Issue {entry.number} is stale: {entry.stale}, so it is not shown again."
            )
        elif entry is not None and not entry.latest:
            self.hint.setText(
                f"Issue {entry.number} has been followed by a later issue: it stays on the "
                "record, and only the latest issue of an edition can be withdrawn."
            )
        else:
            self.hint.setText("Enter opens the issue as issued; Delete withdraws the latest.")

    def _action(self, text: str, meaning: str, tip: str) -> QAction:
        made = QAction(icon(meaning), text, self)
        made.setToolTip(tip)
        self.addAction(made)
        return made

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.icon(), action.text())
        button.setToolTip(action.toolTip())
        button.setAutoDefault(False)  # Enter belongs to the table: it opens the issue
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        button.setEnabled(action.isEnabled())
        return button
