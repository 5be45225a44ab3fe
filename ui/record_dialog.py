"""A small form dialog for one record: fields are declared, values come back as a dict,
and a refused submit keeps the dialog open with everything the user typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from ui.errors import show_error

Options = list[tuple[str, Any]]  # (what the user sees, the value the service takes)


class RecordDialog(QDialog):
    def __init__(self, title: str, submit: Callable[[dict], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._submit = submit
        self._readers: dict[str, Callable[[], Any]] = {}
        self.widgets: dict[str, QWidget] = {}
        self.form = QFormLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def add_line(self, name: str, label: str, value: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(value or "")
        edit.setPlaceholderText(placeholder)
        self._add(name, label, edit, lambda: edit.text())
        return edit

    def add_choice(self, name: str, label: str, options: Options, current: Any = None) -> QComboBox:
        combo = QComboBox()
        for text, value in options:
            combo.addItem(text, value)
        index = next((i for i, (_, v) in enumerate(options) if v == current), 0)
        combo.setCurrentIndex(index)
        self._add(name, label, combo, lambda: _chosen(combo))
        return combo

    def add_check(self, name: str, label: str, value: bool) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(bool(value))
        self._add(name, label, box, lambda: box.isChecked())
        return box

    def add_person(self, name: str, label: str, people: Options) -> QComboBox:
        """A list of people to type into: nobody is chosen until the user does."""
        combo = self.add_choice(name, label, people)
        combo.setEditable(True)  # type a few letters to find someone
        combo.setCurrentIndex(-1)  # choosing the wrong person by default is too easy
        combo.lineEdit().setPlaceholderText("Type a name or choose…")
        return combo

    def values(self) -> dict[str, Any]:
        return {name: read() for name, read in self._readers.items()}

    def accept(self) -> None:
        try:
            self._submit(self.values())
        except ValidationError as error:
            show_error(self, error)
            return  # stay open: nothing the user typed is lost
        super().accept()

    def _add(self, name: str, label: str, widget: QWidget, read: Callable[[], Any]) -> None:
        widget.setObjectName(name)
        self.widgets[name] = widget
        self._readers[name] = read
        self.form.addRow(label, widget)


def _chosen(combo: QComboBox) -> Any:
    # In an editable list the typed text counts once it names an entry, Enter or not.
    if combo.isEditable():
        return combo.itemData(combo.findText(combo.currentText().strip()))
    return combo.currentData()


def choices(words: tuple[str, ...]) -> Options:
    """Options from a vocabulary tuple, shown with a capital letter."""
    return [(word.capitalize() if word else "(not set)", word) for word in words]
