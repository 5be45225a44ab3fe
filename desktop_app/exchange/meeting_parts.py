"""What an export reads below a body's meetings (exporter.py): every item, attendance
line, declaration, minute, resolution and named vote, action and note, paper, report and
minutes version of the body's meetings, grouped by the row they belong to, in the order the
format lists them (by place, else by age). All but the reports and versions are the
meetings' rows as the one read model of a meeting reads them (meeting_rows.py)."""

from __future__ import annotations

from collections import defaultdict

from desktop_app.exchange.links import ExportedLinks
from desktop_app.rules.attending import ATTENDING
from desktop_app.services.meeting_cycle.meeting_rows import by_age, load_rows
from desktop_app.storage.models import (
    AgendaItem,
    Meeting,
    MinutesVersion,
    Report,
)


class MeetingParts:
    """Everything below a body's meetings, grouped by parent: built from the meetings' rows
    (meeting_rows.py, the one read model of a meeting, which reads them all in a few
    queries), with the reports and minutes versions the export adds."""

    def __init__(self, body_id: str, meetings: list[Meeting]) -> None:
        self.links: ExportedLinks | None = None  # set once the body's meetings are known
        found_by = Meeting.select(Meeting.id).where(
            (Meeting.body == body_id) & Meeting.deleted_at.is_null()
        )
        read = load_rows(meetings, found_by, for_export=True).values()
        self.all_items = [item for rows in read for item in rows.items]
        self.items: dict[tuple, list[AgendaItem]] = defaultdict(list)
        for item in self.all_items:
            self.items[(item.__data__["meeting"], item.__data__.get("parent"))].append(item)
        self.attendance = {rows.meeting.id: rows.attendance for rows in read}
        # Who came in and who left during each item, by (field, item); a line no longer
        # marked as attending says nothing of comings and goings (rules/attending.py).
        self.comings: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.declarations: dict[str, list] = defaultdict(list)
        for rows in read:
            for line in rows.attendance:
                if line.status not in ATTENDING:
                    continue
                for field in ("arrived_during", "left_during"):
                    if line.__data__.get(field):
                        self.comings[(field, line.__data__[field])].append(line.__data__["person"])
            for declaration in rows.declarations:
                self.declarations[declaration.__data__.get("item")].append(declaration)
        # The meetings read together share these, by the row the rows belong to.
        some = next(iter(read), None)
        self.minutes = some.minutes if some else defaultdict(list)
        self.resolutions = some.resolutions if some else defaultdict(list)
        self.actions = some.actions if some else defaultdict(list)
        self.documents = some.documents if some else defaultdict(list)
        self.named_votes = some.named_votes if some else defaultdict(list)
        self.notes = some.notes if some else defaultdict(list)
        item_ids = AgendaItem.select(AgendaItem.id).where(AgendaItem.meeting.in_(found_by))
        self.reports = _grouped(Report, "item", Report.item.in_(item_ids), by_age(Report))
        self.versions = _grouped(
            MinutesVersion,
            "meeting",
            MinutesVersion.meeting.in_(found_by),
            (MinutesVersion.version, *by_age(MinutesVersion)),
        )


def _grouped(model, parent: str, condition, order) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in model.live().where(condition).order_by(*order):
        grouped[row.__data__[parent]].append(row)
    return grouped
