"""The change journal and audit log: one entry per change, in the caller's transaction."""

from __future__ import annotations

import json
import uuid

import pytest
from peewee import SQL

from desktop_app.clock import Stamp
from desktop_app.storage import changes
from desktop_app.storage.database import close_database, context, open_database
from desktop_app.storage.models import AuditEntry, Body, JournalEntry, Organisation, Person, db


def journal() -> list[JournalEntry]:
    return list(JournalEntry.select().order_by(JournalEntry.seq))


def audit() -> list[AuditEntry]:
    # The audit table has no sequence column; SQLite's rowid is the order of writing.
    return list(AuditEntry.select().order_by(SQL("rowid")))


@pytest.fixture
def board(clocked_database, clock):
    """A body created a minute before the test's own change."""
    with db.atomic():
        row = changes.create(Body, name="Maidstone Locality Board", quorum="6")
    clock.ms += 60_000
    return row


def test_create_writes_one_journal_entry_with_every_field(clocked_database):
    with db.atomic():
        police = changes.create(Organisation, name="Kent Police 🚓")

    [entry] = journal()
    assert (entry.table_name, entry.row_id, entry.op) == ("organisation", police.id, "upsert")
    assert json.loads(entry.fields) == {
        "name": "Kent Police 🚓",
        "archived_at": None,
        "created_at": police.created_at,
    }
    assert entry.hlc == police.hlc
    assert entry.device_id == context().device_id
    assert str(uuid.UUID(entry.change_id)) == entry.change_id


def test_create_writes_one_audit_entry(clocked_database):
    with db.atomic():
        police = changes.create(Organisation, name="Kent Police")

    [entry] = audit()
    assert (entry.action, entry.table_name, entry.row_id) == ("create", "organisation", police.id)
    assert entry.at == police.updated_at
    assert entry.actor == context().actor and entry.machine == context().machine
    assert "Kent Police" in entry.summary


def test_create_accepts_the_column_name_of_a_foreign_key(clocked_database):
    with db.atomic():
        police = changes.create(Organisation, name="Kent Police")
        bumpus = changes.create(Person, key="bumpus", name="Jon Bumpus", organisation_id=police.id)

    assert Person.get_by_id(bumpus.id).organisation.id == police.id
    assert json.loads(journal()[-1].fields)["organisation"] == police.id


def test_update_journals_only_the_fields_that_changed(board):
    with db.atomic():
        changed = changes.update(board, quorum="1/3", venue="Town Hall", name=board.name)

    assert changed is True
    entry = journal()[-1]
    assert (entry.op, entry.row_id) == ("upsert", board.id)
    assert json.loads(entry.fields) == {"quorum": "1/3", "venue": "Town Hall"}
    stored = Body.get_by_id(board.id)
    assert (stored.quorum, stored.venue, stored.hlc) == ("1/3", "Town Hall", entry.hlc)
    assert stored.updated_at > stored.created_at


def test_update_writes_one_audit_entry_naming_the_changed_fields(board):
    with db.atomic():
        changes.update(board, quorum="1/3", venue="Town Hall")

    entries = audit()
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[-1].summary.endswith(": quorum, venue")


def test_update_with_no_change_writes_nothing(board):
    before = (journal(), audit(), board.hlc, board.updated_at)

    with db.atomic():
        changed = changes.update(board, name=board.name, quorum="6", parent_id=None)

    assert changed is False
    stored = Body.get_by_id(board.id)
    assert (journal(), audit(), stored.hlc, stored.updated_at) == before


def test_delete_tombstones_the_row_and_journals_a_delete(board):
    with db.atomic():
        changes.delete(board)

    stored = Body.get_by_id(board.id)
    assert stored.deleted_at is not None
    assert board.id not in [b.id for b in Body.live()]
    entry = journal()[-1]
    assert (entry.op, entry.row_id) == ("delete", board.id)
    assert json.loads(entry.fields) == {"deleted_at": stored.deleted_at}
    assert [e.action for e in audit()] == ["create", "delete"]


def test_deleting_twice_writes_one_entry(board):
    with db.atomic():
        changes.delete(board)
        changes.delete(board)

    assert [e.op for e in journal()] == ["upsert", "delete"]
    assert len(audit()) == 2


