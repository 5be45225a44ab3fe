"""A group's quarterly update through the window, by keys and clicks: drafted from the record
for a quarter (its meeting's decisions, its plan's RAG, its measure's reading, its open
action), edited and given its overall RAG, then attached to the board's next meeting as an
information item; each step undone and done again; a quarter that has not begun refused in
one sentence, the form kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop_app.services import agenda
from desktop_app.services.updates import writing
from desktop_app.storage.models import QuarterlyUpdate
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok
from tests.ui.test_plans import click
from tests.updates.seed import seed_quarter
from ui.main_window import MainWindow


@pytest.fixture
def seed(database):
    return seed_quarter()


@pytest.fixture
def editor(qtbot, seed, data_dir, warnings):
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.select("body", seed.group_id)
    page = window.body_page
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert page.tabs.currentWidget() is page.updates
    return page.updates


def draft(qtbot, editor, quarter: str = "15/08/2011", kept: list | None = None) -> None:
    """New quarterly update…: the quarter, who prepares it and its date, typed and chosen."""

    def act(dialog):
        for name, typed in (("quarter", quarter), ("date", "10/10/2011")):
            field = dialog.findChild(QLineEdit, name)
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, typed)
        officer = dialog.findChild(QComboBox, "prepared_by_id")
        officer.setFocus()
        qtbot.keyClick(officer, Qt.Key.Key_Down)  # (no one named) → Sarah Robson
        press_ok(qtbot, dialog)
        if kept is not None:
            kept.append((dialog.isVisible(), dialog.findChild(QLineEdit, "quarter").text()))
            dialog.reject()

    in_dialog(act)
    click(qtbot, editor.buttons["new_update"])


def test_an_update_is_drafted_from_the_record_and_attached_to_the_boards_meeting(
    qtbot, editor, seed, warnings
):
    window = editor.window()
    draft(qtbot, editor)
    (row,) = QuarterlyUpdate.select()
    delivery = editor.boxes["delivery"].toPlainText()
    assert "Agreed: That the group's joint written response be sent to the Cabinet." in delivery
    assert "1a Hold a worklessness forum — off track (red)" in delivery
    assert "16-18 year olds NEET: 6.2% on 30 September 2011" in delivery
    assert "Organise the worklessness stakeholder event" in editor.boxes["activity"].toPlainText()
    assert editor.form.fields["prepared_by_id"].currentText() == "Sarah Robson"
    assert "Quarter 2 2011/12" in editor.state.text()

    rag = editor.form.fields["rag"]
    rag.setFocus()
    qtbot.keyClick(rag, Qt.Key.Key_Down)  # red → amber
    overview = editor.boxes["overview"]
    window.activateWindow()  # back from the dialog
    overview.setFocus()
    qtbot.waitUntil(overview.hasFocus)
    overview.selectAll()
    qtbot.keyClicks(overview, "The LSP Board voted to dissolve on 28 September 2011.")
    qtbot.keyClick(overview, Qt.Key.Key_Tab)  # leaving the box saves it
    view = writing.get_update(row.id)
    assert (view.rag, view.values["overview"]) == (
        "amber",
        "The LSP Board voted to dissolve on 28 September 2011.",
    )

    click(qtbot, editor.buttons["attach"])
    view = writing.get_update(row.id)
    assert view.meeting_id == seed.board_meeting_id
    (item,) = agenda.list_agenda(seed.board_meeting_id)
    assert (item.title, item.kind) == (view.title, "information")
    assert "On the agenda of Maidstone Locality Board's meeting of 25 October 2011" in (
        editor.state.text()
    )
    assert not editor.buttons["attach"].isEnabled()

    window.undo_stack.undo()
    assert agenda.list_agenda(seed.board_meeting_id) == []
    assert writing.get_update(row.id).item_id is None
    window.undo_stack.redo()
    assert writing.get_update(row.id).item_id == item.id
    assert warnings == []


def test_drafting_is_undone_and_done_again(qtbot, editor):
    window = editor.window()
    draft(qtbot, editor)
    window.undo_stack.undo()
    assert QuarterlyUpdate.live().count() == 0
    assert editor.updates.count() == 0
    window.undo_stack.redo()
    assert QuarterlyUpdate.live().count() == 1
    assert editor.updates.currentText().startswith("Quarter 2 2011/12 — Quarter 2 update")


def test_a_quarter_that_has_not_begun_is_refused_and_the_form_kept(qtbot, editor, warnings):
    kept: list = []
    draft(qtbot, editor, quarter="1/1/2099", kept=kept)
    assert warnings == [
        "Quarter 4 2098/99 has not begun, so there is nothing to report for it yet."
    ]
    assert kept == [(True, "1/1/2099")]
    assert QuarterlyUpdate.select().count() == 0
