"""A meeting from its scheduling to its record: the meeting and its status, the agenda and
its numbers, attendance, quorum and declarations."""
