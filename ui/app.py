"""Starting the window: the QApplication, the database, the first-start example."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop_app.errors import StorageError, ValidationError
from desktop_app.services.session import open_data_folder
from ui.main_window import MainWindow
from ui.sharing_actions import AFTER_SHOWN_MS

PREPARE_AFTER_MS = 2 * AFTER_SHOWN_MS  # after the share's first look, not with it


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minute Book")
    app.setOrganizationName("Minute Book")
    return app


def create_main_window(data_dir: Path) -> MainWindow:
    """Open the database in `data_dir` and build the window on it (no example import)."""
    open_data_folder(data_dir)
    return MainWindow(data_dir)


def start_window(data_dir: Path, *, guard_after_paint: bool = False) -> MainWindow:
    """What a start does before the window shows: open the data folder, give a brand-new one
    the example body (first_run.py) and open the window on the example's meeting.
    StorageError or ValidationError if the folder cannot be opened. `guard_after_paint`: see
    MainWindow."""
    from desktop_app.first_run import ensure_example

    notice = UpdatingNotice()
    try:
        open_data_folder(data_dir, updating=notice.show)
    finally:
        notice.close()
    first_start = ensure_example(data_dir)
    window = MainWindow(data_dir, guard_after_paint=guard_after_paint)
    if first_start:
        window.open_first_board()
    return window


class UpdatingNotice:
    """Said while a data folder of an earlier version is brought up to date, before the
    window opens: once after an update, and seconds on a large folder (rebuilding the
    search index took 12 s at four times the §6 dataset), when a silent pause would look
    like a hang. The steps run on this thread, so the notice says so and stays still."""

    TEXT = "Bringing the data folder up to date for this version of Minute Book…"

    def __init__(self) -> None:
        self.dialog: QProgressDialog | None = None

    def show(self) -> None:
        self.dialog = QProgressDialog(self.TEXT, "", 0, 0)
        self.dialog.setWindowTitle("Minute Book")
        self.dialog.setCancelButton(None)  # a step half done is not stopped: it rolls back
        self.dialog.setMinimumDuration(0)
        self.dialog.show()
        QApplication.processEvents()  # painted before the steps take the thread

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def run_app(data_dir: Path, *, exit_after_start: bool = False) -> int:
    """The window on `data_dir` until it is closed; with `exit_after_start`, only until
    its first paint, whose time it prints (seconds since the epoch) for the start-up
    benchmark (bench/scenarios/startup.py)."""
    app = application()
    window = show_window(data_dir)
    if window is None:
        return 2
    if exit_after_start:
        # When, for the start-up bench: a start ends here, not at the exit that follows.
        print(f"first paint at {time.time():.6f}", flush=True)
        return 0
    after_first_paint(window)
    return app.exec()


def show_window(data_dir: Path) -> MainWindow | None:
    """A start up to the window's first paint; None once the clerk has been told why the
    folder cannot be opened."""
    app = application()
    try:
        # Nothing can be typed before the first paint: the typing guard waits for it.
        window = start_window(data_dir, guard_after_paint=True)
    # ValidationError: another program kept the folder busy past the timeout (DatabaseBusy).
    except (StorageError, ValidationError) as error:
        QMessageBox.critical(None, "Minute Book", str(error))
        return None
    window.show()
    app.processEvents()  # the first paint
    gc.enable()  # off for the start (main.py)
    return window


def after_first_paint(window: MainWindow) -> None:
    """What a start sets going once the window shows: nobody waits on it to start work."""
    window.offer_recovered_typing()
    QTimer.singleShot(AFTER_SHOWN_MS, window.sharing.start)
    # While the clerk looks at the window: the pages a first click shows are built then, so
    # that click does not wait on their modules and widgets (most of a first open).
    QTimer.singleShot(PREPARE_AFTER_MS, window.prepare_pages)
