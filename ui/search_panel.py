"""Search across all minutes, resolutions, actions, item titles and attached reports; each
hit shows where it is and a snippet, and opens the meeting at the item. The first page is
the best of the newest matches, shown as the user pauses in typing; More matches adds the
next page, the rest of those and then older ones (services/search.search_page)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dates import long_date, short_date
from desktop_app.services import search

TYPING_PAUSE_MS = 250
PAGE = 50  # matches a page adds to the list


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
        self.summary.setWordWrap(True)
        self.more = QPushButton("More matches")
        self.more.setObjectName("searchMore")
        self.more.setToolTip("The next matches: the rest of these, then older meetings")
        self.more.clicked.connect(self.show_more)
        self.more.hide()
        self._text, self._next = "", None
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _: self._pause.start())
        self.box.returnPressed.connect(self.run)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more)
        self.setWidget(body)

    def focus(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def run(self) -> None:
        """The first page of matches for what the box holds."""
        self._pause.stop()
        self._text = self.box.text()
        self.results.clear()
        self._show(search.search_page(self._text, limit=PAGE))

    def show_more(self) -> None:
        """The next page of the same search, below the matches shown."""
        if self._next is not None:
            row = self.results.count()
            self._show(search.search_page(self._text, limit=PAGE, cursor=self._next))
            if row < self.results.count():
                self.results.setCurrentRow(row)
                self.results.setFocus()

    def _show(self, page: search.Page) -> None:
        for hit in page.hits:
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
        self._next = page.more
        self.more.setVisible(page.more is not None)
        shown = self.results.count()
        if not self._text.strip():
            self.summary.setText("")
        elif not shown:
            self.summary.setText("No matches.")
        elif page.more is not None and page.since is not None:
            self.summary.setText(
                f"{shown} matches, the closest first among meetings since "
                f"{long_date(page.since)}. More matches goes on to the rest."
            )
        else:
            self.summary.setText(f"{shown} matches")

    def _open(self, row: QListWidgetItem) -> None:
        meeting_id, item_id, plan_id, update_id = row.data(Qt.ItemDataRole.UserRole)
        if plan_id:
            self.open_plan.emit(plan_id)
        elif update_id:
            self.open_update.emit(update_id)
        else:
            self.open_item.emit(meeting_id, item_id or "")
