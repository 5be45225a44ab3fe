"""Ids for rows with a natural identity (DESIGN.md §5): one minute per agenda item, one
attendance line per meeting and person, one named vote per resolution and person, one
report per agenda item.

Two laptops that each make "the same" row give it the same id, so sync merges them into
one row rather than keeping two that break the rule. An id is the UUID 5 of a fixed
namespace and a text naming the row ("minute:<item id>"); the example body every install
imports gets its ids the same way under a namespace of its own (first_run.py). `put` writes
a row under an id known in advance: these, and the keys appointments.py gives its rows.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from desktop_app.storage import changes
from desktop_app.storage.models import Synced

RowT = TypeVar("RowT", bound=Synced)

NATURAL = uuid.uuid5(uuid.NAMESPACE_URL, "minute-book:natural")


def natural_id(text: str, namespace: uuid.UUID = NATURAL) -> str:
    """The id of the row `text` names: the same on every machine."""
    return str(uuid.uuid5(namespace, text))


def minute_id(item_id: str) -> str:
    return natural_id(f"minute:{item_id}")


def attendance_id(meeting_id: str, person_id: str) -> str:
    return natural_id(f"attendance:{meeting_id}:{person_id}")


def named_vote_id(resolution_id: str, person_id: str) -> str:
    return natural_id(f"named-vote:{resolution_id}:{person_id}")


def report_id(item_id: str) -> str:
    return natural_id(f"report:{item_id}")


def put(model: type[RowT], row_id: str, **values: Any) -> RowT:
    """Write the row with this id as `values` say: created the first time. A row that has
    the id already (deleted by an undo, or by another laptop) is brought back and
    overwritten, its other fields set to their defaults, as inserting it again would be
    refused by its primary key."""
    existing = model.get_or_none(model.id == row_id)
    if existing is None:
        return changes.create(model, id=row_id, **values)
    changes.restore(existing)
    given = {model._meta.combined[name].name: value for name, value in values.items()}
    changes.update(existing, **{**_defaults(model), **given})
    return existing


def _defaults(model: type[Synced]) -> dict[str, Any]:
    """What a new row holds in each field no value is given for; a required field without
    a default is left as it is."""
    found = {}
    for name, field in model._meta.fields.items():
        if name in changes.BOOKKEEPING or (field.default is None and not field.null):
            continue
        found[name] = field.default() if callable(field.default) else field.default
    return found
