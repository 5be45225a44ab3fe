"""Changes applied from the share, written down: into the local journal (so the whole
history can be replayed) and the audit log (who made the changes and on which machine),
and new rows inserted, each in one prepared statement per set of columns.

Building peewee's INSERT for each row cost several times SQLite's writing it (bench/), so
these write with `executemany`.
"""

from __future__ import annotations

import json
from collections import defaultdict

from desktop_app.storage.models import SYNCED_MODELS, AuditEntry, JournalEntry, Synced, db

MODELS = {model._meta.table_name: model for model in SYNCED_MODELS}
JOURNAL_COLUMNS = (
    "change_id",
    "device_id",
    "hlc",
    "table_name",
    "row_id",
    "op",
    "fields",
    "prior",
    "actor",
    "machine",
    "at",
    "tx_id",
    "schema_version",
    "origin",
)


def record_applied(applied: list[dict], origin: str, *, by: str = "sync") -> None:
    """Each change applied into the journal (with where it came from: "" for changes made
    here, which are shared) and the audit log, where `by` says what wrote them."""
    names = JOURNAL_COLUMNS
    entries = [
        (
            change["id"],
            change["device"],
            change["hlc"],
            change["table"],
            change["row"],
            change["op"],
            json.dumps(change["fields"], ensure_ascii=False, sort_keys=True),
            json.dumps(change["prior"], sort_keys=True) if change.get("prior") else "{}",
            change["actor"],
            change["machine"],
            change["at"],
            change["tx"],
            change["schema"],
            origin,
        )
        for change in applied
    ]
    _insert_many(JournalEntry, names, entries)
    _insert_dicts(AuditEntry, _audit(applied, origin or "this machine", by))


def _audit(applied: list[dict], origin: str, by: str) -> list[dict]:
    """One audit entry for the changes of one kind to one table by one person on one
    machine: who made them and where is the audit log's to say, each change is the
    journal's. An entry a change cost as much as its journal entry (bench/)."""
    groups: dict[tuple[str, str, str, str], list[dict]] = defaultdict(list)
    for change in applied:
        groups[change["table"], _action(change), change["actor"], change["machine"]].append(change)
    entries = []
    for (table, action, actor, machine), group in groups.items():
        model = MODELS[table].__name__
        if len(group) == 1:
            [change] = group
            what = f"{model} {change['row']}: " + ", ".join(sorted(change["fields"]))
        else:
            what = f"{len(group):,} {model} rows, from {origin}"
        entries.append(
            {
                "id": group[0]["id"],
                "at": max(change["at"] for change in group),
                "actor": actor,
                "machine": machine,
                "action": f"{by} {action}",
                "table_name": table,
                "row_id": group[0]["row"] if len(group) == 1 else "",
                "summary": what[:400],
            }
        )
    return entries


def _action(change: dict) -> str:
    if change["op"] == "delete":
        return "delete"
    return "create" if "created_at" in change["fields"] else "update"


def insert_rows(model: type[Synced], rows: list[Synced]) -> None:
    """Insert new rows, one prepared statement for each set of fields they hold. Building
    peewee's INSERT for each row cost several times SQLite's writing it (bench/)."""
    by_names: dict[tuple[str, ...], list[Synced]] = defaultdict(list)
    for row in rows:
        by_names[tuple(row.__data__)].append(row)
    for names, group in by_names.items():
        _insert_many(model, names, [tuple(row.__data__[name] for name in names) for row in group])


def _insert_dicts(model, rows: list[dict]) -> None:
    if rows:
        names = tuple(rows[0])
        _insert_many(model, names, [tuple(row[name] for name in names) for row in rows])


def _insert_many(model, names: tuple[str, ...], values: list[tuple]) -> None:
    # Only names of the schema's own columns are put in the text; values go as parameters.
    # The values came as JSON (text, numbers, true/false, null; dates as ISO text), which
    # SQLite stores as peewee would after its conversions, so they are passed as they are:
    # converting each cost a third of the insert (bench/).
    fields = [model._meta.fields[name] for name in names]
    columns = ", ".join(f'"{field_.column_name}"' for field_ in fields)
    marks = ", ".join("?" * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    db.cursor().executemany(sql, values)


def journal_change(entry: JournalEntry) -> dict:
    """A journal entry as it travels in a change file (and as `apply_changes` takes it)."""
    return {
        "id": entry.change_id,
        "device": entry.device_id,
        "hlc": entry.hlc,
        "table": entry.table_name,
        "row": entry.row_id,
        "op": entry.op,
        "fields": json.loads(entry.fields),
        "prior": json.loads(entry.prior or "{}"),
        "actor": entry.actor,
        "machine": entry.machine,
        "at": entry.at,
        "tx": entry.tx_id,
        "schema": entry.schema_version,
    }
