"""The attendance sheet of one meeting: every member, then substitutes and others."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services import attendance
from ui.models.rows import RowsModel

COLUMNS = ("Name", "Role", "Represents", "Status", "Substituting for", "Arrived", "Left")
STATUS_COLOURS = {
    "present": "#e3f4e1",
    "substitute": "#e3f4e1",
    "in attendance": "#eef3fb",
    "apologies": "#fdf3dc",
    "absent": "#f7e1e1",
}


class AttendanceModel(RowsModel):
    COLUMNS = COLUMNS

    def load(self, meeting_id: str | None) -> None:
        self.replace(attendance.attendance_sheet(meeting_id) if meeting_id else [])

    def row_of(self, person_id: str) -> int:
        return self.row_where("person_id", person_id)

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
