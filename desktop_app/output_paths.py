"""Where a command may write its output: anywhere the user can, except over the data it
works on.

`--out` (and publish's `--to`) may not name a folder where a file is meant, the data folder's
database or its journal files, anything in its store of documents, or the folder of signing
keys. Paths are compared after following links and `..`, and by the file itself where it
exists, so a second name for the database (a link, a name in another case) is refused too.
Every refusal names the path as the user gave it.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.storage.database import DATABASE_NAME

# The database and the files SQLite keeps beside it while it is open.
DATABASE_FILES = tuple(DATABASE_NAME + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def check_output(path: Path, *, data_dir: Path) -> Path:
    """`path`, if a command may write its file there; else a ValidationError saying why."""
    given = Path(path)
    if given.is_dir():
        raise ValidationError(f"{given} is a folder; give the name of the file to write.")
    for name in DATABASE_FILES:
        if _same_file(given, Path(data_dir) / name):
            raise ValidationError(
                f"{given} is the data folder's database; writing there would destroy it, "
                "so choose another file."
            )
    _refuse_kept_folders(given, data_dir, "choose another file")
    return given


def check_output_folder(folder: Path, *, data_dir: Path) -> Path:
    """`folder`, if a command may write its files into it; else a ValidationError."""
    given = Path(folder)
    _refuse_kept_folders(given, data_dir, "choose another folder")
    return given


def _refuse_kept_folders(given: Path, data_dir: Path, advice: str) -> None:
    from desktop_app.services.signatures.signing import (
        keys_dir,  # loads the signing code: only here
    )

    kept = (
        (Path(data_dir) / "store", "the data folder's store of documents", "damage it"),
        (keys_dir(), "the folder of signing keys", "destroy a key"),
    )
    for folder, what, harm in kept:
        if _inside(given, folder):
            raise ValidationError(f"{given} is in {what}; writing there could {harm}, so {advice}.")


def _same_file(given: Path, kept: Path) -> bool:
    if given.exists() and kept.exists():
        return os.path.samefile(given, kept)
    # Not both there yet: the same name in the same folder would still be the same file.
    target = given.resolve()
    return os.path.normcase(target.name) == os.path.normcase(kept.name) and _same_folder(
        target.parent, kept.parent
    )


def _inside(given: Path, folder: Path) -> bool:
    """Whether `given` is `folder` or lies anywhere under it."""
    if not folder.is_dir():
        return False
    target = given.resolve()
    return any(_same_folder(place, folder) for place in (target, *target.parents))


def _same_folder(one: Path, other: Path) -> bool:
    return one.is_dir() and other.is_dir() and os.path.samefile(one, other)
