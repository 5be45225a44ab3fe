"""The attendance sheet of one meeting: every member, then substitutes and others."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services import attendance

COLUMNS = ("Name", "Role", "Represents", "Status", "Substituting for", "Arrived", "Left")
STATUS_COLOURS = {
    "present": "#e3f4e1",
    "substitute": "#e3f4e1",
    "in attendance": "#eef3fb",
    "apologies": "#fdf3dc",
    "absent": "#f7e1e1",
}


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[attendance.AttendanceEntry] = []

    def load(self, meeting_id: str | None) -> None:
        self.beginResetModel()
        self.entries = attendance.attendance_sheet(meeting_id) if meeting_id else []
        self.endResetModel()

    def row_of(self, person_id: str) -> int:
        return next((r for r, e in enumerate(self.entries) if e.person_id == person_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                entry.name,
                entry.role.capitalize()
                + ("" if entry.voting or not entry.is_member else " (non-voting)"),
                entry.organisation,
                entry.status.capitalize() if entry.status else "—",
                entry.substitute_for_name,
                entry.arrived,
                entry.left,
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and entry.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[entry.status]))
        return None
