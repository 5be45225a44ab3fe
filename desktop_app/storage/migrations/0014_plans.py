"""Strategy action plans (issue 15, seed 001): a body's plan for a period, its numbered
priorities, their outcomes (1a, 1b), the actions for each outcome with their key partners
and dated progress by quarter, and each priority's performance measures with the readings
recorded over time. A meeting's action may be linked to a plan's action. The plans' words go
into the search index, where the entries of a plan's rows name the plan (so a plan arriving
after its rows in a sync places them in its body)."""

FK = "DEFERRABLE INITIALLY DEFERRED"
SYNCED = [
    '"id" TEXT NOT NULL PRIMARY KEY',
    '"created_at" TEXT NOT NULL',
    '"updated_at" TEXT NOT NULL',
    '"hlc" TEXT NOT NULL',
    '"deleted_at" TEXT',
    """"stamps" TEXT NOT NULL DEFAULT '{}'""",
    """"base_hlc" TEXT NOT NULL DEFAULT ''""",
]


def _ref(name: str, table: str, *, null: bool = False) -> str:
    return f'"{name}_id" TEXT {"" if null else "NOT NULL "}REFERENCES "{table}" ("id") {FK}'


def _text(name: str) -> str:
    return f""""{name}" TEXT NOT NULL DEFAULT ''"""


TABLES = {
    "plan": [
        _ref("body", "body"),
        '"title" TEXT NOT NULL',
        '"starts" DATE NOT NULL',
        '"ends" DATE NOT NULL',
        _text("introduction"),
    ],
    "plan_priority": [
        _ref("plan", "plan"),
        '"number" INTEGER NOT NULL',
        '"title" TEXT NOT NULL',
        _text("why"),
    ],
    "plan_outcome": [
        _ref("plan", "plan"),
        _ref("priority", "plan_priority"),
        '"letter" TEXT NOT NULL',
        '"text" TEXT NOT NULL',
    ],
    "plan_action": [
        _ref("plan", "plan"),
        _ref("outcome", "plan_outcome"),
        '"position" INTEGER NOT NULL DEFAULT 0',
        '"text" TEXT NOT NULL',
        _ref("lead_person", "person", null=True),
        _ref("lead_organisation", "organisation", null=True),
        '"target" DATE',
        _text("target_wording"),
        """"status" TEXT NOT NULL DEFAULT 'not started'""",
    ],
    "plan_partner": [
        _ref("action", "plan_action"),
        _ref("organisation", "organisation"),
        '"position" INTEGER NOT NULL DEFAULT 0',
    ],
    "plan_progress": [
        _ref("action", "plan_action"),
        '"quarter" DATE NOT NULL',
        """"status" TEXT NOT NULL DEFAULT 'not started'""",
        _text("text"),
    ],
    "plan_measure": [
        _ref("plan", "plan"),
        _ref("priority", "plan_priority"),
        '"position" INTEGER NOT NULL DEFAULT 0',
        '"name" TEXT NOT NULL',
        '"unit" TEXT NOT NULL',
        '"baseline" REAL',
        '"baseline_date" DATE',
        '"comparator" REAL',
        _text("comparator_label"),
        '"target" REAL',
        '"target_date" DATE',
    ],
    "plan_reading": [
        _ref("measure", "plan_measure"),
        '"date" DATE NOT NULL',
        '"value" REAL NOT NULL',
        _text("note"),
    ],
}
INDEXES = {
    "plan": ["body_id"],
    "plan_priority": ["plan_id"],
    "plan_outcome": ["plan_id", "priority_id"],
    "plan_action": ["plan_id", "outcome_id", "lead_person_id", "lead_organisation_id"],
    "plan_partner": ["action_id", "organisation_id"],
    "plan_progress": ["action_id"],
    "plan_measure": ["plan_id", "priority_id"],
    "plan_reading": ["measure_id"],
}


def statements() -> list[str]:
    from desktop_app.storage.plan_search import SCHEMA

    found = [f'CREATE TABLE "{t}" ({", ".join(SYNCED + columns)})' for t, columns in TABLES.items()]
    found += [
        f'CREATE INDEX "{table}_{column}" ON "{table}" ("{column}")'
        for table, columns in INDEXES.items()
        for column in columns
    ]
    found += [
        f'ALTER TABLE "action" ADD COLUMN {_ref("plan_action", "plan_action", null=True)}',
        'CREATE INDEX "action_plan_action_id" ON "action" ("plan_action_id")',
    ]
    return found + SCHEMA


def migrate(db) -> None:
    for statement in statements():
        db.execute_sql(statement)
