"""File ▸ Import and File ▸ Export: the exchange format, run off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop_app.exchange.exporter import export_file
from desktop_app.exchange.importer import import_file
from desktop_app.services.directory.bodies import get_body
from desktop_app.services.papers.documents import extract_missing_texts
from ui.tasks import run_task

FILTER = "Minute Book records (*.json)"


def import_record(window) -> None:
    name, _ = QFileDialog.getOpenFileName(window, "Import a record", str(Path.home()), FILTER)
    if not name:
        return

    def done(summary):
        # Imported rows may be the very rows the undo stack refers to (STYLE.md).
        window.undo_stack.clear()
        window.changes.changed.emit()
        window.statusBar().showMessage(f"Imported {Path(name).name}: {summary}", 10000)

    def work(progress):
        summary = import_file(Path(name))
        extract_missing_texts()  # the imported reports' words, for search
        return summary

    # The import is one transaction from its first write: it cannot stop half way.
    run_task(window, work, done, label="Importing…", cancellable=False)


def export_record(window) -> None:
    body_id = window.current_body_id()
    body_name = get_body(body_id).name if body_id else None
    suggested = Path.home() / f"{(body_name or 'minute-book').lower().replace(' ', '-')}.json"
    name, _ = QFileDialog.getSaveFileName(window, "Export a record", str(suggested), FILTER)
    if not name:
        return
    run_task(
        window,
        lambda progress: export_file(Path(name), body_name=body_name),
        lambda _: window.statusBar().showMessage(f"Exported {body_name or 'all bodies'} to {name}"),
        label="Exporting…",
        cancellable=False,
    )
