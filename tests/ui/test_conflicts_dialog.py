"""Conflicts… with a real conflict: two laptops change the board's venue at the same time
and sync through one real folder; the clerk opens the conflict from the status bar, keeps
one text or writes a merged one, and Ctrl+Z opens the conflict again."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from desktop_app.services.decisions import minutes
from desktop_app.services.directory import bodies
from desktop_app.storage.models import AgendaItem
from desktop_app.sync.conflicts import open_conflicts
from desktop_app.sync.run import sync_now
from desktop_app.sync.sharing import set_share_folder
from tests.signing.record import approve, make_board
from tests.ui.sharing_fixtures import other_laptop, shown_window, sync_with_f9
from ui.conflicts_dialog import ConflictsDialog

MINE, THEIRS = "Village Hall", "Church Rooms"


@pytest.fixture
def clash(qtbot, board, data_dir, tmp_path):
    """The window on a laptop whose venue edit clashes with the other laptop's: the board
    went out, the other laptop changed the venue, this one changed it too, then F9."""
    share = tmp_path / "share"
    share.mkdir()
    other = tmp_path / "other"
    set_share_folder(share)
    sync_now(share)  # the board goes out
    with other_laptop(other, share, data_dir):  # its first sync fetches the board
        pass
    with other_laptop(other, share, data_dir):
        bodies.update_body(body_id=board.body_id, venue=THEIRS)
    bodies.update_body(body_id=board.body_id, venue=MINE)
    window = shown_window(qtbot, data_dir)
    report = sync_with_f9(qtbot, window)
    assert report.conflicts_found == 1
    return window, board, share, other


def open_from_status_bar(qtbot, window) -> ConflictsDialog:
    button = window.sharing.conflicts_button
    assert button.isVisible() and button.text() == "1 conflict"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.sharing.open_conflicts()  # the one the click opened, brought forward
    qtbot.addWidget(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def venue(board) -> str:
    return bodies.get_body(board.body_id).venue


def test_the_conflict_shows_both_texts_with_who_and_where(qtbot, clash):
    window, board, _share, _other = clash
    assert window.sharing.status.text().endswith("· nothing waiting")
    dialog = open_from_status_bar(qtbot, window)

    row = dialog.list.topLevelItem(0)
    assert dialog.list.topLevelItemCount() == 1
    assert (row.text(0), row.text(1)) == ("Body “Maidstone Locality Board”", "Venue")
    assert dialog.mine_text.toPlainText() == MINE == venue(board)  # the record shows mine
    assert dialog.theirs_text.toPlainText() == THEIRS
    assert dialog.mine_text.isReadOnly() and dialog.theirs_text.isReadOnly()
    for who in (dialog.mine_who.text(), dialog.theirs_who.text()):
        assert f" on {socket.gethostname()}, " in who
    assert dialog.merged.toPlainText() == MINE and dialog.use_merged.isEnabled()


def test_keep_theirs_changes_the_record_and_ctrl_z_opens_the_conflict_again(qtbot, clash):
    window, board, _share, _other = clash
    window.select("body", board.body_id)  # the record beside the dialog
    dialog = open_from_status_bar(qtbot, window)

    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)

    assert venue(board) == THEIRS and open_conflicts() == []
    assert dialog.pages.currentWidget() is dialog.empty
    assert "No conflicts are open." in dialog.empty.text()
    assert not window.sharing.conflicts_button.isVisible()
    assert window.sharing.status.text().endswith("· 1 change waiting")  # the choice goes out
    assert window.body_page.fields["venue"].text() == THEIRS

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert venue(board) == MINE
    [again] = open_conflicts()
    assert (again.mine.value, again.theirs.value) == (MINE, THEIRS)
    assert dialog.list.topLevelItemCount() == 1
    assert window.sharing.conflicts_button.text() == "1 conflict"

    window.redo_action.trigger()  # the window's redo as well as the dialog's
    assert venue(board) == THEIRS and open_conflicts() == []


def test_a_merged_text_is_kept_on_both_laptops(qtbot, clash, data_dir):
    window, board, share, other = clash
    dialog = open_from_status_bar(qtbot, window)
    merged = "Village Hall (Church Rooms if the hall is booked)"
    dialog.merged.setPlainText(merged)

    qtbot.mouseClick(dialog.use_merged, Qt.MouseButton.LeftButton)
    assert venue(board) == merged and open_conflicts() == []
    assert "Ctrl+Z opens the conflict again" in dialog.hint.text()
    sync_with_f9(qtbot, window)

    with other_laptop(other, share, data_dir):
        assert venue(board) == merged
        assert open_conflicts() == []


def test_keep_mine_closes_the_conflict_and_leaves_the_record(qtbot, clash):
    window, board, _share, _other = clash
    dialog = open_from_status_bar(qtbot, window)
    dialog.list.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Keep &mine
    qtbot.waitUntil(lambda: open_conflicts() == [])  # a mnemonic clicks as an animation
    assert venue(board) == MINE
    assert window.undo_stack.undoText().startswith("Keep mine for the venue of Body")


def test_a_clash_is_listed_and_goes_once_one_side_is_renamed(qtbot, board, data_dir, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    set_share_folder(share)
    sync_now(share)
    with other_laptop(tmp_path / "other", share, data_dir):
        bodies.create_body(name="Parish Council")
    ours = bodies.create_body(name="Parish Council")  # the same name, made here meanwhile
    window = shown_window(qtbot, data_dir)
    sync_with_f9(qtbot, window)
    assert window.statusBar().currentMessage().endswith("; 1 clash to put right.")
    dialog = open_from_status_bar(qtbot, window)

    row = dialog.list.topLevelItem(0)
    assert "2 bodies called “Parish Council”" in row.text(0) and row.text(1) == "Clash"
    assert dialog.choices.isHidden()  # nothing to choose between: one of them is changed
    assert "Change one of them" in dialog.question.text()

    window.select("body", ours.id)
    name = window.body_page.fields["name"]
    name.setText("Parish Council (Upper Ward)")
    name.editingFinished.emit()

    assert dialog.pages.currentWidget() is dialog.empty
    assert not window.sharing.conflicts_button.isVisible()


def test_a_change_to_approved_minutes_can_only_be_dismissed(qtbot, database, data_dir, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    record = make_board(2)
    item = AgendaItem.get(
        (AgendaItem.meeting == record.meetings[0].id) & (AgendaItem.title == "Report 1")
    )
    set_share_folder(share)
    sync_now(share)
    with other_laptop(tmp_path / "other", share, data_dir):
        minutes.set_item_notes(item_id=item.id, notes="Too late: written after the approval.")
    approve(record, 0)
    window = shown_window(qtbot, data_dir)
    sync_with_f9(qtbot, window)
    dialog = open_from_status_bar(qtbot, window)

    conflict = dialog.selected()
    assert conflict.kind == "frozen" and dialog.list.topLevelItem(0).text(0).endswith(
        "(approved minutes)"
    )
    assert dialog.theirs_text.toPlainText() == "Too late: written after the approval."
    assert dialog.mine_who.text() == "As approved."
    assert not dialog.keep_theirs.isEnabled() and not dialog.use_merged.isEnabled()
    assert "approved" in dialog.question.text()

    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert open_conflicts() == [] and dialog.pages.currentWidget() is dialog.empty
    assert window.undo_stack.undoText().startswith("Dismiss the change")
    assert minutes.item_notes(item.id) == "Report 1 was discussed. £ “ok”"

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.kind for c in open_conflicts()] == ["frozen"]
