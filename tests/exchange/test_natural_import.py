"""Import gives minutes and attendance lines the ids every laptop gives them, and with a
namespace every row it makes; a row deleted here under such an id comes back, updated."""

from __future__ import annotations

import uuid

from desktop_app.exchange import import_file
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Attendance, Minute, Organisation, Person, db

SPACE = uuid.uuid5(uuid.NAMESPACE_URL, "minute-book:test")


def test_imported_minutes_and_attendance_take_their_natural_ids(database, example_path):
    import_file(example_path)

    minutes = list(Minute.select())
    lines = list(Attendance.select())
    assert minutes and lines
    assert all(m.id == natural_ids.minute_id(m.item_id) for m in minutes)
    assert all(a.id == natural_ids.attendance_id(a.meeting_id, a.person_id) for a in lines)


def test_minutes_and_attendance_deleted_here_come_back_with_the_file(database, example_path):
    import_file(example_path)
    counts = Minute.select().count(), Attendance.select().count()
    minute, line = Minute.select().first(), Attendance.select().first()
    with db.atomic():  # as deletes from another laptop arrive
        changes.delete(minute)
        changes.delete(line)

    summary = import_file(example_path)

    assert (summary.updated["minutes"], summary.updated["attendance records"]) == (1, 1)
    assert Minute.get_by_id(minute.id).deleted_at is None
    assert Attendance.get_by_id(line.id).deleted_at is None
    assert (Minute.select().count(), Attendance.select().count()) == counts


def test_with_a_namespace_a_row_deleted_here_comes_back_under_its_id(database, example_path):
    import_file(example_path, namespace=SPACE)
    police = Organisation.get(Organisation.name == "Kent Police")
    with db.atomic():
        changes.delete(police)

    import_file(example_path, namespace=SPACE)

    assert Organisation.get_by_id(police.id).deleted_at is None
    assert Organisation.select().where(Organisation.name == "Kent Police").count() == 1


def test_without_a_namespace_two_imports_make_different_ids(tmp_path, example_path):
    ids = []
    for name in ("a", "b"):
        open_database(tmp_path / name)
        try:
            import_file(example_path)
            ids.append({p.id for p in Person.select()})
        finally:
            close_database()
    assert not ids[0] & ids[1]
