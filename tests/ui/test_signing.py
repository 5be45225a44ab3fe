"""Signing approved minutes from the minutes tab, and the badge that verifies them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.services.signatures import signing
from desktop_app.signing.signatures import CHANGED, VALID
from desktop_app.storage import store
from desktop_app.storage.models import MinutesVersion
from tests.signing.pdfs import PASSPHRASE
from tests.signing.record import approve, make_board
from tests.ui.conftest import in_dialog
from ui.main_window import MainWindow


@pytest.fixture
def signing_window(qtbot, database, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(signing.KEYS_ENV, str(tmp_path / "keys"))
    board = make_board(2)
    approve(board, 0)
    signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE)
    return on_minutes(qtbot, data_dir, board), board


def on_minutes(qtbot, data_dir, board) -> MainWindow:
    """The window on the minutes tab of the board's first meeting."""
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    window.select("meeting", board.meetings[0].id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.minutes)
    return window


def sign_with(qtbot, passphrase: str):
    def fill(dialog):
        assert dialog.key_path.text().endswith(".p12")  # this machine's key of the chair
        qtbot.keyClicks(dialog.passphrase, passphrase)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    in_dialog(fill)


def signed_version(board):
    return MinutesVersion.get(MinutesVersion.meeting == board.meetings[0].id)


def test_the_chair_signs_approved_minutes_and_the_badge_says_valid(qtbot, signing_window):
    """The badge in the meeting's header, above every tab, says the signature verifies."""
    window, board = signing_window
    editor = window.meeting_page.minutes
    assert editor.standing.sign_button.isVisible() and not window.meeting_page.badge.isVisible()

    sign_with(qtbot, PASSPHRASE)
    editor.standing.sign_button.click()
    qtbot.waitUntil(lambda: window.meeting_page.badge.status == VALID, timeout=10000)

    assert signed_version(board).state == "signed"
    assert "Signed and unchanged" in window.meeting_page.badge.text()
    assert "Cllr Chris Garland" in window.meeting_page.badge.text()
    assert "Certificate SHA-256" in window.meeting_page.badge.toolTip()
    assert not editor.standing.sign_button.isVisible()


def test_after_signing_the_keyboard_stays_at_the_top_of_the_minutes(qtbot, signing_window):
    window, board = signing_window
    editor = window.meeting_page.minutes
    editor.standing.sign_button.setFocus()  # reached with Tab, pressed with Space
    sign_with(qtbot, PASSPHRASE)
    qtbot.keyClick(editor.standing.sign_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.meeting_page.badge.status == VALID, timeout=10000)

    # The button went with the signature: the item list has the keyboard, and the standing
    # the clerk has just changed is still in view.
    assert window.focusWidget() is editor.items
    scroll = editor.findChild(QScrollArea)
    assert scroll.verticalScrollBar().value() == 0


def test_a_wrong_passphrase_is_shown_and_nothing_is_signed(qtbot, signing_window, warnings):
    window, board = signing_window
    editor = window.meeting_page.minutes
    sign_with(qtbot, "not the passphrase")
    editor.standing.sign_button.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "passphrase does not open" in warnings[-1]
    assert signed_version(board).state == "approved"


def test_the_badge_says_changed_when_the_stored_file_was_altered(qtbot, signing_window):
    window, board = signing_window
    signing.sign_minutes(
        meeting_id=board.meetings[0].id,
        key_path=signing.key_file_for(board.chair.id),
        passphrase=PASSPHRASE,
        render=render_minutes,
    )
    path = store.path_of(signed_version(board).pdf_sha256)
    data = bytearray(path.read_bytes())
    data[200] ^= 1
    path.write_bytes(bytes(data))
    page = window.meeting_page
    with qtbot.waitSignal(page.badge.checked, timeout=10000):  # checked off the GUI thread
        page.show_meeting(board.meetings[0].id)
    assert page.badge.status == CHANGED
    assert "Changed since signing" in page.badge.text()


def test_signing_shows_no_cancel_and_quitting_waits_for_the_signature(qtbot, signing_window):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    window, board = signing_window
    sign_with(qtbot, PASSPHRASE)
    window.meeting_page.minutes.standing.sign_button.click()
    # Signing writes the signed version in one go: no Cancel is offered that could not stop it.
    progress = window.findChildren(QProgressDialog)[-1]
    assert progress.findChildren(QPushButton) == []
    window.close()  # at once, while the signature is being made

    assert signed_version(board).state == "signed"


def test_a_chair_with_no_key_has_one_made_in_the_sign_dialog(
    qtbot, database, data_dir, tmp_path, monkeypatch, warnings
):
    """A clerk in the window alone (no command line) gets the chair's key made as they sign:
    the passphrase typed twice; two that differ are refused with the dialog kept open."""
    monkeypatch.setenv(signing.KEYS_ENV, str(tmp_path / "keys"))
    board = make_board(2)
    approve(board, 0)
    window = on_minutes(qtbot, data_dir, board)
    editor = window.meeting_page.minutes
    kept_open = []

    def fill(dialog):
        assert dialog.key_path.text() == "" and dialog.repeat.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, PASSPHRASE + "x")
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
        kept_open.append(dialog.isVisible())
        dialog.repeat.clear()
        qtbot.keyClicks(dialog.repeat, PASSPHRASE)
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)

    in_dialog(fill)
    editor.standing.sign_button.click()
    qtbot.waitUntil(lambda: window.meeting_page.badge.status == VALID, timeout=10000)

    assert kept_open == [True]
    assert warnings == ["The two passphrases differ; type the same one twice."]
    assert signing.key_file_for(board.chair.id) is not None
    assert signed_version(board).state == "signed"
