"""The Documents menu as a clerk uses it: open a document of the example meeting in the
preview, print and save it, and publish the public editions into a folder."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop_app.documents import catalogue
from desktop_app.errors import Cancelled
from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents
from desktop_app.services.settings import PUBLISH_FOLDER, get_setting
from desktop_app.storage.models import AgendaItem
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, make_report, pdf_text
from tests.ui.conftest import in_dialog
from ui import document_actions, pdf_preview
from ui.main_window import MainWindow

PREFIX = "2012-12-17 Maidstone Locality Board"
MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def example(qtbot, database, data_dir):
    """The main window showing the example meeting (seed 004)."""
    import_file(EXAMPLE_FILE)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    body = bodies.find_body(name="Maidstone Locality Board")
    meeting = meetings.find_meeting(body_id=body.id, date="2012-12-17")
    window.select("meeting", meeting.id)
    return window, meeting.id


@pytest.fixture
def secret(example, tmp_path):
    """A Part II item with a confidential report on the example meeting."""
    _, meeting_id = example
    item = agenda.add_item(
        meeting_id=meeting_id,
        title=f"Sale of the {SECRET_ITEM} depot",
        confidential=True,
        exempt_paragraph="3",
    )
    documents.attach_document(
        item_id=item.id,
        path=make_report(tmp_path / "depot.pdf", "Depot valuation", 2, marker=SECRET_PAPER),
        title=f"Valuation ({SECRET_PAPER})",
    )
    return item


def open_preview(qtbot, window, key: str):
    with qtbot.waitSignal(window.documents.opened, timeout=20000) as shown:
        window.documents.actions[key].trigger()
    preview = shown.args[0]
    qtbot.addWidget(preview)
    return preview


def choose_folder(monkeypatch, folder: Path) -> list[str]:
    asked: list[str] = []

    def ask(parent, caption, start):
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(document_actions.QFileDialog, "getExistingDirectory", ask)
    return asked


def test_the_agenda_opens_in_the_preview_with_all_its_pages(qtbot, example):
    window, meeting_id = example
    preview = open_preview(qtbot, window, "agenda")
    expected = len(PdfReader(io.BytesIO(catalogue.document("agenda").render(meeting_id))).pages)
    assert preview.page_count() == expected
    assert preview.windowTitle() == "Agenda — Maidstone Locality Board, 17 December 2012"
    assert "Troubled Families" in pdf_text(preview.data)
    assert not preview.publish_action.isVisible()  # the full agenda is not for publication


def test_the_action_log_is_as_at_the_same_day_in_its_name_and_on_its_pages(qtbot, example):
    window, _ = example
    window.documents._today = lambda: dt.date(2013, 3, 18)  # the window's clock, not the PC's

    preview = open_preview(qtbot, window, "actions")

    assert preview.file_name == "Maidstone Locality Board action log 2013-03-18.pdf"
    assert "Action log, as at 18 March 2013" in pdf_text(preview.data)


def test_the_previewed_agenda_prints_and_saves(qtbot, example, tmp_path, monkeypatch):
    window, _ = example
    preview = open_preview(qtbot, window, "agenda")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.page_count()

    suggested = []

    def save_as(parent, caption, start, filters):
        suggested.append(start)
        return str(tmp_path / "a.pdf"), filters

    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", save_as)
    preview.save_action.trigger()
    assert Path(suggested[0]).name == f"{PREFIX} agenda.pdf"
    assert (tmp_path / "a.pdf").read_bytes() == preview.data


def test_ctrl_shift_g_opens_the_agenda_and_the_meeting_page_has_the_menu(qtbot, example):
    window, _ = example
    assert window.meeting_page.documents_button.menu() is window.documents.menu
    window.activateWindow()
    with qtbot.waitSignal(window.documents.opened, timeout=20000) as shown:
        qtbot.keyClick(window.tree, Qt.Key.Key_G, MODIFIERS)
    qtbot.addWidget(shown.args[0])
    assert shown.args[0].windowTitle().startswith("Agenda — ")


def test_without_a_meeting_chosen_the_clerk_is_told_to_choose_one(
    qtbot, database, data_dir, warnings
):
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.documents.actions["agenda"].trigger()
    assert warnings == ["Choose a meeting on the left first."]


def test_publish_writes_only_public_editions_and_remembers_the_folder(
    qtbot, example, secret, tmp_path, monkeypatch
):
    window, _ = example
    site = tmp_path / "site"
    site.mkdir()
    asked = choose_folder(monkeypatch, site)
    with qtbot.waitSignal(window.documents.published, timeout=30000) as done:
        window.documents.publish_action.trigger()
    written = sorted(path.name for path in done.args[0])
    assert sorted(p.name for p in site.iterdir()) == written  # nothing else, no .tmp left
    assert f"{PREFIX} agenda (public).pdf" in written
    assert f"{PREFIX} minutes (draft).pdf" in written  # not yet approved
    assert all("(public)" in name or "minutes (draft)" in name for name in written)
    for path in site.iterdir():
        words = pdf_text(path.read_bytes())
        assert SECRET_ITEM not in words and SECRET_PAPER not in words
    assert get_setting(PUBLISH_FOLDER) == str(site)

    with qtbot.waitSignal(window.documents.published, timeout=30000):
        window.documents.publish_action.trigger()
    assert len(asked) == 1  # the folder was asked for once


def test_publishing_a_meeting_with_no_agenda_says_why(
    qtbot, board, data_dir, tmp_path, warnings, monkeypatch
):
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.select("meeting", board.meeting_id)
    choose_folder(monkeypatch, tmp_path)
    window.documents.publish_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings == ["This meeting has nothing to publish yet: its agenda is empty."]
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_the_public_agenda_can_be_published_from_its_preview(qtbot, example, tmp_path, monkeypatch):
    window, _ = example
    choose_folder(monkeypatch, tmp_path / "site")
    (tmp_path / "site").mkdir()
    preview = open_preview(qtbot, window, "public-agenda")
    with qtbot.waitSignal(window.documents.published):
        preview.publish_action.trigger()
    assert (tmp_path / "site" / f"{PREFIX} agenda (public).pdf").read_bytes() == preview.data


def test_a_register_asks_for_its_period_then_opens(qtbot, example):
    window, _ = example
    window.select("body", bodies.find_body(name="Maidstone Locality Board").id)

    def fill(dialog):
        dialog.widgets["since"].setText("2012-01-01")
        dialog.widgets["until"].setText("2012-12-31")
        dialog.accept()

    in_dialog(fill)
    with qtbot.waitSignal(window.documents.opened, timeout=20000) as shown:
        window.documents.actions["decisions"].trigger()
    preview = shown.args[0]
    qtbot.addWidget(preview)
    assert preview.windowTitle() == (
        "Decisions register — Maidstone Locality Board, 1 January 2012 to 31 December 2012"
    )
    assert "That the Minutes of the Meeting held on 1 October 2012" in pdf_text(preview.data)


def test_a_bad_period_keeps_the_dialog_open_with_what_was_typed(qtbot, example, warnings):
    window, _ = example
    seen = []

    def fill(dialog):
        dialog.widgets["since"].setText("last spring")
        dialog.accept()
        seen.append(dialog.isVisible())
        dialog.reject()

    in_dialog(fill)
    window.documents.actions["attendance"].trigger()
    assert seen == [True]
    assert warnings == [
        "“last spring” is not a date for the start of the period; write it as 25/06/2024, "
        "25 June 2024 or 2024-06-25."
    ]


def test_a_cancelled_document_opens_nothing_and_says_nothing(qtbot, example, warnings, monkeypatch):
    window, _ = example

    def cancelled(self, target_id, *, progress=None, **options):
        raise Cancelled("The agenda pack was cancelled.")

    monkeypatch.setattr(catalogue.DocumentKind, "render", cancelled)
    opened = []
    window.documents.opened.connect(opened.append)
    with qtbot.waitSignal(window.documents.cancelled, timeout=10000):
        window.documents.actions["pack"].trigger()
    assert opened == [] and warnings == []
    assert window.statusBar().currentMessage() == "Cancelled: nothing was made or written."


def test_a_preview_shown_before_an_item_went_into_part_two_does_not_publish_it(
    qtbot, example, tmp_path, monkeypatch, warnings
):
    window, meeting_id = example
    site = tmp_path / "site"
    site.mkdir()
    choose_folder(monkeypatch, site)
    preview = open_preview(qtbot, window, "public-agenda")
    item = AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == "34"))
    agenda.update_item(item_id=item.id, confidential=True, exempt_paragraph="3")
    preview.publish_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30000)
    assert warnings == [
        "The public agenda has changed since it was shown: open it again to see and publish it "
        "as it is now."
    ]
    assert list(site.iterdir()) == []
