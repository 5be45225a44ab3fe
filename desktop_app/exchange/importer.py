"""Importing a `minute-book/1` file: all or nothing, and idempotent.

The whole file is checked first (reading.py); then every row is written in one
transaction, journalled and audited: new rows as a sync writes what arrives
(sync/made_here.py), changes to rows already here through `changes.update`.
Rows are matched to what is already here by natural keys (a person by `key`, a meeting by
body, date and start, an item by meeting, parent and place in the list, ...), and only
fields whose value differs are written: importing the same file twice changes nothing.
Import adds and updates; it never deletes a row the file does not mention. This module
writes the people, organisations and bodies and orders the rest: a meeting's rows are
written by meeting_import.py, the references between meetings by reference_links.py.

A minute, an attendance line and a named vote take the id every laptop gives them
(storage/natural_ids.py). Given a namespace, every row made takes an id derived from it and
the row's natural key, so two installs importing the same file (the example each one gets
on first start) hold the same rows under the same ids and can share work.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from desktop_app.exchange import reading
from desktop_app.exchange.appointment_links import AppointmentLinks
from desktop_app.exchange.import_rules import check_votes, refuse_repeated_numbers
from desktop_app.exchange.json_file import load_json
from desktop_app.exchange.links import MeetingRef
from desktop_app.exchange.meeting_import import apply_meeting
from desktop_app.exchange.plan_import import apply_plans, resolve_link
from desktop_app.exchange.records import (
    ActionRecord,
    BodyRecord,
    DocumentRecord,
    ExchangeRecord,
    ItemRecord,
    MeetingRecord,
    ResolutionRecord,
    TemplateItemRecord,
    VersionRef,
    template_entries,
)
from desktop_app.exchange.reference_links import link_items, link_meetings, link_references
from desktop_app.exchange.summary import KINDS, ImportSummary
from desktop_app.exchange.update_record import apply_updates
from desktop_app.exchange.values import at, fail, join
from desktop_app.exchange.versions_import import (
    apply_signers,
    refuse_changes_to_signed,
    signed_record,
)
from desktop_app.rules.minutes_status import check_signed_status
from desktop_app.services.meeting_cycle.meeting_status import has_signed_version
from desktop_app.services.reports.templates import template_text
from desktop_app.storage import changes, natural_ids, store
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Body,
    Meeting,
    Membership,
    Organisation,
    Person,
    Resolution,
    Synced,
    db,
)
from desktop_app.sync.made_here import NewRows


def import_file(path: Path, *, namespace: uuid.UUID | None = None) -> ImportSummary:
    """Import a `minute-book/1` JSON file; document files are found relative to it."""
    return import_data(load_json(path), base_dir=path.parent, namespace=namespace)


def import_data(data: Any, *, base_dir: Path, namespace: uuid.UUID | None = None) -> ImportSummary:
    """Import parsed JSON. Raises ValidationError (naming where) and writes nothing if any
    part of it is wrong. With `namespace`, the rows made get ids derived from it."""
    with db.atomic():
        # Keys are unique, but a merge of two laptops' work can repeat one (rules/clashes.py):
        # then the oldest live person with the key is the one meant.
        people = {
            p.key: p
            for p in Person.select().order_by(
                Person.deleted_at.is_null(), Person.created_at.desc(), Person.hlc.desc()
            )
        }
        organisations = _by_folded_name(Organisation)
        bodies = _by_folded_name(Body)
        record = reading.read_exchange(
            data,
            base_dir=base_dir,
            known_people=[key for key, row in people.items() if row.deleted_at is None],
            known_organisations=organisations,
            known_bodies=bodies,
        )
        # Content-addressed, so a file stored by an import that then fails does no harm.
        files = {doc.source: _stored(doc) for doc in record.documents()}
        appointed = AppointmentLinks.of(record)
        applier = _Applier(people, organisations, bodies, files, appointed, namespace)
        applier.apply(record)
    return applier.summary


class _Applier:
    def __init__(self, people, organisations, bodies, files, appointed, namespace=None) -> None:
        self.people: dict[str, Person] = people
        self.organisations: dict[str, Organisation] = organisations
        self.bodies: dict[str, Body] = bodies
        self.files: dict[Path, tuple[str, int]] = files
        self.appointed: AppointmentLinks = appointed
        self.namespace: uuid.UUID | None = namespace  # see key_of
        self.created_ids: set[str] = set()
        # Rows made, written together before anything reads them back (`write_new`).
        self.new_rows = NewRows(by="import")
        self.updated_ids: set[str] = set()
        self.restored_ids: set[str] = set()
        # The items of the body being applied, with their meetings, for link_items.
        self.placed: list[tuple[Meeting, ItemRecord, AgendaItem]] = []
        # References to a meeting of the body being applied, found once all its meetings are
        # written: (row, field, name in the file, its path, the row's own meeting id).
        self.meeting_refs: list[tuple[Synced, str, MeetingRef, str, str]] = []
        # Resolutions approving minutes: (row, the minutes named, path, own meeting id).
        self.approvals: list[tuple[Resolution, VersionRef, str, str]] = []
        self.meeting_paths: dict[str, str] = {}
        # Resolutions with a vote, checked against who could vote once all is written.
        self.votes: list[tuple[Resolution, ResolutionRecord]] = []
        self.statuses: list[tuple[str, MeetingRecord]] = []  # each meeting's, checked last
        # Actions serving a plan action, linked once every body's plans are written.
        self.plan_links: list[tuple[Action, ActionRecord]] = []
        self.summary = ImportSummary()

    def apply(self, record: ExchangeRecord) -> None:
        for organisation in record.organisations:
            key = organisation.name.casefold()
            self.organisations[key] = self.save(
                Organisation,
                self.organisations.get(key),
                _id=self.key_of("organisation", key),
                name=organisation.name,
            )
        for person in record.people:
            row = self.people.get(person.key)
            if row is not None and row.deleted_at is not None:
                # The key is unique even among deleted people: bring that person back.
                changes.restore(row)
                self.restored_ids.add(row.id)
            self.people[person.key] = self.save(
                Person,
                row,
                _create=dict(key=person.key),
                _id=self.key_of("person", person.key),
                title=person.title,
                name=person.name,
                organisation_id=self.organisation_id(person.organisation),
                position=person.position,
                email=person.email,
                phone=person.phone,
            )
        self.new_rows.write()
        apply_signers(self, record.signers)
        ordered = _parents_first(record.bodies)
        for body in ordered:
            self.apply_body(body)
        self.new_rows.write()
        for body in ordered:
            self.refuse_circle(body)
        body_rows = [self.bodies[body.name.casefold()] for body in ordered]
        signed = [signed_record(self, body_row) for body_row in body_rows]
        for body, body_row in zip(ordered, body_rows, strict=True):
            self.apply_members(body)
            apply_plans(self, body_row, body.plans)
            self.placed, self.meeting_refs, self.approvals = [], [], []
            for meeting in body.meetings:
                apply_meeting(self, body, meeting)
            self.new_rows.write()
            link_meetings(self, body_row)
            # After all the body's meetings, so an item may link to one later in the file.
            link_items(self, body_row)
            link_references(self, body_row)
            refuse_repeated_numbers(self, body, body_row)
        # Once every body's meetings are written: an update names its board's item.
        for body, body_row in zip(ordered, body_rows, strict=True):
            apply_updates(self, body_row, body.updates)
        for action_row, action in self.plan_links:
            linked = resolve_link(action.plan_action) if action.plan_action else None
            self.save(Action, action_row, plan_action_id=linked)
        # Once every resolution has its key (an appointment may be made by another body).
        self.appointed.write(self)
        self.new_rows.write()
        # Once every membership and attendance is written, appointments' included.
        check_votes(self)
        for body, before in zip(ordered, signed, strict=True):
            refuse_changes_to_signed(self, body.path, before)
        # After that refusal, which says more when signed minutes lose their signature.
        for meeting_id, meeting in self.statuses:
            with at(join(meeting.path, "status")):
                check_signed_status(
                    meeting.status, has_signed_version=has_signed_version(meeting_id)
                )

    def save(
        self,
        model: type[Synced],
        row: Synced | None,
        _create=None,
        _id: str | None = None,
        _under: Synced | None = None,
        **values,
    ) -> Any:
        """Create the row (with `_id` if given), or update the fields of `row` that differ;
        count either. A row already here under `_id` (deleted, or not found by its natural
        key) is brought back and updated, as it cannot be inserted again. `_under` is the
        row it belongs to: if this import created that one, no row can have `_id` yet (it
        derives from that row's id), so it is not looked for."""
        plural = KINDS[model][1]
        if (
            row is None
            and _id is not None
            and (_under is None or _under.id not in self.created_ids)
        ):
            row = self.new_rows.holds(_id) or model.get_or_none(model.id == _id)
            if row is not None and row.deleted_at is not None:
                changes.restore(row)
                self.restored_ids.add(row.id)
        if row is None:
            create = dict(_create or {}, **({} if _id is None else {"id": _id}))
            row = self.new_rows.make(model, **create, **values)
            self.created_ids.add(row.id)
            self.summary.created[plural] += 1
        else:
            # A change to a row made by this import is its own journal entry, as when it was
            # made by hand: what the meeting's status was when a version was made is read
            # from the journal.
            if self.new_rows.holds(row.id):
                self.new_rows.write()
            changed = changes.update(row, **values) or row.id in self.restored_ids
            if changed and row.id not in self.created_ids | self.updated_ids:
                self.updated_ids.add(row.id)
                self.summary.updated[plural] += 1
        return row

    def key_of(self, *parts: Any) -> str | None:
        """With a namespace, the id every install gives the row these parts name (its kind
        and natural key, under rows that have such ids); else None, for a fresh id."""
        if self.namespace is None:
            return None
        return natural_ids.natural_id(":".join(map(str, parts)), self.namespace)

    def existing(self, parent: Synced, query) -> list:
        """The rows `query` finds under `parent`; under a row this import created there are
        none, so the query is not even run (it would be, thousands of times, on a new body)."""
        return [] if parent.id in self.created_ids else list(query)

    # References

    def person_id(self, key: str | None) -> str | None:
        return self.people[key].id if key else None

    def organisation_id(self, name: str | None) -> str | None:
        return self.organisations[name.casefold()].id if name else None

    def party(self, name: str | None) -> tuple[str | None, str | None]:
        """(person id, organisation id) of a presenter or owner; a person's key wins."""
        if not name:
            return None, None
        person = self.people.get(name)
        if person is not None and person.deleted_at is None:
            return person.id, None
        return None, self.organisation_id(name)

    # Bodies

    def apply_body(self, body: BodyRecord) -> None:
        key = body.name.casefold()
        row = self.bodies.get(key)
        self.bodies[key] = self.save(
            Body,
            row,
            _id=self.key_of("body", key),
            name=body.name,
            kind=body.kind,
            parent_id=self.bodies[body.parent.casefold()].id if body.parent else None,
            quorum=body.quorum,
            venue=body.venue,
            clerk_id=self.person_id(body.clerk),
            numbering_pattern=body.numbering.pattern,
            numbering_restart=body.numbering.restart,
            numbering_year_starts=body.numbering.year_starts,
            numbering_next=body.numbering.next,
            sub_numbering=body.numbering.sub,
            agenda_template=_template_text(body.template, row),
            report_template=template_text(body.report_template),
        )

    def refuse_circle(self, body: BodyRecord) -> None:
        # The file has no circle (reading.py), but with the bodies already here it might.
        row, seen = self.bodies[body.name.casefold()], set()
        while row is not None:
            if row.id in seen:
                fail(
                    join(body.path, "parent"),
                    "the bodies would report to each other in a circle",
                )
            seen.add(row.id)
            row = Body.get_or_none(Body.id == row.__data__.get("parent"))

    def apply_members(self, body: BodyRecord) -> None:
        body_row = self.bodies[body.name.casefold()]
        existing = {
            (m.__data__["person"], m.from_date): m
            for m in self.existing(
                body_row,
                Membership.live()
                .where(Membership.body == body_row.id)
                .order_by(Membership.created_at.desc()),
            )
        }
        for member in body.members:
            person_id = self.person_id(member.person)
            row = existing.get((person_id, member.from_date))
            create = dict(body_id=body_row.id, person_id=person_id, from_date=member.from_date)
            key = self.key_of("membership", body_row.id, person_id, member.from_date)
            values = dict(
                role=member.role,
                organisation_id=self.organisation_id(member.organisation),
                voting=member.voting,
                to_date=member.to_date,
            )
            if row is None and self.appointed.defer(Membership, member.path, create, values):
                continue
            saved = self.save(Membership, row, _create=create, _id=key, _under=body_row, **values)
            self.appointed.saved(member.path, saved)


def _stored(document: DocumentRecord) -> tuple[str, int]:
    """The document's file put in the store: its SHA-256 and size."""
    sha256 = store.put_file(document.source)
    if sha256 != document.sha256:
        fail(join(document.path, "file"), "the file changed while it was imported")
    return sha256, document.source.stat().st_size


def _template_text(template: list[TemplateItemRecord] | None, row: Body | None) -> str:
    """The agenda template as Body stores it: "" for the standard one, else a JSON list.
    Text that already says the same is kept, however it was spelt, so nothing changes."""
    if template is None:
        return ""
    wanted = [{"title": entry.title, "kind": entry.kind} for entry in template]
    if row is not None and row.agenda_template and template_entries(row.agenda_template) == wanted:
        return row.agenda_template
    return json.dumps(wanted, ensure_ascii=False)


def _by_folded_name(model) -> dict[str, Any]:
    """Live rows by case-folded name; the oldest wins where two names fold alike."""
    found: dict[str, Any] = {}
    for row in model.live().order_by(model.created_at.desc(), model.hlc.desc()):
        found[row.name.casefold()] = row
    return found


def _parents_first(bodies: list[BodyRecord]) -> list[BodyRecord]:
    by_name = {b.name.casefold(): b for b in bodies}
    ordered: list[BodyRecord] = []
    placed: set[str] = set()

    def place(body: BodyRecord) -> None:
        key = body.name.casefold()
        if key in placed:
            return
        placed.add(key)
        if body.parent and body.parent.casefold() in by_name:
            place(by_name[body.parent.casefold()])
        ordered.append(body)

    for body in bodies:
        place(body)
    return ordered
