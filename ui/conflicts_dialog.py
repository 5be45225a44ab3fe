"""Conflicts…: what two people changed at the same time. For the one chosen, both texts
side by side with who, on which machine and when; the clerk keeps one or writes a merged
text. Each choice is an ordinary edit: Ctrl+Z opens the conflict again."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.sync.clashes import Clash
from desktop_app.sync.conflicts import ConflictView, Side, open_conflicts
from desktop_app.sync.frozen import CREATED
from desktop_app.sync.run import remember_clashes
from ui.commands.conflicts import resolve
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.sharing_words import when

EMPTY = (
    "<p><b>No conflicts are open.</b></p>"
    "<p>When two people change the same text at the same time on their own laptops, the "
    "sync keeps both: the record shows one, and the other waits here for you to choose.</p>"
)
ID_ROLE = Qt.ItemDataRole.UserRole
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CLASH_ADVICE = (
    "Sync kept both, as it never renumbers or drops what anyone made. Change one of them "
    "in the window (rename, move or renumber it) and this clash is gone."
)
FROZEN_ADVICE = (
    "It came from another laptop after these minutes were approved, so it was not "
    "applied: approved minutes change only by a resolution at the approving meeting. "
    "Keep mine dismisses it."
)


class ConflictsDialog(QDialog):
    """Not modal: the clerk can look at the record in the window beside it. Besides the
    conflicts it lists the clashes (rules a merge broke), which are resolved in the window."""

    reloaded = Signal()  # the clashes were found again: the status bar's count may change

    def __init__(self, *, stack: QUndoStack, changes: Changes, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self.conflicts: list[ConflictView] = []
        self.clashes: list[Clash] = []
        self.setWindowTitle("Conflicts")
        self.resize(900, 640)

        self.list = QTreeWidget()
        self.list.setObjectName("conflicts")
        self.list.setAccessibleName("Open conflicts")
        self.list.setHeaderLabels(["Record", "Field"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.setMaximumHeight(120)
        self.list.currentItemChanged.connect(lambda *_: self._follow())

        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.mine, self.mine_who, self.mine_text = self._side(
            "Mine: what this copy's record shows", "Keep &mine", "mine"
        )
        self.theirs, self.theirs_who, self.theirs_text = self._side(
            "Theirs: the other text, kept aside", "Keep &theirs", "theirs"
        )
        self.keep_mine = self.mine.findChild(QPushButton)
        self.keep_theirs = self.theirs.findChild(QPushButton)

        self.merged = QPlainTextEdit()
        self.merged.setObjectName("merged")
        self.merged.setAccessibleName("Merged text")
        self.merged.setTabChangesFocus(True)  # Tab reaches the button, as in a form
        self.merged.setMaximumHeight(110)
        self.use_merged = QPushButton(icon("edit"), "&Use merged text")
        self.use_merged.setAutoDefault(False)
        self.use_merged.clicked.connect(self.use_merged_text)
        merged_label = QLabel("Or write one te&xt from both:")
        merged_label.setBuddy(self.merged)
        merged_row = QVBoxLayout()
        merged_row.addWidget(self.merged, 1)
        merged_row.addWidget(self.use_merged, 0, Qt.AlignmentFlag.AlignLeft)

        self.choices = QWidget()  # hidden for a clash: there is nothing to choose here
        sides = QGridLayout(self.choices)
        sides.setContentsMargins(0, 0, 0, 0)
        sides.addWidget(self.mine, 0, 0)
        sides.addWidget(self.theirs, 0, 1)
        sides.addWidget(merged_label, 1, 0, 1, 2)
        sides.addLayout(merged_row, 2, 0, 1, 2)
        sides.setRowStretch(0, 1)

        chosen = QWidget()
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.setContentsMargins(0, 0, 0, 0)
        chosen_layout.addWidget(self.list)
        chosen_layout.addWidget(self.question)
        chosen_layout.addWidget(self.choices, 1)
        chosen_layout.addStretch(0)
        self.empty = QLabel(EMPTY)
        self.empty.setObjectName("noConflicts")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(40)
        self.pages = QStackedWidget()
        self.pages.addWidget(chosen)
        self.pages.addWidget(self.empty)

        # Ctrl+Z here too: the dialog is a window of its own, where the main window's keys
        # do not reach.
        for made, keys in (
            (stack.createUndoAction(self, "&Undo"), [QKeySequence.StandardKey.Undo]),
            (stack.createRedoAction(self, "&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"]),
        ):
            made.setShortcuts([QKeySequence(k) for k in keys])
            self.addAction(made)
        self.hint = QLabel("Each choice goes out with the next sync; Ctrl+Z takes it back.")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        close = QPushButton("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        # Closed, it is only hidden: it reads the conflicts again when shown, not at each edit.
        changes.changed.connect(lambda: self.reload() if self.isVisible() else None)
        self.reload()

    def reload(self) -> None:
        """The open conflicts and clashes again, keeping the one chosen if still open."""
        chosen = self.list.currentItem().data(0, ID_ROLE) if self.list.currentItem() else None
        self.conflicts = open_conflicts()
        self.clashes = remember_clashes()  # a clash the clerk has just put right is gone
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.conflicts:
            row = QTreeWidgetItem([_record(conflict), _field(conflict)])
            row.setData(0, ID_ROLE, conflict.id)
            self.list.addTopLevelItem(row)
        for clash in self.clashes:
            row = QTreeWidgetItem([clash.message, "Clash"])
            row.setToolTip(0, clash.message)
            row.setData(0, ID_ROLE, clash.id)
            self.list.addTopLevelItem(row)
        self.list.blockSignals(False)
        ids = [c.id for c in self.conflicts] + [c.id for c in self.clashes]
        self.pages.setCurrentWidget(self.list.parentWidget() if ids else self.empty)
        if ids:
            row = ids.index(chosen) if chosen in ids else 0
            self.list.setCurrentItem(self.list.topLevelItem(row))
            self.list.setFocus()
        self._follow()
        self.reloaded.emit()

    def selected(self) -> ConflictView | None:
        """The conflict chosen (None for a clash, or nothing chosen)."""
        item = self.list.currentItem()
        wanted = item.data(0, ID_ROLE) if item is not None else None
        return next((c for c in self.conflicts if c.id == wanted), None)

    def selected_clash(self) -> Clash | None:
        item = self.list.currentItem()
        wanted = item.data(0, ID_ROLE) if item is not None else None
        return next((c for c in self.clashes if c.id == wanted), None)

    def keep(self, side: str) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        done = "Dismissed the change" if conflict.kind == "frozen" else f"Kept {side}"
        self._resolve(conflict, done, keep=side)

    def use_merged_text(self) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        self._resolve(conflict, "Used the merged text", text=self.merged.toPlainText())

    def _resolve(self, conflict: ConflictView, done: str, **choice) -> None:
        try:
            resolve(self._stack, self._changes, conflict, **choice)
        except ValidationError as error:
            show_error(self, error)  # the merged text stays as typed
            return
        self.hint.setText(
            f"{done} for the {_field(conflict).lower()} of the {_record(conflict, lower=True)}; "
            "it goes out with the next sync. Ctrl+Z opens the conflict again."
        )

    def _follow(self) -> None:
        conflict, clash = self.selected(), self.selected_clash()
        self.choices.setVisible(clash is None)
        if clash is not None:
            self.question.setText(f"{clash.message}\n\n{CLASH_ADVICE}")
            return
        for widget in (self.keep_mine, self.keep_theirs):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            self.question.clear()
            for who, text in ((self.mine_who, self.mine_text), (self.theirs_who, self.theirs_text)):
                who.clear()
                text.clear()
            self.merged.clear()
            self.use_merged.setEnabled(False)
            return
        self.question.setText(_question(conflict))
        frozen = conflict.kind == "frozen"
        self.mine_who.setText("As approved." if frozen else _who(conflict.mine))
        self.mine_text.setPlainText(_shown(conflict, conflict.mine))
        self.theirs_who.setText(_who(conflict.theirs))
        self.theirs_text.setPlainText(_shown(conflict, conflict.theirs))
        self.keep_theirs.setEnabled(not frozen)
        mergeable = _mergeable(conflict)
        self.merged.setEnabled(mergeable)
        self.use_merged.setEnabled(mergeable)
        self.merged.setPlainText(_shown(conflict, conflict.mine) if mergeable else "")

    def _side(self, title: str, button_text: str, side: str):
        box = QGroupBox(title)
        who = QLabel()
        who.setObjectName(f"{side}Who")
        who.setWordWrap(True)
        text = QPlainTextEdit()
        text.setObjectName(f"{side}Text")
        text.setAccessibleName(title)
        text.setReadOnly(True)
        text.setTabChangesFocus(True)
        button = QPushButton(button_text)
        button.setObjectName(f"keep{side.capitalize()}")
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.keep(side))
        layout = QVBoxLayout(box)
        layout.addWidget(who)
        layout.addWidget(text, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box, who, text


def _record(conflict: ConflictView, *, lower: bool = False) -> str:
    """ "Agenda item “Budget”" for the sync's "AgendaItem “Budget”": its kind in words."""
    kind, space, rest = conflict.record.partition(" ")
    words = CAMEL.sub(" ", kind).lower()
    return (words if lower else words.capitalize()) + space + rest


