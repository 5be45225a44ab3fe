"""A device id per installation: a data folder copied to another laptop or restored from a
backup takes a new id and never writes a number another copy has used on the share."""

from __future__ import annotations

import shutil

from desktop_app.services.directory import bodies
from desktop_app.storage.database import DATABASE_NAME, context
from desktop_app.storage.models import Body
from desktop_app.sync.share import devices_dir
from tests.sync.replicas import Laptop, laptops


def _device(laptop: Laptop) -> str:
    with laptop.opened():
        return context().device_id


def test_a_copied_data_folder_takes_a_new_id_and_both_copies_share_one_record(tmp_path):
    (original,) = laptops(tmp_path, 1)
    with original.opened():
        bodies.create_body(name="Parish Council")
    original.sync()
    copy = Laptop(tmp_path / "copied", original.share)
    shutil.copytree(original.folder, copy.folder)
    assert _device(copy) != _device(original)
    assert _device(original) == _device(original)  # the original keeps its id
    with copy.opened():
        bodies.create_body(name="Planning Committee")
    with original.opened():
        bodies.create_body(name="Finance Committee")
    for laptop in (copy, original, copy):
        assert laptop.sync().skipped == []
    assert copy.export() == original.export()
    with copy.opened():
        assert Body.select().count() == 3
    folders = sorted(path.name for path in devices_dir(original.share).iterdir())
    assert folders == sorted([_device(copy), _device(original)])


def test_a_restored_backup_gets_back_the_work_it_had_sent_since(tmp_path):
    (laptop,) = laptops(tmp_path, 1)
    with laptop.opened():
        bodies.create_body(name="Parish Council")
    laptop.sync()
    backup = tmp_path / "backup.sqlite3"
    with laptop.opened():
        pass  # closed: the WAL is checkpointed into the file
    shutil.copyfile(laptop.folder / DATABASE_NAME, backup)
    with laptop.opened():
        bodies.create_body(name="Work done after the backup")
    laptop.sync()
    before = _device(laptop)

    for extra in laptop.folder.glob(f"{DATABASE_NAME}-*"):
        extra.unlink()
    (laptop.folder / DATABASE_NAME).unlink()
    shutil.copyfile(backup, laptop.folder / DATABASE_NAME)  # the backup put back
    # A new id at the open (a new file), or at the sync at the latest (the file system may
    # give the restored file the identity of the one it replaced).
    report = laptop.sync()
    assert _device(laptop) != before
    assert report.skipped == [] and report.files_applied == 1
    with laptop.opened():
        assert Body.select().where(Body.name == "Work done after the backup").count() == 1
