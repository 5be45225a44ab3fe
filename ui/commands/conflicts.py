"""Resolving a conflict is an ordinary undoable edit: redo writes the text kept (and closes
the conflict), undo puts the record's earlier text back and opens the conflict again."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from desktop_app.sync.conflicts import ConflictView, Settled, reopen_conflict, resolve_conflict
from ui.commands.service_call import perform
from ui.events import Changes


def resolve(
    stack: QUndoStack,
    changes: Changes,
    conflict: ConflictView,
    *,
    keep: str | None = None,
    text: str | None = None,
) -> None:
    """Keep "mine" or "theirs", or the merged `text`. A refused text raises ValidationError
    and nothing is pushed."""
    settled: list[Settled] = []  # each redo's, as undo must reopen what that redo replaced

    def apply() -> None:
        settled.append(resolve_conflict(conflict.id, keep=keep, text=text))

    def revert() -> None:
        reopen_conflict(settled.pop())

    chosen = {"mine": "Keep mine", "theirs": "Keep theirs"}.get(keep or "", "Use merged text")
    if conflict.kind == "frozen":  # approved minutes stay as they are: the change is set aside
        chosen = "Dismiss the change"
    what = conflict.field.replace("_", " ")
    perform(stack, changes, f"{chosen} for the {what} of {conflict.record}", apply, revert)
