"""A body's members as a table: name, role, organisation represented, voting, dates."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.dates import short_date
from desktop_app.services.directory import memberships, organisations
from desktop_app.services.directory.people import display_name
from ui.models.rows import RowsModel


class MembersModel(RowsModel):
    COLUMNS = ("Name", "Role", "Represents", "Voting", "From", "To")

    def load(self, body_id: str | None) -> None:
        rows = []  # (membership id, cells)
        if body_id:
            names = {o.id: o.name for o in organisations.list_organisations(include_archived=True)}
            for m in memberships.list_members(body_id=body_id):
                cells = (
                    display_name(m.person),
                    m.role.capitalize(),
                    names.get(m.organisation_id, ""),
                    "Yes" if m.voting else "No",
                    short_date(m.from_date) if m.from_date else "",
                    short_date(m.to_date) if m.to_date else "",
                )
                rows.append((m.id, cells))
        self.replace(rows)

    def membership_id(self, row: int) -> str:
        return self.entries[row][0]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.entries[index.row()][1][index.column()]
