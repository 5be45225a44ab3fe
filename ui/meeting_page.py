"""The page of one meeting: when and where, who came, and each item with its minute."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dates import day_and_date
from desktop_app.errors import ValidationError
from desktop_app.services.meeting_cycle import meeting_status
from desktop_app.services.meeting_cycle.meeting_record import (
    ItemRecord,
    MeetingRecord,
    load_meeting_record,
)
from ui.agenda_editor import AgendaEditor
from ui.attendance_view import AttendanceView
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.interests_view import InterestsView
from ui.live_meeting import LiveMeeting
from ui.minute_editor import MinuteEditor
from ui.record_dialog import RecordDialog
from ui.report_editor import ReportEditor
from ui.signature_badge import SignatureBadge
from ui.tab_focus import focus_page_on_click

HELD_SHORTCUT = "Ctrl+Shift+D"  # D for done: the meeting took place

STYLE = """
h3 { margin-top: 14px; margin-bottom: 4px; }
.label { color: #555; font-weight: bold; }
.muted { color: #666; }
.confidential { color: #a00; }
td { padding: 1px 10px 1px 0; vertical-align: top; }
"""


class MeetingPage(QWidget):
    """Heading and actions above four tabs: the record, the agenda, attendance, interests.
    Only the visible tab is loaded, so opening a meeting stays quick."""

    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self.record: MeetingRecord | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.edit_button = QPushButton(icon("edit"), "Edit date, time and venue…")
        self.status_button = QToolButton()
        self.status_button.setObjectName("statusButton")
        self.status_button.setIcon(icon("status"))
        self.status_button.setText("Status")
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        # The step a clerk takes at every meeting has a key: the menu shows it beside it.
        self.held_action = QAction(_status_label("held"), self)
        self.held_action.setShortcut(QKeySequence(HELD_SHORTCUT))
        self.held_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.held_action.triggered.connect(lambda: self.change_status("held"))
        self.addAction(self.held_action)
        # The main window gives it the Documents menu (ui/document_actions.py).
        self.documents_button = QToolButton()
        self.documents_button.setObjectName("documentsButton")
        self.documents_button.setIcon(icon("documents"))
        self.documents_button.setText("Documents")
        self.documents_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.live_button = QPushButton(icon("live"), "Live meeting (F5)")
        self.live_button.setShortcut(QKeySequence("F5"))
        self.live_button.clicked.connect(self.open_live)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for widget in (
            self.edit_button,
            self.status_button,
            self.documents_button,
            self.live_button,
        ):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

        self.browser = QTextBrowser()
        self.browser.setObjectName("meetingRecord")
        self.browser.setAccessibleName("Record of the meeting")
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.agenda = AgendaEditor(stack, changes)
        self.attendance = AttendanceView(stack, changes)
        self.interests = InterestsView(stack, changes)
        self.minutes = MinuteEditor(stack, changes)
        self.reports = ReportEditor(stack, changes)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetingTabs")
        self.tabs.setAccessibleName("Parts of the meeting")
        self.tabs.addTab(self.browser, icon("meeting"), "Record")
        self.tabs.addTab(self.agenda, icon("template"), "Agenda")
        self.tabs.addTab(self.attendance, icon("attendance"), "Attendance")
        self.tabs.addTab(self.interests, icon("interest"), "Interests")
        self.tabs.addTab(self.minutes, icon("edit"), "Minutes")
        self.tabs.addTab(self.reports, icon("paper"), "Reports")
        self.tabs.currentChanged.connect(lambda _: self._load_tab())
        focus_page_on_click(self.tabs)
        self.live: LiveMeeting | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        # Signed minutes: whether they verify, under the status line (checked off the GUI thread).
        self.badge = SignatureBadge()
        layout.addWidget(self.badge)
        layout.addWidget(self.tabs, 1)

    def show_meeting(self, meeting_id: str) -> None:
        self.record = load_meeting_record(meeting_id)
        self.refresh_view()

    def refresh(self) -> None:
        if self.record is not None:
            self.show_meeting(self.record.id)

    def refresh_view(self) -> None:
        record = self.record
        when = day_and_date(record.date)
        times = " – ".join(t for t in (record.start_time, record.end_time) if t)
        reason = f" ({escape(record.status_reason)})" if record.status_reason else ""
        self.heading.setText(
            f"<h2>{escape(record.body_name)}</h2>"
            f"<div>{when}{', ' + times if times else ''}"
            f"{', ' + escape(record.venue) if record.venue else ''}</div>"
            f"<div class='muted'>{escape(record.kind.capitalize())} meeting · "
            f"{escape(record.status.capitalize())}{reason}"
            f"{' · Chair: ' + escape(record.chair) if record.chair else ''}</div>"
        )
        self.badge.show_meeting(record.id)
        self._fill_status_menu()
        self._load_tab()

    def _load_tab(self) -> None:
        shown = self.tabs.currentWidget()
        if self.record is None:
            return
        if shown is self.browser:
            self.browser.setHtml(meeting_html(self.record))
        else:
            shown.show_meeting(self.record.id)

    # -- status ------------------------------------------------------------------------------

    def _fill_status_menu(self) -> None:
        self.status_menu.clear()
        moves = [
            s for s in meeting_status.ALLOWED.get(self.record.status, ()) if s != "agenda published"
        ]
        for status in moves:
            if status == "held":
                self.status_menu.addAction(self.held_action)
                continue
            action = self.status_menu.addAction(_status_label(status))
            action.triggered.connect(lambda _=False, s=status: self.change_status(s))
        self.status_button.setEnabled(bool(moves))

    def change_status(self, status: str) -> None:
        meeting_id = self.record.id
        before, reason_before = self.record.status, self.record.status_reason

        def apply_with(reason: str):
            perform(
                self._stack,
                self._changes,
                f"Meeting {status}",
                lambda: meeting_status.change_status(
                    meeting_id=meeting_id, status=status, reason=reason
                ),
                lambda: meeting_status.revert_status(
                    meeting_id=meeting_id, status=before, reason=reason_before
                ),
            )

        if status in ("cancelled", "postponed"):
            dialog = RecordDialog(f"Meeting {status}", lambda v: apply_with(v["reason"]), self)
            dialog.add_line("reason", "Reason", "", "e.g. not quorate; the venue is closed")
            dialog.exec()
            return
        try:
            apply_with("")
        except ValidationError as error:
            show_error(self, error)

    # -- live mode ---------------------------------------------------------------------------

    def open_live(self) -> None:
        if self.record is None:
            return
        self.live = LiveMeeting(self.record.id, self._stack, self._changes, parent=self)
        self.live.showFullScreen()
        self.live.raise_()
        self.live.activateWindow()


def _status_label(status: str) -> str:
    return {
        "held": "Mark as held",
        "cancelled": "Cancel…",
        "postponed": "Postpone…",
        "scheduled": "Re-arrange (scheduled again)",
    }.get(status, status.capitalize())


def meeting_html(record: MeetingRecord) -> str:
    parts = [_attendance_html(record)]
    if record.items:
        parts.append("<h3>Minutes</h3>")
        parts.extend(_item_html(item, level=0) for item in record.items)
    else:
        parts.append("<p class='muted'>No agenda items yet.</p>")
    return "".join(parts)


def _attendance_html(record: MeetingRecord) -> str:
    present = [a for a in record.attendance if a.status in ("present", "substitute")]
    attending = [a for a in record.attendance if a.status == "in attendance"]
    apologies = [a for a in record.attendance if a.status == "apologies"]
    absent = [a for a in record.attendance if a.status == "absent"]
    html = []
    for title, lines in (("Present", present), ("In attendance", attending)):
        if lines:
            rows = "".join(
                f"<tr><td>{escape(a.name)}</td><td class='muted'>"
                f"{escape('; '.join(p for p in (a.description, a.times) if p))}</td></tr>"
                for a in lines
            )
            html.append(f"<h3>{title} ({len(lines)})</h3><table>{rows}</table>")
    for title, lines in (("Apologies", apologies), ("Absent", absent)):
        if lines:
            names = ", ".join(escape(a.name) for a in lines)
            html.append(f"<h3>{title} ({len(lines)})</h3><p>{names}.</p>")
    if not record.attendance:
        html.append("<p class='muted'>No attendance recorded yet.</p>")
    return "".join(html)


def _item_html(item: ItemRecord, level: int) -> str:
    number = f"{escape(item.number)}. " if item.number else ""
    lock = " <span class='confidential'>(confidential)</span>" if item.confidential else ""
    kind = f" <span class='muted'>({escape(item.kind)})</span>" if item.kind else ""
    tag = "h3" if level == 0 else "h4"
    html = [f"<{tag}>{number}{escape(item.title)}{kind}{lock}</{tag}>"]
    if item.presenter:
        html.append(f"<p class='muted'>Presented by {escape(item.presenter)}</p>")
    if item.overview:
        html.append(f"<p><span class='label'>Overview:</span> {escape(item.overview)}</p>")
    for label, entries in (
        ("Discussion – key points", item.key_points),
        ("Recommendations", item.recommendations),
    ):
        if entries:
            points = "".join(f"<li>{escape(p)}</li>" for p in entries)
            html.append(f"<p class='label'>{label}:</p><ul>{points}</ul>")
    if item.decision:
        html.append(f"<p><span class='label'>Decision:</span> {escape(item.decision)}</p>")
    for outcome, wording in item.resolutions:
        html.append(f"<p><b>{escape(outcome.upper())}:</b> {escape(wording)}</p>")
    for event in item.events:
        html.append(f"<p class='muted'><i>{escape(event)}</i></p>")
    if item.notes:
        html.append(f"<p>{escape(item.notes)}</p>")
    if item.actions:
        rows = "".join(
            f"<li>{escape(text)}{' — ' + escape(owner) if owner else ''}"
            f"{' (by ' + escape(due) + ')' if due else ''}</li>"
            for text, owner, due in item.actions
        )
        html.append(f"<p class='label'>Actions:</p><ul>{rows}</ul>")
    html.extend(_item_html(sub, level + 1) for sub in item.sub_items)
    return f"<div style='margin-left: {level * 18}px'>{''.join(html)}</div>"
