"""The one read model of a meeting: its rows, read in a few queries and grouped by the row
they belong to. The meeting page (meeting_record.py), the printed documents
(documents/meeting_facts.py), the minutes' fingerprint (decisions/minutes_content.py) and
the export (exchange/meeting_parts.py) all build from it, each into its own shape, so a
meeting is read in one place: a column added to what a meeting shows is read here once,
and every reader sees the same rows.

`load_meeting_rows` reads one meeting; `load_rows` reads many (a body's meetings for the
export) in the same number of queries. Rows come as the storage models, live only, in the
order the export lists them: items in stored agenda order (agenda_tree.py), the rest by
age (when made, ties by the stamp they were made with), resolutions and actions by their
place first; a reader wanting another order sorts them itself. The people and
organisations are only those the rows name, deleted and archived ones too (the record
still names them), so the cost follows the meeting, not the council (issue 16).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.services import validation
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Document,
    Meeting,
    Membership,
    Minute,
    NamedVote,
    Organisation,
    Person,
    Resolution,
)


@dataclass(frozen=True)
class MeetingRows:
    """One meeting's live rows. The rows below its items are in dicts of lists by the row
    they belong to, giving [] for one with nothing below it; meetings read together share
    these dicts (and the people and organisations), so look rows up by the ids of this
    meeting's own items, resolutions and actions rather than going through a dict whole."""

    meeting: Meeting
    body: Body
    items: list[AgendaItem]  # in stored order: rank, then id (a sub-item may come first)
    minutes: dict[str, list[Minute]]  # by item
    resolutions: dict[str, list[Resolution]]  # by item
    named_votes: dict[str, list[NamedVote]]  # by resolution
    actions: dict[str, list[Action]]  # by item
    notes: dict[str, list[ActionNote]]  # by action, by date
    documents: dict[str, list[Document]]  # by item
    people: dict[str, Person]
    organisations: dict[str, Organisation]
    attendance: list[Attendance] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    # The notes made at this meeting, on live actions of any meeting: its progress reports.
    progress: list[ActionNote] = field(default_factory=list)


GROUPED = ("minutes", "resolutions", "named_votes", "actions", "notes", "documents")


def by_age(model) -> tuple:
    # The stamp a row was made with breaks ties of the same millisecond: the stamp of its
    # last change would move a row edited later (even by an import's second pass) along.
    return (model.created_at, model.base_hlc)


