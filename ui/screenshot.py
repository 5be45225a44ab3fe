"""`python main.py screenshot OUT.png`: the main window rendered offscreen, for docs and checks."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer

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
    from desktop_app.services import bodies, meetings
    from ui.app import application, start_window

    app = application()
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
    shown = window
    if view != "record" and window.pages.currentWidget() is window.meeting_page:
        page = window.meeting_page
        if view == "live":
            page.open_live()
            shown = page.live
            shown.showNormal()
            shown.resize(window.size())
        else:
            page.tabs.setCurrentWidget(getattr(page, view))
    # The window's first moments: the status bar's sharing line is filled in just after the
    # window shows (ui/sharing_actions.py), and its new size laid out after that.
    settled = QDeadlineTimer(AFTER_SHOWN_MS * 3)
    while not settled.hasExpired():
        app.processEvents()
    if not shown.grab().save(str(out)):
        raise ValidationError(f"Could not write the picture to {out}.")
    if shown is not window:
        shown.close()
    window.close()
