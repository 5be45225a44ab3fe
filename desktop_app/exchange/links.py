"""How an item names the meeting or the earlier minute it links to, within its body.

A meeting is named by its date, `"2012-12-17"`: the body's meeting that day with no start
time, or else its only meeting that day. When that would be another meeting, the start
time is added, `"2012-12-17T14:30"`. A minute is named by its number, `"31"`: the item so
numbered in the latest meeting before the linking item's own that has one. When that would
be another item (numbers that restart each meeting or each year), the meeting is named too,
`{"meeting": "2011-11-07", "number": "3"}`.

Export names a link with `BodyLinks.name_*` and import finds it with `BodyLinks.find_*`,
one rule for both, so whatever export writes, import finds the same row again.
`ExportedLinks` and `stored_links` connect that rule to the database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.storage.models import AgendaItem, Body, Meeting


@dataclass(frozen=True)
class MeetingRef:
    date: dt.date
    start: str | None = None  # None: only the date was given

    def __str__(self) -> str:
        return self.date.isoformat() + (f"T{self.start}" if self.start else "")


@dataclass(frozen=True)
class MinuteRef:
    number: str
    meeting: MeetingRef | None = None  # None: the latest earlier meeting with that number

    def as_json(self) -> str | dict[str, str]:
        if self.meeting is None:
            return self.number
        return {"meeting": str(self.meeting), "number": self.number}


class BodyLinks:
    """A body's meetings and the numbers of their items, to name links and to find them."""

    def __init__(
        self,
        meetings: Iterable[tuple[str, dt.date, str]],
        items: Iterable[tuple[str, str, str | None, str]],
    ) -> None:
        """`meetings` are (id, date, start time); `items` (id, meeting id, parent id,
        number). An item under a parent that is not among `items` is left out, as it is
        not part of any agenda."""
        self.meetings: dict[str, tuple[dt.date, str]] = {}
        self.by_date: dict[dt.date, list[str]] = defaultdict(list)
        for meeting_id, date, start in sorted(meetings, key=lambda m: (m[1], m[2], m[0])):
            self.meetings[meeting_id] = (date, start or "")
            self.by_date[date].append(meeting_id)
        rows = [item for item in items if item[1] in self.meetings]
        parents = {item_id: parent for item_id, _m, parent, _n in rows}
        self.items: dict[str, tuple[str, str]] = {}
        self.numbered: dict[tuple[str, str], list[str]] = defaultdict(list)
        for item_id, meeting_id, _parent, number in rows:
            if _on_an_agenda(item_id, parents):
                self.items[item_id] = (meeting_id, number)
                if number:
                    self.numbered[(meeting_id, number)].append(item_id)
        order = {meeting_id: place for place, meeting_id in enumerate(self.meetings)}
        self.holding: dict[str, list[str]] = defaultdict(list)  # number -> meetings, in order
        for meeting_id, number in sorted(self.numbered, key=lambda key: order[key[0]]):
            self.holding[number].append(meeting_id)

    # Finding what a name means (import)

    def find_meeting(self, ref: MeetingRef) -> str:
        """The id of the meeting `ref` names; LookupError saying why there is none."""
        day = self.by_date.get(ref.date, [])
        if ref.start is None:
            found = [m for m in day if not self.meetings[m][1]] or day
        else:
            found = [m for m in day if self.meetings[m][1] == ref.start]
        if not found:
            raise LookupError(f"the body has no meeting on {_when(ref)}")
        if len(found) > 1:
            if ref.start is None:
                example = f"{ref.date.isoformat()}T{self.meetings[found[0]][1]}"
                raise LookupError(
                    f"the body has {len(found)} meetings on {ref.date.isoformat()}; "
                    f"add the start time, e.g. “{example}”"
                )
            raise LookupError(f"the body has {len(found)} meetings on {_when(ref)}")
        return found[0]

    def find_minute(self, ref: MinuteRef, from_meeting: str) -> str:
        """The id of the item `ref` names, seen from an item of `from_meeting`."""
        if ref.meeting is not None:
            meeting = self.find_meeting(ref.meeting)
            if (meeting, ref.number) not in self.numbered:
                raise LookupError(
                    f"the meeting on {_when(ref.meeting)} has no item numbered “{ref.number}”"
                )
        else:
            before = self.meetings[from_meeting]
            earlier = [m for m in self.holding.get(ref.number, []) if self.meetings[m] < before]
            if not earlier:
                raise LookupError(
                    f"no earlier meeting of the body has a minute numbered “{ref.number}”"
                )
            meeting = earlier[-1]
        found = self.numbered[(meeting, ref.number)]
        if len(found) > 1:
            date, _start = self.meetings[meeting]
            raise LookupError(
                f"{len(found)} items of the meeting on {date.isoformat()} "
                f"are numbered “{ref.number}”"
            )
        return found[0]

    # Naming a link (export)

    def name_meeting(self, meeting_id: str) -> MeetingRef | None:
        """The shortest name that finds this meeting again; None if no name does."""
        date, start = self.meetings[meeting_id]
        names = [MeetingRef(date)] + ([MeetingRef(date, start)] if start else [])
        return next((ref for ref in names if self._finds_meeting(ref, meeting_id)), None)

    def name_minute(self, item_id: str, from_meeting: str) -> MinuteRef | None:
        """The shortest name that finds this item again from `from_meeting`; None if none
        does (an item with no number, or one whose number its meeting uses twice)."""
        meeting_id, number = self.items[item_id]
        if not number:
            return None
        names = [MinuteRef(number)]
        meeting = self.name_meeting(meeting_id)
        if meeting is not None:
            names.append(MinuteRef(number, meeting))
        return next((ref for ref in names if self._finds_item(ref, from_meeting, item_id)), None)

    def _finds_meeting(self, ref: MeetingRef, meeting_id: str) -> bool:
        try:
            return self.find_meeting(ref) == meeting_id
        except LookupError:
            return False

    def _finds_item(self, ref: MinuteRef, from_meeting: str, item_id: str) -> bool:
        try:
            return self.find_minute(ref, from_meeting) == item_id
        except LookupError:
            return False


