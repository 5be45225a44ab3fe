"""The search index: its tables, the triggers that keep it in step with the rows, and the
same entries written for many rows at once (migration 0004 made them). It covers item
titles, minutes, resolutions, actions, action notes, the text of attached reports and of
the reports written in the app (added with their table, migrations/*_reports.py).

- `search_entry` holds one row of searchable text per source row: its kind and row id, and
  where it belongs (item, meeting, body, meeting date; an action note also its action).
  SQL triggers on the source tables write it: an insert or a restore adds the entry, an
  edit replaces it, a tombstone or a delete removes it. So every writer (services, import,
  sync, the benchmark's bulk inserts) keeps the index in step without remembering to.
  Where an entry belongs is kept in step too: rows may arrive in any order (a sync can bring
  a minute before its item), so an item, meeting or action arriving or moving fills in the
  entries that wait for it. The meeting date is here so that ranking (bm25, then the newest
  meeting) needs no join; whether the item, meeting and body are live, and whether the item
  is Part II, is read at query time for the few hits shown.
- `search_text` is an FTS5 index over `search_entry` (external content: the text is stored
  once) with the unicode61 tokenizer: words in every script written with spaces, case-folded,
  Latin diacritics removed ("resume" finds "résumé").
- `search_trigram` indexes, with the trigram tokenizer, only the entries holding characters
  of scripts written without spaces between words (Chinese, Japanese, Korean, Thai, Lao,
  Khmer, Myanmar), where unicode61 would make a whole sentence one token. A term there is
  found anywhere inside the text.
- `document_text` keeps the text extracted from an attached PDF, keyed by the file's
  SHA-256: it is derived from the file, so each machine extracts it and it is not synced.

Since migration 0016 (`ORDERED`) the full-text tables are keyed by `ord`, the entry's date
(its meeting's day, a plan's start) and then its id, so that the index itself gives the
newest matches first (`ORDER BY rowid DESC`), and a span of dates is a span of rowids that
FTS5 seeks to: search ranks the newest few hundred matches, and pages on to older ones,
without reading every match of a common word. `search_text` holds the entry's body too,
so a search within one body is narrowed inside the index.

A sync writes a fresh laptop's tens of thousands of rows at once: there the insert triggers
are set aside while the rows go in, and the rows' entries are written by one INSERT a table
(`inserting_unindexed`, then `index_new_rows`). A trigger a row cost three times as much
(bench/). SQLite's DDL is transactional: a failed or killed sync puts the triggers back
with the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

# Characters of scripts written without spaces between words (search.py chooses the trigram
# index for a query holding any).
UNSPACED = (
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)

ENTRY_COLUMNS = "kind, row_id, item_id, action_id, meeting_id, body_id, meeting_date, text"
MEETING = "(SELECT {column} FROM meeting WHERE id = {meeting})"
KEY_POINTS = (
    "CASE WHEN json_valid({r}.{column}) "
    "THEN coalesce((SELECT group_concat(value, char(10)) FROM json_each({r}.{column})), '') "
    "ELSE {r}.{column} END"
)

# kind: (table, item id, action id, the text, the columns the entry is made from)
SOURCES = {
    "item": ("agenda_item", "{r}.id", "NULL", "{r}.title", ("title",)),
    "minute": (
        "minute",
        "{r}.item_id",
        "NULL",
        "trim({r}.overview || char(10) || "
        + KEY_POINTS.replace("{column}", "key_points")
        + " || char(10) || "
        + KEY_POINTS.replace("{column}", "recommendations")
        + " || char(10) || {r}.decision || char(10) || {r}.notes, char(10) || ' ')",
        ("item_id", "overview", "key_points", "recommendations", "decision", "notes"),
    ),
    "resolution": ("resolution", "{r}.item_id", "NULL", "{r}.text", ("item_id", "text")),
    "action": (
        "action",
        "{r}.item_id",
        "NULL",
        "trim({r}.text || char(10) || {r}.progress, char(10) || ' ')",
        ("item_id", "text", "progress"),
    ),
    # A note's item is its action's (filled in later if the action arrives after it).
    "action_note": (
        "action_note",
        "(SELECT item_id FROM action WHERE id = {r}.action_id)",
        "{r}.action_id",
        "{r}.text",
        ("action_id", "text"),
    ),
    "document": (
        "document",
        "{r}.item_id",
        "NULL",
        "trim({r}.title || char(10) || coalesce("
        "(SELECT text FROM document_text WHERE sha256 = {r}.sha256), ''), char(10) || ' ')",
        ("item_id", "title", "sha256"),
    ),
}


# A report's words: its title, who it is of, and every section's text.
REPORT_TEXTS = (
    "title", "report_of_role", "introduction", "recommendations", "reasons", "alternatives",
    "impact", "risk", "background", "financial", "staffing", "legal", "equality",
    "environmental", "community_safety", "human_rights", "procurement", "asset_management",
)  # fmt: skip

# Sources added since 0004 made the index, each by the migration that made its table: 0004
# builds its triggers from SOURCES alone, and what a shipped migration does never changes.
ADDED_SOURCES = {
    "report": (
        "report",
        "{r}.item_id",
        "NULL",
        "trim("
        + " || char(10) || ".join(f"{{r}}.{c}" for c in REPORT_TEXTS)
        + ", char(10) || ' ')",
        ("item_id", *REPORT_TEXTS),
    ),
}
ALL_SOURCES = {**SOURCES, **ADDED_SOURCES}


def entries(kind: str, r: str, source: str = "", where: str = "") -> str:
    """INSERT of the search entries of `kind`, reading the source row(s) as `r`."""
    _table, item, action, text, _columns = ALL_SOURCES[kind]
    fields = (
        f"'{kind}' AS kind, {r}.id AS row_id, {item.format(r=r)} AS item_id, "
        f"{action.format(r=r)} AS action_id, {text.format(r=r)} AS text"
    )
    return (
        f"INSERT INTO search_entry ({ENTRY_COLUMNS}) "
        "SELECT e.kind, e.row_id, e.item_id, e.action_id, i.meeting_id, m.body_id, m.date, e.text "
        f"FROM (SELECT {fields} {source}) AS e "
        "LEFT JOIN agenda_item AS i ON i.id = e.item_id "
        "LEFT JOIN meeting AS m ON m.id = i.meeting_id "
        f"WHERE e.text <> '' {where}"
    )


def triggers(kind: str) -> list[str]:
    """The triggers that keep the entries of `kind` in step with its table's rows."""
    table, _item, _action, _text, columns = ALL_SOURCES[kind]
    forget = "DELETE FROM search_entry WHERE row_id = {row}.id AND kind = '" + kind + "'"
    watched = ", ".join(f'"{c}"' for c in (*columns, "deleted_at"))
    return [
        # The entry is forgotten first even on insert: an INSERT OR REPLACE deletes the old
        # row without firing its delete trigger, and the index must not keep both.
        f'CREATE TRIGGER "search_{table}_insert" AFTER INSERT ON "{table}" '
        f"BEGIN {forget.format(row='new')}; "
        f"{entries(kind, 'new', where='AND new.deleted_at IS NULL')}; END",
        # A tombstone removes the entry; a restore (deleted_at back to NULL) adds it again.
        f'CREATE TRIGGER "search_{table}_update" AFTER UPDATE OF {watched} ON "{table}" '
        f"BEGIN {forget.format(row='old')}; "
        f"{entries(kind, 'new', where='AND new.deleted_at IS NULL')}; END",
        f'CREATE TRIGGER "search_{table}_delete" AFTER DELETE ON "{table}" '
        f"BEGIN {forget.format(row='old')}; END",
    ]


