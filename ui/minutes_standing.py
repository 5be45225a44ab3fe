"""Where a meeting's minutes stand, above the minute editor: the latest version (draft,
circulated, approved, signed) and what can be done next (save a draft, circulate it, sign
the approved minutes). Whether a signature verifies is said once, by the meeting page's
badge above the tabs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.dates import short_date
from desktop_app.services.decisions import minutes_versions
from ui.commands.desk import Desk
from ui.icons import icon


class MinutesStanding(QWidget):
    def __init__(self, desk: Desk, handoff: QWidget, parent=None):
        super().__init__(parent)
        self._desk = desk
        self._handoff = handoff  # takes the keyboard when the button pressed goes away
        self.meeting_id: str | None = None
        self.versions = QLabel()
        self.versions.setObjectName("minutesVersions")
        self.versions.setWordWrap(True)
        self.draft_button = QPushButton(icon("edit"), "Save a draft version")
        self.draft_button.clicked.connect(self.draft_version)
        self.circulate_button = QPushButton(icon("export"), "Circulate the draft")
        self.circulate_button.clicked.connect(self.circulate)
        # The chair signs approved minutes (issue 7); the meeting's badge then says if they
        # verify.
        self.sign_button = QPushButton(icon("confidential"), "Sign…")
        self.sign_button.setObjectName("signMinutes")
        self.sign_button.setToolTip("The chair signs the approved minutes with their key")
        self.sign_button.clicked.connect(self.sign)

        row = QHBoxLayout(self)
        row.addWidget(self.versions, 1)
        row.addWidget(self.draft_button)
        row.addWidget(self.circulate_button)
        row.addWidget(self.sign_button)
        row.setContentsMargins(0, 0, 0, 0)

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        versions = minutes_versions.list_versions(meeting_id)
        latest = versions[-1] if versions else None
        self.versions.setText(_standing(latest))
        # Approved or signed minutes are the record: only what can still be done is offered.
        frozen = latest is not None and latest.state in ("approved", "signed")
        buttons = (self.draft_button, self.circulate_button, self.sign_button)
        focused = self.window().focusWidget()  # the window's, even while a dialog is up
        self.draft_button.setVisible(not frozen)
        self.circulate_button.setVisible(not frozen)
        self.sign_button.setVisible(latest is not None and latest.state == "approved")
        if focused in buttons and not focused.isVisibleTo(self):
            # Qt would hand the keyboard to the next field, scrolling the minutes away from
            # the standing the clerk has just changed.
            self._handoff.setFocus()

    def sign(self) -> None:
        """Sign the approved minutes (not undoable: a signed version is the record)."""
        from ui.sign_dialog import sign_meeting  # signing loads when first used, not to show

        sign_meeting(self, self.meeting_id, lambda _version: self._desk.changes.changed.emit())

    def draft_version(self) -> None:
        meeting_id = self.meeting_id
        self._desk.change(
            "Draft minutes version",
            lambda: minutes_versions.draft_version(meeting_id=meeting_id),
            lambda: minutes_versions.discard_draft(meeting_id=meeting_id),
        )

    def circulate(self) -> None:
        meeting_id = self.meeting_id
        self._desk.change(
            "Circulate the minutes",
            lambda: minutes_versions.circulate(meeting_id=meeting_id),
            lambda: minutes_versions.withdraw_circulation(meeting_id=meeting_id),
        )


def _standing(latest) -> str:
    if latest is None:
        return "<i>Minutes not yet saved as a version.</i>"
    when = {
        "draft": latest.created_at,
        "circulated": latest.circulated_at,
        "approved": latest.approved_at,
    }.get(latest.state) or latest.created_at
    text = (
        f"<b>Minutes version {latest.version}: {latest.state}</b> "
        f"({short_date(dt.date.fromisoformat(when[:10]))})"
    )
    return text + (f", at minute {latest.approved_minute}" if latest.approved_minute else "")
