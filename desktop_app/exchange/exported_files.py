"""The files an export writes beside its JSON: each document's file and each signed minutes
PDF, copied out of the content-addressed store and named relative to the JSON file.

A file keeps its own name unless another file (in this export, or already in the folder)
has it; then it goes into a folder named by the start of its SHA-256, which keeps the two
apart. Without a folder (an export held in memory) only the names are given.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.atomic_files import copy_atomically
from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.storage import store
from desktop_app.storage.models import Document, Meeting, MinutesVersion


class ExportedFiles:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.written: dict[str, str] = {}  # relative name -> sha256

    def document(self, document: Document) -> str:
        """Where the document's file is written, relative to the JSON."""
        name = Path(document.filename).name or f"{document.sha256[:12]}.bin"
        return self.place(name, document.sha256, f"The file of the document “{document.title}”")

    def signed_minutes(self, version: MinutesVersion) -> str | None:
        """Where the signed minutes PDF is written, relative to the JSON; None without a
        folder, as the signed file is not part of an export held in memory."""
        if self.folder is None:
            return None
        meeting = Meeting.get_by_id(version.__data__["meeting"])
        name = f"signed-minutes-{meeting.date.isoformat()}-v{version.version}.pdf"
        what = f"The signed minutes of {long_date(meeting.date)}"
        return self.place(name, version.pdf_sha256, what)

    def place(self, name: str, sha256: str, what: str) -> str:
        """Copy the stored file with this SHA-256 under `name` (or beside it, in a folder of
        its own) and return the name written; `what` names the file in a refusal."""
        if self.folder is None:
            return name
        source = store.path_of(sha256) if sha256 else None
        if source is None or not source.is_file():
            raise ValidationError(
                f"{what} is missing from the data folder; run `check` to see what else is missing."
            )
        for relative in (name, f"{sha256[:12]}/{name}"):
            target = self.folder / relative
            claimed = self.written.get(relative)
            if claimed == sha256:
                return relative
            if claimed is None and (not target.exists() or _same_file(target, sha256)):
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    copy_atomically(source, target)
                self.written[relative] = sha256
                return relative
        raise ValidationError(
            f"Cannot write {what[0].lower()}{what[1:]}: {self.folder / name} and its "
            "alternative are already taken by other files."
        )


def _same_file(path: Path, sha256: str) -> bool:
    return path.is_file() and store.sha256_of(path) == sha256
