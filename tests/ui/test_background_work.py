"""Background work in the window: a Cancel is shown only where it cancels, and quitting
waits for what is under way, so no write is cut off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from desktop_app.services.directory import bodies
from ui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "locality-board.json"


def progress_dialog(window) -> QProgressDialog:
    return window.findChildren(QProgressDialog)[-1]


def test_an_import_shows_no_cancel_and_quitting_waits_for_it(
    qtbot, database, data_dir, monkeypatch
):
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(EXAMPLE), ""))

    window.import_action.trigger()
    # The import is one transaction: a Cancel could never stop it, so none is offered.
    assert progress_dialog(window).findChildren(QPushButton) == []
    window.close()  # at once, while the import runs

    assert bodies.find_body(name="Maidstone Locality Board") is not None
    assert len(bodies.list_bodies()) == 10  # the board, its four sub-groups, five delivery groups