def load_meeting_rows(meeting_id: str, *, with_body: bool = False) -> MeetingRows:
    """The live meeting's rows; with `with_body`, its people include the body's clerk and
    members (the documents name them). Raises ValidationError for an unknown meeting."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    return _load([meeting], with_body=with_body, named=True)[meeting.id]


def load_rows(meetings: Iterable[Meeting], found_by, *, for_export: bool = False) -> dict:
    """The rows of each of `meetings` by its id, in the same few queries however many there
    are: `found_by` is the query of Meeting.id that found them (a body's live meetings),
    which the queries of the rows below them use. `for_export` leaves out what the export
    does not take from here: the people and organisations (it reads them all) and the
    progress reported at each meeting (it lists notes by their action)."""
    return _load(list(meetings), found_by, with_body=False, named=not for_export)


def _load(meetings: list[Meeting], found_by=None, *, with_body: bool, named: bool) -> dict:
    if not meetings:
        return {}
    # A list of ids for one meeting; a subquery for many.
    meeting_ids = found_by if found_by is not None else [m.id for m in meetings]
    bodies = {
        b.id: b for b in Body.select().where(Body.id.in_({m.__data__["body"] for m in meetings}))
    }
    items = list(
        AgendaItem.live().where(AgendaItem.meeting.in_(meeting_ids)).order_by(*STORED_ORDER)
    )
    item_ids = _ids(items, AgendaItem.select(AgendaItem.id), AgendaItem.meeting, meeting_ids)
    resolutions = list(
        Resolution.live()
        .where(Resolution.item.in_(item_ids))
        .order_by(Resolution.position, *by_age(Resolution))
    )
    actions = list(
        Action.live().where(Action.item.in_(item_ids)).order_by(Action.position, *by_age(Action))
    )
    resolution_ids = _ids(resolutions, Resolution.select(Resolution.id), Resolution.item, item_ids)
    action_ids = _ids(actions, Action.select(Action.id), Action.item, item_ids)
    shared = {name: defaultdict(list) for name in GROUPED}
    named_people: dict[str, Person] = {}
    named_organisations: dict[str, Organisation] = {}
    made = {
        m.id: MeetingRows(
            meeting=m,
            body=bodies[m.__data__["body"]],
            items=[],
            people=named_people,
            organisations=named_organisations,
            **shared,
        )
        for m in meetings
    }
    for item in items:
        made[item.__data__["meeting"]].items.append(item)
    for row in resolutions:
        shared["resolutions"][row.__data__["item"]].append(row)
    for row in actions:
        shared["actions"][row.__data__["item"]].append(row)
    _group(
        Minute.live().where(Minute.item.in_(item_ids)).order_by(*by_age(Minute)),
        "item",
        shared["minutes"],
    )
    _group(
        NamedVote.live()
        .where(NamedVote.resolution.in_(resolution_ids))
        .order_by(*by_age(NamedVote)),
        "resolution",
        shared["named_votes"],
    )
    _group(
        ActionNote.live()
        .where(ActionNote.action.in_(action_ids))
        .order_by(ActionNote.date, *by_age(ActionNote)),
        "action",
        shared["notes"],
    )
    _group(
        Document.live().where(Document.item.in_(item_ids)).order_by(*by_age(Document)),
        "item",
        shared["documents"],
    )
    for model, name in ((Attendance, "attendance"), (Declaration, "declarations")):
        query = model.live().where(model.meeting.in_(meeting_ids)).order_by(*by_age(model))
        for row in query.iterator():
            getattr(made[row.__data__["meeting"]], name).append(row)
    if named:
        progress = (
            ActionNote.live()
            .join(Action, on=(ActionNote.action == Action.id))
            .where(ActionNote.meeting.in_(meeting_ids) & Action.deleted_at.is_null())
        )
        for note in progress:
            made[note.__data__["meeting"]].progress.append(note)
        found = _named(made, with_body=with_body)
        named_people.update(found[0])
        named_organisations.update(found[1])
    return made


def _ids(rows: list, select, parent, parents) -> list[str] | object:
    """The rows' ids as a list when they are few; else as a subquery of the rows below
    `parents`, deleted ones too (what is found below them is read live, and cheaper so)."""
    if isinstance(parents, list):
        return [row.id for row in rows]
    return select.where(parent.in_(parents))


def _group(query, column: str, grouped: dict[str, list]) -> None:
    # Iterated once: peewee need not keep its own list of the rows as well.
    for row in query.iterator():
        grouped[row.__data__[column]].append(row)


def _named(made: dict[str, MeetingRows], *, with_body: bool) -> tuple[dict, dict]:
    """Everyone the meetings' rows name (chairs, attendance, presenters, declarations, action
    owners, proposers, seconders, appointees and named votes) and, with `with_body`, each
    body's clerk and members, in one query; then the organisations they and the rows name,
    in another. The ids are taken from the rows already read."""
    person_ids: set = set()
    organisation_ids: set = set()

    def add(rows, people: tuple[str, ...], organisations: tuple[str, ...] = ()) -> None:
        for row in rows:
            data = row.__data__
            person_ids.update(data.get(name) for name in people)
            organisation_ids.update(data.get(name) for name in organisations)

    for rows in made.values():
        add([rows.meeting], ("chair",))
        add(rows.attendance, ("person", "substitute_for"))
        add(rows.items, ("presenter_person",), ("presenter_organisation",))
        add(rows.declarations, ("person",))
    any_rows = next(iter(made.values()))
    for resolutions in any_rows.resolutions.values():
        add(resolutions, ("proposer", "seconder", "appointee"))
    for votes in any_rows.named_votes.values():
        add(votes, ("person",))
    for actions in any_rows.actions.values():
        add(actions, ("owner_person",), ("owner_organisation",))
    if with_body:
        bodies = {rows.body.id: rows.body for rows in made.values()}
        add(bodies.values(), ("clerk",))
        members = Membership.select(Membership.person, Membership.organisation).where(
            Membership.body.in_(list(bodies))
        )
        add(members, ("person",), ("organisation",))
    person_ids.discard(None)
    people = {p.id: p for p in Person.select().where(Person.id.in_(list(person_ids)))}
    organisation_ids.update(p.__data__.get("organisation") for p in people.values())
    organisation_ids.discard(None)
    organisations = Organisation.select().where(Organisation.id.in_(list(organisation_ids)))
    return people, {o.id: o for o in organisations}
