"""Full-text search over item titles, minutes, resolutions, actions (and their progress
notes), the text of attached reports and the reports written in the app.

The index and the triggers that keep it in step are in storage/search_index.py.
What the user types is never FTS5 syntax: each word is quoted, so `"`, `*`, `-`, `AND`,
`NOT` and parentheses are searched for as they are. Every word must occur, as a whole word
(no prefixes: on ten years of minutes a prefix query costs several times a word's).

Words in scripts written with spaces are matched by the unicode61 index, case-folded and
with Latin accents removed ("resume" finds "résumé"; Greek accents still count). A query
holding Chinese, Japanese, Korean, Thai, Lao, Khmer or Myanmar characters goes to the
trigram index instead, which finds a term anywhere inside a sentence without spaces; a
term of one or two characters there is looked for with LIKE among the few entries in
those scripts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from desktop_app.services import validation
from desktop_app.storage import search_index
from desktop_app.storage.models import Body, db
from desktop_app.storage.plan_search import PLAN_KINDS

OPEN, CLOSE, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 14  # words around the match; a line in the result list
TRIGRAM = 3  # the trigram index cannot find a term shorter than this
# The scripts whose entries `search_trigram` holds.
UNSPACED = re.compile(search_index.UNSPACED)
KINDS = {
    "item": "item",
    "minute": "minute",
    "resolution": "resolution",
    "action": "action",
    "action_note": "action",
    "document": "document",
    "report": "report",
    **{kind: "plan" for kind in PLAN_KINDS},
    "quarterly_update": "update",
}
# The tables of the index (storage/search_index.py), with no model: derived from the rows,
# never synced.
INDEX_TABLES = ("search_entry", "search_text", "search_trigram", "document_text")
GROWTH = 8  # how much wider the window of ranked entries grows when deleted ones fill it


@dataclass(frozen=True)
class Hit:
    kind: str  # item, minute, resolution, action, document (an attached paper), report, plan
    # or update (a group's quarterly update)
    meeting_id: str  # "" for a plan's words or an update's
    item_id: str
    body_name: str
    meeting_date: dt.date  # a plan's start, for a plan's words
    minute_number: str  # for a plan's words: where in the plan ("1a", "Priority 1")
    title: str  # the item's title, or the plan's
    snippet: str  # plain text, the matched words marked « »
    confidential: bool  # on a Part II item, or a confidential paper
    plan_id: str = ""  # the plan the words are in
    update_id: str = ""  # the quarterly update the words are in


@dataclass(frozen=True)
class _Plan:
    """How one query is run: an FTS5 table and its MATCH text, and LIKE patterns that the
    entry's text must also meet (terms too short for the trigram index)."""

    table: str | None
    match: str
    likes: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Found:
    entry_id: int
    kind: str
    score: float
    item_id: str
    title: str
    number: str
    meeting_id: str
    date: str
    body_name: str
    plan_id: str = ""
    update_id: str = ""


def search(text: str, *, body_id: str | None = None, limit: int = 50) -> list[Hit]:
    """Hits for every word of `text`, best first (bm25), the newest meeting first among
    equals; only in that body's meetings when `body_id` is given."""
    if body_id is not None:
        validation.live_row(Body, body_id, "body")
    plan = _plan((text or "").split())
    if plan is None or limit <= 0:
        return []
    found = _ranked(plan, body_id, limit)
    if not found:
        return []
    snippets = _snippets(plan, [f.entry_id for f in found])
    secret = _confidential(found)
    return [
        Hit(
            kind=KINDS[f.kind],
            meeting_id=f.meeting_id,
            item_id=f.item_id,
            body_name=f.body_name,
            meeting_date=dt.date.fromisoformat(f.date),
            minute_number=f.number,
            title=f.title,
            snippet=snippets.get(f.entry_id, ""),
            confidential=f.entry_id in secret,
            plan_id=f.plan_id,
            update_id=f.update_id,
        )
        for f in found
    ]


