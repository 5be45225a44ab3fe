"""The page of one meeting: when and where, who came, and each item with its minute."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.dates import day_and_date
from desktop_app.services.meeting_record import ItemRecord, MeetingRecord, load_meeting_record
from ui.icons import icon

STYLE = """
h3 { margin-top: 14px; margin-bottom: 4px; }
.label { color: #555; font-weight: bold; }
.muted { color: #666; }
.confidential { color: #a00; }
td { padding: 1px 10px 1px 0; vertical-align: top; }
"""


class MeetingPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.record: MeetingRecord | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.edit_button = QPushButton(icon("edit"), "Edit date, time and venue…")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button)
        self.browser = QTextBrowser()
        self.browser.setObjectName("meetingRecord")
        self.browser.document().setDefaultStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)

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
        self.heading.setText(
            f"<h2>{escape(record.body_name)}</h2>"
            f"<div>{when}{', ' + times if times else ''}"
            f"{', ' + escape(record.venue) if record.venue else ''}</div>"
            f"<div class='muted'>{escape(record.kind.capitalize())} meeting · "
            f"{escape(record.status.capitalize())}"
            f"{' · Chair: ' + escape(record.chair) if record.chair else ''}</div>"
        )
        self.browser.setHtml(meeting_html(record))


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
                f"<tr><td>{escape(a.name)}</td><td class='muted'>{escape(a.description)}</td></tr>"
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
