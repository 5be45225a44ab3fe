"""This machine's sharing settings and state, as the window's status bar and Sharing…
show them: the shared folder chosen, this installation's device id and machine name, the
last sync, the changes waiting to go out and the conflicts open. Never synced."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.services.settings import get_setting, set_setting
from desktop_app.storage.database import context
from desktop_app.sync import outgoing
from desktop_app.sync.run import LAST_SYNC, SHARE_FOLDER, open_conflict_count
from desktop_app.sync.share import ShareError, check_share


@dataclass(frozen=True)
class SharingState:
    share: Path | None
    device_id: str
    machine: str
    last_sync: str  # UTC ISO time, "" if never
    waiting: int  # changes made here not yet on the share
    conflicts: int


def share_folder() -> Path | None:
    text = get_setting(SHARE_FOLDER, "")
    return Path(text) if text else None


def set_share_folder(folder: Path | None) -> None:
    """Choose the shared folder (None: stop sharing). A folder that cannot be reached or
    written is refused in one sentence."""
    if folder is not None:
        folder = Path(folder).expanduser()
        try:
            check_share(folder)
        except ShareError as error:
            raise ValidationError(str(error)) from error
    set_setting(SHARE_FOLDER, str(folder.resolve()) if folder is not None else "")


def sharing_state() -> SharingState:
    ctx = context()
    return SharingState(
        share=share_folder(),
        device_id=ctx.device_id,
        machine=ctx.machine,
        last_sync=get_setting(LAST_SYNC, ""),
        waiting=outgoing.waiting(),
        conflicts=open_conflict_count(),
    )
