"""What an export reads below a body's meetings (exporter.py): every item, attendance
line, declaration, minute, resolution and named vote, action and note, paper, report and
minutes version of the body's meetings, loaded in a few queries and grouped by the row they
belong to, in the order the format lists them (by place, else by age)."""

from __future__ import annotations

from collections import defaultdict

from desktop_app.exchange.links import ExportedLinks
from desktop_app.rules.attending import ATTENDING
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.services.meeting_cycle.meeting_rows import by_age
from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    Meeting,
    Minute,
    MinutesVersion,
    NamedVote,
    Report,
    Resolution,
)


class MeetingParts:
    """Everything below a body's meetings, loaded in a few queries and grouped by parent."""

    def __init__(self, body_id: str) -> None:
        self.links: ExportedLinks | None = None  # set once the body's meetings are known
        meeting_ids = Meeting.select(Meeting.id).where(Meeting.body == body_id)
        self.all_items = items = list(
            AgendaItem.live().where(AgendaItem.meeting.in_(meeting_ids)).order_by(*STORED_ORDER)
        )
        self.items: dict[tuple, list[AgendaItem]] = defaultdict(list)
        for item in items:
            self.items[(item.__data__["meeting"], item.__data__.get("parent"))].append(item)
        item_ids = AgendaItem.select(AgendaItem.id).where(AgendaItem.meeting.in_(meeting_ids))
        self.attendance = _grouped(
            Attendance, "meeting", Attendance.meeting.in_(meeting_ids), by_age(Attendance)
        )
        # Who came in and who left during each item, by (field, item); a line no longer
        # marked as attending says nothing of comings and goings (rules/attending.py).
        self.comings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for lines in self.attendance.values():
            for line in lines:
                if line.status not in ATTENDING:
                    continue
                for field in ("arrived_during", "left_during"):
                    if line.__data__.get(field):
                        self.comings[(field, line.__data__[field])].append(line.__data__["person"])
        self.declarations = _grouped(
            Declaration, "item", Declaration.item.in_(item_ids), by_age(Declaration)
        )
        self.minutes = _grouped(Minute, "item", Minute.item.in_(item_ids), by_age(Minute))
        self.resolutions = _grouped(
            Resolution,
            "item",
            Resolution.item.in_(item_ids),
            (Resolution.position, *by_age(Resolution)),
        )
        self.actions = _grouped(
            Action, "item", Action.item.in_(item_ids), (Action.position, *by_age(Action))
        )
        self.documents = _grouped(Document, "item", Document.item.in_(item_ids), by_age(Document))
        self.reports = _grouped(Report, "item", Report.item.in_(item_ids), by_age(Report))
        resolution_ids = Resolution.select(Resolution.id).where(Resolution.item.in_(item_ids))
        self.named_votes = _grouped(
            NamedVote, "resolution", NamedVote.resolution.in_(resolution_ids), by_age(NamedVote)
        )
        self.versions = _grouped(
            MinutesVersion,
            "meeting",
            MinutesVersion.meeting.in_(meeting_ids),
            (MinutesVersion.version, *by_age(MinutesVersion)),
        )
        action_ids = Action.select(Action.id).where(Action.item.in_(item_ids))
        self.notes = _grouped(
            ActionNote,
            "action",
            ActionNote.action.in_(action_ids),
            (ActionNote.date, *by_age(ActionNote)),
        )


def _grouped(model, parent: str, condition, order) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in model.live().where(condition).order_by(*order):
        grouped[row.__data__[parent]].append(row)
    return grouped
