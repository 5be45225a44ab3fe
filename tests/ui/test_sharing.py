"""File ▸ Sharing…, Sync now (F9) and the status bar's sharing line, as a clerk uses them,
with a second real data folder syncing through one real shared folder."""

from __future__ import annotations

import datetime as dt
import shutil
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop_app.services.directory import bodies
from desktop_app.storage.database import context
from desktop_app.sync import outgoing
from desktop_app.sync.run import SyncReport
from desktop_app.sync.share import ShareError, check_share, devices_dir
from desktop_app.sync.sharing import set_share_folder, share_folder, sharing_state
from tests.ui.conftest import in_dialog
from tests.ui.sharing_fixtures import (
    choose_share,
    other_laptop,
    sharing_shown,
    shown_window,
    sync_with_f9,
)
from ui.sharing_actions import EVERY_MS, SYNC_SHORTCUT
from ui.sharing_dialog import SharingDialog
from ui.sharing_words import news, summary, when

OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def window(qtbot, window):
    return sharing_shown(qtbot, window)


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


def sent_files(share) -> list[int]:
    """The numbers of the files this laptop has written to the share."""
    folder = devices_dir(share) / context().device_id
    return sorted(int(path.name.split(".")[0]) for path in folder.iterdir())


def refusal(folder) -> str:
    """The sentence the sync core gives for a folder it cannot use (its wording, not ours)."""
    with pytest.raises(ShareError) as refused:
        check_share(folder)
    return str(refused.value)


def names_in_tree(window) -> list[str]:
    model = window.tree_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_sharing_shows_this_machine_and_a_chosen_folder_is_synced_at_once(
    qtbot, window, share, monkeypatch
):
    assert window.sharing.status.text() == "Not sharing"  # filled in once the window shows
    assert not window.sharing.sync_action.isEnabled()
    seen = {}

    def choose(dialog: SharingDialog):
        seen["focus"] = dialog.focusWidget() is dialog.folder
        seen["machine"] = dialog.facts["machine"].text()
        seen["device"] = dialog.facts["device"].text()
        seen["last"] = dialog.facts["last_sync"].text()
        seen["stop"] = dialog.stop_button.isEnabled()
        seen["name"] = dialog.folder.accessibleName()
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(OK), Qt.MouseButton.LeftButton)

    # The folder chooser is the platform's own, which a test cannot drive.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(share))

    in_dialog(choose)
    with qtbot.waitSignal(window.sharing.synced, timeout=30000) as done:
        window.sharing.sharing_action.trigger()

    assert seen == {
        "focus": True,
        "machine": socket.gethostname(),
        "device": context().device_id,
        "last": "never",
        "stop": False,  # nothing to stop yet
        "name": "Shared folder",
    }
    assert share_folder() == share.resolve()
    assert done.args[0].changes_sent > 0  # the board went out
    assert sent_files(share) == [1]
    assert window.sharing.sync_action.isEnabled()
    assert window.sharing.timer.isActive() and window.sharing.timer.interval() == EVERY_MS
    last = when(sharing_state().last_sync)
    assert window.sharing.status.text() == f"Last sync {last} · nothing waiting"
    assert window.statusBar().currentMessage().startswith("Synced: sent ")


def test_a_folder_that_cannot_be_found_is_refused_and_the_dialog_stays_open(
    qtbot, window, tmp_path, warnings
):
    dialog = SharingDialog(window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "unplugged"))
    dialog.accept()
    assert warnings == [refusal(tmp_path / "unplugged")]
    assert dialog.result() == 0 and share_folder() is None


def test_stop_sharing_keeps_the_work_and_turns_sync_off(qtbot, window, share):
    set_share_folder(share)
    window.sharing.start()  # as at start-up
    qtbot.waitUntil(lambda: not window.sharing.running, timeout=30000)

    in_dialog(lambda dialog: dialog.stop_button.click())
    window.sharing.sharing_action.trigger()

    assert share_folder() is None
    assert window.sharing.status.text() == "Not sharing"
    assert not window.sharing.sync_action.isEnabled()
    assert not window.sharing.timer.isActive()
    assert names_in_tree(window) == ["Maidstone Locality Board"]


def test_f9_brings_the_other_laptops_work_and_clears_undo(qtbot, board, data_dir, share, tmp_path):
    assert SYNC_SHORTCUT == "F9"
    with other_laptop(tmp_path / "other", share, data_dir):
        bodies.create_body(name="Parish Council", kind="committee")
    set_share_folder(share)
    window = shown_window(qtbot, data_dir)
    window.select("body", board.body_id)
    window.body_page.fields["quorum"].setText("7")
    window.body_page.fields["quorum"].editingFinished.emit()
    assert window.undo_stack.canUndo()

    report = sync_with_f9(qtbot, window)

    assert report.changes_applied > 0 and report.skipped == []
    assert names_in_tree(window) == ["Maidstone Locality Board", "Parish Council"]
    # Rows the stack named may have changed under it (STYLE.md).
    assert not window.undo_stack.canUndo()
    message = window.statusBar().currentMessage()
    assert message.startswith("Synced: sent ") and ", received " in message


