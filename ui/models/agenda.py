"""A meeting's agenda as a table: one row per item, sub-items indented under their parent.

Rows can be dragged to a new place among their siblings, and PDF files dropped on a row
are attached to that item; the model only reports these as signals, the editor acts."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.services.meeting_cycle import agenda, quorum
from ui.icons import icon
from ui.models.rows import RowsModel

COLUMNS = ("No.", "Title", "Kind", "Presenter", "Purpose", "Papers", "Quorum")
ITEM_MIME = "application/x-minute-book-item"
PART_TWO = QColor("#fbeeee")


class AgendaModel(RowsModel):
    COLUMNS = COLUMNS
    move_requested = Signal(str, str)  # dragged item id, the item it was dropped on
    files_dropped = Signal(str, list)  # item id, file paths

    def __init__(self, parent=None):
        super().__init__(parent)
        self.meeting_id: str | None = None
        self._quorum: dict[str, quorum.QuorumState] = {}

    def load(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self._quorum = quorum.quorum_by_item(meeting_id) if meeting_id else {}
        self.replace(agenda.list_agenda(meeting_id) if meeting_id else [])

    def row_of(self, item_id: str) -> int:
        return self.row_where("id", item_id)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 1 and entry.confidential:
            return icon("confidential")
        if role == Qt.ItemDataRole.BackgroundRole and entry.part == "II":
            return QBrush(PART_TWO)
        if role == Qt.ItemDataRole.FontRole and column == 0 and not entry.number:
            font = QFont()
            font.setItalic(True)  # a number it will get on publishing, not one it has
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and not entry.number:
            return QBrush(QColor("#777"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        return None

    def _text(self, entry: agenda.AgendaEntry, column: int) -> str:
        if column == 0:
            return entry.number or entry.preview_number
        if column == 1:
            return "    " * entry.depth + (entry.title or "(untitled)")
        if column == 2:
            return entry.kind.capitalize()
        if column == 3:
            return entry.presenter
        if column == 4:
            return entry.purpose.capitalize()
        if column == 5:
            return str(entry.document_count) if entry.document_count else ""
        state = self._quorum.get(entry.id)
        if state is None or not state.needed:
            return ""
        return f"{'Yes' if state.quorate else 'NO'} ({state.present}/{state.needed})"

    def _tooltip(self, entry: agenda.AgendaEntry, column: int) -> str | None:
        if column == 0 and not entry.number:
            return "The number this item will get when the agenda is published."
        if entry.confidential:
            return (
                f"Part II: exempt under paragraph {entry.exempt_paragraph} of Schedule 12A "
                "to the Local Government Act 1972."
            )
        return None

    # -- drag and drop ---------------------------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, "text/uri-list"]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(ITEM_MIME, self.entries[indexes[0].row()].id.encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(ITEM_MIME) or data.hasUrls()

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        target_row = parent.row() if parent.isValid() else row
        if not 0 <= target_row < len(self.entries):
            target_row = len(self.entries) - 1
        if target_row < 0:
            return False
        target = self.entries[target_row].id
        if data.hasFormat(ITEM_MIME):
            self.move_requested.emit(bytes(data.data(ITEM_MIME)).decode(), target)
        elif data.hasUrls():
            paths = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
            self.files_dropped.emit(target, paths)
        return False  # the services move rows; the model reloads from them
