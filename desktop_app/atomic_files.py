"""Files made whole or not at all: written under a temporary name in the target's folder,
flushed to disk, then renamed over the final name.

A rename within one folder is atomic, so a reader — a colleague on the shared drive, a web
server, the app after a crash — sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

SHARED = 0o666  # narrowed by the user's umask, like any file their other programs make
PRIVATE = 0o600  # keys: readable by their owner only, whatever the umask
# A temporary file nothing has written to for this long was left by a killed process; a
# younger one may be another process's write in progress (as in storage/leftovers.py).
STALE_SECONDS = 60


@contextmanager
def atomic_file(path: Path, *, mode: int = SHARED) -> Iterator[BinaryIO]:
    """Open a temporary file beside `path` for writing; on leaving the block without an
    error it is flushed, synced and renamed over `path`, otherwise removed."""
    path = Path(path)
    _remove_stale_temporaries(path)
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


def _remove_stale_temporaries(path: Path) -> None:
    """Remove what a killed write of this same file left beside it: the folder may be
    anywhere, so the next write of the file is the one moment it is known."""
    ours = re.compile(rf"^\.{re.escape(path.name)}\.[0-9a-f]{{8}}\.tmp$")
    for temp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if ours.match(temp.name) and time.time() - temp.stat().st_mtime >= STALE_SECONDS:
                temp.unlink()
        except OSError:  # gone meanwhile, or (Windows) still open in another process
            pass
