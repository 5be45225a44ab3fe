"""A body's members as a table: name, role, organisation represented, voting, dates."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop_app.dates import short_date
from desktop_app.services import memberships, organisations
from desktop_app.services.people import display_name

COLUMNS = ("Name", "Role", "Represents", "Voting", "From", "To")


class MembersModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, tuple[str, ...]]] = []  # (membership id, cells)

    def load(self, body_id: str | None) -> None:
        self.beginResetModel()
        self._rows = []
        if body_id:
            names = {o.id: o.name for o in organisations.list_organisations(include_archived=True)}
            for m in memberships.list_members(body_id=body_id):
                self._rows.append(
                    (
                        m.id,
                        (
                            display_name(m.person),
                            m.role.capitalize(),
                            names.get(m.organisation_id, ""),
                            "Yes" if m.voting else "No",
                            short_date(m.from_date) if m.from_date else "",
                            short_date(m.to_date) if m.to_date else "",
                        ),
                    )
                )
        self.endResetModel()

    def membership_id(self, row: int) -> str:
        return self._rows[row][0]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][1][index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None