class ExportedLinks(BodyLinks):
    """The links of the items of one body being exported, as the file writes them."""

    def __init__(self, body: Body, meetings, items) -> None:
        super().__init__(meetings, items)
        self.body = body

    def meeting_name(self, item: AgendaItem) -> str | None:
        return self.meeting_named(item.__data__.get("linked_meeting"), self._describe(item))

    def meeting_named(self, meeting_id: str | None, what: str) -> str | None:
        """The name of the meeting that `what` (an item, or a row described as one, e.g.
        "Minutes version 2 of ...") refers to; None for no meeting or a deleted one."""
        if not meeting_id:
            return None
        if meeting_id not in self.meetings:
            return self._outside(what, Meeting.get_or_none(Meeting.id == meeting_id))
        ref = self.name_meeting(meeting_id)
        if ref is None:
            date, start = self.meetings[meeting_id]
            raise ValidationError(
                f"{what} links to the meeting on {date.isoformat()} at "
                f"{start or 'no set time'}, but {self.body.name} has two meetings then; "
                "change the time of one of them and export again."
            )
        return str(ref)

    def minute_name(self, item: AgendaItem) -> str | dict[str, str] | None:
        target = item.__data__.get("linked_item")
        if not target:
            return None
        if target not in self.items:
            row = AgendaItem.get_or_none(AgendaItem.id == target)
            meeting = None
            if row is not None and row.deleted_at is None:
                meeting = Meeting.get_or_none(Meeting.id == row.__data__["meeting"])
            return self._outside(self._describe(item), meeting)
        ref = self.name_minute(target, item.__data__["meeting"])
        if ref is None:
            linked = AgendaItem.get_by_id(target)
            why = (
                "which has no minute number"
                if not linked.number
                else f"which cannot be told from another minute numbered {linked.number}"
            )
            raise ValidationError(
                f"{self._describe(item)} links to the minute “{linked.title}”, {why}; "
                "the exchange format names a linked minute by its number."
            )
        return ref.as_json()

    def _outside(self, what: str, meeting: Meeting | None) -> None:
        """A link to a row outside the body's live record: to a deleted one it leads
        nowhere and is left out; to another body's it cannot be written."""
        if meeting is None or meeting.deleted_at is not None:
            return None
        body = Body.get_or_none(Body.id == meeting.__data__["body"])
        if body is None or body.deleted_at is not None or body.id == self.body.id:
            return None
        raise ValidationError(
            f"{what} links to a meeting of {body.name}; the exchange format "
            "keeps links within one body, so remove that link and export again."
        )

    def _describe(self, item: AgendaItem) -> str:
        number = f" {item.number}" if item.number else ""
        return f"Item{number} “{item.title}” of {self.describe(item.__data__['meeting'])}"

    def describe(self, meeting_id: str) -> str:
        """“Maidstone Locality Board on 2012-12-17”, for a meeting of the body."""
        date, _start = self.meetings[meeting_id]
        return f"{self.body.name} on {date.isoformat()}"


def stored_links(body: Body) -> BodyLinks:
    """The body's live meetings and the items on their agendas, as they are stored now."""
    live = (Meeting.body == body.id) & Meeting.deleted_at.is_null()
    meetings = Meeting.select(Meeting.id, Meeting.date, Meeting.start_time).where(live).tuples()
    items = (
        AgendaItem.select(AgendaItem.id, AgendaItem.meeting, AgendaItem.parent, AgendaItem.number)
        .where(
            AgendaItem.meeting.in_(Meeting.select(Meeting.id).where(live))
            & AgendaItem.deleted_at.is_null()
        )
        .tuples()
    )
    return BodyLinks(meetings, items)


def _on_an_agenda(item_id: str, parents: dict[str, str | None]) -> bool:
    """Whether every parent of the item, up to the meeting, is among the rows."""
    seen: set[str] = set()
    while item_id in parents and item_id not in seen:
        seen.add(item_id)
        parent = parents[item_id]
        if parent is None:
            return True
        item_id = parent
    return False


def _when(ref: MeetingRef) -> str:
    return ref.date.isoformat() + (f" at {ref.start}" if ref.start else "")
