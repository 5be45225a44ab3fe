"""A sync bringing many rows at once (a fresh laptop's first sync): their search entries are
written a table at a time instead of by a trigger a row, and must be the same entries."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import IntegrityError

from desktop_app.services.decisions import minutes
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.search import search
from desktop_app.storage.models import AuditEntry, Document, JournalEntry, db
from desktop_app.sync import applying
from desktop_app.sync.applying import apply_changes
from desktop_app.sync.journal_rows import journal_change
from desktop_app.sync.run import BATCH, _Batch
from tests.services.test_search import insert_raw
from tests.sync.replicas import laptops

ITEMS = applying.MANY + 20


def _index() -> set[tuple]:
    return set(
        db.execute_sql(
            "SELECT kind, row_id, item_id, action_id, meeting_id, body_id, meeting_date, text "
            "FROM search_entry"
        ).fetchall()
    )


def _triggers() -> set[tuple]:
    return set(db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))


def _busy_meeting() -> str:
    board = bodies.create_body(name="Planning Committee")
    meeting = meetings.create_meeting(body_id=board.id, date=dt.date(2026, 12, 10))
    for n in range(ITEMS):
        item = agenda.add_item(meeting_id=meeting.id, title=f"Application {n} at Mill Lane")
        if n % 50 == 0:
            minutes.update_minute(item_id=item.id, overview=f"Objection {n} from the mill")
    return meeting.id


def test_many_new_rows_are_found_as_if_written_one_by_one(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        _busy_meeting()
        wanted, triggers = _index(), _triggers()
    first.sync()
    report = second.sync()
    assert report.skipped == [] and report.changes_applied > ITEMS
    with second.opened():
        assert _index() == wanted
        assert _triggers() == triggers  # set aside for the insert, back as they were
        [hit] = search("Objection 100")
        assert hit.kind == "minute" and hit.body_name == "Planning Committee"
        # and the triggers work again for an edit made here
        item = agenda.add_item(meeting_id=hit.meeting_id, title="Hedgerow removal")
        assert [h.item_id for h in search("Hedgerow")] == [item.id]


def test_entries_waiting_for_their_items_are_placed_when_many_items_arrive(tmp_path):
    """Rows may be applied before the rows they name (the foreign keys are checked at the
    end of the file's transaction): when the items come, many at once, the minutes applied
    before them get their meeting, body and date."""
    first, second = laptops(tmp_path, 2)
    with first.opened():
        _busy_meeting()
        travelling = [journal_change(entry) for entry in JournalEntry.select()]
        wanted = _index()
    with second.opened():
        with db.atomic():
            apply_changes([c for c in travelling if c["table"] == "minute"], origin="a/1")
            waiting = "SELECT count(*) FROM search_entry WHERE meeting_id IS NULL"
            assert db.execute_sql(waiting).fetchone()[0] == ITEMS // 50 + 1
            apply_changes([c for c in travelling if c["table"] != "minute"], origin="a/1")
        assert _index() == wanted


def test_a_file_that_fails_halfway_leaves_the_triggers_in_place(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        _busy_meeting()
        travelling = [journal_change(entry) for entry in JournalEntry.select()]
    with second.opened():
        triggers = _triggers()
        broken = [*travelling, {**travelling[-1], "id": "x", "table": "no_such_table"}]
        try:
            with db.atomic():
                apply_changes(broken, origin="a/1")
        except applying.ChangeRefused:
            pass
        assert _triggers() == triggers and _index() == set()


def test_many_remote_changes_are_one_audit_entry_naming_who_and_where(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        _busy_meeting()
    first.sync()
    second.sync()
    with second.opened():
        [made] = AuditEntry.select().where(
            (AuditEntry.action == "sync create") & (AuditEntry.table_name == "agenda_item")
        )
        items = JournalEntry.select().where(JournalEntry.table_name == "agenda_item").count()
        assert made.summary.startswith(f"{items:,} AgendaItem rows, from ")
        assert made.actor and made.machine


def test_a_batch_whose_commit_fails_is_rolled_back_once_and_says_why(database):
    """A commit refused at the end of a batch (here a paper naming an item that is not
    there) ends the batch rolled back, with SQLite's own error, not a second, confusing
    one from ending the same transaction twice."""
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with _Batch() as batch:
            with batch.file():
                insert_raw(db.obj, "document", id="paper", item_id="no such item", title="Paper")
            batch.applied(BATCH)
    assert not db.in_transaction()
    assert Document.get_or_none(Document.id == "paper") is None
