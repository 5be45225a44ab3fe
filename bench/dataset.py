"""The benchmark dataset of DESIGN.md §6: ten years of a large council, generated from a
fixed seed so every run of the benchmark measures the same rows.

It is a fixture, not user data: rows are written straight into the tables with peewee's
`insert_many`, in one transaction, without going through the services. So there is no
change journal and no audit log for them, which also keeps the journal out of the
start-up and memory figures. Every synced row still gets an id, created/updated times and
a clock stamp, as a service would have written.

    python -m bench.dataset [--out DIR] [--scale 0.1]    # (re)generate
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import time
import uuid
from collections import defaultdict
from pathlib import Path

from bench import council
from bench.council import BENCH_BODY, BENCH_DATES
from bench.proceedings import Proceedings
from bench.scratch import SCRATCH_DIR
from desktop_app.storage import store as file_store
from desktop_app.storage.database import DATABASE_NAME, close_database, open_database
from desktop_app.storage.models import SYNCED_MODELS, Body, Synced

# Bump when the generator writes different rows: the cache folder is named for it, so a
# stale dataset is never measured.
# 3: the search index (migration 0004) and the words of each report; 4: `base_hlc`, the
# stamp of the fields a row was made with, as `changes.create` and migration 0007 set it
# (left empty, an edit of a generated row was a conflict with the row's own creation).
VERSION = 4
SEED = 1972  # the Local Government Act
DEFAULT_DIR = SCRATCH_DIR / f"dataset-v{VERSION}"  # outside the clone
MARKER = "dataset.json"
BATCH_VARIABLES = 30_000  # SQLite allows 32,766 bound values per statement since 3.32

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class Rows:
    """Buffers rows per model and writes them with `insert_many`, a batch at a time."""

    def __init__(self) -> None:
        self.pending: dict[type[Synced], list[dict]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, model: type[Synced], row: dict) -> None:
        rows = self.pending[model]
        rows.append(row)
        self.counts[model._meta.table_name] += 1
        if len(rows) * len(model._meta.sorted_fields) >= BATCH_VARIABLES:
            self.flush(model)

    def flush(self, model: type[Synced] | None = None) -> None:
        for each in [model] if model else list(self.pending):
            rows = self.pending.pop(each, [])
            if not rows:
                continue
            fields = each._meta.sorted_fields
            defaults = [_default(field) for field in fields]
            values = [
                tuple(row.get(f.name, d) for f, d in zip(fields, defaults, strict=True))
                for row in rows
            ]
            each.insert_many(values, fields=fields).execute()


class Stamps:
    """Bookkeeping columns for rows written at a given instant, as `changes.create` would."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.device = f"{rng.getrandbits(48):012x}"  # the fixture's own "machine"
        self.counter = 0

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def synced(self, created: dt.datetime, updated: dt.datetime | None = None) -> dict:
        updated = updated or created
        ms = int((updated - EPOCH).total_seconds() * 1000)
        self.counter = (self.counter + 1) % 100_000  # keeps stamps distinct within a ms
        stamp = f"{ms:013d}-{self.counter:05d}-{self.device}"
        return {
            "id": self.new_id(),
            "created_at": created.isoformat(timespec="milliseconds"),
            "updated_at": updated.isoformat(timespec="milliseconds"),
            "hlc": stamp,
            "base_hlc": stamp,
            "deleted_at": None,
        }


def generate(out: Path, *, scale: float = 1.0, seed: int = SEED) -> dict:
    """Write the dataset into the data folder `out` (which must not hold a database yet).

    Returns the marker written beside it: seed, scale, row counts per table, seconds taken.
    """
    started = time.perf_counter()
    if (out / DATABASE_NAME).exists():
        raise FileExistsError(f"{out} already holds a database")
    rng = random.Random(seed)
    stamps = Stamps(rng)
    rows = Rows()
    database = open_database(out)
    try:
        with database.atomic():
            _build(rng, stamps, rows, _store_in(out), scale)
            rows.flush()
        # Leave one file behind: the -wal would otherwise be copied with every run.
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_database()
    marker = {
        "version": VERSION,
        "seed": seed,
        "scale": scale,
        "counts": {
            m._meta.table_name: rows.counts.get(m._meta.table_name, 0) for m in SYNCED_MODELS
        },
        "bench_body": BENCH_BODY,
        "bench_dates": [d.isoformat() for d in BENCH_DATES],
        "database_bytes": (out / DATABASE_NAME).stat().st_size,
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / MARKER).write_text(json.dumps(marker, indent=2) + "\n")
    return marker


def _build(rng: random.Random, stamps: Stamps, rows: Rows, store, scale: float) -> None:
    org_ids = council.organisations(rng, stamps, rows, scale)
    everyone = council.people(rng, stamps, rows, scale, org_ids)
    boards = council.bodies(rng, stamps, everyone, scale)
    council.memberships(stamps, rows, boards)
    proceedings = Proceedings(rng, stamps, rows, store, everyone, org_ids)
    per_body = council.scaled("meetings_per_body", scale, 4)
    for board in boards:
        proceedings.meetings(board, per_body)
        # Added after its meetings, which moved its next minute number on.
        rows.add(Body, board.row)
    proceedings.actions()
    proceedings.documents()


def _store_in(out: Path):
    """Put a report in the data folder's content-addressed store. Written directly, without
    the store's fsync per file: a fixture that is regenerated if interrupted needs none."""

    def store(content: bytes) -> str:
        sha = hashlib.sha256(content).hexdigest()
        path = file_store.path_of(sha, base=out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return sha

    return store


def ensure_dataset(out: Path = DEFAULT_DIR, *, scale: float = 1.0) -> Path:
    """The dataset folder, generated first if it is missing or was left half-written."""
    marker = read_marker(out)
    if marker and marker["version"] == VERSION and marker["scale"] == scale:
        return out
    regenerate(out, scale=scale)
    return out


def regenerate(out: Path, *, scale: float = 1.0, seed: int = SEED) -> dict:
    """Generate into a scratch folder and move it into place, so an interrupted run never
    leaves a folder that looks complete."""
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"generating the benchmark dataset in {out} (scale {scale}) ...", flush=True)
    marker = generate(partial, scale=scale, seed=seed)
    shutil.rmtree(out, ignore_errors=True)
    partial.rename(out)
    size_mb = marker["database_bytes"] / 1e6
    print(f"generated in {marker['seconds']:.1f} s; database {size_mb:.0f} MB", flush=True)
    return marker


def read_marker(out: Path) -> dict | None:
    try:
        return json.loads((out / MARKER).read_text())
    except (OSError, ValueError):
        return None


def _default(field):
    default = field.default
    return default() if callable(default) else default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the Minute Book benchmark dataset.")
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="data folder to write")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 is DESIGN.md §6")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    marker = regenerate(args.out, scale=args.scale, seed=args.seed)
    for table, count in marker["counts"].items():
        print(f"  {table:16} {count:>8,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
