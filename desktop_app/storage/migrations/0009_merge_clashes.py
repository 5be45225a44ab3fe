"""Rules a merge can break are not constraints (issue 13): two laptops may each give a new
person the key "stockell" while apart, and applying the other's change must not fail for
ever on a unique index. The key stays indexed; people.py and the importer refuse a key
already taken, and rules/clashes.py shows the clerk a key a merge repeated."""

STATEMENTS = [
    'DROP INDEX "person_key"',
    'CREATE INDEX "person_key" ON "person" ("key")',
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
