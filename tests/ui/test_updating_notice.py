"""A data folder made by an earlier version is brought up to date at the next start, which
can take seconds on a large one: a notice says so before the window opens, and only then."""

from __future__ import annotations

import pytest

from desktop_app.storage import database as storage
from desktop_app.storage.database import close_database, open_database
from ui import app
from ui.app import UpdatingNotice, start_window


@pytest.fixture
def notices(monkeypatch) -> list[tuple[str, bool]]:
    """(text, shown) of each notice put up."""
    seen: list[tuple[str, bool]] = []
    show = UpdatingNotice.show

    def watched(notice):
        show(notice)
        seen.append((notice.dialog.labelText(), notice.dialog.isVisible()))

    monkeypatch.setattr(UpdatingNotice, "show", watched)
    return seen


def test_a_folder_of_an_earlier_version_is_brought_up_to_date_behind_a_notice(
    qtbot, data_dir, monkeypatch, notices
):
    every = storage.migration_modules()
    monkeypatch.setattr(storage, "migration_modules", lambda: every[:-1])
    open_database(data_dir)  # as the version before this one left it
    close_database()
    monkeypatch.setattr(storage, "migration_modules", lambda: every)

    window = start_window(data_dir)
    qtbot.addWidget(window)

    assert notices == [(UpdatingNotice.TEXT, True)]
    assert storage.schema_version(storage.db.obj) == every[-1][0]
    assert not [w for w in app.QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    close_database()


def test_a_new_folder_and_an_up_to_date_one_open_without_a_notice(qtbot, data_dir, notices):
    for _start in ("new", "again"):
        window = start_window(data_dir)
        qtbot.addWidget(window)
        close_database()
    assert notices == []
