"""Who may vote on an item, and whether a recorded vote could have happened.

At an item's time (when it was taken, else the meeting's start, else as things stand) the
voters are the members present who hold a vote, and substitutes standing in for a member
who holds one (the substitute votes in the member's place); less anyone who had not yet
arrived or had already left (by the times recorded, or by the items during which they came
and went: someone who arrived during item 35 votes from item 35 on, someone who left during
item 36 votes up to item 36), and anyone who declared an interest in the item (or in the
item it sits under) and left the room for it. Everyone else is refused with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app import vocabulary
from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.rules import votes as vote_rules
from desktop_app.services import validation
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.services.meeting_cycle import quorum
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Membership,
    NamedVote,
    Person,
    Resolution,
)

COUNTS = vote_rules.COUNTS


@dataclass(frozen=True)
class Voter:
    person_id: str
    name: str


def item_label(item: AgendaItem) -> str:
    """How messages name an item: “item 33”, or its title while it has no number."""
    return f"item {item.number}" if item.number else f"“{item.title}”"


def eligible_voters(item_id: str) -> list[Voter]:
    """The people who may vote on the item, by surname."""
    return _Roll.of(validation.live_row(AgendaItem, item_id, "agenda item")).voters


def why_not(item_id: str, person_id: str) -> str | None:
    """Why the person may not vote on the item, as the end of a sentence naming them
    (“declared an interest in item 33 and left the room”); None if they may."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    return _Roll.of(item).reason(person_id)


