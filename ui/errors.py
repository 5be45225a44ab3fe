"""How errors reach the user: a clerk's mistake in a warning, a bug with its details."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import StorageError, ValidationError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "Minute Book") -> None:
    """A ValidationError is shown as it is; anything else is a bug, logged with details."""
    if isinstance(error, (ValidationError, StorageError)):
        QMessageBox.warning(parent, title, str(error))
        return
    details = "".join(traceback.format_exception(error))
    log.error("unexpected error\n%s", details)
    box = QMessageBox(QMessageBox.Icon.Critical, title, "Something went wrong.", parent=parent)
    box.setInformativeText(
        f"{type(error).__name__}: {error}\nNothing you typed has been lost. Use “Show Details” "
        "to copy the report for whoever looks after Minute Book."
    )
    box.setDetailedText(details)
    box.exec()
