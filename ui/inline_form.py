"""A form whose fields save themselves: each edit is one undoable command, made the
moment the user leaves the field, picks from a list or ticks a box (no Save button)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from desktop_app.errors import ValidationError
from ui.commands.edits import edit_fields
from ui.errors import show_error
from ui.events import Changes

Options = list[tuple[str, Any]]


class InlineForm(QWidget):
    def __init__(
        self,
        stack: QUndoStack,
        changes: Changes,
        *,
        update: Callable[..., Any],
        id_name: str,
        load: Callable[[str], dict],
        what: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self._update, self._id_name, self._load, self._what = update, id_name, load, what
        self.row_id: str | None = None
        self.fields: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self.layout_ = QFormLayout(self)

    def add_line(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda: self._commit(name))
        edit.textEdited.connect(lambda text: self._keep_typing(name, text))
        return self._add(name, label, edit)

    def add_choice(self, name: str, label: str, options: Options) -> QComboBox:
        combo = QComboBox()
        # A long choice (a clerk's name and position) is elided, not made the page's width.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        self.set_options(combo, options)
        combo.activated.connect(lambda _: self._commit(name))
        return self._add(name, label, combo)

    def add_check(self, name: str, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.clicked.connect(lambda _: self._commit(name))
        self.fields[name] = box
        box.setObjectName(name)
        self.layout_.addRow("", box)
        return box

    def add_number(self, name: str, label: str, maximum: int = 999_999) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.editingFinished.connect(lambda: self._commit(name))
        return self._add(name, label, spin)

    @staticmethod
    def set_options(combo: QComboBox, options: Options) -> None:
        combo.blockSignals(True)
        combo.clear()
        for text, value in options:
            combo.addItem(text, value)
        combo.blockSignals(False)

    def show_row(self, row_id: str | None) -> None:
        """Fill the fields from the stored row; a refused field keeps what was typed."""
        if row_id != self.row_id:
            for widget in self.fields.values():
                if isinstance(widget, QLineEdit):
                    widget.setModified(False)
        self.row_id = row_id
        self.setEnabled(row_id is not None)
        values = self._load(row_id) if row_id else {}
        for name, widget in self.fields.items():
            value = values.get(name)
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                if not widget.isModified():
                    widget.setText("" if value is None else str(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            widget.blockSignals(False)

    def commit_pending(self) -> None:
        """Save what is typed and not yet saved: called before any command (pending_typing)."""
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit) and widget.isModified() or widget.hasFocus():
                self._commit(name)

    def value(self, name: str) -> Any:
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        return widget.value()

    def _add(self, name: str, label: str, widget: QWidget) -> Any:
        widget.setObjectName(name)
        self.fields[name] = widget
        self._labels[name] = label
        self.layout_.addRow(label, widget)
        return widget

    def _commit(self, name: str) -> None:
        if self.row_id is None:
            return
        try:
            # Inside the try: the row may have gone since it was shown (another window).
            before = {name: self._load(self.row_id).get(name)}
            edit_fields(
                self._stack,
                self._changes,
                text=f"Change {name.removesuffix('_id').replace('_', ' ')} of {self._what}",
                update=self._update,
                id_name=self._id_name,
                row_id=self.row_id,
                before=before,
                after={name: self.value(name)},
            )
        except ValidationError as error:
            show_error(self, error)  # the field keeps what was typed
            return
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            widget.setModified(False)
            self._changes.typed.emit(None, None)  # saved: nothing left to recover

    def _keep_typing(self, name: str, text: str) -> None:
        if self.row_id is None:
            return
        target = {
            "label": f"{self._labels[name]} of {self._what}",
            "call": f"{self._update.__module__}:{self._update.__name__}",
            "key": {self._id_name: self.row_id},
            "field": name,
        }
        self._changes.typed.emit(target, text)
