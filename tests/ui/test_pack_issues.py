"""Issuing the agenda pack from the window and the Pack issues dialog, as a clerk uses them:
issue both editions, see them listed, open one as issued, withdraw the latest (and undo)."""

from __future__ import annotations

import hashlib
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.errors import Cancelled
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents, pack_issues
from desktop_app.storage.models import AgendaItem, PackIssue
from tests.documents import conftest as documents_fixtures
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, make_report, pdf_text
from tests.ui.conftest import in_dialog
from ui import document_actions
from ui.main_window import MainWindow
from ui.pdf_preview import PdfPreview

WHEN = "Maidstone Locality Board, 17 December 2012"
PREFIX = "2012-12-17 Maidstone Locality Board"


# The example meeting with a paper on item 34 and a Part II item with a paper.
example_meeting = documents_fixtures.example_meeting
papered_meeting = documents_fixtures.papered_meeting


@pytest.fixture
def example(qtbot, papered_meeting, data_dir, warnings):
    """The main window on the papered example meeting. A warning is kept in `warnings`
    instead of blocking the test in a modal box."""
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.select("meeting", papered_meeting.meeting_id)
    return window, papered_meeting.meeting_id


def attach(meeting_id: str, tmp_path, title: str, pages: int) -> None:
    item = AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == "34"))
    path = make_report(tmp_path / f"{title}.pdf", title, pages)
    documents.attach_document(item_id=item.id, path=path, title=title)


def issued(meeting_id: str) -> list[tuple[bool, int]]:
    return [(i.public, i.number) for i in pack_issues.list_pack_issues(meeting_id)]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def issue(qtbot, window, edition: str = "both"):
    """Issue agenda pack… from the Documents menu, choosing `edition`; the preview opened."""

    def choose(dialog):
        dialog.choose(edition)
        dialog.accept()

    in_dialog(choose)
    with qtbot.waitSignal(window.documents.opened, timeout=30000) as shown:
        window.documents.issue_action.trigger()
    preview = shown.args[0]
    qtbot.addWidget(preview)
    return preview


