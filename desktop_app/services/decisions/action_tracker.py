"""The action tracker: every action across all bodies, filtered and paged in SQL so that
20,000 actions open as fast as twenty."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from desktop_app import vocabulary
from desktop_app.services import validation
from desktop_app.services.decisions.actions import (
    ActionEntry,
    entries_query,
    overdue_expression,
    to_entries,
)
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.storage.models import Action, AgendaItem, Body, Meeting, Organisation, Person

NOT_DONE = "not done"
NO_DUE = "9999-12-31"  # sorts an action without a due date after every dated one


@dataclass(frozen=True)
class ActionFilter:
    """What the tracker shows; the defaults show every action."""

    body_id: str | None = None
    owner_person_id: str | None = None
    owner_organisation_id: str | None = None
    status: str | None = None  # a status word, or "not done"
    overdue_only: bool = False
    text: str = ""  # words anywhere in the action's text


def count_actions(flt: ActionFilter, *, today: dt.date | None = None) -> int:
    return _kept(flt, today or dt.date.today()).count()


def page_of_actions(
    flt: ActionFilter, *, offset: int = 0, limit: int = 200, today: dt.date | None = None
) -> list[ActionEntry]:
    """One page of the filtered actions: overdue first, then by due date (none last), then
    by the date of the meeting they arose at."""
    today = today or dt.date.today()
    offset, limit = max(0, offset), max(0, limit)
    kept = _kept(flt, today)
    late, due = overdue_expression(today), fn.COALESCE(Action.due, NO_DUE)
    # Joining every action to its meeting just to sort by meeting date costs more than all
    # else, so the page's first and last (overdue, due) keys are found from the action table
    # alone; only the actions between them are joined and put in the full order.
    keys = list(kept.select(late, due).order_by(late.desc(), due).offset(offset).limit(limit))
    if not keys:
        return []
    (first_late, first_due), (last_late, last_due) = keys[0], keys[-1]
    before = kept.where((late > first_late) | ((late == first_late) & (due < first_due)))
    between = kept.where(
        ((late < first_late) | ((late == first_late) & (due >= first_due)))
        & ((late > last_late) | ((late == last_late) & (due <= last_due)))
    )
    ordered = (
        between.join(AgendaItem, on=(Action.item == AgendaItem.id))
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        # Action.id last: a total order, so pages neither repeat nor skip a row.
        .order_by(late.desc(), due, Meeting.date, Action.position, Action.id)
        .offset(offset - before.count() if offset else 0)
        .limit(limit)
    )
    ids = [row_id for (row_id,) in ordered.tuples()]
    place = {row_id: n for n, row_id in enumerate(ids)}
    entries = to_entries(entries_query().where(Action.id.in_(ids)), today)
    return sorted(entries, key=lambda entry: place[entry.id])


def owners() -> list[tuple[str, str]]:
    """(label, "person:<id>" or "organisation:<id>") for everyone who owns a live action:
    people by surname, then organisations by name."""
    live = Action.deleted_at.is_null()
    people = Person.select(Person.id, Person.title, Person.name).where(
        Person.id.in_(Action.select(Action.owner_person).where(live))
    )
    organisations = Organisation.select(Organisation.id, Organisation.name).where(
        Organisation.id.in_(Action.select(Action.owner_organisation).where(live))
    )
    named = [
        (display_name(p), f"person:{p.id}")
        for p in sorted(people, key=lambda p: surname_first(p.name))
    ]
    return named + [
        (o.name, f"organisation:{o.id}")
        for o in sorted(organisations, key=lambda o: o.name.casefold())
    ]


def _kept(flt: ActionFilter, today: dt.date):
    """The live actions the filter keeps, from the action table alone (tuples of their ids):
    the few whose item, meeting or body was deleted are left out by name."""
    query = _filtered(flt, today)
    dead = list(
        Action.select(Action.item)
        .distinct()
        .where(Action.deleted_at.is_null() & Action.item.in_(_dead_items()))
        .tuples()
    )
    if dead:
        query = query.where(Action.item.not_in([item_id for (item_id,) in dead]))
    return query.tuples()


def _filtered(flt: ActionFilter, today: dt.date):
    """The ids of the undeleted actions the filter keeps (their item may be deleted)."""
    query = Action.select(Action.id).where(Action.deleted_at.is_null())
    if flt.body_id:
        meetings = Meeting.select(Meeting.id).where(Meeting.body == flt.body_id)
        items = AgendaItem.select(AgendaItem.id).where(AgendaItem.meeting.in_(meetings))
        query = query.where(Action.item.in_(items))
    if flt.owner_person_id:
        query = query.where(Action.owner_person == flt.owner_person_id)
    if flt.owner_organisation_id:
        query = query.where(Action.owner_organisation == flt.owner_organisation_id)
    if flt.status == NOT_DONE:
        query = query.where(Action.status != "done")
    elif flt.status:
        status = validation.choice(
            flt.status, (*vocabulary.ACTION_STATUSES, NOT_DONE), "status of an action"
        )
        query = query.where(Action.status == status)
    if flt.overdue_only:
        query = query.where(overdue_expression(today) == 1)
    needle = flt.text.strip()
    if needle:
        # instr() matches the words literally, so a typed % or _ is not a wildcard. SQLite's
        # lower() folds only ASCII, so the words as typed are tried as well.
        query = query.where(
            (fn.instr(fn.lower(Action.text), needle.lower()) > 0)
            | (fn.instr(Action.text, needle) > 0)
        )
    return query


def _dead_items():
    """The deleted items, and those of deleted meetings and bodies: each part a union of
    its own, as SQLite reads an OR of the two through no index (migration 0017), and would
    read every item of the council to find the few deleted."""
    dead_bodies = Body.select(Body.id).where(Body.deleted_at.is_null(False))
    dead_meetings = Meeting.select(Meeting.id).where(Meeting.deleted_at.is_null(False)) | (
        Meeting.select(Meeting.id).where(Meeting.body.in_(dead_bodies))
    )
    return AgendaItem.select(AgendaItem.id).where(AgendaItem.deleted_at.is_null(False)) | (
        AgendaItem.select(AgendaItem.id).where(AgendaItem.meeting.in_(dead_meetings))
    )


__all__ = ["ActionEntry", "ActionFilter", "count_actions", "owners", "page_of_actions"]
