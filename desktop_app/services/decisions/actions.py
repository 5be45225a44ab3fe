"""Actions arising from an item: what, who owns it (a person or an organisation), when it is
due, where it stands, and dated progress notes.

An action's wording, owner and due date are part of the minutes, so they freeze when the
minutes are approved; its status and progress are tracking, which goes on afterwards.
Open actions come back under "matters and actions arising" at the body's next meetings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, Case, fn

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import freeze
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.storage import changes
from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Body,
    Meeting,
    Organisation,
    Person,
    db,
)

EDITABLE = ("text", "owner_person_id", "owner_organisation_id", "due", "status")
RECORDED = ("text", "owner_person_id", "owner_organisation_id", "due")  # frozen on approval
RAG = {"late": "red", "at risk": "amber", "on track": "green", "done": "done", "open": "open"}


@dataclass(frozen=True)
class ActionEntry:
    """One action as lists and the tracker show it; `rag` is its colour."""

    id: str
    item_id: str
    meeting_id: str
    meeting_date: dt.date
    body_id: str
    body_name: str
    minute_number: str
    item_title: str
    text: str
    owner: str
    owner_person_id: str | None
    owner_organisation_id: str | None
    due: dt.date | None
    status: str
    rag: str  # red, amber, green, done or open
    overdue: bool
    last_note: str


# -- actions ----------------------------------------------------------------------------------


def add_action(
    *,
    item_id: str,
    text: str,
    owner_person_id: str | None = None,
    owner_organisation_id: str | None = None,
    due: dt.date | str | None = None,
    status: str = "open",
) -> Action:
    """Record an action arising from an item, at the end of the item's actions."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    values = _clean(
        dict(
            text=text,
            owner_person_id=owner_person_id,
            owner_organisation_id=owner_organisation_id,
            due=due,
            status=status,
        )
    )
    freeze.ensure_editable(item.__data__["meeting"])
    # Deleted actions keep their place, so an undone delete comes back where it was.
    last = Action.select(fn.MAX(Action.position)).where(Action.item == item.id).scalar()
    with db.atomic():
        return changes.create(
            Action, item=item.id, position=0 if last is None else last + 1, **values
        )


def update_action(*, action_id: str, **fields) -> Action:
    """Change any of text, owner_person_id, owner_organisation_id, due, status. Naming one
    kind of owner alone clears the other."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"An action has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Action, action_id, "action")
    if fields.get("owner_person_id") and "owner_organisation_id" not in fields:
        fields["owner_organisation_id"] = None
    if fields.get("owner_organisation_id") and "owner_person_id" not in fields:
        fields["owner_person_id"] = None
    values = _clean({**changes.current(row, EDITABLE), **fields})
    before = changes.current(row, RECORDED)
    if any(changes.plain(values[f]) != changes.plain(before[f]) for f in RECORDED if f in fields):
        freeze.ensure_editable(_meeting_id(row))
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
    return row


def delete_action(*, action_id: str) -> None:
    """Take an action off the minutes; `restore_action` brings it back."""
    row = validation.live_row(Action, action_id, "action")
    freeze.ensure_editable(_meeting_id(row))
    with db.atomic():
        changes.delete(row)


def restore_action(*, action_id: str) -> Action:
    row = _any_row(Action, action_id, "action")
    freeze.ensure_editable(_meeting_id(row))
    with db.atomic():
        changes.restore(row)
    return row


def actions_of_item(item_id: str, *, today: dt.date | None = None) -> list[ActionEntry]:
    """The item's actions in the order they were recorded."""
    query = entries_query().where(Action.item == item_id)
    return to_entries(query.order_by(Action.position, Action.created_at), today)


def open_actions_for(meeting_id: str, *, today: dt.date | None = None) -> list[ActionEntry]:
    """Actions not yet done from the body's earlier meetings: the "matters and actions
    arising" of this meeting, oldest meeting first."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    query = entries_query().where(
        (Meeting.body == meeting.__data__["body"])
        & (Meeting.date < meeting.date)
        & (Action.status != "done")
    )
    order = (Meeting.date, Meeting.start_time, *STORED_ORDER, Action.position)
    return to_entries(query.order_by(*order, Action.created_at), today)


# -- progress ---------------------------------------------------------------------------------


def add_progress(
    *,
    action_id: str,
    text: str,
    date: dt.date | str | None = None,
    meeting_id: str | None = None,
    today: dt.date | None = None,
) -> ActionNote:
    """A dated progress note (today unless given); with `meeting_id`, the meeting where it
    was reported, whose minutes then carry it."""
    action = validation.live_row(Action, action_id, "action")
    today = today or dt.date.today()
    clean = _required_text(text, "progress note")
    day = validation.date(date, "progress note's date") or today
    if day > today:
        raise ValidationError("A progress note cannot be dated after today.")
    if meeting_id:
        meeting = validation.live_row(Meeting, meeting_id, "meeting")
        action_meeting = Meeting.get_by_id(_meeting_id(action))
        if meeting.__data__["body"] != action_meeting.__data__["body"]:
            raise ValidationError(
                "Progress on an action is reported at a meeting of the body it arose from."
            )
        freeze.ensure_editable(meeting.id)
    with db.atomic():
        return changes.create(
            ActionNote, action=action.id, date=day, text=clean, meeting=meeting_id or None
        )


def remove_progress(*, note_id: str) -> None:
    note = validation.live_row(ActionNote, note_id, "progress note")
    _ensure_note_editable(note)
    with db.atomic():
        changes.delete(note)


def restore_progress(*, note_id: str) -> ActionNote:
    note = _any_row(ActionNote, note_id, "progress note")
    _ensure_note_editable(note)
    with db.atomic():
        changes.restore(note)
    return note


def list_progress(action_id: str) -> list[ActionNote]:
    """The action's progress notes, newest first."""
    return list(
        ActionNote.live()
        .where(ActionNote.action == action_id)
        .order_by(ActionNote.date.desc(), ActionNote.created_at.desc())
    )


