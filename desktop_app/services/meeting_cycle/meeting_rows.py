"""The one read model of a meeting: its rows, read in a few queries and grouped by the row
they belong to. The meeting page (meeting_record.py), the printed documents
(documents/meeting_facts.py), the minutes' fingerprint (decisions/minutes_content.py) and
the export (exchange/meeting_parts.py) all build from it, each into its own shape, so a
meeting is read in one place: a column added to what a meeting shows is read here once,
and every reader sees the same rows.

`load_meeting_rows` reads one meeting; `load_rows` reads many (a body's meetings for the
export) in the same number of queries. Rows come as the storage models, live only, in the
orders their readers list them: items in stored agenda order (agenda_tree.py), minutes by
age, resolutions and actions by their place, then by age. The people and organisations are
only those the rows name, deleted and archived ones too (the record still names them), so
the cost follows the meeting, not the council (issue 16).
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


def _lists() -> defaultdict:
    return defaultdict(list)


@dataclass(frozen=True)
class MeetingRows:
    """One meeting's live rows. The dicts of lists give [] for a row with nothing below it."""

    meeting: Meeting
    body: Body
    items: list[AgendaItem]  # in stored order: rank, then id (a sub-item may come first)
    minutes: dict[str, list[Minute]] = field(default_factory=_lists)  # by item, by age
    resolutions: dict[str, list[Resolution]] = field(default_factory=_lists)  # by item
    named_votes: dict[str, list[NamedVote]] = field(default_factory=_lists)  # by resolution
    actions: dict[str, list[Action]] = field(default_factory=_lists)  # by item
    notes: dict[str, list[ActionNote]] = field(default_factory=_lists)  # by action, by date
    # The notes made at this meeting, on live actions of any meeting: its progress reports.
    progress: list[ActionNote] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)  # by age
    declarations: list[Declaration] = field(default_factory=list)  # by age
    documents: dict[str, list[Document]] = field(default_factory=_lists)  # by item, by age
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)

    def person(self, person_id: str | None) -> Person | None:
        return self.people.get(person_id) if person_id else None

    def organisation_name(self, organisation_id: str | None) -> str:
        found = self.organisations.get(organisation_id) if organisation_id else None
        return found.name if found else ""


def by_age(model) -> tuple:
    # The stamp a row was made with breaks ties of the same millisecond: the stamp of its
    # last change would move a row edited later (even by an import's second pass) along.
    return (model.created_at, model.base_hlc)


def load_meeting_rows(meeting_id: str, *, with_body: bool = False) -> MeetingRows:
    """The live meeting's rows; with `with_body`, its people include the body's clerk and
    members (the documents name them). Raises ValidationError for an unknown meeting."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    return _load([meeting], with_body=with_body, people=True)[meeting.id]


def load_rows(meetings: Iterable[Meeting], found_by, *, people: bool = True) -> dict:
    """The rows of each of `meetings` by its id, in the same few queries however many there
    are: `found_by` is the query of Meeting.id that found them (a body's meetings), which the
    queries of the rows below them use. Without `people`, no people or organisations are read
    (the export reads them all)."""
    return _load(list(meetings), found_by, with_body=False, people=people)


def _load(meetings: list[Meeting], found_by=None, *, with_body: bool, people: bool) -> dict:
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
        .order_by(Resolution.position, Resolution.created_at, Resolution.id)
    )
    actions = list(
        Action.live()
        .where(Action.item.in_(item_ids))
        .order_by(Action.position, Action.created_at, Action.id)
    )
    resolution_ids = _ids(resolutions, Resolution.select(Resolution.id), Resolution.item, item_ids)
    action_ids = _ids(actions, Action.select(Action.id), Action.item, item_ids)
    named_people: dict[str, Person] = {}  # one dict for all: the export reads many meetings
    named_organisations: dict[str, Organisation] = {}
    made = {
        m.id: MeetingRows(
            meeting=m,
            body=bodies[m.__data__["body"]],
            items=[],
            people=named_people,
            organisations=named_organisations,
        )
        for m in meetings
    }
    of_item: dict[str, MeetingRows] = {}
    for item in items:
        rows = made[item.__data__["meeting"]]
        rows.items.append(item)
        of_item[item.id] = rows
    of_resolution = _place(resolutions, "item", of_item, "resolutions")
    of_action = _place(actions, "item", of_item, "actions")
    _place(
        Minute.live().where(Minute.item.in_(item_ids)).order_by(Minute.created_at, Minute.id),
        "item",
        of_item,
        "minutes",
    )
    _place(
        NamedVote.live()
        .where(NamedVote.resolution.in_(resolution_ids))
        .order_by(*by_age(NamedVote)),
        "resolution",
        of_resolution,
        "named_votes",
    )
    _place(
        ActionNote.live()
        .where(ActionNote.action.in_(action_ids))
        .order_by(ActionNote.date, *by_age(ActionNote)),
        "action",
        of_action,
        "notes",
    )
    _place(
        Document.live().where(Document.item.in_(item_ids)).order_by(*by_age(Document)),
        "item",
        of_item,
        "documents",
    )
    for model, name in ((Attendance, "attendance"), (Declaration, "declarations")):
        for row in model.live().where(model.meeting.in_(meeting_ids)).order_by(*by_age(model)):
            getattr(made[row.__data__["meeting"]], name).append(row)
    progress = (
        ActionNote.live()
        .join(Action, on=(ActionNote.action == Action.id))
        .where(ActionNote.meeting.in_(meeting_ids) & Action.deleted_at.is_null())
    )
    for note in progress:
        made[note.__data__["meeting"]].progress.append(note)
    if people:
        found = _named(made, with_body=with_body)
        named_people.update(found[0])
        named_organisations.update(found[1])
    return made


def _ids(rows: list, select, parent, parents) -> list[str] | object:
    """The rows' ids as a list when they are few; else as the subquery that found them."""
    if isinstance(parents, list):
        return [row.id for row in rows]
    return select.where(parent.in_(parents) & select.model.deleted_at.is_null())


def _place(rows, column: str, owners: dict[str, MeetingRows], name: str) -> dict:
    """Put each row in the list `name` of its meeting's rows under the row it belongs to;
    gives back which meeting's rows each row went to, by its id."""
    placed: dict[str, MeetingRows] = {}
    for row in rows:
        owner_id = row.__data__[column]
        owner = owners.get(owner_id)
        if owner is not None:
            getattr(owner, name)[owner_id].append(row)
            placed[row.id] = owner
    return placed


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
        for resolutions in rows.resolutions.values():
            add(resolutions, ("proposer", "seconder", "appointee"))
        for votes in rows.named_votes.values():
            add(votes, ("person",))
        for actions in rows.actions.values():
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
