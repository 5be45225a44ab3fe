"""Several laptops in one test: each a real data folder, opened in turn, syncing through
one real shared folder; and the changes laptops made, merged in a chosen order into an
empty data folder, as a sync brings them in files arriving in that order."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from desktop_app.exchange.exporter import export_data
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import JournalEntry, db
from desktop_app.sync.conflicts import open_conflicts
from desktop_app.sync.journal_rows import journal_change
from desktop_app.sync.merging import merge_in
from desktop_app.sync.run import SyncReport, sync_now

HOUR_MS = 3600 * 1000


class Laptop:
    def __init__(self, folder: Path, share: Path, now_ms=None) -> None:
        self.folder, self.share, self.now_ms = folder, share, now_ms

    @contextlib.contextmanager
    def opened(self):
        if self.now_ms is None:
            open_database(self.folder)
        else:
            open_database(self.folder, now_ms=self.now_ms)
        try:
            yield
        finally:
            close_database()

    def sync(self) -> SyncReport:
        with self.opened():
            return sync_now(self.share)

    def export(self) -> dict:
        with self.opened():
            return export_data()

    def made_since(self, mark: int = 0) -> list[dict]:
        """The changes made on this laptop after journal entry `mark`, as they travel."""
        with self.opened():
            made = (JournalEntry.origin == "") & (JournalEntry.seq > mark)
            query = JournalEntry.select().where(made)
            return [journal_change(entry) for entry in query.order_by(JournalEntry.seq)]

    def mark(self) -> int:
        """Where this laptop's journal ends now."""
        with self.opened():
            return JournalEntry.select().count()


def clock(offset_ms: int):
    """A laptop's clock, `offset_ms` ahead of the wall (behind if negative)."""
    return lambda: time.time_ns() // 1_000_000 + offset_ms


def merged(folder: Path, *files: list[dict]) -> tuple[str, tuple[tuple, ...]]:
    """`files` merged in this order into an empty data folder, each as a sync merges one
    file: the record exported, and the open conflicts as the clerk sees them."""
    open_database(folder)
    try:
        for changes_ in files:
            with db.atomic():
                merge_in(changes_, origin="test")
        shown = sorted((c.kind, c.field, str(c.mine.value), str(c.theirs.value))
                       for c in open_conflicts())  # fmt: skip
        # As text, so that the outcomes of several orders can be put in a set.
        return json.dumps(export_data(), sort_keys=True), tuple(shown)
    finally:
        close_database()


def laptops(tmp_path: Path, count: int) -> list[Laptop]:
    share = tmp_path / "share"
    share.mkdir()
    return [Laptop(tmp_path / f"laptop-{n}", share) for n in range(count)]
