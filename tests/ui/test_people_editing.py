"""People and organisations are added and edited from their directory dialogs."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.services.directory import organisations, people
from tests.ui.test_body_editing import press_ok


def test_adding_and_editing_a_person_in_the_directory(qtbot, window, board):
    steps = []

    def in_directory():
        directory = QApplication.activeModalWidget()
        steps.append(directory.windowTitle())

        def fill_new():
            dialog = QApplication.activeModalWidget()
            qtbot.keyClicks(dialog.widgets["title"], "Cllr")
            # QTest cannot type outside the BMP; paste the name as a clerk would.
            dialog.widgets["name"].insert("Zoë Ngũgĩ 🌍")
            organisation = dialog.widgets["organisation_id"]
            organisation.setCurrentIndex(organisation.findData(board.police_id))
            press_ok(qtbot, dialog)
            steps.append([directory.list.item(r).text() for r in range(directory.list.count())])
            directory.reject()

        QTimer.singleShot(0, fill_new)
        directory.add_button.click()

    QTimer.singleShot(0, in_directory)
    window.people_action.trigger()

    assert steps[0] == "People"
    assert "Cllr Zoë Ngũgĩ 🌍 — Kent Police" in steps[1]
    person = next(p for p in people.list_people() if p.name == "Zoë Ngũgĩ 🌍")
    window.undo_action.trigger()
    assert person.id not in {p.id for p in people.list_people()}
    window.redo_action.trigger()
    assert person.id in {p.id for p in people.list_people()}


def test_renaming_an_organisation_is_undoable(qtbot, window, board):
    def in_directory():
        directory = QApplication.activeModalWidget()
        for row in range(directory.list.count()):
            if directory.list.item(row).text() == "Kent Police":
                directory.list.setCurrentRow(row)

        def rename():
            dialog = QApplication.activeModalWidget()
            dialog.widgets["name"].setText("Kent Police (Maidstone)")
            press_ok(qtbot, dialog)
            directory.reject()

        QTimer.singleShot(0, rename)
        directory.edit_button.click()

    QTimer.singleShot(0, in_directory)
    window.organisations_action.trigger()

    assert organisations.find_organisation(name="Kent Police (Maidstone)") is not None
    window.undo_action.trigger()
    assert organisations.find_organisation(name="Kent Police") is not None


def test_deleting_an_organisation_in_use_is_refused(qtbot, window, board, warnings):
    def in_directory():
        directory = QApplication.activeModalWidget()
        for row in range(directory.list.count()):
            if directory.list.item(row).text() == "Kent Police":
                directory.list.setCurrentRow(row)
        directory.remove_button.click()
        directory.reject()

    QTimer.singleShot(0, in_directory)
    window.organisations_action.trigger()

    assert warnings and "Kent Police is still named on" in warnings[0]
    assert organisations.find_organisation(name="Kent Police") is not None
