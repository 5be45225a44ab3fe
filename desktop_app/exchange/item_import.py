"""An agenda item's record written by the import (importer.py): its declarations, its
minute, its resolutions with their named votes, its actions with their progress notes, its
papers and its report. Each row found again by its natural key or its place, so importing
the same file twice changes nothing."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from desktop_app.exchange.import_rules import has_vote
from desktop_app.exchange.import_run import ImportRun
from desktop_app.exchange.records import ActionRecord, ItemRecord, ResolutionRecord
from desktop_app.exchange.report_record import apply_report
from desktop_app.exchange.values import fail, join
from desktop_app.storage import natural_ids
from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Declaration,
    Document,
    Meeting,
    Minute,
    NamedVote,
    Resolution,
)


def apply_item_record(run: ImportRun, meeting: Meeting, row: AgendaItem, item: ItemRecord) -> None:
    _apply_declarations(run, meeting, row, item)
    if item.minute is not None:
        minute = item.minute
        minutes = run.existing(
            row, Minute.live().where(Minute.item == row.id).order_by(Minute.created_at).limit(1)
        )
        run.save(
            Minute,
            minutes[0] if minutes else None,
            _create=dict(item_id=row.id),
            _id=natural_ids.minute_id(row.id),
            _under=row,
            overview=minute.overview,
            key_points=json.dumps(minute.key_points, ensure_ascii=False),
            recommendations=json.dumps(minute.recommendations, ensure_ascii=False),
            decision=minute.decision,
            notes=minute.notes,
        )
    resolutions = run.existing(
        row, ranked(Resolution.live().where(Resolution.item == row.id), Resolution)
    )
    for index, resolution in enumerate(item.resolutions):
        _apply_resolution(run, meeting, row, resolutions, index, resolution)
    actions = run.existing(row, ranked(Action.live().where(Action.item == row.id), Action))
    for index, action in enumerate(item.actions):
        owner_person, owner_organisation = run.party(action.owner)
        saved = run.save(
            Action,
            actions[index] if index < len(actions) else None,
            _create=dict(item_id=row.id, position=next_position(actions, index)),
            _id=run.key_of("action", row.id, index),
            _under=row,
            text=action.text,
            owner_person_id=owner_person,
            owner_organisation_id=owner_organisation,
            due=action.due,
            status=action.status,
            progress=action.progress,
        )
        if index >= len(actions):
            actions.append(saved)
        _apply_notes(run, meeting, saved, action)
        run.plan_links.append((saved, action))
    documents = {
        d.title: d
        for d in run.existing(
            row,
            Document.live().where(Document.item == row.id).order_by(Document.created_at.desc()),
        )
    }
    for document in item.documents:
        sha256, size = run.files[document.source]
        run.save(
            Document,
            documents.get(document.title),
            _create=dict(item_id=row.id, title=document.title),
            _id=run.key_of("document", row.id, document.title),
            _under=row,
            author=document.author,
            date=document.date,
            confidential=document.confidential,
            filename=Path(document.file).name,
            sha256=sha256,
            size=size,
        )
    if item.report is not None:
        apply_report(run, row, item.report)


def _apply_declarations(
    run: ImportRun, meeting: Meeting, row: AgendaItem, item: ItemRecord
) -> None:
    # Declarations have no place of their own: the n-th by a person is matched to the
    # n-th that person made on this item.
    existing = defaultdict(list)
    for declaration in run.existing(
        row,
        Declaration.live()
        .where(Declaration.item == row.id)
        .order_by(Declaration.created_at, Declaration.hlc),
    ):
        existing[declaration.__data__["person"]].append(declaration)
    used: Counter[str] = Counter()
    for declaration in item.declarations:
        person_id = run.person_id(declaration.person)
        mine = existing[person_id]
        run.save(
            Declaration,
            mine[used[person_id]] if used[person_id] < len(mine) else None,
            _create=dict(meeting_id=meeting.id, item_id=row.id, person_id=person_id),
            _id=run.key_of("declaration", row.id, person_id, used[person_id]),
            _under=row,
            kind=declaration.kind,
            description=declaration.description,
            left_room=declaration.left_room,
            left_at=declaration.left_at,
            returned_at=declaration.returned_at,
        )
        used[person_id] += 1


def _apply_notes(run: ImportRun, meeting: Meeting, action: Action, record: ActionRecord) -> None:
    # A progress note is matched by its date and wording (the n-th alike to the n-th),
    # so the order a file lists them in does not matter.
    existing = defaultdict(list)
    for note in run.existing(
        action,
        ActionNote.live()
        .where(ActionNote.action == action.id)
        .order_by(ActionNote.created_at, ActionNote.hlc),
    ):
        existing[(note.date, note.text)].append(note)
    used: Counter[tuple] = Counter()
    for note in record.notes:
        key = (note.date, note.text)
        alike = existing[key]
        values = {} if note.meeting is not None else {"meeting_id": None}
        saved = run.save(
            ActionNote,
            alike[used[key]] if used[key] < len(alike) else None,
            _create=dict(action_id=action.id, date=note.date, text=note.text),
            _id=run.key_of("action-note", action.id, note.date, used[key], note.text),
            _under=action,
            **values,
        )
        used[key] += 1
        if note.meeting is not None:
            path = join(note.path, "meeting")
            run.meeting_refs.append((saved, "meeting_id", note.meeting, path, meeting.id))


def _apply_resolution(
    run: ImportRun,
    meeting: Meeting,
    item: AgendaItem,
    siblings: list[Resolution],
    index: int,
    resolution: ResolutionRecord,
) -> None:
    # Written as it stands: an appointment's effects on memberships, attendance and the
    # chair are in the file already, so nothing of appointment_effects.apply is done again.
    appointed_body = None
    if resolution.appointed_body:
        appointed_body = run.bodies[resolution.appointed_body.casefold()].id
    elif resolution.kind != "resolution":
        appointed_body = meeting.__data__["body"]
    if resolution.term == "meeting" and appointed_body != meeting.__data__["body"]:
        fail(
            join(resolution.path, "appointed_body"),
            "an office for this meeting only is one of the body whose meeting it is",
        )
    values = {} if resolution.approves is not None else {"approves_version_id": None}
    row = run.save(
        Resolution,
        siblings[index] if index < len(siblings) else None,
        _create=dict(item_id=item.id, position=next_position(siblings, index)),
        _id=run.key_of("resolution", item.id, index),
        _under=item,
        text=resolution.text,
        outcome=resolution.outcome,
        kind=resolution.kind,
        appointee_id=run.person_id(resolution.appointee),
        appointed_role=resolution.role,
        appointed_body_id=appointed_body,
        term=resolution.term,
        proposer_id=run.person_id(resolution.proposer),
        seconder_id=run.person_id(resolution.seconder),
        votes_for=resolution.votes_for,
        votes_against=resolution.votes_against,
        votes_abstain=resolution.votes_abstain,
        unopposed=resolution.unopposed,
        casting_vote=resolution.casting_vote,
        approves_sha256=resolution.approves_sha256,
        **values,
    )
    if index >= len(siblings):
        siblings.append(row)
    if has_vote(resolution):
        run.votes.append((row, resolution))
    run.appointed.saved(resolution.path, row)
    if resolution.approves is not None:
        path = join(resolution.path, "approves")
        run.approvals.append((row, resolution.approves, path, meeting.id))
    votes = {
        v.__data__["person"]: v
        for v in run.existing(
            row,
            NamedVote.live()
            .where(NamedVote.resolution == row.id)
            .order_by(NamedVote.created_at.desc()),
        )
    }
    for vote in resolution.named_votes:
        person_id = run.person_id(vote.person)
        run.save(
            NamedVote,
            votes.get(person_id),
            _create=dict(resolution_id=row.id, person_id=person_id),
            _id=natural_ids.named_vote_id(row.id, person_id),
            _under=row,
            vote=vote.vote,
        )


def ranked(query, model):
    """The query in list order: by position, then by age."""
    return query.order_by(model.position, model.created_at, model.hlc)


def next_position(siblings: list, index: int) -> int:
    return siblings[-1].position + 1 if siblings else index
