"""The Documents menu: each document of the meeting or body the window shows, rendered off
the GUI thread and opened in the preview; and Publish, which writes the meeting's public
editions into a folder chosen once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from desktop_app import publishing
from desktop_app.documents import catalogue
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.services.settings import PUBLISH_FOLDER, get_setting, set_setting
from ui.errors import show_error
from ui.icons import icon
from ui.record_dialog import RecordDialog
from ui.tasks import run_task

# Free in the main window (Ctrl+Shift+B/M/S/P/O/A/R/U, Ctrl+F, Ctrl+I/E and F5 are taken);
# Ctrl+Alt is avoided because AltGr types letters with it on many keyboards.
SHORTCUTS = {
    "agenda": "Ctrl+Shift+G",
    "pack": "Ctrl+Shift+K",
    "brief": "Ctrl+Shift+H",
    "minutes": "Ctrl+Shift+N",
}
PUBLISH_SHORTCUT = "Ctrl+Shift+L"
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
        meeting_id: Callable[[], str | None],
        body_id: Callable[[], str | None],
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(window)
        self.window = window
        self._meeting_id, self._body_id, self._today = meeting_id, body_id, today
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
        self.publish_action = QAction(icon("upload"), "&Publish…", window)
        self.publish_action.setShortcut(QKeySequence(PUBLISH_SHORTCUT))
        self.publish_action.setToolTip("Write the public agenda, pack and minutes into a folder")
        self.publish_action.triggered.connect(self.publish)
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
                body_id = self._need_body()
                self._render(kind, catalogue.body_target(body_id, date=self._today()))
        except ValidationError as error:
            show_error(self.window, error)

    def _ask_period(self, kind: catalogue.DocumentKind, body_id: str) -> None:
        until = self._today()
        since, _ = catalogue.period(None, None, today=until)

        def submit(values: dict) -> None:
            start, end = catalogue.period(values["since"], values["until"], today=until)
            target = catalogue.body_target(body_id, since=start, until=end)
            self._render(kind, target, from_date=start, to_date=end)

        dialog = RecordDialog(kind.label, submit, self.window)
        dialog.add_line("since", "From", since.isoformat(), "YYYY-MM-DD")
        dialog.add_line("until", "To", until.isoformat(), "YYYY-MM-DD")
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
        if data is None:
            self._say_cancelled()
            return
        from ui.pdf_preview import PdfPreview  # QtPdf loads when a document is first shown

        publish = None
        if kind.publishable:

            def publish(shown: bytes) -> None:
                self._publish_one(kind.key, target.id, shown)

        preview = PdfPreview(
            data,
            title=kind.title(target),
            file_name=kind.file_name(target),
            publish=publish,
            parent=self.window,
        )
        preview.show()
        preview.raise_()
        preview.activateWindow()
        self.opened.emit(preview)

    # -- publishing ---------------------------------------------------------------------------

    def publish(self) -> None:
        """Write the selected meeting's public editions into the publishing folder."""
        try:
            meeting_id = self._need_meeting()
        except ValidationError as error:
            show_error(self.window, error)
            return
        folder = self._folder()
        if folder is None:
            return

        def work(progress) -> list[Path] | None:
            try:
                return publishing.publish_meeting(meeting_id, folder, progress=progress)
            except Cancelled:  # stopped before anything was written
                return None

        run_task(
            self.window,
            work,
            self._done_publishing,
            label="Publishing the public documents…",
        )

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
        folder = self._folder()
        if folder is None:
            return
        try:
            path = publishing.publish_document(key, meeting_id, folder, data)
        except ValidationError as error:
            show_error(self.window, error)
            return
        self._done_publishing([path])

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
