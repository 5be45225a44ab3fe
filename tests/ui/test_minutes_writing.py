"""Writing the minutes of the example meeting through the window: the text of item 33, a
resolution and its vote, a refused vote, an election, an action carried to the next
meeting, approval at the next meeting, and undo across it all."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from desktop_app.exchange import import_file
from desktop_app.services.decisions import actions, minutes, resolutions
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, declarations, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from desktop_app.storage.models import JournalEntry
from tests.ui.conftest import in_dialog
from tests.ui.test_body_editing import press_ok
from ui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "locality-board.json"


@pytest.fixture
def example(qtbot, database, data_dir):
    import_file(EXAMPLE)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    board = bodies.find_body(name="Maidstone Locality Board")
    meeting = meetings.find_meeting(body_id=board.id, date="2012-12-17")
    window.select("meeting", meeting.id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.minutes)
    return window, board, meeting


def item(meeting, number):
    return next(e for e in agenda.list_agenda(meeting.id) if e.number == number)


def test_writing_the_minute_of_item_33_and_undoing_it(qtbot, example):
    window, _, meeting = example
    editor = window.meeting_page.minutes
    item33 = item(meeting, "33")
    editor.select_item(item33.id)
    before = minutes.minute_of(item33.id)

    overview = editor.boxes["overview"]
    overview.setFocus()
    overview.selectAll()
    qtbot.keyClicks(overview, "Payment by results: £3,200 per family.")
    points = editor.boxes["key_points"]
    points.setFocus()  # leaving the overview saves it
    points.selectAll()
    qtbot.keyClicks(points, "Intensive support")
    qtbot.keyClick(points, Qt.Key.Key_Return)
    qtbot.keyClicks(points, "69 families identified")
    editor.boxes["decision"].setFocus()

    text = minutes.minute_of(item33.id)
    assert text.overview == "Payment by results: £3,200 per family."
    assert list(text.key_points) == ["Intensive support", "69 families identified"]
    window.undo_action.trigger()
    assert list(minutes.minute_of(item33.id).key_points) == list(before.key_points)
    window.undo_action.trigger()
    assert minutes.minute_of(item33.id).overview == before.overview
    window.redo_action.trigger()
    assert minutes.minute_of(item33.id).overview.startswith("Payment by results")


def test_a_resolution_with_a_vote_and_named_votes(qtbot, example):
    window, _, meeting = example
    editor = window.meeting_page.minutes
    item35 = item(meeting, "35")
    editor.select_item(item35.id)
    count = len(resolutions.list_resolutions(item35.id))

    def fill(dialog):
        dialog.widgets["text"].setText("That a focus group on school places be set up.")
        outcome = dialog.widgets["outcome"]
        outcome.setCurrentIndex(outcome.findData("agreed"))
        dialog.widgets["votes_for"].setText("12")
        dialog.widgets["votes_against"].setText("2")
        dialog.widgets["votes_abstain"].setText("1")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    editor.resolved.add_resolution()
    made = resolutions.list_resolutions(item35.id)
    assert len(made) == count + 1
    new = made[-1]
    assert (new.outcome, new.votes_for, new.votes_against, new.votes_abstain) == (
        "agreed",
        12,
        2,
        1,
    )

    editor.select_item(item35.id)
    editor.resolved.list.setCurrentRow(editor.resolved.list.count() - 1)

    def named(dialog):
        first = next(iter(dialog.combos.values()))
        first.setCurrentIndex(first.findData("against"))
        dialog.accept()

    in_dialog(named)
    editor.resolved.named_votes()
    assert [vote for _, _, vote in resolutions.list_resolutions(item35.id)[-1].named_votes] == [
        "against"
    ]
    window.undo_action.trigger()
    assert resolutions.list_resolutions(item35.id)[-1].named_votes == ()
    window.undo_action.trigger()
    assert len(resolutions.list_resolutions(item35.id)) == count


def test_a_vote_from_a_member_who_declared_an_interest_and_left_is_refused(
    qtbot, example, warnings
):
    window, _, meeting = example
    item34 = item(meeting, "34")
    garland = next(e for e in attendance_sheet(meeting.id) if "Garland" in e.name)
    declarations.declare_interest(
        meeting_id=meeting.id,
        item_id=item34.id,
        person_id=garland.person_id,
        kind="other significant",
        description="Chairs the sub-group",
        left_room=True,
    )
    editor = window.meeting_page.minutes
    editor.refresh()
    editor.select_item(item34.id)
    before = JournalEntry.select().count()
    offered = []

    def fill(dialog):
        proposer = dialog.widgets["proposer_id"]
        offered.append(proposer.findData(garland.person_id))
        dialog.widgets["text"].setText("That the priorities be agreed.")
        dialog.widgets["votes_for"].setText("40")
        press_ok(qtbot, dialog)
        dialog.reject()

    in_dialog(fill)
    editor.resolved.add_resolution()
    assert offered == [-1]  # not even offered as a proposer
    assert warnings and "may vote" in warnings[0]
    assert JournalEntry.select().count() == before


def test_electing_a_chair_for_this_meeting(qtbot, example):
    window, _, meeting = example
    editor = window.meeting_page.minutes
    first = item(meeting, "30")
    editor.select_item(first.id)
    stockell = next(e for e in attendance_sheet(meeting.id) if "Stockell" in e.name)

    def fill(dialog):
        person = dialog.widgets["person_id"]
        person.setCurrentIndex(person.findData(stockell.person_id))
        press_ok(qtbot, dialog)

    in_dialog(fill)
    editor.resolved.elect()
    assert meetings.get_meeting(meeting.id).chair_id == stockell.person_id
    window.undo_action.trigger()
    assert meetings.get_meeting(meeting.id).chair_id is None


def test_an_action_appears_at_the_next_meeting_and_approval_freezes_the_minutes(
    qtbot, example, warnings
):
    window, board, meeting = example
    editor = window.meeting_page.minutes
    item35 = item(meeting, "35")
    editor.select_item(item35.id)

    def fill(dialog):
        dialog.widgets["text"].setText("Report school place figures to the Board")
        dialog.widgets["due"].setText("2013-03-01")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    editor.actions.add_action()
    assert any(
        a.text == "Report school place figures to the Board"
        for a in actions.actions_of_item(item35.id)
    )

    march = meetings.create_meeting(body_id=board.id, date="2013-03-18", start_time="14:30")
    agenda.start_agenda(meeting_id=march.id)
    window.refresh()
    window.select("meeting", march.id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.minutes)
    arising = next(e for e in agenda.list_agenda(march.id) if e.kind == "matters arising")
    page.minutes.select_item(arising.id)
    listed = [
        page.minutes.arising.list.item(r).text() for r in range(page.minutes.arising.list.count())
    ]
    assert any("Report school place figures" in line for line in listed)

    previous = next(e for e in agenda.list_agenda(march.id) if e.kind == "previous minutes")
    page.minutes.select_item(previous.id)
    page.minutes.approve_button.click()
    with pytest.raises(Exception) as refused:
        minutes.update_minute(item_id=item35.id, decision="Changed afterwards")
    assert "approved" in str(refused.value)

    window.select("meeting", meeting.id)
    page.tabs.setCurrentWidget(page.minutes)
    page.minutes.select_item(item35.id)
    box = page.minutes.boxes["decision"]
    box.setFocus()
    qtbot.keyClicks(box, " amended")
    qtbot.waitUntil(lambda: bool(warnings), timeout=3000)  # saved after the typing pause
    assert warnings and "approved" in warnings[-1]
    assert "amended" not in minutes.minute_of(item35.id).decision

    window.undo_action.trigger()  # the approval
    minutes.update_minute(item_id=item35.id, decision="Changed before approval")


def test_a_draft_version_is_circulated_and_both_steps_undo(qtbot, example):
    from desktop_app.services.decisions import minutes_versions

    window, _, meeting = example
    editor = window.meeting_page.minutes
    editor.standing.draft_button.click()
    assert [v.state for v in minutes_versions.list_versions(meeting.id)] == ["draft"]
    editor.standing.circulate_button.click()
    assert minutes_versions.list_versions(meeting.id)[-1].state == "circulated"
    assert "circulated" in editor.standing.versions.text()
    assert meetings.get_meeting(meeting.id).status == "minutes circulated"
    window.undo_action.trigger()
    assert minutes_versions.list_versions(meeting.id)[-1].state == "draft"
    window.undo_action.trigger()
    assert minutes_versions.list_versions(meeting.id) == []


def test_the_motion_typed_into_a_new_resolution_follows_its_that(qtbot, example, warnings):
    """The dialog opens on "That " with the cursor after it: what the clerk types is the motion
    (it was selected, so typing replaced it and the resolution was refused)."""
    window, _, meeting = example
    editor = window.meeting_page.minutes
    item35 = item(meeting, "35")
    editor.select_item(item35.id)

    def fill(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        text = dialog.widgets["text"]
        qtbot.waitUntil(text.hasFocus)
        assert (text.text(), text.selectedText(), text.cursorPosition()) == ("That ", "", 5)
        qtbot.keyClicks(text, "a focus group be set up.")
        qtbot.keyClick(text, Qt.Key.Key_Return)

    in_dialog(fill)
    editor.resolved.add_resolution()
    assert not warnings, warnings
    assert resolutions.list_resolutions(item35.id)[-1].text == "That a focus group be set up."


def test_another_item_is_read_from_its_top(qtbot, example):
    window, _, meeting = example
    editor = window.meeting_page.minutes
    editor.select_item(item(meeting, "33").id)
    bar = editor.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())  # the clerk scrolled down to the actions
    assert bar.value() > 0

    editor.select_item(item(meeting, "35").id)

    assert bar.value() == 0


def test_the_whole_count_typed_as_for_fills_against_and_abstentions(qtbot, example, warnings):
    window, _, meeting = example
    editor = window.meeting_page.minutes
    item35 = item(meeting, "35")
    editor.select_item(item35.id)
    count = len(resolutions.list_resolutions(item35.id))
    kept = []

    def fill(dialog):
        qtbot.keyClicks(dialog.widgets["text"], "a focus group be set up.")
        dialog.widgets["votes_for"].setText("9 – 2 – 1")  # en dashes, as a clerk's notes have
        qtbot.keyClicks(dialog.widgets["votes_against"], "2")
        qtbot.keyClick(dialog.widgets["votes_for"], Qt.Key.Key_Return)
        kept.append(dialog.isVisible())  # the count given twice: refused, all kept
        dialog.widgets["votes_against"].clear()
        qtbot.keyClick(dialog.widgets["votes_for"], Qt.Key.Key_Return)

    in_dialog(fill)
    editor.resolved.add_resolution()

    assert kept == [True] and "is the whole count" in warnings[0]
    made = resolutions.list_resolutions(item35.id)
    assert len(made) == count + 1
    assert (made[-1].text, made[-1].votes_for, made[-1].votes_against, made[-1].votes_abstain) == (
        "That a focus group be set up.",
        9,
        2,
        1,
    )


def test_a_long_item_title_is_read_whole_in_the_list_of_items(qtbot, example):
    window, _, meeting = example
    window.resize(1280, 820)
    items = window.meeting_page.minutes.items
    row = next(i for i in range(items.count()) if items.item(i).text().startswith("33 "))
    qtbot.waitUntil(lambda: items.viewport().width() > 100)

    shown = items.visualItemRect(items.item(row))
    line = items.fontMetrics().height()
    assert shown.right() <= items.viewport().width()  # nothing off to the right
    assert shown.height() >= 2 * line  # wrapped onto another line instead
    assert not items.horizontalScrollBar().isVisible()
