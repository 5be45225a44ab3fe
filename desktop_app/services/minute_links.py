"""Earlier minutes an agenda item can follow up (“see minute 31, 1 October 2012”)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.dates import short_date
from desktop_app.services import validation
from desktop_app.services.agenda_tree import STORED_ORDER
from desktop_app.storage.models import AgendaItem, Meeting


@dataclass(frozen=True)
class EarlierMinute:
    item_id: str
    label: str  # “31 Minutes — 1 Oct 2012”


def earlier_minutes(meeting_id: str, *, limit: int = 300) -> list[EarlierMinute]:
    """The body's numbered items from meetings before this one, newest first."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    rows = (
        AgendaItem.live()
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        .where(
            (Meeting.body == meeting.body_id)
            & (Meeting.date < meeting.date)
            & Meeting.deleted_at.is_null()
            & (AgendaItem.number != "")
        )
        .select(AgendaItem.id, AgendaItem.number, AgendaItem.title, Meeting.date)
        .order_by(Meeting.date.desc(), *STORED_ORDER)
        .limit(limit)
        .objects()
    )
    return [EarlierMinute(r.id, f"{r.number} {r.title} — {short_date(r.date)}") for r in rows]
