"""What the clerk is typing survives a crash: a real window typing the minutes is killed
before its pause saves them, and the next start offers the text back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.services.decisions import minutes
from desktop_app.services.meeting_cycle import agenda
from ui.main_window import MainWindow
from ui.pending_typing import RECOVERY_FILE

ROOT = Path(__file__).resolve().parents[2]

# Types into the minute's overview and is then killed: it never returns to its event loop,
# so the pause that would have saved the text never comes.
TYPIST = """
import sys, time
from pathlib import Path
from PySide6.QtTest import QTest
from ui.app import application, create_main_window

application()
window = create_main_window(Path(sys.argv[1]))
window.show()
window.select("meeting", sys.argv[2])
page = window.meeting_page
page.tabs.setCurrentWidget(page.minutes)
page.minutes.select_item(sys.argv[3])
box = page.minutes.boxes["overview"]
box.setFocus()
QTest.keyClicks(box, sys.argv[4])
print("typed", flush=True)
time.sleep(120)
"""


def test_typing_killed_before_its_pause_is_offered_back_at_the_next_start(
    qtbot, board, data_dir, monkeypatch
):
    item = agenda.add_item(meeting_id=board.meeting_id, title="Troubled Families")
    typed = "The board welcomed £3,200 per family."
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    typist = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(data_dir), board.meeting_id, item.id, typed],
        stdout=subprocess.PIPE,
        env=environment,
        text=True,
    )
    try:
        assert typist.stdout.readline().strip() == "typed"
    finally:
        typist.send_signal(signal.SIGKILL)
        typist.wait(30)
    assert typist.returncode == -signal.SIGKILL
    assert minutes.minute_of(item.id).overview == ""  # the pause never came: not saved
    kept = json.loads((data_dir / RECOVERY_FILE).read_text(encoding="utf-8"))
    assert kept["value"] == typed

    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.offer_recovered_typing()

    assert len(asked) == 1 and typed in asked[0] and "the minute's overview" in asked[0]
    assert minutes.minute_of(item.id).overview == typed
    assert not (data_dir / RECOVERY_FILE).exists()


def test_a_title_being_typed_is_on_disk_at_each_key_and_gone_once_saved(qtbot, window, board):
    item = agenda.add_item(meeting_id=board.meeting_id, title="")
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.agenda)
    page.agenda.select(item.id)
    title = page.agenda.form.fields["title"]
    title.setFocus()
    recovery = Path(window.data_dir) / RECOVERY_FILE

    qtbot.keyClicks(title, "Libr")
    assert json.loads(recovery.read_text(encoding="utf-8"))["value"] == "Libr"
    qtbot.keyClicks(title, "aries")
    kept = json.loads(recovery.read_text(encoding="utf-8"))
    assert (kept["value"], kept["key"], kept["field"]) == (
        "Libraries",
        {"item_id": item.id},
        "title",
    )

    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert agenda.list_agenda(board.meeting_id)[0].title == "Libraries"
    assert not recovery.exists()


def test_a_recovery_file_naming_something_else_than_a_save_function_is_refused(
    qtbot, window, data_dir, monkeypatch
):
    (data_dir / RECOVERY_FILE).write_text(
        json.dumps(
            {"label": "x", "call": "os:remove", "key": {"path": "a"}, "field": "f", "value": 1}
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown = []
    monkeypatch.setattr("ui.pending_typing.show_error", lambda parent, error: shown.append(error))

    window.offer_recovered_typing()

    assert [str(e) for e in shown] == ["What was being typed could not be put back."]
    assert not (data_dir / RECOVERY_FILE).exists()


def test_a_recovery_file_written_before_the_services_had_packages_is_put_back(
    qtbot, window, board, data_dir, monkeypatch
):
    item = agenda.add_item(meeting_id=board.meeting_id, title="Libraries")
    (data_dir / RECOVERY_FILE).write_text(
        json.dumps(
            {
                "label": "the minute's overview",
                "call": "desktop_app.services.decisions.minutes:update_minute",  # its old place
                "key": {"item_id": item.id},
                "field": "overview",
                "value": "Typed before the upgrade.",
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    window.offer_recovered_typing()

    assert minutes.minute_of(item.id).overview == "Typed before the upgrade."
    assert not (data_dir / RECOVERY_FILE).exists()
