"""The content-addressed file store: attached reports and signed PDFs, kept by SHA-256.

A file lives at `<data folder>/store/<sha256[:2]>/<sha256>`. It is written under a
temporary name, flushed and renamed, so a crash never leaves half a file under a real
name; a file already present is never rewritten, since its name is its content.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from desktop_app.storage.leftovers import INCOMING_PREFIX
from desktop_app.storage.models import db

CHUNK = 1 << 20


def data_dir() -> Path:
    """The data folder: the one holding the open database file."""
    return Path(db.database).parent


def store_dir(base: Path | None = None) -> Path:
    return (base or data_dir()) / "store"


def path_of(sha256: str, *, base: Path | None = None) -> Path:
    """Where the file with this SHA-256 lives (whether or not it is there)."""
    return store_dir(base) / sha256[:2] / sha256


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def put_file(path: Path, *, base: Path | None = None) -> str:
    """Copy the file into the store (if not there yet) and return its SHA-256."""
    with open(path, "rb") as source:
        return _put_stream(source.read, base)


def put_bytes(data: bytes, *, base: Path | None = None) -> str:
    """Keep `data` in the store (if not there yet) and return its SHA-256."""
    chunks = iter([data])
    return _put_stream(lambda _size: next(chunks, b""), base)


def has(sha256: str, *, base: Path | None = None) -> bool:
    return path_of(sha256, base=base).is_file()


def _put_stream(read, base: Path | None) -> str:
    folder = store_dir(base)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=INCOMING_PREFIX)
    try:
        with os.fdopen(handle, "wb") as temp:
            while chunk := read(CHUNK):
                digest.update(chunk)
                temp.write(chunk)
            temp.flush()
            os.fsync(temp.fileno())
        sha256 = digest.hexdigest()
        target = path_of(sha256, base=base)
        if target.is_file():
            os.unlink(temp_name)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp_name, target)
        return sha256
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise
