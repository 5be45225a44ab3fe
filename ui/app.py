"""Starting the window: the QApplication, the database, the first-start example."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.errors import StorageError, ValidationError
from desktop_app.storage.database import open_database
from ui.main_window import MainWindow
from ui.sharing_actions import AFTER_SHOWN_MS


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minute Book")
    app.setOrganizationName("Minute Book")
    return app


def create_main_window(data_dir: Path) -> MainWindow:
    """Open the database in `data_dir` and build the window on it (no example import)."""
    open_database(data_dir)
    return MainWindow(data_dir)


def run_app(data_dir: Path) -> int:
    from desktop_app.first_run import ensure_example

    app = application()
    try:
        open_database(data_dir)
        ensure_example(data_dir)
    # ValidationError: another program kept the folder busy past the timeout (DatabaseBusy).
    except (StorageError, ValidationError) as error:
        QMessageBox.critical(None, "Minute Book", str(error))
        return 2
    window = MainWindow(data_dir)
    window.show()
    window.offer_recovered_typing()
    # Once the window has painted: nobody waits on the share to start work.
    QTimer.singleShot(AFTER_SHOWN_MS, window.sharing.start)
    return app.exec()
