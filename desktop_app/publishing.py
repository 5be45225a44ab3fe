"""Writing finished documents into a folder outside the data folder (the website's upload
folder, the shared drive), so that no reader ever sees half a file.

Each file is written under a temporary name in the same folder, flushed to disk, then
renamed over the final name: a rename within one folder is atomic, and a web server or a
colleague opening the file sees the old version or the new one, never a mixture.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app import atomic_files
from desktop_app.documents import catalogue
from desktop_app.errors import ValidationError
from desktop_app.services import meetings


def check_folder(folder: Path) -> Path:
    """The folder, if documents can be written there; else a ValidationError saying why."""
    folder = Path(folder)
    if not folder.exists():
        raise ValidationError(f"There is no folder {folder}; choose one that exists.")
    if not folder.is_dir():
        raise ValidationError(f"{folder} is a file, not a folder; choose a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(f"The folder {folder} cannot be written to; choose another.")
    return folder


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` by way of a temporary file renamed over it; nothing is left
    behind if the write fails, and a failure is one sentence naming the file."""
    path = Path(path)
    check_folder(path.parent)
    try:
        return atomic_files.write_atomically(path, data)
    except OSError as error:
        reason = error.strerror or "a disk error"
        raise ValidationError(
            f"{path.name} could not be written into {path.parent} ({reason})."
        ) from None


def publishable(meeting_id: str) -> list[catalogue.DocumentKind]:
    """The public editions this meeting has: its public agenda once it has items, the public
    pack once a public item has a paper, the minutes once they are written."""
    from desktop_app.documents.facts import load_meeting_facts

    facts = load_meeting_facts(meeting_id)
    public_items = [item for item in facts.all_items() if not item.confidential]
    exists = {
        "public-agenda": bool(facts.items),
        "public-pack": any(not p.confidential for item in public_items for p in item.papers),
        "minutes": facts.has_minutes,
    }
    return [
        kind
        for kind in catalogue.of_scope(catalogue.MEETING)
        if kind.publishable and exists.get(kind.key, False)
    ]


def publish_meeting(meeting_id: str, folder: Path, *, progress=None) -> list[Path]:
    """Render the meeting's public editions and write each into `folder`; returns the
    files written. Nothing is written if the folder cannot be used or a document fails."""
    folder = check_folder(folder)
    meetings.get_meeting(meeting_id)  # an unknown meeting is refused before any work
    target = catalogue.meeting_target(meeting_id)
    kinds = publishable(meeting_id)
    if not kinds:
        raise ValidationError("This meeting has nothing to publish yet: its agenda is empty.")
    # Render everything first: a failure half way must not leave half a set published.
    made = [(kind, kind.render(meeting_id, progress=progress)) for kind in kinds]
    return [write_atomically(folder / kind.file_name(target), data) for kind, data in made]


def publish_document(key: str, target_id: str, folder: Path, data: bytes | None = None) -> Path:
    """Write one public edition into `folder` (rendered unless `data` is given). A document
    with confidential content is refused: only public editions leave for the outside."""
    kind = catalogue.document(key)
    if not kind.publishable:
        raise ValidationError(
            f"The {kind.label.lower()} may hold confidential information and is never "
            "published; publish a public edition instead."
        )
    folder = check_folder(folder)
    target = catalogue.meeting_target(target_id)
    if data is None:
        data = kind.render(target_id)
    return write_atomically(folder / kind.file_name(target), data)
