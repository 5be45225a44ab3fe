"""Values worked out from others, put right after another machine's changes apply.

Such a value is never taken from whichever machine wrote it last: two laptops adding a
meeting each would each link the meeting after theirs to their own. Every machine works it
out again from the merged record, so all reach the same value; a value that changes is
written as an ordinary change, in the transaction that applied the file.
"""

from __future__ import annotations

from desktop_app.services.meetings import relink_meetings
from desktop_app.storage.models import Meeting
from desktop_app.sync.applying import Applied


def recompute(applied: Applied) -> None:
    meetings = applied.rows.get("meeting", set())
    if meetings:
        bodies = {
            row.body_id
            for row in Meeting.select(Meeting.body).where(Meeting.id.in_(sorted(meetings)))
        }
        for body_id in sorted(bodies):
            relink_meetings(body_id)
