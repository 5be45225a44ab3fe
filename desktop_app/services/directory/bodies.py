"""Bodies: boards, committees, sub-committees and the groups that report to them."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.storage import changes
from desktop_app.storage.models import Body, Meeting, Person, db

EDITABLE = (
    "name",
    "kind",
    "parent_id",
    "quorum",
    "venue",
    "numbering_pattern",
    "numbering_restart",
    "numbering_year_starts",
    "numbering_next",
    "sub_numbering",
    "clerk_id",
)
QUORUM = re.compile(r"^(\d+|\d+/\d+)$")
PLACEHOLDERS = re.compile(r"\{(\w+)\}")
KNOWN_PLACEHOLDERS = {"n", "yy", "yy1", "yyyy", "yyyy1"}
YEAR_START = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
DEFAULTS = dict(
    kind="committee",
    parent_id=None,
    quorum="",
    venue="",
    numbering_pattern="{n}",
    numbering_restart="never",
    numbering_year_starts="05-01",
    numbering_next=1,
    sub_numbering="decimal",
    clerk_id=None,
)


def create_body(*, name: str, **fields) -> Body:
    """A new body; any of EDITABLE may be given, the rest take sensible defaults."""
    _refuse_unknown(fields)
    values = _clean({**DEFAULTS, **fields, "name": name}, body_id=None)
    with db.atomic():
        return changes.create(Body, **values)


def update_body(*, body_id: str, **fields) -> Body:
    _refuse_unknown(fields)
    row = validation.live_row(Body, body_id, "body")
    values = _clean({**changes.current(row, EDITABLE), **fields}, body_id=row.id)
    if "parent_id" in fields:
        from desktop_app.services.updates.rules import check_keeps_its_board
        from desktop_app.storage.models import QuarterlyUpdate

        written = QuarterlyUpdate.live().where(QuarterlyUpdate.body == row.id).exists()
        check_keeps_its_board(row.name, values["parent_id"], has_updates=written)
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
    return row


def set_body_archived(*, body_id: str, archived: bool) -> Body:
    row = validation.live_row(Body, body_id, "body")
    with db.atomic():
        changes.update(
            row,
            archived_at=(row.archived_at or changes.utc_now()) if archived else None,
        )
    return row


def delete_body(*, body_id: str) -> None:
    row = validation.live_row(Body, body_id, "body")
    meetings = Meeting.live().where(Meeting.body == row.id).count()
    if meetings:
        raise ValidationError(
            f"{row.name} has {meetings} meetings on record; archive the body instead."
        )
    if Body.live().where(Body.parent == row.id).exists():
        raise ValidationError(f"Other bodies report to {row.name}; move or delete them first.")
    with db.atomic():
        changes.delete(row)


def restore_body(*, body_id: str) -> Body:
    row = Body.get_by_id(body_id)
    with db.atomic():
        changes.restore(row)
    return row


def get_body(body_id: str) -> Body:
    return validation.live_row(Body, body_id, "body")


def list_bodies(*, include_archived: bool = False) -> list[Body]:
    """Every live body, by name; the UI arranges them into a tree by `parent_id`."""
    query = Body.live()
    if not include_archived:
        query = query.where(Body.archived_at.is_null())
    return list(query.order_by(Body.name))


class BodyEntry(NamedTuple):
    """What the tree of bodies shows of one."""

    id: str
    name: str
    parent_id: str | None
    numbering_year_starts: str


def list_body_entries() -> list[BodyEntry]:
    """Every live body, by name, as the tree lists them: four columns rather than a body's
    twenty made into rows, as every start lists them all (200 at four times the §6 dataset:
    0.6 ms against 2.4)."""
    query = (
        Body.live()
        .where(Body.archived_at.is_null())
        .select(Body.id, Body.name, Body.parent_id, Body.numbering_year_starts)
        .order_by(Body.name)
    )
    return [BodyEntry(*row) for row in query.tuples()]


def find_body(*, name: str) -> Body | None:
    return Body.live().where(Body.name.collate("NOCASE") == name.strip()).first()


def _clean(values: dict, body_id: str | None) -> dict:
    name = validation.name(values["name"], "body's name")
    existing = find_body(name=name)
    if existing is not None and existing.id != body_id:
        raise ValidationError(f"There is already a body called {existing.name}.")
    quorum = clean_quorum(values["quorum"])
    pattern = clean_pattern(validation.name(values["numbering_pattern"], "minute-number pattern"))
    year_starts = clean_year_start(values["numbering_year_starts"])
    try:
        next_number = int(values["numbering_next"])
    except (TypeError, ValueError):
        raise ValidationError("The next minute number must be a whole number.") from None
    if next_number < 1:
        raise ValidationError("The next minute number must be 1 or more.")
    parent_id = values["parent_id"] or None
    if parent_id:
        _refuse_cycle(parent_id, body_id)
    # The clerk's contact goes on the front of every agenda.
    clerk_id = values["clerk_id"] or None
    validation.optional_row(Person, clerk_id, "clerk")
    return dict(
        name=name,
        kind=validation.choice(values["kind"], vocabulary.BODY_KINDS, "kind of body"),
        parent_id=parent_id,
        quorum=quorum,
        venue=validation.optional_name(values["venue"], "venue"),
        numbering_pattern=pattern,
        numbering_restart=validation.choice(
            values["numbering_restart"],
            vocabulary.NUMBERING_RESTARTS,
            "numbering restart",
        ),
        numbering_year_starts=year_starts,
        numbering_next=next_number,
        sub_numbering=validation.choice(
            values["sub_numbering"], vocabulary.SUB_NUMBERING, "sub-item numbering"
        ),
        clerk_id=clerk_id,
    )


def _real_day(month_day: str) -> bool:
    """Whether MM-DD is a day some year has (2000 was a leap year, so 02-29 counts)."""
    try:
        dt.date.fromisoformat(f"2000-{month_day}")
    except ValueError:
        return False
    return True


def clean_quorum(value: str | int | None) -> str:
    """A quorum as stored: "" (none set), a number of members ("6") or a fraction ("1/3")."""
    quorum = str(value if value is not None else "").strip()
    if quorum and not QUORUM.match(quorum):
        raise ValidationError(
            f"“{quorum}” is not a quorum; give a number of members (6) or a fraction (1/3)."
        )
    if "/" in quorum:
        top, bottom = (int(p) for p in quorum.split("/"))
        if bottom == 0 or top > bottom:
            raise ValidationError(f"The quorum {quorum} is not a fraction between 0 and 1.")
    return quorum


def clean_pattern(pattern: str) -> str:
    """A minute-number pattern: {n} and only the year placeholders we know how to fill."""
    placeholders = set(PLACEHOLDERS.findall(pattern))
    if "n" not in placeholders:
        raise ValidationError("The minute-number pattern must contain {n}, the running number.")
    if placeholders - KNOWN_PLACEHOLDERS:
        raise ValidationError(
            f"The minute-number pattern uses {{{sorted(placeholders - KNOWN_PLACEHOLDERS)[0]}}}; "
            "only {n}, {yy}, {yy1}, {yyyy} and {yyyy1} are understood."
        )
    return pattern


def clean_year_start(value: str | None) -> str:
    """The municipal year's first day as MM-DD (default 1 May)."""
    year_starts = str(value or "05-01")
    if not YEAR_START.match(year_starts) or not _real_day(year_starts):
        raise ValidationError(f"“{year_starts}” is not a month and day (MM-DD) for the year start.")
    return year_starts


def _refuse_cycle(parent_id: str, body_id: str | None) -> None:
    parent = validation.live_row(Body, parent_id, "parent body")
    seen = set()
    while parent is not None and parent.id not in seen:
        if parent.id == body_id:
            raise ValidationError("A body cannot report to itself or to one of its own groups.")
        seen.add(parent.id)
        parent = Body.get_or_none(Body.id == parent.__data__.get("parent"))


def _refuse_unknown(fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A body has no field called {', '.join(sorted(unknown))}.")
