"""Issuing the agenda pack from the window: which editions to issue, and the undoable
commands that issue (undo withdraws, redo restores) and withdraw an issue."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents import catalogue
from desktop_app.services.papers import pack_issues
from ui.commands.service_call import ServiceCall, perform
from ui.events import Changes

# A clerk sends the full pack to members and the public one to the website at the same
# time, so both is the default; one edition alone is for a correction to that edition.
EDITIONS = {
    "both": (False, True),
    "full": (False,),
    "public": (True,),
}
EDITION_TEXTS = {
    "both": "&Both editions: the full pack for members and the public pack for the website",
    "full": "&Full pack only (with Part II, for members)",
    "public": "&Public pack only (no Part II, for publication)",
}


class EditionDialog(QDialog):
    """Asks which editions of the pack to issue; Enter issues both."""

    def __init__(self, when: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Issue agenda pack")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        explain = QLabel(
            f"Issue the agenda pack of {when}. Each issue is kept as issued; a reissue keeps "
            "the page numbers already published and says what changed."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, text in EDITION_TEXTS.items():
            button = QRadioButton(text)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons["both"].setChecked(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Issue")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def choose(self, key: str) -> None:
        self.buttons[key].setChecked(True)

    def editions(self) -> tuple[bool, ...]:
        chosen = next(key for key, button in self.buttons.items() if button.isChecked())
        return EDITIONS[chosen]


def push_issue(stack: QUndoStack, changes: Changes, issued: pack_issues.Issued) -> None:
    """Record issues already made as one step: undo withdraws them, redo restores them."""
    ids = [issue.id for issue in issued.issued]
    text = "Issue " + " and ".join(
        f"the {pack_issues.edition_name(i.public)} (issue {i.number})" for i in issued.issued
    )
    stack.push(
        ServiceCall(
            text,
            lambda: [pack_issues.restore_pack_issue(i) for i in ids],
            lambda: [pack_issues.withdraw_pack_issue(i) for i in reversed(ids)],
            changes,
        )
    )
    changes.changed.emit()


def withdraw_issue(stack: QUndoStack, changes: Changes, entry: pack_issues.IssueEntry) -> None:
    """Withdraw the latest issue of an edition, undoably (a ValidationError reaches the caller)."""
    perform(
        stack,
        changes,
        f"Withdraw {issue_name(entry.number, entry.public)}",
        lambda: pack_issues.withdraw_pack_issue(entry.id),
        lambda: pack_issues.restore_pack_issue(entry.id),
    )


def issue_name(number: int, public: bool) -> str:
    """“issue 2 of the public agenda pack”"""
    return f"issue {number} of the {pack_issues.edition_name(public)}"


def issue_title(entry: pack_issues.IssueEntry, target: catalogue.Target) -> str:
    """“Public agenda pack, issue 2 — Maidstone Locality Board, 17 December 2012”"""
    return f"{_kind(entry.public).label}, issue {entry.number} — {target.body_name}, {target.when}"


def issue_file_name(entry: pack_issues.IssueEntry, target: catalogue.Target) -> str:
    """“2012-12-17 Maidstone Locality Board agenda pack (public) issue 2.pdf”"""
    name = _kind(entry.public).file_name(target)
    return f"{name.removesuffix('.pdf')} issue {entry.number}.pdf"


def _kind(public: bool) -> catalogue.DocumentKind:
    return catalogue.document("public-pack" if public else "pack")