def _document_text_triggers() -> list[str]:
    """Extracted text arriving, changing or going refreshes the entries of every live
    document with that file."""
    statements = []
    for event, row in (("insert", "new"), ("update", "new"), ("delete", "old")):
        documents = f'FROM "document" AS r WHERE r.sha256 = {row}.sha256'
        statements.append(
            f'CREATE TRIGGER "search_document_text_{event}" AFTER {event.upper()} '
            'ON "document_text" BEGIN '
            "DELETE FROM search_entry WHERE kind = 'document' AND row_id IN "
            f"(SELECT r.id {documents}); "
            f"{entries('document', 'r', f'{documents} AND r.deleted_at IS NULL')}; END"
        )
    return statements


PLACEMENT = [
    # An item arriving (or moving) places the entries of its title, minute, resolutions,
    # actions, notes and papers that came before it.
    (
        'CREATE TRIGGER "search_place_item" AFTER INSERT ON "agenda_item" BEGIN '
        "UPDATE search_entry SET meeting_id = new.meeting_id, "
        f"body_id = {MEETING.format(column='body_id', meeting='new.meeting_id')}, "
        f"meeting_date = {MEETING.format(column='date', meeting='new.meeting_id')} "
        "WHERE item_id = new.id; END"
    ),
    (
        'CREATE TRIGGER "search_move_item" AFTER UPDATE OF "meeting_id" ON "agenda_item" '
        "BEGIN UPDATE search_entry SET meeting_id = new.meeting_id, "
        f"body_id = {MEETING.format(column='body_id', meeting='new.meeting_id')}, "
        f"meeting_date = {MEETING.format(column='date', meeting='new.meeting_id')} "
        "WHERE item_id = new.id; END"
    ),
    # A meeting arriving, moved to another day or to another body.
    (
        'CREATE TRIGGER "search_place_meeting" AFTER INSERT ON "meeting" BEGIN '
        "UPDATE search_entry SET body_id = new.body_id, meeting_date = new.date "
        "WHERE meeting_id = new.id; END"
    ),
    (
        'CREATE TRIGGER "search_move_meeting" AFTER UPDATE OF "date", "body_id" ON "meeting" '
        "BEGIN UPDATE search_entry SET body_id = new.body_id, meeting_date = new.date "
        "WHERE meeting_id = new.id; END"
    ),
    # An action arriving (or moving) places its notes.
    *(
        f'CREATE TRIGGER "search_{name}_action" AFTER {event} ON "action" BEGIN '
        "UPDATE search_entry SET item_id = new.item_id, "
        "meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = new.item_id), "
        "body_id = (SELECT m.body_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE i.id = new.item_id), "
        "meeting_date = (SELECT m.date FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE i.id = new.item_id) "
        "WHERE action_id = new.id; END"
        for name, event in (("place", "INSERT"), ("move", 'UPDATE OF "item_id"'))
    ),
]


