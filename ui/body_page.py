"""The page of one body: its settings, edited in place, and its members."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import bodies, memberships
from desktop_app.storage.changes import current
from ui.commands.edits import create_record, delete_record, edit_fields
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.member_dialog import member_dialog
from ui.models.members import MembersModel

TEXT_FIELDS = ("name", "quorum", "venue", "numbering_pattern", "numbering_year_starts")


class BodyPage(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self.body_id: str | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")

        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.fields[name] = edit
        self.fields["quorum"].setPlaceholderText("a number of members (6) or a fraction (1/3)")
        self.fields["numbering_pattern"].setToolTip(
            "{n} is the running number; {yy} the two-digit year, {yy1} the next one: "
            "“{yy}/{n}” gives 24/104, “Cou/{n}/{yy}-{yy1}” gives Cou/285/07-08."
        )
        self.fields["kind"] = self._combo("kind", vocabulary.BODY_KINDS)
        self.fields["numbering_restart"] = self._combo(
            "numbering_restart", vocabulary.NUMBERING_RESTARTS
        )
        self.fields["parent_id"] = parent_combo = QComboBox()
        parent_combo.setObjectName("parent_id")
        parent_combo.activated.connect(lambda _: self._commit("parent_id"))
        spin = QSpinBox()
        spin.setObjectName("numbering_next")
        spin.setRange(1, 999_999)
        spin.editingFinished.connect(lambda: self._commit("numbering_next"))
        self.fields["numbering_next"] = spin
        for name, label in (
            ("name", "Name"),
            ("kind", "Kind"),
            ("parent_id", "Reports to"),
            ("quorum", "Quorum"),
            ("venue", "Usual venue"),
            ("numbering_pattern", "Minute numbers"),
            ("numbering_restart", "Numbering restarts"),
            ("numbering_year_starts", "Municipal year starts (MM-DD)"),
            ("numbering_next", "Next minute number"),
        ):
            form.addRow(label, self.fields[name])
        details = QGroupBox("Details")
        details.setLayout(form)

        self.members = MembersModel(self)
        self.table = QTableView()
        self.table.setObjectName("members")
        self.table.setModel(self.members)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.doubleClicked.connect(lambda _: self.edit_member())
        self.add_button = QPushButton(icon("add"), "Add member…")
        self.edit_button = QPushButton(icon("edit"), "Edit member…")
        self.remove_button = QPushButton(icon("remove"), "Remove member")
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        members_box = QGroupBox("Members")
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.table)
        members_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(details)
        layout.addWidget(members_box, 1)

    def show_body(self, body_id: str) -> None:
        self.body_id = body_id
        self.refresh()

    def refresh(self) -> None:
        if not self.body_id:
            return
        try:
            body = bodies.get_body(self.body_id)
        except ValidationError:  # deleted (or undone) since it was shown
            self.body_id = None
            self.members.load(None)
            return
        self.heading.setText(f"<h2>{_escape(body.name)}</h2>")
        values = current(body, [*bodies.EDITABLE])
        for name in TEXT_FIELDS:
            # A field the user typed into and that was refused keeps its text (isModified).
            if not self.fields[name].isModified():
                self.fields[name].setText(str(values[name] or ""))
        for name in ("kind", "numbering_restart"):
            combo = self.fields[name]
            combo.setCurrentIndex(combo.findData(values[name]))
        parent_combo = self.fields["parent_id"]
        parent_combo.clear()
        parent_combo.addItem("(no parent body)", None)
        for other in bodies.list_bodies():
            if other.id != body.id:
                parent_combo.addItem(other.name, other.id)
        parent_combo.setCurrentIndex(max(0, parent_combo.findData(values["parent_id"])))
        self.fields["numbering_next"].setValue(values["numbering_next"])
        self.members.load(body.id)

    def _combo(self, name: str, words: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for word in words:
            combo.addItem(word.capitalize(), word)
        combo.activated.connect(lambda _: self._commit(name))
        return combo

    def _value(self, name: str):
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QSpinBox):
            return widget.value()
        return widget.currentData()

    def _commit(self, name: str) -> None:
        if not self.body_id:
            return
        body = bodies.get_body(self.body_id)
        before = current(body, [name])
        try:
            edit_fields(
                self._stack,
                self._changes,
                text=f"Change {name.replace('_id', '').replace('_', ' ')} of {body.name}",
                update=bodies.update_body,
                id_name="body_id",
                row_id=body.id,
                before=before,
                after={name: self._value(name)},
            )
        except ValidationError as error:
            show_error(self, error)  # the field keeps what was typed
            return
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            widget.setModified(False)
            widget.setText(str(current(bodies.get_body(self.body_id), [name])[name] or ""))

    def _selected_membership(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members.membership_id(rows[0].row()) if rows else None

    def add_member(self) -> None:
        if not self.body_id:
            return
        body_id = self.body_id

        def submit(values: dict):
            create_record(
                self._stack,
                self._changes,
                text="Add member",
                create=lambda: memberships.add_member(body_id=body_id, **values),
                delete=lambda row_id: memberships.remove_member(membership_id=row_id),
                restore=lambda row_id: memberships.restore_membership(membership_id=row_id),
            )

        member_dialog(self, "Add member", submit).exec()

    def edit_member(self) -> None:
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        row = memberships.get_membership(membership_id)
        before = current(row, memberships.EDITABLE)

        def submit(values: dict):
            values.pop("person_id")
            edit_fields(
                self._stack,
                self._changes,
                text="Edit member",
                update=memberships.update_membership,
                id_name="membership_id",
                row_id=membership_id,
                before=before,
                after=values,
            )

        member_dialog(self, "Edit member", submit, membership=row).exec()

    def remove_member(self) -> None:
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        delete_record(
            self._stack,
            self._changes,
            text="Remove member",
            row_id=membership_id,
            delete=lambda row_id: memberships.remove_member(membership_id=row_id),
            restore=lambda row_id: memberships.restore_membership(membership_id=row_id),
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
