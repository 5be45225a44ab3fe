"""Reading one meeting for the printed documents: load_meeting_facts builds it from the
meeting's rows (meeting_rows.py, the one read model of a meeting) into facts.py's plain
values, with what only the documents need (papers, reports and updates as papers, votes,
the numbers publishing would give, the chair's notes). Apart from the values, which every
document module imports to lay out."""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.documents.approval import approval_wording
from desktop_app.documents.facts import (
    ActionFacts,
    Contact,
    DeclarationFacts,
    ItemFacts,
    MeetingFacts,
    MemberLine,
    PaperFacts,
    ResolutionFacts,
    walk_items,
)
from desktop_app.services.decisions.minute_links import citation_words
from desktop_app.services.directory.memberships import list_members
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle.declarations import declarations_in_order
from desktop_app.services.meeting_cycle.meeting_record import meeting_record
from desktop_app.services.meeting_cycle.meeting_rows import MeetingRows, load_meeting_rows
from desktop_app.services.meeting_cycle.numbering import preview_numbers
from desktop_app.services.papers.documents import in_part_two
from desktop_app.services.reports.workflow import approved_reports
from desktop_app.services.updates.attaching import updates_on_items
from desktop_app.services.updates.writing import get_update, update_fingerprint
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Meeting,
    MinutesVersion,
    Person,
)


def load_meeting_facts(meeting_id: str) -> MeetingFacts:
    """The meeting as the documents print it. Raises ValidationError for an unknown meeting."""
    rows = load_meeting_rows(meeting_id, with_body=True)
    meeting, body, people = rows.meeting, rows.body, rows.people
    record = meeting_record(rows)
    organisations = {o.id: o.name for o in rows.organisations.values()}
    declarations = [
        DeclarationFacts(
            name=d.name,
            item_number=d.item_number,
            item_title=d.item_title,
            kind=d.kind,
            description=d.description,
            left_room=d.left_room,
        )
        for d in declarations_in_order(
            rows.items, rows.declarations, lambda row: people[row.__data__["person"]]
        )
    ]
    recorded = {item.id: item for item in walk_items(record.items)}
    latest = (
        MinutesVersion.live()
        .where(MinutesVersion.meeting == meeting.id)
        .order_by(MinutesVersion.version.desc())
        .first()
    )
    return MeetingFacts(
        id=meeting.id,
        body_name=body.name,
        body_kind=body.kind,
        clerk=_contact(people.get(body.__data__.get("clerk")), organisations),
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        venue=meeting.venue or body.venue,
        kind=meeting.kind,
        status=meeting.status,
        status_reason=meeting.status_reason,
        is_public=meeting.is_public,
        chair=record.chair,
        public_attendees=meeting.public_attendees,
        members=[
            MemberLine(
                name=display_name(people[m.__data__["person"]]),
                role=m.role,
                # The organisation the member represents here, else the one they work for.
                organisation=organisations.get(
                    m.__data__.get("organisation")
                    or people[m.__data__["person"]].__data__.get("organisation"),
                    "",
                ),
                voting=m.voting,
            )
            for m in list_members(body_id=body.id, on=meeting.date)
        ],
        attendance=record.attendance,
        declarations=declarations,
        items=_items(rows, organisations, declarations, recorded),
        minutes_state=latest.state if latest else "",
        minutes_version=latest.version if latest else None,
        next_meeting_date=meeting.next_meeting_date,
    )


def _contact(person: Person | None, organisations: dict[str, str]) -> Contact | None:
    if person is None:
        return None
    organisation = organisations.get(person.__data__.get("organisation"), "")
    position = ", ".join(part for part in (person.position, organisation) if part)
    return Contact(display_name(person), position, person.email, person.phone)


def _items(meeting: MeetingRows, organisations, declarations, recorded) -> list[ItemFacts]:
    """The items with what only the documents need (papers, votes, numbering, notes for the
    chair); the minutes' wording comes from the meeting record the window shows."""
    rows, people = meeting.items, meeting.people
    preview = (
        preview_numbers(meeting_id=meeting.meeting.id) if any(not r.number for r in rows) else {}
    )
    papers = {
        item_id: [
            PaperFacts(d.id, d.title, d.author, d.date, d.confidential, d.sha256, d.filename)
            for d in found
        ]
        for item_id, found in ((row.id, meeting.documents.get(row.id)) for row in rows)
        if found
    }
    _with_reports(papers, rows)
    _with_updates(papers, rows)
    resolutions = _resolutions(meeting)
    linked = _linked_minutes(rows)
    declared: dict[str, list[DeclarationFacts]] = {}
    by_number = {row.number: row.id for row in rows if row.number}
    for declaration in declarations:
        item_id = by_number.get(declaration.item_number)
        if item_id:
            declared.setdefault(item_id, []).append(declaration)

    made: dict[str, ItemFacts] = {}
    for row in rows:
        record = recorded[row.id]
        made[row.id] = ItemFacts(
            id=row.id,
            number=row.number or preview.get(row.id, ""),
            numbered=bool(row.number),
            title=row.title,
            kind=row.kind,
            presenter=record.presenter,
            purpose=row.purpose,
            confidential=row.confidential,
            exempt_paragraph=row.exempt_paragraph,
            brief_note=row.brief_note,
            minutes_allowed=row.minutes_allowed,
            started_at=row.started_at,
            follows_up=linked.get(row.id)
            or (citation_words(row.cited_minute) if row.cited_minute else ""),
            papers=papers.get(row.id, []),
            overview=record.overview,
            key_points=record.key_points,
            recommendations=record.recommendations,
            decision=record.decision,
            notes=record.notes,
            resolutions=resolutions.get(row.id, []),
            actions=[
                ActionFacts(a.text, _owner(a, people, organisations), a.due, a.status)
                for a in meeting.actions[row.id]
            ],
            declarations=declared.get(row.id, []),
            events=record.events,
        )
    top: list[ItemFacts] = []
    # Attach after all are made: a sub-item may sort before its parent.
    for row in rows:
        parent = made.get(row.__data__.get("parent"))
        (parent.sub_items if parent else top).append(made[row.id])
    for item in top:
        _inherit_confidence(item)
    return top


