"""The page of one body: its settings, edited in place, and its members; on the Plans tab
its strategy plans (ui/plan_editor.py), and on the Updates tab its quarterly updates to its
board (ui/update_editor.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies, member_list, memberships, people
from desktop_app.services.session import stored_values
from ui.commands import kinds
from ui.commands.desk import Desk
from ui.commands.edits import delete_record, edit_fields
from ui.commands.service_call import perform
from ui.events import Changes
from ui.icons import icon
from ui.inline_form import InlineForm
from ui.member_dialog import member_dialog
from ui.models.members import MembersModel
from ui.record_dialog import ANOTHER, RecordDialog, choices
from ui.template_dialog import template_dialog


class BodyPage(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self._desk = Desk(self, stack, changes)
        self.body_id: str | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)  # a long name wraps rather than widening the page

        self.form = InlineForm(
            stack,
            changes,
            update=bodies.update_body,
            id_name="body_id",
            load=lambda body_id: stored_values(bodies.get_body(body_id), bodies.EDITABLE),
            what="the body",
        )
        form = self.form
        form.add_line("name", "Name")
        form.add_choice("kind", "Kind", choices(vocabulary.BODY_KINDS))
        form.add_choice("parent_id", "Reports to", [])
        form.add_line("quorum", "Quorum", "a number of members (6) or a fraction (1/3)")
        form.add_line("venue", "Usual venue")
        form.add_choice("clerk_id", "Clerk", []).setToolTip(
            "The clerk's name, position, email and phone go on the front of every agenda."
        )
        form.add_line("numbering_pattern", "Minute numbers").setToolTip(
            "{n} is the running number; {yy} the two-digit year, {yy1} the next one: "
            "“{yy}/{n}” gives 24/104, “Cou/{n}/{yy}-{yy1}” gives Cou/285/07-08."
        )
        form.add_choice(
            "numbering_restart", "Numbering restarts", choices(vocabulary.NUMBERING_RESTARTS)
        )
        form.add_line("numbering_year_starts", "Municipal year starts (MM-DD)")
        form.add_number("numbering_next", "Next minute number").setMinimum(1)
        form.add_choice(
            "sub_numbering", "Sub-items", [("35.1, 35.2", "decimal"), ("35(a), 35(b)", "letter")]
        )
        self.fields = form.fields
        self.template_button = QPushButton(icon("template"), "Agenda template…")
        self.template_button.clicked.connect(self.edit_template)
        details = QGroupBox("Details")
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(form)
        details_layout.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.report_template_button = QPushButton(icon("paper"), "Report template…")
        self.report_template_button.setObjectName("reportTemplate")
        self.report_template_button.clicked.connect(self.edit_report_template)
        details_layout.addWidget(self.report_template_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.members = MembersModel(self)
        self.table = QTableView()
        self.table.setObjectName("members")
        self.table.setAccessibleName("Members")
        self.table.setModel(self.members)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.activated.connect(lambda _: self.edit_member())  # Enter or a double click
        self.add_button = QPushButton(icon("add"), "Add member…")
        # A new council's members, pasted from an e-mail: one a line, a role after a comma.
        self.list_button = QPushButton(icon("people"), "Add from a list…")
        self.list_button.setObjectName("addMemberList")
        self.list_button.setToolTip(
            "Paste or type the members, one a line: “Cllr Asha Patel, chair”"
        )
        self.edit_button = QPushButton(icon("edit"), "Edit member…")
        self.remove_button = QPushButton(icon("remove"), "Remove member")
        self.add_button.clicked.connect(self.add_member)
        self.list_button.clicked.connect(self.add_member_list)
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.list_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        members_box = QGroupBox("Members")
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.table)
        members_layout.addLayout(buttons)

        body_tab = QWidget()
        body_layout = QVBoxLayout(body_tab)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(details)
        body_layout.addWidget(members_box, 1)
        from ui.plan_editor import PlanEditor

        self.plans = PlanEditor(stack, changes)
        from ui.update_editor import UpdateEditor

        self.updates = UpdateEditor(stack, changes)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bodyTabs")
        self.tabs.addTab(body_tab, icon("body"), "&Details and members")
        self.tabs.addTab(self.plans, icon("documents"), "Pla&ns")
        self.tabs.addTab(self.updates, icon("status"), "&Updates")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def show_body(self, body_id: str) -> None:
        self.body_id = body_id
        self.refresh()
        self.plans.show_body(self.body_id)
        self.updates.show_body(self.body_id)

    def show_updates(self, update_id: str | None = None) -> None:
        """The Updates tab, at that update when given."""
        self.tabs.setCurrentWidget(self.updates)
        if update_id:
            self.updates.choose_update(update_id)

    def show_plans(self, plan_id: str | None = None) -> None:
        """The Plans tab, at that plan when given."""
        self.tabs.setCurrentWidget(self.plans)
        if plan_id:
            self.plans.choose_plan(plan_id)

    def refresh(self) -> None:
        if not self.body_id:
            return
        try:
            body = bodies.get_body(self.body_id)
        except ValidationError:  # deleted (or undone) since it was shown
            self.body_id = None
            self.form.show_row(None)  # nothing left to save a field to
            self.members.load(None)
            self.plans.show_body(None)
            self.updates.show_body(None)
            return
        self.heading.setText(f"<h2>{_escape(body.name)}</h2>")
        parents = [("(no parent body)", None)] + [
            (other.name, other.id) for other in bodies.list_bodies() if other.id != body.id
        ]
        InlineForm.set_options(self.fields["parent_id"], parents)
        candidates = people.list_people()
        clerk_id = body.__data__.get("clerk")
        if clerk_id and clerk_id not in {person.id for person in candidates}:
            # Archived since being made clerk: still shown, so the choice reads true.
            candidates += [p for p in people.list_people(include_archived=True) if p.id == clerk_id]
        clerks = [("(no clerk)", None)] + [(_person_line(p), p.id) for p in candidates]
        InlineForm.set_options(self.fields["clerk_id"], clerks)
        self.form.show_row(body.id)
        self.members.load(body.id)

    def _selected_membership(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members.membership_id(rows[0].row()) if rows else None

    def edit_template(self) -> None:
        if self.body_id:
            template_dialog(self, self._stack, self._changes, self.body_id).exec()

    def edit_report_template(self) -> None:
        if self.body_id:
            from ui.report_template_dialog import ReportTemplateDialog

            ReportTemplateDialog(self, self._stack, self._changes, self.body_id).exec()

    def add_member(self) -> None:
        if not self.body_id:
            return
        body_id = self.body_id

        submit = self._desk.for_person(
            "Add member",
            lambda **values: memberships.add_member(body_id=body_id, **values),
            kinds.MEMBERSHIP,
        )

        while True:  # a council's members, one after another (Ctrl+Enter)
            dialog = member_dialog(self, "Add member", submit)
            dialog.offer_another("Add, then another")
            if dialog.exec() != ANOTHER:
                break

    def add_member_list(self) -> None:
        if not self.body_id:
            return
        body_id = self.body_id

        def submit(values: dict):
            listed = member_list.read_member_list(values["names"])  # a wrong line: refused
            made: list[member_list.Added] = []

            def apply():
                if made:  # redo: the same people and memberships back
                    for person_id in made[0].new_person_ids:
                        kinds.PERSON.restore(person_id)
                    for membership_id in made[0].membership_ids:
                        kinds.MEMBERSHIP.restore(membership_id)
                    return
                made.append(member_list.add_listed_members(body_id=body_id, members=listed))

            def revert():
                for membership_id in made[0].membership_ids:
                    kinds.MEMBERSHIP.delete(membership_id)
                for person_id in made[0].new_person_ids:
                    kinds.PERSON.delete(person_id)

            perform(self._stack, self._changes, f"Add {len(listed)} members", apply, revert)

        dialog = RecordDialog("Add members from a list", submit, self)
        names = dialog.add_text(
            "names", "Members", placeholder="Cllr Asha Patel, chair\nCllr Tom Okafor\n…"
        )
        names.setMaximumHeight(16777215)
        names.setMinimumHeight(160)
        dialog.form.addRow(
            "",
            QLabel(
                "One a line, a role after a comma (chair, vice-chair…), else member.\n"
                "Ctrl+Enter adds them."
            ),
        )
        dialog.accept_on_ctrl_enter(names)
        dialog.exec()

    def edit_member(self) -> None:
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        row = memberships.get_membership(membership_id)
        before = stored_values(row, memberships.EDITABLE)

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
            kind=kinds.MEMBERSHIP,
        )


def _person_line(person) -> str:
    """“Ruth Clerk, Democratic Services Officer”: enough to tell two namesakes apart."""
    name = people.display_name(person)
    return f"{name}, {person.position}" if person.position else name


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
