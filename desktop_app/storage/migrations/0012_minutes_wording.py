"""What the minutes say (issue 14): the items during which someone arrived or left, the
date a meeting set for its next one, and an earlier minute cited as text when the meeting
that made it is not in the data folder."""

FK = "DEFERRABLE INITIALLY DEFERRED"

STATEMENTS = [
    f'ALTER TABLE "attendance" ADD COLUMN "arrived_during_id" TEXT '
    f'REFERENCES "agenda_item" ("id") {FK}',
    f'ALTER TABLE "attendance" ADD COLUMN "left_during_id" TEXT '
    f'REFERENCES "agenda_item" ("id") {FK}',
    'CREATE INDEX "attendance_arrived_during_id" ON "attendance" ("arrived_during_id")',
    'CREATE INDEX "attendance_left_during_id" ON "attendance" ("left_during_id")',
    'ALTER TABLE "meeting" ADD COLUMN "next_meeting_date" DATE',
    """ALTER TABLE "agenda_item" ADD COLUMN "cited_minute" TEXT NOT NULL DEFAULT ''""",
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
