"""The meeting cycle (issue 4): how a body numbers sub-items and what its agendas start
from; an item's link to an earlier minute or meeting, and when it was taken."""

STATEMENTS = [
    # "decimal" gives 35.1, 35.2; "letter" gives 35(a), 35(b).
    """ALTER TABLE "body" ADD COLUMN "sub_numbering" TEXT NOT NULL DEFAULT 'decimal'""",
    # JSON list of {"title", "kind"}; empty means the standard template.
    """ALTER TABLE "body" ADD COLUMN "agenda_template" TEXT NOT NULL DEFAULT ''""",
    (
        'ALTER TABLE "agenda_item" ADD COLUMN "linked_meeting_id" TEXT '
        'REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED'
    ),
    (
        'ALTER TABLE "agenda_item" ADD COLUMN "linked_item_id" TEXT '
        'REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED'
    ),
    # "HH:MM" when the chair took the item; quorum per item is counted at that time.
    """ALTER TABLE "agenda_item" ADD COLUMN "started_at" TEXT NOT NULL DEFAULT ''""",
    'CREATE INDEX "agenda_item_linked_meeting_id" ON "agenda_item" ("linked_meeting_id")',
    'CREATE INDEX "agenda_item_linked_item_id" ON "agenda_item" ("linked_item_id")',
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
