"""Attendance, taken live: one key marks a member present (P), sent apologies (A) or
absent (X); substitutes, officers in attendance, late arrivals and early departures; the
chair of the meeting, the public count, and whether the meeting is quorate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.meeting_cycle import attendance, meetings, quorum
from desktop_app.services.meeting_cycle.attendance_sheet import AttendanceEntry
from ui import attendance_people
from ui.commands import kinds
from ui.commands.desk import Desk
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.models.attendance import AttendanceModel

MARKS = (("present", "Present", "P"), ("apologies", "Apologies", "A"), ("absent", "Absent", "X"))


class AttendanceView(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._desk = Desk(self, stack, changes)
        self.meeting_id: str | None = None
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("quorum")
        self.model = AttendanceModel(self)
        self.table = QTableView()
        self.table.setObjectName("attendance")
        self.table.setAccessibleName("Attendance")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Only the capacity is typed in place; a double click elsewhere edits the times.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        # Queued: the sheet reloads after the command, once the editor has closed.
        self.model.capacity_edited.connect(self.set_capacity, Qt.ConnectionType.QueuedConnection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for column, width in enumerate((0, 90, 200, 100, 160, 140, 70, 70)):
            if width:
                header.resizeSection(column, width)
        # Names are read whole ("Cllr Tom Okafor", not "Cllr Tom ..."); the organisation a
        # member represents, often empty on a council, gives up the room.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _: self.edit_times())  # Enter or a double click
        self.setFocusProxy(self.table)  # the register is what the Attendance tab is for

        buttons = QHBoxLayout()
        self.mark_buttons: dict[str, QPushButton] = {}
        for status, text, key in MARKS:
            action = QAction(f"{text} ({key})", self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=status: self.mark(s))
            self.addAction(action)
            button = QPushButton(f"{text} ({key})")
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.mark_buttons[status] = button
        # Most members come: the clerk marks the apologies, then everyone else at once.
        rest = QAction("The rest present (Shift+P)", self)
        rest.setShortcut(QKeySequence("Shift+P"))
        rest.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        rest.triggered.connect(self.mark_rest_present)
        self.addAction(rest)
        self.rest_button = QPushButton(icon("attendance"), "The rest present (Shift+P)")
        self.rest_button.setToolTip("Mark every member not yet marked present")
        self.rest_button.clicked.connect(rest.trigger)
        buttons.addWidget(self.rest_button)
        self.substitute_button = QPushButton(icon("substitute"), "Substitute…")
        self.attending_button = QPushButton(icon("person"), "In attendance…")
        self.times_button = QPushButton(icon("clock"), "Arrived / left…")
        self.remove_button = QPushButton(icon("remove"), "Remove")
        self.substitute_button.clicked.connect(self.add_substitute)
        self.attending_button.clicked.connect(self.add_in_attendance)
        self.times_button.clicked.connect(self.edit_times)
        self.remove_button.clicked.connect(self.remove)
        for button in (
            self.substitute_button,
            self.attending_button,
            self.times_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()

        self.chair = QComboBox()
        self.chair.setObjectName("chair")
        self.chair.setAccessibleName("Chair of this meeting")
        self.chair.activated.connect(lambda _: self._set_chair())
        self.public = QSpinBox()
        self.public.setObjectName("public")
        self.public.setAccessibleName("Members of the public")
        self.public.setRange(0, 9999)
        self.public.setSpecialValueText("none recorded")
        self.public.editingFinished.connect(self._set_public)
        details = QFormLayout()
        details.addRow("Chair of this meeting", self.chair)
        details.addRow("Members of the public", self.public)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quorum_label)
        layout.addLayout(details)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_meeting(self, meeting_id: str) -> None:
        selected = self.selected() if meeting_id == self.meeting_id else None
        self.meeting_id = meeting_id
        self.model.load(meeting_id)
        meeting = meetings.get_meeting(meeting_id)
        state = quorum.meeting_quorum(meeting_id)
        if state.needed:
            verdict = "Quorate" if state.quorate else "NOT quorate"
            colour = "#1e7b34" if state.quorate else "#b00020"
            self.quorum_label.setText(
                f"<span style='font-size: 14pt; color: {colour}'><b>{verdict}</b></span> — "
                f"{state.present} voting members present; the quorum is {state.rule} "
                f"({state.needed})."
            )
        else:
            self.quorum_label.setText("This body has no quorum rule.")
        self.chair.blockSignals(True)
        self.chair.clear()
        self.chair.addItem("(not recorded)", None)
        for entry in self.model.entries:
            if entry.status in ("present", "substitute"):
                self.chair.addItem(entry.name, entry.person_id)
        self.chair.setCurrentIndex(max(0, self.chair.findData(meeting.chair_id)))
        self.chair.blockSignals(False)
        self.public.blockSignals(True)
        self.public.setValue(meeting.public_attendees or 0)
        self.public.blockSignals(False)
        if selected:
            self.select(selected.person_id)

    def refresh(self) -> None:
        if self.meeting_id:
            self.show_meeting(self.meeting_id)

    def select(self, person_id: str) -> None:
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected(self) -> AttendanceEntry | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    # -- marking ---------------------------------------------------------------------------

    def mark(self, status: str) -> None:
        entry = self.selected()
        if entry is None or self.meeting_id is None:
            return
        person_id = entry.person_id
        self._mark_all([entry], status, f"Mark {entry.name} {status}")
        # Taking the register: after marking one, the next member is ready for a key.
        row = self.model.row_of(person_id)
        if 0 <= row + 1 < len(self.model.entries):
            self.table.selectRow(row + 1)

    def mark_rest_present(self) -> None:
        unmarked = [e for e in self.model.entries if e.is_member and not e.status]
        if unmarked and self.meeting_id is not None:
            self._mark_all(unmarked, "present", f"Mark {len(unmarked)} present")

    def _mark_all(self, entries: list, status: str, text: str) -> None:
        """One undoable step; the body's chair marked present chairs, unless someone
        already does (the clerk changes it in the list above)."""
        meeting_id = self.meeting_id
        chair = None
        if status == "present" and meetings.get_meeting(meeting_id).chair_id is None:
            chair = next((e.person_id for e in entries if e.role == "chair"), None)

        def apply():
            for entry in entries:
                attendance.mark_attendance(
                    meeting_id=meeting_id, person_id=entry.person_id, status=status
                )
            if chair:
                attendance.set_chair(meeting_id=meeting_id, person_id=chair)

        def revert():
            if chair:
                attendance.set_chair(meeting_id=meeting_id, person_id=None)
            for entry in entries:
                if entry.status:
                    attendance.mark_attendance(
                        meeting_id=meeting_id, person_id=entry.person_id, status=entry.status
                    )
                else:
                    attendance.clear_attendance(meeting_id=meeting_id, person_id=entry.person_id)

        self._desk.change(text, apply, revert)

    def add_substitute(self) -> None:
        if self.meeting_id is not None:
            attendance_people.add_substitute(
                self._desk, self.meeting_id, self.model.entries, self.selected()
            )

    def add_in_attendance(self) -> None:
        if self.meeting_id is not None:
            attendance_people.add_in_attendance(self._desk, self.meeting_id)

    def edit_times(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if entry.attendance_id is None:
            show_error(self, ValidationError(f"Mark {entry.name} present first."))
            return
        attendance_people.edit_times(self._desk, self.meeting_id, entry)

    def set_capacity(self, attendance_id: str, capacity: str) -> None:
        """The capacity typed in the sheet's Capacity column, as one undoable command."""
        entry = next(e for e in self.model.entries if e.attendance_id == attendance_id)
        before = entry.capacity
        self._desk.change(
            f"Capacity of {entry.name}",
            lambda: attendance.set_capacity(attendance_id=attendance_id, capacity=capacity),
            lambda: attendance.set_capacity(attendance_id=attendance_id, capacity=before),
        )

    def remove(self) -> None:
        entry = self.selected()
        if entry is None or entry.attendance_id is None:
            return
        if entry.is_member and entry.status not in ("substitute", "in attendance"):
            meeting_id, person_id, before = self.meeting_id, entry.person_id, entry.status
            self._desk.change(
                f"Clear {entry.name}",
                lambda: attendance.clear_attendance(meeting_id=meeting_id, person_id=person_id),
                lambda: attendance.mark_attendance(
                    meeting_id=meeting_id, person_id=person_id, status=before
                ),
            )
            return
        self._desk.delete(f"Remove {entry.name}", entry.attendance_id, kinds.ATTENDANCE)

    def _set_chair(self) -> None:
        meeting_id = self.meeting_id
        before = meetings.get_meeting(meeting_id).chair_id
        after = self.chair.currentData()
        if before == after:
            return
        self._desk.change(
            "Chair of the meeting",
            lambda: attendance.set_chair(meeting_id=meeting_id, person_id=after),
            lambda: attendance.set_chair(meeting_id=meeting_id, person_id=before),
        )

    def _set_public(self) -> None:
        meeting_id = self.meeting_id
        before = meetings.get_meeting(meeting_id).public_attendees
        after = self.public.value() or None
        if before == after:
            return
        self._desk.change(
            "Members of the public",
            lambda: attendance.set_public_attendees(meeting_id=meeting_id, count=after),
            lambda: attendance.set_public_attendees(meeting_id=meeting_id, count=before),
        )
