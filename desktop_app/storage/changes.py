"""Writing synced rows: every create, update and delete also goes to the change journal
(DESIGN.md §5) and the audit log, in the caller's transaction.

Services call these instead of `Model.save()` so that no change can reach the database
without being shared and recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any, TypeVar

from peewee import Model

from desktop_app.clock import Stamp, tick
from desktop_app.storage.database import context
from desktop_app.storage.models import (
    AuditEntry,
    JournalEntry,
    LocalSetting,
    Synced,
    db,
)

RowT = TypeVar("RowT", bound=Synced)

BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "hlc", "deleted_at"})


def utc_now() -> str:
    return dt.datetime.fromtimestamp(context().now_ms() / 1000, dt.UTC).isoformat(
        timespec="milliseconds"
    )


def next_stamp() -> str:
    """The next clock stamp, persisted so it never goes backwards across restarts."""
    ctx = context()
    row = LocalSetting.get_or_none(LocalSetting.key == "hlc")
    last = Stamp.parse(row.value) if row else None
    stamp = str(tick(last, ctx.device_id, ctx.now_ms))
    LocalSetting.replace(key="hlc", value=stamp).execute()
    return stamp


def plain(value: Any) -> Any:
    """A field value as it travels in the journal and the exchange format."""
    if isinstance(value, Model):
        return value.get_id()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def current(row: Synced, names) -> dict[str, Any]:
    """The stored values of `names`, which may be field names or columns (`body_id`)."""
    return {name: row.__data__.get(row._meta.combined[name].name) for name in names}


def create(model: type[RowT], **values: Any) -> RowT:
    """Insert a new synced row (with `id` if given, else a fresh UUID)."""
    _check_transaction()
    values = _by_field(model, values)
    now, stamp = utc_now(), next_stamp()
    row = model(created_at=now, updated_at=now, hlc=stamp, **values)
    row.save(force_insert=True)
    fields = {name: plain(row.__data__.get(name)) for name in _data_fields(model)}
    fields["created_at"] = now
    _record(row, "upsert", fields, stamp, "create", _describe(row))
    return row


def update(row: RowT, **values: Any) -> bool:
    """Write only the fields whose value changes; returns False when nothing did."""
    _check_transaction()
    values = _by_field(type(row), values)
    changed = {
        name: value
        for name, value in values.items()
        if plain(row.__data__.get(name)) != plain(value)
    }
    if not changed:
        return False
    now, stamp = utc_now(), next_stamp()
    for name, value in changed.items():
        setattr(row, name, value)
    row.updated_at, row.hlc = now, stamp
    row.save(
        only=[
            *(row._meta.fields[n] for n in changed),
            row._meta.fields["updated_at"],
            row._meta.fields["hlc"],
        ]
    )
    summary = f"{_describe(row)}: {', '.join(sorted(changed))}"
    _record(
        row,
        "upsert",
        {n: plain(v) for n, v in changed.items()},
        stamp,
        "update",
        summary,
    )
    return True


def delete(row: Synced) -> None:
    """Tombstone the row: it stays, marked deleted, so the delete can be shared."""
    _check_transaction()
    if row.deleted_at is not None:
        return
    now, stamp = utc_now(), next_stamp()
    row.deleted_at, row.updated_at, row.hlc = now, now, stamp
    row.save(only=[Synced.deleted_at, Synced.updated_at, Synced.hlc])
    _record(row, "delete", {"deleted_at": now}, stamp, "delete", _describe(row))


def restore(row: Synced) -> None:
    """Bring a tombstoned row back (the undo of a delete)."""
    _check_transaction()
    if row.deleted_at is None:
        return
    now, stamp = utc_now(), next_stamp()
    row.deleted_at, row.updated_at, row.hlc = None, now, stamp
    row.save(only=[Synced.deleted_at, Synced.updated_at, Synced.hlc])
    _record(row, "upsert", {"deleted_at": None}, stamp, "restore", _describe(row))


def _by_field(model: type[Synced], values: dict[str, Any]) -> dict[str, Any]:
    # Services speak of `body_id`; peewee's field is `body`. Both name the same column.
    return {model._meta.combined[name].name: value for name, value in values.items()}


def _data_fields(model: type[Synced]) -> list[str]:
    return [name for name in model._meta.fields if name not in BOOKKEEPING]


def _describe(row: Synced) -> str:
    label = getattr(row, "name", None) or getattr(row, "title", None) or getattr(row, "text", "")
    kind = type(row).__name__
    return f"{kind} {label!r}" if label else f"{kind} {row.id}"


def _record(row: Synced, op: str, fields: dict, stamp: str, action: str, summary: str) -> None:
    ctx = context()
    table = row._meta.table_name
    JournalEntry.create(
        change_id=str(uuid.uuid4()),
        device_id=ctx.device_id,
        hlc=stamp,
        table_name=table,
        row_id=row.id,
        op=op,
        fields=json.dumps(fields, ensure_ascii=False, sort_keys=True),
    )
    AuditEntry.create(
        at=row.updated_at,
        actor=ctx.actor,
        machine=ctx.machine,
        action=action,
        table_name=table,
        row_id=row.id,
        summary=summary[:500],
    )


def _check_transaction() -> None:
    # A change outside a transaction could be written without its journal entry on a crash.
    if not db.in_transaction():
        raise RuntimeError("changes must be made inside `with db.atomic():`")
