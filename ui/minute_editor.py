"""The minutes, item by item, laid out as the clerk writes them (seed 004): overview,
discussion key points, recommendations put, the decision and free notes; then what was
resolved and the actions arising. Every change is undoable and saved as it is made."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import vocabulary
from desktop_app.dates import short_date
from desktop_app.errors import ValidationError
from desktop_app.services import (
    actions,
    agenda,
    appointments,
    bodies,
    meetings,
    memberships,
    minutes,
    minutes_versions,
    people,
    resolutions,
    voting,
)
from desktop_app.services.reports.workflow import offered_recommendations
from ui.action_dialogs import action_dialog, progress_dialog
from ui.commands import kinds
from ui.commands.edits import create_record, delete_record
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.resolution_dialogs import NamedVotesDialog, appointment_dialog, resolution_dialog
from ui.sign_dialog import sign_meeting
from ui.signature_badge import SignatureBadge
from ui.text_box import TextBox

TEXT_FIELDS = (
    ("overview", "Overview", "What the item was about"),
    ("key_points", "Discussion – key points", "One point per line"),
    ("recommendations", "Recommendations", "One recommendation per line"),
    ("decision", "Decision", "What the meeting decided"),
    ("notes", "Notes", "Anything else; notes taken in live mode appear here"),
)
LISTS = ("key_points", "recommendations")


class MinuteEditor(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self.meeting_id: str | None = None
        self.item_id: str | None = None
        self.entries: list[agenda.AgendaEntry] = []

        self.items = QListWidget()
        self.items.setObjectName("minuteItems")
        self.items.setAccessibleName("Items to minute")
        self.items.currentRowChanged.connect(lambda _: self._show_item())

        self.heading = QLabel()
        self.heading.setObjectName("minuteHeading")
        self.warning = QLabel()
        self.warning.setObjectName("inquorate")
        self.warning.setStyleSheet("color: #b00020")
        self.warning.setWordWrap(True)
        self.boxes: dict[str, TextBox] = {}
        form = QFormLayout()
        for name, label, hint in TEXT_FIELDS:
            box = TextBox(hint)
            box.setObjectName(name)
            box.setMinimumHeight(60)
            box.committed.connect(lambda text, n=name: self._save_text(n, text))
            box.edited.connect(lambda text, n=name: self._keep_typing(n, text))
            self.boxes[name] = box
            form.addRow(label, box)

        self.noted_button = QPushButton(icon("publish"), "Noted")
        self.noted_button.setToolTip("For information items: record that the report was noted")
        self.noted_button.clicked.connect(self.mark_noted)
        self.approve_button = QPushButton(icon("meeting done"), "Approve the previous minutes")
        self.approve_button.clicked.connect(self.approve_previous)
        # The recommendations of the item's approved report, as those put (issue 15).
        self.offer_button = QPushButton(icon("paper"), "Use the report's recommendations")
        self.offer_button.setObjectName("offerRecommendations")
        self.offer_button.setToolTip("Put the approved report's recommendations to the meeting")
        self.offer_button.clicked.connect(self.use_report_recommendations)

        # On the "date of next meeting" item: the date as a date, and the meeting made from it.
        self.next_date = QLineEdit()
        self.next_date.setObjectName("nextMeetingDate")
        self.next_date.setPlaceholderText("YYYY-MM-DD")
        self.next_date.setAccessibleName("Date of the next meeting")
        self.next_date.editingFinished.connect(self._save_next_date)
        self.schedule_button = QPushButton(icon("meeting"), "Schedule that meeting")
        self.schedule_button.setObjectName("scheduleNextMeeting")
        self.schedule_button.clicked.connect(self.schedule_next_meeting)
        self.next_box = QGroupBox("The next meeting")
        next_layout = QHBoxLayout(self.next_box)
        next_layout.addWidget(QLabel("Will be held on"))
        next_layout.addWidget(self.next_date)
        next_layout.addWidget(self.schedule_button)
        next_layout.addStretch()

        self.resolution_list = QListWidget()
        self.resolution_list.setObjectName("resolutions")
        self.resolution_list.setAccessibleName("Resolved")
        self.resolution_list.itemActivated.connect(lambda _: self.edit_resolution())
        resolution_buttons = self._buttons(
            ("Resolution…", "add", self.add_resolution),
            ("Edit…", "edit", self.edit_resolution),
            ("Named votes…", "people", self.named_votes),
            ("Delete", "remove", self.delete_resolution),
        )
        appointment_buttons = self._buttons(
            ("Elect…", "person", self.elect),
            ("Co-opt…", "add", self.co_opt),
            ("Appoint…", "child body", self.appoint),
        )
        resolved = QGroupBox("Resolved")
        resolved_layout = QVBoxLayout(resolved)
        resolved_layout.addWidget(self.resolution_list)
        resolved_layout.addLayout(resolution_buttons)
        resolved_layout.addLayout(appointment_buttons)

        self.action_list = QListWidget()
        self.action_list.setObjectName("actions")
        self.action_list.setAccessibleName("Actions arising")
        self.action_list.itemActivated.connect(lambda _: self.edit_action())
        action_buttons = self._buttons(
            ("Action…", "add", self.add_action),
            ("Edit…", "edit", self.edit_action),
            ("Progress…", "clock", lambda: self.add_progress()),
            ("Delete", "remove", self.delete_action),
        )
        arising = QGroupBox("Actions")
        arising_layout = QVBoxLayout(arising)
        arising_layout.addWidget(self.action_list)
        arising_layout.addLayout(action_buttons)

        # Under "matters and actions arising": the open actions of earlier meetings, whose
        # progress is minuted here.
        self.arising_list = QListWidget()
        self.arising_list.setObjectName("arising")
        self.arising_list.setAccessibleName("Open actions from earlier meetings")
        arising_buttons = self._buttons(("Progress…", "clock", self.add_arising_progress))
        self.arising_box = QGroupBox("Open actions from earlier meetings")
        arising_box_layout = QVBoxLayout(self.arising_box)
        arising_box_layout.addWidget(self.arising_list)
        arising_box_layout.addLayout(arising_buttons)

        # Where the minutes stand: draft versions, circulation, approval.
        self.versions = QLabel()
        self.versions.setObjectName("minutesVersions")
        self.draft_button = QPushButton(icon("edit"), "Save a draft version")
        self.draft_button.clicked.connect(self.draft_version)
        self.circulate_button = QPushButton(icon("export"), "Circulate the draft")
        self.circulate_button.clicked.connect(self.circulate)
        # -- signing (issue 7): the chair signs approved minutes; the badge verifies them.
        self.sign_button = QPushButton(icon("confidential"), "Sign…")
        self.sign_button.setObjectName("signMinutes")
        self.sign_button.setToolTip("The chair signs the approved minutes with their key")
        self.sign_button.clicked.connect(self.sign)
        self.badge = SignatureBadge()
        # -- end of signing
        versions_row = QHBoxLayout()
        versions_row.addWidget(self.versions, 1)
        versions_row.addWidget(self.badge)
        versions_row.addWidget(self.draft_button)
        versions_row.addWidget(self.circulate_button)
        versions_row.addWidget(self.sign_button)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.offer_button)
        top.addWidget(self.noted_button)
        top.addWidget(self.approve_button)
        page_layout.addLayout(versions_row)
        page_layout.addLayout(top)
        page_layout.addWidget(self.warning)
        page_layout.addLayout(form)
        page_layout.addWidget(self.next_box)
        page_layout.addWidget(self.arising_box)
        page_layout.addWidget(resolved)
        page_layout.addWidget(arising)
        scroll = QScrollArea()
        scroll.setAccessibleName("Minute of the item")
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

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: str) -> None:
        keep = self.item_id if meeting_id == self.meeting_id else None
        self.meeting_id = meeting_id
        self.entries = agenda.list_agenda(meeting_id)
        self.items.blockSignals(True)
        self.items.clear()
        for entry in self.entries:
            row = QListWidgetItem(
                "    " * entry.depth + f"{entry.number or entry.preview_number}  {entry.title}"
            )
            row.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.items.addItem(row)
        self.items.blockSignals(False)
        ids = [e.id for e in self.entries]
        self.items.setCurrentRow(ids.index(keep) if keep in ids else 0 if ids else -1)
        self._show_versions()
        self._show_item()

    def refresh(self) -> None:
        if self.meeting_id:
            self.show_meeting(self.meeting_id)

    def select_item(self, item_id: str) -> None:
        ids = [e.id for e in self.entries]
        if item_id in ids:
            self.items.setCurrentRow(ids.index(item_id))

    def _show_versions(self) -> None:
        versions = minutes_versions.list_versions(self.meeting_id)
        if not versions:
            self.versions.setText("<i>Minutes not yet saved as a version.</i>")
        else:
            latest = versions[-1]
            when = {
                "draft": latest.created_at,
                "circulated": latest.circulated_at,
                "approved": latest.approved_at,
            }.get(latest.state) or latest.created_at
            self.versions.setText(
                f"<b>Minutes version {latest.version}: {latest.state}</b> "
                f"({short_date(dt.date.fromisoformat(when[:10]))})"
                + (f", at minute {latest.approved_minute}" if latest.approved_minute else "")
            )
        frozen = bool(versions) and versions[-1].state in ("approved", "signed")
        self.draft_button.setEnabled(not frozen)
        self.circulate_button.setEnabled(not frozen)
        self.sign_button.setVisible(bool(versions) and versions[-1].state == "approved")
        self.badge.show_meeting(self.meeting_id)

    def sign(self) -> None:
        """Sign the approved minutes (not undoable: a signed version is the record)."""
        sign_meeting(self, self.meeting_id, lambda _version: self._changes.changed.emit())

    def draft_version(self) -> None:
        meeting_id = self.meeting_id
        self._undoable(
            "Draft minutes version",
            lambda: minutes_versions.draft_version(meeting_id=meeting_id),
            lambda: minutes_versions.discard_draft(meeting_id=meeting_id),
        )

    def circulate(self) -> None:
        meeting_id = self.meeting_id
        self._undoable(
            "Circulate the minutes",
            lambda: minutes_versions.circulate(meeting_id=meeting_id),
            lambda: minutes_versions.withdraw_circulation(meeting_id=meeting_id),
        )

    def _entry(self) -> agenda.AgendaEntry | None:
        row = self.items.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_item(self) -> None:
        entry = self._entry()
        self.item_id = entry.id if entry else None
        for box in self.boxes.values():
            box.setEnabled(entry is not None)
        if entry is None:
            self.heading.setText("<i>This meeting has no agenda yet.</i>")
            return
        number = entry.number or entry.preview_number
        self.heading.setText(f"<h3>{number} {entry.title}</h3>")
        self.warning.setText(voting.inquorate_warning(entry.id) or "")
        text = minutes.minute_of(entry.id)
        for name, box in self.boxes.items():
            value = getattr(text, name)
            box.set_text("\n".join(value) if name in LISTS else value)
        self.noted_button.setVisible(entry.kind in ("information", "report", "paper"))
        offered = offered_recommendations(entry.id)
        self.offer_button.setVisible(bool(offered) and offered != list(text.recommendations))
        self.approve_button.setVisible(entry.kind == "previous minutes")
        self.resolution_list.clear()
        for resolution in resolutions.list_resolutions(entry.id):
            line = f"{resolution.outcome.upper()}: {resolution.text}"
            if resolution.summary:
                line += f" ({resolution.summary})"
            row = QListWidgetItem(line)
            row.setData(Qt.ItemDataRole.UserRole, resolution)
            self.resolution_list.addItem(row)
        self.next_box.setVisible(entry.kind == "date of next meeting")
        if entry.kind == "date of next meeting":
            following = meetings.get_meeting(self.meeting_id).next_meeting_date
            self.next_date.setText(following.isoformat() if following else "")
        self.arising_box.setVisible(entry.kind == "matters arising")
        self.arising_list.clear()
        if entry.kind == "matters arising":
            for action in actions.open_actions_for(self.meeting_id):
                self.arising_list.addItem(_action_row(action, with_minute=True))
        self.action_list.clear()
        for action in actions.actions_of_item(entry.id):
            self.action_list.addItem(_action_row(action))

    # -- the minute's text -----------------------------------------------------------------

    def _save_text(self, name: str, text: str) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        before = getattr(minutes.minute_of(item_id), name)
        after = _stored(name, text)
        if (list(before) if name in LISTS else before) == after:
            self._changes.typed.emit(None, None)
            return
        try:
            perform(
                self._stack,
                self._changes,
                f"Minute: {name.replace('_', ' ')}",
                lambda: minutes.update_minute(item_id=item_id, **{name: after}),
                lambda: minutes.update_minute(
                    item_id=item_id, **{name: list(before) if name in LISTS else before}
                ),
                merge_key=("minute", item_id, name),
            )
        except ValidationError as error:
            self.boxes[name].keep_typed()
            show_error(self, error)
            return
        self._changes.typed.emit(None, None)  # saved: nothing left to recover

    def _keep_typing(self, name: str, text: str) -> None:
        if self.item_id is None:
            return
        target = {
            "label": f"the minute's {name.replace('_', ' ')}",
            "call": "desktop_app.services.minutes:update_minute",
            "key": {"item_id": self.item_id},
            "field": name,
        }
        self._changes.typed.emit(target, _stored(name, text))

    def use_report_recommendations(self) -> None:
        """Record the approved report's recommendations as those put to the meeting."""
        item_id = self.item_id
        if item_id is None:
            return
        self.commit_all()
        before = list(minutes.minute_of(item_id).recommendations)
        offered = offered_recommendations(item_id)
        self._undoable(
            "Minute: the report's recommendations",
            lambda: minutes.update_minute(item_id=item_id, recommendations=offered),
            lambda: minutes.update_minute(item_id=item_id, recommendations=before),
        )

    def commit_all(self) -> None:
        """Save any typing not yet saved (before changing item, meeting or tab)."""
        for box in self.boxes.values():
            box.commit()

    # -- the next meeting --------------------------------------------------------------------

    def _save_next_date(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        before = meetings.get_meeting(meeting_id).next_meeting_date
        typed = self.next_date.text().strip()
        if typed == (before.isoformat() if before else ""):
            return
        self._undoable(
            "Date of the next meeting",
            lambda: meetings.set_next_meeting(meeting_id=meeting_id, date=typed),
            lambda: meetings.set_next_meeting(meeting_id=meeting_id, date=before),
        )

    def schedule_next_meeting(self) -> None:
        """Make the meeting the minutes set the date of, in one step Ctrl+Z takes back."""
        self._save_next_date()
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self._create(
            "Schedule the next meeting",
            lambda: meetings.schedule_next_meeting(meeting_id=meeting_id),
            kinds.MEETING,
        )

    # -- resolutions -----------------------------------------------------------------------

    def _selected(self, widget: QListWidget):
        row = widget.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def mark_noted(self) -> None:
        item_id = self.item_id
        if item_id:
            self._create("Noted", lambda: minutes.mark_noted(item_id=item_id), kinds.RESOLUTION)

    def add_resolution(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        resolution_dialog(
            self,
            item_id,
            self._creating(
                "Resolution", partial(resolutions.add_resolution, item_id=item_id), kinds.RESOLUTION
            ),
        ).exec()

    def edit_resolution(self) -> None:
        entry = self._selected(self.resolution_list)
        if entry is None or self.item_id is None:
            return
        before = {name: getattr(entry, name) for name in resolutions.EDITABLE}

        def submit(values: dict):
            perform(
                self._stack,
                self._changes,
                "Edit resolution",
                lambda: resolutions.update_resolution(resolution_id=entry.id, **values),
                lambda: resolutions.update_resolution(resolution_id=entry.id, **before),
            )

        resolution_dialog(self, self.item_id, submit, entry).exec()

    def named_votes(self) -> None:
        entry = self._selected(self.resolution_list)
        if entry is None or self.item_id is None:
            return
        before = {person_id: vote for person_id, _, vote in entry.named_votes}

        def submit(votes: dict):
            perform(
                self._stack,
                self._changes,
                "Named votes",
                lambda: resolutions.set_named_votes(resolution_id=entry.id, votes=votes),
                lambda: resolutions.set_named_votes(resolution_id=entry.id, votes=before),
            )

        NamedVotesDialog(self, self.item_id, entry, submit).exec()

    def delete_resolution(self) -> None:
        entry = self._selected(self.resolution_list)
        if entry is not None:
            self._run(
                lambda: delete_record(
                    self._stack,
                    self._changes,
                    text="Delete resolution",
                    row_id=entry.id,
                    kind=kinds.RESOLUTION,
                )
            )

    def elect(self) -> None:
        item_id, meeting_id = self.item_id, self.meeting_id
        if item_id is None:
            return
        body_id = meetings.get_meeting(meeting_id).body_id
        members = [
            (people.display_name(m.person), m.person_id)
            for m in memberships.list_members(body_id=body_id)
        ]
        appointment_dialog(
            self,
            "Election",
            self._creating(
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
        everyone = [(people.display_name(p), p.id) for p in people.list_people()]
        appointment_dialog(
            self,
            "Co-option",
            self._creating(
                "Co-option", partial(appointments.co_opt, item_id=item_id), kinds.RESOLUTION
            ),
            item_id,
            people=everyone,
        ).exec()

    def appoint(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        everyone = [(people.display_name(p), p.id) for p in people.list_people()]
        own = meetings.get_meeting(self.meeting_id).body_id
        # The meeting's own body first: an office for the meeting is always one of its own.
        groups = sorted(
            ((b.name, b.id) for b in bodies.list_bodies()), key=lambda group: group[1] != own
        )
        appointment_dialog(
            self,
            "Appointment",
            self._creating(
                "Appointment", partial(appointments.appoint, item_id=item_id), kinds.RESOLUTION
            ),
            item_id,
            people=everyone,
            bodies=groups,
            roles=[(word.capitalize(), word) for word in vocabulary.ROLES],
            terms=[("From this meeting on", ""), ("This meeting only", "meeting")],
        ).exec()

    def approve_previous(self) -> None:
        item_id, entry = self.item_id, self._entry()
        # The item names the meeting it approves; else it is the one before this meeting.
        previous = entry.linked_meeting_id if entry else None
        if entry is not None and previous is None:
            previous = meetings.get_meeting(self.meeting_id).previous_id
        if item_id is None or previous is None:
            show_error(
                self,
                ValidationError(
                    "This item is not linked to an earlier meeting whose minutes it approves."
                ),
            )
            return
        self._undoable(
            "Approve the previous minutes",
            lambda: minutes_versions.approve(meeting_id=previous, at_item_id=item_id),
            lambda: minutes_versions.unapprove(meeting_id=previous),
        )

    # -- actions ---------------------------------------------------------------------------

    def add_action(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        action_dialog(
            self,
            self._creating("Action", partial(actions.add_action, item_id=item_id), kinds.ACTION),
        ).exec()

    def edit_action(self) -> None:
        entry = self._selected(self.action_list)
        if entry is None:
            return
        before = dict(
            text=entry.text,
            owner_person_id=entry.owner_person_id,
            owner_organisation_id=entry.owner_organisation_id,
            due=entry.due,
            status=entry.status,
        )

        def submit(values: dict):
            perform(
                self._stack,
                self._changes,
                "Edit action",
                lambda: actions.update_action(action_id=entry.id, **values),
                lambda: actions.update_action(action_id=entry.id, **before),
            )

        action_dialog(self, submit, entry).exec()

    def add_arising_progress(self) -> None:
        self.add_progress(self._selected(self.arising_list))

    def add_progress(self, entry=None) -> None:
        entry = entry or self._selected(self.action_list)
        if entry is None:
            return
        meeting_id = self.meeting_id
        progress_dialog(
            self,
            lambda values: create_record(
                self._stack,
                self._changes,
                text="Progress",
                create=lambda: actions.add_progress(
                    action_id=entry.id, meeting_id=meeting_id, **values
                ),
                kind=kinds.ACTION_NOTE,
            ),
            dt.date.today(),
        ).exec()

    def delete_action(self) -> None:
        entry = self._selected(self.action_list)
        if entry is not None:
            self._run(
                lambda: delete_record(
                    self._stack,
                    self._changes,
                    text="Delete action",
                    row_id=entry.id,
                    kind=kinds.ACTION,
                )
            )

    def _buttons(self, *specs) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, meaning, slot in specs:
            button = QPushButton(icon(meaning), text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        return row

    def _creating(self, text: str, create, kind: kinds.Kind):
        """A dialog's submit that creates a record with the values given, undoably."""
        return lambda values: create_record(
            self._stack, self._changes, text=text, create=lambda: create(**values), kind=kind
        )

    def _create(self, text: str, create, kind: kinds.Kind) -> None:
        """Create a record now (a refusal is shown, nothing pushed) that Ctrl+Z deletes."""
        self._run(
            lambda: create_record(self._stack, self._changes, text=text, create=create, kind=kind)
        )

    def _undoable(self, text: str, apply, revert) -> None:
        """Make a change now (a refusal is shown, nothing pushed) that Ctrl+Z takes back."""
        self._run(lambda: perform(self._stack, self._changes, text, apply, revert))

    def _run(self, change) -> None:
        try:
            change()
        except ValidationError as error:
            show_error(self, error)


def _action_row(action: actions.ActionEntry, *, with_minute: bool = False) -> QListWidgetItem:
    due = f", by {short_date(action.due)}" if action.due else ""
    where = f"{action.minute_number} ({short_date(action.meeting_date)}): " if with_minute else ""
    latest = f" — latest: {action.last_note}" if action.last_note else ""
    row = QListWidgetItem(
        f"{where}{action.text} — {action.owner or 'no owner'}{due} [{action.status}]{latest}"
    )
    row.setData(Qt.ItemDataRole.UserRole, action)
    return row


def _stored(name: str, text: str):
    """A box's text as the minute stores it: the lists a line per entry."""
    return [line.strip() for line in text.splitlines() if line.strip()] if name in LISTS else text
