"""Building an agenda in the window: from the template, add, reorder, indent, publish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import documents
from desktop_app.storage.models import JournalEntry

ALT = Qt.KeyboardModifier.AltModifier


def open_agenda(window, board):
    window.select("meeting", board.meeting_id)
    page = window.meeting_page
    page.tabs.setCurrentWidget(page.agenda)
    return page.agenda


def titles(meeting_id):
    return [e.title for e in agenda.list_agenda(meeting_id)]


def test_an_agenda_starts_from_the_template_and_can_be_undone(qtbot, window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    assert titles(board.meeting_id)[:3] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of the Previous Meeting",
    ]
    assert editor.model.rowCount() == len(agenda.STANDARD_TEMPLATE)
    window.undo_action.trigger()
    assert titles(board.meeting_id) == []
    window.redo_action.trigger()
    assert len(titles(board.meeting_id)) == len(agenda.STANDARD_TEMPLATE)


def test_add_an_item_type_its_title_and_move_it_with_the_keyboard(qtbot, window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    editor.select(agenda.list_agenda(board.meeting_id)[3].id)  # matters arising
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    title = editor.form.fields["title"]
    qtbot.keyClicks(title, "Troubled Families")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    order = titles(board.meeting_id)
    assert order.index("Troubled Families") == order.index("Matters and Actions Arising") + 1

    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, ALT)
    order = titles(board.meeting_id)
    assert order.index("Troubled Families") == order.index("Matters and Actions Arising") - 1

    window.undo_action.trigger()  # the move
    order = titles(board.meeting_id)
    assert order.index("Troubled Families") == order.index("Matters and Actions Arising") + 1


def test_indenting_makes_a_sub_item_and_outdent_puts_it_back(qtbot, window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    entries = agenda.list_agenda(board.meeting_id)
    aob = next(e for e in entries if e.kind == "any other business")
    editor.select(aob.id)
    editor.actions_["add"].trigger()
    editor.form.fields["title"].setText("Libraries update")
    editor.form.fields["title"].editingFinished.emit()
    item = next(e for e in agenda.list_agenda(board.meeting_id) if e.title == "Libraries update")
    editor.select(item.id)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Right, ALT)
    indented = next(e for e in agenda.list_agenda(board.meeting_id) if e.id == item.id)
    assert indented.parent_id == aob.id and indented.depth == 1
    qtbot.keyClick(editor.table, Qt.Key.Key_Left, ALT)
    back = next(e for e in agenda.list_agenda(board.meeting_id) if e.id == item.id)
    assert back.parent_id is None


def test_publishing_numbers_continue_from_the_bodys_last_meeting(qtbot, window, board):
    bodies.update_body(body_id=board.body_id, numbering_next=30)
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    editor.actions_["publish"].trigger()
    numbers = [e.number for e in agenda.list_agenda(board.meeting_id)]
    assert numbers[:3] == ["30", "31", "32"]
    assert "Published" in editor.status.text()
    assert bodies.get_body(board.body_id).numbering_next == 30 + len(numbers)

    window.undo_action.trigger()
    assert [e.number for e in agenda.list_agenda(board.meeting_id)] == [""] * len(numbers)
    assert bodies.get_body(board.body_id).numbering_next == 30


def test_publishing_with_an_untitled_item_is_refused(qtbot, window, board, warnings):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    editor.actions_["add"].trigger()
    before = JournalEntry.select().count()
    editor.actions_["publish"].trigger()
    assert warnings and "no title" in warnings[-1]
    assert JournalEntry.select().count() == before
    assert all(not e.number for e in agenda.list_agenda(board.meeting_id))


def test_a_confidential_item_goes_to_part_two(qtbot, window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    first = agenda.list_agenda(board.meeting_id)[0]
    editor.select(first.id)
    editor.actions_["add"].trigger()
    editor.form.fields["title"].setText("Staffing restructure")
    editor.form.fields["title"].editingFinished.emit()
    paragraph = editor.form.fields["exempt_paragraph"]
    paragraph.setCurrentIndex(paragraph.findData("1"))
    paragraph.activated.emit(paragraph.currentIndex())
    entries = agenda.list_agenda(board.meeting_id)
    assert entries[-1].title == "Staffing restructure"
    assert (entries[-1].part, entries[-1].confidential, entries[-1].exempt_paragraph) == (
        "II",
        True,
        "1",
    )


def test_attaching_a_pdf_and_refusing_a_corrupt_one(
    qtbot, window, board, warnings, tmp_path, monkeypatch
):
    from reportlab.pdfgen import canvas

    report = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(report))
    pdf.drawString(72, 720, "Locality Board Priorities and Performance")
    pdf.save()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(report.read_bytes()[:200])

    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    item = agenda.list_agenda(board.meeting_id)[2]
    editor.select(item.id)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(report)], ""))
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert [d.title for d in documents.list_documents(item.id)] == ["report"]
    assert editor.papers.count() == 1

    before = JournalEntry.select().count()
    editor._attach_files(item.id, [str(broken)])
    assert warnings and "broken.pdf" in warnings[-1]
    assert JournalEntry.select().count() == before

    window.undo_action.trigger()
    assert documents.list_documents(item.id) == []
    assert Path(report).exists()


def test_an_item_can_follow_up_an_earlier_minute(qtbot, window, board):
    from desktop_app.services.meeting_cycle import meetings

    bodies.update_body(body_id=board.body_id, numbering_next=30)
    agenda.add_item(meeting_id=board.meeting_id, title="Troubled Families")
    agenda.publish_agenda(meeting_id=board.meeting_id)
    later = meetings.create_meeting(body_id=board.body_id, date="2013-03-18")
    item = agenda.add_item(meeting_id=later.id, title="Troubled Families: progress")
    window.refresh()
    window.select("meeting", later.id)
    editor = window.meeting_page.agenda
    window.meeting_page.tabs.setCurrentWidget(editor)
    editor.select(item.id)
    linked = editor.form.fields["linked_item_id"]
    assert linked.itemText(1) == "30 Troubled Families — 17 Dec 2012"
    linked.setCurrentIndex(1)
    linked.activated.emit(1)
    assert agenda.list_agenda(later.id)[0].linked_item_id is not None
    window.undo_action.trigger()
    assert agenda.list_agenda(later.id)[0].linked_item_id is None


SCHEMES = [
    # pattern, restart, next, first meeting, second meeting, numbers at each
    ("{n}", "never", 30, "2012-10-01", "2012-12-17", ["30", "31"], ["32", "33"]),
    ("{yy}/{n}", "yearly", 57, "2024-04-20", "2024-05-20", ["23/57", "23/58"], ["24/1", "24/2"]),
    (
        "Cou/{n}/{yy}-{yy1}",
        "never",
        285,
        "2008-04-14",
        "2008-05-19",
        ["Cou/285/07-08", "Cou/286/07-08"],
        ["Cou/287/08-09", "Cou/288/08-09"],
    ),
    ("{n}", "per-meeting", 1, "2012-10-01", "2012-12-17", ["1", "2"], ["1", "2"]),
]


@pytest.mark.parametrize("pattern, restart, start, first, second, numbers1, numbers2", SCHEMES)
def test_publishing_in_each_numbering_scheme_across_the_year_boundary(
    qtbot, window, board, pattern, restart, start, first, second, numbers1, numbers2
):
    from desktop_app.services.meeting_cycle import meetings

    meetings.delete_meeting(meeting_id=board.meeting_id)
    bodies.update_body(
        body_id=board.body_id,
        numbering_pattern=pattern,
        numbering_restart=restart,
        numbering_next=start,
    )
    for day, expected in ((first, numbers1), (second, numbers2)):
        meeting = meetings.create_meeting(body_id=board.body_id, date=day)
        for title in ("Apologies for Absence", "Minutes"):
            agenda.add_item(meeting_id=meeting.id, title=title, kind="report")
        window.refresh()
        window.select("meeting", meeting.id)
        editor = window.meeting_page.agenda
        window.meeting_page.tabs.setCurrentWidget(editor)
        assert [editor.model.index(r, 0).data() for r in range(2)] == expected  # the preview
        editor.actions_["publish"].trigger()
        assert [e.number for e in agenda.list_agenda(meeting.id)] == expected


def test_undoing_a_move_puts_back_the_old_rank_and_redo_the_new(qtbot, window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    moved = agenda.list_agenda(board.meeting_id)[1]
    old = agenda.place_of(moved.id)
    editor.select(moved.id)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, ALT)
    new = agenda.place_of(moved.id)
    assert new != old and titles(board.meeting_id)[2] == moved.title
    journal = JournalEntry.select().count()

    window.undo_action.trigger()
    assert agenda.place_of(moved.id) == old
    assert JournalEntry.select().count() == journal + 1  # the one row, back as it was

    window.redo_action.trigger()
    assert agenda.place_of(moved.id) == new


def test_undoing_an_outdent_puts_the_sub_item_back_among_its_siblings(qtbot, window, board):
    editor = open_agenda(window, board)
    editor.actions_["template"].trigger()
    aob = next(e for e in agenda.list_agenda(board.meeting_id) if e.kind == "any other business")
    for title in ("Libraries", "Youth", "Parks"):
        agenda.add_item(meeting_id=board.meeting_id, title=title, parent_id=aob.id)
    editor.refresh()
    youth = next(e for e in agenda.list_agenda(board.meeting_id) if e.title == "Youth")
    old = agenda.place_of(youth.id)
    editor.select(youth.id)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Left, ALT)
    assert agenda.place_of(youth.id).parent_id is None

    window.undo_action.trigger()

    assert agenda.place_of(youth.id) == old
    subs = [e.title for e in agenda.list_agenda(board.meeting_id) if e.parent_id == aob.id]
    assert subs == ["Libraries", "Youth", "Parks"]
