"""Bodies as a tree (groups under the board they report to), each with its meetings
grouped by municipal year. Meetings are fetched only when a body is expanded."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop_app.dates import long_date
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from ui.icons import icon

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOADED_ROLE = Qt.ItemDataRole.UserRole + 2


class BodyTreeModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Bodies and meetings"])
        self._year_starts: dict[str, str] = {}

    @property
    def body_count(self) -> int:
        """How many live bodies the last reload found."""
        return len(self._year_starts)

    def reload(self) -> None:
        """Rebuild the bodies from the services; meetings come back as bodies expand."""
        self.clear()
        self.setHorizontalHeaderLabels(["Bodies and meetings"])
        rows = bodies.list_body_entries()
        self._year_starts = {b.id: b.numbering_year_starts for b in rows}
        nodes = {b.id: _node(b.name, "body", b.id) for b in rows}
        for body in rows:
            node = nodes[body.id]
            node.setData(False, LOADED_ROLE)
            parent = nodes.get(body.parent_id)
            if parent is not None:
                node.setIcon(icon("child body"))
                parent.appendRow(node)
            else:
                node.setIcon(icon("body"))
                self.invisibleRootItem().appendRow(node)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        if self._unloaded_body(parent):
            return True
        return super().hasChildren(parent)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return self._unloaded_body(parent) or super().canFetchMore(parent)

    def fetchMore(self, parent: QModelIndex) -> None:
        if not self._unloaded_body(parent):
            return super().fetchMore(parent)
        node = self.itemFromIndex(parent)
        node.setData(True, LOADED_ROLE)
        body_id = node.data(ID_ROLE)
        years: dict[str, QStandardItem] = {}
        for meeting in meetings.list_meetings(body_id=body_id):
            label = meetings.municipal_year(meeting.date, self._year_starts.get(body_id, "05-01"))
            if label not in years:
                years[label] = _node(f"Municipal year {label}", "year", _year_key(body_id, label))
                years[label].setIcon(icon("year"))
                node.appendRow(years[label])
            years[label].appendRow(_meeting_node(meeting))

    def find(self, kind: str, row_id: str) -> QModelIndex:
        """The index of a loaded node, or an invalid index."""
        for item in _walk(self.invisibleRootItem()):
            if item.data(KIND_ROLE) == kind and item.data(ID_ROLE) == row_id:
                return item.index()
        return QModelIndex()

    def _unloaded_body(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        item = self.itemFromIndex(index)
        return item.data(KIND_ROLE) == "body" and item.data(LOADED_ROLE) is False


def body_of_year(row_id: str) -> str:
    """The body whose meetings a municipal year node holds."""
    return row_id.partition(":")[0]


def _year_key(body_id: str, label: str) -> str:
    return f"{body_id}:{label}"


def _node(text: str, kind: str, row_id: str) -> QStandardItem:
    node = QStandardItem(text)
    node.setEditable(False)
    node.setData(kind, KIND_ROLE)
    node.setData(row_id, ID_ROLE)
    return node


def _meeting_node(meeting: meetings.MeetingSummary) -> QStandardItem:
    text = long_date(meeting.date)
    if meeting.kind != "ordinary":
        text += f" ({meeting.kind})"
    if meeting.status in ("cancelled", "postponed"):
        text += f" — {meeting.status}"
    node = _node(text, "meeting", meeting.id)
    node.setToolTip(f"{meeting.status.capitalize()}")
    done = meeting.status.startswith("minutes") or meeting.status == "held"
    cancelled = meeting.status in ("cancelled", "postponed")
    node.setIcon(icon("meeting cancelled" if cancelled else "meeting done" if done else "meeting"))
    return node


def _walk(item: QStandardItem):
    for row in range(item.rowCount()):
        child = item.child(row)
        yield child
        yield from _walk(child)
