"""The one door for work off the GUI thread (STYLE.md): a plain function runs on the
thread pool with a progress object; its result or error comes back as one callback on
the GUI thread. The function must never touch a widget."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget
from shiboken6 import isValid

from desktop_app.services.session import worker_connection
from ui.errors import show_error


class Progress(QObject):
    """Handed to the task: `report(done, total)`; the task checks `cancelled` in its loops."""

    reported = Signal(int, int)

    def __init__(self):
        super().__init__()
        self.cancelled = False

    def report(self, done: int, total: int) -> None:
        self.reported.emit(done, total)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


# The progress of every task under way, so quitting can cancel and wait for them.
_under_way: set[Progress] = set()
_settled = threading.Condition()


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self.fn, self.progress, self.signals = fn, progress, signals
        with _settled:
            _under_way.add(progress)

    def run(self) -> None:
        try:
            # A worker thread gets its own SQLite connection and closes it when done.
            with worker_connection():
                result = self.fn(self.progress)
        except BaseException as error:  # noqa: BLE001 — every error goes back to the GUI
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            with _settled:
                _under_way.discard(self.progress)
                _settled.notify_all()


def finish_running() -> None:
    """Ask every task under way to cancel, and wait until each has finished or stopped:
    called at quit, so no write in the background is cut off."""
    with _settled:
        for progress in _under_way:
            progress.cancelled = True  # only a task that checks it stops early
        _settled.wait_for(lambda: not _under_way)


def run_task(
    parent: QWidget,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    *,
    label: str,
    cancellable: bool = True,
) -> _Signals:
    """Run `fn(progress)` in the background behind a progress dialog. Its Cancel is shown
    only when `cancellable`: `fn` checks `progress.cancelled` before it writes anything."""
    progress = Progress()
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    if cancellable:
        dialog.canceled.connect(lambda: setattr(progress, "cancelled", True))
    else:
        dialog.setCancelButton(None)  # a Cancel that could not stop the work is not shown
    progress.reported.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))
    return _start(parent, fn, progress, on_done, dialog.reset)


def run_beside(
    parent: QWidget,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    *,
    bar: QProgressBar,
) -> _Signals:
    """Run `fn(progress)` in the background with its progress in `bar` (a status bar's,
    shown while it runs) instead of a dialog: for work that starts by itself, such as a
    sync on a timer, which must never take the keyboard from someone typing. Nothing can
    cancel it but quitting (finish_running)."""
    progress = Progress()
    bar.setRange(0, 0)  # busy until the first report says how much there is
    bar.show()
    progress.reported.connect(lambda done, total: (bar.setMaximum(total), bar.setValue(done)))
    return _start(parent, fn, progress, on_done, bar.hide)


def _start(parent: QWidget, fn, progress: Progress, on_done, put_away) -> _Signals:
    """Start `fn` on the pool; when it ends, `put_away` its progress, then hand on the
    result or show the error."""
    signals = _Signals(parent)

    def finished(result):
        put_away()
        on_done(result)

    def failed(error):
        put_away()
        show_error(parent, error)

    signals.finished.connect(finished)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(_Runner(fn, progress, signals))
    return signals


# The signal carriers of quiet tasks under way: owned here rather than by the widget that
# asked, so a result arriving after that widget closed finds them still alive (and is dropped).
_quiet: set[_Signals] = set()


def run_quietly(parent: QWidget, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
    """Run `fn()` in the background with no progress dialog, for short work nobody waits
    on (a badge filled in beside a page already shown). `on_done(result)` runs on the GUI
    thread if `parent` still exists; an error is shown as run_task shows it."""
    signals = _Signals()
    _quiet.add(signals)

    def finished(result):
        _quiet.discard(signals)
        if isValid(parent):
            on_done(result)

    def failed(error):
        _quiet.discard(signals)
        if isValid(parent):
            show_error(parent, error)

    signals.finished.connect(finished)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(_Runner(lambda _progress: fn(), Progress(), signals))
