"""Quarterly updates (issue 15, seeds 000 and 002): a delivery group's report to its parent
board for a quarter, drafted from the record and edited by an officer, with an overall RAG
and, once attached, the agenda item of the board's meeting whose paper it is; and the
updates' words in the search index, where an entry names its group (a body, no item)."""

import importlib

FK = "DEFERRABLE INITIALLY DEFERRED"
# The columns every synced table begins with, as 0014 wrote them.
SYNCED = importlib.import_module("desktop_app.storage.migrations.0014_plans").SYNCED
TEXTS = ("overview", "delivery", "priorities", "focus", "activity")
# The words search finds an update by: its title and every section.
SEARCHED = ("title", *TEXTS)

COLUMNS = [
    *SYNCED,
    f'"body_id" TEXT NOT NULL REFERENCES "body" ("id") {FK}',
    '"quarter" DATE NOT NULL',
    '"title" TEXT NOT NULL',
    '"date" DATE NOT NULL',
    f'"prepared_by_id" TEXT REFERENCES "person" ("id") {FK}',
    """"rag" TEXT NOT NULL DEFAULT ''""",
    *(f""""{name}" TEXT NOT NULL DEFAULT ''""" for name in TEXTS),
    f'"item_id" TEXT REFERENCES "agenda_item" ("id") {FK}',
]


def _entry(r: str, where: str = "") -> str:
    text = " || char(10) || ".join(f"{r}.{column}" for column in SEARCHED)
    return (
        "INSERT INTO search_entry (kind, row_id, body_id, meeting_date, text) "
        f"SELECT 'quarterly_update', {r}.id, {r}.body_id, {r}.quarter, "
        f"trim({text}, char(10) || ' ') WHERE trim({text}, char(10) || ' ') <> '' {where}"
    )


FORGET = "DELETE FROM search_entry WHERE row_id = {row}.id AND kind = 'quarterly_update'"
WATCHED = ", ".join(f'"{c}"' for c in ("body_id", "quarter", *SEARCHED, "deleted_at"))
LIVE = "AND new.deleted_at IS NULL"
STATEMENTS = [
    f'CREATE TABLE "quarterly_update" ({", ".join(COLUMNS)})',
    'CREATE INDEX "quarterly_update_body_id" ON "quarterly_update" ("body_id")',
    'CREATE INDEX "quarterly_update_prepared_by_id" ON "quarterly_update" ("prepared_by_id")',
    'CREATE INDEX "quarterly_update_item_id" ON "quarterly_update" ("item_id")',
    f'CREATE TRIGGER "search_quarterly_update_insert" AFTER INSERT ON "quarterly_update" '
    f"BEGIN {FORGET.format(row='new')}; {_entry('new', LIVE)}; END",
    f'CREATE TRIGGER "search_quarterly_update_update" AFTER UPDATE OF {WATCHED} '
    f'ON "quarterly_update" BEGIN {FORGET.format(row="old")}; {_entry("new", LIVE)}; END',
    f'CREATE TRIGGER "search_quarterly_update_delete" AFTER DELETE ON "quarterly_update" '
    f"BEGIN {FORGET.format(row='old')}; END",
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
