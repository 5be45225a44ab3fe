"""First start: the example body appears once, on a brand-new database only."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.exchange import export_data
from desktop_app.first_run import FLAG, ensure_example
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.directory import bodies, organisations
from desktop_app.storage import changes
from desktop_app.storage.database import DATABASE_NAME, close_database, open_database
from desktop_app.storage.models import SYNCED_MODELS, Body, LocalSetting, Meeting, db


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


def test_two_first_starts_at_once_import_the_example_once(tmp_path):
    data_dir = tmp_path / "new"
    start = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]); "
        "from desktop_app.storage.database import open_database; "
        "from desktop_app.first_run import ensure_example; "
        "folder = Path(sys.argv[1]); open_database(folder); print(ensure_example(folder))"
    )
    root = Path(__file__).parents[1]
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", start, str(data_dir), str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [process.communicate(timeout=120) for process in starts]

    assert [process.returncode for process in starts] == [0, 0], [err for _, err in results]
    assert sorted(out.strip() for out, _ in results) == ["False", "True"]
    with sqlite3.connect(data_dir / DATABASE_NAME) as record:
        bodies_made = record.execute("SELECT count(*) FROM body").fetchone()[0]
    assert bodies_made == len(json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))["bodies"])


def first_start(data_dir: Path) -> tuple[dict, dict]:
    """Start a new install in `data_dir`: its export, and every row it made by id (without
    the times and stamps of when it made them)."""
    open_database(data_dir)
    try:
        ensure_example(data_dir)
        made = {
            model._meta.table_name: {
                row["id"]: {k: v for k, v in row.items() if k not in MADE_WHEN}
                for row in model.select().dicts()
            }
            for model in SYNCED_MODELS
        }
        return export_data(), made
    finally:
        close_database()


MADE_WHEN = {"created_at", "updated_at", "hlc", "stamps", "base_hlc"}


def test_two_installs_hold_the_example_under_the_same_ids(tmp_path):
    first_export, first_rows = first_start(tmp_path / "laptop-a")
    second_export, second_rows = first_start(tmp_path / "laptop-b")

    assert first_export == second_export
    assert first_rows == second_rows
    assert len(first_rows["person"]) == len(json.loads(EXAMPLE_FILE.read_text("utf-8"))["people"])
