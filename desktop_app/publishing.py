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
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.papers import pack_issues

# Documents that are drafts until the minutes are approved.
DRAFTABLE = ("minutes", "confidential-minutes")


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
    pack once it is issued or a public item has a paper, the minutes once they are written."""
    from desktop_app.documents.meeting_facts import load_meeting_facts

    facts = load_meeting_facts(meeting_id)
    public_items = [item for item in facts.all_items() if not item.confidential]
    exists = {
        "public-agenda": bool(facts.items),
        "public-pack": pack_issues.latest_issue(meeting_id, public=True) is not None
        or any(not p.confidential for item in public_items for p in item.papers),
        "minutes": facts.has_minutes,
    }
    return [
        kind
        for kind in catalogue.of_scope(catalogue.MEETING)
        if kind.publishable and exists.get(kind.key, False)
    ]


def file_name(kind: catalogue.DocumentKind, target: catalogue.Target) -> str:
    """The document's file name, saying “(draft)” for minutes not yet approved, so nobody
    takes a draft on the website for the record."""
    name = kind.file_name(target)
    if kind.key in DRAFTABLE and not _minutes_approved(target.id):
        return name.removesuffix(".pdf") + " (draft).pdf"
    return name


def publish_meeting(meeting_id: str, folder: Path, *, progress=None) -> list[Path]:
    """Write the meeting's public editions into `folder` (the public pack as last issued);
    returns the files written. Nothing is written if the folder cannot be used or a document
    fails."""
    folder = check_folder(folder)
    _refuse_private(meeting_id)  # an unknown meeting is refused too, before any work
    target = catalogue.meeting_target(meeting_id)
    kinds = publishable(meeting_id)
    if not kinds:
        raise ValidationError("This meeting has nothing to publish yet: its agenda is empty.")
    # Make everything first: a failure half way must not leave half a set published.
    made = [(kind, _as_published(kind, meeting_id, progress)) for kind in kinds]
    return [write_atomically(folder / file_name(kind, target), data) for kind, data in made]


def publish_document(key: str, target_id: str, folder: Path, data: bytes | None = None) -> Path:
    """Write one public edition into `folder` (made as Publish makes it unless `data`, the
    bytes a preview shows, is given). A document with confidential content is refused: only
    public editions leave for the outside; so is a public pack other than the one last
    issued, and any `data` that is no longer what the document says now."""
    kind = catalogue.document(key)
    if not kind.publishable:
        raise ValidationError(
            f"The {kind.label.lower()} may hold confidential information and is never "
            "published; publish a public edition instead."
        )
    folder = check_folder(folder)
    _refuse_private(target_id)
    target = catalogue.meeting_target(target_id)
    issued = _issued_public_pack(target_id) if key == "public-pack" else None
    if issued is not None and data is not None and data != issued[1]:
        raise ValidationError(
            f"This is not issue {issued[0]} of the public agenda pack, the one issued: publish "
            "that issue, or issue the pack again to publish what has changed."
        )
    published = _as_published(kind, target_id)
    # A preview stays open while the meeting is edited: bytes shown before an item went
    # into Part II must not leave, so what is written is always what the document says now.
    if data is not None and data != published:
        raise ValidationError(
            f"The {kind.label.lower()} has changed since it was shown: open it again to see "
            "and publish it as it is now."
        )
    return write_atomically(folder / file_name(kind, target), published)


def _refuse_private(meeting_id: str) -> None:
    if not meetings.get_meeting(meeting_id).is_public:
        raise ValidationError(
            "This meeting was held in private, so none of its documents is published."
        )


def _as_published(kind: catalogue.DocumentKind, meeting_id: str, progress=None) -> bytes:
    """The public pack as last issued, so its published page numbers are the issued ones;
    a fresh rendering of anything else (or of a pack never issued)."""
    issued = _issued_public_pack(meeting_id) if kind.key == "public-pack" else None
    if issued is not None:
        return issued[1]
    return kind.render(meeting_id, progress=progress)


def _issued_public_pack(meeting_id: str) -> tuple[int, bytes] | None:
    latest = pack_issues.latest_issue(meeting_id, public=True)
    if latest is None:
        return None
    return latest.number, pack_issues.pack_issue_pdf(latest.id)


def _minutes_approved(meeting_id: str) -> bool:
    from desktop_app.documents.meeting_facts import load_meeting_facts
    from desktop_app.documents.minutes_pdf import is_approved

    return is_approved(load_meeting_facts(meeting_id))
