"""What a search hit is found in (search.py ranks the index's entries; this joins them to
their rows): the item, meeting and body an entry is in, only where all are live (and the
action, for a progress note); a plan's row placed in its plan; a quarterly update with its
quarter; and which entries are confidential (on a Part II item, or a confidential paper)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from desktop_app.storage.models import db


@dataclass(frozen=True)
class Found:
    entry_id: int  # the entry's key in the index (`search_entry.ord`)
    kind: str
    score: float
    item_id: str
    title: str
    number: str | None  # None: a plan's row, placed in its plan when it is shown
    meeting_id: str
    date: str
    body_name: str
    plan_id: str = ""
    row_id: str = ""
    update_id: str = ""


def joined(ranked: list[tuple]) -> list[Found]:
    """The ranked entries whose item, meeting and body (and action, for a note) are live,
    and those of plans whose plan and body are live, in their rank."""
    if not ranked:
        return []
    scores = dict(ranked)
    sql = (
        "SELECT s.ord, s.kind, i.id, i.title, i.number, m.id, m.date, b.name "
        "FROM search_entry s "
        "LEFT JOIN action a ON a.id = s.action_id "
        "JOIN agenda_item i ON i.id = coalesce(s.item_id, a.item_id) "
        "JOIN meeting m ON m.id = i.meeting_id "
        "JOIN body b ON b.id = m.body_id "
        "WHERE s.ord IN (SELECT value FROM json_each(?)) "
        "AND i.deleted_at IS NULL AND m.deleted_at IS NULL AND b.deleted_at IS NULL "
        "AND (s.action_id IS NULL OR a.deleted_at IS NULL)"
    )
    order = {entry_id: n for n, entry_id in enumerate(scores)}
    found = [
        Found(entry_id, kind, scores[entry_id], *rest)
        for entry_id, kind, *rest in fetched(sql, [json.dumps(list(scores))])
    ]
    found += _in_plans(scores)
    found += _in_updates(scores)
    return sorted(found, key=lambda f: order[f.entry_id])


def _in_plans(scores: dict) -> list[Found]:
    """The ranked entries of plans' rows whose plan and body are live."""
    sql = (
        "SELECT s.ord, s.kind, s.row_id, p.id, p.title, p.starts, b.name FROM search_entry s "
        "JOIN plan p ON p.id = s.plan_id JOIN body b ON b.id = p.body_id "
        "WHERE s.ord IN (SELECT value FROM json_each(?)) AND s.plan_id IS NOT NULL "
        "AND p.deleted_at IS NULL AND b.deleted_at IS NULL"
    )
    return [
        Found(entry_id, kind, scores[entry_id], "", title, None, "", starts, name, plan_id, row)
        for entry_id, kind, row, plan_id, title, starts, name in fetched(
            sql, [json.dumps(list(scores))]
        )
    ]


def placed(found: Found) -> Found | None:
    """A hit to show: a plan's row is placed in its plan (services/plans/outline), and is
    none when a row above it is deleted."""
    if found.number is not None:
        return found
    from desktop_app.services.plans.outline import where_in_plan

    where = where_in_plan(found.kind, found.row_id)
    return None if where is None else replace(found, number=where)


def _in_updates(scores: dict) -> list[Found]:
    """The ranked entries of live quarterly updates of live groups: the update's title is
    the hit's, its quarter where it is found ("Quarter 2 2011/12")."""
    from desktop_app.services.plans.quarters import quarter_label

    sql = (
        "SELECT s.ord, s.kind, u.id, u.title, u.quarter, b.name FROM search_entry s "
        "JOIN quarterly_update u ON u.id = s.row_id JOIN body b ON b.id = u.body_id "
        "WHERE s.ord IN (SELECT value FROM json_each(?)) AND s.kind = 'quarterly_update' "
        "AND u.deleted_at IS NULL AND b.deleted_at IS NULL"
    )
    rows = fetched(sql, [json.dumps(list(scores))])
    return [
        Found(
            entry_id=entry_id,
            kind=kind,
            score=scores[entry_id],
            item_id="",
            title=title,
            number=quarter_label(dt.date.fromisoformat(quarter)),
            meeting_id="",
            date=quarter,
            body_name=body_name,
            update_id=update_id,
        )
        for entry_id, kind, update_id, title, quarter, body_name in rows
    ]


def confidential(found: list[Found]) -> set[int]:
    """Entries on a Part II item (or under one), and confidential papers."""
    item_ids = json.dumps(sorted({f.item_id for f in found}))
    sql = (
        "WITH RECURSIVE up(start, parent, secret) AS ("
        " SELECT id, parent_id, confidential FROM agenda_item"
        " WHERE id IN (SELECT value FROM json_each(?))"
        " UNION SELECT up.start, p.parent_id, p.confidential FROM up"
        " JOIN agenda_item p ON p.id = up.parent)"
        " SELECT start FROM up GROUP BY start HAVING max(secret)"
    )
    part_two = {item_id for (item_id,) in fetched(sql, [item_ids])}
    papers = [f.entry_id for f in found if f.kind == "document"]
    secret_papers: set[int] = set()
    if papers:
        sql = (
            "SELECT s.ord FROM search_entry s JOIN document d ON d.id = s.row_id "
            "WHERE s.ord IN (SELECT value FROM json_each(?)) AND d.confidential"
        )
        secret_papers = {entry_id for (entry_id,) in fetched(sql, [json.dumps(papers)])}
    return {f.entry_id for f in found if f.item_id in part_two} | secret_papers


def fetched(sql: str, params) -> list[tuple]:
    """The rows of an SQL query, its values passed as parameters (search.py's too)."""
    return db.execute_sql(sql, list(params)).fetchall()
