"""Migration 0009: a person's key is indexed but no longer unique in the database, so a
merge that repeats one applies (and is shown as a clash) instead of failing."""

from __future__ import annotations

from desktop_app.storage import changes
from desktop_app.storage.database import close_database, open_database, schema_version
from desktop_app.storage.models import Person, db


def person_key_indexes(database) -> list[tuple[str, bool]]:
    return [
        (name, bool(unique))
        for _, name, unique, *_ in database.execute_sql('PRAGMA index_list("person")')
        if name == "person_key"
    ]


def test_the_unique_key_becomes_a_plain_index_and_people_are_kept(data_dir):
    database = open_database(data_dir)
    with db.atomic():
        changes.create(Person, key="stockell", name="Paulina Stockell")
    database.execute_sql('DROP INDEX "person_key"')
    database.execute_sql('CREATE UNIQUE INDEX "person_key" ON "person" ("key")')
    database.execute_sql("PRAGMA user_version = 8")
    close_database()

    database = open_database(data_dir)
    try:
        assert schema_version(database) >= 9
        assert person_key_indexes(database) == [("person_key", False)]
        with db.atomic():  # as a merge writes a second person of that key
            changes.create(Person, key="stockell", name="Peter Stockell")
        assert Person.select().where(Person.key == "stockell").count() == 2
    finally:
        close_database()
