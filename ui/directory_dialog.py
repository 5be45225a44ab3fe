"""A list of records (people, organisations) with a filter and add / edit / delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon


class DirectoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        changes: Changes,
        *,
        load: Callable[[], list[tuple[str, str]]],
        add: Callable[[], None],
        edit: Callable[[str], None],
        remove: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 560)
        self._load, self._add, self._edit, self._remove = load, add, edit, remove
        self.filter = QLineEdit()
        self.filter.setAccessibleName(f"Filter the {title.lower()}")
        self.filter.setPlaceholderText("Type to filter…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.itemActivated.connect(lambda _: self.edit_selected())  # Enter or a double click
        self.add_button = QPushButton(icon("add"), "Add…")
        self.edit_button = QPushButton(icon("edit"), "Edit…")
        self.remove_button = QPushButton(icon("remove"), "Delete")
        self.add_button.clicked.connect(self._guard(lambda: self._add()))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self._guard(self._remove_selected))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            # No default button: Enter in the list edits the one chosen, and nothing else.
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        changes.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        for label, row_id in self._load():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            self.list.addItem(item)
            if row_id == selected:
                self.list.setCurrentItem(item)
        self._apply_filter(self.filter.text())

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit_selected(self) -> None:
        row_id = self.selected_id()
        if row_id:
            self._guard(lambda: self._edit(row_id))()

    def _remove_selected(self) -> None:
        row_id = self.selected_id()
        if row_id:
            self._remove(row_id)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _guard(self, fn: Callable[[], None]) -> Callable[[], None]:
        def run():
            try:
                fn()
            except ValidationError as error:
                show_error(self, error)

        return run