SCHEMA = [
    'CREATE TABLE "document_text" ("sha256" TEXT NOT NULL PRIMARY KEY, "text" TEXT NOT NULL)',
    'CREATE INDEX "document_sha256" ON "document" ("sha256")',
    (
        'CREATE TABLE "search_entry" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"kind" TEXT NOT NULL, "row_id" TEXT NOT NULL, "item_id" TEXT, "action_id" TEXT, '
        '"meeting_id" TEXT, "body_id" TEXT, "meeting_date" TEXT, "text" TEXT NOT NULL, '
        f'"unspaced" INTEGER GENERATED ALWAYS AS ("text" GLOB \'*{UNSPACED}*\') STORED)'
    ),
    'CREATE UNIQUE INDEX "search_entry_row_id_kind" ON "search_entry" ("row_id", "kind")',
    'CREATE INDEX "search_entry_item_id" ON "search_entry" ("item_id")',
    'CREATE INDEX "search_entry_action_id" ON "search_entry" ("action_id")',
    'CREATE INDEX "search_entry_meeting_id" ON "search_entry" ("meeting_id")',
    # The few entries a one- or two-character CJK term is looked for in (trigrams need three).
    'CREATE INDEX "search_entry_unspaced" ON "search_entry" ("id") WHERE "unspaced"',
    (
        'CREATE VIRTUAL TABLE "search_text" USING fts5(text, content="search_entry", '
        "content_rowid=\"id\", tokenize='unicode61 remove_diacritics 2')"
    ),
    (
        'CREATE VIRTUAL TABLE "search_trigram" USING fts5(text, content="search_entry", '
        "content_rowid=\"id\", tokenize='trigram')"
    ),
    (
        'CREATE TRIGGER "search_entry_insert" AFTER INSERT ON "search_entry" BEGIN '
        "INSERT INTO search_text (rowid, text) VALUES (new.id, new.text); "
        "INSERT INTO search_trigram (rowid, text) SELECT new.id, new.text WHERE new.unspaced; "
        "END"
    ),
    # External content: the index is told the old text to take out, exactly as it was.
    (
        'CREATE TRIGGER "search_entry_delete" AFTER DELETE ON "search_entry" BEGIN '
        "INSERT INTO search_text (search_text, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO search_trigram (search_trigram, rowid, text) "
        "SELECT 'delete', old.id, old.text WHERE old.unspaced; "
        "END"
    ),
    (
        'CREATE TRIGGER "search_entry_update" AFTER UPDATE OF "text" ON "search_entry" BEGIN '
        "INSERT INTO search_text (search_text, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO search_trigram (search_trigram, rowid, text) "
        "SELECT 'delete', old.id, old.text WHERE old.unspaced; "
        "INSERT INTO search_text (rowid, text) VALUES (new.id, new.text); "
        "INSERT INTO search_trigram (rowid, text) SELECT new.id, new.text WHERE new.unspaced; "
        "END"
    ),
    *(statement for kind in SOURCES for statement in triggers(kind)),
    *_document_text_triggers(),
    *PLACEMENT,
]

