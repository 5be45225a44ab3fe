"""Drafting, editing and deleting a quarterly update, and reading it back. One update a
group and quarter: every laptop gives it the same id, so two clerks drafting the same
quarter share one row and a merge keeps both wordings for the clerk to choose."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.plans.plans import bring_back, tombstone
from desktop_app.services.plans.quarters import quarter_label
from desktop_app.services.updates import rules
from desktop_app.services.updates.record import drafted, quarter_record
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.changes import plain as session_plain
from desktop_app.storage.models import AgendaItem, Body, Meeting, Person, QuarterlyUpdate, db


@dataclass(frozen=True)
class UpdateView:
    """An update as the window, the printed page and the exchange format read it."""

    id: str
    body_id: str
    body_name: str
    board_id: str | None
    board_name: str
    quarter: dt.date
    values: dict[str, Any]  # every field of rules.FIELDS
    prepared_by: str  # as printed: "Sarah Robson"
    prepared_by_key: str  # the exchange format's key for that person, "" for none
    item_id: str | None  # the board's item it is the paper of, once attached
    meeting_id: str | None
    meeting_date: dt.date | None

    @property
    def title(self) -> str:
        return self.values["title"]

    @property
    def date(self) -> dt.date:
        return self.values["date"]

    @property
    def rag(self) -> str:
        return self.values["rag"]

    @property
    def label(self) -> str:
        return quarter_label(self.quarter)


def update_id(body_id: str, quarter: dt.date) -> str:
    return natural_ids.natural_id(f"quarterly-update:{body_id}:{quarter.isoformat()}")


def draft_update(
    *,
    body_id: str,
    quarter: dt.date | str,
    prepared_by_id: str | None = None,
    date: dt.date | str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
) -> QuarterlyUpdate:
    """The group's update for the quarter (any day in it), drafted from the record and
    dated `date` (today unless given)."""
    today = today or dt.date.today()
    body = validation.live_row(Body, body_id, "body")
    first = rules.new_update(body.name, body.__data__.get("parent"), quarter, today=today)
    words = drafted(quarter_record(body.id, first))
    if title is not None:
        words["title"] = title
    row_id = update_id(body.id, first)
    if QuarterlyUpdate.live().where(QuarterlyUpdate.id == row_id).exists():
        raise ValidationError(f"{body.name} already has its {quarter_label(first)} update.")
    validation.optional_row(Person, prepared_by_id, "person preparing the update")
    values = rules.update_values(dict(words, date=date or today, prepared_by_id=prepared_by_id))
    with db.atomic():
        return natural_ids.put(QuarterlyUpdate, row_id, body=body.id, quarter=first, **values)


def edit_update(*, update_id: str, **fields: Any) -> QuarterlyUpdate:
    """Change any of rules.FIELDS."""
    row = validation.live_row(QuarterlyUpdate, update_id, "quarterly update")
    values = rules.update_values(fields)
    if "prepared_by_id" in values:
        validation.optional_row(Person, values["prepared_by_id"], "person preparing the update")
    with db.atomic():
        changes.update(row, **values)
    return row


def delete_update(*, update_id: str) -> None:
    """A tombstone, so `restore_update` undoes it; an attached update leaves its item's
    papers with it (the item stays, for the clerk to keep or delete)."""
    tombstone(QuarterlyUpdate, update_id, "quarterly update")


def restore_update(*, update_id: str) -> QuarterlyUpdate:
    return bring_back(QuarterlyUpdate, update_id, "quarterly update")


def updates_of_body(body_id: str) -> list[UpdateView]:
    """The group's updates, the latest quarter first."""
    query = (
        QuarterlyUpdate.live()
        .where(QuarterlyUpdate.body == body_id)
        .order_by(QuarterlyUpdate.quarter.desc())
    )
    return [_view(row) for row in query]


def get_update(update_id: str) -> UpdateView:
    return _view(validation.live_row(QuarterlyUpdate, update_id, "quarterly update"))


def _view(row: QuarterlyUpdate) -> UpdateView:
    body = Body.get_by_id(row.__data__["body"])
    board = Body.get_or_none(Body.id == body.__data__.get("parent"))
    person = Person.get_or_none(Person.id == row.__data__.get("prepared_by"))
    item = AgendaItem.live().where(AgendaItem.id == row.__data__.get("item")).first()
    meeting = Meeting.live().where(Meeting.id == item.__data__["meeting"]).first() if item else None
    return UpdateView(
        id=row.id,
        body_id=body.id,
        body_name=body.name,
        board_id=board.id if board else None,
        board_name=board.name if board else "",
        quarter=row.quarter,
        values=changes.current(row, rules.FIELDS),
        prepared_by=person.name if person else "",  # as seed 000 prints it, untitled
        prepared_by_key=person.key if person else "",
        item_id=item.id if item and meeting else None,
        meeting_id=meeting.id if meeting else None,
        meeting_date=meeting.date if meeting else None,
    )


def update_fingerprint(update_id: str) -> str:
    """The SHA-256 of what the update prints (its words, date, status and who prepared it)."""
    view = get_update(update_id)
    shown = {**{k: session_plain(v) for k, v in view.values.items()}, "by": view.prepared_by}
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()
