"""The Documents menu: each document of the meeting or body the window shows, rendered off
the GUI thread and opened in the preview; issuing the agenda pack and its list of issues,
through the PackIssuing it owns as `packs` (ui/pack_issue_actions.py); and Publish, which
writes the meeting's public editions into a folder chosen once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from desktop_app.documents import catalogue
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.services.settings import PUBLISH_FOLDER, get_setting, set_setting
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.pack_issue_actions import PackIssuing
from ui.shortcuts import PUBLISH_SHORTCUT
from ui.tasks import run_task

# Publishing, pack issuing and the period dialog load when first used, not to build the menu
# at start-up (issue 16).
if TYPE_CHECKING:
    from desktop_app.services.papers import pack_issues

# Free in the main window (Ctrl+Shift+B/M/S/P/O/A/R/U, Ctrl+F, Ctrl+I/E and F5 are taken);
# Ctrl+Alt is avoided because AltGr types letters with it on many keyboards.
SHORTCUTS = {
    "agenda": "Ctrl+Shift+G",
    "pack": "Ctrl+Shift+K",
    "brief": "Ctrl+Shift+H",
    "minutes": "Ctrl+Shift+N",
}
ISSUE_SHORTCUT = "Ctrl+Shift+I"
ICONS = {
    "archive": "archive",
    "actions": "actions",
    "decisions": "registers",
    "attendance": "attendance",
}


class DocumentActions(QObject):
    """One action per document in the catalogue, for whatever the window has selected."""

    opened = Signal(object)  # the PdfPreview just shown
    published = Signal(list)  # the paths written
    cancelled = Signal()  # the clerk stopped a document being made

    def __init__(
        self,
        window: QMainWindow,
        *,
        undo_stack: QUndoStack,
        changes: Changes,
        meeting_id: Callable[[], str | None],
        body_id: Callable[[], str | None],
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(window)
        self.window = window
        self._meeting_id, self._body_id, self._today = meeting_id, body_id, today
        self.packs = PackIssuing(
            window,
            undo_stack=undo_stack,
            changes=changes,
            need_meeting=self._need_meeting,
            show=self._show,
            publish_one=self._publish_one,
            say_cancelled=self._say_cancelled,
        )
        self.menu = QMenu("&Documents", window)
        self.menu.setObjectName("documentsMenu")
        self.actions: dict[str, QAction] = {}
        for scope in (catalogue.MEETING, catalogue.BODY):
            for kind in catalogue.of_scope(scope):
                text = kind.label + ("…" if kind.period else "")
                made = QAction(icon(ICONS.get(kind.key, "documents")), text, window)
                made.setShortcut(QKeySequence(SHORTCUTS.get(kind.key, "")))
                made.triggered.connect(lambda _=False, key=kind.key: self.open_document(key))
                self.menu.addAction(made)
                self.actions[kind.key] = made
            self.menu.addSeparator()
        self.issue_action = QAction(icon("publish"), "&Issue agenda pack…", window)
        self.issue_action.setShortcut(QKeySequence(ISSUE_SHORTCUT))
        self.issue_action.setToolTip("Issue the meeting's agenda pack, full and public editions")
        self.issue_action.triggered.connect(lambda: self.packs.issue_pack())
        self.issues_action = QAction(icon("archive"), "Pack i&ssues…", window)
        self.issues_action.setToolTip("Every issue of the meeting's agenda pack, as issued")
        self.issues_action.triggered.connect(lambda: self.packs.show_issues())
        self.menu.addActions([self.issue_action, self.issues_action])
        self.menu.addSeparator()
        self.publish_action = QAction(icon("upload"), "&Publish…", window)
        self.publish_action.setShortcut(QKeySequence(PUBLISH_SHORTCUT))
        self.publish_action.setToolTip("Write the public agenda, pack and minutes into a folder")
        self.publish_action.triggered.connect(lambda: self.publish())
        self.folder_action = QAction("Choose the publishing folder…", window)
        self.folder_action.triggered.connect(self.choose_folder)
        self.menu.addActions([self.publish_action, self.folder_action])

    # -- documents ----------------------------------------------------------------------------

    def open_document(self, key: str) -> None:
        """Render the document for the selected meeting (or body) and open its preview."""
        kind = catalogue.document(key)
        try:
            if kind.scope == catalogue.MEETING:
                self._render(kind, catalogue.meeting_target(self._need_meeting()))
            elif kind.period:
                self._ask_period(kind, self._need_body())
            else:  # the action log, as it stands today
                body_id, today = self._need_body(), self._today()
                # The same day in the file's name and on its pages, whatever the clock says.
                self._render(kind, catalogue.body_target(body_id, date=today), today=today)
        except ValidationError as error:
            show_error(self.window, error)

    def _ask_period(self, kind: catalogue.DocumentKind, body_id: str) -> None:
        from ui.record_dialog import RecordDialog

        until = self._today()
        since, _ = catalogue.period(None, None, today=until)

        def submit(values: dict) -> None:
            start, end = catalogue.period(values["since"], values["until"], today=until)
            target = catalogue.body_target(body_id, since=start, until=end)
            self._render(kind, target, from_date=start, to_date=end)

        dialog = RecordDialog(kind.label, submit, self.window)
        dialog.add_date("since", "From", since)
        dialog.add_date("until", "To", until)
        dialog.exec()

    def _render(self, kind: catalogue.DocumentKind, target: catalogue.Target, **options) -> None:
        def work(progress) -> bytes | None:
            try:
                return kind.render(target.id, progress=progress, **options)
            except Cancelled:  # the clerk pressed Cancel: nothing to show
                return None

        run_task(
            self.window,
            work,
            lambda data: self._preview(kind, target, data),
            label=f"Preparing the {kind.label.lower()}…",
        )

    def _preview(self, kind: catalogue.DocumentKind, target: catalogue.Target, data) -> None:
        from desktop_app import publishing

        if data is None:
            self._say_cancelled()
            return
        publish = None
        if kind.publishable:

            def publish(shown: bytes) -> None:
                self._publish_one(kind.key, target.id, shown)

        self._show(
            data,
            title=kind.title(target),
            file_name=publishing.file_name(kind, target),
            publish=publish,
        )

    def _show(self, data: bytes, *, title: str, file_name: str, publish) -> None:
        from ui.pdf_preview import PdfPreview  # QtPdf loads when a document is first shown

        preview = PdfPreview(
            data, title=title, file_name=file_name, publish=publish, parent=self.window
        )
        preview.show()
        preview.raise_()
        preview.activateWindow()
        self.opened.emit(preview)

    # -- publishing ---------------------------------------------------------------------------

    def publish(self, meeting_id: str | None = None) -> None:
        """Write the selected meeting's public editions into the publishing folder; a stale
        public pack is not written, and a new public edition is offered instead."""
        from desktop_app import publishing
        from desktop_app.services.papers import pack_issues

        try:
            meeting_id = meeting_id or self._need_meeting()
        except ValidationError as error:
            show_error(self.window, error)
            return
        folder = self._folder()
        if folder is None:
            return

        def work(progress) -> list[Path] | pack_issues.StaleIssue | None:
            try:
                return publishing.publish_meeting(meeting_id, folder, progress=progress)
            except Cancelled:  # stopped before anything was written
                return None
            except pack_issues.StaleIssue as stale:  # nothing written: asked on the GUI thread
                return stale

        def done(result) -> None:
            if isinstance(result, pack_issues.StaleIssue):
                self.packs.offer_new_edition(result, lambda meeting, _: self.publish(meeting))
            else:
                self._done_publishing(result)

        run_task(self.window, work, done, label="Publishing the public documents…")

    def choose_folder(self) -> Path | None:
        """Ask where published documents go, and remember it on this machine."""
        start = get_setting(PUBLISH_FOLDER) or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self.window, "Publish documents into which folder?", start
        )
        if not chosen:
            return None
        set_setting(PUBLISH_FOLDER, chosen)
        return Path(chosen)

    def _folder(self) -> Path | None:
        remembered = get_setting(PUBLISH_FOLDER)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return self.choose_folder()

    def _publish_one(self, key: str, meeting_id: str, data: bytes) -> None:
        """Publish the document a preview shows, off the GUI thread: it is made again to
        check the bytes shown are still what it says (a pack takes a while)."""
        from desktop_app import publishing
        from desktop_app.services.papers import pack_issues

        folder = self._folder()
        if folder is None:
            return

        def work(progress) -> list[Path] | pack_issues.StaleIssue:
            try:
                return [publishing.publish_document(key, meeting_id, folder, data)]
            except pack_issues.StaleIssue as stale:  # nothing written: asked on the GUI thread
                return stale

        def done(result) -> None:
            if isinstance(result, pack_issues.StaleIssue):
                self.packs.offer_new_edition(result)
            else:
                self._done_publishing(result)

        run_task(self.window, work, done, label="Publishing…")

    def _done_publishing(self, paths: list[Path] | None) -> None:
        if paths is None:
            self._say_cancelled()
            return
        names = ", ".join(path.name for path in paths)
        self.window.statusBar().showMessage(f"Published into {paths[0].parent}: {names}", 15000)
        self.published.emit(paths)

    def _say_cancelled(self) -> None:
        self.window.statusBar().showMessage("Cancelled: nothing was made or written.", 8000)
        self.cancelled.emit()

    # -- what is selected ---------------------------------------------------------------------

    def _need_meeting(self) -> str:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            raise ValidationError("Choose a meeting on the left first.")
        return meeting_id

    def _need_body(self) -> str:
        body_id = self._body_id()
        if body_id is None:
            raise ValidationError("Choose a body on the left first.")
        return body_id