def test_the_status_bar_counts_changes_waiting_after_a_local_edit(qtbot, window, board, share):
    choose_share(qtbot, window, share)
    last = when(sharing_state().last_sync)
    assert window.sharing.status.text() == f"Last sync {last} · nothing waiting"

    window.select("body", board.body_id)
    window.body_page.fields["venue"].setText("Town Hall")
    window.body_page.fields["venue"].editingFinished.emit()

    assert outgoing.waiting() == 1
    assert window.sharing.status.text() == f"Last sync {last} · 1 change waiting"
    assert not window.sharing.conflicts_button.isVisible()


def test_sync_runs_at_start_and_at_quit(qtbot, board, data_dir, share):
    set_share_folder(share)
    window = shown_window(qtbot, data_dir)
    with qtbot.waitSignal(window.sharing.synced, timeout=30000):
        window.sharing.start()
    assert sent_files(share) == [1]
    bodies.update_body(body_id=board.body_id, venue="Town Hall")
    assert outgoing.waiting() == 1

    window.close()

    assert sent_files(share) == [1, 2]
    assert outgoing.waiting() == 0


def test_a_sync_never_starts_while_one_is_running(qtbot, window, share):
    set_share_folder(share)
    window.sharing.start()
    assert window.sharing.bar.isVisible()  # its progress, in the status bar, not a dialog
    window.sharing.sync_action.trigger()  # before the first has come back
    assert window.statusBar().currentMessage() == "A sync is already under way."
    qtbot.waitUntil(lambda: not window.sharing.running, timeout=30000)
    assert sent_files(share) == [1]
    assert not window.sharing.bar.isVisible()


def test_an_unplugged_share_on_the_timer_is_one_line_in_the_status_bar(
    qtbot, window, share, warnings, monkeypatch
):
    set_share_folder(share)
    shown_boxes = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown_boxes.append(a))
    shutil.rmtree(share)  # the network drive went away

    with qtbot.waitSignal(window.sharing.synced, timeout=30000) as done:
        window.sharing.timer.timeout.emit()

    sentence = refusal(share.resolve())
    assert done.args[0] == sentence
    assert window.statusBar().currentMessage() == sentence
    assert warnings == [] and shown_boxes == []
    assert window.sharing.status.text().startswith("Never synced · ")


def test_a_sync_now_that_cannot_reach_the_share_says_why(qtbot, window, share, warnings):
    choose_share(qtbot, window, share)
    shutil.rmtree(share)

    assert sync_with_f9(qtbot, window) == refusal(share.resolve())
    assert warnings == [refusal(share.resolve())]  # asked for: told in a box


def test_a_skipped_file_is_listed_after_sync_now(qtbot, window, share, monkeypatch):
    choose_share(qtbot, window, share)
    stray = devices_dir(share) / "notes.txt"
    stray.write_text("not ours", encoding="utf-8")
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text)
    )

    report = sync_with_f9(qtbot, window)

    assert len(report.skipped) == 1 and "notes.txt" in report.skipped[0]
    assert "1 file skipped" in window.statusBar().currentMessage()
    assert len(shown) == 1 and report.skipped[0] in shown[0]


def test_times_read_as_the_clerk_reads_them():
    now = dt.datetime(2026, 12, 3, 15, 0).astimezone()  # the clerk's own time zone

    def stored(*moment) -> str:  # as the database keeps it: UTC
        return dt.datetime(*moment).astimezone().astimezone(dt.UTC).isoformat()

    assert when(stored(2026, 12, 3, 12, 4), now) == "12:04"
    assert when(stored(2026, 2, 7, 8, 5), now) == "7 Feb 08:05"
    assert when(stored(2025, 6, 1, 9, 30), now) == "1 Jun 2025 09:30"
    assert when("") == ""


def test_a_summary_counts_what_went_each_way():
    report = SyncReport(changes_sent=1, changes_applied=12, conflicts_found=2)
    report.skipped.append("The file x was not written by Minute Book, so it is not read.")
    assert summary(report) == (
        "Synced: sent 1 change, received 12 changes; 1 file skipped; 2 new conflicts."
    )
    assert summary(SyncReport()) == "Synced: nothing new either way."
    assert news(SyncReport()) == ""  # a sync by itself that found nothing says nothing
    assert news(report) == report.skipped[0]
