"""Reading an agenda item's record (reading.py reads the meeting it is in): its fields,
its declarations, minute, resolutions with their votes, actions, papers and report, and
the items under it. What holds across a meeting's items (a confidential item cites its
paragraph once the agenda is numbered) is checked here too, once they are all read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop_app import vocabulary
from desktop_app.exchange import minutes_record, plan_record, report_record
from desktop_app.exchange.format_fields import (
    ACTION_FIELDS,
    DECLARATION_FIELDS,
    DOCUMENT_FIELDS,
    ITEM_FIELDS,
    LINKED_MINUTE_FIELDS,
    NAMED_VOTE_FIELDS,
    RESOLUTION_FIELDS,
    VOTES_FIELDS,
)
from desktop_app.exchange.imported_files import file_beside, pdf_sha256
from desktop_app.exchange.links import MinuteRef
from desktop_app.exchange.records import (
    ActionRecord,
    DeclarationRecord,
    DocumentRecord,
    ItemRecord,
    NamedVoteRecord,
    ResolutionRecord,
)
from desktop_app.exchange.values import (
    at,
    boolean,
    by_rule,
    choice,
    date,
    entries,
    fail,
    fields,
    free_text,
    join,
    meeting_ref,
    single_line,
    time,
    whole_number,
)
from desktop_app.rules import schedule12a
from desktop_app.rules import votes as vote_rules
from desktop_app.services.decisions.minute_links import check_one_citation
from desktop_app.services.meeting_cycle.item_values import LONGEST_ITEM_MINUTES

MAX_DEPTH = 8  # items within items; deeper than this is a generator gone wrong


def read_items(reader, value: dict, path: str, *, depth: int) -> list[ItemRecord]:
    found = []
    for item_path, item in entries(value, path, "items"):
        if depth > MAX_DEPTH:
            fail(item_path, f"items are nested more than {MAX_DEPTH} deep")
        found.append(_read_item(reader, item_path, item, depth))
    return found


def _read_item(reader, path: str, value: Any, depth: int) -> ItemRecord:
    fields(value, path, ITEM_FIELDS)
    record = ItemRecord(
        path=path,
        title=single_line(value, "title", path, required=True),
        number=single_line(value, "number", path),
        kind=choice(value, "kind", path, vocabulary.ITEM_KINDS, "report"),
        presenter=reader.party(value, "presenter", path),
        purpose=choice(value, "purpose", path, vocabulary.PURPOSES, ""),
        confidential=boolean(value, "confidential", path, False),
        exempt_paragraph=by_rule(
            schedule12a.exempt_paragraph,
            single_line(value, "exempt_paragraph", path),
            join(path, "exempt_paragraph"),
        ),
        started=time(value, "started", path),
        minutes_allowed=minutes_allowed(value, path),
        brief_note=free_text(value, "brief_note", path),
        linked_meeting=meeting_ref(value, "linked_meeting", path),
        linked_minute=linked_minute(value, path),
        cites=single_line(value, "cites", path),
        arrivals=reader.people_listed(value, "arrivals", path),
        departures=reader.people_listed(value, "departures", path),
    )
    with at(join(path, "cites")):
        check_one_citation(linked=record.linked_minute is not None, cited=record.cites)
    for declaration_path, declaration in entries(value, path, "declarations"):
        record.declarations.append(_read_declaration(reader, declaration_path, declaration))
    if value.get("minute") is not None:
        record.minute = minutes_record.minute(value["minute"], join(path, "minute"))
    for resolution_path, resolution in entries(value, path, "resolutions"):
        record.resolutions.append(_read_resolution(reader, resolution_path, resolution))
    for action_path, action in entries(value, path, "actions"):
        record.actions.append(_read_action(reader, action_path, action))
    titles = set()
    for document_path, document in entries(value, path, "documents"):
        doc = _read_document(reader, document_path, document)
        if doc.title in titles:
            fail(join(document_path, "title"), f"two documents are called “{doc.title}”")
        titles.add(doc.title)
        record.documents.append(doc)
    if value.get("report") is not None:
        record.report = report_record.read_report(
            value["report"], join(path, "report"), reader.person
        )
    record.items = read_items(reader, value, path, depth=depth + 1)
    return record


def _read_declaration(reader, path: str, value: Any) -> DeclarationRecord:
    fields(value, path, DECLARATION_FIELDS)
    record = DeclarationRecord(
        path=path,
        person=reader.person(value, "person", path, required=True),
        kind=single_line(value, "kind", path),
        description=free_text(value, "description", path),
        left_room=boolean(value, "left_room", path, False),
        left_at=time(value, "left_at", path),
        returned_at=time(value, "returned_at", path),
    )
    if record.left_at and record.returned_at and record.returned_at < record.left_at:
        fail(join(path, "returned_at"), "they returned before they left")
    return record


def _read_resolution(reader, path: str, value: Any) -> ResolutionRecord:
    fields(value, path, RESOLUTION_FIELDS)
    record = ResolutionRecord(
        path=path,
        text=free_text(value, "text", path, required=True),
        outcome=choice(value, "outcome", path, vocabulary.OUTCOMES, "resolved"),
        proposer=reader.person(value, "proposer", path),
        seconder=reader.person(value, "seconder", path),
    )
    minutes_record.appointment(value, path, record, person=reader.person, body=reader.body)
    if value.get("votes") is not None:
        votes_path = join(path, "votes")
        votes = fields(value["votes"], votes_path, VOTES_FIELDS)
        record.votes_for = whole_number(votes, "for", votes_path)
        record.votes_against = whole_number(votes, "against", votes_path)
        record.votes_abstain = whole_number(votes, "abstain", votes_path)
    seen = set()
    for vote_path, vote in entries(value, path, "named_votes"):
        fields(vote, vote_path, NAMED_VOTE_FIELDS)
        person = reader.person(vote, "person", vote_path, required=True)
        if person in seen:
            fail(join(vote_path, "person"), f"“{person}” votes twice")
        seen.add(person)
        how = choice(vote, "vote", vote_path, vocabulary.VOTES, None)
        if how is None:
            fail(join(vote_path, "vote"), "missing")
        record.named_votes.append(NamedVoteRecord(person=person, vote=how))
    minutes_record.how_carried(value, path, record)
    _check_vote(path, record)
    return record


def _check_vote(path: str, record: ResolutionRecord) -> None:
    """The vote's own rules (rules/votes.py); who could vote is checked once the
    meeting's attendance is written (importer.py)."""
    with at(join(path, "seconder")):
        vote_rules.check_proposer(record.proposer, record.seconder)
    named = {vote.person: vote.vote for vote in record.named_votes}
    with at(join(path, "unopposed" if record.unopposed else "casting_vote")):
        vote_rules.check_how_carried(
            unopposed=record.unopposed,
            casting_vote=record.casting_vote,
            votes_for=record.votes_for,
            votes_against=record.votes_against,
            named=named,
        )
    counts = {
        "votes_for": record.votes_for,
        "votes_against": record.votes_against,
        "votes_abstain": record.votes_abstain,
    }
    with at(join(path, "named_votes")):
        vote_rules.check_named_fit(counts, named)


