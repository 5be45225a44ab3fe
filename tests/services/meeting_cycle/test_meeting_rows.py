"""The one read model of a meeting (meeting_rows.py): many meetings read together give
each the rows it gives read alone, in the same few queries however many meetings."""

from __future__ import annotations

from desktop_app.services.meeting_cycle.meeting_rows import load_meeting_rows, load_rows
from desktop_app.storage.models import Meeting, db
from tests.signing.record import approve, make_board


def _shape(rows, meeting_id: str) -> dict:
    """What a reader takes of one meeting's rows, by the ids of its own rows."""
    items = [item.id for item in rows.items]
    resolutions = [r.id for i in items for r in rows.resolutions.get(i, [])]
    return {
        "meeting": rows.meeting.id,
        "items": items,
        "minutes": [m.id for i in items for m in rows.minutes.get(i, [])],
        "resolutions": resolutions,
        "votes": [v.id for r in resolutions for v in rows.named_votes.get(r, [])],
        "actions": [a.id for i in items for a in rows.actions.get(i, [])],
        "attendance": [a.id for a in rows.attendance],
        "declarations": [d.id for d in rows.declarations],
    }


def _count_queries(run) -> int:
    real = db.obj
    counted = []
    execute = real.execute_sql

    def counting(sql, *args, **kwargs):
        counted.append(sql)
        return execute(sql, *args, **kwargs)

    real.execute_sql = counting
    try:
        run()
    finally:
        real.execute_sql = execute
    return len(counted)


def test_meetings_read_together_each_give_what_they_give_alone(database):
    board = make_board(3)
    approve(board, 0)
    found_by = Meeting.select(Meeting.id).where(Meeting.body == board.body_id)
    meetings = list(Meeting.live().where(Meeting.body == board.body_id))

    together = load_rows(meetings, found_by, for_export=True)

    assert set(together) == {m.id for m in board.meetings}
    for meeting in board.meetings:
        alone = load_meeting_rows(meeting.id)
        assert len(alone.items) == 4
        assert _shape(together[meeting.id], meeting.id) == _shape(alone, meeting.id)
    # The approving resolution is at the second meeting's "previous minutes" item.
    second = together[board.meetings[1].id]
    (approving,) = second.resolutions[board.approving_items[1]]
    assert approving.approves_sha256


def test_reading_more_meetings_takes_no_more_queries(database):
    board = make_board(3)

    def read(count: int):
        chosen = board.meetings[:count]
        found_by = Meeting.select(Meeting.id).where(Meeting.id.in_([m.id for m in chosen]))
        return lambda: load_rows(chosen, found_by, for_export=True)

    assert _count_queries(read(1)) == _count_queries(read(3))


def test_a_meeting_names_only_the_people_its_rows_name(database):
    board = make_board(1)  # Sam Clerk is in the directory, but no row of it names him

    rows = load_meeting_rows(board.meetings[0].id, with_body=True)

    assert {p.key for p in rows.people.values()} == {"garland"}
    assert [o.name for o in rows.organisations.values()] == ["Maidstone Borough Council"]
