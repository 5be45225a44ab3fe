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

from desktop_app.clock import Stamp, observe, tick
from desktop_app.storage.database import context
from desktop_app.storage.models import (
    AuditEntry,
    Conflict,
    JournalEntry,
    LocalSetting,
    Synced,
    db,
)

RowT = TypeVar("RowT", bound=Synced)

BOOKKEEPING = frozenset(
    {"id", "created_at", "updated_at", "hlc", "deleted_at", "stamps", "base_hlc"}
)

# A delete's `prior` names under this key the newest stamp of the row its maker saw, and
# under the next the stamp it saw of each field, so an edit made elsewhere meanwhile is
# known to be one the delete did not see (sync/applying), whatever the clocks.
SEEN = "*"
SEEN_FIELDS = "*fields"
# A delete's `prior` names under this key what else it hides, each with the stamp seen.
HIDES = "hides"


def utc_now() -> str:
    return dt.datetime.fromtimestamp(context().now_ms() / 1000, dt.UTC).isoformat(
        timespec="milliseconds"
    )


def next_stamp(*, kept: bool = True) -> str:
    """The next clock stamp, persisted so it never goes backwards across restarts.

    The stored stamp is read once per transaction (the transaction remembers the last one
    it gave); a sync applying thousands of rows must not read it for each. With `kept`
    False it is not written yet: a writer of many rows calls keep_stamp once."""
    ctx = context()
    transaction = _outermost()
    last = getattr(transaction, "last_stamp", None)
    if last is None:
        row = LocalSetting.get_or_none(LocalSetting.key == "hlc")
        last = Stamp.parse(row.value) if row else None
    stamp = tick(last, ctx.device_id, ctx.now_ms)
    transaction.last_stamp = stamp
    if kept:
        keep_stamp()
    return str(stamp)


def keep_stamp() -> None:
    """Write the last stamp the transaction gave to the stored clock."""
    stamp = getattr(_outermost(), "last_stamp", None)
    if stamp is not None:
        LocalSetting.replace(key="hlc", value=str(stamp)).execute()


def observe_stamp(remote: Stamp) -> None:
    """Move the stored clock past `remote`, a stamp received from another machine."""
    ctx = context()
    transaction = _outermost()
    last = getattr(transaction, "last_stamp", None)
    if last is None:
        row = LocalSetting.get_or_none(LocalSetting.key == "hlc")
        last = Stamp.parse(row.value) if row else None
    stamp = observe(last, remote, ctx.device_id, ctx.now_ms)
    LocalSetting.replace(key="hlc", value=str(stamp)).execute()
    transaction.last_stamp = stamp


def forget_kept_stamp() -> None:
    """After a savepoint rolled back: the stamp the transaction keeps may be one written
    inside it, so the next is read from the database again."""
    vars(_outermost()).pop("last_stamp", None)


def transaction_id() -> str:
    """One id for every change of the outermost transaction, so they travel as a whole."""
    transaction = _outermost()
    if not hasattr(transaction, "change_tx_id"):
        transaction.change_tx_id = uuid.uuid4().hex
    return transaction.change_tx_id


def stamp_of(row: Synced, name: str) -> str:
    """The stamp of the value `row` holds in field `name`."""
    return json.loads(row.stamps or "{}").get(name, row.base_hlc)


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
    values = by_field(model, values)
    now, stamp = utc_now(), next_stamp()
    row = model(created_at=now, updated_at=now, hlc=stamp, base_hlc=stamp, stamps="{}", **values)
    row.save(force_insert=True)
    fields = {name: plain(row.__data__.get(name)) for name in data_fields(model)}
    fields["created_at"] = now
    _record(row, "upsert", fields, {}, stamp, "create", _describe(row))
    return row


def update(row: RowT, **values: Any) -> bool:
    """Write only the fields whose value changes; returns False when nothing did."""
    _check_transaction()
    values = by_field(type(row), values)
    changed = {
        name: value
        for name, value in values.items()
        if plain(row.__data__.get(name)) != plain(value)
    }
    if not changed:
        return False
    prior = {name: [stamp_of(row, name), *_same_text(row, name)] for name in changed}
    _write(row, changed, prior, "update", f"{_describe(row)}: {', '.join(sorted(changed))}")
    return True


def settle(
    row: RowT, name: str, value: Any, replacing: list[str], *, hides: dict | None = None
) -> None:
    """Write `value` to field `name` as the change that replaces the current value and the
    conflicting ones stamped `replacing`: a conflict's resolution. It is written even when
    the value stays, since its journal entry is what closes the conflict elsewhere. A delete
    chosen so says, as `delete` does, what its maker saw (and `hides`)."""
    _check_transaction()
    name = type(row)._meta.combined[name].name
    prior = {name: sorted({stamp_of(row, name), *replacing})}
    if name == "deleted_at" and value is not None:
        stamps = json.loads(row.stamps or "{}")
        prior.update(_seen(row, stamps))
        row.stamps = json.dumps({**stamps, SEEN: prior[SEEN][0]}, sort_keys=True)
        if hides is not None:
            prior[HIDES] = hides
    _write(row, {name: value}, prior, "resolve", f"{_describe(row)}: {name}")


