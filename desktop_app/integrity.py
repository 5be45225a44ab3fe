"""The `check` command: is the database sound, and is every stored file there and intact?"""

from __future__ import annotations

from desktop_app.storage import store
from desktop_app.storage.models import Document, MinutesVersion, db


def check_integrity() -> list[str]:
    """Each problem found, as a sentence; an empty list means all is well."""
    problems = []
    rows = [row[0] for row in db.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems += [f"The database is damaged: {row}." for row in rows]
    for table, rowid, parent, _key in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Row {rowid} of {table} refers to a {parent} that does not exist.")
    for document in Document.live().order_by(Document.created_at):
        problems += _file_problems(document.sha256, f"the document “{document.title}”")
    for version in MinutesVersion.live().where(MinutesVersion.pdf_sha256 != ""):
        problems += _file_problems(version.pdf_sha256, f"minutes version {version.version}")
    return problems


def stored_files() -> int:
    """How many files the store holds."""
    folder = store.store_dir()
    return sum(1 for path in folder.glob("??/*") if path.is_file()) if folder.is_dir() else 0


def _file_problems(sha256: str, what: str) -> list[str]:
    if not sha256:
        return [f"No file is kept for {what}."]
    path = store.path_of(sha256)
    if not path.is_file():
        return [f"The file of {what} is missing from the store ({path})."]
    if store.sha256_of(path) != sha256:
        return [f"The file of {what} has changed since it was stored ({path})."]
    return []
