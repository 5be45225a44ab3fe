"""A tab chosen with the mouse hands the keyboard to its page.

Qt leaves the focus on the tab bar, where the page's own keys (Insert and Ctrl+T on the
agenda, P and A on the register) do nothing: the clerk who clicked "Agenda" expects to type
there at once. Tabs changed from the keyboard keep the focus on the bar, for the arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget


def focus_page_on_click(tabs: QTabWidget) -> None:
    # After the click is done with: the bar takes the focus on the mouse release.
    tabs.tabBarClicked.connect(
        lambda _: QTimer.singleShot(0, lambda: focus_into(tabs.currentWidget()))
    )


def focus_into(page: QWidget | None) -> None:
    """The page's own main widget (its focus proxy: the register's table rather than the
    chair's list above it), or else the first that Tab would reach, given the keyboard."""
    if page is None:
        return
    if page.focusProxy() is not None:
        page.setFocus(Qt.FocusReason.MouseFocusReason)
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.MouseFocusReason)
            return
        widget = widget.nextInFocusChain()
