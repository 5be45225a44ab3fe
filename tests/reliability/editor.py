"""A second process for the reliability tests: makes committed edits through the services
on a data folder and prints each one's id, flushed, once its transaction has committed.

    python tests/reliability/editor.py DATA_DIR TAG --seconds 3
    python tests/reliability/editor.py DATA_DIR TAG --edits 100

Each round creates a person named "<TAG> <n>" (a read of the clock stamp, then writes, in
one transaction) and renames the one made before it. A refusal is printed as
`refused <sentence>` and the run goes on, so a test can count them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.errors import StorageError, ValidationError  # noqa: E402
from desktop_app.services.people import create_person, update_person  # noqa: E402
from desktop_app.storage.database import open_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("tag")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--edits", type=int)
    args = parser.parse_args()
    open_database(args.data_dir)
    print("ready", flush=True)
    end = time.monotonic() + args.seconds if args.seconds else None
    previous, number = None, 0
    while (end is None or time.monotonic() < end) and (args.edits is None or number < args.edits):
        number += 1
        try:
            person = create_person(name=f"{args.tag} {number}")
            print(f"created {person.id} {args.tag} {number}", flush=True)
            if previous is not None:
                update_person(person_id=previous, position=f"edit {number}")
                print(f"updated {previous} edit {number}", flush=True)
            previous = person.id
        except (ValidationError, StorageError, Exception) as error:  # counted, not hidden
            print(f"refused {type(error).__name__}: {error}", flush=True)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
