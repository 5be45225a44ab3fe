"""What the tabs of a body's page that hold its documents share (ui/plan_editor.py,
ui/update_editor.py): the body shown, a fixed "today" for tests, named buttons, a list of
the body's records refilled without losing the one chosen, and a document previewed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from desktop_app.errors import ValidationError
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon


class BodyTab(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None, *, today=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self._today = today  # a fixed "today" for tests; else the day it is
        self.body_id: str | None = None
        self.buttons: dict[str, QPushButton] = {}

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def show_body(self, body_id: str | None) -> None:
        self.body_id = body_id
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _button(self, name, text, meaning, tip, slot) -> QPushButton:
        button = QPushButton(icon(meaning), text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.buttons[name] = button
        return button

    def _preview(self, data: bytes | None, title: str) -> None:
        if data is None:
            return
        from ui.pdf_preview import PdfPreview  # QtPdf loads when a document is first shown

        self.preview = PdfPreview(data, title=title, file_name=f"{title}.pdf", parent=self.window())
        self.preview.show()
        self.preview.raise_()

    def _run(self, change) -> None:
        try:
            change()
        except ValidationError as error:
            show_error(self, error)


def refill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    """The list's entries (shown, id) again, the one chosen kept (else the first), quietly:
    the caller shows what is chosen."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, row_id in entries:
        combo.addItem(text, row_id)
    index = combo.findData(chosen)
    combo.setCurrentIndex(index if index >= 0 else (0 if entries else -1))
    combo.blockSignals(False)
