"""Indexes of the deleted agenda items, meetings and bodies (issue 16): the action tracker
leaves out the actions whose item, meeting or body was deleted, and without these it read
every agenda item of the council to find the few deleted (10 ms of each count and page at
the §6 dataset's size, 40 ms at four times). Partial, so they hold only the deleted rows
and writing a live row costs nothing more."""

TABLES = ("agenda_item", "meeting", "body")


def migrate(db) -> None:
    for table in TABLES:
        db.execute_sql(
            f'CREATE INDEX "{table}_deleted_at" ON "{table}" ("deleted_at") '
            'WHERE "deleted_at" IS NOT NULL'
        )
