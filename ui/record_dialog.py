"""A small form dialog for one record: fields are declared, values come back as a dict,
and a refused submit keeps the dialog open with everything the user typed.

It is filled from the keyboard: it opens in the first field, Tab goes through the fields
in the order shown and then OK and Cancel, and Enter is OK."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.directory.people import split_title
from ui.date_field import DateEdit, TimeEdit
from ui.errors import show_error

Options = list[tuple[str, Any]]  # (what the user sees, the value the service takes)


# What exec() returns when the user asked for another dialog of the same kind.
ANOTHER = 2


class StayOpen(Exception):
    """Raised by a submit when the user answered no to a question it asked: the dialog stays
    open with what was typed, and nothing more is said."""


class RecordDialog(QDialog):
    def __init__(self, title: str, submit: Callable[[dict], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._submit = submit
        self._readers: dict[str, Callable[[], Any]] = {}
        self.widgets: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def offer_another(self, text: str) -> QPushButton:
        """A second way to OK (Ctrl+Enter) that asks for a fresh dialog straight after, as
        when a clerk adds a council's members one after another: exec() returns ANOTHER."""
        button = self.buttons.addButton(
            f"{text} (Ctrl+Enter)", QDialogButtonBox.ButtonRole.ActionRole
        )
        button.clicked.connect(self._accept_then_another)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._accept_then_another)
        return button

    def accept_on_ctrl_enter(self, edit: QPlainTextEdit) -> None:
        """Ctrl+Enter in `edit`, whose Enter starts a new line, is OK."""
        edit.installEventFilter(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip("Ctrl+Enter")

    def eventFilter(self, watched, event) -> bool:
        # The text field would take Ctrl+Enter as a new line before any shortcut saw it.
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def _accept_then_another(self) -> None:
        if self._submitted():
            self.done(ANOTHER)

    def add_line(
        self, name: str, label: str, value: str = "", placeholder: str = "", lead_in: str = ""
    ) -> QLineEdit:
        """A line of text. `lead_in` is the start of what is typed there (a resolution's
        “That ”): the cursor waits after it instead of selecting it to be typed over."""
        edit = LeadInEdit(lead_in) if lead_in else QLineEdit()
        edit.setText(value or "")
        edit.setPlaceholderText(placeholder)
        self._add(name, label, edit, lambda: edit.text())
        return edit

    def add_date(
        self, name: str, label: str, value: dt.date | None = None, hint: str = ""
    ) -> DateEdit:
        """A date typed as clerks write them, or picked from a calendar (ui/date_field.py)."""
        edit = DateEdit(value, hint)
        self._add(name, label, edit, edit.value)
        return edit

    def add_time(self, name: str, label: str, value: str = "", hint: str = "") -> TimeEdit:
        edit = TimeEdit(value, hint)
        self._add(name, label, edit, edit.value)
        return edit

    def add_choice(self, name: str, label: str, options: Options, current: Any = None) -> QComboBox:
        combo = QComboBox()
        for text, value in options:
            combo.addItem(text, value)
        index = next((i for i, (_, v) in enumerate(options) if v == current), 0)
        combo.setCurrentIndex(index)
        self._add(name, label, combo, lambda: _chosen(combo))
        return combo

    def add_text(
        self, name: str, label: str, value: str = "", placeholder: str = ""
    ) -> QPlainTextEdit:
        """Several lines (a point a line); Tab leaves it for the next field, as elsewhere."""
        edit = QPlainTextEdit(value or "")
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(110)
        self._add(name, label, edit, lambda: edit.toPlainText())
        return edit

    def add_check(self, name: str, label: str, value: bool) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(bool(value))
        self._add(name, label, box, lambda: box.isChecked())
        return box

    def add_person(
        self, name: str, label: str, people: Options, *, offer_new: bool = False
    ) -> QComboBox:
        """A list of people to type into: nobody is chosen until the user does. With
        `offer_new`, a name that is no one's yet is offered as a new person on OK, and the
        values hold it as "new_person" (None when someone on the list was chosen)."""
        combo = self.add_choice(name, label, people)
        combo.setEditable(True)  # type a few letters to find someone
        # A name typed that is no one's stays typed, not added to the list as if it were.
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setCurrentIndex(-1)  # choosing the wrong person by default is too easy
        combo.lineEdit().setPlaceholderText("Type a name or choose…")
        if offer_new:
            self._readers["new_person"] = lambda: _new_person(combo)
            # Said before Enter, so a name typed new needs no question (and a typo shows).
            hint = QLabel()
            hint.setObjectName(f"{name}_new")
            hint.setStyleSheet("color: #555;")
            combo.editTextChanged.connect(lambda _: hint.setText(_new_hint(combo)))
            self.form.addRow("", hint)
        return combo

    def typed(self, name: str) -> str:
        """The text typed in a list one can type into, whether or not it names an entry."""
        return self.widgets[name].currentText().strip()

    def values(self) -> dict[str, Any]:
        return {name: read() for name, read in self._readers.items()}

    def accept(self) -> None:
        if self._submitted():
            super().accept()

    def _submitted(self) -> bool:
        """Whether the values were taken; if not the dialog stays open with all typed."""
        try:
            self._submit(self.values())
        except ValidationError as error:
            show_error(self, error)
            return False
        except StayOpen:
            return False
        return True

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            # The buttons were made before the fields, so Qt's order would start on OK.
            chain = [*self.widgets.values(), *self.buttons.buttons()]
            for before, after in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(before, after)
            first = next((w for w in self.widgets.values() if w.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
        super().setVisible(visible)

    def _add(self, name: str, label: str, widget: QWidget, read: Callable[[], Any]) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(label)
        self.widgets[name] = widget
        self._readers[name] = read
        self.form.addRow(label, widget)


def _new_person(combo: QComboBox) -> str | None:
    """The name typed in a list of people when it is no one's yet, to add as a new person;
    None when someone on the list was chosen or nothing typed. A name close to someone's
    ("Jon Bumpas" for "CI Jon Bumpus") is asked about first; saying no keeps the dialog
    open as it is (StayOpen)."""
    # The combo, not the dialog, is held here: a dialog holding a function that holds the
    # dialog is freed only by Python's cycle collector, at any moment, mid-event.
    typed = combo.currentText().strip()
    if not typed or _matches(combo):
        return None
    near = _near_names(combo)
    if not near:
        return typed
    answer = QMessageBox.question(
        combo.window(),
        "New person",
        f"{typed} is not in the list of people, but {near[0]} is. Add {typed} as a new person?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        raise StayOpen
    return typed


def _new_hint(combo: QComboBox) -> str:
    typed = combo.currentText().strip()
    if not typed or _matches(combo):
        return ""
    return f"{typed} is not in People yet: OK adds them as a new person."


def _near_names(combo: QComboBox) -> list[str]:
    """Entries the typed name may be a slip for, ignoring case and titles."""
    names = {
        split_title(combo.itemText(i))[1].casefold(): combo.itemText(i)
        for i in range(combo.count())
    }
    typed = split_title(combo.currentText())[1].casefold()
    close = difflib.get_close_matches(typed, names, n=1, cutoff=0.85)
    return [names[name] for name in close]


def _chosen(combo: QComboBox) -> Any:
    # In an editable list the typed text counts once it names an entry, Enter or not, in
    # any case, and with or without the titles the entry starts with ("Paulina Stockell"
    # is "Cllr Mrs Paulina Stockell" when she is the only one of that name).
    if not combo.isEditable():
        return combo.currentData()
    found = _matches(combo)
    return found[0] if len(found) == 1 else None


def _matches(combo: QComboBox) -> list[Any]:
    typed = " ".join(combo.currentText().split()).casefold()
    if not typed:
        return []
    entries = [(combo.itemText(i).casefold(), combo.itemData(i)) for i in range(combo.count())]
    exact = [value for text, value in entries if text == typed]
    return exact or [value for text, value in entries if text.endswith(f" {typed}")]


def choices(words: tuple[str, ...]) -> Options:
    """Options from a vocabulary tuple, shown with a capital letter."""
    return [(word.capitalize() if word else "(not set)", word) for word in words]


class LeadInEdit(QLineEdit):
    """A line that starts with words the user goes on from; focus never selects them."""

    def __init__(self, lead_in: str):
        super().__init__()
        self._lead_in = lead_in

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.text() == self._lead_in:
            self.deselect()
            self.end(False)
