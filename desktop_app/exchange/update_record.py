"""Quarterly updates in a `minute-book/1` file (issue 15, seeds 000 and 002): a group's
`updates`.

    "updates": [{"quarter", "title", "date", "prepared_by", "rag", "overview", "delivery",
                 "priorities", "focus", "activity",
                 "attached": {"meeting", "item"}}]

`quarter` is the quarter's first day (or any day in it), `prepared_by` a person's key, `rag`
red, amber or green; `attached` names the board's meeting (by its date) and the item (by its
title) whose paper the update is. Every value is checked by services/updates/rules.py, the
rule the window applies, so a file is refused for what the window refuses, with its place.
An update is matched by its group and quarter (one a quarter, with its natural id).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.exchange.values import (
    at,
    entries,
    fail,
    fields,
    free_text,
    join,
    meeting_ref,
    single_line,
)
from desktop_app.services.updates import rules
from desktop_app.services.updates.writing import update_id, updates_of_body
from desktop_app.storage.models import AgendaItem, Body, Meeting, QuarterlyUpdate

UPDATE_FIELDS = (
    "quarter", "title", "date", "prepared_by", "rag", *rules.TEXTS, "attached",
)  # fmt: skip
ATTACHED_FIELDS = ("meeting", "item")


@dataclass
class UpdateRecord:
    path: str
    quarter: dt.date
    values: dict[str, Any]  # rules.update_values, prepared_by as the person's key
    prepared_by: str | None
    attached: tuple[Any, str] | None  # (the board's meeting, links.MeetingRef; item's title)


# Reading


def read_updates(reader, value: dict, path: str, *, name: str, parent: str | None,
                 today: dt.date | None = None) -> list[UpdateRecord]:  # fmt: skip
    """A body's `updates`, each checked as the window checks it."""
    today = today or dt.date.today()
    found, quarters = [], set()
    for update_path, raw in entries(value, path, "updates"):
        fields(raw, update_path, UPDATE_FIELDS)
        with at(join(update_path, "quarter")):
            quarter = rules.new_update(name, parent, raw.get("quarter"), today=today)
        if quarter in quarters:
            fail(join(update_path, "quarter"), "there are two updates for that quarter")
        quarters.add(quarter)
        given = {
            "title": single_line(raw, "title", update_path),  # an empty one: the rule says so
            "date": raw.get("date"),
            "rag": single_line(raw, "rag", update_path),
            **{key: free_text(raw, key, update_path) for key in rules.TEXTS},
        }
        values = {}
        for key, entry in given.items():
            with at(join(update_path, key)):
                values.update(rules.update_values({key: entry}))
        attached = None
        if raw.get("attached") is not None:
            where = join(update_path, "attached")
            fields(raw["attached"], where, ATTACHED_FIELDS)
            attached = (
                meeting_ref(raw["attached"], "meeting", where, required=True),
                single_line(raw["attached"], "item", where, required=True),
            )
        prepared_by = reader.person(raw, "prepared_by", update_path)
        found.append(UpdateRecord(update_path, quarter, values, prepared_by, attached))
    return found


# Export


def exported_updates(body_id: str, person_key, *, with_board: bool) -> list[dict]:
    """The group's `updates`, the earliest quarter first; an update's `attached` only when
    its board is in the file too (a file names only what it holds, so it imports alone)."""
    found = []
    for view in reversed(updates_of_body(body_id)):
        values = view.values
        data: dict[str, Any] = {
            "quarter": view.quarter.isoformat(),
            "title": values["title"],
            "date": values["date"].isoformat(),
        }
        _put(data, "prepared_by", person_key(values["prepared_by_id"]))
        _put(data, "rag", values["rag"])
        for key in rules.TEXTS:
            _put(data, key, values[key])
        if with_board and view.item_id:
            item = AgendaItem.get_by_id(view.item_id)
            data["attached"] = {"meeting": view.meeting_date.isoformat(), "item": item.title}
        found.append(data)
    return found


def _put(target: dict, key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        target[key] = value


# Import


def apply_updates(applier, body_row: Body, records: list[UpdateRecord]) -> None:
    """Write the group's updates as the file has them (adding and updating, never deleting).
    Run once every body's meetings are written, so an update finds its board's item."""
    for record in records:
        item_id = _attached_item(body_row, record) if record.attached else None
        applier.save(
            QuarterlyUpdate,
            None,
            _create=dict(body_id=body_row.id, quarter=record.quarter),
            _id=update_id(body_row.id, record.quarter),
            **record.values,
            prepared_by_id=applier.person_id(record.prepared_by),
            item_id=item_id,
        )


def _attached_item(body_row: Body, record: UpdateRecord) -> str:
    ref, title = record.attached
    where = join(record.path, "attached")
    meetings = Meeting.live().where(
        (Meeting.body == body_row.__data__["parent"]) & (Meeting.date == ref.date)
    )
    if ref.start:
        meetings = meetings.where(Meeting.start_time == ref.start)
    for meeting in meetings:
        item = (
            AgendaItem.live()
            .where((AgendaItem.meeting == meeting.id) & (AgendaItem.title == title))
            .first()
        )
        if item is not None:
            return item.id
    fail(where, f"the board has no item “{title}” at its meeting of {ref}")
