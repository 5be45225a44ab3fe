"""The Reports tab: each item's committee report (seed 003) written in its numbered sections,
then submitted and approved for publication by a named officer. Every field saves itself
and every step is undoable; a report changes only as a draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.directory import people
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents
from desktop_app.services.reports import templates, writing
from desktop_app.services.reports.sections import (
    HEADINGS,
    IMPLICATIONS,
    IMPLICATIONS_SECTION,
    TEXT_SECTIONS,
    appendix_letter,
    relevant_flag,
)
from ui import report_steps
from ui.commands.desk import Desk
from ui.commands.edits import edit_fields
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.inline_form import InlineForm
from ui.item_list import item_list
from ui.text_box import TextBox

HINT = "A paragraph a line, numbered when printed; start a line with “- ” for a bullet"


class ReportEditor(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self._desk = Desk(self, stack, changes)
        self.meeting_id: str | None = None
        self.entries: list[agenda.AgendaEntry] = []
        self.report: writing.ReportEntry | None = None

        self.items = item_list("reportItems", "Agenda items and their reports")
        self.items.currentRowChanged.connect(lambda _: self._show_item())

        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.state = QLabel()
        self.state.setObjectName("reportState")
        self.state.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, text, meaning, tip, slot in (
            ("write", "&Write report", "add", "Start the report from the body's template",
             self.write),
            ("submit", "&Submit", "upload", "Put the report forward for approval", self.submit),
            ("approve", "A&pprove for publication…", "publish",
             "Approve the report for publication, naming the officer", self.approve),
            ("draft", "Return &to draft", "edit", "Bring the report back to draft to change it",
             self.return_to_draft),
            ("preview", "Pre&view", "documents", "See the report as it prints", self.preview),
            ("delete", "Delete report", "remove", "Take the draft report off the item",
             self.delete),
        ):  # fmt: skip
            button = QPushButton(icon(meaning), text)
            button.setObjectName(f"report_{name}")
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setToolTip(tip)
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[name] = button
        actions.addStretch()

        self.form = InlineForm(
            stack,
            changes,
            update=writing.update_report,
            id_name="report_id",
            load=self._values,
            what="the report",
        )
        self.form.add_line("title", "Title", "What the report is about")
        self.form.add_choice("report_of_id", "Report of (officer)", [])
        self.form.add_line("report_of_role", "Role", "e.g. Overview & Scrutiny Officer")
        for name, label in (
            ("title", "Title of the report"),
            ("report_of_id", "Officer the report is of"),
            ("report_of_role", "Role the report is of"),
        ):
            self.form.fields[name].setAccessibleName(label)

        self.boxes: dict[str, TextBox] = {}
        # Each section under its heading, as it prints; Tab goes from one to the next.
        self.sections: dict[str, QWidget] = {}
        for name, label in TEXT_SECTIONS:
            self.sections[name] = self._headed(name, label)

        self.implications = QGroupBox(f"{HEADINGS[IMPLICATIONS_SECTION]}: tick those relevant")
        self.implications.setObjectName("implications")
        grid = QGridLayout(self.implications)
        self.relevant: dict[str, QCheckBox] = {}
        for row, (name, label) in enumerate(IMPLICATIONS):
            check = QCheckBox(label)
            check.setObjectName(relevant_flag(name))
            check.setAccessibleName(f"{label} implications are relevant")
            check.clicked.connect(lambda on, n=name: self._save_flag(n, on))
            self.relevant[name] = check
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            box = self._box(name, f"{label} implications", "What they are, when they are relevant")
            box.setMaximumHeight(64)  # most say a line or two; the box scrolls for more
            grid.addWidget(box, row, 1)
        grid.setColumnStretch(1, 1)

        self.appendices = QLabel()
        self.appendices.setObjectName("appendices")
        self.appendices.setWordWrap(True)
        self.appendices.setAccessibleName("Appendices")

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.form)
        for holder in self.sections.values():
            editor_layout.addWidget(holder)
        editor_layout.addWidget(self.implications)
        editor_layout.addWidget(self.appendices)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.heading)
        page_layout.addWidget(self.state)
        page_layout.addLayout(actions)
        page_layout.addWidget(self.editor)
        page_layout.addStretch()
        scroll = QScrollArea()
        scroll.setAccessibleName("Report sections")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)

        splitter = QSplitter()
        splitter.addWidget(self.items)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _headed(self, name: str, label: str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(2)
        heading = QLabel(f"<b>{label}</b>")
        column.addWidget(heading)
        box = self._box(name, label, HINT)
        box.setMinimumHeight(96)
        heading.setBuddy(box)
        column.addWidget(box)
        return holder

    def _box(self, name: str, label: str, hint: str) -> TextBox:
        box = TextBox(hint)
        box.setObjectName(name)
        box.setAccessibleName(label)
        box.setMinimumHeight(48)
        box.committed.connect(lambda text, n=name: self._save_text(n, text))
        box.edited.connect(lambda text, n=name: self._keep_typing(n, text))
        self.boxes[name] = box
        return box

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: str) -> None:
        keep = self.item_id() if meeting_id == self.meeting_id else None
        self.meeting_id = meeting_id
        self.entries = agenda.list_agenda(meeting_id)
        officers = [("(none: a role only)", None)]
        officers += [(people.display_name(p), p.id) for p in people.list_people()]
        InlineForm.set_options(self.form.fields["report_of_id"], officers)
        self.items.blockSignals(True)
        self.items.clear()
        for entry in self.entries:
            report = writing.report_of_item(entry.id)
            mark = f"  [{report.state}]" if report else ""
            number = entry.number or entry.preview_number
            row = QListWidgetItem("    " * entry.depth + f"{number}  {entry.title}{mark}")
            row.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.items.addItem(row)
        self.items.blockSignals(False)
        ids = [e.id for e in self.entries]
        self.items.setCurrentRow(ids.index(keep) if keep in ids else 0 if ids else -1)
        self._show_item()

    def refresh(self) -> None:
        if self.meeting_id:
            self.show_meeting(self.meeting_id)

    def select_item(self, item_id: str) -> None:
        ids = [e.id for e in self.entries]
        if item_id in ids:
            self.items.setCurrentRow(ids.index(item_id))

    def item_id(self) -> str | None:
        row = self.items.currentRow()
        return self.entries[row].id if 0 <= row < len(self.entries) else None

    def _show_item(self) -> None:
        item_id = self.item_id()
        entry = next((e for e in self.entries if e.id == item_id), None)
        self.report = writing.report_of_item(item_id) if item_id else None
        report = self.report
        if entry is None:
            self.heading.setText("<i>This meeting has no agenda yet.</i>")
        else:
            self.heading.setText(f"<h3>{entry.number or entry.preview_number} {entry.title}</h3>")
        self.state.setText(report_steps.state_text(report) if report else _no_report(entry))
        self.editor.setVisible(report is not None)
        state = report.state if report else None
        self.buttons["write"].setVisible(entry is not None and report is None)
        for name, shown in (
            ("submit", state == "draft"),
            ("approve", state == "submitted"),
            ("draft", state in ("submitted", "approved")),
            ("preview", report is not None),
            ("delete", state == "draft"),
        ):
            self.buttons[name].setVisible(shown)
        self.form.show_row(report.id if report else None)
        if report is None:
            return
        draft = state == "draft"
        self.form.setEnabled(draft)
        chosen = templates.body_report_template(meetings.get_meeting(self.meeting_id).body_id)
        for name, _ in TEXT_SECTIONS:
            box = self.boxes[name]
            box.set_text(report.values[name])
            box.setReadOnly(not draft)
            # A section the template leaves out is offered still when it has words.
            self.sections[name].setVisible(name in chosen.sections or bool(report.values[name]))
        self.implications.setVisible(
            IMPLICATIONS_SECTION in chosen.sections
            or any(report.values[relevant_flag(n)] or report.values[n] for n, _ in IMPLICATIONS)
        )
        for name, _ in IMPLICATIONS:
            on = bool(report.values[relevant_flag(name)])
            self.relevant[name].setChecked(on)
            self.relevant[name].setEnabled(draft)
            self.boxes[name].set_text(report.values[name])
            self.boxes[name].setReadOnly(not draft)
            self.boxes[name].setEnabled(on)
        papers = documents.list_documents(item_id)
        self.appendices.setText(
            "<b>Appendices</b> (the item's other papers, attached on the Agenda tab): "
            + (
                "; ".join(f"Appendix {appendix_letter(n)}: {p.title}" for n, p in enumerate(papers))
                or "none."
            )
        )

    def _values(self, report_id: str) -> dict:
        return writing.get_report(report_id).values

    # -- typing ----------------------------------------------------------------------------

    def _save_text(self, name: str, text: str) -> None:
        report = self.report
        if report is None or report.state != "draft":
            return
        try:
            edit_fields(
                self._stack,
                self._changes,
                text=f"Report: {self._label(name)}",
                update=writing.update_report,
                id_name="report_id",
                row_id=report.id,
                before={name: writing.get_report(report.id).values[name]},
                after={name: text},
            )
        except ValidationError as error:
            self.boxes[name].keep_typed()
            show_error(self, error)
            return
        self._changes.typed.emit(None, None)  # saved: nothing left to recover

    def _keep_typing(self, name: str, text: str) -> None:
        if self.report is not None:
            target = {
                "label": f"the report's {self._label(name)}",
                "call": "desktop_app.services.reports.writing:update_report",
                "key": {"report_id": self.report.id},
                "field": name,
            }
            self._changes.typed.emit(target, text)

    def _save_flag(self, name: str, on: bool) -> None:
        report = self.report
        if report is None:
            return
        flag = relevant_flag(name)
        self._desk.run(
            lambda: edit_fields(
                self._stack,
                self._changes,
                text=f"Report: {self._label(name)} {'relevant' if on else 'not relevant'}",
                update=writing.update_report,
                id_name="report_id",
                row_id=report.id,
                before={flag: report.values[flag]},
                after={flag: on},
            )
        )

    def commit_pending(self) -> None:
        """Save typing not yet saved (ui/pending_typing.py)."""
        for box in self.boxes.values():
            box.commit()
        self.form.commit_pending()

    @staticmethod
    def _label(name: str) -> str:
        return {**HEADINGS, **{n: f"{label} implications" for n, label in IMPLICATIONS}}.get(
            name, name
        ).lower()

    # -- the workflow (ui/report_steps.py) -------------------------------------------------

    def write(self) -> None:
        item_id = self.item_id()
        if item_id is not None:
            report_steps.write(self._desk, item_id)
            self.form.fields["title"].setFocus()

    def submit(self) -> None:
        if self.report is not None:
            self.commit_pending()
            report_steps.submit(self._desk, self.report.id)

    def approve(self) -> None:
        if self.report is not None:
            report_steps.approve(self._desk, self.report.id)

    def return_to_draft(self) -> None:
        if self.report is not None:
            report_steps.return_to_draft(self._desk, self.report)

    def delete(self) -> None:
        if self.report is not None:
            report_steps.delete(self._desk, self.report.id)

    def preview(self) -> None:
        if self.report is not None:
            self.commit_pending()
            report_steps.preview(self, self.report)


def _no_report(entry) -> str:
    if entry is None:
        return ""
    return "No report yet. <i>Write report</i> starts one from the body's template."