def _read_action(reader, path: str, value: Any) -> ActionRecord:
    fields(value, path, ACTION_FIELDS)
    return ActionRecord(
        path=path,
        text=free_text(value, "text", path, required=True),
        owner=reader.party(value, "owner", path),
        due=date(value, "due", path),
        status=choice(value, "status", path, vocabulary.ACTION_STATUSES, "open"),
        progress=free_text(value, "progress", path),
        notes=minutes_record.action_notes(value, path),
        plan_action=plan_record.read_link(value, path),
    )


def _read_document(reader, path: str, value: Any) -> DocumentRecord:
    fields(value, path, DOCUMENT_FIELDS)
    file = single_line(value, "file", path, required=True)
    source = file_beside(reader.base_dir, file, join(path, "file"))
    record = DocumentRecord(
        path=path,
        title=single_line(value, "title", path, required=True),
        file=file,
        source=source,
        author=single_line(value, "author", path),
        date=date(value, "date", path),
        confidential=boolean(value, "confidential", path, False),
    )
    if source not in reader.papers:
        reader.papers[source] = pdf_sha256(source, join(path, "file"))
    record.sha256 = reader.papers[source]
    return record


def linked_minute(value: dict, path: str) -> MinuteRef | None:
    """An earlier minute: its number ("31"), or its meeting and number (links.py)."""
    raw = value.get("linked_minute")
    if raw is None:
        return None
    minute_path = join(path, "linked_minute")
    if isinstance(raw, dict):
        fields(raw, minute_path, LINKED_MINUTE_FIELDS)
        return MinuteRef(
            number=single_line(raw, "number", minute_path, required=True),
            meeting=meeting_ref(raw, "meeting", minute_path, required=True),
        )
    if not isinstance(raw, str):
        fail(minute_path, 'expected a minute number ("31") or {"meeting", "number"}')
    number = single_line(value, "linked_minute", path)
    return MinuteRef(number) if number else None


def minutes_allowed(value: dict, path: str) -> int | None:
    """An item's time on the chair's brief: whole minutes, at most the agenda service's limit."""
    minutes = whole_number(value, "minutes_allowed", path, minimum=1)
    if minutes is not None and minutes > LONGEST_ITEM_MINUTES:
        fail(
            join(path, "minutes_allowed"),
            f"{minutes:,} minutes; an item is given at most {LONGEST_ITEM_MINUTES} (8 hours)",
        )
    return minutes


def refuse_unexplained_part_two(items: list[ItemRecord]) -> None:
    """A meeting's agenda is published once its items have numbers (as the window says):
    then each confidential item cites its paragraph, by the window's rule."""
    walked = list(walk_items(items))
    published = any(item.number for item in walked)
    for item in walked:
        with at(join(item.path, "exempt_paragraph")):
            schedule12a.check_part_two(
                item=f"“{item.title}”",
                confidential=item.confidential,
                paragraph=item.exempt_paragraph,
                published=published,
            )


def walk_items(items: list[ItemRecord]) -> Iterator[ItemRecord]:
    """The items in agenda order, each followed by those under it."""
    for item in items:
        yield item
        yield from walk_items(item.items)