# The key of an entry in the full-text tables (migration 0016): its day in the high bits,
# its id in the low 32, so that the newest entry has the greatest key; an entry not yet
# placed (no date) sorts oldest. Moving a meeting re-keys its entries (the update trigger).
ORDER_KEY = '((CAST(coalesce(julianday("meeting_date"), 0) AS INTEGER) << 32) | "id")'
BODY_KEY = """(replace("body_id", '-', ''))"""
_FTS_ADD = (
    "INSERT INTO search_text (rowid, text, body_key) VALUES ({r}.ord, {r}.text, {r}.body_key); "
    "INSERT INTO search_trigram (rowid, text) SELECT {r}.ord, {r}.text WHERE {r}.unspaced; "
)
_FTS_REMOVE = (
    "INSERT INTO search_text (search_text, rowid, text, body_key) "
    "VALUES ('delete', {r}.ord, {r}.text, {r}.body_key); "
    "INSERT INTO search_trigram (search_trigram, rowid, text) "
    "SELECT 'delete', {r}.ord, {r}.text WHERE {r}.unspaced; "
)
ORDERED = [
    *(f'DROP TRIGGER "search_entry_{event}"' for event in ("insert", "delete", "update")),
    'DROP TABLE "search_text"',
    'DROP TABLE "search_trigram"',
    f'ALTER TABLE "search_entry" ADD COLUMN "ord" INTEGER GENERATED ALWAYS AS {ORDER_KEY} VIRTUAL',
    'CREATE UNIQUE INDEX "search_entry_ord" ON "search_entry" ("ord")',
    # The body's id as one word (a UUID's dashes would make it a phrase of five, and a
    # phrase costs a body's search more than its words).
    f'ALTER TABLE "search_entry" ADD COLUMN "body_key" TEXT GENERATED ALWAYS AS {BODY_KEY} VIRTUAL',
    # The few entries a one- or two-character CJK term is looked for in, newest first.
    'DROP INDEX "search_entry_unspaced"',
    'CREATE INDEX "search_entry_unspaced" ON "search_entry" ("ord") WHERE "unspaced"',
    (
        'CREATE VIRTUAL TABLE "search_text" USING fts5(text, body_key, content="search_entry", '
        "content_rowid=\"ord\", tokenize='unicode61 remove_diacritics 2')"
    ),
    (
        'CREATE VIRTUAL TABLE "search_trigram" USING fts5(text, content="search_entry", '
        "content_rowid=\"ord\", tokenize='trigram')"
    ),
    "INSERT INTO search_text (rowid, text, body_key) SELECT ord, text, body_key FROM search_entry",
    "INSERT INTO search_trigram (rowid, text) SELECT ord, text FROM search_entry WHERE unspaced",
    (
        'CREATE TRIGGER "search_entry_insert" AFTER INSERT ON "search_entry" '
        f"BEGIN {_FTS_ADD.format(r='new')}END"
    ),
    (
        'CREATE TRIGGER "search_entry_delete" AFTER DELETE ON "search_entry" '
        f"BEGIN {_FTS_REMOVE.format(r='old')}END"
    ),
    # External content: the index is told the old text, key and body to take out, exactly
    # as they were; placing an entry (its date or body arriving) re-keys it.
    (
        'CREATE TRIGGER "search_entry_update" AFTER UPDATE OF "text", "meeting_date", "body_id" '
        'ON "search_entry" WHEN old.text IS NOT new.text OR old.ord IS NOT new.ord '
        f"OR old.body_id IS NOT new.body_id BEGIN {_FTS_REMOVE.format(r='old')}"
        f"{_FTS_ADD.format(r='new')}END"
    ),
]