def _plan(words: list[str]) -> _Plan | None:
    if any(UNSPACED.search(word) for word in words):
        long = [w for w in words if len(w) >= TRIGRAM]
        short = [w for w in words if len(w) < TRIGRAM]
        return _Plan(
            table="search_trigram" if long else None,
            match=" ".join(_quoted(w) for w in long),
            likes=tuple(_like(w) for w in short),
            words=tuple(words),
        )
    # Words of punctuation alone hold no token: quoted, they would match nothing at all.
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    return _Plan("search_text", " ".join(_quoted(w) for w in words), (), tuple(words))


def _quoted(word: str) -> str:
    """An FTS5 string: inside double quotes every character is literal ("" is one ")."""
    return '"' + word.replace('"', '""') + '"'


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _ranked(plan: _Plan, body_id: str | None, limit: int) -> list[_Found]:
    """The best `limit` hits. Entries are ranked in the index and `search_entry` alone (the
    meeting date and body are kept there), and only the best are joined to their item,
    meeting and body; when some of those are deleted, a wider window is ranked."""
    window = limit
    while True:
        ranked = _window(plan, body_id, window)
        found = _joined(ranked)
        if len(found) >= limit or len(ranked) < window:
            return found[:limit]
        window *= GROWTH


def _window(plan: _Plan, body_id: str | None, size: int) -> list[tuple]:
    """(entry id, score) of the best `size` entries: by bm25, then the newest meeting."""
    where = " ".join("AND s.text LIKE ? ESCAPE '\\'" for _ in plan.likes)
    params: list = list(plan.likes)
    if body_id is not None:
        where += " AND s.body_id = ?"
        params.append(body_id)
    order = "ORDER BY score, s.meeting_date DESC, s.id DESC LIMIT ?"
    if plan.table is None:  # terms too short for trigrams: among the unspaced entries only
        sql = f"SELECT s.id, 0.0 AS score FROM search_entry s WHERE s.unspaced {where} {order}"
        return _rows(sql, [*params, size])
    table = plan.table
    sql = (
        f"SELECT s.id, bm25({table}) AS score FROM {table} "
        f"JOIN search_entry s ON s.id = {table}.rowid WHERE {table} MATCH ? {where} {order}"
    )
    return _rows(sql, [plan.match, *params, size])


def _joined(ranked: list[tuple]) -> list[_Found]:
    """The ranked entries whose item, meeting and body (and action, for a note) are live."""
    if not ranked:
        return []
    scores = dict(ranked)
    sql = (
        "SELECT s.id, s.kind, i.id, i.title, i.number, m.id, m.date, b.name "
        "FROM search_entry s "
        "LEFT JOIN action a ON a.id = s.action_id "
        "JOIN agenda_item i ON i.id = coalesce(s.item_id, a.item_id) "
        "JOIN meeting m ON m.id = i.meeting_id "
        "JOIN body b ON b.id = m.body_id "
        "WHERE s.id IN (SELECT value FROM json_each(?)) "
        "AND i.deleted_at IS NULL AND m.deleted_at IS NULL AND b.deleted_at IS NULL "
        "AND (s.action_id IS NULL OR a.deleted_at IS NULL)"
    )
    order = {entry_id: n for n, entry_id in enumerate(scores)}
    found = [
        _Found(entry_id, kind, scores[entry_id], *rest)
        for entry_id, kind, *rest in _rows(sql, [json.dumps(list(scores))])
    ]
    found += _in_plans(scores)
    found += _in_updates(scores)
    return sorted(found, key=lambda f: order[f.entry_id])


