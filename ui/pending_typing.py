"""What the clerk is typing, kept safe: committed before any command acts, undone by the
window's one undo, and written to a recovery file on every keystroke so a crash loses none.

A field that saves itself (an inline form's line, a text box) has an owner with a
`commit_pending()` method: the owner is found by walking up from the focused widget."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget

from desktop_app.errors import ValidationError
from ui.errors import show_error

log = logging.getLogger(__name__)

RECOVERY_FILE = "typing-recovery.json"
# Only a service's or the window's own save function may be named in the recovery file.
CALLABLE_MODULES = ("desktop_app.services.", "ui.")
UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
# A closed list opens with these (Qt's own keys for a combo box), so no command may take them.
LIST_KEYS = (QKeySequence("Alt+Down"), QKeySequence("Alt+Up"), QKeySequence("F4"))
EXACT = QKeySequence.SequenceMatch.ExactMatch


def pending_owner(widget: QWidget | None) -> QObject | None:
    """The self-saving field (or form) holding `widget`, if any."""
    while widget is not None:
        if hasattr(widget, "commit_pending"):
            return widget
        widget = widget.parentWidget()
    return None


def commit_typing() -> None:
    """Save whatever the focused field holds that is not yet saved."""
    owner = pending_owner(QApplication.focusWidget())
    if owner is not None:
        owner.commit_pending()


class TypingGuard(QObject):
    """An application event filter: before any shortcut or click acts, the focused field's
    typing is committed; Ctrl+Z/Ctrl+Y in a self-saving field are the window's undo and
    redo (the field's own undo would fight the undo stack); a list keeps its own keys."""

    installed = False

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.installed = True

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Off while a page is first built: a filter in Python is handed each of the
        thousands of events its widgets make as they are made (5,454 for the meeting page,
        a quarter of its first open), and nothing is typed or clicked meanwhile."""
        app = QApplication.instance()
        was_on = self.installed
        if was_on:
            app.removeEventFilter(self)
        try:
            yield
        finally:
            if was_on:
                app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget):
            return self._override(watched, event)
        if kind == QEvent.Type.Shortcut:
            commit_typing()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            owner = pending_owner(QApplication.focusWidget())
            if owner is not None and not _inside(watched, owner):
                owner.commit_pending()
        return False

    def _override(self, widget: QWidget, event) -> bool:
        if any(event.matches(key) for key in UNDO_KEYS) and pending_owner(widget) is not None:
            event.ignore()  # not the field's: the window's Edit ▸ Undo / Redo takes it
            return True
        if isinstance(widget, QComboBox) and not widget.isEditable():
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(key) == EXACT for key in LIST_KEYS):
                event.accept()  # the list opens; the agenda's Alt+Up/Down move does not fire
                return True
        return False


def guard_once_painted(window: QWidget, guard: TypingGuard) -> None:
    """Put `guard` on the application as soon as `window` has painted for the first time.

    Not before: a filter in Python is handed every event, and each kind of event and of object
    it is first handed makes PySide build that class and its enums, some 150 during the first
    paint alone (a third of the window's start). Nothing can be typed before the window shows.
    """

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.UpdateRequest:  # the window paints its widgets
                watched.removeEventFilter(self)
                QTimer.singleShot(0, guard.install)
            return False

    window.installEventFilter(FirstPaint(window))


def _inside(widget: QWidget, owner: QObject) -> bool:
    while widget is not None:
        if widget is owner:
            return True
        widget = widget.parentWidget()
    return False


class TypingRecovery:
    """The text of the field being typed in, on disk the moment it changes (no pause), so
    a crash or a kill keeps it; cleared once the field has saved it. `target` says how to
    save it: {"label", "call": "module:function", "key": {id_name: row_id}, "field"}."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / RECOVERY_FILE

    def keep(self, target: dict | None, value) -> None:
        if target is None:
            self.clear()
            return
        temporary = self.path.with_name(f".{RECOVERY_FILE}.writing")
        temporary.write_text(json.dumps({**target, "value": value}), encoding="utf-8")
        os.replace(temporary, self.path)  # a kill leaves the old file or the new, never half

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def read(self) -> dict | None:
        """What was being typed when the app last stopped without saving it, or None."""
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("unreadable typing recovery file %s: %s", self.path, error)
            return None
        needed = {"label", "call", "key", "field", "value"}
        if not isinstance(kept, dict) or not needed <= kept.keys():
            return None
        return kept

    @staticmethod
    def save(kept: dict) -> None:
        """Write the kept value through the function that field saves with."""
        module_name, _, name = str(kept["call"]).partition(":")
        if not module_name.startswith(CALLABLE_MODULES) or not name.isidentifier():
            raise ValidationError("What was being typed could not be put back.")
        try:
            update = getattr(_service_module(module_name), name)
        except (ImportError, AttributeError):
            raise ValidationError("What was being typed could not be put back.") from None
        update(**dict(kept["key"]), **{str(kept["field"]): kept["value"]})


def offer_recovered(window) -> None:
    """After a crash: offer the window's clerk back what was being typed and not yet saved."""
    kept = window.recovery.read()
    if kept is None:
        return
    answer = QMessageBox.question(
        window,
        "Minute Book",
        f"Minute Book stopped before saving what you were typing in {kept['label']}:"
        f"\n\n{_shown(kept['value'])}\n\nPut it back?",
    )
    if answer == QMessageBox.StandardButton.Yes:
        try:
            window.recovery.save(kept)
        except ValidationError as error:  # the row was deleted or the text is refused
            show_error(window, error)
        window.changes.changed.emit()
    window.recovery.clear()


def _shown(value) -> str:
    return "\n".join(value) if isinstance(value, list) else str(value)


# The services' packages (docs/ARCHITECTURE.md); before them every service module stood in
# desktop_app/services itself, and a recovery file written then names it so.
SERVICE_PACKAGES = ("directory", "meeting_cycle", "decisions", "papers", "signatures")


def _service_module(module_name: str):
    try:
        return import_module(module_name)
    except ImportError:
        leaf = module_name.removeprefix("desktop_app.services.")
        if "." in leaf or leaf == module_name:
            raise
    for package in SERVICE_PACKAGES:
        try:
            return import_module(f"desktop_app.services.{package}.{leaf}")
        except ImportError:
            continue
    raise ImportError(module_name)
