"""Migration 0006 re-takes fingerprints of approved minutes by natural keys, except where
the minutes changed since approval."""

from __future__ import annotations

import importlib

from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.storage import database as storage
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import AgendaItem, Minute, MinutesVersion, Resolution, db
from tests.services.test_search import insert_raw
from tests.signing.record import approve, make_board
from tests.storage.old_folders import insert_old_body

rekey = importlib.import_module("desktop_app.storage.migrations.0006_signing")


def _stored(version_id: str) -> tuple[str, str]:
    version = MinutesVersion.get_by_id(version_id)
    approval = Resolution.get(Resolution.approves_version == version_id)
    return version.content_sha256, approval.approves_sha256


def _as_before_0006(version_id: str, sha: str) -> None:
    db.execute_sql("UPDATE minutes_version SET content_sha256 = ? WHERE id = ?", (sha, version_id))
    db.execute_sql(
        "UPDATE resolution SET approves_sha256 = ? WHERE approves_version_id = ?", (sha, version_id)
    )


def _migrate_0006_again() -> None:
    """Step 0006 run on the database as it stood before it (later steps already ran), and
    completed as database.migrate completes it once the schema is current."""
    with db.atomic():
        rekey.migrate(db.obj)
    with db.atomic():
        rekey.complete(db.obj)


def test_fingerprints_of_unchanged_minutes_are_retaken_by_natural_keys(data_dir):
    open_database(data_dir)
    board = make_board(3)
    approve(board, 0)
    approve(board, 1)
    first, second = (MinutesVersion.get(MinutesVersion.meeting == m.id) for m in board.meetings[:2])
    wanted = content_sha256(board.meetings[0].id)
    for version in (first, second):
        _as_before_0006(version.id, rekey._legacy_sha256(version.meeting_id))
    _migrate_0006_again()
    close_database()

    open_database(data_dir)
    try:
        assert _stored(first.id) == (wanted, wanted)
        # The second meeting's content holds the first's approval, re-taken before it.
        second_sha = content_sha256(board.meetings[1].id)
        assert _stored(second.id) == (second_sha, second_sha)
    finally:
        close_database()


def test_a_fingerprint_of_minutes_changed_since_approval_is_left_as_it_was(data_dir):
    open_database(data_dir)
    board = make_board(2)
    approve(board, 0)
    version = MinutesVersion.get(MinutesVersion.meeting == board.meetings[0].id)
    legacy = rekey._legacy_sha256(version.meeting_id)
    db.execute_sql(
        "UPDATE minute SET overview = 'Quietly rewritten.' WHERE id = ?",
        (
            Minute.select()
            .join(AgendaItem)
            .where(AgendaItem.meeting == version.meeting_id)
            .get()
            .id,
        ),
    )
    _as_before_0006(version.id, legacy)
    _migrate_0006_again()
    close_database()

    open_database(data_dir)
    try:
        assert _stored(version.id) == (legacy, legacy)
    finally:
        close_database()


def test_a_folder_made_before_0006_with_fingerprints_opens_with_every_migration(
    data_dir, monkeypatch
):
    """A real folder of schema 5, not today's schema with 0006 run again: the step must not
    read the rows through today's models before the later steps have added their columns."""
    every = storage.migration_modules()
    monkeypatch.setattr(storage, "migration_modules", lambda: [m for m in every if m[0] <= 5])
    old = open_database(data_dir)
    insert_old_body(old)
    insert_raw(old, "meeting", id="m", body_id="b", date="2012-12-17", start_time="14:30")
    insert_raw(old, "agenda_item", id="i", meeting_id="m", position=0, title="Budget", number="")
    insert_raw(old, "minute", id="n", item_id="i", overview="Noted.")
    # A fingerprint taken before the minutes last changed: it must stay as it was.
    insert_raw(
        old,
        "minutes_version",
        id="v",
        meeting_id="m",
        version=1,
        state="approved",
        content_sha256="ab" * 32,
    )
    close_database()
    monkeypatch.setattr(storage, "migration_modules", lambda: every)

    open_database(data_dir)
    try:
        assert MinutesVersion.get_by_id("v").content_sha256 == "ab" * 32
        assert storage.schema_version(db.obj) == every[-1][0]
        tables = db.obj.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert rekey.PENDING not in {name for (name,) in tables}
    finally:
        close_database()
