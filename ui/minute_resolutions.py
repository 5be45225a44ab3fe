"""What an item resolved, in the minutes: its resolutions (with named votes) and the
elections, co-options and appointments made under it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout

from desktop_app import vocabulary
from desktop_app.services.decisions import appointments, resolutions
from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import meetings
from ui.attendance_people import everyone
from ui.buttons import button_row
from ui.commands import kinds
from ui.commands.desk import Desk
from ui.resolution_dialogs import NamedVotesDialog, appointment_dialog, resolution_dialog


class ResolvedBox(QGroupBox):
    def __init__(self, desk: Desk, parent=None):
        super().__init__("Resolved", parent)
        self._desk = desk
        self.meeting_id: str | None = None
        self.item_id: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("resolutions")
        self.list.setAccessibleName("Resolved")
        self.list.itemActivated.connect(lambda _: self.edit_resolution())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(
            button_row(
                ("Resolution…", "add", self.add_resolution),
                ("Edit…", "edit", self.edit_resolution),
                ("Named votes…", "people", self.named_votes),
                ("Delete", "remove", self.delete_resolution),
            )
        )
        layout.addLayout(
            button_row(
                ("Elect…", "person", self.elect),
                ("Co-opt…", "add", self.co_opt),
                ("Appoint…", "child body", self.appoint),
            )
        )

    def show_item(self, meeting_id: str, item_id: str | None) -> None:
        self.meeting_id, self.item_id = meeting_id, item_id
        self.list.clear()
        for resolution in resolutions.list_resolutions(item_id) if item_id else []:
            line = f"{resolution.outcome.upper()}: {resolution.text}"
            if resolution.summary:
                line += f" ({resolution.summary})"
            row = QListWidgetItem(line)
            row.setData(Qt.ItemDataRole.UserRole, resolution)
            self.list.addItem(row)

    def _selected(self):
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def add_resolution(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        resolution_dialog(
            self,
            item_id,
            self._desk.creating(
                "Resolution", partial(resolutions.add_resolution, item_id=item_id), kinds.RESOLUTION
            ),
        ).exec()

    def edit_resolution(self) -> None:
        entry = self._selected()
        if entry is None or self.item_id is None:
            return
        before = {name: getattr(entry, name) for name in resolutions.EDITABLE}
        submit = self._desk.submitting(
            "Edit resolution",
            lambda values: resolutions.update_resolution(resolution_id=entry.id, **values),
            lambda: resolutions.update_resolution(resolution_id=entry.id, **before),
        )
        resolution_dialog(self, self.item_id, submit, entry).exec()

    def named_votes(self) -> None:
        entry = self._selected()
        if entry is None or self.item_id is None:
            return
        before = {person_id: vote for person_id, _, vote in entry.named_votes}
        submit = self._desk.submitting(
            "Named votes",
            lambda votes: resolutions.set_named_votes(resolution_id=entry.id, votes=votes),
            lambda: resolutions.set_named_votes(resolution_id=entry.id, votes=before),
        )
        NamedVotesDialog(self, self.item_id, entry, submit).exec()

    def delete_resolution(self) -> None:
        entry = self._selected()
        if entry is not None:
            self._desk.delete("Delete resolution", entry.id, kinds.RESOLUTION)

    def elect(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        body_id = meetings.get_meeting(self.meeting_id).body_id
        members = [
            (people.display_name(m.person), m.person_id)
            for m in memberships.list_members(body_id=body_id)
        ]
        appointment_dialog(
            self,
            "Election",
            self._desk.creating(
                "Election", partial(appointments.elect, item_id=item_id), kinds.RESOLUTION
            ),
            item_id,
            people=members,
            roles=[("Chair", "chair"), ("Vice-chair", "vice-chair")],
            terms=[("This meeting only", "meeting"), ("The municipal year", "year")],
        ).exec()

    def co_opt(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        appointment_dialog(
            self,
            "Co-option",
            self._desk.creating(
                "Co-option", partial(appointments.co_opt, item_id=item_id), kinds.RESOLUTION
            ),
            item_id,
            people=everyone(),
        ).exec()

    def appoint(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        own = meetings.get_meeting(self.meeting_id).body_id
        # The meeting's own body first: an office for the meeting is always one of its own.
        groups = sorted(
            ((b.name, b.id) for b in bodies.list_bodies()), key=lambda group: group[1] != own
        )
        appointment_dialog(
            self,
            "Appointment",
            self._desk.creating(
                "Appointment", partial(appointments.appoint, item_id=item_id), kinds.RESOLUTION
            ),
            item_id,
            people=everyone(),
            bodies=groups,
            roles=[(word.capitalize(), word) for word in vocabulary.ROLES],
            terms=[("From this meeting on", ""), ("This meeting only", "meeting")],
        ).exec()
