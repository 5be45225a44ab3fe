"""Earlier minutes an agenda item can follow up (“see minute 31, 1 October 2012”)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.dates import short_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
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


def check_one_citation(*, linked: bool, cited: str) -> None:
    """An item follows up an earlier minute of the record, or cites one that is not in it
    as text (its meeting was before the data folder began), not both."""
    if linked and cited:
        raise ValidationError(
            "An item follows up a minute in the record or cites one as text, not both; "
            "clear one of them."
        )


def citation_words(cited: str) -> str:
    """How the minutes name a minute cited as text: a bare reference (“Cou/250/07-08”)
    as “minute Cou/250/07-08”, anything longer as the clerk wrote it."""
    return cited if " " in cited.strip() else f"minute {cited.strip()}"
