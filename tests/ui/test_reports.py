"""Writing a committee report through the window as an officer does: from the body's
template, section by section with the keyboard; submitting it, approving it for publication
by a named officer, issuing the agenda pack that holds it, and recording the decision
against its recommendations; undo across it all; a refusal said in one sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from desktop_app.services.decisions import minutes
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import pack_issues
from desktop_app.services.reports import templates, writing
from desktop_app.storage import store
from tests.documents.test_report_pdf import flat
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok, type_into
from tests.ui.test_pack_issues import issue


@pytest.fixture
def item(board):
    templates.set_body_report_template(
        body_id=board.body_id,
        heading="Maidstone Borough Council",
        wording={"risk": "No significant risks arise from this report."},
    )
    return agenda.add_item(meeting_id=board.meeting_id, title="Local Strategic Partnership")


@pytest.fixture
def editor(qtbot, window, board, item, warnings):
    """The Reports tab at the item; a warning goes to `warnings`, never to a modal box."""
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.reports)
    page.reports.select_item(item.id)
    return page.reports


def click(qtbot, button) -> None:
    """Click a button once it is shown and laid out, as the officer sees it."""
    qtbot.waitUntil(lambda: button.isVisible() and button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def write_into(qtbot, box: QPlainTextEdit, *lines: str) -> None:
    """Type lines into a section, Enter between them, then Tab on to the next field."""
    box.setFocus()
    box.selectAll()
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # leaving the box saves it


def write_the_report(qtbot, editor) -> str:
    click(qtbot, editor.buttons["write"])
    report = writing.report_of_item(editor.item_id())
    assert editor.boxes["risk"].toPlainText() == "No significant risks arise from this report."
    type_into(qtbot, editor.form.fields["report_of_role"], "Overview & Scrutiny Officer")
    write_into(
        qtbot,
        editor.boxes["introduction"],
        "At its meeting of the 1 November 2011, the Committee resolved that:",
        "- A written update should be provided by the LSP lead officer.",
    )
    write_into(
        qtbot,
        editor.boxes["recommendations"],
        "The Committee is recommended to consider the written update (Appendix A).",
        "Areas for discussion may include:",
        "- The future of the delivery groups;",
        "- The impact overall on Maidstone.",
    )
    click(qtbot, editor.relevant["financial"])
    write_into(qtbot, editor.boxes["financial"], "The LSP's grant of £25,000 ends in March.")
    return report.id


def approve_as(qtbot, editor, name: str) -> None:
    def choose(dialog):
        combo = dialog.widgets["approver_id"]
        combo.setCurrentIndex(combo.findText(name))
        press_ok(qtbot, dialog)

    in_dialog(choose)
    click(qtbot, editor.buttons["approve"])


def test_a_report_written_from_the_template_submitted_approved_and_issued(
    qtbot, window, editor, board
):
    report_id = write_the_report(qtbot, editor)
    values = writing.get_report(report_id).values
    assert values["report_of_role"] == "Overview & Scrutiny Officer"
    assert values["introduction"].endswith(
        "\n- A written update should be provided by the LSP lead officer."
    )
    assert values["financial_relevant"] and values["financial"].startswith("The LSP's grant")

    click(qtbot, editor.buttons["submit"])
    assert writing.get_report(report_id).state == "submitted"
    assert editor.boxes["introduction"].isReadOnly()  # a submitted report does not change
    approve_as(qtbot, editor, "Cllr Mrs Paulina Stockell")
    report = writing.get_report(report_id)
    assert (report.state, report.approved_by) == ("approved", "Cllr Mrs Paulina Stockell")
    assert "Approved for publication by Cllr Mrs Paulina Stockell" in editor.state.text()

    issue(qtbot, window, "full")
    issued = pack_issues.latest_issue(board.meeting_id)
    text = flat(store.path_of(issued.pdf_sha256).read_bytes())
    assert "Maidstone Borough Council Maidstone Locality Board Monday 17 December 2012" in text
    assert "2.2 Areas for discussion may include: • The future of the delivery groups;" in text
    assert "Financial: The LSP's grant of £25,000 ends in March." in text
    assert "No significant risks arise from this report." in text


def test_the_minute_takes_the_approved_reports_recommendations(qtbot, window, editor, item):
    write_the_report(qtbot, editor)
    click(qtbot, editor.buttons["submit"])
    approve_as(qtbot, editor, "CI Jon Bumpus")
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.minutes)
    page.minutes.select_item(item.id)
    click(qtbot, page.minutes.offer_button)
    assert list(minutes.minute_of(item.id).recommendations) == [
        "The Committee is recommended to consider the written update (Appendix A).",
        "Areas for discussion may include: The future of the delivery groups; "
        "The impact overall on Maidstone.",
    ]
    assert not page.minutes.offer_button.isVisible()  # they are the minute's now
    window.undo_action.trigger()
    assert list(minutes.minute_of(item.id).recommendations) == []


def test_each_step_is_undone_and_redone(qtbot, window, editor, item):
    report_id = write_the_report(qtbot, editor)
    click(qtbot, editor.buttons["submit"])
    approve_as(qtbot, editor, "CI Jon Bumpus")
    window.undo_action.trigger()
    assert writing.get_report(report_id).state == "submitted"
    window.undo_action.trigger()
    assert writing.get_report(report_id).state == "draft"
    window.undo_action.trigger()  # the financial text
    assert writing.get_report(report_id).values["financial"] == ""
    for _ in range(4):  # the tick, the recommendations, the introduction, the role
        window.undo_action.trigger()
    assert writing.get_report(report_id).values["introduction"] == ""
    window.undo_action.trigger()  # writing the report at all
    assert writing.report_of_item(item.id) is None
    assert editor.buttons["write"].isVisible()
    for _ in range(8):
        window.redo_action.trigger()
    report = writing.get_report(report_id)
    assert (report.state, report.approved_by) == ("approved", "CI Jon Bumpus")
    assert report.values["financial"].startswith("The LSP's grant")


def test_returning_to_draft_is_undone_to_the_approval_it_had(qtbot, window, editor):
    report_id = write_the_report(qtbot, editor)
    click(qtbot, editor.buttons["submit"])
    approve_as(qtbot, editor, "CI Jon Bumpus")
    click(qtbot, editor.buttons["draft"])
    assert writing.get_report(report_id).state == "draft"
    assert not editor.boxes["introduction"].isReadOnly()
    window.undo_action.trigger()
    report = writing.get_report(report_id)
    assert (report.state, report.approved_by) == ("approved", "CI Jon Bumpus")


def test_approving_by_no_one_is_refused_in_one_sentence(qtbot, editor, warnings):
    report_id = write_the_report(qtbot, editor)
    click(qtbot, editor.buttons["submit"])

    def no_one(dialog):
        press_ok(qtbot, dialog)  # nobody chosen: refused, and the dialog stays open
        assert dialog.isVisible()
        dialog.reject()

    in_dialog(no_one)
    click(qtbot, editor.buttons["approve"])
    assert warnings == ["Choose the officer who approves the report for publication."]
    assert writing.get_report(report_id).state == "submitted"


def test_a_report_without_recommendations_is_not_submitted(qtbot, editor, warnings):
    click(qtbot, editor.buttons["write"])
    type_into(qtbot, editor.form.fields["report_of_role"], "Head of Finance")
    click(qtbot, editor.buttons["submit"])
    assert warnings == ["The report makes no recommendation; write its Recommendation."]
    assert writing.report_of_item(editor.item_id()).state == "draft"


def test_an_empty_title_is_refused_and_the_title_stays(qtbot, editor, warnings):
    click(qtbot, editor.buttons["write"])
    type_into(qtbot, editor.form.fields["title"], " ")
    assert warnings == ["The report's title cannot be empty."]
    assert writing.report_of_item(editor.item_id()).values["title"] == "Local Strategic Partnership"


def test_tab_moves_from_section_to_section(qtbot, editor):
    click(qtbot, editor.buttons["write"])
    box = editor.boxes["introduction"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.boxes["recommendations"]


def test_every_control_has_an_accessible_name(qtbot, editor):
    click(qtbot, editor.buttons["write"])
    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QCheckBox, QPushButton, QListWidget)
    controls = [w for kind in kinds for w in editor.findChildren(kind) if w.parent() is not None]
    # A combo box's own line edit is named by the combo box.
    controls = [w for w in controls if not isinstance(w.parent(), QComboBox)]
    assert controls
    unnamed = [w.objectName() for w in controls if not w.accessibleName()]
    assert unnamed == []


def test_the_bodys_report_template_is_edited_and_undone(qtbot, window, board, warnings):
    window.select("body", board.body_id)

    def fill(dialog):
        dialog.heading.setText("Kent County Council")
        dialog.sections["risk"].setChecked(False)
        dialog.wording["background"].setPlainText("None.")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    click(qtbot, window.body_page.report_template_button)
    template = templates.body_report_template(board.body_id)
    assert template.heading == "Kent County Council"
    assert "risk" not in template.sections and "introduction" in template.sections
    assert template.wording == {"background": "None."}
    window.undo_action.trigger()
    assert templates.body_report_template(board.body_id) == templates.STANDARD


def test_a_section_the_template_leaves_out_is_not_offered(qtbot, window, board, item, warnings):
    templates.set_body_report_template(
        body_id=board.body_id, sections=["introduction", "recommendations"]
    )
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.reports)
    page.reports.select_item(item.id)
    click(qtbot, page.reports.buttons["write"])
    qtbot.waitUntil(lambda: page.reports.sections["introduction"].isVisible())
    assert not page.reports.sections["risk"].isVisible()
    assert not page.reports.implications.isVisible()


def test_the_preview_shows_the_report_as_it_prints(qtbot, window, editor):
    from ui.pdf_preview import PdfPreview

    write_the_report(qtbot, editor)
    click(qtbot, editor.buttons["preview"])

    def shown() -> list[PdfPreview]:
        return [w for w in window.findChildren(PdfPreview) if w.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=20000)
    (preview,) = shown()
    assert preview.windowTitle().startswith("Report — ")
    text = flat(preview.data)
    assert "2.2 Areas for discussion may include: • The future of the delivery groups;" in text
