"""Documents (issue 6): the clerk named on a body's agenda front sheet, the chair's brief
(a private note and a time allowed per item), and every issue of a meeting's agenda pack."""

FK = "DEFERRABLE INITIALLY DEFERRED"

STATEMENTS = [
    f'ALTER TABLE "body" ADD COLUMN "clerk_id" TEXT REFERENCES "person" ("id") {FK}',
    'CREATE INDEX "body_clerk_id" ON "body" ("clerk_id")',
    # For the chair's eyes only: never printed on the agenda or the minutes.
    """ALTER TABLE "agenda_item" ADD COLUMN "brief_note" TEXT NOT NULL DEFAULT ''""",
    'ALTER TABLE "agenda_item" ADD COLUMN "minutes_allowed" INTEGER',
    (
        'CREATE TABLE "pack_issue" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, '
        f'"meeting_id" TEXT NOT NULL REFERENCES "meeting" ("id") {FK}, '
        '"number" INTEGER NOT NULL, "public" INTEGER NOT NULL DEFAULT 0, '
        '"issued_at" TEXT NOT NULL, "issued_by" TEXT NOT NULL DEFAULT \'\', '
        """"pdf_sha256" TEXT NOT NULL DEFAULT '', "page_count" INTEGER NOT NULL DEFAULT 0, """
        # JSON: [{"document", "title", "first", "last"}]: the page labels each paper took,
        # so a later issue keeps them and gives a late paper pages like 23a–23d.
        """"pages" TEXT NOT NULL DEFAULT '[]', "changes" TEXT NOT NULL DEFAULT '')"""
    ),
    'CREATE INDEX "pack_issue_meeting_id" ON "pack_issue" ("meeting_id")',
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
