"""Live meeting mode: the current item in large type with the clock and the time since
the meeting began, PageDown/PageUp through the agenda, attendance marked with one key,
and a notes box per item that becomes the item's minute notes.

Moving to an item records the time it was taken (for quorum per item); marking someone
"arrived now" or "left now" stamps the clock. Every change is undoable from the main window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.decisions import minutes
from desktop_app.services.meeting_cycle import agenda, attendance, meetings, quorum
from desktop_app.services.meeting_cycle.attendance_sheet import AttendanceEntry, attendance_sheet
from ui.attendance_people import times_of
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes
from ui.models.attendance import STATUS_COLOURS

NOTES_PAUSE_MS = 300  # notes are saved this soon after the clerk pauses: a crash loses little


class LiveMeeting(QWidget):
    def __init__(
        self,
        meeting_id: str,
        stack: QUndoStack,
        changes: Changes,
        *,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent=None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.meeting_id, self._stack, self._changes, self._now = meeting_id, stack, changes, now
        meeting = meetings.get_meeting(meeting_id)
        self.setWindowTitle(f"Live meeting — {meeting.body.name}")
        # Only on the day is the time an item is taken a fact worth recording; reading
        # through a past meeting in live mode must not rewrite its record.
        self._on_the_day = meeting.date == now().date()
        self._opened = now()
        self.entries: list[agenda.AgendaEntry] = []
        self.index = 0

        self.clock = _label(18, "clock")
        self.elapsed = _label(18, "elapsed")
        self.position = _label(14, "position")
        self.quorum = _label(14, "quorum")
        top = QHBoxLayout()
        top.setSpacing(32)
        for widget in (self.clock, self.elapsed, self.position):
            top.addWidget(widget)
        top.addStretch()
        top.addWidget(self.quorum)

        self.number = _label(40, "number")
        self.title = _label(30, "title")
        self.title.setWordWrap(True)
        self.detail = _label(16, "detail")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setAccessibleName("Notes for the minute of this item")
        self.notes.setFont(_font(16))
        self.notes.setPlaceholderText("Notes for the minute of this item…")
        self._save_timer = QTimer(self, singleShot=True, interval=NOTES_PAUSE_MS)
        self._save_timer.timeout.connect(self.save_notes)
        self.notes.textChanged.connect(self._save_timer.start)
        self.notes.installEventFilter(self)

        self.people = QListWidget()
        self.people.setObjectName("livePeople")
        self.people.setAccessibleName("Attendance")
        self.people.setFont(_font(14))
        people_buttons = QHBoxLayout()
        for text, slot in (("Arrived now", self.arrived_now), ("Left now", self.left_now)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            people_buttons.addWidget(button)
        # "The meeting closed at 8.05 pm": the clock's time, on the day itself.
        self.close_button = QPushButton("Meeting closed now")
        self.close_button.setObjectName("closeMeeting")
        self.close_button.setEnabled(self._on_the_day)
        self.close_button.clicked.connect(self.close_meeting)
        side = QVBoxLayout()
        side.addWidget(_label(14, "peopleHeading", "Attendance — P present, A apologies, X absent"))
        side.addWidget(self.people, 1)
        side.addLayout(people_buttons)
        side.addWidget(self.close_button)

        main = QVBoxLayout()
        main.addWidget(self.number)
        main.addWidget(self.title)
        main.addWidget(self.detail)
        main.addWidget(self.notes, 1)
        body = QHBoxLayout()
        body.addLayout(main, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(
            _label(11, "keys", "PageDown next item · PageUp previous · Esc leaves live mode")
        )

        for keys, slot in (
            (("PgDown", "Ctrl+Right"), self.next_item),
            (("PgUp", "Ctrl+Left"), self.previous_item),
            (("Esc",), self.close),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
        for status, key in (("present", "P"), ("apologies", "A"), ("absent", "X")):
            action = QAction(self.people)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=status: self.mark(s))
            self.people.addAction(action)

        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.show_time)
        self._tick.start()
        changes.changed.connect(self.refresh)
        self.refresh()
        self.go_to(0)

    # -- what is shown ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.entries = agenda.list_agenda(self.meeting_id)
        self.index = min(self.index, max(0, len(self.entries) - 1))
        self._show_item()
        self._show_people()
        self.show_time()

    def show_time(self) -> None:
        now = self._now()
        minutes_in = int((now - self._opened).total_seconds() // 60)
        self.clock.setText(now.strftime("%H:%M:%S"))
        self.elapsed.setText(f"{minutes_in // 60}h {minutes_in % 60:02d}m in")

    def current(self) -> agenda.AgendaEntry | None:
        return self.entries[self.index] if self.entries else None

    def _show_item(self) -> None:
        entry = self.current()
        self.position.setText(f"Item {self.index + 1} of {len(self.entries)}")
        if entry is None:
            self.number.setText("")
            self.title.setText("This meeting has no agenda yet.")
            self.detail.setText("")
            return
        self.number.setText(entry.number or entry.preview_number)
        self.title.setText(entry.title or "(untitled)")
        presenter = f"by {entry.presenter}" if entry.presenter else ""
        parts = [entry.kind.capitalize(), entry.purpose, presenter]
        if entry.confidential:
            parts.append("PART II — exclude press and public")
        if entry.started_at:
            parts.append(f"taken at {entry.started_at}")
        self.detail.setText(" · ".join(p for p in parts if p))
        text = minutes.item_notes(entry.id)
        if self.notes.toPlainText() != text and not self._save_timer.isActive():
            self.notes.blockSignals(True)
            self.notes.setPlainText(text)
            self.notes.blockSignals(False)
        state = quorum.quorum_by_item(self.meeting_id).get(entry.id)
        if state is not None and state.needed:
            colour = "#1e7b34" if state.quorate else "#b00020"
            verdict = "Quorate" if state.quorate else "NOT QUORATE"
            self.quorum.setText(
                f"<span style='color:{colour}'>{verdict} ({state.present}/{state.needed})</span>"
            )
        else:
            self.quorum.setText("")

    def _show_people(self) -> None:
        selected = self.people.currentRow()
        self.people.clear()
        for entry in attendance_sheet(self.meeting_id):
            times = "".join(
                f" · {label} {value}"
                for label, value in (("arrived", entry.arrived), ("left", entry.left))
                if value
            )
            row = QListWidgetItem(f"{entry.name} — {entry.status or 'not marked'}{times}")
            row.setData(Qt.ItemDataRole.UserRole, entry)
            if entry.status in STATUS_COLOURS:
                row.setBackground(QColor(STATUS_COLOURS[entry.status]))
            self.people.addItem(row)
        self.people.setCurrentRow(max(0, min(selected, self.people.count() - 1)))

    # -- moving through the agenda -----------------------------------------------------------

    def next_item(self) -> None:
        self.go_to(self.index + 1)

    def previous_item(self) -> None:
        self.go_to(self.index - 1)

    def go_to(self, index: int) -> None:
        if not self.entries or not 0 <= index < len(self.entries):
            return
        self.save_notes()
        self.index = index
        entry = self.entries[index]
        if self._on_the_day and not entry.started_at:
            taken = self._now().strftime("%H:%M")
            self._run(
                lambda: perform(
                    self._stack,
                    self._changes,
                    f"Take item {entry.number or entry.title}",
                    lambda: agenda.update_item(item_id=entry.id, started_at=taken),
                    lambda: agenda.update_item(item_id=entry.id, started_at=""),
                )
            )
        self._show_item()

    def save_notes(self) -> None:
        self._save_timer.stop()
        entry = self.current()
        if entry is None:
            return
        before, after = minutes.item_notes(entry.id), self.notes.toPlainText()
        if before.strip() == after.strip():
            return
        self._run(
            lambda: perform(
                self._stack,
                self._changes,
                "Notes",
                lambda: minutes.set_item_notes(item_id=entry.id, notes=after),
                lambda: minutes.set_item_notes(item_id=entry.id, notes=before),
                merge_key=("notes", entry.id),
            )
        )

    # -- attendance ----------------------------------------------------------------------------

    def selected_person(self) -> AttendanceEntry | None:
        row = self.people.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def mark(self, status: str) -> None:
        entry = self.selected_person()
        if entry is None:
            return
        before, meeting_id = entry.status, self.meeting_id

        def revert():
            if before:
                attendance.mark_attendance(
                    meeting_id=meeting_id, person_id=entry.person_id, status=before
                )
            else:
                attendance.clear_attendance(meeting_id=meeting_id, person_id=entry.person_id)

        self._run(
            lambda: perform(
                self._stack,
                self._changes,
                f"Mark {entry.name} {status}",
                lambda: attendance.mark_attendance(
                    meeting_id=meeting_id, person_id=entry.person_id, status=status
                ),
                revert,
            )
        )

    def arrived_now(self) -> None:
        self._stamp("arrived")

    def left_now(self) -> None:
        self._stamp("left")

    def _stamp(self, field: str) -> None:
        entry = self.selected_person()
        if entry is None:
            return
        if entry.attendance_id is None or entry.status not in (
            "present",
            "substitute",
            "in attendance",
        ):
            show_error(self, ValidationError(f"Mark {entry.name} present first."))
            return
        now = self._now().strftime("%H:%M")
        before = times_of(entry)
        # The minutes record the arrival or departure at the item being taken.
        current = self.current()
        after = {**before, field: now, f"{field}_during": current.id if current else None}
        self._run(
            lambda: perform(
                self._stack,
                self._changes,
                f"{entry.name} {field} at {now}",
                lambda: attendance.set_times(attendance_id=entry.attendance_id, **after),
                lambda: attendance.set_times(attendance_id=entry.attendance_id, **before),
            )
        )

    def close_meeting(self) -> None:
        """Record the time the meeting closed, which its minutes print."""
        meeting_id, now = self.meeting_id, self._now().strftime("%H:%M")
        before = meetings.get_meeting(meeting_id).end_time
        self._run(
            lambda: perform(
                self._stack,
                self._changes,
                f"Meeting closed at {now}",
                lambda: meetings.update_meeting(meeting_id=meeting_id, end_time=now),
                lambda: meetings.update_meeting(meeting_id=meeting_id, end_time=before),
            )
        )

    def eventFilter(self, watched, event) -> bool:
        # A text box claims PageUp/PageDown for scrolling; here they move through the agenda.
        if (
            watched is self.notes
            and event.type() == QEvent.Type.ShortcutOverride
            and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:
        self.save_notes()
        self._tick.stop()
        super().closeEvent(event)

    def _run(self, change) -> None:
        try:
            change()
        except ValidationError as error:
            show_error(self, error)


def _font(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    return font


def _label(points: int, name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setFont(_font(points))
    return label
