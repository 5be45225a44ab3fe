"""The minutes, item by item, laid out as the clerk writes them (seed 004): overview,
discussion key points, recommendations put, the decision and free notes; then what was
resolved (ui/minute_resolutions.py) and the actions arising (ui/minute_actions.py), under
where the minutes stand (ui/minutes_standing.py). Every change is undoable and saved as it
is made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
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

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services.decisions import minutes, minutes_versions, voting
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.reports.workflow import offered_recommendations
from ui.commands import kinds
from ui.commands.desk import Desk
from ui.commands.service_call import perform
from ui.date_field import DateEdit
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.item_list import item_list
from ui.minute_actions import ActionsBox, ArisingBox
from ui.minute_resolutions import ResolvedBox
from ui.minutes_standing import MinutesStanding
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
        self._desk = Desk(self, stack, changes)
        self.meeting_id: str | None = None
        self.item_id: str | None = None
        self.entries: list[agenda.AgendaEntry] = []

        self.items = item_list("minuteItems", "Items to minute")
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
        self.next_date = DateEdit()
        self.next_date.setObjectName("nextMeetingDate")
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

        self.resolved = ResolvedBox(self._desk)
        self.actions = ActionsBox(self._desk)
        self.arising = ArisingBox(self._desk)
        self.standing = MinutesStanding(self._desk, handoff=self.items)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.offer_button)
        top.addWidget(self.noted_button)
        top.addWidget(self.approve_button)
        page_layout.addWidget(self.standing)
        page_layout.addLayout(top)
        page_layout.addWidget(self.warning)
        page_layout.addLayout(form)
        page_layout.addWidget(self.next_box)
        page_layout.addWidget(self.arising)
        page_layout.addWidget(self.resolved)
        page_layout.addWidget(self.actions)
        self._scroll = scroll = QScrollArea()
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
        self.standing.show_meeting(meeting_id)
        self._show_item()

    def refresh(self) -> None:
        if self.meeting_id:
            self.show_meeting(self.meeting_id)

    def select_item(self, item_id: str) -> None:
        ids = [e.id for e in self.entries]
        if item_id in ids:
            self.items.setCurrentRow(ids.index(item_id))

    def _entry(self) -> agenda.AgendaEntry | None:
        row = self.items.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_item(self) -> None:
        entry = self._entry()
        if (entry.id if entry else None) != self.item_id:
            self._scroll.verticalScrollBar().setValue(0)  # another item is read from its top
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
        self.resolved.show_item(self.meeting_id, entry.id)
        self.next_box.setVisible(entry.kind == "date of next meeting")
        if entry.kind == "date of next meeting":
            following = meetings.get_meeting(self.meeting_id).next_meeting_date
            self.next_date.setText(long_date(following) if following else "")
        self.arising.setVisible(entry.kind == "matters arising")
        if entry.kind == "matters arising":
            self.arising.show_meeting(self.meeting_id)
        self.actions.show_item(self.meeting_id, entry.id)

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
            "call": "desktop_app.services.decisions.minutes:update_minute",
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
        self._desk.change(
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
        typed = self.next_date.value()
        if typed == before:
            return
        self._desk.change(
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
        self._desk.create(
            "Schedule the next meeting",
            lambda: meetings.schedule_next_meeting(meeting_id=meeting_id),
            kinds.MEETING,
        )

    # -- what the item decided -------------------------------------------------------------

    def mark_noted(self) -> None:
        item_id = self.item_id
        if item_id:
            self._desk.create(
                "Noted", lambda: minutes.mark_noted(item_id=item_id), kinds.RESOLUTION
            )

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
        self._desk.change(
            "Approve the previous minutes",
            lambda: minutes_versions.approve(meeting_id=previous, at_item_id=item_id),
            lambda: minutes_versions.unapprove(meeting_id=previous),
        )


def _stored(name: str, text: str):
    """A box's text as the minute stores it: the lists a line per entry."""
    return [line.strip() for line in text.splitlines() if line.strip()] if name in LISTS else text
