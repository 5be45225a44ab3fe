"""The first start of a new install: the window opens on the example meeting, as the README
says, not on an empty page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.storage.database import close_database
from ui.app import after_first_paint, show_window, start_window
from ui.models.body_tree import ID_ROLE, KIND_ROLE


@pytest.fixture
def started(qtbot, tmp_path):
    """Start the app as `make run` does, on a data folder that does not exist yet."""
    opened = []

    def start(folder):
        window = start_window(folder)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield start
    for window in opened:
        window.close()
    close_database()


def test_a_first_start_opens_on_the_example_meeting(started, tmp_path):
    window = started(tmp_path / "new")

    assert window.pages.currentWidget() is window.meeting_page
    heading = window.meeting_page.heading.text()
    assert "Maidstone Locality Board" in heading
    assert "17 December 2012" in heading
    current = window.tree.currentIndex()
    assert current.data(KIND_ROLE) == "meeting"
    assert current.data(ID_ROLE) == window.meeting_page.record.id
    assert window.tree.selectionModel().isSelected(current)  # highlighted, not only current


def test_the_example_meeting_shows_who_attended(started, tmp_path):
    window = started(tmp_path / "new")
    record = window.meeting_page.browser.toPlainText()
    assert "Simon Alland" in record  # who substituted for CI Jon Bumpus
    assert "Troubled Families" in record


def test_a_later_start_leaves_the_clerk_to_choose(started, tmp_path):
    folder = tmp_path / "used"
    started(folder).close()
    close_database()

    window = started(folder)

    assert window.pages.currentWidget() is window.welcome


def test_a_later_start_builds_no_page_when_the_tree_takes_the_focus(started, tmp_path, qtbot):
    folder = tmp_path / "used"
    started(folder).close()
    close_database()

    window = started(folder)
    window.tree.setFocus()  # as when the window is activated: Qt would make a row current
    qtbot.waitUntil(window.tree.hasFocus)

    assert window.pages.currentWidget() is window.welcome
    assert window._body_page is None and window._meeting_page is None
    assert not window.tree.currentIndex().isValid()


def test_a_later_start_builds_the_pages_while_the_clerk_looks(started, tmp_path, qtbot):
    folder = tmp_path / "used"
    started(folder).close()
    close_database()

    window = show_window(folder)  # as a start does, to the first paint
    qtbot.addWidget(window)
    assert window._body_page is None and window._meeting_page is None  # not for the paint
    after_first_paint(window)
    qtbot.waitUntil(lambda: window._meeting_page is not None, timeout=5000)
    prepared = window._body_page
    assert window.pages.currentWidget() is window.welcome  # built, not shown

    board = window.tree_model.index(0, 0)
    qtbot.mouseClick(
        window.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.tree.visualRect(board).center(),
    )

    assert window.pages.currentWidget() is prepared
    assert prepared.body_id == board.data(ID_ROLE)
    window.close()
    close_database()
