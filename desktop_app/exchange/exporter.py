"""Exporting to a `minute-book/1` file (DESIGN.md §7), in the key order of the format.

Empty optional values are left out, as a clerk would write the file by hand. Lists keep
the order they were entered in (items, resolutions and actions by their place), so an
export imported into an empty data folder exports again to the same thing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.atomic_files import write_atomically
from desktop_app.errors import ValidationError
from desktop_app.exchange.exported_files import ExportedFiles
from desktop_app.exchange.format_fields import FORMAT
from desktop_app.exchange.links import ExportedLinks
from desktop_app.exchange.meeting_parts import MeetingParts
from desktop_app.exchange.plan_record import action_codes, exported_plans
from desktop_app.exchange.records import template_entries
from desktop_app.exchange.report_record import exported, exported_template
from desktop_app.exchange.signatures_record import signers_data, signing_data
from desktop_app.exchange.update_record import exported_updates
from desktop_app.services.meeting_cycle.meeting_rows import by_age
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
    MinutesVersion,
    Organisation,
    Person,
    Resolution,
    db,
)


def export_file(path: Path, *, body_name: str | None = None) -> None:
    """Write every body (or the one named) to `path`, with its documents beside it."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ValidationError(f"There is no folder {path.parent} to export into.")
    data = export_data(body_name=body_name, files_dir=path.parent)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_atomically(path, text.encode("utf-8"))


def export_data(*, body_name: str | None = None, files_dir: Path | None = None) -> dict:
    """The record as `minute-book/1` data. With `files_dir`, each document's file is copied
    there and named relative to it; without, `file` is the document's stored file name."""
    # One consistent snapshot, even while the window writes; DEFERRED, as reading it must not
    # hold the write lock (every other transaction begins IMMEDIATE, storage/database.py).
    with db.atomic("DEFERRED"):
        return _Exporter(files_dir).export(body_name)


def _put(target: dict, key: str, value: Any) -> None:
    """Set `key` unless the value is empty (None, "", [], {})."""
    if value not in (None, "", [], {}):
        target[key] = value


