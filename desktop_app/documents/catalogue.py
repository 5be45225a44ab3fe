"""Every document Minute Book prints, named once: its label, the function that renders it,
whether it may be published, and the file name it suggests.

The window's Documents menu, the preview, Publish and the command line all read this table,
so a new document is one line here. Render functions are imported only when a document is
made: reportlab and pypdf stay out of the window's start-up.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.dates import long_date, parse_date
from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings

MEETING = "meeting"
BODY = "body"


@dataclass(frozen=True)
class Target:
    """What a document is of: a meeting (body and date) or a body over a period."""

    id: str  # the meeting's id, or the body's
    body_name: str
    date: dt.date | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def when(self) -> str:
        if self.date is not None:
            return long_date(self.date)
        return f"{long_date(self.since)} to {long_date(self.until)}"


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str  # as the menu and the preview's title say it
    scope: str  # MEETING or BODY
    renderer: str  # "module:function", taking (meeting_id or body_id, **options) -> bytes
    name: str  # the file name it suggests, from {date}, {body}, {since}, {until}
    options: dict[str, Any] = field(default_factory=dict)
    publishable: bool = False  # a public edition: Publish may write it to an outside folder
    takes_progress: bool = False  # long work: the function reports progress and can stop
    period: bool = False  # a register over a period: from_date and to_date
    public_option: bool = False  # a register whose function gives a public edition

    def render(self, target_id: str, *, progress=None, **options: Any) -> bytes:
        """The document's PDF; `progress` goes to functions that take it (the pack)."""
        module, function = self.renderer.split(":")
        render: Callable[..., bytes] = getattr(importlib.import_module(module), function)
        arguments = {**self.options, **options}
        if self.takes_progress:
            arguments["progress"] = progress
        return render(target_id, **arguments)

    def file_name(self, target: Target) -> str:
        """“2012-12-17 Maidstone Locality Board agenda (public).pdf”"""
        name = self.name.format(
            body=target.body_name,
            date=target.date.isoformat() if target.date else "",
            since=target.since.isoformat() if target.since else "",
            until=target.until.isoformat() if target.until else "",
        )
        return _safe_file_name(name)

    def title(self, target: Target) -> str:
        """“Agenda — Maidstone Locality Board, 17 December 2012”"""
        return f"{self.label} — {target.body_name}, {target.when}"


_DOCUMENTS = (
    DocumentKind(
        "agenda",
        "Agenda",
        MEETING,
        "desktop_app.documents.agenda_pdf:render_agenda",
        "{date} {body} agenda.pdf",
    ),
    DocumentKind(
        "public-agenda",
        "Public agenda",
        MEETING,
        "desktop_app.documents.agenda_pdf:render_agenda",
        "{date} {body} agenda (public).pdf",
        options={"public": True},
        publishable=True,
    ),
    DocumentKind(
        "pack",
        "Agenda pack",
        MEETING,
        "desktop_app.documents.pack_pdf:render_pack",
        "{date} {body} agenda pack.pdf",
        takes_progress=True,
    ),
    DocumentKind(
        "public-pack",
        "Public agenda pack",
        MEETING,
        "desktop_app.documents.pack_pdf:render_pack",
        "{date} {body} agenda pack (public).pdf",
        options={"public": True},
        publishable=True,
        takes_progress=True,
    ),
    DocumentKind(
        "brief",
        "Chair's brief",
        MEETING,
        "desktop_app.documents.brief_pdf:render_brief",
        "{date} {body} chair's brief.pdf",
    ),
    DocumentKind(
        "minutes",
        "Minutes",
        MEETING,
        "desktop_app.documents.catalogue:minutes_as_kept",
        "{date} {body} minutes.pdf",
        publishable=True,  # the public minutes: Part II shows only number and exemption
    ),
    DocumentKind(
        "confidential-minutes",
        "Confidential minutes",
        MEETING,
        "desktop_app.documents.catalogue:minutes_as_kept",
        "{date} {body} minutes (confidential).pdf",
        options={"confidential": True},
    ),
    DocumentKind(
        "archive",
        "Meeting archive",
        MEETING,
        "desktop_app.documents.archive_pdf:render_archive",
        "{date} {body} meeting archive.pdf",
    ),
    DocumentKind(
        "actions",
        "Action log",
        BODY,
        "desktop_app.documents.registers_pdf:render_action_log",
        "{body} action log {date}.pdf",
        public_option=True,
    ),
    DocumentKind(
        "decisions",
        "Decisions register",
        BODY,
        "desktop_app.documents.registers_pdf:render_decisions_register",
        "{body} decisions register {since} to {until}.pdf",
        public_option=True,
        period=True,
    ),
    DocumentKind(
        "attendance",
        "Attendance record",
        BODY,
        "desktop_app.documents.registers_pdf:render_attendance_record",
        "{body} attendance record {since} to {until}.pdf",
        period=True,
    ),
)
DOCUMENTS: dict[str, DocumentKind] = {kind.key: kind for kind in _DOCUMENTS}


def document(key: str) -> DocumentKind:
    if key not in DOCUMENTS:
        known = ", ".join(DOCUMENTS)
        raise ValidationError(f"There is no document called “{key}”; choose one of {known}.")
    return DOCUMENTS[key]


def of_scope(scope: str) -> list[DocumentKind]:
    return [kind for kind in _DOCUMENTS if kind.scope == scope]


def meeting_target(meeting_id: str) -> Target:
    meeting = meetings.get_meeting(meeting_id)
    body = bodies.get_body(meeting.__data__["body"])
    return Target(meeting.id, body.name, date=meeting.date)


def body_target(
    body_id: str,
    *,
    date: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Target:
    """A body's register as at `date`, or over the period from `since` to `until`."""
    return Target(body_id, bodies.get_body(body_id).name, date=date, since=since, until=until)


def minutes_as_kept(meeting_id: str, *, confidential: bool = False) -> bytes:
    """Once the minutes are signed, the signed file itself, byte for byte (a rendering
    would lack the signature), unless the record has changed since; until then, as
    rendered now."""
    if not confidential:
        from desktop_app.services.decisions.minutes_versions import content_changed_since_approval
        from desktop_app.services.signatures.signing import signed_pdf

        signed = signed_pdf(meeting_id)
        if signed is not None:
            # The signed copy cannot follow the record: once an item is put into Part II
            # after signing, it still prints that item, so it is not written out at all.
            if content_changed_since_approval(meeting_id):
                when = long_date(meetings.get_meeting(meeting_id).date)
                raise ValidationError(
                    f"The minutes of {when} have changed since they were approved, so their "
                    "signed copy may show what is now confidential and is not written out; "
                    "put back what changed, or record a correction at the approving meeting."
                )
            return signed
    from desktop_app.documents.minutes_pdf import render_minutes

    return render_minutes(meeting_id, confidential=confidential)


def period(
    since: dt.date | str | None, until: dt.date | str | None, *, today: dt.date
) -> tuple[dt.date, dt.date]:
    """A register's period from dates, or dates as typed (dates.py); by default the twelve
    months to today."""
    end = _day(until, "end") if until else today
    start = _day(since, "start") if since else _year_before(end)
    if start > end:
        raise ValidationError("The period ends before it starts.")
    return start, end


def _day(value: dt.date | str, which: str) -> dt.date:
    return value if isinstance(value, dt.date) else parse_date(value, f"{which} of the period")


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _safe_file_name(name: str) -> str:
    # Characters Windows or a web server refuse in a file name (a body called "A/B Group").
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", name).strip(" .")
