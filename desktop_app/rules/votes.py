"""How a vote on a motion could have been recorded (resolutions.py, voting.py, import).

Who may vote on an item is a question for the database (voting.py's roll); these rules
take its answer, `allowed`, as a number, and the rest as plain values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.errors import ValidationError

COUNTS = ("for", "against", "abstain")
COLUMNS = {  # named vote → (the count it must fit, as a sentence names the column)
    "for": ("votes_for", "voting for", "vote for", "votes for"),
    "against": ("votes_against", "voting against", "vote against", "votes against"),
    "abstain": ("votes_abstain", "abstaining", "abstention", "abstentions"),
}


def holds_vote(membership: Any) -> bool:
    """Whether a membership (anything with `voting` and `role`, or None for none) is a vote
    that counts, for a vote and for quorum; a named substitute's is not: they vote only
    standing in for a member, with that member's vote."""
    return membership is not None and bool(membership.voting) and membership.role != "substitute"


def check_counts(counts: Mapping[str, int | None]) -> int:
    """Each count ({"for": 7, "against": None, ...}) is a whole number from 0; their total."""
    for what, count in counts.items():
        if count is None:
            continue
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValidationError(f"The number of {_what(what)} must be a whole number.")
        if count < 0:
            raise ValidationError(f"The number of {_what(what)} cannot be negative.")
    return sum(count or 0 for count in counts.values())


def check_total(total: int, allowed: int, item: str) -> None:
    """No more votes than the members who may vote on the item (`item`: “item 33”)."""
    if total > allowed:
        # Said limit first: a sentence does not start with a numeral.
        cast = f"{total:,} vote was" if total == 1 else f"{total:,} votes were"
        limit = {0: "No member", 1: "Only 1 member"}.get(allowed, f"Only {allowed} members")
        raise ValidationError(f"{limit} may vote on {item}, but {cast} recorded.")


def check_proposer(proposer_id: str | None, seconder_id: str | None) -> None:
    if proposer_id and proposer_id == seconder_id:
        raise ValidationError("The proposer cannot also second the motion.")


def check_how_carried(
    *,
    unopposed: bool,
    casting_vote: bool,
    votes_for: int | None,
    votes_against: int | None,
    named: Mapping[str, str],
) -> None:
    """A motion carried unopposed has no votes against; the chair's casting vote breaks a tie."""
    if unopposed and casting_vote:
        raise ValidationError(
            "A motion carried unopposed was not decided on the chair's casting vote."
        )
    if unopposed and (votes_against or "against" in named.values()):
        raise ValidationError("A motion carried unopposed has no votes against.")
    if casting_vote and (votes_for or 0) != (votes_against or 0):
        raise ValidationError(
            f"The chair's casting vote breaks a tie, but the votes were {votes_for or 0} for "
            f"and {votes_against or 0} against."
        )


def check_named_fit(counts: Mapping[str, int | None], named: Mapping[str, str]) -> None:
    """Named votes ({person: "for"}) may record only some members, but never more in a
    column than its count (`counts` by column name: {"votes_for": 7, ...})."""
    for vote, (count_name, doing, one, many) in COLUMNS.items():
        count = counts.get(count_name)
        given = sum(1 for v in named.values() if v == vote)
        if count is None or given <= count:
            continue
        members = f"{given} member is" if given == 1 else f"{given} members are"
        recorded = f"Only {count} {one} was" if count == 1 else f"Only {count} {many} were"
        if count == 0:
            recorded = f"No {many} were"
        raise ValidationError(f"{recorded} recorded, but {members} named as {doing}.")


def _what(count: str) -> str:
    return "abstentions" if count == "abstain" else f"votes {count}"
