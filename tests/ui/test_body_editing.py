"""Editing a body and its members through the window, with undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage.models import JournalEntry
from tests.ui.conftest import in_dialog


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def press_ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_renaming_a_body_is_saved_at_once_and_undoable(qtbot, window, board):
    window.select("body", board.body_id)
    name_field = window.body_page.fields["name"]

    type_into(qtbot, name_field, "Maidstone Locality Board (2013)")
    assert bodies.get_body(board.body_id).name == "Maidstone Locality Board (2013)"
    assert window.tree.currentIndex().data() == "Maidstone Locality Board (2013)"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bodies.get_body(board.body_id).name == "Maidstone Locality Board"
    assert name_field.text() == "Maidstone Locality Board"

    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert bodies.get_body(board.body_id).name == "Maidstone Locality Board (2013)"


def test_a_refused_quorum_is_explained_and_kept_as_typed(qtbot, window, board, warnings):
    window.select("body", board.body_id)
    before = JournalEntry.select().count()

    type_into(qtbot, window.body_page.fields["quorum"], "half")

    assert warnings and "“half” is not a quorum" in warnings[-1]
    assert window.body_page.fields["quorum"].text() == "half"
    assert bodies.get_body(board.body_id).quorum == "6"
    assert JournalEntry.select().count() == before
    assert not window.undo_stack.canUndo()


def test_changing_the_kind_of_body_from_its_list(qtbot, window, board):
    window.select("body", board.body_id)
    combo = window.body_page.fields["kind"]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("committee"))
    combo.activated.emit(combo.currentIndex())
    assert bodies.get_body(board.body_id).kind == "committee"
    window.undo_action.trigger()
    assert bodies.get_body(board.body_id).kind == "board"


def test_adding_a_member_through_the_dialog_then_undo_and_redo(qtbot, window, board):
    window.select("body", board.body_id)

    def fill(dialog):
        person = dialog.widgets["person_id"]
        person.setCurrentIndex(person.findData(board.newcomer_id))
        role = dialog.widgets["role"]
        role.setCurrentIndex(role.findData("co-opted"))
        dialog.widgets["voting"].setChecked(False)
        qtbot.keyClicks(dialog.widgets["from_date"], "2012-05-01")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(window.body_page.add_button, Qt.MouseButton.LeftButton)

    members = memberships.list_members(body_id=board.body_id)
    added = [m for m in members if m.person_id == board.newcomer_id]
    assert len(added) == 1
    assert (added[0].role, added[0].voting, str(added[0].from_date)) == (
        "co-opted",
        False,
        "2012-05-01",
    )
    assert window.body_page.members.rowCount() == 3

    window.undo_action.trigger()
    assert window.body_page.members.rowCount() == 2
    assert not [
        m
        for m in memberships.list_members(body_id=board.body_id)
        if m.person_id == board.newcomer_id
    ]

    window.redo_action.trigger()
    assert window.body_page.members.rowCount() == 3
    again = [
        m
        for m in memberships.list_members(body_id=board.body_id)
        if m.person_id == board.newcomer_id
    ]
    assert [m.id for m in again] == [added[0].id]


def test_adding_someone_twice_is_refused_and_the_dialog_stays_open(qtbot, window, board, warnings):
    window.select("body", board.body_id)
    before = JournalEntry.select().count()
    still_open = []

    def fill(dialog):
        person = dialog.widgets["person_id"]
        person.setCurrentIndex(person.findData(board.member_id))
        press_ok(qtbot, dialog)
        still_open.append(dialog.isVisible())
        dialog.reject()

    in_dialog(fill)
    qtbot.mouseClick(window.body_page.add_button, Qt.MouseButton.LeftButton)

    assert still_open == [True]
    assert warnings == ["CI Jon Bumpus is already a member of Maidstone Locality Board."]
    assert JournalEntry.select().count() == before


def test_editing_a_members_role_and_what_they_represent(qtbot, window, board):
    window.select("body", board.body_id)
    row = next(
        r
        for r in range(window.body_page.members.rowCount())
        if window.body_page.members.index(r, 0).data() == "CI Jon Bumpus"
    )
    window.body_page.table.selectRow(row)

    def fill(dialog):
        role = dialog.widgets["role"]
        role.setCurrentIndex(role.findData("vice-chair"))
        organisation = dialog.widgets["organisation_id"]
        organisation.setCurrentIndex(organisation.findData(None))
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(window.body_page.edit_button, Qt.MouseButton.LeftButton)

    membership = next(
        m for m in memberships.list_members(body_id=board.body_id) if m.person_id == board.member_id
    )
    assert (membership.role, membership.organisation_id) == ("vice-chair", None)

    window.undo_action.trigger()
    membership = memberships.get_membership(membership.id)
    assert (membership.role, membership.organisation_id) == ("member", board.police_id)


def test_removing_a_member_can_be_undone(qtbot, window, board):
    window.select("body", board.body_id)
    window.body_page.table.selectRow(0)
    qtbot.mouseClick(window.body_page.remove_button, Qt.MouseButton.LeftButton)
    assert len(memberships.list_members(body_id=board.body_id)) == 1
    window.undo_action.trigger()
    assert len(memberships.list_members(body_id=board.body_id)) == 2


def test_a_new_body_from_the_keyboard_appears_in_the_tree(qtbot, window, board):
    def fill(dialog):
        qtbot.keyClicks(dialog.widgets["name"], "Worklessness Delivery Group")
        kind = dialog.widgets["kind"]
        kind.setCurrentIndex(kind.findData("delivery group"))
        press_ok(qtbot, dialog)

    window.select("body", board.body_id)
    in_dialog(fill)
    qtbot.keyClick(
        window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    group = bodies.find_body(name="Worklessness Delivery Group")
    assert group is not None and group.parent_id is None  # not the body that was selected
    assert window.tree.currentIndex().data() == "Worklessness Delivery Group"
    window.undo_action.trigger()
    assert bodies.find_body(name="Worklessness Delivery Group") is None


def test_adding_a_member_without_choosing_anyone_asks_for_a_person(qtbot, window, board, warnings):
    window.select("body", board.body_id)

    def fill(dialog):
        assert dialog.widgets["person_id"].currentText() == ""
        press_ok(qtbot, dialog)
        dialog.reject()

    in_dialog(fill)
    qtbot.mouseClick(window.body_page.add_button, Qt.MouseButton.LeftButton)
    assert warnings == ["Please choose the person."]
    assert len(memberships.list_members(body_id=board.body_id)) == 2


def test_typing_a_persons_name_is_enough_to_add_them(qtbot, window, board):
    window.select("body", board.body_id)

    def fill(dialog):
        qtbot.keyClicks(dialog.widgets["person_id"].lineEdit(), "Dave Ashdown")
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(window.body_page.add_button, Qt.MouseButton.LeftButton)
    added = [m.person_id for m in memberships.list_members(body_id=board.body_id)]
    assert board.newcomer_id in added


def test_the_sub_item_numbering_is_chosen_on_the_body_page(qtbot, window, board):
    window.select("body", board.body_id)
    combo = window.body_page.fields["sub_numbering"]
    combo.setCurrentIndex(combo.findData("letter"))
    combo.activated.emit(combo.currentIndex())
    assert bodies.get_body(board.body_id).sub_numbering == "letter"
    window.undo_action.trigger()
    assert bodies.get_body(board.body_id).sub_numbering == "decimal"


def test_editing_the_agenda_template(qtbot, window, board):
    from desktop_app.services.meeting_cycle import agenda

    window.select("body", board.body_id)

    def fill(dialog):
        dialog.add_row("Police Update", "report")
        dialog.table.setCurrentCell(0, 0)
        dialog.remove_row()
        press_ok(qtbot, dialog)

    in_dialog(fill)
    qtbot.mouseClick(window.body_page.template_button, Qt.MouseButton.LeftButton)
    template = agenda.body_template(board.body_id)
    assert template[0]["kind"] == "declarations" and template[-1]["title"] == "Police Update"
    window.undo_action.trigger()
    assert agenda.body_template(board.body_id) == agenda.STANDARD_TEMPLATE


def test_the_page_stays_with_the_body_chosen_in_the_tree_after_an_edit(qtbot, window, board):
    # Issue 12: with a municipal year chosen under a sub-body, an edit reloaded the tree and
    # lost the current row; when the tree next took the focus Qt made its first row
    # (“Council”) current, and the page, and the next edit, went to that body.
    bodies.create_body(name="Council", kind="council")
    bodies.create_body(name="Alpha Group", parent_id=board.body_id)
    beta = bodies.create_body(name="Beta Group", parent_id=board.body_id)
    meetings.create_meeting(body_id=beta.id, date="2013-01-10")
    window.changes.changed.emit()
    window.select("body", board.body_id)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right):
        qtbot.keyClick(window.tree, key)
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.tree.currentIndex().data() == "Municipal year 2012/13"
    assert window.body_page.body_id == beta.id

    spin = window.body_page.fields["numbering_next"]
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, "40")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    window.tree.setFocus(Qt.FocusReason.TabFocusReason)

    assert bodies.get_body(beta.id).numbering_next == 40
    assert window.tree.currentIndex().data() == "Municipal year 2012/13"
    assert window.current_body_id() == window.body_page.body_id == beta.id
    assert window.tree.isExpanded(window.tree.currentIndex().parent())


def test_the_row_highlighted_is_the_page_shown_when_qt_moves_the_current_row(qtbot, window, board):
    # The body being edited is deleted elsewhere (the command line, another window): nothing
    # is current, and when the tree takes the focus Qt makes its first row current alone,
    # without the highlight, so the page showed a body the tree did not.
    council = bodies.create_body(name="Council", kind="council")
    gone = bodies.create_body(name="Working Group")
    window.changes.changed.emit()
    window.select("body", gone.id)
    qtbot.mouseClick(window.body_page.fields["quorum"], Qt.MouseButton.LeftButton)
    bodies.delete_body(body_id=gone.id)
    window.changes.changed.emit()

    window.tree.setFocus(Qt.FocusReason.TabFocusReason)

    assert window.body_page.body_id == council.id
    assert [i.data() for i in window.tree.selectionModel().selectedIndexes()] == ["Council"]


def test_members_added_one_after_another_all_go_to_the_new_body(qtbot, window, board):
    # Issue 14's walkthrough: with the example board beside it, a new council's first
    # member reloaded the tree, whose clearing made the board current for a moment; the
    # page followed it there, and the next members went to the board.
    def new_body(dialog):
        qtbot.keyClicks(dialog.widgets["name"], "Headcorn Parish Council")
        press_ok(qtbot, dialog)

    in_dialog(new_body)
    window.new_body_action.trigger()
    council = bodies.find_body(name="Headcorn Parish Council")
    for name in ("Jon Bumpus", "Dave Ashdown"):

        def fill(dialog, name=name):
            qtbot.keyClicks(dialog.widgets["person_id"].lineEdit(), name)
            press_ok(qtbot, dialog)

        in_dialog(fill)
        qtbot.mouseClick(window.body_page.add_button, Qt.MouseButton.LeftButton)
        assert window.body_page.body_id == council.id

    added = {m.person_id for m in memberships.list_members(body_id=council.id)}
    assert added == {board.member_id, board.newcomer_id}
    assert window.current_body_id() == council.id


def test_members_pasted_as_a_list_are_added_in_one_undoable_step(qtbot, window, board, warnings):
    window.select("body", board.body_id)
    page = window.body_page
    before = page.members.rowCount()
    tries = []

    def fill(dialog):
        names = dialog.widgets["names"]
        qtbot.waitUntil(names.hasFocus)  # the dialog opens in its field
        qtbot.keyClicks(names, "Cllr Asha Patel, treasurer")
        qtbot.keyClick(names, Qt.Key.Key_Return)  # a new line, not OK
        qtbot.keyClicks(names, "Jon Bumpus")
        qtbot.keyClick(names, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        tries.append(dialog.isVisible())  # refused: the dialog keeps what was typed
        names.selectAll()
        qtbot.keyClicks(names, "Cllr Asha Patel, vice chair")
        qtbot.keyClick(names, Qt.Key.Key_Return)
        qtbot.keyClicks(names, "Dave Ashdown")
        qtbot.keyClick(names, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    in_dialog(fill)
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)

    assert tries == [True] and "“treasurer” is not a role" in warnings[0]
    roles = {
        people.display_name(m.person): m.role
        for m in memberships.list_members(body_id=board.body_id)
    }
    assert roles["Cllr Asha Patel"] == "vice-chair" and roles["Dave Ashdown"] == "member"
    assert page.members.rowCount() == before + 2
    window.undo_action.trigger()  # both members and the new person go in one step
    assert page.members.rowCount() == before
    assert "Asha Patel" not in [p.name for p in people.list_people()]
    window.redo_action.trigger()
    assert page.members.rowCount() == before + 2
    assert "Asha Patel" in [p.name for p in people.list_people()]
