"""The window keeps room for the body tree: opening Search, a body with a long clerk's line
or a long name, or the window at its smallest must never squeeze the tree to a sliver."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services.directory import bodies, people

USABLE_TREE = 200  # "Maidstone Locality Board" and a meeting's date, readable


def settle(qtbot):
    QApplication.processEvents()
    qtbot.wait(20)


def test_search_leaves_the_body_tree_usable_at_default_and_minimum_sizes(qtbot, window, board):
    clerk = people.create_person(
        name="Ruth Anne Clerkenwell-Smythe",
        title="Mrs",
        position="Democratic Services and Governance Officer, Maidstone Borough Council",
    )
    bodies.update_body(
        body_id=board.body_id,
        clerk_id=clerk.id,
        name="Maidstone Locality Board for Community Safety and Neighbourhood Wellbeing",
    )
    window.refresh()
    window.select("body", board.body_id)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert window._search.isVisible()
    assert window.size().width() == 1280  # the default size, unchanged by opening Search
    assert window.tree.width() >= USABLE_TREE

    window.select("meeting", board.meeting_id)
    for tab in range(window.meeting_page.tabs.count()):
        window.meeting_page.tabs.setCurrentIndex(tab)
        settle(qtbot)
        assert window.size().width() == 1280, window.meeting_page.tabs.tabText(tab)
        assert window.tree.width() >= USABLE_TREE, window.meeting_page.tabs.tabText(tab)

    window.resize(window.minimumSizeHint())
    settle(qtbot)
    assert window.width() <= 1280  # the smallest window still fits a laptop's screen
    assert window.tree.width() >= USABLE_TREE
    window.select("body", board.body_id)
    settle(qtbot)
    assert window.tree.width() >= USABLE_TREE
