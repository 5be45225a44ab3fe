"""The action tracker's table: every action across bodies, a page at a time, in RAG colours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.dates import short_date
from desktop_app.services.decisions import action_tracker
from ui.models.rows import RowsModel

PAGE = 200
RAG = {"red": "#f4c7c3", "amber": "#fce8b2", "green": "#d9ead3", "done": "#e8e8e8"}


class ActionsModel(RowsModel):
    """Fetches the next page only when the view scrolls to it (canFetchMore/fetchMore)."""

    COLUMNS = ("Due", "Action", "Owner", "Status", "Body", "Meeting", "Minute", "Latest progress")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = action_tracker.ActionFilter()
        self.total = 0

    def load(self, flt: action_tracker.ActionFilter) -> None:
        self.filter = flt
        self.total = action_tracker.count_actions(flt)
        self.replace(action_tracker.page_of_actions(flt, offset=0, limit=PAGE))

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.entries) < self.total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        more = action_tracker.page_of_actions(self.filter, offset=len(self.entries), limit=PAGE)
        if not more:
            self.total = len(self.entries)
            return
        self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(more) - 1)
        self.entries.extend(more)
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                short_date(entry.due) if entry.due else "",
                entry.text,
                entry.owner,
                entry.status.capitalize() + (" (overdue)" if entry.overdue else ""),
                entry.body_name,
                short_date(entry.meeting_date),
                entry.minute_number,
                entry.last_note,
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and entry.rag in RAG:
            return QBrush(QColor(RAG[entry.rag]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return entry.text
        return None
