"""Minutes, resolutions, actions and their versions (issue 5): how a vote was carried,
appointments made by resolution, which minutes version a resolution approved, progress
notes on actions, and when a member withdrew for an interest."""

FK = "DEFERRABLE INITIALLY DEFERRED"

STATEMENTS = [
    'ALTER TABLE "resolution" ADD COLUMN "unopposed" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "resolution" ADD COLUMN "casting_vote" INTEGER NOT NULL DEFAULT 0',
    # resolution, election (chair / vice-chair), co-option, appointment (e.g. a sub-group chair)
    """ALTER TABLE "resolution" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'resolution'""",
    f'ALTER TABLE "resolution" ADD COLUMN "appointee_id" TEXT REFERENCES "person" ("id") {FK}',
    """ALTER TABLE "resolution" ADD COLUMN "appointed_role" TEXT NOT NULL DEFAULT ''""",
    f'ALTER TABLE "resolution" ADD COLUMN "appointed_body_id" TEXT REFERENCES "body" ("id") {FK}',
    # "year" (until the next annual meeting) or "meeting" (to chair this meeting only)
    """ALTER TABLE "resolution" ADD COLUMN "term" TEXT NOT NULL DEFAULT ''""",
    (
        'ALTER TABLE "resolution" ADD COLUMN "approves_version_id" TEXT '
        f'REFERENCES "minutes_version" ("id") {FK}'
    ),
    'CREATE INDEX "resolution_approves_version_id" ON "resolution" ("approves_version_id")',
    'CREATE INDEX "resolution_appointee_id" ON "resolution" ("appointee_id")',
    'CREATE INDEX "resolution_appointed_body_id" ON "resolution" ("appointed_body_id")',
    """ALTER TABLE "minutes_version" ADD COLUMN "created_by" TEXT NOT NULL DEFAULT ''""",
    'ALTER TABLE "minutes_version" ADD COLUMN "circulated_at" TEXT',
    """ALTER TABLE "minutes_version" ADD COLUMN "circulated_by" TEXT NOT NULL DEFAULT ''""",
    'ALTER TABLE "minutes_version" ADD COLUMN "approved_at" TEXT',
    # SHA-256 of the minutes' content as approved, so a later change can be detected.
    """ALTER TABLE "minutes_version" ADD COLUMN "content_sha256" TEXT NOT NULL DEFAULT ''""",
    """ALTER TABLE "declaration" ADD COLUMN "left_at" TEXT NOT NULL DEFAULT ''""",
    """ALTER TABLE "declaration" ADD COLUMN "returned_at" TEXT NOT NULL DEFAULT ''""",
    (
        'CREATE TABLE "action_note" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, '
        f'"action_id" TEXT NOT NULL REFERENCES "action" ("id") {FK}, '
        '"date" DATE NOT NULL, "text" TEXT NOT NULL, '
        f'"meeting_id" TEXT REFERENCES "meeting" ("id") {FK})'
    ),
    'CREATE INDEX "action_note_action_id" ON "action_note" ("action_id")',
    'CREATE INDEX "action_note_meeting_id" ON "action_note" ("meeting_id")',
    'CREATE INDEX "action_status_due" ON "action" ("status", "due")',
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