def _in_plans(scores: dict) -> list[_Found]:
    """The ranked entries of plans' rows whose plan and body are live, and every row above
    them in the plan (services/plans/outline.where_in_plan)."""
    from desktop_app.services.plans.outline import where_in_plan

    sql = (
        "SELECT s.id, s.kind, s.row_id, p.id, p.title, p.starts, b.name FROM search_entry s "
        "JOIN plan p ON p.id = s.plan_id JOIN body b ON b.id = p.body_id "
        "WHERE s.id IN (SELECT value FROM json_each(?)) AND s.plan_id IS NOT NULL "
        "AND p.deleted_at IS NULL AND b.deleted_at IS NULL"
    )
    found = []
    for entry_id, kind, row_id, plan_id, title, starts, body_name in _rows(
        sql, [json.dumps(list(scores))]
    ):
        where = where_in_plan(kind, row_id)
        if where is not None:
            found.append(
                _Found(
                    entry_id,
                    kind,
                    scores[entry_id],
                    "",
                    title,
                    where,
                    "",
                    starts,
                    body_name,
                    plan_id,
                )
            )
    return found


def _in_updates(scores: dict) -> list[_Found]:
    """The ranked entries of live quarterly updates of live groups: the update's title is
    the hit's, its quarter where it is found ("Quarter 2 2011/12")."""
    from desktop_app.services.plans.quarters import quarter_label

    sql = (
        "SELECT s.id, s.kind, u.id, u.title, u.quarter, b.name FROM search_entry s "
        "JOIN quarterly_update u ON u.id = s.row_id JOIN body b ON b.id = u.body_id "
        "WHERE s.id IN (SELECT value FROM json_each(?)) AND s.kind = 'quarterly_update' "
        "AND u.deleted_at IS NULL AND b.deleted_at IS NULL"
    )
    rows = _rows(sql, [json.dumps(list(scores))])
    return [
        _Found(
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


def _snippets(plan: _Plan, entry_ids: list[int]) -> dict[int, str]:
    snippets: dict[int, str] = {}
    if plan.table is not None:
        table = plan.table
        sql = (
            f"SELECT rowid, snippet({table}, 0, ?, ?, ?, ?) FROM {table} "
            f"WHERE {table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))"
        )
        params = [OPEN, CLOSE, ELLIPSIS, SNIPPET_TOKENS, plan.match, json.dumps(entry_ids)]
        snippets = {entry_id: " ".join(text.split()) for entry_id, text in _rows(sql, params)}
    missing = [i for i in entry_ids if OPEN not in snippets.get(i, "")]
    if missing:
        sql = "SELECT id, text FROM search_entry WHERE id IN (SELECT value FROM json_each(?))"
        for entry_id, text in _rows(sql, [json.dumps(missing)]):
            snippets[entry_id] = _marked(text, plan.words)
    return snippets


def _marked(text: str, words: tuple[str, ...]) -> str:
    """A snippet made here, for matches the index cannot mark (LIKE): the first match with
    some text either side, every word marked."""
    text = " ".join(text.split())
    folded = text.casefold()
    starts = [folded.find(w.casefold()) for w in words]
    first = min((s for s in starts if s >= 0), default=0)
    start, end = max(0, first - 40), min(len(text), first + 80)
    piece = text[start:end]
    for word in sorted(set(words), key=len, reverse=True):
        piece = re.sub(re.escape(word), lambda m: f"{OPEN}{m.group(0)}{CLOSE}", piece, flags=re.I)
    return f"{ELLIPSIS if start else ''}{piece}{ELLIPSIS if end < len(text) else ''}"


def _confidential(found: list[_Found]) -> set[int]:
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
    part_two = {item_id for (item_id,) in _rows(sql, [item_ids])}
    papers = [f.entry_id for f in found if f.kind == "document"]
    secret_papers: set[int] = set()
    if papers:
        sql = (
            "SELECT s.id FROM search_entry s JOIN document d ON d.id = s.row_id "
            "WHERE s.id IN (SELECT value FROM json_each(?)) AND d.confidential"
        )
        secret_papers = {entry_id for (entry_id,) in _rows(sql, [json.dumps(papers)])}
    return {f.entry_id for f in found if f.item_id in part_two} | secret_papers


def _rows(sql: str, params) -> list[tuple]:
    return db.execute_sql(sql, list(params)).fetchall()
