"""The app-wide signal that data changed, so every view refreshes from the services."""

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    """Emitted after any command, import or sync changes the database."""

    changed = Signal()
    # A command failed while undoing or redoing (e.g. the row is now in use): tell the user.
    failed = Signal(str)
    # The field being typed in and its text, before it is saved (None, None once saved):
    # written to the crash-recovery file (ui/pending_typing.py).
    typed = Signal(object, object)
