"""A real main window on a real database holding a small board."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.services.directory import bodies, memberships, organisations, people
from desktop_app.services.meeting_cycle import meetings
from ui.main_window import MainWindow


@dataclass
class Board:
    body_id: str
    meeting_id: str
    chair_id: str
    member_id: str
    newcomer_id: str
    police_id: str


@pytest.fixture
def board(database) -> Board:
    police = organisations.create_organisation(name="Kent Police")
    chair = people.create_person(name="Paulina Stockell", title="Cllr Mrs")
    member = people.create_person(name="Jon Bumpus", title="CI", organisation_id=police.id)
    newcomer = people.create_person(name="Dave Ashdown", position="District Manager")
    body = bodies.create_body(name="Maidstone Locality Board", kind="board", quorum="6")
    memberships.add_member(body_id=body.id, person_id=chair.id, role="chair")
    memberships.add_member(body_id=body.id, person_id=member.id, organisation_id=police.id)
    meeting = meetings.create_meeting(
        body_id=body.id, date="2012-12-17", start_time="14:30", end_time="16:30"
    )
    return Board(body.id, meeting.id, chair.id, member.id, newcomer.id, police.id)


@pytest.fixture
def window(qtbot, board, data_dir) -> MainWindow:
    main = MainWindow(data_dir)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """Every warning the app shows, instead of a modal box that would block the test."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text)
    )
    return shown


def in_dialog(action, patience_ms: int = 5000) -> None:
    """Run `action(dialog)` on the modal dialog about to open, as a user would use it.

    The dialog is waited for, because events processed before the key or click that opens
    it (a window becoming active, say) would otherwise find no dialog yet."""
    waited = 0

    def act():
        nonlocal waited
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) and waited < patience_ms:
            waited += 10
            QTimer.singleShot(10, act)
            return
        assert isinstance(dialog, QDialog), "no dialog opened"
        action(dialog)

    QTimer.singleShot(0, act)
