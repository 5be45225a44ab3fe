"""A resolution's wording and votes checked, and its row written: the floor that
resolutions.py and appointments.py (an election or co-option is a resolution too) both
stand on, so neither needs the other to make one."""

from __future__ import annotations

import re

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import freeze, voting
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Resolution

EDITABLE = (
    "text",
    "outcome",
    "proposer_id",
    "seconder_id",
    "votes_for",
    "votes_against",
    "votes_abstain",
    "unopposed",
    "casting_vote",
)
FREELY_WORDED = ("noted", "withdrawn")  # “The report was noted.” needs no “That”
CARRIED = ("resolved", "agreed", "approved", "endorsed")  # what an appointment may record
RESOLVED_PREFIX = re.compile(r"^resolved\s*[:.\-–—]\s*", re.IGNORECASE)


def editable_item(item_id: str) -> AgendaItem:
    """The live item, if its meeting's minutes may still change."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    freeze.ensure_editable(item.meeting_id)
    return item


def checked(
    item: AgendaItem,
    values: dict,
    *,
    named: dict[str, str] | None = None,
    kept_text: str | None = None,
) -> dict:
    """The resolution's fields cleaned, or a ValidationError saying what is wrong.
    `kept_text` is the stored wording: left as it is, it is not held to “That …” (an
    imported record may be worded otherwise, and undoing an edit must put it back)."""
    outcome = validation.choice(
        values.get("outcome") or "", vocabulary.OUTCOMES, "resolution outcome"
    )
    text = RESOLVED_PREFIX.sub("", validation.text(values.get("text"), "resolution"))
    if not text:
        raise ValidationError("Please write the wording of the resolution.")
    if outcome not in FREELY_WORDED and text != kept_text:
        if not re.match(r"that\b", text, re.IGNORECASE):
            raise ValidationError(
                "A resolution is worded “That …”, as in “That the report be approved”."
            )
        text = "T" + text[1:]
    counts = {name: values.get(name) for name in ("votes_for", "votes_against", "votes_abstain")}
    unopposed, casting = bool(values.get("unopposed")), bool(values.get("casting_vote"))
    voting.check_recorded_vote(
        item_id=item.id,
        **counts,
        proposer_id=values.get("proposer_id") or None,
        seconder_id=values.get("seconder_id") or None,
        named_votes=named,
        unopposed=unopposed,
        casting_vote=casting,
    )
    return dict(
        text=text,
        outcome=outcome,
        proposer_id=values.get("proposer_id") or None,
        seconder_id=values.get("seconder_id") or None,
        **counts,
        unopposed=unopposed,
        casting_vote=casting,
    )


def create_row(item: AgendaItem, values: dict, **extra) -> Resolution:
    """Write a checked resolution after the item's others (inside the caller's transaction)."""
    last = (
        Resolution.select(Resolution.position)
        .where(Resolution.item == item.id)
        .order_by(Resolution.position.desc())
        .scalar()
    )
    position = 0 if last is None else last + 1
    return changes.create(Resolution, item=item.id, position=position, **values, **extra)
