"""Papers, signed PDFs and issued packs travel beside the changes, once each, by hash.

A file goes to `<share>/minute-book/files/<sha256>` before the change naming it is written,
and is checked against its hash when read. A change can still arrive before its file (a
file-sync service copies in any order): it applies, and the file is fetched when it is
there; until then it is reported as awaited.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop_app.atomic_files import copy_atomically
from desktop_app.services.settings import get_setting
from desktop_app.storage import store
from desktop_app.storage.models import LocalSetting, db
from desktop_app.sync.share import ShareError, files_dir

# Fields holding the SHA-256 of a file in the store.
FILE_FIELDS = {
    "document": "sha256",
    "minutes_version": "pdf_sha256",
    "pack_issue": "pdf_sha256",
}
AWAITED = "files_awaited"


def named_files(changes: list[dict]) -> set[str]:
    """The hashes of files that `changes` refer to."""
    found = set()
    for change in changes:
        name = FILE_FIELDS.get(change["table"])
        value = change["fields"].get(name) if name else None
        if value:
            found.add(value)
    return found


def push(share: Path, hashes: set[str]) -> int:
    """Copy to the share each file it lacks; returns how many were copied."""
    copied = 0
    for sha256 in sorted(hashes):
        target = files_dir(share) / sha256
        if target.exists() or not store.has(sha256):
            continue
        try:
            copy_atomically(store.path_of(sha256), target)
        except OSError as error:
            raise ShareError(
                f"The shared folder {share} cannot take a file: {error.strerror or error}."
            ) from error
        copied += 1
    return copied


def fetch(share: Path, hashes: set[str]) -> tuple[int, list[str]]:
    """Bring into the store the files named and awaited; returns (fetched, still awaited)."""
    wanted = set(json.loads(get_setting(AWAITED, "[]"))) | hashes
    fetched, awaited = 0, []
    for sha256 in sorted(wanted):
        if store.has(sha256):
            continue
        source = files_dir(share) / sha256
        if source.is_file() and _matches(source, sha256):
            with open(source, "rb") as file:
                store.put_bytes(file.read())
            fetched += 1
        else:
            awaited.append(sha256)
    with db.atomic():
        LocalSetting.replace(key=AWAITED, value=json.dumps(awaited)).execute()
    return fetched, awaited


def _matches(path: Path, sha256: str) -> bool:
    # A file cut short by a copy in progress, or damaged, is left for a later sync.
    try:
        return os.path.getsize(path) > 0 and store.sha256_of(path) == sha256
    except OSError:
        return False