# The triggers an insert fires on each source table (their entry and its placement), and
# what placing the entries waiting for a new row sets, as `index_new_rows` does for many.
INSERT_TRIGGERS = {
    **{table: [f"search_{table}_insert"] for table, *_rest in ALL_SOURCES.values()},
    "agenda_item": ["search_agenda_item_insert", "search_place_item"],
    "meeting": ["search_place_meeting"],
    "action": ["search_action_insert", "search_place_action"],
}
_ITEM_PLACE = (
    "meeting_id = (SELECT meeting_id FROM agenda_item WHERE id = search_entry.item_id), "
    "body_id = (SELECT m.body_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
    "WHERE i.id = search_entry.item_id), "
    "meeting_date = (SELECT m.date FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
    "WHERE i.id = search_entry.item_id)"
)
# (the entries waiting for a new row, found by what is still missing, and what to set)
PLACING = {
    "agenda_item": ("item_id", "meeting_id", _ITEM_PLACE),
    "meeting": (
        "meeting_id",
        "body_id",
        "body_id = (SELECT body_id FROM meeting WHERE id = search_entry.meeting_id), "
        "meeting_date = (SELECT date FROM meeting WHERE id = search_entry.meeting_id)",
    ),
    "action": (
        "action_id",
        "item_id",
        "item_id = (SELECT item_id FROM action WHERE id = search_entry.action_id), " + _ITEM_PLACE,
    ),
}
LISTED = "(SELECT value FROM json_each(?))"


@contextmanager
def inserting_unindexed(db, table: str) -> Iterator[None]:
    """Within the caller's transaction, rows inserted into `table` fire no search trigger;
    `index_new_rows` must follow. The triggers come back exactly as the schema held them."""
    names = INSERT_TRIGGERS.get(table, [])
    held = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN " + LISTED,
        [json.dumps(names)],
    ).fetchall()
    for name, _sql in held:
        db.execute_sql(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        for _name, sql in held:
            db.execute_sql(sql)


def index_new_rows(db, table: str, ids: list[str]) -> None:
    """The entries of rows just inserted into `table` with `inserting_unindexed`, and the
    placing of entries that came before them (a minute before its item)."""
    listed = [json.dumps(ids)]
    for kind, (source, *_rest) in ALL_SOURCES.items():
        if source == table:
            where = f'FROM "{table}" AS r WHERE r.id IN {LISTED} AND r.deleted_at IS NULL'
            db.execute_sql(entries(kind, "r", where), listed)
    if table in PLACING:
        column, missing, values = PLACING[table]
        db.execute_sql(
            f"UPDATE search_entry SET {values} WHERE {column} IN {LISTED} AND {missing} IS NULL",
            listed,
        )
