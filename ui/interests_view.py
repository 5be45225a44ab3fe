"""Declarations of interest, per item and person, as they are made in the meeting."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.meeting_cycle import agenda, declarations
from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from ui.commands import kinds
from ui.commands.edits import create_record, delete_record, edit_fields
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.record_dialog import RecordDialog, choices

COLUMNS = ("Item", "Who", "Interest", "Details", "Left the room")


class InterestsView(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self.meeting_id: str | None = None
        self.entries: list[declarations.DeclarationEntry] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("declarations")
        self.table.setAccessibleName("Declarations of interest")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _: self.edit())  # Enter or a double click
        self.add_button = QPushButton(icon("interest"), "Declare an interest…")
        self.edit_button = QPushButton(icon("edit"), "Edit…")
        self.withdraw_button = QPushButton(icon("remove"), "Withdraw")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self.entries = declarations.list_declarations(meeting_id)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (
                f"{entry.item_number} {entry.item_title}".strip(),
                entry.name,
                entry.kind.capitalize(),
                entry.description,
                "Yes" if entry.left_room else "No",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def refresh(self) -> None:
        if self.meeting_id:
            self.show_meeting(self.meeting_id)

    def selected(self) -> declarations.DeclarationEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def add(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id

        def submit(values: dict):
            create_record(
                self._stack,
                self._changes,
                text="Declare an interest",
                create=lambda: declarations.declare_interest(meeting_id=meeting_id, **values),
                kind=kinds.DECLARATION,
            )

        dialog = RecordDialog("Declaration of interest", submit, self)
        items = [
            (f"{e.number or e.preview_number} {e.title}".strip(), e.id)
            for e in agenda.list_agenda(meeting_id)
        ]
        dialog.add_choice("item_id", "Item", items)
        present = [
            (e.name, e.person_id)
            for e in attendance_sheet(meeting_id)
            if e.status in ("present", "substitute", "in attendance")
        ]
        dialog.add_choice("person_id", "Who", present)
        self._detail_fields(dialog, {})
        dialog.exec()

    def edit(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        before = {
            "kind": entry.kind,
            "description": entry.description,
            "left_room": entry.left_room,
        }

        def submit(values: dict):
            edit_fields(
                self._stack,
                self._changes,
                text="Edit declaration",
                update=declarations.update_declaration,
                id_name="declaration_id",
                row_id=entry.id,
                before=before,
                after=values,
            )

        dialog = RecordDialog(f"Declaration by {entry.name}", submit, self)
        self._detail_fields(dialog, before)
        dialog.exec()

    def withdraw(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            delete_record(
                self._stack,
                self._changes,
                text="Withdraw declaration",
                row_id=entry.id,
                kind=kinds.DECLARATION,
            )
        except ValidationError as error:
            show_error(self, error)

    @staticmethod
    def _detail_fields(dialog: RecordDialog, values: dict) -> None:
        dialog.add_choice(
            "kind", "Interest", choices(declarations.KINDS), values.get("kind", "personal")
        )
        dialog.add_line(
            "description",
            "Details",
            values.get("description", ""),
            "e.g. a member of the club applying for the grant",
        )
        dialog.add_check("left_room", "Left the room for this item", values.get("left_room"))
