"""A body's report template: the heading its reports carry, the sections they use, and the
wording each section starts with. OK saves it as one undoable change."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.reports import templates
from desktop_app.services.reports.sections import CHOOSABLE, HEADINGS, IMPLICATIONS
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes


class ReportTemplateDialog(QDialog):
    def __init__(self, parent: QWidget, stack: QUndoStack, changes: Changes, body_id: str):
        super().__init__(parent)
        self.setWindowTitle("Report template")
        self.resize(640, 720)
        self._stack, self._changes, self.body_id = stack, changes, body_id
        self.before = templates.body_report_template(body_id)
        self.heading = QLineEdit(self.before.heading)
        self.heading.setObjectName("heading")
        self.heading.setAccessibleName("Heading of the body's reports")
        self.heading.setPlaceholderText("The authority, e.g. Maidstone Borough Council")
        self.sections: dict[str, QCheckBox] = {}
        chosen = QGroupBox("Sections its reports use")
        column = QVBoxLayout(chosen)
        for key in CHOOSABLE:
            check = QCheckBox(HEADINGS[key])
            check.setObjectName(f"section_{key}")
            check.setAccessibleName(f"Reports use the {HEADINGS[key]} section")
            check.setChecked(key in self.before.sections)
            column.addWidget(check)
            self.sections[key] = check
        self.wording: dict[str, QPlainTextEdit] = {}
        worded = QFormLayout()
        labels = {**HEADINGS, **{key: f"{label} implications" for key, label in IMPLICATIONS}}
        for key in templates.WORDED:
            box = QPlainTextEdit()
            box.setPlaceholderText("What a new report says here to begin with")
            box.setTabChangesFocus(True)
            box.setObjectName(f"wording_{key}")
            box.setAccessibleName(f"Starting wording of {labels[key]}")
            box.setMaximumHeight(64)
            box.setPlainText(self.before.wording.get(key, ""))
            self.wording[key] = box
            worded.addRow(labels[key], box)
        wording = QWidget()
        wording.setLayout(worded)
        scroll = QScrollArea()
        scroll.setAccessibleName("Template sections")
        scroll.setWidgetResizable(True)
        scroll.setWidget(wording)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Heading", self.heading)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(chosen)
        layout.addWidget(scroll, 1)
        layout.addWidget(box)

    def chosen(self) -> dict:
        return {
            "heading": self.heading.text(),
            "sections": [key for key, check in self.sections.items() if check.isChecked()],
            "wording": {key: box.toPlainText() for key, box in self.wording.items()},
        }

    def accept(self) -> None:
        body_id, after = self.body_id, self.chosen()
        before = self.before.to_json()
        before.setdefault("sections", list(CHOOSABLE))
        try:
            perform(
                self._stack,
                self._changes,
                "Change report template",
                lambda: templates.set_body_report_template(body_id=body_id, **after),
                lambda: templates.set_body_report_template(body_id=body_id, **before),
            )
        except ValidationError as error:
            show_error(self, error)  # stays open: nothing typed is lost
            return
        super().accept()
