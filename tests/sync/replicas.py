"""Several laptops in one test: each a real data folder, opened in turn, syncing through
one real shared folder."""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop_app.exchange.exporter import export_data
from desktop_app.storage.database import close_database, open_database
from desktop_app.sync.run import SyncReport, sync_now


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


def laptops(tmp_path: Path, count: int) -> list[Laptop]:
    share = tmp_path / "share"
    share.mkdir()
    return [Laptop(tmp_path / f"laptop-{n}", share) for n in range(count)]
