"""Sharing through a shared folder (issue 13, DESIGN.md §5): what merging needs.

Every synced row gains a stamp per field: `stamps` holds the clock stamp of each field
changed since the row was made, and `base_hlc` the stamp of every other field (the stamp
the row was made with). Both are read back from the journal, which holds every change
made so far; a row the journal does not know (none should be) takes its last stamp. A journal entry gains the stamps of the values it replaced (`prior`), who made it,
on which machine, when, in which transaction and at which schema version, and where it
came from ('' for this machine, else the shared file it was applied from).

`applied_file` records each shared file applied, in the transaction that applied it, and
`conflict` keeps the texts that lost to a concurrent change, until a clerk resolves them.
Neither syncs: every machine works them out from the same changes.
"""

import json

# The synced tables as they stand at this step; tables made later are made with both columns.
SYNCED_TABLES = (
    "organisation", "person", "body", "membership", "meeting", "agenda_item", "document",
    "attendance", "declaration", "minute", "resolution", "named_vote", "action", "signer",
    "minutes_version", "action_note", "pack_issue",
)  # fmt: skip

JOURNAL_COLUMNS = [
    """"prior" TEXT NOT NULL DEFAULT '{}'""",
    """"actor" TEXT NOT NULL DEFAULT ''""",
    """"machine" TEXT NOT NULL DEFAULT ''""",
    """"at" TEXT NOT NULL DEFAULT ''""",
    """"tx_id" TEXT NOT NULL DEFAULT ''""",
    '"schema_version" INTEGER NOT NULL DEFAULT 6',
    """"origin" TEXT NOT NULL DEFAULT ''""",
]

STATEMENTS = [
    *(f'ALTER TABLE "journal_entry" ADD COLUMN {column}' for column in JOURNAL_COLUMNS),
    'CREATE INDEX "journal_entry_origin_seq" ON "journal_entry" ("origin", "seq")',
    # Who made the value a conflict displaces is read from the journal by row and stamp.
    'CREATE INDEX "journal_entry_row" ON "journal_entry" ("row_id", "hlc")',
    (
        'CREATE TABLE "applied_file" ("device_id" TEXT NOT NULL, "seq" INTEGER NOT NULL, '
        '"sha256" TEXT NOT NULL, "changes" INTEGER NOT NULL, "applied_at" TEXT NOT NULL, '
        'PRIMARY KEY ("device_id", "seq"))'
    ),
    (
        'CREATE TABLE "conflict" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"table_name" TEXT NOT NULL, "row_id" TEXT NOT NULL, "field" TEXT NOT NULL, '
        '"kind" TEXT NOT NULL, "stamp" TEXT NOT NULL, "value" TEXT NOT NULL, '
        '"device_id" TEXT NOT NULL, "actor" TEXT NOT NULL, "machine" TEXT NOT NULL, '
        '"at" TEXT NOT NULL, "found_at" TEXT NOT NULL)'
    ),
    'CREATE INDEX "conflict_row" ON "conflict" ("table_name", "row_id", "field")',
]


def migrate(db) -> None:
    for table in SYNCED_TABLES:
        db.execute_sql(
            f"""ALTER TABLE "{table}" ADD COLUMN "stamps" TEXT NOT NULL DEFAULT '{{}}'"""
        )
        db.execute_sql(f"""ALTER TABLE "{table}" ADD COLUMN "base_hlc" TEXT NOT NULL DEFAULT ''""")
        db.execute_sql(f'UPDATE "{table}" SET "base_hlc" = "hlc"')
    _stamps_from_journal(db)
    for statement in STATEMENTS:
        db.execute_sql(statement)


def _stamps_from_journal(db) -> None:
    made: dict[tuple[str, str], str] = {}
    stamps: dict[tuple[str, str], dict[str, str]] = {}
    entries = db.execute_sql(
        'SELECT "table_name", "row_id", "hlc", "fields" FROM "journal_entry" ORDER BY "seq"'
    )
    for table, row_id, stamp, fields in entries:
        key = (table, row_id)
        names = json.loads(fields)
        if "created_at" in names:  # a create names every field, with its creation time
            made[key], stamps[key] = stamp, {}
        elif key in made:
            stamps[key].update(dict.fromkeys(names, stamp))
    for (table, row_id), stamp in made.items():
        db.execute_sql(
            f'UPDATE "{table}" SET "base_hlc" = ?, "stamps" = ? WHERE "id" = ?',
            (stamp, json.dumps(stamps[table, row_id], sort_keys=True), row_id),
        )
