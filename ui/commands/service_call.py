"""One undoable command for any pair of service calls (STYLE.md: ids and values, not rows).

Each call, however many services it makes, is one transaction: a refusal half way writes
nothing. A refused undo or redo takes the command off the stack (Qt removes a command made
obsolete in its own undo or redo), so the stack never offers what the database does not hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.errors import ValidationError
from desktop_app.services.session import transaction
from ui.events import Changes


class ServiceCall(QUndoCommand):
    """`apply` did the change before the push; redo repeats it, undo calls `revert`."""

    def __init__(
        self,
        text: str,
        apply: Callable[[], Any],
        revert: Callable[[], Any],
        changes: Changes,
        *,
        merge_key: tuple | None = None,
    ):
        super().__init__(text)
        self._apply, self._revert, self._changes = apply, revert, changes
        self._merge_key = merge_key
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo is the change the caller already made
            return
        if self._call(self._apply):
            self._applied = True

    def undo(self) -> None:
        if self._call(self._revert):
            self._applied = False

    def id(self) -> int:
        return 1 if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in one field twice in a row is one step to undo."""
        if not isinstance(other, ServiceCall) or other._merge_key != self._merge_key:
            return False
        self._apply = other._apply
        return True

    def _call(self, fn: Callable[[], Any]) -> bool:
        """Run one side in one transaction; on a refusal, drop this command from the stack."""
        try:
            with transaction():
                fn()
        except ValidationError as error:
            self.setObsolete(True)  # the database is as it was: so must the stack be
            self._changes.failed.emit(str(error))
            return False
        finally:
            self._changes.changed.emit()
        return True


def perform(
    stack: QUndoStack,
    changes: Changes,
    text: str,
    apply: Callable[[], Any],
    revert: Callable[[], Any],
    *,
    merge_key: tuple | None = None,
) -> Any:
    """Make the change now (a ValidationError reaches the caller, nothing is pushed), then
    push it so Ctrl+Z can take it back."""
    with transaction():
        result = apply()
    stack.push(ServiceCall(text, apply, revert, changes, merge_key=merge_key))
    changes.changed.emit()
    return result
