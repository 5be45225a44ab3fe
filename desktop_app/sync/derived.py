"""Values worked out from others, put right after another machine's changes apply.

Such a value is never taken from whichever machine wrote it last: two laptops adding a
meeting each would each link the meeting after theirs to their own. Every machine works it
out again from the merged record, so all reach the same value; a value that changes is
written as an ordinary change, in the transaction that applied the file.

What the merged record alone shows is kept here too: an item deleted on one laptop while
another wrote its minute (or a resolution, a paper...) hides that work, which the delete
never saw; the delete is kept, as a conflict the clerk can undo by restoring the item.
"""

from __future__ import annotations

import json
from collections import defaultdict

from peewee import SQL

from desktop_app.clock import Stamp
from desktop_app.services import freeze
from desktop_app.services.agenda_cycles import (
    break_parent_cycles,
    deepest,
    outdent_too_deep,
    parent_cycles,
)
from desktop_app.services.agenda_tree import MAX_DEPTH
from desktop_app.services.meetings import relink_meetings
from desktop_app.services.minutes_versions import follow_versions
from desktop_app.services.under_items import held_under
from desktop_app.storage import changes
from desktop_app.storage.changes import HIDES
from desktop_app.storage.models import (
    AgendaItem,
    Conflict,
    Document,
    JournalEntry,
    Meeting,
    MinutesVersion,
)
from desktop_app.sync.applying import Applied, conflict_id

# Rows kept under an agenda item (services/under_items.py), by the tables approval freezes
# and the one it does not.
_UNDER = ("minute", "resolution", "named_vote", "action", "declaration", "action_note")


def recompute(applied: Applied) -> set[str]:
    """Put right what the applied changes may have broken; returns the meetings touched."""
    meetings = set(applied.rows.get("meeting", set()))
    items = AgendaItem.select(AgendaItem.meeting).where(
        AgendaItem.id.in_(_listed(applied.rows.get("agenda_item", set())))
    )
    meetings |= {meeting_id for (meeting_id,) in items.distinct().tuples()}
    under = meetings | _meetings_under(applied)
    _keep_work_under_deleted_items(under)
    # Two laptops each indenting one item under the other make a loop of parents, and two
    # each nesting one level more an agenda too deep; one query finds the meetings that
    # have either, and only those are put right. Either holds an item given a parent by
    # these changes (or brought back with one), so only their meetings are looked at.
    parented = AgendaItem.select(AgendaItem.meeting).where(
        AgendaItem.id.in_(_listed(applied.parented))
    )
    looked_at = {meeting_id for (meeting_id,) in parented.distinct().tuples()}
    for meeting_id in sorted(_agendas_to_put_right(looked_at)):
        break_parent_cycles(meeting_id)
        outdent_too_deep(meeting_id)
    versions = sorted(applied.rows.get("minutes_version", set()))
    if versions:  # the meeting's status follows its minutes versions
        query = MinutesVersion.select(MinutesVersion.meeting).where(MinutesVersion.id.in_(versions))
        for meeting_id in sorted({row.meeting_id for row in query}):
            follow_versions(meeting_id)
    if applied.rows.get("meeting"):
        chosen = sorted(applied.rows["meeting"])
        bodies = {row.body_id for row in Meeting.select(Meeting.body).where(Meeting.id.in_(chosen))}
        for body_id in sorted(bodies):
            relink_meetings(body_id)
    return meetings


def _meetings_under(applied: Applied) -> set[str]:
    """The meetings of the items that the applied rows are kept under."""
    found: set[str] = set()
    for table in _UNDER:
        ids = sorted(applied.rows.get(table, ()))
        found |= set(freeze.meetings_of(table, ids).values())
    papers = sorted(applied.rows.get("document", ()))
    for start in range(0, len(papers), 500):
        query = (
            Document.select(AgendaItem.meeting)
            .join(AgendaItem, on=(Document.item == AgendaItem.id))
            .where(Document.id.in_(papers[start : start + 500]))
        )
        found |= {row.item.meeting_id for row in query}
    return found


def _keep_work_under_deleted_items(meetings: set[str]) -> None:
    """A deleted item of these meetings holding a change its delete did not see keeps the
    delete as a conflict (as an edit of the item's own row would). Approved minutes are
    left to frozen.py, which sets aside what their approval did not see."""
    frozen = freeze.frozen_meetings()
    deleted = {
        row.id: row
        for row in AgendaItem.select().where(
            AgendaItem.meeting.in_(sorted(meetings - frozen)) & AgendaItem.deleted_at.is_null(False)
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


def _agendas_to_put_right(meetings: set[str]) -> set[str]:
    parents: dict[str, dict[str, str | None]] = defaultdict(dict)
    query = (
        AgendaItem.live()
        .select(AgendaItem.id, AgendaItem.meeting, AgendaItem.parent)
        .where(AgendaItem.meeting.in_(_listed(meetings)))
        .tuples()
    )
    for item_id, meeting_id, parent_id in query:
        parents[meeting_id][item_id] = parent_id
    found = set()
    for meeting_id, items in parents.items():
        alive = {item: parent if parent in items else None for item, parent in items.items()}
        if parent_cycles(alive) or deepest(alive) > MAX_DEPTH:
            found.add(meeting_id)
    return found


def _listed(values: set[str]) -> SQL:
    # One parameter for the lot, read by json_each: a fresh laptop's first file names tens
    # of thousands of rows (bench/).
    return SQL("(SELECT value FROM json_each(?))", [json.dumps(sorted(values))])
