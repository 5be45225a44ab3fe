"""Fields for a date or a time of day, typed as a clerk writes them (dates.py) — a date can
also be picked from a calendar, with the button at the field's end or Alt+Down, as a list
opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from desktop_app.dates import long_date, parse_date, parse_time
from desktop_app.errors import ValidationError
from ui.icons import icon

DATE_HINT = "e.g. 25/06/2024 or 25 June 2024"
OPTIONAL_DATE = f"{DATE_HINT} (optional)"
TIME_HINT = "e.g. 7.30 pm or 19:30"
CALENDAR_KEYS = (QKeySequence("Alt+Down"), QKeySequence("F4"))


class DateEdit(QLineEdit):
    def __init__(self, value: dt.date | None = None, hint: str = "", parent: QWidget | None = None):
        super().__init__(long_date(value) if value else "", parent)
        self.setPlaceholderText(hint or DATE_HINT)
        self.picker = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.picker.setText("Choose from a calendar")
        self.picker.setToolTip("Choose from a calendar (Alt+Down)")
        self.picker.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def value(self) -> dt.date | str | None:
        """What a service takes: the date typed, or the text itself if it is not one (the
        service refuses it, naming the field in its own words); None when left empty."""
        return typed_value(self.text(), parse_date) or None

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAccessibleName(f"Calendar for {self.accessibleName() or 'the date'}")
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        shown = self.value()
        day = shown if isinstance(shown, dt.date) else dt.date.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.activated.connect(self._pick)  # Enter or a double click
        calendar.clicked.connect(self._pick)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar

    def event(self, event: QEvent) -> bool:
        # Alt+Down is also a command's key in places (the agenda's Move down): here it
        # opens the calendar, as it opens a list in a combo box.
        if event.type() == QEvent.Type.ShortcutOverride and _opens_calendar(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if _opens_calendar(event):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def _pick(self, picked: QDate) -> None:
        self.setText(long_date(dt.date(picked.year(), picked.month(), picked.day())))
        self.setModified(True)
        self.calendar.close()
        self.calendar = None
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.editingFinished.emit()


class TimeEdit(QLineEdit):
    def __init__(self, value: str = "", hint: str = "", parent: QWidget | None = None):
        super().__init__(value or "", parent)
        self.setPlaceholderText(hint or TIME_HINT)

    def value(self) -> str:
        """HH:MM for a time typed as clerks write them; else the text, for the service to
        refuse in its own words."""
        return typed_value(self.text(), parse_time)


def typed_value(text: str, parse: Callable[[str], object]):
    text = text.strip()
    if not text:
        return ""
    try:
        return parse(text)
    except ValidationError:
        return text


def _opens_calendar(event) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(
        pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in CALENDAR_KEYS
    )
