"""Work hidden by a delete it never saw: an item deleted on one laptop while another wrote
its minute, a resolution or a paper. The delete stands, as deleting the item was meant,
and is kept as a conflict the clerk settles by restoring the item (which brings back
everything under it) or by keeping it deleted. A delete of an item names each row it hides
with the stamp it saw (services/meeting_cycle/under_items.py), so a change it did not see is known
whatever the clocks of the two laptops say; every laptop finds the same, from the merged
record, after each file it applies.
"""

from __future__ import annotations

import json

from desktop_app.clock import Stamp
from desktop_app.services.decisions import freeze
from desktop_app.services.meeting_cycle.under_items import held_under
from desktop_app.storage import changes
from desktop_app.storage.changes import HIDES
from desktop_app.storage.listed import listed
from desktop_app.storage.models import AgendaItem, Conflict, Document, JournalEntry
from desktop_app.sync.applying import Applied
from desktop_app.sync.frozen_conflicts import conflict_id

# Rows kept under an agenda item (services/meeting_cycle/under_items.py) in the tables
# approval freezes, which freeze.meetings_of places; papers are placed through their item.
_UNDER = ("minute", "resolution", "named_vote", "action", "declaration", "action_note")


def keep_hidden_work(applied: Applied, meetings: set[str]) -> None:
    """After applying: a deleted item of the meetings touched (`meetings`, and those of the
    rows kept under items that were applied) that hides a change its delete did not see
    keeps the delete as a conflict."""
    _keep_work_under_deleted_items(meetings | _meetings_under(applied))


def _meetings_under(applied: Applied) -> set[str]:
    """The meetings of the items that the applied rows are kept under."""
    found: set[str] = set()
    for table in _UNDER:
        ids = sorted(applied.rows.get(table, ()))
        found |= set(freeze.meetings_of(table, ids).values())
    papers = (
        Document.select(AgendaItem.meeting)
        .join(AgendaItem, on=(Document.item == AgendaItem.id))
        .where(Document.id.in_(listed(applied.rows.get("document", ()))))
    )
    return found | {meeting_id for (meeting_id,) in papers.tuples()}


def _keep_work_under_deleted_items(meetings: set[str]) -> None:
    """A deleted item of these meetings holding a change its delete did not see keeps the
    delete as a conflict (as an edit of the item's own row would). Approved minutes are
    left to frozen.py, which sets aside what their approval did not see."""
    frozen = freeze.frozen_meetings()
    deleted = {
        row.id: row
        for row in AgendaItem.select().where(
            AgendaItem.meeting.in_(listed(meetings - frozen)) & AgendaItem.deleted_at.is_null(False)
        )
    }
    for item_id, held in sorted(held_under(deleted).items()):
        item = deleted[item_id]
        delete_stamp = changes.stamp_of(item, "deleted_at")
        unseen = _unseen(item_id, delete_stamp, held)
        found = conflict_id("agenda_item", item_id, "deleted_at", delete_stamp)
        if not unseen or Conflict.get_or_none(Conflict.id == found) is not None:
            continue
        stamp, key = max(unseen)
        made = JournalEntry.get_or_none(
            (JournalEntry.row_id == key.split("/", 1)[1]) & (JournalEntry.hlc == stamp)
        )
        Conflict.create(
            id=found,
            table_name="agenda_item",
            row_id=item_id,
            field="deleted_at",
            kind="deleted",
            stamp=delete_stamp,
            value=json.dumps(stamp),
            device_id=made.device_id if made else Stamp.parse(stamp).device,
            actor=made.actor if made else "",
            machine=made.machine if made else "",
            at=made.at if made else "",
            found_at=changes.utc_now(),
        )


def _unseen(item_id: str, delete_stamp: str, held: dict[str, str]) -> list[tuple[str, str]]:
    """(stamp, "table/id") of the rows under the item changed since its delete saw them: by
    what the delete says it hid, or for a delete that says nothing (an older version's, or
    a conflict's resolution), those changed after it."""
    entry = JournalEntry.get_or_none(
        (JournalEntry.row_id == item_id) & (JournalEntry.hlc == delete_stamp)
    )
    prior = json.loads(entry.prior or "{}") if entry else {}
    if HIDES in prior:
        return [(stamp, key) for key, stamp in held.items() if prior[HIDES].get(key) != stamp]
    return [(stamp, key) for key, stamp in held.items() if stamp > delete_stamp]
