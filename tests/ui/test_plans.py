"""A body's plan through the window, by keys and clicks: a new plan, a priority, an outcome,
an action with its RAG status and a measure with a reading recorded; each step undone and
done again; a target date before the plan starts refused in one sentence, the form kept."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton

from desktop_app.services.plans import outline, plans
from desktop_app.storage.models import PlanAction, PlanReading
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok


def fill(qtbot, **typed):
    """Type into the dialog about to open, field by field, and press OK."""

    def act(dialog):
        for name, text in typed.items():
            field = dialog.findChild(QLineEdit, name) or dialog.findChild(QPlainTextEdit, name)
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()
            for number, line in enumerate(text.split("\n")):
                if number:
                    qtbot.keyClick(field, Qt.Key.Key_Return)
                qtbot.keyClicks(field, line)
        press_ok(qtbot, dialog)

    in_dialog(act)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def editor(qtbot, window, board, warnings):
    window.select("body", board.body_id)
    page = window.body_page
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.tabs.currentWidget() is page.plans
    return page.plans


def choose(qtbot, editor, text: str) -> None:
    """Move through the tree with the keyboard to the row that starts with `text`."""
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Home)
    for _ in range(40):
        if editor.tree.currentItem().text(0).startswith(text):
            return
        qtbot.keyClick(editor.tree, Qt.Key.Key_Down)
    raise AssertionError(f"no row starting {text!r}")


def make_plan(qtbot, editor):
    fill(qtbot, title="Community Development Strategy", starts="1/1/2012", ends="31 Dec 2016")
    click(qtbot, editor.buttons["new_plan"])
    fill(qtbot, title="Tackling disadvantage", why="Life expectancy is lower\nObesity is higher")
    click(qtbot, editor.buttons["add_priority"])
    choose(qtbot, editor, "Priority 1")
    fill(qtbot, text="Improve early years development")
    click(qtbot, editor.buttons["add_outcome"])
    choose(qtbot, editor, "1a.")
    fill(qtbot, text="Increase targeted support for families", target="31/12/2015")
    qtbot.keyClick(editor.tree, Qt.Key.Key_Insert)  # Insert on an outcome adds an action
    return plans.plans_of_body(editor.body_id)[0]


def test_a_plan_is_made_row_by_row_from_the_keyboard(qtbot, editor, warnings):
    plan = make_plan(qtbot, editor)
    got = outline.plan_outline(plan.id)
    assert (got.title, got.period) == ("Community Development Strategy", "2012–2016")
    (priority,) = got.priorities
    assert priority.why_points == ["Life expectancy is lower", "Obesity is higher"]
    (action,) = got.actions
    assert (action.code, action.text) == ("1a", "Increase targeted support for families")
    assert "Increase targeted support" in editor.details.text()
    assert warnings == []


def test_a_measure_reading_is_recorded_and_undone(qtbot, window, editor):
    make_plan(qtbot, editor)
    choose(qtbot, editor, "Priority 1")
    fill(qtbot, name="Reduce percentage of obese adults", unit="%", baseline="26.5", target="24.2")
    click(qtbot, editor.buttons["add_measure"])
    choose(qtbot, editor, "Reduce percentage")
    fill(qtbot, date="31/03/2013", value="25.4")
    click(qtbot, editor.buttons["record_reading"])
    (reading,) = PlanReading.select()
    assert reading.value == 25.4
    assert editor.tree.currentItem().text(0).endswith("latest 25.4%")
    assert "31 March 2013: 25.4%" in editor.details.text()
    window.undo_stack.undo()
    assert PlanReading.live().count() == 0
    window.undo_stack.redo()
    assert [r.value for r in PlanReading.live()] == [25.4]


def test_the_rag_status_is_set_from_its_list_and_undone(qtbot, window, editor):
    make_plan(qtbot, editor)
    choose(qtbot, editor, "○ Increase")
    editor.status.setFocus()
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)  # not started → on track
    assert PlanAction.get().status == "on track"
    assert editor.tree.currentItem().text(0).startswith("●")
    window.undo_stack.undo()
    assert PlanAction.get().status == "not started"


def test_progress_in_a_quarter_sets_the_actions_rag(qtbot, window, editor):
    make_plan(qtbot, editor)
    choose(qtbot, editor, "○ Increase")

    def act(dialog):
        quarter = dialog.findChild(QLineEdit, "quarter")
        quarter.selectAll()
        qtbot.keyClicks(quarter, "15/02/2013")
        dialog.widgets["status"].setCurrentIndex(2)  # at risk
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "text"), "Funding late")
        press_ok(qtbot, dialog)

    in_dialog(act)
    click(qtbot, editor.buttons["record_progress"])
    (action,) = outline.plan_outline(plans.plans_of_body(editor.body_id)[0].id).actions
    assert (action.status, action.progress[0].text) == ("at risk", "Funding late")
    assert "Quarter 4 2012/13" in editor.details.text()
    window.undo_stack.undo()
    (action,) = outline.plan_outline(action_plan(editor)).actions
    assert (action.status, action.progress) == ("not started", ())


def action_plan(editor) -> str:
    return plans.plans_of_body(editor.body_id)[0].id


def test_a_target_before_the_plan_starts_is_refused_and_the_form_kept(qtbot, editor, warnings):
    make_plan(qtbot, editor)
    choose(qtbot, editor, "1a.")
    kept = []

    def act(dialog):
        text = dialog.findChild(QLineEdit, "text")
        qtbot.keyClicks(text, "Stakeholder event")
        target = dialog.findChild(QLineEdit, "target")
        qtbot.keyClicks(target, "31/03/2011")
        press_ok(qtbot, dialog)
        kept.append((dialog.isVisible(), text.text()))
        dialog.reject()

    in_dialog(act)
    click(qtbot, editor.buttons["add_action"])
    assert warnings == [
        "The action's target date, 31 March 2011, is before the plan starts on 1 January 2012."
    ]
    assert kept == [(True, "Stakeholder event")]
    assert PlanAction.select().count() == 1


def test_a_meetings_action_is_linked_from_the_tracker_and_shown_in_the_plan(
    qtbot, window, board, editor
):
    from desktop_app.services.decisions import actions as meeting_actions
    from desktop_app.services.meeting_cycle import agenda
    from ui.action_tracker import ActionTracker

    make_plan(qtbot, editor)
    item = agenda.add_item(meeting_id=board.meeting_id, title="Early years")
    meeting_actions.add_action(item_id=item.id, text="Report on support for families")
    tracker = ActionTracker(window.undo_stack, window.changes, window)
    qtbot.addWidget(tracker)
    tracker.table.selectRow(0)

    def pick(dialog):
        combo = dialog.widgets["plan_action_id"]
        combo.setCurrentIndex(
            combo.findText(
                "Community Development Strategy, 1a: Increase targeted support for families"
            )
        )
        press_ok(qtbot, dialog)

    in_dialog(pick)
    qtbot.mouseClick(tracker.findChild(QPushButton, "linkPlanAction"), Qt.MouseButton.LeftButton)
    assert tracker.serves.text() == (
        "Serves the plan's action Community Development Strategy, 1a: "
        "Increase targeted support for families"
    )
    choose(qtbot, editor, "○ Increase")
    assert "Report on support for families (open)" in editor.details.text()
    window.undo_stack.undo()
    assert tracker.serves.text() == ""


def test_the_plan_and_its_progress_report_print_into_the_preview(qtbot, window, editor):
    from pypdf import PdfReader

    from ui.pdf_preview import PdfPreview

    make_plan(qtbot, editor)

    def shown() -> list[PdfPreview]:
        return [w for w in window.findChildren(PdfPreview) if w.isVisible()]

    click(qtbot, editor.buttons["print_plan"])  # rendered off the GUI thread
    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=20000)
    fill(qtbot, quarter="15/05/2013")  # any day in the quarter
    click(qtbot, editor.buttons["progress_report"])
    qtbot.waitUntil(lambda: len(shown()) == 2, timeout=20000)

    plan_view, progress_view = shown()
    assert progress_view.windowTitle().endswith("progress, Quarter 1 2013/14")
    for preview in (plan_view, progress_view):
        pages = PdfReader(io.BytesIO(preview.data)).pages
        words = " ".join(" ".join(page.extract_text() for page in pages).split())
        assert "1a. Increase targeted support for families" in words
