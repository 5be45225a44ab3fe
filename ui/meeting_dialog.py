"""The dialog for a meeting's date, times, venue and kind (its status moves through the
Status menu, which keeps to the workflow)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app import vocabulary
from ui.record_dialog import RecordDialog, choices


def meeting_dialog(
    parent: QWidget, title: str, submit: Callable[[dict], object], meeting: Any = None
) -> RecordDialog:
    dialog = RecordDialog(title, submit, parent)
    dialog.add_date("date", "Date", meeting.date if meeting else None)
    dialog.add_time("start_time", "Starts", meeting.start_time if meeting else "")
    dialog.add_time("end_time", "Ends", meeting.end_time if meeting else "")
    dialog.add_line("venue", "Venue", meeting.venue if meeting else "")
    dialog.add_choice(
        "kind", "Kind", choices(vocabulary.MEETING_KINDS), meeting.kind if meeting else "ordinary"
    )
    return dialog
