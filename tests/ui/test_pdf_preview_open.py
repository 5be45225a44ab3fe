"""File ▸ Open a PDF… (Ctrl+O): any PDF from disk in the preview, its signature checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services.signatures import signing
from desktop_app.signing.signatures import VALID
from tests.signing.pdfs import PASSPHRASE, small_pdf
from tests.signing.record import sign_example
from ui import pdf_preview
from ui.main_window import MainWindow
from ui.pdf_preview import PdfPreview


@pytest.fixture
def window(qtbot, database, data_dir, tmp_path, monkeypatch) -> MainWindow:
    monkeypatch.setenv(signing.KEYS_ENV, str(tmp_path / "keys"))
    shown = MainWindow(data_dir)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(
        pdf_preview.QFileDialog, "getOpenFileName", lambda *a: (str(path), "PDF documents")
    )


def open_with_ctrl_o(qtbot, window) -> PdfPreview:
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    [preview] = window.findChildren(PdfPreview)
    qtbot.addWidget(preview)
    if preview.badge.status is None:
        qtbot.waitSignal(preview.badge.checked, timeout=20000).wait()
    return preview


def test_signed_minutes_opened_from_disk_show_whether_they_hold(
    qtbot, window, tmp_path, monkeypatch
):
    path = tmp_path / "minutes from the clerk.pdf"
    path.write_bytes(signing.signed_pdf(sign_example(PASSPHRASE)))
    choose_file(monkeypatch, path)
    preview = open_with_ctrl_o(qtbot, window)
    assert preview.windowTitle() == "minutes from the clerk.pdf"
    assert preview.badge.status == VALID and "Cllr Chris Garland" in preview.badge.text()


def test_an_unsigned_pdf_opens_without_a_badge(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "agenda.pdf"
    path.write_bytes(small_pdf())
    choose_file(monkeypatch, path)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    [preview] = window.findChildren(PdfPreview)
    qtbot.addWidget(preview)
    qtbot.waitSignal(preview.badge.checked, timeout=20000).wait()
    assert preview.page_count() == 3 and not preview.badge.isVisible()


def test_a_file_that_is_not_a_pdf_is_refused_in_one_sentence(
    qtbot, window, tmp_path, monkeypatch, warnings
):
    path = tmp_path / "minutes.pdf"
    path.write_text("Minutes of the meeting, typed in a text editor.")
    choose_file(monkeypatch, path)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert warnings == ["minutes.pdf is not a PDF document."]
    assert window.findChildren(PdfPreview) == []