def delete(row: Synced, *, hides: dict[str, str] | None = None) -> None:
    """Tombstone the row: it stays, marked deleted, so the delete can be shared. `hides`
    names the other rows the delete hides with it ({"table/id": stamp of the newest change
    seen}: an item's minute, resolutions, papers), so that sync can tell a change made
    elsewhere meanwhile (services/meeting_cycle/under_items.py)."""
    _check_transaction()
    if row.deleted_at is not None:
        return
    stamps = json.loads(row.stamps or "{}")
    prior = {"deleted_at": [stamp_of(row, "deleted_at")], **_seen(row, stamps)}
    seen = prior[SEEN][0]
    if hides is not None:
        prior[HIDES] = hides
    row.stamps = json.dumps({**stamps, SEEN: seen}, sort_keys=True)
    _write(row, {"deleted_at": utc_now()}, prior, "delete", _describe(row), op="delete")


def _seen(row: Synced, stamps: dict) -> dict:
    """What a delete of `row` saw: the newest stamp, and the stamp of each field."""
    fields = {name: stamp for name, stamp in stamps.items() if not name.startswith(SEEN)}
    return {SEEN: [max([row.base_hlc, *stamps.values()])], SEEN_FIELDS: fields}


def restore(row: Synced) -> None:
    """Bring a tombstoned row back (the undo of a delete)."""
    _check_transaction()
    if row.deleted_at is None:
        return
    prior = {"deleted_at": [stamp_of(row, "deleted_at")]}
    # Brought back, the row no longer hides an edit its delete did not see (sync/applying):
    # the restore closes that conflict here as it does where it arrives.
    Conflict.delete().where(
        (Conflict.table_name == row._meta.table_name)
        & (Conflict.row_id == row.id)
        & (Conflict.kind == "deleted")
        & (Conflict.stamp == prior["deleted_at"][0])
    ).execute()
    _write(row, {"deleted_at": None}, prior, "restore", _describe(row))


def _same_text(row: Synced, name: str) -> list[str]:
    """Stamps of values kept in conflicts that equal the value being replaced: the editor
    saw that very text, so their edit replaces those too (sync/applying)."""
    value = json.dumps(plain(row.__data__.get(name)), ensure_ascii=False)
    found = Conflict.select(Conflict.stamp).where(
        (Conflict.table_name == row._meta.table_name)
        & (Conflict.row_id == row.id)
        & (Conflict.field == name)
        & (Conflict.value == value)
    )
    return [conflict.stamp for conflict in found]


def data_fields(model: type[Synced]) -> list[str]:
    return [name for name in model._meta.fields if name not in BOOKKEEPING]


def _write(
    row: Synced, changed: dict, prior: dict, action: str, summary: str, op: str = "upsert"
) -> None:
    now, stamp = utc_now(), next_stamp()
    for name, value in changed.items():
        setattr(row, name, value)
    stamps = json.loads(row.stamps or "{}")
    stamps.update(dict.fromkeys(changed, stamp))
    row.updated_at, row.hlc, row.stamps = now, stamp, json.dumps(stamps, sort_keys=True)
    fields = row._meta.fields
    row.save(only=[*(fields[n] for n in changed), *(fields[n] for n in _TOUCHED)])
    plain_fields = {n: plain(v) for n, v in changed.items()}
    _record(row, op, plain_fields, prior, stamp, action, summary)


_TOUCHED = ("updated_at", "hlc", "stamps")


def by_field(model: type[Synced], values: dict[str, Any]) -> dict[str, Any]:
    # Services speak of `body_id`; peewee's field is `body`. Both name the same column.
    return {model._meta.combined[name].name: value for name, value in values.items()}


def _describe(row: Synced) -> str:
    label = getattr(row, "name", None) or getattr(row, "title", None) or getattr(row, "text", "")
    kind = type(row).__name__
    return f"{kind} {label!r}" if label else f"{kind} {row.id}"


def _record(
    row: Synced, op: str, fields: dict, prior: dict, stamp: str, action: str, summary: str
) -> None:
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
        prior=json.dumps(prior, sort_keys=True),
        actor=ctx.actor,
        machine=ctx.machine,
        at=row.updated_at,
        tx_id=transaction_id(),
        schema_version=ctx.schema_version,
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


def _outermost():
    return db._state.transactions[0]


def _check_transaction() -> None:
    # A change outside a transaction could be written without its journal entry on a crash.
    if not db.in_transaction():
        raise RuntimeError("changes must be made inside `with db.atomic():`")
