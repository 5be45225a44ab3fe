"""The document preview: pages, moving and zooming by keyboard, printing, saving."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from desktop_app.services.settings import get_setting
from tests.documents.conftest import make_report
from ui import pdf_preview
from ui.pdf_preview import SAVE_FOLDER, PdfPreview

NAME = "2012-12-17 Maidstone Locality Board agenda.pdf"


@pytest.fixture
def report(tmp_path) -> bytes:
    return make_report(tmp_path / "report.pdf", "Priorities", 3).read_bytes()


@pytest.fixture
def preview(qtbot, database, report) -> PdfPreview:
    shown = PdfPreview(
        report, title="Agenda — Maidstone Locality Board, 17 December 2012", file_name=NAME
    )
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_preview_shows_every_page_under_the_documents_title(preview):
    assert preview.windowTitle() == "Agenda — Maidstone Locality Board, 17 December 2012"
    assert preview.page_count() == 3
    assert preview.of_pages.text().strip() == "of 3"
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert not preview.publish_action.isVisible()


def test_page_down_and_up_move_a_page_and_the_box_follows(qtbot, preview):
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.current_page() == 1
    assert preview.page_box.value() == 2
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)  # past the end stays on the last
    assert preview.current_page() == 2
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    assert preview.page_box.value() == 2


def test_typing_a_page_number_goes_there(qtbot, preview):
    preview.page_box.selectAll()
    qtbot.keyClicks(preview.page_box, "3")
    qtbot.keyClick(preview.page_box, Qt.Key.Key_Return)
    assert preview.current_page() == 2


def test_ctrl_plus_and_minus_zoom_and_ctrl_0_fits_the_width_again(qtbot, preview):
    qtbot.keyClick(preview.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    larger = preview.view.zoomFactor()
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() == pytest.approx(larger / pdf_preview.ZOOM_STEP)
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_printing_puts_every_page_on_the_printer(preview, tmp_path):
    preview.print_to(pdf_printer(tmp_path / "printed.pdf"))
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 3
    assert round(float(printed.pages[0].mediabox.width)) == 595  # A4, as the document


def test_printing_a_range_prints_only_those_pages(preview, tmp_path):
    printer = pdf_printer(tmp_path / "printed.pdf")
    printer.setFromTo(2, 3)
    preview.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_ctrl_p_prints_what_the_print_dialog_was_given(qtbot, preview, tmp_path, monkeypatch):
    target = tmp_path / "dialog.pdf"

    class Dialog:
        DialogCode = QPrintDialog.DialogCode

        def __init__(self, printer, parent):
            self.printer = printer

        def setMinMax(self, low, high):  # noqa: N802 (Qt's name)
            assert (low, high) == (1, 3)

        def exec(self):
            # As if the clerk chose "Print to file" in the dialog.
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", Dialog)
    qtbot.keyClick(preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(PdfReader(target).pages) == 3


def test_save_as_suggests_the_name_and_writes_the_file(
    qtbot, preview, report, tmp_path, monkeypatch
):
    asked = []

    def choose(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "agenda copy"), filters

    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", choose)
    qtbot.keyClick(preview.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked[0].endswith(NAME)
    saved = tmp_path / "agenda copy.pdf"
    assert saved.read_bytes() == report
    assert len(PdfReader(io.BytesIO(saved.read_bytes())).pages) == 3
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    assert get_setting(SAVE_FOLDER) == str(tmp_path)


def test_save_as_into_a_missing_folder_says_so(preview, tmp_path, monkeypatch, warnings):
    missing = tmp_path / "gone" / "agenda.pdf"
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", lambda *a: (str(missing), ""))
    preview.save_as()
    assert warnings == [f"There is no folder {missing.parent}; choose one that exists."]
    assert not missing.exists()


def test_cancelling_save_as_writes_nothing(preview, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    preview.save_as()
    assert get_setting(SAVE_FOLDER) == ""


def test_a_public_edition_offers_publish(qtbot, database, report):
    published = []
    shown = PdfPreview(report, title="Public agenda", file_name=NAME, publish=published.append)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.publish_action.isVisible()
    shown.publish_action.trigger()
    assert published == [report]