def _question(conflict: ConflictView) -> str:
    what, record = _field(conflict).lower(), _record(conflict, lower=True)
    if conflict.kind == "frozen":
        return f"A change to the {what} of the {record}. {FROZEN_ADVICE}"
    if conflict.kind == "deleted":
        return (
            f"The {record} was deleted on one laptop while it was being changed on another. "
            "Keep it deleted, or keep it with the changes."
        )
    return (
        f"Two people changed the {what} of the {record} at the same time. The record shows "
        "yours until you choose."
    )


def _field(conflict: ConflictView) -> str:
    if conflict.kind == "deleted":
        return "Deletion"
    if conflict.kind == "frozen" and conflict.field == CREATED:
        return "Addition"
    return conflict.field.replace("_", " ").capitalize()


def _who(side: Side) -> str:
    """ "Ann on PARISH-LAPTOP, 12:04"; a value older than the journal has no author."""
    if not (side.actor or side.machine):
        return "Who wrote it is not known."
    machine = f" on {side.machine}" if side.machine else ""
    moment = f", {when(side.at)}" if side.at else ""
    return f"{side.actor or 'Someone'}{machine}{moment}"


def _shown(conflict: ConflictView, side: Side) -> str:
    if conflict.kind == "deleted":
        return "Deleted." if side.value else "Kept, with the changes made to it."
    if isinstance(side.value, dict):  # a whole row added after the minutes were approved
        return "\n".join(
            f"{name.replace('_', ' ').capitalize()}: {_shown_value(value)}"
            for name, value in sorted(side.value.items())
            if value not in (None, "", [], False) and not UUID.fullmatch(str(value))
        )
    return _shown_value(side.value)


def _shown_value(value) -> str:
    if isinstance(value, list):
        return "\n".join(str(entry) for entry in value)
    return "" if value is None else str(value)


def _mergeable(conflict: ConflictView) -> bool:
    """A merged text is for a text field; a list or a deletion is one side or the other."""
    values = (conflict.mine.value, conflict.theirs.value)
    return conflict.kind == "edit" and all(v is None or isinstance(v, str) for v in values)
