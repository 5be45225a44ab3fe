"""The registers a clerk is asked for: every decision of a body, and each member's
attendance over a period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dates import short_date
from desktop_app.errors import ValidationError
from desktop_app.services.decisions import registers
from desktop_app.services.directory import bodies
from ui.date_field import DateEdit
from ui.errors import show_error


def _table(headings: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(str(text)))


class RegistersDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, body_id: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("Registers")
        self.resize(1100, 650)
        self.body = QComboBox()
        for body in bodies.list_bodies():
            self.body.addItem(body.name, body.id)
        self.body.setCurrentIndex(max(0, self.body.findData(body_id)))
        self.body.setAccessibleName("Body")
        self.body.currentIndexChanged.connect(lambda _: self.reload())
        self.words = QLineEdit()
        self.words.setPlaceholderText("Words in the decision…")
        self.words.setAccessibleName("Words in the decision")
        self.words.textChanged.connect(lambda _: self.reload())
        today = dt.date.today()
        self.since = DateEdit(dt.date(today.year - 1, today.month, 1))
        self.until = DateEdit(today)
        top = QHBoxLayout()
        top.addWidget(self.body, 1)
        top.addWidget(self.words, 1)
        for text, edit in (("&From", self.since), ("&To", self.until)):
            edit.setAccessibleName(f"Attendance record {text.strip('&').lower()}")
            edit.editingFinished.connect(self.reload)
            label = QLabel(text)
            label.setBuddy(edit)
            top.addWidget(label)
            top.addWidget(edit)

        self.decisions = _table(("Meeting", "Minute", "Item", "Outcome", "Decision"), 4)
        self.decisions.setObjectName("decisionsRegister")
        self.decisions.setAccessibleName("Decisions register")
        self.attendance = _table(
            ("Member", "Meetings", "Present", "Apologies", "Absent", "Substituted", "%"), 0
        )
        self.attendance.setObjectName("attendanceRecord")
        self.attendance.setAccessibleName("Attendance record")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.decisions, "Decisions")
        self.tabs.addTab(self.attendance, "Attendance record")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def reload(self) -> None:
        body_id = self.body.currentData()
        if body_id is None:
            return
        try:
            record = registers.attendance_record(
                body_id=body_id, since=self.since.value(), until=self.until.value()
            )
        except ValidationError as error:
            show_error(self, error)
            return
        decisions = registers.decisions_register(body_id=body_id, text=self.words.text())
        _fill(
            self.decisions,
            [
                (
                    short_date(d.meeting_date),
                    d.minute_number,
                    d.item_title,
                    d.outcome.capitalize(),
                    d.text + (f" ({d.summary})" if d.summary else ""),
                )
                for d in decisions
            ],
        )
        _fill(
            self.attendance,
            [
                (
                    r.name,
                    r.meetings,
                    r.present,
                    r.apologies,
                    r.absent,
                    r.substituted,
                    f"{r.percentage}%",
                )
                for r in record
            ],
        )
