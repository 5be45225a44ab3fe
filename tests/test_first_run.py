"""First start: the example body appears once, on a brand-new database only."""

from __future__ import annotations

from desktop_app.first_run import FLAG, ensure_example
from desktop_app.services import bodies, organisations
from desktop_app.storage import changes
from desktop_app.storage.models import Body, LocalSetting, Meeting, db


def test_a_brand_new_database_gets_the_example(database, data_dir):
    assert ensure_example(data_dir) is True
    board = bodies.find_body(name="Maidstone Locality Board")
    assert board is not None
    assert Meeting.live().where(Meeting.body == board.id).count() == 2
    assert LocalSetting.get_by_id(FLAG).value == "imported"


def test_the_example_is_not_imported_twice(database, data_dir):
    ensure_example(data_dir)
    count = Body.select().count()
    assert ensure_example(data_dir) is False
    assert Body.select().count() == count


def test_a_deleted_example_does_not_come_back(database, data_dir):
    ensure_example(data_dir)
    with db.atomic():
        for body in Body.live():
            changes.delete(body)
    assert ensure_example(data_dir) is False
    assert not Body.live().exists()


def test_a_database_that_already_holds_a_record_is_left_alone(database, data_dir):
    organisations.create_organisation(name="Kent Police")
    assert ensure_example(data_dir) is False
    assert not Body.select().exists()
    assert LocalSetting.get_by_id(FLAG).value == "skipped"
