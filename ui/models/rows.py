"""The shared shape of the app's tables: a list of entries shown under fixed headings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class RowsModel(QAbstractTableModel):
    """Subclasses set COLUMNS, fill `entries` in `load()` and answer `data()`."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Any] = []

    def replace(self, entries: list[Any]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def row_where(self, attribute: str, value: Any) -> int:
        """The row of the first entry whose `attribute` is `value`, or -1."""
        return next((r for r, e in enumerate(self.entries) if getattr(e, attribute) == value), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None
