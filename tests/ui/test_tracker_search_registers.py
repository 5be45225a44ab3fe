"""Finding things again: the action tracker, the registers and search, from the window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.services import search as search_service
from desktop_app.services.decisions import actions, minutes, resolutions
from desktop_app.services.meeting_cycle import agenda, meeting_status, meetings
from ui import search_panel
from ui.action_tracker import ActionTracker
from ui.models.actions import ActionsModel
from ui.registers import RegistersDialog


def meeting_with_actions(board, count):
    item = agenda.add_item(meeting_id=board.meeting_id, title="Troubled Families")
    for n in range(count):
        actions.add_action(
            item_id=item.id,
            text=f"Follow up family {n}",
            owner_person_id=board.chair_id,
            due=dt.date(2012, 12, 1) + dt.timedelta(days=n),
        )
    return item


def test_the_tracker_pages_filters_and_updates_status(qtbot, window, board):
    meeting_with_actions(board, 450)
    tracker = ActionTracker(window.undo_stack, window.changes, window)
    qtbot.addWidget(tracker)
    assert tracker.model.total == 450
    assert tracker.model.rowCount() == 200  # one page; the rest as the clerk scrolls
    while tracker.model.canFetchMore():
        tracker.model.fetchMore()
    assert tracker.model.rowCount() == 450

    tracker.text.setText("family 7")
    labels = {tracker.model.index(r, 1).data() for r in range(tracker.model.rowCount())}
    assert "Follow up family 7" in labels and "Follow up family 8" not in labels

    tracker.table.selectRow(0)
    chosen = tracker.selected()
    tracker.status_choice.setCurrentIndex(tracker.status_choice.findData("done"))
    tracker.set_status()
    assert (
        next(a for a in actions.actions_of_item(chosen.item_id) if a.id == chosen.id).status
        == "done"
    )
    window.undo_action.trigger()
    assert (
        next(a for a in actions.actions_of_item(chosen.item_id) if a.id == chosen.id).status
        == "open"
    )


def test_the_tracker_opens_the_meeting_at_the_item(qtbot, window, board):
    item = meeting_with_actions(board, 1)
    tracker = ActionTracker(window.undo_stack, window.changes, window)
    qtbot.addWidget(tracker)
    tracker.open_item.connect(window.open_item)
    tracker.table.selectRow(0)
    tracker._open_selected()
    page = window.meeting_page
    assert page.tabs.currentWidget() is page.minutes
    assert page.minutes.item_id == item.id


def test_search_finds_a_minute_and_opens_it(qtbot, window, board):
    item = agenda.add_item(meeting_id=board.meeting_id, title="Libraries")
    minutes.update_minute(item_id=item.id, overview="The mobile library visits Headcorn.")
    window.open_search()
    panel = window._search
    qtbot.keyClicks(panel.box, "Headcorn")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert panel.results.count() == 1
    assert "Headcorn" in panel.results.item(0).text()
    panel.results.itemActivated.emit(panel.results.item(0))
    assert window.meeting_page.minutes.item_id == item.id

    panel.box.setText("Zanzibar")
    panel.run()
    assert panel.summary.text() == "No matches."


def test_more_matches_adds_the_next_page_down_to_the_oldest(qtbot, window, board, monkeypatch):
    monkeypatch.setattr(search_panel, "PAGE", 2)
    monkeypatch.setattr(search_service, "WINDOW", 2)
    for day in (3, 10, 17):
        meeting = meetings.create_meeting(body_id=board.body_id, date=f"2013-06-{day:02}")
        agenda.add_item(meeting_id=meeting.id, title="Headcorn library")
    window.open_search()
    panel = window._search
    qtbot.keyClicks(panel.box, "Headcorn")
    qtbot.waitUntil(lambda: panel.results.count() == 2)
    assert "17 Jun 2013" in panel.results.item(0).text()
    assert "since 10 June 2013" in panel.summary.text() and panel.more.isVisible()
    qtbot.mouseClick(panel.more, Qt.MouseButton.LeftButton)
    assert panel.results.count() == 3 and "3 Jun 2013" in panel.results.item(2).text()
    assert panel.results.currentRow() == 2 and not panel.more.isVisible()
    assert panel.summary.text() == "3 matches"


def test_the_decisions_register_lists_a_resolution(qtbot, window, board):
    item = agenda.add_item(meeting_id=board.meeting_id, title="Priorities")
    resolutions.add_resolution(
        item_id=item.id, text="That the priorities be agreed.", outcome="agreed"
    )
    dialog = RegistersDialog(window, board.body_id)
    qtbot.addWidget(dialog)
    cells = [dialog.decisions.item(0, c).text() for c in range(dialog.decisions.columnCount())]
    assert "That the priorities be agreed." in cells[-1] and cells[3] == "Agreed"


def test_the_attendance_record_takes_its_period_as_a_clerk_writes_it(
    qtbot, window, board, warnings
):
    agenda.add_item(meeting_id=board.meeting_id, title="Priorities")
    agenda.publish_agenda(meeting_id=board.meeting_id)
    meeting_status.change_status(meeting_id=board.meeting_id, status="held", reason="")
    dialog = RegistersDialog(window, board.body_id)
    qtbot.addWidget(dialog)

    def type_date(field, text):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    type_date(dialog.since, "1/12/2012")
    type_date(dialog.until, "31 Dec 2012")
    assert warnings == []
    assert [dialog.attendance.item(r, 1).text() for r in range(dialog.attendance.rowCount())] == [
        "1",
        "1",
    ]

    type_date(dialog.until, "31/02/2013")
    assert warnings == [
        "“31/02/2013” is not a real date for the end of the period: February 2013 has 28 days."
    ]


def test_the_tracker_shows_an_actions_whole_text(qtbot, window, board):
    """A long action wraps in its row: nothing of it is cut off at the tracker's size."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    item = agenda.add_item(meeting_id=board.meeting_id, title="Community Budgets")
    text = (
        "Establish a Project Group (meeting quarterly) for Community Budgets (Troubled "
        "Families), of county and district officers, and report back to the Board"
    )
    actions.add_action(item_id=item.id, text=text, owner_person_id=board.chair_id)
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    tracker = next(w for w in window.findChildren(ActionTracker) if w.isVisible())
    qtbot.addWidget(tracker)
    qtbot.waitExposed(tracker)
    table = tracker.table
    column = ActionsModel.COLUMNS.index("Action")
    assert table.model().index(0, column).data() == text
    width = table.columnWidth(column)
    assert width >= 300  # the action is the widest column, not squeezed by the others
    needed = QFontMetrics(table.font()).boundingRect(
        QRect(0, 0, width - 12, 10_000), Qt.TextFlag.TextWordWrap, text
    )
    assert table.rowHeight(0) >= needed.height()
    assert table.model().index(0, column).data(Qt.ItemDataRole.ToolTipRole) == text
