"""Files made whole or not at all: written under a temporary name in the target's folder,
flushed to disk, then renamed over the final name.

A rename within one folder is atomic, so a reader — a colleague on the shared drive, a web
server, the app after a crash — sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

SHARED = 0o666  # narrowed by the user's umask, like any file their other programs make
PRIVATE = 0o600  # keys: readable by their owner only, whatever the umask


@contextmanager
def atomic_file(path: Path, *, mode: int = SHARED) -> Iterator[BinaryIO]:
    """Open a temporary file beside `path` for writing; on leaving the block without an
    error it is flushed, synced and renamed over `path`, otherwise removed."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # os.open rather than mkstemp: mkstemp makes 0600 files, which a published agenda or an
    # export on a shared drive must not be.
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes, *, mode: int = SHARED) -> Path:
    """Write `data` to `path`, whole or not at all."""
    with atomic_file(path, mode=mode) as file:
        file.write(data)
    return Path(path)


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy the file `source` to `target`, whole or not at all."""
    with open(source, "rb") as original, atomic_file(target) as file:
        shutil.copyfileobj(original, file)
    return Path(target)