# -- reading, shared with the tracker ---------------------------------------------------------


def entries_query():
    """Live actions of live items and meetings, with what an ActionEntry shows, in one
    query; the latest progress note comes from a subquery on its index."""
    latest = (
        ActionNote.select(ActionNote.text)
        .where((ActionNote.action == Action.id) & ActionNote.deleted_at.is_null())
        .order_by(ActionNote.date.desc(), ActionNote.created_at.desc())
        .limit(1)
    )
    return (
        Action.select(
            Action.id,
            Action.item,
            Action.text,
            Action.owner_person,
            Action.owner_organisation,
            Action.due,
            Action.status,
            Meeting.id.alias("meeting_id"),
            Meeting.date.alias("meeting_date"),
            Body.id.alias("body_id"),
            Body.name.alias("body_name"),
            AgendaItem.number,
            AgendaItem.title,
            Person.title.alias("person_title"),
            Person.name.alias("person_name"),
            Organisation.name.alias("organisation_name"),
            fn.COALESCE(latest, Action.progress).alias("last_note"),
        )
        .join(AgendaItem, on=(Action.item == AgendaItem.id))
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        .join(Body, on=(Meeting.body == Body.id))
        .switch(Action)
        .join(Person, JOIN.LEFT_OUTER, on=(Action.owner_person == Person.id))
        .switch(Action)
        .join(Organisation, JOIN.LEFT_OUTER, on=(Action.owner_organisation == Organisation.id))
        .where(
            Action.deleted_at.is_null()
            & AgendaItem.deleted_at.is_null()
            & Meeting.deleted_at.is_null()
            & Body.deleted_at.is_null()
        )
    )


def overdue_expression(today: dt.date):
    """1 for an action past its due date and not done, else 0 (for filters and ordering)."""
    late = Action.due.is_null(False) & (Action.due < today) & (Action.status != "done")
    return Case(None, [(late, 1)], 0)


def to_entries(query, today: dt.date | None) -> list[ActionEntry]:
    today = today or dt.date.today()
    entries = []
    for row in query.dicts():
        due, status = _as_date(row["due"]), row["status"]
        overdue = due is not None and due < today and status != "done"
        if row["person_name"] is not None:
            owner = f"{row['person_title']} {row['person_name']}".strip()
        else:
            owner = row["organisation_name"] or ""
        entries.append(
            ActionEntry(
                id=row["id"],
                item_id=row["item"],
                meeting_id=row["meeting_id"],
                meeting_date=_as_date(row["meeting_date"]),
                body_id=row["body_id"],
                body_name=row["body_name"],
                minute_number=row["number"],
                item_title=row["title"],
                text=row["text"],
                owner=owner,
                owner_person_id=row["owner_person"],
                owner_organisation_id=row["owner_organisation"],
                due=due,
                status=status,
                rag="red" if overdue else RAG.get(status, "open"),
                overdue=overdue,
                last_note=row["last_note"] or "",
            )
        )
    return entries


# -- helpers ----------------------------------------------------------------------------------


def _clean(values: dict) -> dict:
    person_id = values.get("owner_person_id") or None
    organisation_id = values.get("owner_organisation_id") or None
    if person_id and organisation_id:
        raise ValidationError("An action is owned by a person or an organisation, not both.")
    validation.optional_row(Person, person_id, "owner")
    validation.optional_row(Organisation, organisation_id, "owning organisation")
    return dict(
        text=_required_text(values.get("text"), "action's text"),
        owner_person_id=person_id,
        owner_organisation_id=organisation_id,
        due=validation.date(values.get("due"), "action's due date"),
        status=validation.choice(
            values.get("status") or "open", vocabulary.ACTION_STATUSES, "status of an action"
        ),
    )


def _required_text(value: str | None, what: str) -> str:
    clean = validation.text(value, what)
    if not clean:
        raise ValidationError(f"The {what} cannot be empty.")
    return clean


def _meeting_id(action: Action) -> str:
    return AgendaItem.get_by_id(action.__data__["item"]).__data__["meeting"]


def _ensure_note_editable(note: ActionNote) -> None:
    if note.__data__.get("meeting"):
        freeze.ensure_editable(note.__data__["meeting"])


def _any_row(model, row_id: str, what: str):
    """The row, deleted or not (restoring needs the tombstoned one)."""
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise ValidationError(f"There is no {what} with the key “{row_id}”.")
    return row


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
