"""File ▸ Sharing…, Sync now and Conflicts…, the status bar's sharing line, and when a
sync runs: on Sync now, once the window shows, every five minutes while a share is set,
and at quit. Never two at once.

A sync the clerk asked for runs behind a progress dialog and ends with a summary; one that
started by itself shows its progress and any news in the status bar only, so a share that
is unplugged says so in one line rather than in a box every five minutes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMessageBox, QProgressBar, QToolButton

from desktop_app.errors import ValidationError
from ui.errors import show_error
from ui.icons import icon
from ui.sharing_words import counted, news, state_line, summary
from ui.tasks import finish_running, run_beside, run_task

if TYPE_CHECKING:
    from desktop_app.sync.run import SyncReport

log = logging.getLogger(__name__)

# F5 is live meeting mode; F9 is "send and receive" in the mail programs clerks use, and
# free everywhere in the window and its dialogs.
SYNC_SHORTCUT = "F9"
EVERY_MS = 5 * 60 * 1000
# The sync modules take about 50 ms to import, and reading the state costs queries: both
# wait until the window has painted (start-up's budget is twice a bare window). They are
# imported where used, below, for the same reason.
AFTER_SHOWN_MS = 100


class SharingActions(QObject):
    synced = Signal(object)  # each sync's SyncReport, or the sentence saying why it could not

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.running = False
        self._conflicts_dialog = None

        self.sharing_action = QAction(icon("share"), "S&haring…", window)
        self.sharing_action.setToolTip("Choose the shared folder this laptop syncs with")
        self.sharing_action.triggered.connect(self.open_sharing)
        self.sync_action = QAction(icon("sync"), "S&ync now", window)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.sync_action.setToolTip(
            f"Send your changes and fetch everyone else's ({SYNC_SHORTCUT})"
        )
        self.sync_action.triggered.connect(self.sync_now)
        self.sync_action.setEnabled(False)  # until a shared folder is known to be set
        self.conflicts_action = QAction(icon("conflict"), "&Conflicts…", window)
        self.conflicts_action.setToolTip("What two people changed at the same time")
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.actions = [self.sharing_action, self.sync_action, self.conflicts_action]

        self.bar = QProgressBar()
        self.bar.setObjectName("syncProgress")
        self.bar.setAccessibleName("Sync progress")
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.status = QLabel()
        self.status.setObjectName("sharingStatus")
        self.status.setAccessibleName("Sharing")
        self.conflicts_button = QToolButton()
        self.conflicts_button.setObjectName("conflictsButton")
        self.conflicts_button.setIcon(icon("conflict"))
        self.conflicts_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setToolTip("Open Conflicts… to choose between the two texts")
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()  # until the first look at the share has counted them
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.status_widgets = [line, self.bar, self.status, self.conflicts_button]

        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.sync_by_itself)
        window.changes.changed.connect(self.show_state)
        self._first_look = QTimer(self)
        self._first_look.setSingleShot(True)
        self._first_look.setInterval(AFTER_SHOWN_MS)
        # Only for a window still shown: one closed meanwhile may have lost its database.
        self._first_look.timeout.connect(
            lambda: self._follow_share() if window.isVisible() else None
        )
        self._first_look.start()

    # -- when a sync runs ---------------------------------------------------------------------

    def start(self) -> None:
        """Once the window shows: a sync, and then one every five minutes."""
        self._follow_share()
        self.sync_by_itself()

    def sync_now(self) -> None:
        """The clerk's Sync now: a progress dialog, then a summary."""
        from desktop_app.sync.sharing import share_folder

        share = share_folder()
        if share is None:
            return
        if self.running:
            self.window.statusBar().showMessage("A sync is already under way.", 5000)
            return
        self.running = True
        run_task(
            self.window,
            lambda progress: _sync(share, progress),
            lambda result: self._done(result, asked=True),
            label="Syncing with the shared folder…",
            # Cancel stops after the file under way: each applies whole or not at all.
        ).failed.connect(self._failed)

    def sync_by_itself(self) -> None:
        """At start and on the timer: progress and news in the status bar only."""
        from desktop_app.sync.sharing import share_folder

        share = share_folder()
        if share is None or self.running:
            return
        self.running = True
        run_beside(
            self.window,
            lambda progress: _sync(share, progress),
            lambda result: self._done(result, asked=False),
            bar=self.bar,
        ).failed.connect(self._failed)

    def sync_at_quit(self) -> None:
        """The last sync, so what was done today goes out: quitting waits for it."""
        from desktop_app.sync.run import sync_now
        from desktop_app.sync.sharing import share_folder

        self.timer.stop()
        self._first_look.stop()
        finish_running()  # a sync under way ends first; it may not have sent the last edits
        share = share_folder()
        if share is None:
            return
        self.window.statusBar().showMessage("Sending your changes to the shared folder…")
        self.window.statusBar().repaint()
        try:
            sync_now(share)
        except ValidationError as error:  # the changes wait here for the next sync
            log.warning("no sync at quit: %s", error)

    # -- the dialogs --------------------------------------------------------------------------

    def open_sharing(self) -> None:
        from desktop_app.sync.sharing import share_folder
        from ui.sharing_dialog import SharingDialog

        before = share_folder()
        SharingDialog(self.window).exec()
        self._follow_share()
        if share_folder() is not None and share_folder() != before:
            self.sync_now()  # the clerk expects the new folder to be in use at once

    def open_conflicts(self):
        """Not modal, one at a time: the clerk may look at the record beside it."""
        from ui.conflicts_dialog import ConflictsDialog

        if self._conflicts_dialog is None:
            self._conflicts_dialog = ConflictsDialog(
                stack=self.window.undo_stack, changes=self.window.changes, parent=self.window
            )
            self._conflicts_dialog.reloaded.connect(self.show_state)
        self._conflicts_dialog.reload()
        self._conflicts_dialog.show()
        self._conflicts_dialog.raise_()
        self._conflicts_dialog.activateWindow()
        return self._conflicts_dialog

    # -- what the window shows ----------------------------------------------------------------

    def show_state(self) -> None:
        from desktop_app.sync.sharing import sharing_state

        state = sharing_state()
        self.status.setText(state_line(state))
        self.conflicts_button.setText(counted(state.conflicts, "conflict"))
        self.conflicts_button.setVisible(state.conflicts > 0)

    def _follow_share(self) -> None:
        from desktop_app.sync.sharing import share_folder

        shared = share_folder() is not None
        self.sync_action.setEnabled(shared)
        if shared and not self.timer.isActive():
            self.timer.start()
        elif not shared:
            self.timer.stop()
        self.show_state()

    def _done(self, result: SyncReport | str, *, asked: bool) -> None:
        self.running = False
        bar = self.window.statusBar()
        if isinstance(result, str):  # the share could not be used: local work goes on
            if asked:
                show_error(self.window, ValidationError(result))
            else:
                bar.showMessage(result, 60000)
        else:
            if result.tables:
                # Rows the stack's commands name may have changed under them (STYLE.md).
                self.window.undo_stack.clear()
                self.window.changes.changed.emit()
            if asked:
                bar.showMessage(summary(result), 15000)
                if result.skipped:
                    QMessageBox.warning(
                        self.window,
                        "Sync now",
                        "Some files on the shared folder were skipped; the next sync tries "
                        "them again.\n\n" + "\n\n".join(result.skipped),
                    )
            elif news(result):
                bar.showMessage(news(result), 60000)
        self.show_state()
        self.synced.emit(result)

    def _failed(self, _error) -> None:
        """A bug (already shown with its details) must not stop every later sync."""
        self.running = False
        self.show_state()


def _sync(share, progress) -> SyncReport | str:
    """In the background: a share that cannot be used comes back as its sentence, for the
    window to show where it suits (a timer's sync must not open a box)."""
    from desktop_app.sync.run import sync_now

    try:
        return sync_now(share, progress.report, lambda: progress.cancelled)
    except ValidationError as error:
        return str(error)
