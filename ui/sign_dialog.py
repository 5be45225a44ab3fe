"""Signing approved minutes from the window: the chair's key file and passphrase, then the
signing itself off the GUI thread (issue 7). Signing cannot be undone: it is the record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.signatures import signing
from ui.errors import show_error
from ui.tasks import run_task


class SignDialog(QDialog):
    """Asks for the key file (this machine's key of the chair, if it has one) and its
    passphrase, saying whose minutes are signed and by whom."""

    def __init__(self, task: signing.SigningTask, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Sign the minutes")
        meeting = meetings.get_meeting(task.meeting_id)
        intro = QLabel(
            f"{display_name(task.chair)}, who presided at the meeting of "
            f"{long_date(task.approving.date)} that approved them, signs the minutes of "
            f"{long_date(meeting.date)} as a correct record. Once signed they can never "
            "change."
        )
        intro.setWordWrap(True)
        self.key_path = QLineEdit()
        self.key_path.setObjectName("keyPath")
        self.key_path.setAccessibleName("Key file")
        found = signing.key_file_for(task.chair.id)
        self.chair_id = task.chair.id
        if found is not None:
            self.key_path.setText(str(found))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        # A chair with no key on this laptop has one made here, with the passphrase typed
        # twice (kept in the user's config folder, never the data folder).
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassphrase")
        self.repeat.setAccessibleName("Passphrase again")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sign")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        form.addRow(intro)
        if found is None:
            self.new_key = QLabel(
                f"{display_name(task.chair)} has no signing key on this laptop yet. Leave the "
                "key file empty to make one now: choose a passphrase for it and type it twice. "
                "Only someone who knows the passphrase can sign with the key."
            )
            self.new_key.setWordWrap(True)
            form.addRow(self.new_key)
        form.addRow("Key file", key_row)
        form.addRow("Passphrase", self.passphrase)
        if found is None:
            form.addRow("Passphrase again", self.repeat)
        else:
            self.repeat.hide()
        form.addRow(buttons)
        self.passphrase.setFocus()

    def accept(self) -> None:
        """Without a key file, the chair's new key is made first (refused, the dialog
        stays as typed)."""
        if not self.key_path.text().strip():
            try:
                if self.passphrase.text() != self.repeat.text():
                    raise ValidationError("The two passphrases differ; type the same one twice.")
                _, made = signing.create_signer(
                    person_id=self.chair_id, passphrase=self.passphrase.text()
                )
            except ValidationError as error:
                show_error(self, error)
                return
            self.key_path.setText(str(made))
        super().accept()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "The chair's key file", str(signing.keys_dir()), "Key files (*.p12 *.pfx)"
        )
        if path:
            self.key_path.setText(path)


def sign_meeting(parent: QWidget, meeting_id: str, on_done: Callable[[object], None]) -> None:
    """Ask for the key and passphrase, then sign in the background; `on_done(version)`
    runs on the GUI thread once signed. A refusal is shown and nothing changes."""
    try:
        task = signing.presiding_signer(meeting_id)
    except ValidationError as error:
        show_error(parent, error)
        return
    dialog = SignDialog(task, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    key_path = Path(dialog.key_path.text().strip())
    passphrase = dialog.passphrase.text()

    def work(progress):
        from desktop_app.documents.minutes_pdf import render_minutes  # reportlab, on use

        return signing.sign_minutes(
            meeting_id=meeting_id, key_path=key_path, passphrase=passphrase, render=render_minutes
        )

    # Signing writes the signed version in one go: there is no point at which to stop it.
    run_task(parent, work, on_done, label="Signing the minutes…", cancellable=False)
