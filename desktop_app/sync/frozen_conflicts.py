"""Conflicts' ids, and the changes sync will not apply kept as conflicts of kind "frozen":
the floor applying.py (an issued pack refuses changes as they arrive) and frozen.py
(approved minutes put back after applying) both stand on."""

from __future__ import annotations

import hashlib
import json

from desktop_app.storage.models import Conflict


def conflict_id(table: str, row_id: str, name: str, stamp: str) -> str:
    """The same id on every machine for the conflict of one value of one field."""
    return hashlib.sha256(f"{table}|{row_id}|{name}|{stamp}".encode()).hexdigest()[:32]


def keep_refused(table: str, row_id: str, name: str, change: dict, value, found_at: str) -> None:
    """Keep a change refused whatever happens to approvals (to an issued pack), the latest
    one per field."""
    earlier = list(
        Conflict.select().where(
            (Conflict.table_name == table)
            & (Conflict.row_id == row_id)
            & (Conflict.field == name)
            & (Conflict.kind == "frozen")
        )
    )
    if any(row.stamp >= change["hlc"] for row in earlier):
        return
    for row in earlier:
        row.delete_instance()
    keep_frozen(table, row_id, name, change, value, found_at)


def keep_frozen(table: str, row_id: str, name: str, change: dict, value, found_at: str) -> None:
    """Keep `value`, which `change` would have written, as a conflict of kind "frozen"."""
    Conflict.create(
        id=conflict_id(table, row_id, name, change["hlc"]),
        table_name=table,
        row_id=row_id,
        field=name,
        kind="frozen",
        stamp=change["hlc"],
        value=json.dumps(value, ensure_ascii=False, sort_keys=True),
        device_id=change["device"],
        actor=change["actor"],
        machine=change["machine"],
        at=change["at"],
        found_at=found_at,
    )
