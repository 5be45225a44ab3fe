"""What a meeting resolved on each item: the wording (“That …”), the outcome, who proposed
and seconded it, and how the vote fell: counts, named (recorded) votes, "unopposed" or
"on the chair's casting vote".

The rules:
- the wording is required and, unless the item was simply noted or the motion withdrawn,
  reads “That …” (a leading “RESOLVED:” is dropped: the minutes print it);
- the vote could have been cast as recorded (voting.check_votes): no more votes than
  members who may vote, no proposer, seconder or named voter who may not vote;
- a motion carried unopposed has no votes against; the chair's casting vote breaks a tie;
- named votes may record only some of the members (a member may ask that their own vote be
  recorded), but never more in a column than the count recorded for it;
- appointments and elections (appointments.py) are resolutions too, and deleting or
  restoring one undoes or redoes what it did to memberships, attendance and the chair
  (appointment_effects.py);
- nothing changes once the meeting's minutes are approved (freeze.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import appointment_effects
from desktop_app.services.decisions.motions import (
    CARRIED,
    EDITABLE,
    checked,
    create_row,
    editable_item,
)
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import AgendaItem, NamedVote, Person, Resolution, db

APPOINTING = vocabulary.RESOLUTION_KINDS[1:]  # election, co-option, appointment
KIND_NAMES = {
    "election": "An election",
    "co-option": "A co-option",
    "appointment": "An appointment",
}


@dataclass(frozen=True)
class ResolutionEntry:
    id: str
    item_id: str
    position: int
    text: str
    outcome: str
    kind: str
    proposer_id: str | None
    proposer: str
    seconder_id: str | None
    seconder: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    unopposed: bool
    casting_vote: bool
    named_votes: tuple[tuple[str, str, str], ...]  # (person_id, name, vote), by surname
    appointee_id: str | None
    appointee: str
    appointed_role: str
    appointed_body_id: str | None
    term: str
    summary: str  # “carried 7–2 with 1 abstention”


def list_resolutions(item_id: str) -> list[ResolutionEntry]:
    """The item's resolutions in the order they were made."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    rows = list(
        Resolution.live()
        .where(Resolution.item == item.id)
        .order_by(Resolution.position, Resolution.created_at)
    )
    named: dict[str, list[NamedVote]] = {}
    for vote in NamedVote.live().where(NamedVote.resolution.in_([r.id for r in rows])):
        named.setdefault(vote.resolution_id, []).append(vote)
    ids = {
        person_id
        for r in rows
        for person_id in (r.proposer_id, r.seconder_id, r.appointee_id)
        if person_id
    } | {vote.person_id for votes in named.values() for vote in votes}
    people = {p.id: p for p in Person.select().where(Person.id.in_(list(ids)))}

    def name(person_id: str | None) -> str:
        return display_name(people[person_id]) if person_id in people else ""

    def named_votes(row: Resolution) -> tuple[tuple[str, str, str], ...]:
        votes = sorted(
            named.get(row.id, []),
            key=lambda v: surname_first(people[v.person_id].name) if v.person_id in people else (),
        )
        return tuple((v.person_id, name(v.person_id), v.vote) for v in votes)

    return [
        ResolutionEntry(
            id=row.id,
            item_id=row.item_id,
            position=row.position,
            text=row.text,
            outcome=row.outcome,
            kind=row.kind,
            proposer_id=row.proposer_id,
            proposer=name(row.proposer_id),
            seconder_id=row.seconder_id,
            seconder=name(row.seconder_id),
            votes_for=row.votes_for,
            votes_against=row.votes_against,
            votes_abstain=row.votes_abstain,
            unopposed=row.unopposed,
            casting_vote=row.casting_vote,
            named_votes=named_votes(row),
            appointee_id=row.appointee_id,
            appointee=name(row.appointee_id),
            appointed_role=row.appointed_role,
            appointed_body_id=row.appointed_body_id,
            term=row.term,
            summary=summary(row),
        )
        for row in rows
    ]


def add_resolution(
    *,
    item_id: str,
    text: str,
    outcome: str = "resolved",
    proposer_id: str | None = None,
    seconder_id: str | None = None,
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_abstain: int | None = None,
    unopposed: bool = False,
    casting_vote: bool = False,
) -> Resolution:
    """Record a resolution on an item, after its others."""
    item = editable_item(item_id)
    values = checked(
        item,
        dict(
            text=text,
            outcome=outcome,
            proposer_id=proposer_id,
            seconder_id=seconder_id,
            votes_for=votes_for,
            votes_against=votes_against,
            votes_abstain=votes_abstain,
            unopposed=unopposed,
            casting_vote=casting_vote,
        ),
    )
    with db.atomic():
        return create_row(item, values)