class _Exporter:
    def __init__(self, files_dir: Path | None) -> None:
        self.files = ExportedFiles(files_dir)
        self.people = {p.id: p for p in Person.select()}
        self.organisations = {o.id: o for o in Organisation.select()}
        self.used_people: set[str] = set()
        self.used_organisations: set[str] = set()
        self.signer_ids: set[str] = set()  # the signers of exported signed minutes

    def export(self, body_name: str | None) -> dict:
        bodies = list(Body.live().order_by(*by_age(Body)))
        if body_name is not None:
            wanted = body_name.strip().casefold()
            bodies = [b for b in bodies if b.name.casefold() == wanted]
            if not bodies:
                raise ValidationError(f"There is no body called {body_name}.")
        exported_ids = {b.id for b in bodies}
        self.plan_actions = action_codes(exported_ids)
        body_data = [self.body(b, exported_ids) for b in bodies]
        if body_name is None:
            self.used_people |= {p.id for p in self.people.values() if p.deleted_at is None}
            self.used_organisations |= {
                o.id for o in self.organisations.values() if o.deleted_at is None
            }
        signers = signers_data(self.used_people, self.person_key, also=self.signer_ids)
        people = [self.people[i] for i in self.used_people]
        people.sort(key=lambda p: (p.created_at, p.hlc))
        person_data = [self.person(p) for p in people]
        organisations = [self.organisations[i] for i in self.used_organisations]
        organisations.sort(key=lambda o: (o.created_at, o.hlc))
        data = {
            "format": FORMAT,
            "organisations": [{"name": o.name} for o in organisations],
            "people": person_data,
        }
        _put(data, "signers", signers)
        data["bodies"] = body_data
        return data

    # References

    def person_key(self, person_id: str | None) -> str | None:
        if not person_id:
            return None
        self.used_people.add(person_id)
        return self.people[person_id].key

    def organisation_name(self, organisation_id: str | None) -> str | None:
        if not organisation_id:
            return None
        self.used_organisations.add(organisation_id)
        return self.organisations[organisation_id].name

    def lead(self, person_id: str | None, organisation_id: str | None) -> str | None:
        return self.person_key(person_id) or self.organisation_name(organisation_id)

    def party(self, row, person_field: str, organisation_field: str) -> str | None:
        return self.person_key(row.__data__.get(person_field)) or self.organisation_name(
            row.__data__.get(organisation_field)
        )

    def person(self, person: Person) -> dict:
        data = {"key": person.key}
        _put(data, "title", person.title)
        data["name"] = person.name
        _put(data, "organisation", self.organisation_name(person.__data__.get("organisation")))
        _put(data, "position", person.position)
        _put(data, "email", person.email)
        _put(data, "phone", person.phone)
        return data

    # Bodies

    def body(self, body: Body, exported_ids: set[str]) -> dict:
        data: dict[str, Any] = {"name": body.name, "kind": body.kind}
        parent_id = body.__data__.get("parent")
        if parent_id in exported_ids:
            data["parent"] = Body.get_by_id(parent_id).name
        _put(data, "quorum", _quorum(body.quorum))
        _put(data, "venue", body.venue)
        _put(data, "clerk", self.person_key(body.__data__.get("clerk")))
        data["numbering"] = {
            "pattern": body.numbering_pattern,
            "restart": body.numbering_restart,
            "year_starts": body.numbering_year_starts,
            "next": body.numbering_next,
        }
        if body.sub_numbering != "decimal":
            data["numbering"]["sub"] = body.sub_numbering
        template = template_entries(body.agenda_template)
        if template is not None:
            data["template"] = template
        _put(data, "report_template", exported_template(body.report_template))
        _put(data, "plans", exported_plans(body.id, self.lead, self.organisation_name))
        updates = exported_updates(body.id, self.person_key, with_board=parent_id in exported_ids)
        _put(data, "updates", updates)
        members = Membership.live().where(Membership.body == body.id)
        _put(data, "members", [self.member(m) for m in members.order_by(*by_age(Membership))])
        meetings = list(
            Meeting.live()
            .where(Meeting.body == body.id)
            .order_by(Meeting.date, Meeting.start_time, *by_age(Meeting))
        )
        parts = MeetingParts(body.id, meetings)
        parts.links = ExportedLinks(
            body,
            [(m.id, m.date, m.start_time) for m in meetings],
            [
                (i.id, i.__data__["meeting"], i.__data__.get("parent"), i.number)
                for i in parts.all_items
            ],
        )
        _put(data, "meetings", [self.meeting(m, parts) for m in meetings])
        return data

    def member(self, member: Membership) -> dict:
        data = {"person": self.person_key(member.__data__["person"]), "role": member.role}
        _put(data, "organisation", self.organisation_name(member.__data__.get("organisation")))
        if not member.voting:
            data["voting"] = False
        _put(data, "from", member.from_date and member.from_date.isoformat())
        _put(data, "to", member.to_date and member.to_date.isoformat())
        return data

    # Meetings

    def meeting(self, meeting: Meeting, parts: MeetingParts) -> dict:
        data: dict[str, Any] = {"date": meeting.date.isoformat()}
        _put(data, "start", meeting.start_time)
        _put(data, "end", meeting.end_time)
        _put(data, "venue", meeting.venue)
        data["kind"] = meeting.kind
        data["status"] = meeting.status
        _put(data, "reason", meeting.status_reason)
        if not meeting.is_public:
            data["public"] = False
        _put(data, "chair", self.person_key(meeting.__data__.get("chair")))
        _put(data, "public_attendees", meeting.public_attendees)
        following = meeting.next_meeting_date
        _put(data, "next_meeting", following and following.isoformat())
        _put(
            data,
            "minutes_versions",
            [self.minutes_version(v, parts) for v in parts.versions[meeting.id]],
        )
        _put(data, "attendance", [self.attendance(a) for a in parts.attendance[meeting.id]])
        _put(data, "items", self.items(parts, parts.items[(meeting.id, None)]))
        return data

    def minutes_version(self, version: MinutesVersion, parts: MeetingParts) -> dict:
        data: dict[str, Any] = {"version": version.version, "state": version.state}
        data["created_at"] = version.created_at
        _put(data, "created_by", version.created_by)
        _put(data, "circulated_at", version.circulated_at)
        _put(data, "circulated_by", version.circulated_by)
        _put(data, "approved_at", version.approved_at)
        what = f"Minutes version {version.version} of {parts.links.describe(version.meeting_id)}"
        approving = version.__data__.get("approved_at_meeting")
        _put(data, "approved_at_meeting", parts.links.meeting_named(approving, what))
        _put(data, "approved_minute", version.approved_minute)
        _put(data, "content_sha256", version.content_sha256)
        _put(data, "pdf_sha256", version.pdf_sha256)
        if version.state == "signed":
            data.update(signing_data(version, self.person_key, self.files.signed_minutes))
            if version.__data__.get("signed_by"):
                self.signer_ids.add(version.__data__["signed_by"])
        return data

    def attendance(self, line: Attendance) -> dict:
        data = {"person": self.person_key(line.__data__["person"]), "status": line.status}
        _put(data, "substitute_for", self.person_key(line.__data__.get("substitute_for")))
        _put(data, "capacity", line.capacity)
        _put(data, "arrived", line.arrived)
        _put(data, "left", line.left)
        return data

    def items(self, parts: MeetingParts, items: list[AgendaItem]) -> list[dict]:
        return [self.item(parts, item) for item in items]

    def item(self, parts: MeetingParts, item: AgendaItem) -> dict:
        data: dict[str, Any] = {}
        _put(data, "number", item.number)
        data["title"] = item.title
        data["kind"] = item.kind
        _put(data, "presenter", self.party(item, "presenter_person", "presenter_organisation"))
        _put(data, "purpose", item.purpose)
        if item.confidential:
            data["confidential"] = True
        _put(data, "exempt_paragraph", item.exempt_paragraph)
        _put(data, "started", item.started_at)
        _put(data, "minutes_allowed", item.minutes_allowed)
        _put(data, "brief_note", item.brief_note)
        _put(data, "linked_meeting", parts.links.meeting_name(item))
        _put(data, "linked_minute", parts.links.minute_name(item))
        _put(data, "cites", item.cited_minute)
        for key, field in (("arrivals", "arrived_during"), ("departures", "left_during")):
            _put(data, key, [self.person_key(p) for p in parts.comings[(field, item.id)]])
        _put(data, "declarations", [self.declaration(d) for d in parts.declarations[item.id]])
        minutes = parts.minutes[item.id]
        if minutes:
            _put(data, "minute", self.minute(minutes[0]))
        _put(
            data,
            "resolutions",
            [self.resolution(r, parts) for r in parts.resolutions[item.id]],
        )
        _put(data, "actions", [self.action(a, parts) for a in parts.actions[item.id]])
        _put(data, "documents", [self.document(d) for d in parts.documents[item.id]])
        reports = parts.reports[item.id]
        _put(data, "report", exported(reports[0] if reports else None, self.person_key))
        _put(data, "items", self.items(parts, parts.items[(item.__data__["meeting"], item.id)]))
        return data

    def declaration(self, declaration: Declaration) -> dict:
        data = {"person": self.person_key(declaration.__data__["person"])}
        _put(data, "kind", declaration.kind)
        _put(data, "description", declaration.description)
        if declaration.left_room:
            data["left_room"] = True
        _put(data, "left_at", declaration.left_at)
        _put(data, "returned_at", declaration.returned_at)
        return data

    def minute(self, minute: Minute) -> dict:
        data: dict[str, Any] = {}
        _put(data, "overview", minute.overview)
        _put(data, "key_points", _text_list(minute.key_points))
        _put(data, "recommendations", _text_list(minute.recommendations))
        _put(data, "decision", minute.decision)
        _put(data, "notes", minute.notes)
        return data

    def resolution(self, resolution: Resolution, parts: MeetingParts) -> dict:
        data: dict[str, Any] = {"text": resolution.text, "outcome": resolution.outcome}
        if resolution.kind != "resolution":
            # An appointment's body is left out when it is the body whose meeting made it.
            data["kind"] = resolution.kind
            _put(data, "appointee", self.person_key(resolution.__data__.get("appointee")))
            _put(data, "role", resolution.appointed_role)
            body_id = resolution.__data__.get("appointed_body")
            if body_id and body_id != parts.links.body.id:
                data["appointed_body"] = Body.get_by_id(body_id).name
            _put(data, "term", resolution.term)
        _put(data, "proposer", self.person_key(resolution.__data__.get("proposer")))
        _put(data, "seconder", self.person_key(resolution.__data__.get("seconder")))
        votes: dict[str, int] = {}
        _put(votes, "for", resolution.votes_for)
        _put(votes, "against", resolution.votes_against)
        _put(votes, "abstain", resolution.votes_abstain)
        _put(data, "votes", votes)
        if resolution.unopposed:
            data["unopposed"] = True
        if resolution.casting_vote:
            data["casting_vote"] = True
        _put(
            data,
            "named_votes",
            [
                {"person": self.person_key(v.__data__["person"]), "vote": v.vote}
                for v in parts.named_votes[resolution.id]
            ],
        )
        _put(data, "approves", self.approves(resolution, parts))
        _put(data, "approves_sha256", resolution.approves_sha256)
        return data

    def approves(self, resolution: Resolution, parts: MeetingParts) -> dict | None:
        """{"meeting", "version"}: the minutes the resolution approved; None when there are
        none, or that version or its meeting has since been deleted."""
        version_id = resolution.__data__.get("approves_version")
        if not version_id:
            return None
        version = MinutesVersion.get_or_none(MinutesVersion.id == version_id)
        if version is None or version.deleted_at is not None:
            return None
        item = AgendaItem.get_by_id(resolution.__data__["item"])
        what = f"A resolution at {parts.links.describe(item.__data__['meeting'])}"
        meeting = parts.links.meeting_named(version.__data__["meeting"], what)
        return {"meeting": meeting, "version": version.version} if meeting else None

    def action(self, action: Action, parts: MeetingParts) -> dict:
        data = {"text": action.text}
        _put(data, "owner", self.party(action, "owner_person", "owner_organisation"))
        _put(data, "due", action.due and action.due.isoformat())
        data["status"] = action.status
        _put(data, "progress", action.progress)
        notes = [self.action_note(n, action, parts) for n in parts.notes[action.id]]
        # By what they say, not by age: import matches a note by its date and text, and
        # naming its meeting afterwards re-stamps it, so age is not the order it arrived in.
        notes.sort(key=lambda n: (n["date"], n["text"], n.get("meeting", "")))
        _put(data, "notes", notes)
        _put(data, "plan_action", self.plan_actions.get(action.__data__.get("plan_action")))
        return data

    def action_note(self, note: ActionNote, action: Action, parts: MeetingParts) -> dict:
        data = {"date": note.date.isoformat(), "text": note.text}
        what = f"A progress note on the action “{action.text}”"
        _put(data, "meeting", parts.links.meeting_named(note.__data__.get("meeting"), what))
        return data

    def document(self, document: Document) -> dict:
        data = {"title": document.title}
        _put(data, "author", document.author)
        _put(data, "date", document.date and document.date.isoformat())
        data["file"] = self.files.document(document)
        if document.confidential:
            data["confidential"] = True
        return data


def _quorum(quorum: str) -> int | str:
    """A whole number of members is written as a number (`"quorum": 6`), a fraction as text."""
    if quorum.isascii() and quorum.isdigit() and str(int(quorum)) == quorum:
        return int(quorum)
    return quorum


def _text_list(stored: str) -> list[str]:
    """A minute's key points or recommendations, stored as a JSON list of strings."""
    try:
        value = json.loads(stored or "[]")
    except ValueError:
        return [stored]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return [stored]
