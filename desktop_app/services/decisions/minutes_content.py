"""What a meeting's minutes say, as one canonical text: the content that approval freezes
and whose SHA-256 the approving resolution records (DESIGN.md §4, chained record).

It is built from the meeting's rows (meeting_rows.py, the one read model of a meeting).
Only natural keys appear in it — a person's key, an organisation's or body's name, a
meeting's date and start, an item's place in the agenda — never a row id, so the same
record gives the same fingerprint in every data folder, after export and import too.
"""

from __future__ import annotations

import hashlib
import json

from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.services.meeting_cycle.meeting_rows import MeetingRows, load_meeting_rows
from desktop_app.storage import changes
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Body,
    Meeting,
    MinutesVersion,
    Organisation,
    Person,
    Resolution,
)


def content_sha256(meeting_id: str) -> str:
    return hashlib.sha256(minutes_content(meeting_id).encode("utf-8")).hexdigest()


def minutes_content(meeting_id: str) -> str:
    """The meeting's record as canonical JSON (sorted keys, fixed orders): what approval
    freezes. Actions' status is left out (tracking goes on after approval); progress
    reported at this meeting is in."""
    return content_of(load_meeting_rows(meeting_id))


def content_of(rows: MeetingRows) -> str:
    """minutes_content built from the meeting's rows (meeting_rows.py). Minutes are taken
    by when they were made, resolutions and actions by their place, ties by id, as the
    fingerprint has always taken them; the rest is sorted by what it says."""
    meeting = rows.meeting
    keys = _Keys(rows)
    tree = AgendaTree(meeting.id, items=rows.items)
    items = [item for item, _ in tree.walk()]
    places = _places(tree)
    minutes = _in_order(rows.minutes, items, ())
    resolutions = _in_order(rows.resolutions, items, ("position",))
    actions = _in_order(rows.actions, items, ("position",))
    votes, progress = rows.named_votes, rows.progress
    data = meeting.__data__
    record = {
        "meeting": {
            **_fields(meeting, "date start_time end_time venue kind is_public public_attendees"),
            **_fields_set(meeting, "next_meeting_date"),
            "body": keys.body(data.get("body")),
            "chair": keys.person(data.get("chair")),
        },
        "items": [
            {
                **_fields(
                    item,
                    "number title kind purpose confidential exempt_paragraph started_at",
                ),
                **_fields_set(item, "cited_minute"),
                "place": places[item.id],
                "parent": places.get(item.__data__.get("parent"), ""),
                "presenter_person": keys.person(item.__data__.get("presenter_person")),
                "presenter_organisation": keys.organisation(
                    item.__data__.get("presenter_organisation")
                ),
                "linked_meeting": keys.meeting(item.__data__.get("linked_meeting")),
                "linked_item": keys.item(item.__data__.get("linked_item")),
                "minutes": [
                    _fields(m, "overview key_points recommendations decision notes")
                    for m in minutes.get(item.id, [])
                ],
                "resolutions": [
                    {
                        **_resolution(r, keys),
                        "named_votes": sorted(
                            (
                                {"person": keys.person(v.__data__["person"]), "vote": v.vote}
                                for v in votes.get(r.id, [])
                            ),
                            key=_order,
                        ),
                    }
                    for r in resolutions.get(item.id, [])
                ],
                "actions": [
                    {
                        **_fields(a, "text due"),
                        "owner_person": keys.person(a.__data__.get("owner_person")),
                        "owner_organisation": keys.organisation(
                            a.__data__.get("owner_organisation")
                        ),
                    }
                    for a in actions.get(item.id, [])
                ],
            }
            for item in items
        ],
        "attendance": sorted(
            (
                {
                    **_fields(a, "status capacity arrived left"),
                    **{
                        name: places.get(a.__data__[name], "")
                        for name in ("arrived_during", "left_during")
                        if a.__data__.get(name)
                    },
                    "person": keys.person(a.__data__["person"]),
                    "substitute_for": keys.person(a.__data__.get("substitute_for")),
                }
                for a in rows.attendance
            ),
            key=_order,
        ),
        "declarations": sorted(
            (
                {
                    **_fields(d, "kind description left_room left_at returned_at"),
                    "item": places.get(d.__data__.get("item"), ""),
                    "person": keys.person(d.__data__["person"]),
                }
                for d in rows.declarations
            ),
            key=_order,
        ),
        "progress": sorted(
            (
                {
                    **_fields(n, "date text"),
                    "action": keys.action(n.__data__["action"]),
                }
                for n in progress
            ),
            key=_order,
        ),
    }
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


