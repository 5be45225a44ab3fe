"""Full-text search (issue 5): the index over item titles, minutes, resolutions, actions,
action notes and the text of attached reports, and the triggers that keep it in step
(storage/search_index.py holds them)."""

from desktop_app.storage.search_index import SCHEMA, SOURCES, entries

STATEMENTS = [
    *SCHEMA,
    # What was written before this migration becomes searchable at once.
    *(
        entries(kind, "r", f'FROM "{SOURCES[kind][0]}" AS r WHERE r.deleted_at IS NULL')
        for kind in SOURCES
    ),
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
