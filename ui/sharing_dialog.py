"""File ▸ Sharing…: the shared folder this laptop syncs with, and what this laptop is to
the others (its machine name and device id), its last sync and what waits to go out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.sync.sharing import set_share_folder, sharing_state
from ui.errors import show_error
from ui.sharing_words import counted, when

INTRO = (
    "Choose a folder every laptop can reach: a network drive, or a folder that OneDrive, "
    "Dropbox or Syncthing keeps in step. Each laptop writes its own changes there and reads "
    "everyone else's; no database and no key is ever put in it."
)


class SharingDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Sharing")
        self.setMinimumWidth(560)
        state = sharing_state()

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(state.share) if state.share else "")
        self.folder.setObjectName("shareFolder")
        self.folder.setAccessibleName("Shared folder")
        self.folder.setPlaceholderText("No shared folder: this laptop is not sharing")
        self.folder.setClearButtonEnabled(True)
        self.choose_button = QPushButton("&Choose…")
        self.choose_button.setAccessibleName("Choose the shared folder")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)

        form = QFormLayout()
        label = QLabel("Shared &folder:")
        label.setBuddy(self.folder)
        form.addRow(label, row)
        self.facts: dict[str, QLabel] = {}
        for key, text, value in (
            ("machine", "This machine:", state.machine),
            ("device", "Device id:", state.device_id),
            ("last_sync", "Last sync:", when(state.last_sync) or "never"),
            ("waiting", "Waiting to go out:", _waiting(state.waiting)),
            ("conflicts", "Conflicts open:", str(state.conflicts)),
        ):
            shown = QLabel(value)
            shown.setObjectName(key)
            shown.setAccessibleName(text.rstrip(":"))
            # Selectable, so the device id can be copied into a message to whoever helps.
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, shown)
            self.facts[key] = shown

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.stop_button = buttons.addButton(
            "&Stop sharing",
            QDialogButtonBox.ButtonRole.ResetRole,  # apart from OK, on the left
        )
        self.stop_button.setAccessibleName("Stop sharing")
        self.stop_button.setEnabled(state.share is not None)
        self.stop_button.clicked.connect(self.stop_sharing)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.folder.setFocus()

    def choose(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Choose the shared folder", start)
        if chosen:
            self.folder.setText(chosen)

    def accept(self) -> None:
        """Keep the folder typed or chosen (none: stop sharing); a folder that cannot be
        used is refused in one sentence and the dialog stays open."""
        text = self.folder.text().strip()
        try:
            set_share_folder(Path(text) if text else None)
        except ValidationError as error:
            show_error(self, error)
            return
        super().accept()

    def stop_sharing(self) -> None:
        """This laptop's work stays here; it stops going out and coming in."""
        set_share_folder(None)
        super().accept()


def _waiting(count: int) -> str:
    return counted(count, "change") if count else "nothing"
