"""Changes from other machines merged into this one's record, in the caller's transaction:
applied field by field (applying.py), approved minutes put back as approved (frozen.py),
the values worked out from others worked out again (derived.py), and work a delete hid
without seeing it kept in view (hidden_work.py). A sync does this for each file it reads;
replaying a journal into an empty data folder does it once for all.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services.decisions import freeze
from desktop_app.sync import derived, frozen, hidden_work
from desktop_app.sync.applying import Applied, apply_changes


@dataclass
class Merged:
    applied: Applied
    set_aside: int  # values and rows kept aside to leave approved minutes as approved
    meetings: set[str]  # the meetings whose rows the changes touched


def merge_in(changes_: list[dict], *, origin: str) -> Merged:
    """Apply `changes_` (journal entries as they travel) and put right what they broke."""
    was_frozen = freeze.frozen_meetings()
    applied = apply_changes(changes_, origin=origin)
    set_aside = frozen.settle_approved(applied, was_frozen)
    meetings = derived.recompute(applied)
    hidden_work.keep_hidden_work(applied, meetings)
    return Merged(applied, set_aside, meetings)
