"""`python main.py screenshot OUT.png`: the main window rendered offscreen, for docs and checks.
The pieces (a view of the window, a settled grab) also serve `make screenshots`
(ui/readme_pictures.py)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.errors import ValidationError
from ui.sharing_actions import AFTER_SHOWN_MS


def save_screenshot(
    *,
    data_dir: Path,
    out: Path,
    body: str | None = None,
    date: str | None = None,
    view: str = "record",
) -> None:
    """Show `body` (by name), or its meeting on `date`; with neither, the first board's
    latest meeting. `view` picks the meeting's tab, or its live mode."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.services.directory import bodies
    from desktop_app.services.meeting_cycle import meetings
    from ui.app import application, start_window

    application()
    window = start_window(data_dir)
    if body is None:
        window.open_first_board()
    else:
        chosen = bodies.find_body(name=body)
        if chosen is None:
            raise ValidationError(f"There is no body called {body}.")
        if date:
            meeting = meetings.find_meeting(body_id=chosen.id, date=date)
            if meeting is None:
                raise ValidationError(f"{chosen.name} has no meeting on {date}.")
            window.select("meeting", meeting.id)
        else:
            window.select("body", chosen.id)
    window.show()
    shown = show_view(window, view)
    grab(shown, out)
    if shown is not window:
        shown.close()
    window.close()


def show_view(window, view: str) -> QWidget:
    """The shown meeting's tab `view` (agenda, attendance, interests, minutes), its live
    mode at the window's size, or its record; returns the widget to picture. A body's page
    has no tabs."""
    if view == "record" or window.pages.currentWidget() is not window.meeting_page:
        return window
    page = window.meeting_page
    if view == "live":
        page.open_live()
        page.live.showNormal()
        page.live.resize(window.size())
        return page.live
    page.tabs.setCurrentWidget(getattr(page, view))
    return window


def grab(widget: QWidget, out: Path) -> None:
    """Write what `widget` shows to the PNG `out`, once its first moments are over."""
    settle()
    if not widget.grab().save(str(out)):
        raise ValidationError(f"Could not write the picture to {out}.")


def settle(milliseconds: int = AFTER_SHOWN_MS * 3) -> None:
    """Let a window's first moments pass: the status bar's sharing line is filled in just
    after the window shows (ui/sharing_actions.py), and its new size laid out after that."""
    app = QApplication.instance()
    settled = QDeadlineTimer(milliseconds)
    while not settled.hasExpired():
        app.processEvents()
