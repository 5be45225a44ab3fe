"""The standard items a body's new agendas start from, edited as a short list."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services.meeting_cycle import agenda
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget, stack: QUndoStack, changes: Changes, body_id: str):
        super().__init__(parent)
        self.setWindowTitle("Agenda template")
        self.resize(560, 440)
        self._stack, self._changes, self.body_id = stack, changes, body_id
        self.before = agenda.body_template(body_id)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("template")
        self.table.setAccessibleName("Items every new agenda starts with")
        self.table.setHorizontalHeaderLabels(["Title", "Kind"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for entry in self.before:
            self.add_row(entry["title"], entry["kind"])
        buttons = QHBoxLayout()
        for text, meaning, slot in (
            ("Add", "add", lambda: self.add_row("", "report")),
            ("Remove", "remove", self.remove_row),
            ("Up", "up", lambda: self.move_row(-1)),
            ("Down", "down", lambda: self.move_row(1)),
        ):
            button = QPushButton(icon(meaning), text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(box)

    def add_row(self, title: str, kind: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(title))
        combo = QComboBox()
        for word in vocabulary.ITEM_KINDS:
            combo.addItem(word.capitalize(), word)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        self.table.setCellWidget(row, 1, combo)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_row(self, offset: int) -> None:
        items = self.items()
        row = self.table.currentRow()
        if not 0 <= row < len(items) or not 0 <= row + offset < len(items):
            return
        items.insert(row + offset, items.pop(row))
        self.table.setRowCount(0)
        for entry in items:
            self.add_row(entry["title"], entry["kind"])
        self.table.setCurrentCell(row + offset, 0)

    def items(self) -> list[dict]:
        return [
            {
                "title": (self.table.item(r, 0).text() if self.table.item(r, 0) else ""),
                "kind": self.table.cellWidget(r, 1).currentData(),
            }
            for r in range(self.table.rowCount())
        ]

    def accept(self) -> None:
        body_id, before, after = self.body_id, self.before, self.items()
        try:
            perform(
                self._stack,
                self._changes,
                "Change agenda template",
                lambda: agenda.set_body_template(body_id=body_id, items=after),
                lambda: agenda.set_body_template(body_id=body_id, items=before),
            )
        except ValidationError as error:
            show_error(self, error)
            return
        super().accept()


def template_dialog(parent, stack: QUndoStack, changes: Changes, body_id: str) -> TemplateDialog:
    return TemplateDialog(parent, stack, changes, body_id)