def open_issues(qtbot, window):
    """Pack issues… from the Documents menu, once the clerk has closed any preview."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PdfPreview):
            widget.close()
    with qtbot.waitSignal(window.documents.packs.issues_shown) as shown:
        window.documents.issues_action.trigger()
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # its keys work once it is the window in front
    return dialog


def rows(dialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in range(5)] for row in range(model.rowCount())
    ]


def two_full_issues(qtbot, window, tmp_path):
    """Issue the full pack, add a late paper, issue it again; then open Pack issues."""
    issue(qtbot, window, "full")
    attach(window.current_meeting_id(), tmp_path, "Late paper", 4)
    issue(qtbot, window, "full")
    return open_issues(qtbot, window)


def select(dialog, number: int, edition: str = "Full") -> None:
    row = next(
        r for r, e in enumerate(dialog.model.entries) if (e.edition, e.number) == (edition, number)
    )
    dialog.table.setCurrentIndex(dialog.model.index(row, 0))


@pytest.fixture
def confirm(monkeypatch) -> list[str]:
    """Answers Yes to the question asked, and keeps its text."""
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_issuing_both_editions_opens_the_full_pack_as_issued(qtbot, example):
    window, meeting_id = example
    preview = issue(qtbot, window)
    assert issued(meeting_id) == [(False, 1), (True, 1)]
    full = pack_issues.latest_issue(meeting_id)
    assert sha256(preview.data) == full.pdf_sha256
    assert preview.windowTitle() == f"Agenda pack, issue 1 — {WHEN}"
    assert preview.file_name == f"{PREFIX} agenda pack issue 1.pdf"
    assert not preview.publish_action.isVisible()  # the full pack is never published
    message = window.statusBar().currentMessage()
    assert message.startswith("Issued the agenda pack (issue 1, 8 pages) and the public")


def test_issuing_the_public_edition_alone_opens_it_with_publish(qtbot, example):
    window, meeting_id = example
    preview = issue(qtbot, window, "public")
    assert issued(meeting_id) == [(True, 1)]
    assert preview.windowTitle() == f"Public agenda pack, issue 1 — {WHEN}"
    assert preview.publish_action.isVisible()
    words = pdf_text(preview.data)
    assert (
        "Priorities and Performance" in words
        and SECRET_PAPER not in words
        and SECRET_ITEM not in words
    )


def test_undo_withdraws_the_issue_and_redo_restores_it(qtbot, example):
    window, meeting_id = example
    issue(qtbot, window)
    ids = [i.id for i in pack_issues.list_pack_issues(meeting_id)]
    assert window.undo_action.text() == (
        "&Undo Issue the agenda pack (issue 1) and the public agenda pack (issue 1)"
    )
    window.undo_action.trigger()
    assert issued(meeting_id) == []
    assert all(PackIssue.get_by_id(i).deleted_at for i in ids)  # kept, marked withdrawn
    window.redo_action.trigger()
    assert [i.id for i in pack_issues.list_pack_issues(meeting_id)] == ids


def test_the_dialog_lists_each_issue_and_enter_opens_its_exact_bytes(qtbot, example, tmp_path):
    window, meeting_id = example
    issue(qtbot, window)
    attach(meeting_id, tmp_path, "Late paper", 4)
    issue(qtbot, window, "full")
    dialog = open_issues(qtbot, window)
    assert dialog.windowTitle() == f"Pack issues — {WHEN}"
    user = PackIssue.select().first().issued_by
    assert [row[:2] + row[3:] for row in rows(dialog)] == [
        ["1", "Full", user, "8"],
        ["2", "Full (latest)", user, "13"],
        ["1", "Public (latest)", user, "6"],
    ]
    assert dialog.model.index(1, 5).data() == "Added to item 34: “Late paper”, pages 6a–6d."
    assert dialog.model.index(0, 5).data() == "First issue"

    select(dialog, 1)
    with qtbot.waitSignal(window.documents.opened, timeout=10000) as shown:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    preview = shown.args[0]
    qtbot.addWidget(preview)
    first = pack_issues.find_pack_issue(meeting_id, number=1)
    assert sha256(preview.data) == first.pdf_sha256
    assert "Late paper" not in pdf_text(preview.data)
    assert preview.windowTitle() == f"Agenda pack, issue 1 — {WHEN}"


def test_delete_withdraws_the_latest_after_asking_and_ctrl_z_brings_it_back(
    qtbot, example, tmp_path, confirm
):
    window, meeting_id = example
    dialog = two_full_issues(qtbot, window, tmp_path)
    select(dialog, 2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert confirm == [
        "Withdraw issue 2 of the agenda pack? It leaves this list. Issue 1 becomes the latest "
        "again. Ctrl+Z brings it back."
    ]
    assert issued(meeting_id) == [(False, 1)]
    assert [row[:2] for row in rows(dialog)] == [["1", "Full (latest)"]]
    assert dialog.hint.text() == "Withdrew issue 2 of the agenda pack. Ctrl+Z brings it back."

    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert issued(meeting_id) == [(False, 1), (False, 2)]
    assert [row[:2] for row in rows(dialog)] == [["1", "Full"], ["2", "Full (latest)"]]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert issued(meeting_id) == [(False, 1)]


def test_saying_no_withdraws_nothing(qtbot, example, monkeypatch):
    window, meeting_id = example
    issue(qtbot, window, "full")
    dialog = open_issues(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    dialog.withdraw_action.trigger()
    assert issued(meeting_id) == [(False, 1)]


def test_an_earlier_issue_cannot_be_withdrawn(qtbot, example, tmp_path, confirm):
    window, meeting_id = example
    dialog = two_full_issues(qtbot, window, tmp_path)
    select(dialog, 1)
    assert not dialog.withdraw_action.isEnabled()
    assert "only the latest issue of an edition can be withdrawn" in dialog.hint.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert confirm == [] and issued(meeting_id) == [(False, 1), (False, 2)]


def test_with_nothing_issued_the_dialog_says_so_and_issues_from_its_button(qtbot, example):
    window, meeting_id = example
    dialog = open_issues(qtbot, window)
    assert dialog.pages.currentWidget() is dialog.empty
    assert "Nothing has been issued yet." in dialog.empty.text()
    assert not dialog.open_action.isEnabled() and not dialog.withdraw_action.isEnabled()

    in_dialog(lambda edition: edition.accept())  # Enter: both editions
    with qtbot.waitSignal(window.documents.opened, timeout=30000) as shown:
        dialog.issue_action.trigger()
    qtbot.addWidget(shown.args[0])
    assert dialog.pages.currentWidget() is dialog.table
    assert [row[:2] for row in rows(dialog)] == [["1", "Full (latest)"], ["1", "Public (latest)"]]


def test_issuing_again_with_nothing_changed_is_refused(qtbot, example, warnings):
    window, meeting_id = example
    issue(qtbot, window)
    in_dialog(lambda edition: edition.accept())
    window.documents.issue_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30000)
    assert warnings[0].startswith(
        "Nothing has changed since issue 1 of the agenda pack and issue 1 of the public agenda "
        "pack:"
    )
    assert issued(meeting_id) == [(False, 1), (True, 1)]


def test_a_cancelled_issue_issues_nothing_and_cannot_be_undone(
    qtbot, example, warnings, monkeypatch
):
    window, meeting_id = example

    def cancelled(**arguments):
        raise Cancelled("The agenda pack was cancelled.")

    monkeypatch.setattr(pack_issues, "issue_packs", cancelled)
    in_dialog(lambda edition: edition.accept())
    with qtbot.waitSignal(window.documents.cancelled, timeout=10000):
        window.documents.issue_action.trigger()
    assert issued(meeting_id) == [] and warnings == []
    assert not window.undo_stack.canUndo()


def test_closing_the_edition_question_issues_nothing(qtbot, example):
    window, meeting_id = example
    in_dialog(lambda edition: edition.reject())
    window.documents.issue_action.trigger()
    assert issued(meeting_id) == [] and not window.undo_stack.canUndo()


def test_ctrl_shift_i_and_the_meeting_pages_button_offer_issuing(qtbot, example):
    window, meeting_id = example
    menu = window.meeting_page.documents_button.menu()
    assert window.documents.issue_action in menu.actions()
    assert window.documents.issues_action in menu.actions()
    seen = []

    def look(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    in_dialog(look)
    window.activateWindow()
    qtbot.keyClick(
        window.tree,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == ["Issue agenda pack"]


def test_publish_writes_the_issued_public_pack_not_a_fresh_one(
    qtbot, example, tmp_path, monkeypatch
):
    window, meeting_id = example
    issue(qtbot, window)
    attach(meeting_id, tmp_path, "Not yet issued", 2)
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(
        document_actions.QFileDialog, "getExistingDirectory", lambda *args: str(site)
    )
    with qtbot.waitSignal(window.documents.published, timeout=30000):
        window.documents.publish_action.trigger()
    data = (site / f"{PREFIX} agenda pack (public).pdf").read_bytes()
    assert sha256(data) == pack_issues.latest_issue(meeting_id, public=True).pdf_sha256
    assert "Not yet issued" not in pdf_text(data)
    assert (site / f"{PREFIX} minutes (draft).pdf").is_file()


# -- a public pack issued before its item went into Part II --------------------------------


def make_item_34_part_two(meeting_id: str) -> None:
    item = AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == "34"))
    agenda.update_item(item_id=item.id, confidential=True, exempt_paragraph="3")


def publish_into(monkeypatch, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(
        document_actions.QFileDialog, "getExistingDirectory", lambda *args: str(site)
    )
    return site


def test_publish_offers_a_new_public_edition_in_place_of_a_stale_one(
    qtbot, example, tmp_path, monkeypatch, confirm
):
    window, meeting_id = example
    first = pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    make_item_34_part_two(meeting_id)
    site = publish_into(monkeypatch, tmp_path)
    with qtbot.waitSignal(window.documents.published, timeout=60000):
        window.documents.publish_action.trigger()
    assert confirm == [
        "Issue 1 of the public agenda pack is stale: item 34 has become confidential since it "
        "was issued, so it is not written out again; issue a new public edition, which keeps "
        "the published page numbers.\n\nIssue a new public edition now?"
    ]
    second = pack_issues.latest_issue(meeting_id, public=True)
    assert second.number == 2
    assert window.undo_stack.undoText() == "Issue the public agenda pack (issue 2)"
    data = (site / f"{PREFIX} agenda pack (public).pdf").read_bytes()
    assert sha256(data) == second.pdf_sha256
    assert "Priorities and Performance report" not in pdf_text(data)
    pages = {e["part"]: e["labels"] for e in json.loads(first.pages)}
    assert {e["part"]: e["labels"] for e in json.loads(second.pages)}["agenda"] == pages["agenda"]


def test_declining_the_new_public_edition_publishes_nothing(qtbot, example, tmp_path, monkeypatch):
    window, meeting_id = example
    pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    make_item_34_part_two(meeting_id)
    site = publish_into(monkeypatch, tmp_path)
    asked = []

    def decline(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    window.documents.publish_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    assert list(site.iterdir()) == []
    assert issued(meeting_id) == [(True, 1)]


def test_a_stale_issue_opened_from_pack_issues_offers_the_new_edition_instead(
    qtbot, example, confirm
):
    window, meeting_id = example
    pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    make_item_34_part_two(meeting_id)
    dialog = open_issues(qtbot, window)
    select(dialog, 1, "Public")
    assert dialog.hint.text() == (
        "Issue 1 is stale: item 34 has become confidential since it was issued, so it is not "
        "shown again."
    )
    with qtbot.waitSignal(window.documents.opened, timeout=60000) as shown:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    preview = shown.args[0]
    qtbot.addWidget(preview)
    assert confirm[0].startswith("Issue 1 of the public agenda pack is stale")
    assert sha256(preview.data) == pack_issues.latest_issue(meeting_id, public=True).pdf_sha256
    assert preview.windowTitle() == f"Public agenda pack, issue 2 — {WHEN}"


def test_the_preview_of_a_stale_issue_cannot_publish_it(
    qtbot, example, tmp_path, monkeypatch, confirm
):
    window, meeting_id = example
    preview = issue(qtbot, window, "public")
    make_item_34_part_two(meeting_id)
    site = publish_into(monkeypatch, tmp_path)
    with qtbot.waitSignal(window.documents.opened, timeout=60000) as shown:
        preview.publish_action.trigger()
    qtbot.addWidget(shown.args[0])
    assert confirm[0].startswith("Issue 1 of the public agenda pack is stale")
    assert list(site.iterdir()) == []  # the clerk publishes the new issue from its preview
    assert issued(meeting_id) == [(True, 1), (True, 2)]


def test_a_meeting_held_in_private_is_not_published_from_the_window(
    qtbot, example, tmp_path, monkeypatch, warnings
):
    window, meeting_id = example
    meetings.update_meeting(meeting_id=meeting_id, is_public=False)
    site = publish_into(monkeypatch, tmp_path)
    window.documents.publish_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30000)
    assert warnings == ["This meeting was held in private, so none of its documents is published."]
    assert list(site.iterdir()) == []


def test_an_earlier_stale_issue_points_to_the_later_one(qtbot, example, warnings, monkeypatch):
    window, meeting_id = example
    pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    make_item_34_part_two(meeting_id)
    pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("asked to reissue"))
    dialog = open_issues(qtbot, window)
    select(dialog, 1, "Public")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert warnings == [
        "Issue 1 of the public agenda pack is stale: item 34 has become confidential since it "
        "was issued, so it is not written out again; issue 2, made since, is the one to publish."
    ]
    assert issued(meeting_id) == [(True, 1), (True, 2)]