def _with_reports(papers: dict[str, list[PaperFacts]], rows: list[AgendaItem]) -> None:
    """An item's approved report is its first paper (the others are its appendices)."""
    reports = approved_reports([row.id for row in rows])
    for row in rows:
        report = reports.get(row.id)
        if report is not None:
            paper = PaperFacts(
                id=report.paper_id,
                title=report.title,
                author=report.report_of,
                date=None,
                confidential=in_part_two(row),
                sha256=report.content_sha256,
                filename="",
                report_id=report.id,
            )
            papers.setdefault(row.id, []).insert(0, paper)


def _with_updates(papers: dict[str, list[PaperFacts]], rows: list[AgendaItem]) -> None:
    """A group's quarterly update attached to an item is its first paper. Its key changes
    with its words, so an update edited after a pack was issued is a replaced paper."""
    for item_id, update in updates_on_items(row.id for row in rows).items():
        row = next(r for r in rows if r.id == item_id)
        fingerprint = update_fingerprint(update.id)
        paper = PaperFacts(
            id=f"{update.id}@{fingerprint[:16]}",
            title=update.title,
            author=get_update(update.id).prepared_by,
            date=update.date,
            confidential=in_part_two(row),
            sha256=fingerprint,
            filename="",
            update_id=update.id,
        )
        papers.setdefault(item_id, []).insert(0, paper)


def _inherit_confidence(item: ItemFacts) -> None:
    # A sub-item of a Part II item is Part II, whatever its own flag says.
    for sub in item.sub_items:
        if item.confidential:
            sub.confidential = True
            sub.exempt_paragraph = sub.exempt_paragraph or item.exempt_paragraph
        _inherit_confidence(sub)


def _resolutions(meeting: MeetingRows) -> dict[str, list]:
    people = meeting.people
    rows = [r for item in meeting.items for r in meeting.resolutions.get(item.id, [])]
    named: dict[str, list[tuple[str, str]]] = {}
    for resolution_id in (r.id for r in rows):
        for vote in meeting.named_votes.get(resolution_id, []):
            person = people.get(vote.__data__["person"])
            if person:
                named.setdefault(resolution_id, []).append((display_name(person), vote.vote))
    version_ids = [r.__data__.get("approves_version") for r in rows]
    versions = {
        v.id: v.version
        for v in MinutesVersion.select(MinutesVersion.id, MinutesVersion.version).where(
            MinutesVersion.id.in_([v for v in version_ids if v])
        )
    }

    def name_of(row, column: str) -> str:
        person = people.get(row.__data__.get(column))
        return display_name(person) if person else ""

    result: dict[str, list[ResolutionFacts]] = {}
    for r in rows:
        result.setdefault(r.__data__["item"], []).append(
            ResolutionFacts(
                text=r.text,
                outcome=r.outcome,
                kind=r.kind,
                proposer=name_of(r, "proposer"),
                seconder=name_of(r, "seconder"),
                votes_for=r.votes_for,
                votes_against=r.votes_against,
                votes_abstain=r.votes_abstain,
                unopposed=r.unopposed,
                casting_vote=r.casting_vote,
                named_votes=sorted(named.get(r.id, [])),
                approves_version=versions.get(r.__data__.get("approves_version")),
                approves_sha256=r.approves_sha256,
                approval=approval_wording(r) if r.approves_sha256 else "",
                appointee=name_of(r, "appointee"),
                appointed_role=r.appointed_role,
                term=r.term,
            )
        )
    return result


def _linked_minutes(rows: list[AgendaItem]) -> dict[str, str]:
    """“minute 24, 1 October 2012” for items that follow up an earlier minute."""
    wanted = {row.__data__.get("linked_item") for row in rows} - {None}
    if not wanted:
        return {}
    earlier = {
        item.id: item
        for item in AgendaItem.select(AgendaItem.id, AgendaItem.number, AgendaItem.meeting).where(
            AgendaItem.id.in_(list(wanted))
        )
    }
    dates = {
        m.id: m.date
        for m in Meeting.select(Meeting.id, Meeting.date).where(
            Meeting.id.in_([i.__data__["meeting"] for i in earlier.values()])
        )
    }
    linked = {}
    for row in rows:
        item = earlier.get(row.__data__.get("linked_item"))
        if item is not None:
            day = long_date(dates[item.__data__["meeting"]])
            linked[row.id] = f"minute {item.number}, {day}" if item.number else day
    return linked


def _owner(action: Action, people, organisations) -> str:
    person = people.get(action.__data__.get("owner_person"))
    if person:
        return display_name(person)
    return organisations.get(action.__data__.get("owner_organisation"), "")
