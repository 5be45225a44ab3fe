"""Many rows made here at once (an import) written the way a sync writes the rows that
arrive: the rows are held as changes until `write`, then merged by applying.py (one
statement a table, search entries together) and journaled as this machine's own, so the
share sends them as any other edit. `changes.create` costs five statements a row; building
peewee's SQL for each was most of an import's time (bench/).

The caller writes before anything reads the rows back from the database.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from desktop_app.storage import changes
from desktop_app.storage.database import context
from desktop_app.storage.models import Synced
from desktop_app.sync.applying import merge_changes
from desktop_app.sync.journal_rows import record_applied

RowT = TypeVar("RowT", bound=Synced)


class NewRows:
    def __init__(self, by: str) -> None:
        self.by = by  # what made them, for the audit log: "import"
        self.held: dict[str, tuple[Synced, dict]] = {}  # row id: (row, its change)

    def make(self, model: type[RowT], **values: Any) -> RowT:
        """A new row (with `id` if given), as `changes.create` makes one, not yet written."""
        ctx = context()
        values = changes.by_field(model, values)
        now, stamp = changes.utc_now(), changes.next_stamp(kept=False)
        row = model(
            created_at=now, updated_at=now, hlc=stamp, base_hlc=stamp, stamps="{}", **values
        )
        fields = {
            name: changes.plain(row.__data__.get(name)) for name in changes.data_fields(model)
        }
        fields["created_at"] = now
        change = {
            "id": str(uuid.uuid4()),
            "device": ctx.device_id,
            "hlc": stamp,
            "table": model._meta.table_name,
            "row": row.id,
            "op": "upsert",
            "fields": fields,
            "prior": {},
            "actor": ctx.actor,
            "machine": ctx.machine,
            "at": now,
            "tx": changes.transaction_id(),
            "schema": ctx.schema_version,
        }
        self.held[row.id] = (row, change)
        return row

    def holds(self, row_id: str | None) -> Synced | None:
        held = self.held.get(row_id) if row_id else None
        return held[0] if held else None

    def write(self) -> None:
        if not self.held:
            return
        made = [change for _row, change in self.held.values()]
        merge_changes(made)
        record_applied(made, origin="", by=self.by)
        changes.keep_stamp()
        self.held.clear()
