"""What an agenda item holds besides its own row: its sub-items, its minute, resolutions and
their named votes, papers, actions and their progress notes, and declarations made on it.
Deleting the item hides them all, so the delete records each of them with the stamp of its newest
change; sync then tells an edit made elsewhere meanwhile from one the deleter saw
(sync/derived.py).
"""

from __future__ import annotations

import json
from collections.abc import Collection

from desktop_app.storage.changes import SEEN
from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Declaration,
    Document,
    Minute,
    NamedVote,
    Resolution,
)

# (model, how a row names its item: through its own column, or its resolution's or action's)
_UNDER = (
    # A sub-item made, moved in or brought back elsewhere while its parent was deleted
    # would be live but shown nowhere: it is work the delete hid, as a minute is.
    (AgendaItem, AgendaItem.parent, None),
    (Minute, Minute.item, None),
    (Resolution, Resolution.item, None),
    (Document, Document.item, None),
    (Action, Action.item, None),
    (Declaration, Declaration.item, None),
    (NamedVote, NamedVote.resolution, Resolution),
    (ActionNote, ActionNote.action, Action),
)


def held_under(item_ids: Collection[str]) -> dict[str, dict[str, str]]:
    """For each item given that holds live rows: {"table/row id": stamp of the row's newest
    change} of those rows."""
    ids = sorted(item_ids)
    held: dict[str, dict[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for model, column, through in _UNDER:
            if through is None:
                query = model.live().select(model, column.alias("owner")).where(column.in_(chunk))
            else:
                query = (
                    model.live()
                    .select(model, through.item.alias("owner"))
                    .join(through, on=(column == through.id))
                    .where(through.item.in_(chunk))
                )
            for row in query.objects():  # `owner` on the row itself, even through a join
                key = f"{model._meta.table_name}/{row.id}"
                held.setdefault(row.owner, {})[key] = _newest(row)
    return held


def _newest(row) -> str:
    stamps = json.loads(row.stamps or "{}")
    return max([row.base_hlc, *(value for key, value in stamps.items() if key != SEEN)])
