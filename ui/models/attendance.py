"""The attendance sheet of one meeting: every member, then substitutes and others."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from ui.models.rows import RowsModel

COLUMNS = (
    "Name",
    "Role",
    "Represents",
    "Status",
    "Substituting for",
    "Capacity",
    "Arrived",
    "Left",
)
CAPACITY = COLUMNS.index("Capacity")
STATUS_COLOURS = {
    "present": "#e3f4e1",
    "substitute": "#e3f4e1",
    "in attendance": "#eef3fb",
    "apologies": "#fdf3dc",
    "absent": "#f7e1e1",
}


class AttendanceModel(RowsModel):
    """The capacity of anyone on the sheet is edited in place (F2 or a double click); the
    view turns the edit into an undoable command."""

    COLUMNS = COLUMNS
    capacity_edited = Signal(str, str)  # attendance id, the capacity typed

    def load(self, meeting_id: str | None) -> None:
        self.replace(attendance_sheet(meeting_id) if meeting_id else [])

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
                entry.capacity,
                entry.arrived,
                entry.left,
            )[index.column()]
        if role == Qt.ItemDataRole.EditRole and index.column() == CAPACITY:
            return entry.capacity
        if role == Qt.ItemDataRole.BackgroundRole and entry.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[entry.status]))
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == CAPACITY and self.entries[index.row()].attendance_id:
            flags |= Qt.ItemFlag.ItemIsEditable  # only someone already on the sheet
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entries[index.row()]
        # The view passes the role as a plain number.
        if Qt.ItemDataRole(role) != Qt.ItemDataRole.EditRole or index.column() != CAPACITY:
            return False
        if (value or "").strip() != entry.capacity:
            self.capacity_edited.emit(entry.attendance_id, value or "")
        return False  # the sheet is reloaded from the record once the command has run
