"""What a row written through the services costs today: SQL statements a row (counted by
SQLite's trace callback) and rows a second (issue 13, "Speed"). Information, no budget.

Three ways of writing, on an empty laptop in the scratch folder: a service call per new
row (`create_organisation`, its own transaction, as the window makes one), a service call
per edit (`rename_organisation`), and `changes.create` for many rows in one transaction,
as an import writes. Each is run once traced, to count, and once untraced, to time.
"""

from __future__ import annotations

import time
from collections import Counter

from bench.results import Result
from bench.workspace import Workspace
from desktop_app.services.directory.organisations import create_organisation, rename_organisation
from desktop_app.storage import changes
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Organisation, db

ROWS = 1_000
BUDGETS = ()


def measure(workspace: Workspace, *, rows: int = ROWS) -> list[Result]:
    open_database(workspace.scratch("service-writes"))
    try:
        ways = {
            "a new row through a service, its own transaction": _creates,
            "an edit through a service, its own transaction": _renames,
            "new rows by changes.create, one transaction for all": _one_transaction,
        }
        results = []
        for label, way in ways.items():
            counted = Counter()
            _trace(counted)
            way(rows, f"traced {label}")
            _trace(None)
            started = time.perf_counter()
            way(rows, f"timed {label}")
            seconds = time.perf_counter() - started
            results.append(_result(label, counted, rows, seconds))
    finally:
        close_database()
    return results


def _creates(rows: int, prefix: str) -> None:
    for n in range(rows):
        create_organisation(name=f"{prefix} {n}")


def _renames(rows: int, prefix: str) -> None:
    organisation = create_organisation(name=prefix)
    for n in range(rows):
        rename_organisation(organisation_id=organisation.id, name=f"{prefix} {n}")


def _one_transaction(rows: int, prefix: str) -> None:
    with db.atomic():
        for n in range(rows):
            changes.create(Organisation, name=f"{prefix} {n}")


def _trace(counted: Counter | None) -> None:
    connection = db.connection()
    if counted is None:
        connection.set_trace_callback(None)
    else:
        connection.set_trace_callback(lambda sql: counted.update([_kind(sql)]))


def _kind(sql: str) -> str:
    """`INSERT journal_entry`, `SELECT local_setting`, `COMMIT`: what a statement does where."""
    words = sql.replace('"', " ").replace("(", " ").split()
    verb = words[0].upper() if words else "?"
    if verb in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
        return verb
    marker = {"INSERT": "INTO", "SELECT": "FROM", "UPDATE": "UPDATE", "DELETE": "FROM"}.get(verb)
    upper = [w.upper() for w in words]
    if marker in upper:
        at = upper.index(marker)
        return f"{verb} {words[at + 1] if at + 1 < len(words) else '?'}"
    return verb


def _result(label: str, counted: Counter, rows: int, seconds: float) -> Result:
    total = sum(counted.values())
    parts = ", ".join(f"{kind} {n / rows:.2g}" for kind, n in counted.most_common())
    return Result(
        f"cost of {label}",
        measured=f"{total / rows:.1f} statements/row, {rows / seconds:,.0f} rows/s",
        value=seconds / rows,
        runs=rows,
        verdict="information",
        notes=[f"statements a row: {parts}"],
    )
