"""The plans' words in the search index (storage/search_index.py holds the index itself).

A plan's rows belong to no agenda item: their entries name the plan (`plan_id`) and its body,
and carry the plan's start as their date, for ranking. A progress note's entry names its plan
action in `action_id`, so an action arriving after its notes (a sync in any order) places them;
a plan arriving after its rows, or moved to another body, places theirs. Whether the plan and
the rows above a hit are live is read at query time for the few hits shown (services/search).
"""

from __future__ import annotations

PLAN_OF_ACTION = "(SELECT plan_id FROM plan_action WHERE id = {r}.action_id)"

# kind: (table, plan id, action id, the text, the columns the entry is made from)
PLAN_SOURCES = {
    "plan": ("plan", "{r}.id", "NULL", ("title", "introduction")),
    "plan_priority": ("plan_priority", "{r}.plan_id", "NULL", ("title", "why")),
    "plan_outcome": ("plan_outcome", "{r}.plan_id", "NULL", ("text",)),
    "plan_action": ("plan_action", "{r}.plan_id", "NULL", ("text", "target_wording")),
    "plan_measure": ("plan_measure", "{r}.plan_id", "NULL", ("name", "unit", "comparator_label")),
    "plan_progress": ("plan_progress", PLAN_OF_ACTION, "{r}.action_id", ("text",)),
}
PLAN_KINDS = tuple(PLAN_SOURCES)


def plan_entries(kind: str, r: str, where: str = "") -> str:
    """INSERT of the search entry of the `kind` row read as `r` (in a trigger, new)."""
    _table, plan, action, texts = PLAN_SOURCES[kind]
    text = " || char(10) || ".join(f"{r}.{column}" for column in texts)
    return (
        "INSERT INTO search_entry (kind, row_id, action_id, plan_id, body_id, meeting_date, text) "
        "SELECT e.kind, e.row_id, e.action_id, e.plan_id, p.body_id, p.starts, e.text FROM ("
        f"SELECT '{kind}' AS kind, {r}.id AS row_id, {action.format(r=r)} AS action_id, "
        f"{plan.format(r=r)} AS plan_id, trim({text}, char(10) || ' ') AS text) AS e "
        f"LEFT JOIN plan AS p ON p.id = e.plan_id WHERE e.text <> '' {where}"
    )


def plan_triggers(kind: str) -> list[str]:
    table = PLAN_SOURCES[kind][0]
    forget = "DELETE FROM search_entry WHERE row_id = {row}.id AND kind = '" + kind + "'"
    # A plan's rows never move to another plan: their words and tombstone are what change.
    watched = ", ".join(f'"{c}"' for c in (*PLAN_SOURCES[kind][3], "deleted_at"))
    live = "AND new.deleted_at IS NULL"
    return [
        f'CREATE TRIGGER "search_{table}_insert" AFTER INSERT ON "{table}" '
        f"BEGIN {forget.format(row='new')}; {plan_entries(kind, 'new', live)}; END",
        f'CREATE TRIGGER "search_{table}_update" AFTER UPDATE OF {watched} ON "{table}" '
        f"BEGIN {forget.format(row='old')}; {plan_entries(kind, 'new', live)}; END",
        f'CREATE TRIGGER "search_{table}_delete" AFTER DELETE ON "{table}" '
        f"BEGIN {forget.format(row='old')}; END",
    ]


PLACE_PLAN = (
    "UPDATE search_entry SET body_id = new.body_id, meeting_date = new.starts "
    "WHERE plan_id = new.id; "
)
PLACE_NOTES = (
    "UPDATE search_entry SET plan_id = new.plan_id, "
    "body_id = (SELECT body_id FROM plan WHERE id = new.plan_id), "
    "meeting_date = (SELECT starts FROM plan WHERE id = new.plan_id) "
    "WHERE action_id = new.id AND kind = 'plan_progress'; "
)
PLACEMENT = [
    f'CREATE TRIGGER "search_place_plan" AFTER INSERT ON "plan" BEGIN {PLACE_PLAN}END',
    f'CREATE TRIGGER "search_move_plan" AFTER UPDATE OF "body_id", "starts" ON "plan" '
    f"BEGIN {PLACE_PLAN}END",
    f'CREATE TRIGGER "search_place_plan_action" AFTER INSERT ON "plan_action" '
    f"BEGIN {PLACE_NOTES}END",
]

SCHEMA = [
    'ALTER TABLE "search_entry" ADD COLUMN "plan_id" TEXT',
    'CREATE INDEX "search_entry_plan_id" ON "search_entry" ("plan_id")',
    *(statement for kind in PLAN_SOURCES for statement in plan_triggers(kind)),
    *PLACEMENT,
]
