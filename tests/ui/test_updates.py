"""A group's quarterly update through the window, by keys and clicks: drafted from the record
for a quarter (its meeting's decisions, its plan's RAG, its measure's reading, its open
action), edited and given its overall RAG, then attached to the board's next meeting as an
information item; each step undone and done again; a quarter that has not begun refused in
one sentence, the form kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop_app.services.meeting_cycle import agenda
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


def test_a_board_combines_its_groups_updates_into_one_document(qtbot, editor, seed):
    from desktop_app.documents.update_pdf import RAG_WORDS
    from tests.documents.test_report_pdf import flat
    from tests.updates.seed import QUARTER, TODAY

    made = writing.draft_update(body_id=seed.group_id, quarter=QUARTER, today=TODAY)
    window = editor.window()
    window.select("body", seed.board_id)
    assert not editor.buttons["new_update"].isEnabled()  # a board writes no update itself
    assert "reports to no board" in editor.state.text()

    def act(dialog):
        field = dialog.findChild(QLineEdit, "quarter")
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, "30/09/2011")
        press_ok(qtbot, dialog)

    in_dialog(act)
    click(qtbot, editor.buttons["combine"])
    qtbot.waitUntil(lambda: getattr(editor, "preview", None) is not None, timeout=10000)
    text = flat(editor.preview.data)
    view = writing.get_update(made.id)
    assert f"Economic Development and Regeneration — {RAG_WORDS[view.rag]}" in text
    assert "Delivery Group Priorities" in text


def test_a_search_hit_in_an_update_opens_it_on_its_groups_updates_tab(qtbot, editor, seed):
    from tests.updates.seed import QUARTER, TODAY

    made = writing.draft_update(body_id=seed.group_id, quarter=QUARTER, today=TODAY)
    writing.edit_update(update_id=made.id, overview="A reprocessing centre opens in Park Wood.")
    window = editor.window()
    window.select("body", seed.board_id)
    window.open_search()
    panel = window._search
    qtbot.keyClicks(panel.box, "reprocessing")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert panel.results.count() == 1
    assert (
        panel.results.item(0)
        .text()
        .startswith(
            "Quarter 2 update: Economic Development and Regeneration — Economic Development and "
            "Regeneration's update, Quarter 2 2011/12"
        )
    )
    panel.results.itemActivated.emit(panel.results.item(0))
    assert window.body_page.tabs.currentWidget() is editor
    assert (editor.body_id, editor.update.id) == (seed.group_id, made.id)
