"""Values worked out from others, put right after another machine's changes apply.

Such a value is never taken from whichever machine wrote it last: two laptops adding a
meeting each would each link the meeting after theirs to their own. Every machine works it
out again from the merged record, so all reach the same value; a value that changes is
written as an ordinary change, in the transaction that applied the file.
"""

from __future__ import annotations

from collections import defaultdict

from desktop_app.services.decisions.version_status import follow_versions
from desktop_app.services.meeting_cycle.agenda_cycles import (
    break_parent_cycles,
    deepest,
    outdent_too_deep,
    parent_cycles,
)
from desktop_app.services.meeting_cycle.agenda_tree import MAX_DEPTH
from desktop_app.services.meeting_cycle.meetings import relink_meetings
from desktop_app.storage.listed import listed
from desktop_app.storage.models import AgendaItem, Meeting, MinutesVersion
from desktop_app.sync.applying import Applied


def recompute(applied: Applied) -> set[str]:
    """Put right what the applied changes may have broken; returns the meetings touched."""
    meetings = set(applied.rows.get("meeting", set()))
    items = AgendaItem.select(AgendaItem.meeting).where(
        AgendaItem.id.in_(listed(applied.rows.get("agenda_item", set())))
    )
    meetings |= {meeting_id for (meeting_id,) in items.distinct().tuples()}
    # Two laptops each indenting one item under the other make a loop of parents, and two
    # each nesting one level more an agenda too deep; one query finds the meetings that
    # have either, and only those are put right. Either holds an item given a parent by
    # these changes, so only their meetings are looked at.
    parented = AgendaItem.select(AgendaItem.meeting).where(
        AgendaItem.id.in_(listed(applied.parented)) & AgendaItem.parent.is_null(False)
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


def _agendas_to_put_right(meetings: set[str]) -> set[str]:
    parents: dict[str, dict[str, str | None]] = defaultdict(dict)
    query = (
        AgendaItem.live()
        .select(AgendaItem.id, AgendaItem.meeting, AgendaItem.parent)
        .where(AgendaItem.meeting.in_(listed(meetings)))
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
