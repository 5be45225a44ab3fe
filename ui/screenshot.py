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
    from desktop_app.first_run import ensure_example
    from desktop_app.services import bodies, meetings
    from ui.app import application, create_main_window

    app = application()
    window = create_main_window(data_dir)
    ensure_example(data_dir)
    window.refresh()
    top_level = [b for b in bodies.list_bodies() if b.parent_id is None]
    chosen = bodies.find_body(name=body) if body else next(iter(top_level), None)
    if body and chosen is None:
        raise ValidationError(f"There is no body called {body}.")
    if chosen is not None:
        if date:
            meeting = meetings.find_meeting(body_id=chosen.id, date=date)
            if meeting is None:
                raise ValidationError(f"{chosen.name} has no meeting on {date}.")
            window.select("meeting", meeting.id)
        elif body:
            window.select("body", chosen.id)
        else:
            latest = next(iter(meetings.list_meetings(body_id=chosen.id)), None)
            window.select("meeting" if latest else "body", latest.id if latest else chosen.id)
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
