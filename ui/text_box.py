"""A multi-line text box that saves itself: when the user pauses or leaves it, it reports
its text once, so each burst of typing is one undoable change and a crash loses little."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

PAUSE_MS = 600


MARKS = {Qt.Key.Key_B: "**", Qt.Key.Key_I: "*"}


class TextBox(QPlainTextEdit):
    committed = Signal(str)
    edited = Signal(str)  # every change the user makes, for the crash-recovery file

    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # Tab moves on, as in any form
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)
        self._dirty = False

    def set_text(self, text: str) -> None:
        """Show stored text, unless the user has typing here that is not yet saved."""
        if self._dirty or self.toPlainText() == text:
            return
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)

    def commit(self) -> None:
        self._pause.stop()
        if self._dirty:
            self._dirty = False
            self.committed.emit(self.toPlainText())

    def commit_pending(self) -> None:
        """Called before any command acts (ui/pending_typing.py)."""
        self.commit()

    def keep_typed(self) -> None:
        """After a refused save: keep the text, and try again on the next change."""
        self._dirty = False

    def _typed(self) -> None:
        self._dirty = True
        self._pause.start()
        self.edited.emit(self.toPlainText())

    def event(self, event) -> bool:
        # Ctrl+B and Ctrl+I are this box's own keys while it has focus, never a menu's.
        if event.type() == QEvent.Type.ShortcutOverride and _mark_of(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        # Ctrl+B / Ctrl+I mark the selection **bold** / *italic* in the plain text, which
        # prints and syncs as it reads.
        mark = _mark_of(event)
        if mark is not None:
            cursor = self.textCursor()
            cursor.insertText(f"{mark}{cursor.selectedText()}{mark}")
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)


def _mark_of(event) -> str | None:
    if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
        return None
    return MARKS.get(event.key())
