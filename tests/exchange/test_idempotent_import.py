"""Importing the same file twice changes nothing the second time."""

from __future__ import annotations

import json

from desktop_app.exchange import export_data, import_data, import_file
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, AuditEntry, JournalEntry, Person, db
from tests.exchange.databases import every_row


def test_importing_the_example_twice_writes_no_journal_entry_the_second_time(
    database, example_path
):
    first = import_file(example_path)
    assert first.created["people"] == len(json.loads(example_path.read_text())["people"])
    journal, audit = JournalEntry.select().count(), AuditEntry.select().count()
    before = every_row()

    second = import_file(example_path)

    assert not second.changed
    assert str(second) == "Nothing changed: everything in the file was already here."
    assert JournalEntry.select().count() == journal
    assert AuditEntry.select().count() == audit
    assert every_row() == before


def test_first_import_journals_every_row_it_creates(database, example_path):
    summary = import_file(example_path)
    created_rows = sum(summary.created.values())
    # Each new row has one journal entry, plus the later meeting's link to the one before,
    # and for the approved October minutes: the meeting moved on from held once its version
    # is written, the version's time of making, its approving meeting and the resolution's
    # link to it.
    assert JournalEntry.select().where(JournalEntry.op == "upsert").count() == created_rows + 5
    assert str(summary).startswith("Added 24 organisations, 32 people, 10 bodies, ")


def test_importing_its_own_export_changes_nothing(database, example_path):
    import_file(example_path)
    journal = JournalEntry.select().count()
    summary = import_data(export_data(), base_dir=example_path.parent)
    assert not summary.changed
    assert JournalEntry.select().count() == journal


def test_a_changed_title_updates_only_that_field(database, example_path):
    import_file(example_path)
    data = json.loads(example_path.read_text(encoding="utf-8"))
    data["bodies"][0]["meetings"][1]["items"][2]["title"] = "Matters Arising"
    journal = JournalEntry.select().count()

    summary = import_data(data, base_dir=example_path.parent)

    assert dict(summary.updated) == {"agenda items": 1} and not summary.created
    assert str(summary) == "Updated 1 agenda item."
    entries = list(JournalEntry.select().where(JournalEntry.seq > journal))
    assert len(entries) == 1
    assert json.loads(entries[0].fields) == {"title": "Matters Arising"}
    assert AgendaItem.get(AgendaItem.number == "32").title == "Matters Arising"


def test_a_new_item_is_added_after_the_existing_ones(database, example_path):
    import_file(example_path)
    data = json.loads(example_path.read_text(encoding="utf-8"))
    data["bodies"][0]["meetings"][1]["items"].append({"number": "38", "title": "Close"})

    summary = import_data(data, base_dir=example_path.parent)

    assert dict(summary.created) == {"agenda items": 1}
    items = export_data()["bodies"][0]["meetings"][1]["items"]
    assert items[-1] == {"number": "38", "title": "Close", "kind": "report"}


def test_a_deleted_person_named_in_the_file_is_brought_back(database, example_path):
    import_file(example_path)
    with db.atomic():
        changes.delete(Person.get(Person.key == "kershaw"))

    summary = import_file(example_path)

    assert dict(summary.updated) == {"people": 1} and not summary.created
    assert Person.get(Person.key == "kershaw").deleted_at is None


def test_a_key_a_merge_repeated_is_matched_to_the_oldest_live_person(database, example_path):
    import_file(example_path)
    first = Person.get(Person.key == "garland")
    with db.atomic():  # another laptop's person with the same key, as a merge writes it
        changes.create(Person, key="garland", name="Gill Garland")

    summary = import_file(example_path)

    assert not summary.changed
    assert Person.get_by_id(first.id).deleted_at is None
    assert Person.select().where(Person.name == "Gill Garland").count() == 1
