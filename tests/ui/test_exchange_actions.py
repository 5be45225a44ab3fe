"""File ▸ Import and File ▸ Export from the window, running off the GUI thread."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop_app.services.directory import bodies

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "locality-board.json"


def test_importing_the_example_shows_the_board_and_clears_undo(qtbot, window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(EXAMPLE), ""))
    window.select("body", bodies.list_bodies()[0].id)
    window.body_page.fields["quorum"].setText("7")
    window.body_page.fields["quorum"].editingFinished.emit()
    assert window.undo_stack.canUndo()

    window.import_action.trigger()

    qtbot.waitUntil(lambda: not window.undo_stack.canUndo(), timeout=20000)
    names = [window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())]
    assert names == ["Maidstone Locality Board"]  # the fixture's board, now with the example
    assert "Imported locality-board.json" in window.statusBar().currentMessage()


def test_a_damaged_file_is_refused_with_its_fault(qtbot, window, monkeypatch, tmp_path, warnings):
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"format": "minute-book/9"}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(damaged), ""))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "minute-book/9" in warnings[0] or "format" in warnings[0]


def test_exporting_the_selected_body(qtbot, window, board, monkeypatch, tmp_path):
    out = tmp_path / "board.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.select("body", board.body_id)
    window.export_action.trigger()
    qtbot.waitUntil(out.exists, timeout=20000)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [b["name"] for b in data["bodies"]] == ["Maidstone Locality Board"]