RESOLUTION_FIELDS = (
    "text outcome votes_for votes_against votes_abstain unopposed casting_vote kind "
    "appointed_role term approves_sha256"
)


def _resolution(row: Resolution, keys: _Keys) -> dict:
    data = row.__data__
    return {
        **_fields(row, RESOLUTION_FIELDS),
        "proposer": keys.person(data.get("proposer")),
        "seconder": keys.person(data.get("seconder")),
        "appointee": keys.person(data.get("appointee")),
        "appointed_body": keys.body(data.get("appointed_body")),
        "approves_version": keys.version(data.get("approves_version")),
    }


class _Keys:
    """Natural keys of the rows the record refers to, each looked up once: those of the
    people, organisations and body the meeting's rows name are known from them."""

    def __init__(self, rows: MeetingRows) -> None:
        self._seen: dict[tuple[str, str], object] = {("body", rows.body.id): rows.body.name}
        self._seen.update({("person", i): p.key for i, p in rows.people.items()})
        self._seen.update({("organisation", i): o.name for i, o in rows.organisations.items()})

    def _cached(self, kind: str, row_id: str | None, find) -> object:
        if not row_id:
            return ""
        key = (kind, row_id)
        if key not in self._seen:
            self._seen[key] = find(row_id)
        return self._seen[key]

    def person(self, row_id: str | None):
        return self._cached("person", row_id, lambda i: _value(Person, i, "key"))

    def organisation(self, row_id: str | None):
        return self._cached("organisation", row_id, lambda i: _value(Organisation, i, "name"))

    def body(self, row_id: str | None):
        return self._cached("body", row_id, lambda i: _value(Body, i, "name"))

    def meeting(self, row_id: str | None):
        def find(i):
            row = Meeting.get_or_none(Meeting.id == i)
            if row is None:
                return ""
            return {
                "body": self.body(row.__data__.get("body")),
                "date": changes.plain(row.date),
                "start": row.start_time,
            }

        return self._cached("meeting", row_id, find)

    def item(self, row_id: str | None):
        def find(i):
            row = AgendaItem.get_or_none(AgendaItem.id == i)
            if row is None:
                return ""
            meeting_id = row.__data__["meeting"]
            return {
                "meeting": self.meeting(meeting_id),
                "place": _places(AgendaTree(meeting_id))[i],
            }

        return self._cached("item", row_id, find)

    def action(self, row_id: str | None):
        def find(i):
            row = Action.get_or_none(Action.id == i)
            if row is None:
                return ""
            return {"item": self.item(row.__data__["item"]), "text": row.text}

        return self._cached("action", row_id, find)

    def version(self, row_id: str | None):
        def find(i):
            row = MinutesVersion.get_or_none(MinutesVersion.id == i)
            if row is None:
                return ""
            return {"meeting": self.meeting(row.__data__["meeting"]), "version": row.version}

        return self._cached("version", row_id, find)


def _places(tree: AgendaTree) -> dict[str, str]:
    """Each item's place in the agenda as shown: "3", "3.1" (counted, not the stored ranks,
    which an import or a merge may make differently)."""
    places: dict[str, str] = {}

    def walk(parent_id: str | None, prefix: str) -> None:
        for count, item in enumerate(tree.children(parent_id), start=1):
            places[item.id] = f"{prefix}{count}"
            walk(item.id, f"{places[item.id]}.")

    walk(None, "")
    return places


def _value(model, row_id: str, name: str) -> str:
    row = model.get_or_none(model.id == row_id)
    return "" if row is None else getattr(row, name)


def _fields(row, names: str) -> dict:
    return {name: changes.plain(row.__data__.get(name)) for name in names.split()}


def _fields_set(row, names: str) -> dict:
    """Fields added after minutes were first approved, only where they hold something: left
    empty, they leave the fingerprint of minutes approved before they existed as it was."""
    return {name: value for name, value in _fields(row, names).items() if value not in ("", None)}


def _in_order(grouped: dict[str, list], items, first: tuple[str, ...]) -> dict[str, list]:
    """The rows of each of `items`, by `first`, then when made, then id."""

    def key(row) -> tuple:
        data = row.__data__
        return (*(data[name] for name in first), data["created_at"], data["id"])

    return {item.id: sorted(grouped.get(item.id, []), key=key) for item in items}


def _order(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False)
