"""Whether a meeting is quorate, as a whole and at each item.

A body's rule is a number of members ("6") or a fraction of its voting members ("1/3").
Only voting members count: a member marked present, or a substitute for a voting member
(counting as that member). Non-voting members, named substitutes who stand in for no one
and people in attendance never count. A person counts at a time if they had arrived by then
(or no arrival is recorded) and had not yet left. At an item, someone recorded as arriving
during a later item, or leaving during an earlier one, was not there: they count from the
item during which they came in, up to and including the one during which they left.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.rules.votes import holds_vote
from desktop_app.services import validation
from desktop_app.services.directory.bodies import clean_quorum
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage.models import Attendance, Body, Meeting, Membership

FRACTIONS = {
    (1, 2): "one half",
    (1, 3): "one third",
    (1, 4): "one quarter",
    (2, 3): "two thirds",
    (3, 4): "three quarters",
}


@dataclass(frozen=True)
class QuorumState:
    needed: int
    present: int  # voting members counted present; a substitute counts for the member replaced
    quorate: bool
    rule: str  # “6 members”, “one third of 18 voting members”, “no quorum set”


def quorum_needed(rule: str, voting_members: int) -> int:
    """Members needed: none without a rule, the number itself, or the fraction of the voting
    members rounded up (at least one)."""
    rule = clean_quorum(rule)
    if not rule:
        return 0
    if "/" not in rule:
        return int(rule)
    top, bottom = (int(part) for part in rule.split("/"))
    return max(1, -(-voting_members * top // bottom))


def describe_rule(rule: str, voting_members: int) -> str:
    """The rule in words: “6 members”, “one third of 18 voting members”."""
    rule = clean_quorum(rule)
    if not rule:
        return "no quorum set"
    if "/" not in rule:
        return _members(int(rule), "member")
    top, bottom = (int(part) for part in rule.split("/"))
    share = FRACTIONS.get((top, bottom), rule)
    return f"{share} of {_members(voting_members, 'voting member')}"


def meeting_quorum(meeting_id: str, *, at: str | None = None) -> QuorumState:
    """The quorum at `at` ("HH:MM"); with None, counting everyone present who has not left."""
    at = validation.time(at, "time") or None
    return _Count.of(meeting_id).at(at)


def quorum_by_item(meeting_id: str) -> dict[str, QuorumState]:
    """Per live item of the meeting, the quorum when it was taken (its `started_at`, else the
    meeting's start time, else as things stand now), less anyone who arrived during a later
    item or left during an earlier one."""
    count = _Count.of(meeting_id)
    start = count.meeting.start_time or None
    items = count.tree.items
    return {
        item_id: count.at(
            items[item_id].started_at or start, place, timed=bool(items[item_id].started_at)
        )
        for item_id, place in count.places.items()
    }


@dataclass(frozen=True)
class _Count:
    """What the counting needs, loaded once: the rule, the votes and the attendance."""

    meeting: Meeting
    needed: int
    rule: str
    voting: frozenset[str]
    lines: tuple[tuple[str, str, str | None, str, str, str | None, str | None], ...]
    tree: AgendaTree
    places: dict[str, int]  # each item's place in the agenda (AgendaTree.places)

    @classmethod
    def of(cls, meeting_id: str) -> _Count:
        meeting = validation.live_row(Meeting, meeting_id, "meeting")
        body = Body.get_by_id(meeting.body_id)
        members = Membership.live().where(
            (Membership.body == body.id)
            & (Membership.from_date.is_null() | (Membership.from_date <= meeting.date))
            & (Membership.to_date.is_null() | (Membership.to_date >= meeting.date))
        )
        voting = frozenset(m.person_id for m in members if holds_vote(m))
        try:
            needed = quorum_needed(body.quorum, len(voting))
            rule = describe_rule(body.quorum, len(voting))
        except ValidationError:
            # A rule that came in some other way than the body form: say so, count nothing.
            needed, rule = 0, f"“{body.quorum}” (not a rule Minute Book understands)"
        lines = tuple(
            Attendance.live()
            .select(
                Attendance.person,
                Attendance.status,
                Attendance.substitute_for,
                Attendance.arrived,
                Attendance.left,
                Attendance.arrived_during,
                Attendance.left_during,
            )
            .where(Attendance.meeting == meeting.id)
            .tuples()
        )
        tree = AgendaTree(meeting.id)
        return cls(meeting, needed, rule, voting, lines, tree, tree.places())

    def at(self, at: str | None, place: int | None = None, *, timed: bool = True) -> QuorumState:
        """Who counts at the time `at` (None: as things stand) and, given the `place` of an
        item in the agenda, at that item. An item not `timed` (counted at the meeting's
        start) goes by the items during which people came and went, where recorded, rather
        than by their times."""
        counted = set()
        for person_id, status, replaced, arrived, left, came_at, went_at in self.lines:
            by_item = place is not None and not timed
            if by_item and came_at:
                arrived = ""
            if by_item and went_at:
                left = ""
            if at is None:
                there = not left and (place is not None or not went_at)
            else:
                there = (not arrived or arrived <= at) and (not left or left > at)
            if place is not None:
                there = there and there_at_item(self.places, place, came_at, went_at)
            if not there:
                continue
            member = {"present": person_id, "substitute": replaced}.get(status)
            if member in self.voting:
                counted.add(member)
        present = len(counted)
        return QuorumState(self.needed, present, present >= self.needed, self.rule)


def there_at_item(
    places: dict[str, int], place: int, arrived_during: str | None, left_during: str | None
) -> bool:
    """Whether someone who came in during `arrived_during` and went during `left_during`
    (items' ids, None if not recorded) was there for some of the item at `place`."""
    came, went = places.get(arrived_during), places.get(left_during)
    return (came is None or came <= place) and (went is None or went >= place)


def _members(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
