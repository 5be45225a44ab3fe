"""Two laptops for the window's sharing tests: the window's own data folder and another,
whose work is made through the services with the window's database closed meanwhile, as
tests/sync/replicas.py opens laptops in turn."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.storage.database import close_database, open_database
from desktop_app.sync.run import sync_now
from tests.ui.conftest import in_dialog
from ui.main_window import MainWindow


@contextlib.contextmanager
def other_laptop(folder: Path, share: Path, back_to: Path):
    """Work on the other laptop: its folder is synced with `share` before and after (no
    background sync may be under way), then the window's folder is open again."""
    close_database()
    open_database(folder)
    try:
        sync_now(share)
        yield
        sync_now(share)
    finally:
        close_database()
        open_database(back_to)


def shown_window(qtbot, data_dir: Path) -> MainWindow:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return sharing_shown(qtbot, window)


def sharing_shown(qtbot, window: MainWindow) -> MainWindow:
    """The window once its sharing line is filled in, a moment after it has painted."""
    qtbot.waitUntil(lambda: window.sharing.status.text() != "")
    return window


def sync_with_f9(qtbot, window: MainWindow):
    """Sync now as the clerk does, by its key; returns what the sync reported."""
    window.activateWindow()  # a window's shortcuts reach it only while it is active
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.sharing.synced, timeout=30000) as done:
        qtbot.keyClick(window.tree, Qt.Key.Key_F9)
    return done.args[0]


def choose_share(qtbot, window: MainWindow, share: Path):
    """File ▸ Sharing…: type the folder (the native folder chooser cannot be driven) and
    press OK; the first sync follows. Returns what it reported."""

    def choose(dialog):
        dialog.folder.setText(str(share))
        dialog.accept()

    in_dialog(choose)
    with qtbot.waitSignal(window.sharing.synced, timeout=30000) as done:
        window.sharing.sharing_action.trigger()
    return done.args[0]
