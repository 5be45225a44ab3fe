"""Changes applied from the share, written down: into the local journal (so the whole
history can be replayed) and the audit log (who made each change and on which machine),
and new rows inserted, each in one prepared statement per set of columns.

Building peewee's INSERT for each row cost several times SQLite's writing it (bench/), so
these write with `executemany`.
"""

from __future__ import annotations

import json
from collections import defaultdict

from desktop_app.storage.models import SYNCED_MODELS, AuditEntry, JournalEntry, Synced, db

MODELS = {model._meta.table_name: model for model in SYNCED_MODELS}


def record_applied(applied: list[dict], origin: str) -> None:
    """Each change applied into the journal (with where it came from) and the audit log."""
    entries = [
        {
            "change_id": change["id"],
            "device_id": change["device"],
            "hlc": change["hlc"],
            "table_name": change["table"],
            "row_id": change["row"],
            "op": change["op"],
            "fields": json.dumps(change["fields"], ensure_ascii=False, sort_keys=True),
            "prior": json.dumps(change.get("prior", {}), sort_keys=True),
            "actor": change["actor"],
            "machine": change["machine"],
            "at": change["at"],
            "tx_id": change["tx"],
            "schema_version": change["schema"],
            "origin": origin,
        }
        for change in applied
    ]
    audit = [
        {
            "id": change["id"],
            "at": change["at"],
            "actor": change["actor"],
            "machine": change["machine"],
            "action": f"sync {_action(change)}",
            "table_name": change["table"],
            "row_id": change["row"],
            "summary": f"{MODELS[change['table']].__name__} {change['row']}: "
            + ", ".join(sorted(change["fields"]))[:400],
        }
        for change in applied
    ]
    _insert_dicts(JournalEntry, entries)
    _insert_dicts(AuditEntry, audit)


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
    fields = [model._meta.fields[name] for name in names]
    columns = ", ".join(f'"{field_.column_name}"' for field_ in fields)
    marks = ", ".join("?" * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    converted = [tuple(f.db_value(v) for f, v in zip(fields, row, strict=True)) for row in values]
    db.cursor().executemany(sql, converted)


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
