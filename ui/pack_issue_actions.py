"""Documents ▸ Issue agenda pack and Pack issues: asking which editions to issue, issuing
them off the GUI thread (one undoable step: Ctrl+Z withdraws them), opening an issue byte
for byte as it was issued, and offering a new public edition when the public pack no
longer matches the record.

The Documents menu's DocumentActions (ui/document_actions.py) owns a PackIssuing as
`packs`, handing it the preview, publishing one document, the meeting chosen and how to
say a task was cancelled; its Publish offers a new public edition through it too."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from desktop_app.documents import catalogue
from desktop_app.errors import Cancelled, ValidationError
from ui.errors import show_error
from ui.events import Changes
from ui.tasks import run_task

# Pack issuing and its dialogs load when first used, not to build the menu at start-up.
if TYPE_CHECKING:
    from desktop_app.services.papers import pack_issues
    from ui.pack_issues_dialog import PackIssuesDialog


class PackIssuing(QObject):
    """Issue agenda pack… and Pack issues… for the meeting the window has chosen."""

    issued = Signal(object)  # pack_issues.Issued, once the issue is on the undo stack
    issues_shown = Signal(object)  # the Pack issues dialog just shown

    def __init__(
        self,
        window: QMainWindow,
        *,
        undo_stack: QUndoStack,
        changes: Changes,
        need_meeting: Callable[[], str],
        show: Callable[..., None],
        publish_one: Callable[[str, str, bytes], None],
        say_cancelled: Callable[[], None],
    ):
        """`need_meeting` gives the meeting chosen (a ValidationError if none), `show` opens
        bytes in the preview, `publish_one` publishes the document a preview shows."""
        super().__init__(window)
        self.window = window
        self.undo_stack, self.changes = undo_stack, changes
        self._need_meeting, self._show = need_meeting, show
        self._publish_one, self._say_cancelled = publish_one, say_cancelled
        self._issues_dialog: PackIssuesDialog | None = None

    # -- issuing the agenda pack --------------------------------------------------------------

    def issue_pack(self, meeting_id: str | None = None, parent: QWidget | None = None) -> None:
        """Ask which editions to issue, issue them off the GUI thread (Ctrl+Z withdraws them),
        then open the issued pack in the preview."""
        from ui.pack_issuing import EditionDialog

        parent = parent or self.window
        try:
            meeting_id = meeting_id or self._need_meeting()
            target = catalogue.meeting_target(meeting_id)
        except ValidationError as error:
            show_error(parent, error)
            return
        dialog = EditionDialog(f"{target.body_name}, {target.when}", parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._issue(meeting_id, dialog.editions(), parent, self._open_first)

    def _issue(
        self,
        meeting_id: str,
        editions: tuple[bool, ...],
        parent: QWidget,
        then: Callable[[str, pack_issues.Issued], None],
    ) -> None:
        from desktop_app.services.papers import pack_issues

        def work(progress) -> pack_issues.Issued | None:
            try:
                return pack_issues.issue_packs(
                    meeting_id=meeting_id, editions=editions, progress=progress
                )
            except Cancelled:  # nothing was issued
                return None

        run_task(
            parent,
            work,
            lambda issued: self._issued(meeting_id, issued, then),
            label="Issuing the agenda pack…",
        )

    def _issued(self, meeting_id: str, issued: pack_issues.Issued | None, then) -> None:
        from desktop_app.services.papers import pack_issues
        from ui.pack_issuing import push_issue

        if issued is None:
            self._say_cancelled()
            return
        push_issue(self.undo_stack, self.changes, issued)
        said = [
            f"the {pack_issues.edition_name(i.public)} (issue {i.number}, {i.page_count} pages)"
            for i in issued.issued
        ]
        kept = [
            f" The {pack_issues.edition_name(i.public)} is unchanged since issue {i.number}."
            for i in issued.unchanged
        ]
        self.window.statusBar().showMessage(
            f"Issued {' and '.join(said)}.{''.join(kept)} Ctrl+Z withdraws.", 15000
        )
        self.issued.emit(issued)
        then(meeting_id, issued)

    def _open_first(self, meeting_id: str, issued: pack_issues.Issued) -> None:
        from desktop_app.services.papers import pack_issues

        first = issued.issued[0].id
        entry = next(e for e in pack_issues.pack_issue_entries(meeting_id) if e.id == first)
        self.open_issue(meeting_id, entry)

    def offer_new_edition(
        self, stale: pack_issues.StaleIssue, then=None, parent: QWidget | None = None
    ) -> None:
        """Say why the public pack cannot go out and offer to issue a new public edition
        there and then (keeping its page numbers); `then` follows the issue (by default
        the new issue opens in the preview)."""
        parent = parent or self.window
        if stale.newer:  # a later issue shows nothing confidential: that one is to publish
            show_error(parent, stale)
            return
        answer = QMessageBox.question(
            parent,
            "Minute Book",
            f"{stale}\n\nIssue a new public edition now?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._issue(stale.meeting_id, (True,), parent, then or self._open_first)

    def open_issue(self, meeting_id: str, entry: pack_issues.IssueEntry) -> None:
        """Open an issue of the pack in the preview, byte for byte as it was issued."""
        from desktop_app.services.papers import pack_issues
        from ui.pack_issuing import issue_file_name, issue_title

        try:
            data = pack_issues.pack_issue_pdf(entry.id)
        except pack_issues.StaleIssue as stale:
            self.offer_new_edition(stale, parent=self._issues_dialog)
            return
        except ValidationError as error:
            show_error(self.window, error)
            return
        target = catalogue.meeting_target(meeting_id)
        publish = None
        if entry.public and entry.latest:  # only the latest issue is published

            def publish(shown: bytes) -> None:
                self._publish_one("public-pack", meeting_id, shown)

        self._show(
            data,
            title=issue_title(entry, target),
            file_name=issue_file_name(entry, target),
            publish=publish,
        )

    def show_issues(self, meeting_id: str | None = None) -> None:
        """The Pack issues dialog of the meeting, beside the window (not modal)."""
        try:
            meeting_id = meeting_id or self._need_meeting()
        except ValidationError as error:
            show_error(self.window, error)
            return
        from ui.pack_issues_dialog import PackIssuesDialog

        shown = self._issues_dialog
        if shown is None or shown.meeting_id != meeting_id:
            if shown is not None:
                shown.close()
            shown = PackIssuesDialog(
                meeting_id,
                stack=self.undo_stack,
                changes=self.changes,
                open_issue=lambda entry: self.open_issue(meeting_id, entry),
                issue=lambda: self.issue_pack(meeting_id, parent=self._issues_dialog),
                parent=self.window,
            )
            shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            shown.destroyed.connect(lambda _=None, gone=shown: self._forget_issues(gone))
            self._issues_dialog = shown
        shown.show()
        shown.raise_()
        shown.activateWindow()
        self.issues_shown.emit(shown)

    def _forget_issues(self, gone: QDialog) -> None:
        if self._issues_dialog is gone:  # not one opened since for another meeting
            self._issues_dialog = None