def check_votes(
    *,
    item_id: str,
    votes_for: int | None,
    votes_against: int | None,
    votes_abstain: int | None,
    proposer_id: str | None = None,
    seconder_id: str | None = None,
    named_votes: dict[str, str] | None = None,
) -> None:
    """Raise ValidationError if the vote could not have been cast as recorded."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    counts = dict(zip(COUNTS, (votes_for, votes_against, votes_abstain), strict=True))
    total = vote_rules.check_counts(counts)
    for person_id in (proposer_id, seconder_id, *(named_votes or {})):
        if person_id:
            validation.live_row(Person, person_id, "person voting")
    for vote in (named_votes or {}).values():
        validation.choice(vote, vocabulary.VOTES, "vote")
    vote_rules.check_proposer(proposer_id, seconder_id)
    roll = _Roll.of(item)
    vote_rules.check_total(total, len(roll.voters), item_label(item))
    for person_id, verb in (
        (proposer_id, "propose"),
        (seconder_id, "second"),
        *((person_id, "vote") for person_id in named_votes or {}),
    ):
        reason = roll.reason(person_id) if person_id else None
        if reason:
            name = display_name(Person.get_by_id(person_id))
            raise ValidationError(f"{name} {reason}, so cannot {verb}.")


def check_recorded_vote(
    *,
    item_id: str,
    votes_for: int | None,
    votes_against: int | None,
    votes_abstain: int | None,
    proposer_id: str | None = None,
    seconder_id: str | None = None,
    named_votes: dict[str, str] | None = None,
    unopposed: bool = False,
    casting_vote: bool = False,
) -> None:
    """Every rule a resolution's vote must keep, whoever records it (the window or an
    import): check_votes, and how it was carried fits the counts and the named votes."""
    check_votes(
        item_id=item_id,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
        proposer_id=proposer_id,
        seconder_id=seconder_id,
        named_votes=named_votes,
    )
    named = named_votes or {}
    vote_rules.check_how_carried(
        unopposed=unopposed,
        casting_vote=casting_vote,
        votes_for=votes_for,
        votes_against=votes_against,
        named=named,
    )
    vote_rules.check_named_fit(
        {"votes_for": votes_for, "votes_against": votes_against, "votes_abstain": votes_abstain},
        named,
    )


def check_votes_still_fit(
    meeting_id: str, *, instead: str = "correct the resolution first"
) -> None:
    """Every vote recorded at the meeting could still have been cast as recorded, now that
    its attendance or declarations have changed (call inside the change's transaction, after
    writing it, so a refusal rolls it back). The same check_votes an import makes of the
    votes it brings, so what the window keeps, an export of it brings back. `instead` ends
    the sentence with what the clerk can do."""
    place = AgendaTree(meeting_id).places()
    rows = sorted(
        Resolution.live().where(Resolution.item.in_(list(place))),
        key=lambda row: (place[row.__data__["item"]], row.position),
    )
    for row in rows:
        named = dict(
            NamedVote.live()
            .select(NamedVote.person, NamedVote.vote)
            .where(NamedVote.resolution == row.id)
            .tuples()
        )
        counts = (row.votes_for, row.votes_against, row.votes_abstain)
        people = (row.__data__["proposer"], row.__data__["seconder"])
        if not named and all(value is None for value in (*counts, *people)):
            continue  # nothing recorded that attendance could contradict
        try:
            check_votes(
                item_id=row.item.id,
                votes_for=row.votes_for,
                votes_against=row.votes_against,
                votes_abstain=row.votes_abstain,
                proposer_id=row.__data__["proposer"],
                seconder_id=row.__data__["seconder"],
                named_votes=named,
            )
        except ValidationError as error:
            held = long_date(Meeting.get_by_id(meeting_id).date)
            raise ValidationError(
                f"After this change, {_continued(str(error))} (the resolution on "
                f"{item_label(row.item)} at the meeting of {held}, “{_short(row.text)}”); "
                f"{instead}."
            ) from None


def check_body_votes_still_fit(body_id: str, windows: list[tuple]) -> None:
    """check_votes_still_fit for the body's meetings held within any of `windows` (from, to;
    None for open), whose voters a change to a membership may have changed."""
    for start, end in windows:
        query = Meeting.live().where(Meeting.body == body_id)
        if start is not None:
            query = query.where(Meeting.date >= start)
        if end is not None:
            query = query.where(Meeting.date <= end)
        for meeting in query.order_by(Meeting.date, Meeting.start_time):
            check_votes_still_fit(meeting.id)


def inquorate_warning(item_id: str) -> str | None:
    """A sentence to show before recording a vote if the item was taken while inquorate."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    state = quorum.quorum_by_item(item.meeting_id).get(item.id)
    if state is None or state.quorate:
        return None
    present = f"{state.present} voting member" + ("" if state.present == 1 else "s")
    label = item_label(item)
    return (
        f"{label[:1].upper()}{label[1:]} was taken while the meeting was inquorate: "
        f"{present} present, and the quorum is {state.rule}."
    )


@dataclass(frozen=True)
class _Roll:
    """Everyone on the item's attendance sheet, and why each may not vote (None if they may)."""

    item: AgendaItem
    voters: list[Voter]
    reasons: dict[str, str]

    @classmethod
    def of(cls, item: AgendaItem) -> _Roll:
        meeting = Meeting.get_by_id(item.meeting_id)
        at = item.started_at or meeting.start_time or None
        members = {
            m.person_id: m
            for m in Membership.live().where(
                (Membership.body == meeting.body_id)
                & (Membership.from_date.is_null() | (Membership.from_date <= meeting.date))
                & (Membership.to_date.is_null() | (Membership.to_date >= meeting.date))
            )
        }
        chain = _item_and_parents(item)
        withdrew = {
            person_id: chain[item_id]
            for person_id, item_id in Declaration.live()
            .select(Declaration.person, Declaration.item)
            .where(Declaration.item.in_(list(chain)) & Declaration.left_room)
            .tuples()
        }
        rows = (
            Attendance.live()
            .join(Person, on=(Attendance.person == Person.id))
            .where(Attendance.meeting == meeting.id)
            .select(Attendance, Person)
        )
        body_name = meeting.body.name
        tree = AgendaTree(meeting.id)
        here = _Here(tree, tree.places(), at, item)
        voters, reasons = [], {}
        for row in rows:
            reason = _reason(row, members, withdrew, here, body_name)
            if reason is None:
                voters.append((surname_first(row.person.name), row.person_id, row.person))
            else:
                reasons[row.person_id] = reason
        voters.sort(key=lambda entry: entry[:2])
        return cls(item, [Voter(pid, display_name(p)) for _, pid, p in voters], reasons)

    def reason(self, person_id: str) -> str | None:
        if any(v.person_id == person_id for v in self.voters):
            return None
        return self.reasons.get(person_id, "is not recorded as present at this meeting")