def test_restore_brings_the_row_back_and_journals_it(board):
    with db.atomic():
        changes.delete(board)
    with db.atomic():
        changes.restore(board)

    assert Body.get_by_id(board.id).deleted_at is None
    assert board.id in [b.id for b in Body.live()]
    entry = journal()[-1]
    assert (entry.op, json.loads(entry.fields)) == ("upsert", {"deleted_at": None})
    assert [e.action for e in audit()] == ["create", "delete", "restore"]


def test_restoring_a_live_row_writes_nothing(board):
    with db.atomic():
        changes.restore(board)

    assert len(journal()) == len(audit()) == 1


@pytest.mark.parametrize("change", ["create", "update", "delete", "restore"])
def test_a_change_outside_a_transaction_is_refused(board, change):
    if change == "restore":
        with db.atomic():
            changes.delete(board)
    attempt = {
        "create": lambda: changes.create(Organisation, name="Kent Police"),
        "update": lambda: changes.update(board, quorum="1/3"),
        "delete": lambda: changes.delete(board),
        "restore": lambda: changes.restore(board),
    }[change]
    before = (len(journal()), Organisation.select().count(), Body.get_by_id(board.id).hlc)

    with pytest.raises(RuntimeError, match="inside `with db.atomic"):
        attempt()

    after = (len(journal()), Organisation.select().count(), Body.get_by_id(board.id).hlc)
    assert after == before


def test_a_rolled_back_transaction_leaves_no_row_journal_or_audit(clocked_database):
    with pytest.raises(KeyError):
        with db.atomic():
            changes.create(Organisation, name="Kent Police")
            raise KeyError("the service failed after writing")

    assert Organisation.select().count() == 0
    assert journal() == [] and audit() == []


def test_clock_stamps_strictly_increase_when_the_clock_goes_backwards(clocked_database, clock):
    stamps = []
    for step in (0, -5_000, 0, -3_600_000, 10, 0):
        clock.ms += step
        with db.atomic():
            stamps.append(changes.create(Organisation, name=f"Body {len(stamps)}").hlc)

    assert [entry.hlc for entry in journal()] == stamps
    assert stamps == sorted(set(stamps))
    parsed = [Stamp.parse(s) for s in stamps]
    assert parsed == sorted(set(parsed))


def test_clock_stamps_keep_increasing_after_reopening_with_an_earlier_clock(data_dir, clock):
    open_database(data_dir, now_ms=clock)
    with db.atomic():
        changes.create(Organisation, name="Kent Police")
    close_database()

    clock.ms -= 86_400_000  # the machine's clock was put back a day
    open_database(data_dir, now_ms=clock)
    try:
        with db.atomic():
            changes.create(Organisation, name="Jobcentre Plus")
        first, second = journal()
    finally:
        close_database()

    assert second.hlc > first.hlc
    assert Stamp.parse(second.hlc) > Stamp.parse(first.hlc)


def test_every_change_in_one_transaction_gets_its_own_stamp(clocked_database):
    with db.atomic():
        police = changes.create(Organisation, name="Kent Police")
        changes.update(police, name="Kent Police (Maidstone)")
        changes.delete(police)

    stamps = [entry.hlc for entry in journal()]
    assert len(set(stamps)) == 3 and stamps == sorted(stamps)
    assert Organisation.get_by_id(police.id).hlc == stamps[-1]


def test_after_a_savepoint_rolled_back_the_clock_is_as_before_it(clocked_database, clock):
    """A sync applies each file in a savepoint of one transaction: a file refused after its
    stamps were observed must not leave the clock moved on."""
    ahead = Stamp(clock.ms + 3_600_000, 0, "f" * 12)
    with db.atomic():
        first = Stamp.parse(changes.next_stamp())
        try:
            with db.atomic():
                changes.observe_stamp(ahead)
                raise ValueError("the file is refused")
        except ValueError:
            changes.forget_kept_stamp()
        after = Stamp.parse(changes.next_stamp())
        with db.atomic():
            inside = Stamp.parse(changes.next_stamp())
        last = Stamp.parse(changes.next_stamp())
    assert first < after < inside < last < ahead
