"""What a merge of two laptops' work can break while each laptop kept every rule (issue 13):
two people given one key, two bodies or organisations one name, two meetings of a body in
one slot, a published minute number given twice, two minutes versions or pack issues of a
meeting with one number, a vote that no longer fits who could vote, a plan action's target
outside its plan's period.

Sync keeps both sides of such a merge and shows each clash for the clerk to resolve; it
never renumbers or drops anything itself. Unlike the other rules modules this one reads
the database, as it finds where a rule is broken rather than checking a value to write.
Each rule is the one the services keep (named beside each check), and what can be found by
SQL's GROUP BY is, since this runs after every sync.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from peewee import Case, fn

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.rules.numbering import repeated_numbers
from desktop_app.services.decisions import freeze, resolutions, voting
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle import attendance, numbering
from desktop_app.services.papers.pack_issues import edition_name
from desktop_app.services.plans import rules as plan_rules
from desktop_app.services.updates import rules as update_rules
from desktop_app.storage.models import (
    AgendaItem,
    Body,
    Meeting,
    MinutesVersion,
    NamedVote,
    Organisation,
    PackIssue,
    Person,
    Plan,
    PlanAction,
    QuarterlyUpdate,
    Resolution,
)

CLASHES = uuid.uuid5(uuid.NAMESPACE_URL, "minute-book:clashes")


@dataclass(frozen=True)
class Clash:
    """One broken rule: its kind, the table and rows that break it, a sentence for the
    clerk, and an id that stays the same while the same rows clash in the same way."""

    kind: str
    table: str
    row_ids: tuple[str, ...]
    message: str
    id: str = field(init=False)

    def __post_init__(self) -> None:
        row_ids = tuple(sorted(self.row_ids))
        object.__setattr__(self, "row_ids", row_ids)
        object.__setattr__(self, "id", str(uuid.uuid5(CLASHES, f"{self.kind}:{','.join(row_ids)}")))


def find_clashes(*, meetings: Collection[str] | None = None) -> list[Clash]:
    """Every clash in the database, each kind in turn; none in a database kept by one
    laptop. Votes, the one check made resolution by resolution (tens of milliseconds
    each), are checked at `meetings` only if given: those whose rows a sync changed."""
    return [
        *_repeated_keys(),
        *_repeated_names(Body, "body", "bodies"),
        *_repeated_names(Organisation, "organisation", "organisations"),
        *_meetings_in_one_slot(),
        *_repeated_minute_numbers(),
        *_repeated_versions(),
        *_approved_twice(),
        *_repeated_issues(),
        *_votes_that_no_longer_fit(meetings),
        *_targets_outside_their_plans(),
        *_updates_without_a_board(),
    ]


def _groups(query, *columns) -> dict[tuple, list[str]]:
    """The ids of the rows `query` selects, by the values of `columns` they share with
    another row (one GROUP BY; ids are UUIDs, so a comma parts them)."""
    grouped = (
        query.select(*columns, fn.GROUP_CONCAT(query.model.id))
        .group_by(*columns)
        .having(fn.COUNT(query.model.id) > 1)
    )
    return {tuple(key): ids.split(",") for *key, ids in grouped.tuples()}


def _repeated_keys() -> list[Clash]:
    # people.key_taken: a key names one person.
    clashes = []
    for (key,), ids in _groups(Person.live(), Person.key).items():
        people = Person.select().where(Person.id.in_(ids)).order_by(Person.created_at)
        names = _and([display_name(person) for person in people])
        both = "both" if len(ids) == 2 else "all"
        clashes.append(
            Clash(
                "person key",
                "person",
                tuple(ids),
                f"{names} {both} have the key “{key}”, which must name one person.",
            )
        )
    return clashes


def _repeated_names(model, noun: str, plural: str) -> list[Clash]:
    # bodies.find_body and organisations.find_organisation: a name, ignoring case, is one's.
    clashes = []
    folded = model.name.collate("NOCASE")
    for _, ids in _groups(model.live(), folded).items():
        name = model.select().where(model.id.in_(ids)).order_by(model.created_at).first().name
        clashes.append(
            Clash(
                f"{noun} name",
                model._meta.table_name,
                tuple(ids),
                f"There are {len(ids)} {plural} called “{name}”; each {noun} needs a name of "
                "its own.",
            )
        )
    return clashes


def _meetings_in_one_slot() -> list[Clash]:
    # meetings._refuse_clash: a body meets once at a date and start time; a cancelled
    # meeting leaves its slot free.
    query = Meeting.live().where(Meeting.status != "cancelled")
    clashes = []
    for (body_id, day, start), ids in _groups(
        query, Meeting.body, Meeting.date, Meeting.start_time
    ).items():
        at = f" at {start}" if start else ""
        body = Body.get_by_id(body_id)
        clashes.append(
            Clash(
                "meeting slot",
                "meeting",
                tuple(ids),
                f"{body.name} has {len(ids)} meetings on {long_date(day)}{at}; a body "
                "meets once at a time, so move or cancel all but one.",
            )
        )
    return clashes


def _repeated_minute_numbers() -> list[Clash]:
    # numbering.numbered_items and rules/numbering.py: a number is given once in its run.
    # GROUP BY finds the bodies and numbers that may repeat (by body, and by meeting where
    # the body numbers each meeting afresh: never finer than a run); the rule decides.
    per_meeting = Case(None, [(Body.numbering_restart == "per-meeting", Meeting.id)], "")
    numbered = (
        AgendaItem.select(Meeting.body, AgendaItem.number)
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        .join(Body, on=(Meeting.body == Body.id))
        .where(
            AgendaItem.deleted_at.is_null()
            & Meeting.deleted_at.is_null()
            & Body.deleted_at.is_null()
            & (AgendaItem.number != "")
        )
        .group_by(Meeting.body, AgendaItem.number, per_meeting)
        .having(fn.COUNT("*") > 1)
    )
    candidates: dict[str, set[str]] = defaultdict(set)
    for body_id, number in numbered.tuples():
        candidates[body_id].add(number)
    clashes = []
    for body_id, numbers in candidates.items():
        body = Body.get_by_id(body_id)
        given = numbering.numbered_items(body, numbers=numbers)
        for number, items in repeated_numbers(given):
            places = _and(
                [
                    f"“{item.title}” at the meeting of {long_date(item.meeting.date)}"
                    for item in items
                ]
            )
            clashes.append(
                Clash(
                    "minute number",
                    "agenda_item",
                    tuple(item.id for item in items),
                    f"Minute {number} of {body.name} was given {_times(len(items))}: to "
                    f"{places}; published numbers are never changed silently, so choose which "
                    "item keeps it.",
                )
            )
    return clashes


def _repeated_versions() -> list[Clash]:
    # minutes_versions._next_number: each version of a meeting's minutes has its number.
    clashes = []
    groups = _groups(MinutesVersion.live(), MinutesVersion.meeting, MinutesVersion.version)
    for (meeting_id, version), ids in groups.items():
        clashes.append(
            Clash(
                "minutes version",
                "minutes_version",
                tuple(ids),
                f"The minutes of {_meeting_named(meeting_id)} have {len(ids)} versions "
                f"numbered {version}; each version needs a number of its own.",
            )
        )
    return clashes


def _approved_twice() -> list[Clash]:
    # minutes_versions.approve: minutes once approved are approved; two laptops approving
    # at once make two approvals, of which sync puts back the one every laptop picks
    # (freeze.approved_version), leaving the other approving what the record may not hold.
    clashes = []
    approved = MinutesVersion.live().where(MinutesVersion.state.in_(freeze.FROZEN_STATES))
    for (meeting_id,), ids in _groups(approved, MinutesVersion.meeting).items():
        versions = MinutesVersion.select().where(MinutesVersion.id.in_(ids))
        numbers = _and([str(n) for n in sorted(v.version for v in versions)])
        clashes.append(
            Clash(
                "minutes approval",
                "minutes_version",
                tuple(ids),
                f"The minutes of {_meeting_named(meeting_id)} were approved {_times(len(ids))}, "
                f"as versions {numbers}; take back all approvals but one.",
            )
        )
    return clashes


def _repeated_issues() -> list[Clash]:
    # pack_issues.issue_pack: each issue of an edition of a meeting's pack has its number.
    clashes = []
    groups = _groups(PackIssue.live(), PackIssue.meeting, PackIssue.public, PackIssue.number)
    for (meeting_id, public, number), ids in groups.items():
        clashes.append(
            Clash(
                "pack issue",
                "pack_issue",
                tuple(ids),
                f"The {edition_name(bool(public))} of {_meeting_named(meeting_id)} has "
                f"{len(ids)} issues numbered {number}; each issue needs a number of its own.",
            )
        )
    return clashes


def _votes_that_no_longer_fit(meetings: Collection[str] | None) -> list[Clash]:
    # voting.check_recorded_vote, on each resolution with a vote recorded at a meeting whose
    # attendance and minutes may still change: approved minutes are the record, and sync
    # never changes them (nor attendance.CLOSED meetings), so no merge breaks their votes.
    frozen = MinutesVersion.select(MinutesVersion.meeting).where(
        MinutesVersion.deleted_at.is_null() & MinutesVersion.state.in_(freeze.FROZEN_STATES)
    )
    named = NamedVote.select(NamedVote.resolution).where(NamedVote.deleted_at.is_null())
    recorded = (
        Resolution.live()
        .join(AgendaItem, on=(Resolution.item == AgendaItem.id))
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        .where(
            AgendaItem.deleted_at.is_null()
            & Meeting.deleted_at.is_null()
            & Meeting.status.not_in(list(attendance.CLOSED))
            & Meeting.id.not_in(frozen)
            & (
                Resolution.votes_for.is_null(False)
                | Resolution.votes_against.is_null(False)
                | Resolution.votes_abstain.is_null(False)
                | Resolution.proposer.is_null(False)
                | Resolution.seconder.is_null(False)
                | Resolution.unopposed
                | Resolution.casting_vote
                | Resolution.id.in_(named)
            )
        )
        .order_by(Meeting.date, Resolution.id)
    )
    if meetings is not None:
        recorded = recorded.where(Meeting.id.in_(list(meetings)))
    clashes = []
    for row in recorded:
        try:
            voting.check_recorded_vote(
                item_id=row.item_id,
                votes_for=row.votes_for,
                votes_against=row.votes_against,
                votes_abstain=row.votes_abstain,
                proposer_id=row.proposer_id,
                seconder_id=row.seconder_id,
                named_votes=resolutions.named_votes_of(row.id),
                unopposed=row.unopposed,
                casting_vote=row.casting_vote,
            )
        except ValidationError as broken:
            meeting = Meeting.get_by_id(AgendaItem.get_by_id(row.item_id).meeting_id)
            where = f"{meeting.body.name}, {long_date(meeting.date)}"
            clashes.append(Clash("vote", "resolution", (row.id,), f"{where}: {broken}"))
    return clashes


def _targets_outside_their_plans() -> list[Clash]:
    # plans/rules.within: an action's target falls within its plan's period (one laptop
    # moved the period while another set a target by the old one).
    query = (
        PlanAction.live()
        .join(Plan, on=PlanAction.plan == Plan.id)
        .where(
            Plan.deleted_at.is_null()
            & PlanAction.target.is_null(False)
            & ((PlanAction.target < Plan.starts) | (PlanAction.target > Plan.ends))
        )
    )
    clashes = []
    for action in query:
        try:
            plan_rules.within(action.plan, action.target, f"target date of “{action.text[:60]}”")
        except ValidationError as broken:
            clashes.append(
                Clash(
                    "plan target",
                    "plan_action",
                    (action.id,),
                    f"{broken} Move the target or the plan's period.",
                )
            )
    return clashes


def _updates_without_a_board() -> list[Clash]:
    # updates/rules.check_reports_to_a_board: an update is written to the group's board; a
    # merge can join one laptop's update with another's clearing the group's parent.
    boards = Body.select(Body.id).where(Body.deleted_at.is_null())
    query = (
        QuarterlyUpdate.live()
        .join(Body, on=(QuarterlyUpdate.body == Body.id))
        .where(Body.deleted_at.is_null() & (Body.parent.is_null() | Body.parent.not_in(boards)))
        .order_by(QuarterlyUpdate.quarter, QuarterlyUpdate.id)
    )
    return [
        Clash(
            "update without a board",
            "quarterly_update",
            (row.id,),
            f"{row.title}: {update_rules.no_board(Body.get_by_id(row.__data__['body']).name)}",
        )
        for row in query
    ]


def _meeting_named(meeting_id: str) -> str:
    meeting = Meeting.get_by_id(meeting_id)
    return f"the {meeting.body.name} meeting of {long_date(meeting.date)}"


def _times(n: int) -> str:
    return {2: "twice", 3: "three times"}.get(n, f"{n} times")


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