@dataclass(frozen=True)
class _Here:
    """Where in the meeting the vote was: the item, its place in the agenda, and its time
    (when it was taken, else the meeting's start; None if neither is known)."""

    tree: AgendaTree
    places: dict[str, int]
    at: str | None
    item: AgendaItem

    def came_too_late(self, row: Attendance) -> str | None:
        """Why someone was not yet there, by their arrival time or item; None if they were.
        At an item not timed (counted at the meeting's start), the item during which they
        arrived decides, where it is recorded."""
        label = item_label(self.item)
        came = row.__data__.get("arrived_during")
        by_time = self.item.started_at or not came
        if by_time and self.at is not None and row.arrived and row.arrived > self.at:
            return f"arrived at {row.arrived}, after {label} was taken"
        if came in self.places and self.places[came] > self.places.get(self.item.id, -1):
            return f"arrived during {item_label(self.tree.items[came])}, after {label}"
        return None

    def had_gone(self, row: Attendance) -> str | None:
        """Why someone was no longer there, by their departure time or item."""
        label = item_label(self.item)
        went = row.__data__.get("left_during")
        by_time = self.item.started_at or not went
        if by_time and self.at is None and row.left:
            return f"left the meeting at {row.left}"
        if by_time and self.at is not None and row.left and row.left <= self.at:
            return f"left the meeting at {row.left}, before {label} was taken"
        if went in self.places and self.places[went] < self.places.get(self.item.id, -1):
            return f"left the meeting during {item_label(self.tree.items[went])}, before {label}"
        return None


def _reason(row, members, withdrew, here: _Here, body_name) -> str | None:
    if row.status == "present":
        membership = members.get(row.person_id)
        if membership is None:
            return f"is not a member of {body_name}"
        if not vote_rules.holds_vote(membership):
            return f"is not a voting member of {body_name}"
    elif row.status == "substitute":
        if not vote_rules.holds_vote(members.get(row.substitute_for_id)):
            return "substitutes for a member who has no vote"
    elif row.status == "in attendance":
        return f"attends without being a member of {body_name}"
    elif row.status == "apologies":
        return "sent apologies for this meeting"
    else:
        return f"is recorded as {row.status} from this meeting"
    away = here.came_too_late(row) or here.had_gone(row)
    if away:
        return away
    if row.person_id in withdrew:
        return f"declared an interest in {withdrew[row.person_id]} and left the room"
    return None


def _continued(sentence: str) -> str:
    """A check_votes sentence to go on after a comma: its full stop dropped, and its first
    word lowered when it is not a name ("Only 4 members…", "No member…")."""
    sentence = sentence.removesuffix(".")
    if sentence.split(" ", 1)[0] in ("Only", "No"):
        return sentence[:1].lower() + sentence[1:]
    return sentence


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39].rstrip() + "…"


def _item_and_parents(item: AgendaItem) -> dict[str, str]:
    """The item and those it sits under, each with its label: an interest in an item takes
    the member out for the items under it too."""
    chain = {item.id: item_label(item)}
    parent = item.parent_id and AgendaItem.get_or_none(AgendaItem.id == item.parent_id)
    while parent and parent.id not in chain:
        chain[parent.id] = item_label(parent)
        parent = parent.parent_id and AgendaItem.get_or_none(AgendaItem.id == parent.parent_id)
    return chain
