"""The action tracker: every action across all bodies, filtered by body, owner, status or
overdue, in RAG colours; progress and status are updated from here, an action is linked to
the strategy plan's action it serves, and a double click opens the meeting at the item the
action arose from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services.decisions import action_tracker, actions
from desktop_app.services.directory import bodies
from ui.action_dialogs import progress_dialog
from ui.commands import kinds
from ui.commands.edits import create_record
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.models.actions import ActionsModel

# Due, Action (takes the rest), Owner, Status, Body, Meeting, Minute, Latest progress
COLUMN_WIDTHS = (80, 0, 150, 110, 150, 80, 60, 200)


class ActionTracker(QDialog):
    open_item = Signal(str, str)  # meeting id, item id

    def __init__(self, stack: QUndoStack, changes: Changes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Action tracker")
        self.resize(1200, 700)
        self._stack, self._changes = stack, changes
        self.body = QComboBox()
        self.body.setAccessibleName("Body")
        self.body.addItem("All bodies", None)
        for body in bodies.list_bodies():
            self.body.addItem(body.name, body.id)
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner")
        self.owner.addItem("Anyone", None)
        for label, key in action_tracker.owners():
            self.owner.addItem(label, key)
        self.status = QComboBox()
        self.status.setAccessibleName("Status shown")
        self.status.addItem("Not done", "not done")
        self.status.addItem("Any status", None)
        for word in vocabulary.ACTION_STATUSES:
            self.status.addItem(word.capitalize(), word)
        self.overdue = QCheckBox("Overdue only")
        self.text = QLineEdit()
        self.text.setAccessibleName("Words in the action")
        self.text.setPlaceholderText("Words in the action…")
        self.text.setClearButtonEnabled(True)
        for combo in (self.body, self.owner, self.status):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.overdue.toggled.connect(lambda _: self.reload())
        self.text.textChanged.connect(lambda _: self.reload())
        filters = QHBoxLayout()
        for widget in (self.body, self.owner, self.status, self.overdue, self.text):
            filters.addWidget(widget)

        self.model = ActionsModel(self)
        self.table = QTableView()
        self.table.setObjectName("tracker")
        self.table.setAccessibleName("Actions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # An action is a sentence or two: it wraps in its row (its whole text is also the
        # tooltip), the other columns are as narrow as what they hold.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _: self._open_selected())  # Enter or a double click

        self.count = QLabel()
        self.status_choice = QComboBox()
        self.status_choice.setAccessibleName("New status of the action")
        for word in vocabulary.ACTION_STATUSES:
            self.status_choice.addItem(word.capitalize(), word)
        set_status = QPushButton("Set status")
        set_status.clicked.connect(self.set_status)
        progress = QPushButton(icon("clock"), "Progress…")
        progress.clicked.connect(self.add_progress)
        link = QPushButton(icon("documents"), "&Link to plan action…")
        link.setObjectName("linkPlanAction")
        link.clicked.connect(self.link_plan_action)
        self.serves = QLabel()
        self.serves.setObjectName("servesPlanAction")
        self.serves.setWordWrap(True)
        for button in (set_status, progress, link):
            # No default button: Enter in the table opens the action's meeting, nothing else.
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.status_choice)
        bottom.addWidget(set_status)
        bottom.addWidget(progress)
        bottom.addWidget(link)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.serves)
        layout.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_link())
        changes.changed.connect(self.reload)
        self.reload()

    def current_filter(self) -> action_tracker.ActionFilter:
        kind, _, owner_id = (self.owner.currentData() or "").partition(":")
        return action_tracker.ActionFilter(
            body_id=self.body.currentData(),
            owner_person_id=owner_id if kind == "person" else None,
            owner_organisation_id=owner_id if kind == "organisation" else None,
            status=self.status.currentData(),
            overdue_only=self.overdue.isChecked(),
            text=self.text.text().strip(),
        )

    def reload(self) -> None:
        chosen = self.selected()
        self.model.load(self.current_filter())
        self.count.setText(f"{self.model.total:,} actions")
        if chosen is not None:  # the same action stays chosen when it is still listed
            rows = [n for n, entry in enumerate(self.model.entries) if entry.id == chosen.id]
            if rows:
                self.table.selectRow(rows[0])
        self._show_link()

    def selected(self) -> actions.ActionEntry | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    def set_status(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        after, before = self.status_choice.currentData(), entry.status
        self._run(
            lambda: perform(
                self._stack,
                self._changes,
                f"Action {after}",
                lambda: actions.update_action(action_id=entry.id, status=after),
                lambda: actions.update_action(action_id=entry.id, status=before),
            )
        )

    def add_progress(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        progress_dialog(
            self,
            lambda values: create_record(
                self._stack,
                self._changes,
                text="Progress",
                create=lambda: actions.add_progress(action_id=entry.id, **values),
                kind=kinds.ACTION_NOTE,
            ),
            dt.date.today(),
        ).exec()

    def link_plan_action(self) -> None:
        """Link the chosen action to the plan action it serves (or unlink it), undoably."""
        entry = self.selected()
        if entry is None:
            return
        from desktop_app.services.plans import links
        from ui.record_dialog import RecordDialog

        linked = links.plan_action_of(entry.id)
        before = linked.id if linked else None
        options = [("(not linked to a plan)", None)]
        options += [(ref.label, ref.id) for ref in links.plan_action_choices()]

        def submit(values: dict) -> None:
            after = values["plan_action_id"]
            perform(
                self._stack,
                self._changes,
                "Link to plan action" if after else "Unlink from plan action",
                lambda: links.link_action(action_id=entry.id, plan_action_id=after),
                lambda: links.link_action(action_id=entry.id, plan_action_id=before),
            )

        dialog = RecordDialog("Link to plan action", submit, self)
        dialog.add_choice("plan_action_id", "Plan action it serves", options, before)
        dialog.exec()

    def _show_link(self) -> None:
        entry = self.selected()
        if entry is None:
            self.serves.clear()
            return
        from desktop_app.services.plans import links

        linked = links.plan_action_of(entry.id)
        self.serves.setText(f"Serves the plan's action {linked.label}" if linked else "")

    def _open_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.open_item.emit(entry.meeting_id, entry.item_id)

    def _run(self, change) -> None:
        try:
            change()
        except ValidationError as error:
            show_error(self, error)
