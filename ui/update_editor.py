"""The Updates tab of a body's page: a delivery group's quarterly updates to its parent board
(seeds 000 and 002). **New quarterly update…** drafts one for a quarter from the record; the
officer edits its title, date, who prepared it, its overall RAG and its sections, each saving
itself; **Attach to board's meeting** puts it on the board's next agenda as an information
item's paper. A board's tab combines its groups' updates for a quarter into one document.
Every step is undoable; a refusal is the service's one sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies, people
from desktop_app.services.updates import attaching, writing
from desktop_app.services.updates.combined import groups_of
from ui.body_tab import BodyTab, refill
from ui.commands.edits import create_record, delete_record, edit_fields
from ui.commands.kinds import QUARTERLY_UPDATE
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes
from ui.inline_form import InlineForm
from ui.record_dialog import RecordDialog
from ui.tasks import run_task
from ui.text_box import TextBox

RAG_CHOICES = [("(not yet rated)", ""), ("Red", "red"), ("Amber", "amber"), ("Green", "green")]
SECTIONS = (
    ("overview", "Overview", "A paragraph a line, numbered when printed"),
    ("delivery", "Delivery group update", "A paragraph a line; “- ” starts a bullet"),
    ("priorities", "Priorities", "The group's priorities, e.g. Worklessness"),
    ("focus", "Focus", "What the group concentrates on"),
    ("activity", "Summary of activity", "A point a line"),
)


class UpdateEditor(BodyTab):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None, *, today=None):
        super().__init__(stack, changes, parent, today=today)
        self.update: writing.UpdateView | None = None

        self.updates = QComboBox()
        self.updates.setObjectName("updates")
        self.updates.setAccessibleName("Quarterly update")
        self.updates.currentIndexChanged.connect(lambda _: self._show_update())
        top = QHBoxLayout()
        top.addWidget(QLabel("&Update:", buddy=self.updates))
        top.addWidget(self.updates, 1)
        steps = QGridLayout()
        for place, (name, text, meaning, tip, slot) in enumerate((
            ("new_update", "&New quarterly update…", "add",
             "Draft the group's update for a quarter from its meetings, plan and actions",
             self.new_update),
            ("attach", "&Attach to board's meeting", "documents",
             "Put the update on the board's next agenda, as an information item's paper",
             self.attach),
            ("print_update", "&Print update", "print", "The update as it prints",
             self.print_update),
            ("combine", "Co&mbine groups' updates…", "documents",
             "Every update the board's groups wrote for a quarter, in one document",
             self.combine),
            ("delete_update", "Delete update", "remove", "Delete the update (undo brings it back)",
             self.delete_update),
        )):  # fmt: skip
            steps.addWidget(self._button(name, text, meaning, tip, slot), place // 3, place % 3)
        self.state = QLabel()
        self.state.setObjectName("updateState")
        self.state.setWordWrap(True)

        self.form = InlineForm(
            stack,
            changes,
            update=writing.edit_update,
            id_name="update_id",
            load=lambda row_id: _shown(writing.get_update(row_id).values),
            what="the update",
        )
        self.form.add_line("title", "Title", "Quarter 2 update: Regeneration")
        self.form.add_line("date", "Date", "The day it is dated")
        self.form.add_choice("prepared_by_id", "Prepared by", [])
        self.form.add_choice("rag", "Overall RA&G", RAG_CHOICES)
        for name, label in (
            ("title", "Title of the update"),
            ("date", "Date of the update"),
            ("prepared_by_id", "Officer who prepared the update"),
            ("rag", "Overall RAG status"),
        ):
            self.form.fields[name].setAccessibleName(label)
        self.boxes: dict[str, TextBox] = {}
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.form)
        for name, label, hint in SECTIONS:
            heading = QLabel(f"<b>{label}</b>")
            box = TextBox(hint)
            box.setObjectName(name)
            box.setAccessibleName(label)
            box.setMinimumHeight(48 if name in ("priorities", "focus") else 96)
            box.committed.connect(lambda text, n=name, t=label: self._save_text(n, t, text))
            heading.setBuddy(box)
            self.boxes[name] = box
            editor_layout.addWidget(heading)
            editor_layout.addWidget(box)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.state)
        page_layout.addWidget(self.editor)
        page_layout.addStretch()
        scroll = QScrollArea()
        scroll.setAccessibleName("The update's sections")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(steps)
        layout.addWidget(scroll, 1)
        changes.changed.connect(self.refresh)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        found = writing.updates_of_body(self.body_id) if self.body_id else []
        refill(self.updates, [(f"{view.label} — {view.title}", view.id) for view in found])
        officers = [("(no one named)", None)]
        officers += [(people.display_name(p), p.id) for p in people.list_people()]
        InlineForm.set_options(self.form.fields["prepared_by_id"], officers)
        self._show_update()

    def choose_update(self, update_id: str) -> None:
        index = self.updates.findData(update_id)
        if index >= 0:
            self.updates.setCurrentIndex(index)

    def _show_update(self) -> None:
        update_id = self.updates.currentData()
        try:
            self.update = writing.get_update(update_id) if update_id else None
        except ValidationError:  # deleted since the list was made
            self.update = None
        body = self._body()
        reports = bool(body and body.__data__.get("parent"))
        has_groups = bool(body and groups_of(body.id))
        self.buttons["new_update"].setEnabled(reports)
        self.buttons["combine"].setVisible(has_groups)
        for name in ("attach", "print_update", "delete_update"):
            self.buttons[name].setEnabled(self.update is not None)
        self.state.setText(_state_text(body, self.update, reports, has_groups))
        self.editor.setVisible(self.update is not None)
        self.form.show_row(self.update.id if self.update else None)
        if self.update is not None:
            self.buttons["attach"].setEnabled(self.update.item_id is None)
            for name, box in self.boxes.items():
                box.set_text(self.update.values[name])

    def _body(self):
        if not self.body_id:
            return None
        try:
            return bodies.get_body(self.body_id)
        except ValidationError:
            return None

    # -- typing -------------------------------------------------------------------------------

    def _save_text(self, name: str, label: str, text: str) -> None:
        if self.update is None:
            return
        update_id = self.update.id
        try:
            edit_fields(
                self._stack,
                self._changes,
                text=f"Update: {label.lower()}",
                update=writing.edit_update,
                id_name="update_id",
                row_id=update_id,
                before={name: writing.get_update(update_id).values[name]},
                after={name: text},
            )
        except ValidationError as error:
            self.boxes[name].keep_typed()
            show_error(self, error)

    def commit_pending(self) -> None:
        """Save typing not yet saved (ui/pending_typing.py)."""
        for box in self.boxes.values():
            box.commit()
        self.form.commit_pending()

    # -- steps --------------------------------------------------------------------------------

    def new_update(self) -> None:
        body_id = self.body_id
        if not body_id:
            return
        today = self.today

        def submit(values: dict):
            made = create_record(
                self._stack,
                self._changes,
                text="New quarterly update",
                kind=QUARTERLY_UPDATE,
                create=lambda: writing.draft_update(body_id=body_id, today=today, **values),
            )
            self.choose_update(made.id)

        dialog = RecordDialog("New quarterly update", submit, self)
        dialog.add_date("quarter", "Quarter of", today, "any day in the quarter")
        officers = [(people.display_name(p), p.id) for p in people.list_people()]
        dialog.add_choice("prepared_by_id", "Prepared by", [("(no one named)", None), *officers])
        dialog.add_date("date", "Dated", today)
        dialog.exec()

    def attach(self) -> None:
        if self.update is None:
            return
        update_id = self.update.id
        self.commit_pending()
        made: dict[str, str] = {}

        def apply():
            if "item" in made:
                return attaching.reattach_update(update_id=update_id, item_id=made["item"])
            made["item"] = attaching.attach_update(update_id=update_id).id
            return made["item"]

        self._run(
            lambda: perform(
                self._stack,
                self._changes,
                "Attach update to the board's meeting",
                apply,
                lambda: attaching.detach_update(update_id=update_id),
            )
        )

    def delete_update(self) -> None:
        if self.update is not None:
            update_id = self.update.id
            self._run(
                lambda: delete_record(
                    self._stack,
                    self._changes,
                    text="Delete quarterly update",
                    row_id=update_id,
                    kind=QUARTERLY_UPDATE,
                )
            )

    def print_update(self) -> None:
        if self.update is None:
            return
        self.commit_pending()
        update_id, title = self.update.id, self.update.title

        def work(_progress) -> bytes:
            from desktop_app.documents.update_pdf import render_update

            return render_update(update_id)

        run_task(self.window(), work, lambda data: self._preview(data, title),
                 label="Preparing the update…")  # fmt: skip

    def combine(self) -> None:
        board_id = self.body_id
        if not board_id:
            return
        today = self.today

        def submit(values: dict) -> None:
            from desktop_app.documents.update_pdf import render_combined
            from desktop_app.services.updates.combined import combined_update

            day = values["quarter"]
            combined_update(board_id=board_id, quarter=day)  # refused here, with the form open
            run_task(
                self.window(),
                lambda _progress: render_combined(board_id=board_id, quarter=day, date=today),
                lambda data: self._preview(data, "Quarterly updates combined"),
                label="Combining the groups' updates…",
            )

        dialog = RecordDialog("Combine the groups' updates", submit, self)
        dialog.add_date("quarter", "Quarter of", today, "any day in the quarter")
        dialog.exec()


def _shown(values: dict) -> dict:
    """The values as the form's fields show them: the date as clerks write it."""
    return {**values, "date": long_date(values["date"]) if values.get("date") else ""}


def _state_text(body, update, reports: bool, has_groups: bool) -> str:
    if body is None:
        return ""
    if not reports:
        combined = " Its groups' updates can be combined into one document." if has_groups else ""
        return (
            f"<i>{body.name} reports to no board, so it writes no quarterly update.</i>{combined}"
        )
    if update is None:
        return (
            "<i>No quarterly update yet: draft one from the record with New quarterly update.</i>"
        )
    rag = dict((v, t) for t, v in RAG_CHOICES)[update.rag]
    where = (
        f"On the agenda of {update.board_name}'s meeting of {long_date(update.meeting_date)}, "
        "as an information item."
        if update.meeting_date
        else f"Not yet on {update.board_name}'s agenda."
    )
    return f"<b>{update.label}</b> · overall status: {rag} · {where}"