def update_resolution(*, resolution_id: str, **fields) -> Resolution:
    """Change any of the fields add_resolution takes."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A resolution has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Resolution, resolution_id, "resolution")
    item = editable_item(row.item_id)
    values = checked(
        item,
        {**changes.current(row, EDITABLE), **fields},
        named=named_votes_of(row.id),
        kept_text=row.text,
    )
    if row.kind in APPOINTING and values["outcome"] not in CARRIED:
        raise ValidationError(
            f"{KIND_NAMES[row.kind]} records what was carried; delete it and record the "
            f"motion that was {values['outcome']} as a resolution instead."
        )
    with db.atomic():
        changes.update(row, **values)
    return row


def delete_resolution(*, resolution_id: str) -> None:
    """Take a resolution back (and what an appointment did); `restore_resolution` redoes it."""
    row = validation.live_row(Resolution, resolution_id, "resolution")
    editable_item(row.item_id)
    if row.approves_version_id:
        raise ValidationError(
            "This resolution approved the minutes of an earlier meeting; take back the "
            "approval instead, so those minutes are no longer frozen."
        )
    if row.kind in APPOINTING:
        appointment_effects.check_take_back(row)
    with db.atomic():
        if row.kind in APPOINTING:
            appointment_effects.take_back(row)
        changes.delete(row)


def restore_resolution(*, resolution_id: str) -> Resolution:
    """Bring back a deleted resolution, re-applying an appointment's effect."""
    row = Resolution.get_or_none(Resolution.id == resolution_id)
    if row is None:
        raise ValidationError(f"There is no resolution with the key “{resolution_id}”.")
    editable_item(row.item_id)
    if row.deleted_at is None:
        return row
    if row.kind in APPOINTING:
        appointment_effects.check_apply(row)
    with db.atomic():
        changes.restore(row)
        if row.kind in APPOINTING:
            appointment_effects.apply(row)
    return row


def set_named_votes(*, resolution_id: str, votes: dict[str, str]) -> None:
    """Replace the resolution's named votes ({person_id: "for" | "against" | "abstain"})."""
    row = validation.live_row(Resolution, resolution_id, "resolution")
    item = editable_item(row.item_id)
    votes = dict(votes or {})
    checked(item, changes.current(row, EDITABLE), named=votes, kept_text=row.text)
    rows: dict[str, list[NamedVote]] = {}
    for vote in (
        NamedVote.select()
        .where(NamedVote.resolution == row.id)
        .order_by(NamedVote.deleted_at.is_null(False), NamedVote.created_at)
    ):
        rows.setdefault(vote.person_id, []).append(vote)
    with db.atomic():
        for person_id, kept in rows.items():
            # One row per person is reused (so undo finds the same row); duplicates go.
            first, *extra = kept
            for duplicate in extra:
                changes.delete(duplicate)
            if person_id in votes:
                changes.restore(first)
                changes.update(first, vote=votes[person_id])
            else:
                changes.delete(first)
        for person_id, vote in votes.items():
            if person_id not in rows:
                natural_ids.put(
                    NamedVote,
                    natural_ids.named_vote_id(row.id, person_id),
                    resolution=row.id,
                    person=person_id,
                    vote=vote,
                )


def named_votes_of(resolution_id: str) -> dict[str, str]:
    return dict(
        NamedVote.live()
        .select(NamedVote.person, NamedVote.vote)
        .where(NamedVote.resolution == resolution_id)
        .tuples()
    )


def summary(row: Resolution) -> str:
    """How the motion was carried, as clerks write it: “carried unopposed”, “carried 7–2
    with 1 abstention”, “carried on the chair's casting vote”; "" when nothing was counted."""
    if row.outcome == "withdrawn":
        return ""
    verb = "lost" if row.outcome == "rejected" else "carried"
    abstain = row.votes_abstain or 0
    abstentions = ""
    if abstain:
        abstentions = f" with {abstain} abstention" + ("" if abstain == 1 else "s")
    if row.casting_vote:
        return f"{verb} on the chair's casting vote"
    if row.unopposed:
        return f"{verb} unopposed{abstentions}"
    if row.votes_for is None and row.votes_against is None:
        return f"{abstain} abstained" if abstain else ""
    return f"{verb} {row.votes_for or 0}–{row.votes_against or 0}{abstentions}"
