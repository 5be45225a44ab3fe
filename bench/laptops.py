"""Other laptops and a shared folder for the sharing scenarios, built in the scratch folder.

The generated dataset has no change journal (bench/dataset.py writes its rows directly).
For a laptop to send it, each row gets the journal entry `storage.changes.create` writes for
a new row: every data field and `created_at`, under the row's own stamp. Importing the
dataset's export through the importer instead is not possible: the generator's votes and
late arrivals break rules the importer checks ("only 4 members may vote on item 7, but 6
votes were recorded"; a proposer who arrived after the item). Entries go table by table in
the order of SYNCED_MODELS (a row before the rows that name it), so that no change file
needs a later one; then some real edits through the services follow, which replace values
and so carry the stamps they replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

from desktop_app.services.directory.organisations import create_organisation, rename_organisation
from desktop_app.services.directory.people import update_person
from desktop_app.storage.changes import data_fields, plain
from desktop_app.storage.database import DATABASE_NAME, close_database, context, open_database
from desktop_app.storage.models import SYNCED_MODELS, JournalEntry, Person, db
from desktop_app.sync.outgoing import write_outgoing
from desktop_app.sync.share import CHANGE_FILE, ChangeFile, devices_dir, read_header

BATCH = 500


def copy_data_folder(source: Path, target: Path) -> None:
    """The database and a hard-linked store (its files are named by their content)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / DATABASE_NAME, target / DATABASE_NAME)
    if (source / "store").is_dir():
        shutil.copytree(source / "store", target / "store", copy_function=os.link)


def journal_every_row() -> int:
    """Give every synced row of the open database the journal entry of its creation."""
    ctx = context()
    made = 0
    with db.atomic():
        for model in _parents_first(SYNCED_MODELS):
            names = data_fields(model)
            tx_id = uuid.uuid4().hex  # a table's rows as one transaction, as an import makes
            pending: list[dict] = []
            for row in model.select().order_by(model.hlc).dicts().iterator():
                fields = {name: plain(row[name]) for name in names}
                fields["created_at"] = row["created_at"]
                pending.append(
                    {
                        "change_id": str(uuid.uuid4()),
                        "device_id": ctx.device_id,
                        "hlc": row["hlc"],
                        "table_name": model._meta.table_name,
                        "row_id": row["id"],
                        "op": "upsert",
                        "fields": json.dumps(fields, ensure_ascii=False, sort_keys=True),
                        "prior": "{}",
                        "actor": ctx.actor,
                        "machine": ctx.machine,
                        "at": row["updated_at"],
                        "tx_id": tx_id,
                        "schema_version": ctx.schema_version,
                    }
                )
                if len(pending) == BATCH:
                    JournalEntry.insert_many(pending).execute()
                    made, pending = made + len(pending), []
            if pending:
                JournalEntry.insert_many(pending).execute()
                made += len(pending)
    return made


def _parents_first(models) -> list:
    """The tables in an order where each comes after every table it refers to, as rows
    created through the window reach the journal: a share's first files then hold no row
    whose parent is in a later one (an action linked to a plan action, a resolution
    approving a minutes version). Rows of one table go by their stamps, parents first."""
    ordered: list = []

    def place(model) -> None:
        if model in ordered:
            return
        for field in model._meta.refs:
            if field.rel_model is not model and field.rel_model in models:
                place(field.rel_model)
        ordered.append(model)

    for model in models:
        place(model)
    return ordered


def edit_people(count: int) -> int:
    """A clerk's edits: `count` changes of phone number, each its own transaction."""
    people = list(Person.select(Person.id).order_by(Person.id).limit(count))
    for n in range(count):
        update_person(person_id=people[n % len(people)].id, phone=f"01632 {960000 + n:06d}")
    return count


def journalled_laptop(dataset_dir: Path, folder: Path, share: Path, *, edits: int) -> dict:
    """A laptop holding the dataset, its journal and `edits` real edits, synced out to
    `share`. Returns counts: journal entries made, files and changes written."""
    copy_data_folder(dataset_dir, folder)
    open_database(folder)
    try:
        created = journal_every_row()
        edited = edit_people(edits)
        files, sent = write_outgoing(share)
    finally:
        close_database()
    return {"created": created, "edited": edited, "files": files, "changes": sent}


def first_files(share: Path, target: Path, changes: int) -> int:
    """A share holding a device's first files up to `changes` changes (hard links into
    `share`); returns how many changes it holds."""
    held = 0
    for device in sorted(os.listdir(devices_dir(share))):
        source = devices_dir(share) / device
        names = sorted(n for n in os.listdir(source) if CHANGE_FILE.fullmatch(n))
        (devices_dir(target) / device).mkdir(parents=True)
        for name in names:
            if held >= changes:
                break
            os.link(source / name, devices_dir(target) / device / name)
            held += read_header(ChangeFile(device, int(name[:8]), source / name)).count
    return held


def small_files(folder: Path, share: Path, *, devices: int, files: int) -> None:
    """`files` change files of one or two changes each, from `devices` laptops: each names
    an organisation, then renames it edit by edit, syncing after every edit."""
    for device in range(devices):
        open_database(folder / f"laptop-{device}")
        try:
            organisation = None
            for n in range(files // devices):
                name = f"Partner {device}-{n}"
                if n % 10 == 0:
                    organisation = create_organisation(name=name)
                else:
                    rename_organisation(organisation_id=organisation.id, name=name)
                write_outgoing(share)
        finally:
            close_database()
