"""Committee reports written in the app (issue 15, seed 003): one per agenda item, in the
seed's numbered sections, with its workflow (draft, submitted, approved for publication by
a named officer); a body's report template; and the reports' words in the search index."""

from desktop_app.storage.search_index import entries, triggers

FK = "DEFERRABLE INITIALLY DEFERRED"
IMPLICATIONS = (
    "financial", "staffing", "legal", "equality", "environmental", "community_safety",
    "human_rights", "procurement", "asset_management",
)  # fmt: skip
SECTIONS = ("introduction", "recommendations", "reasons", "alternatives", "impact", "risk")

COLUMNS = [
    '"id" TEXT NOT NULL PRIMARY KEY',
    '"created_at" TEXT NOT NULL',
    '"updated_at" TEXT NOT NULL',
    '"hlc" TEXT NOT NULL',
    '"deleted_at" TEXT',
    """"stamps" TEXT NOT NULL DEFAULT '{}'""",
    """"base_hlc" TEXT NOT NULL DEFAULT ''""",
    f'"item_id" TEXT NOT NULL REFERENCES "agenda_item" ("id") {FK}',
    '"title" TEXT NOT NULL',
    f'"report_of_id" TEXT REFERENCES "person" ("id") {FK}',
    """"report_of_role" TEXT NOT NULL DEFAULT ''""",
    *(f""""{name}" TEXT NOT NULL DEFAULT ''""" for name in (*SECTIONS, "background")),
    *(
        column
        for name in IMPLICATIONS
        for column in (
            f""""{name}" TEXT NOT NULL DEFAULT ''""",
            f'"{name}_relevant" INTEGER NOT NULL DEFAULT 0',
        )
    ),
    """"state" TEXT NOT NULL DEFAULT 'draft'""",
    '"submitted_at" TEXT',
    f'"approved_by_id" TEXT REFERENCES "person" ("id") {FK}',
    '"approved_at" TEXT',
    """"content_sha256" TEXT NOT NULL DEFAULT ''""",
]

STATEMENTS = [
    f'CREATE TABLE "report" ({", ".join(COLUMNS)})',
    'CREATE INDEX "report_item_id" ON "report" ("item_id")',
    'CREATE INDEX "report_report_of_id" ON "report" ("report_of_id")',
    'CREATE INDEX "report_approved_by_id" ON "report" ("approved_by_id")',
    """ALTER TABLE "body" ADD COLUMN "report_template" TEXT NOT NULL DEFAULT ''""",
    *triggers("report"),
    entries("report", "r", 'FROM "report" AS r WHERE r.deleted_at IS NULL'),
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
