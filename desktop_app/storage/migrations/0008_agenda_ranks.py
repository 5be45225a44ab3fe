"""Agenda order that merges (issue 13): each item's place among its siblings becomes a rank
(rules/ranks.py) in place of the position that every move renumbered.

Each sibling list (deleted items too, so that undoing a delete still puts the item back
where it was) is given evenly spread ranks in the order its positions held: position, a
deleted item before a live one holding the same number (that is where restoring put it),
then age. Then the position column goes, so nothing can read order from it.

The rows are rewritten in place, without a journal entry: every machine runs this same
step on the same positions and reaches the same ranks.
"""

from __future__ import annotations

from desktop_app.rules import ranks


def migrate(db) -> None:
    db.execute_sql("""ALTER TABLE "agenda_item" ADD COLUMN "rank" TEXT NOT NULL DEFAULT ''""")
    rows = db.execute_sql(
        'SELECT id, meeting_id, parent_id FROM "agenda_item" '
        "ORDER BY meeting_id, parent_id, position, deleted_at IS NULL, created_at, id"
    ).fetchall()
    lists: dict[tuple, list[str]] = {}
    for item_id, meeting_id, parent_id in rows:
        lists.setdefault((meeting_id, parent_id), []).append(item_id)
    for ids in lists.values():
        for item_id, rank in zip(ids, ranks.spread(len(ids)), strict=True):
            db.execute_sql('UPDATE "agenda_item" SET "rank" = ? WHERE id = ?', (rank, item_id))
    db.execute_sql('ALTER TABLE "agenda_item" DROP COLUMN "position"')
