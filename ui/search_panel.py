"""Search across all minutes, resolutions, actions, item titles and attached reports; each
hit shows where it is and a snippet, and opens the meeting at the item."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dates import short_date
from desktop_app.services import search

TYPING_PAUSE_MS = 250


class SearchPanel(QDockWidget):
    open_item = Signal(str, str)  # meeting id, item id
    open_plan = Signal(str)  # a plan's id: a hit in a plan's words
    open_update = Signal(str)  # a quarterly update's id

    def __init__(self, parent=None):
        super().__init__("Search", parent)
        self.setObjectName("searchPanel")
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setAccessibleName("Search")
        self.box.setPlaceholderText("Search minutes, decisions, actions and reports…")
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._open)
        self.summary = QLabel()
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _: self._pause.start())
        self.box.returnPressed.connect(self.run)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.setWidget(body)

    def focus(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def run(self) -> None:
        self._pause.stop()
        hits = search.search(self.box.text())
        self.results.clear()
        for hit in hits:
            where = f"{hit.body_name}, {short_date(hit.meeting_date)}"
            if hit.plan_id:
                where = f"{hit.body_name}'s plan, {hit.minute_number}"
            if hit.update_id:
                where = f"{hit.body_name}'s update, {hit.minute_number}"
            elsewhere = hit.plan_id or hit.update_id
            number = f"{hit.minute_number} " if hit.minute_number and not elsewhere else ""
            lock = "  [confidential]" if hit.confidential else ""
            row = QListWidgetItem(f"{number}{hit.title} — {where}{lock}\n{hit.snippet}")
            row.setData(
                Qt.ItemDataRole.UserRole, (hit.meeting_id, hit.item_id, hit.plan_id, hit.update_id)
            )
            self.results.addItem(row)
        text = self.box.text().strip()
        self.summary.setText("" if not text else f"{len(hits)} matches" if hits else "No matches.")

    def _open(self, row: QListWidgetItem) -> None:
        meeting_id, item_id, plan_id, update_id = row.data(Qt.ItemDataRole.UserRole)
        if plan_id:
            self.open_plan.emit(plan_id)
        elif update_id:
            self.open_update.emit(update_id)
        else:
            self.open_item.emit(meeting_id, item_id or "")
