"""This machine's own preferences (never synced): where the clerk last published, and such."""

from __future__ import annotations

from desktop_app.storage.models import LocalSetting, db

PUBLISH_FOLDER = "publish_folder"


def get_setting(key: str, default: str = "") -> str:
    row = LocalSetting.get_or_none(LocalSetting.key == key)
    return row.value if row is not None else default


def set_setting(key: str, value: str) -> None:
    """Remember a value on this machine; a local preference, so not journalled."""
    with db.atomic():
        LocalSetting.replace(key=key, value=value).execute()
