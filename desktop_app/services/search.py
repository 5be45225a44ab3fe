"""Full-text search over item titles, minutes, resolutions, actions (and their progress
notes), the text of attached reports and the reports written in the app.

The index and the triggers that keep it in step are in storage/search_index.py; what each
hit is found in (its item, meeting and body, a plan, an update) is search_hits.py.
What the user types is never FTS5 syntax: each word is quoted, so `"`, `*`, `-`, `AND`,
`NOT` and parentheses are searched for as they are. Every word must occur, as a whole word
(no prefixes: on ten years of minutes a prefix query costs several times a word's).

Words in scripts written with spaces are matched by the unicode61 index, case-folded and
with Latin accents removed ("resume" finds "résumé"; Greek accents still count). A query
holding Chinese, Japanese, Korean, Thai, Lao, Khmer or Myanmar characters goes to the
trigram index instead, which finds a term anywhere inside a sentence without spaces; a
term of one or two characters there is looked for with LIKE among the few entries in
those scripts.

Hits come by pages, newest first by windows: the index is keyed by date (migration 0016),
so it yields the newest `WINDOW` matches without reading the others; they are ranked by
bm25 (the newest first among equals), the first page shows the best, the next pages the
rest of them and then the next older window. Ranking every match instead cost a common word
over a hundred milliseconds on forty years of a large council's minutes, and grew with it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from desktop_app.services import validation
from desktop_app.services.search_hits import Found, confidential, fetched, joined, placed
from desktop_app.storage import search_index
from desktop_app.storage.models import Body
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
# How many of the newest matches are ranked together: some milliseconds, however common
# the word and however large the council (bench/scenarios/search.py).
WINDOW = 400
# bm25's weight of each column: the body's id is there to narrow, not to rank.
WEIGHTS = {"search_text": ", 1.0, 0.0"}


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
    body_id: str | None  # the body to narrow to outside the index (search_text holds it)


@dataclass(frozen=True)
class Cursor:
    """Where a page of hits begins: in the window of the newest matches older than
    `before` (an index key; None: the newest of all), after the best `skip` of them."""

    before: int | None = None
    skip: int = 0


@dataclass(frozen=True)
class Page:
    hits: list[Hit]
    more: Cursor | None  # the next page; None when these are the last hits
    since: dt.date | None  # the hits so far are the best of the matches since this day


def search(text: str, *, body_id: str | None = None, limit: int = 50) -> list[Hit]:
    """The first page of hits for every word of `text` (`search_page`)."""
    return search_page(text, body_id=body_id, limit=limit).hits


def search_page(
    text: str, *, body_id: str | None = None, limit: int = 50, cursor: Cursor | None = None
) -> Page:
    """Hits for every word of `text`, only in that body's meetings when `body_id` is given:
    the newest `WINDOW` matches ranked best first (bm25, the newest meeting first among
    equals), then the next older `WINDOW`, and so on; `limit` hits from `cursor` (the
    `more` of the page before). So a word found in every meeting of forty years costs what
    a few hundred matches cost, and the first page shows the best of the recent ones."""
    if body_id is not None:
        validation.live_row(Body, body_id, "body")
    plan = _plan((text or "").split(), body_id)
    if plan is None or limit <= 0:
        return Page([], None, None)
    found, more, since = _ranked(plan, limit, cursor or Cursor())
    if not found:
        return Page([], more, since)
    snippets = _snippets(plan, [f.entry_id for f in found])
    secret = confidential(found)
    hits = [
        Hit(
            kind=KINDS[f.kind],
            meeting_id=f.meeting_id,
            item_id=f.item_id,
            body_name=f.body_name,
            meeting_date=dt.date.fromisoformat(f.date),
            minute_number=f.number or "",
            title=f.title,
            snippet=snippets.get(f.entry_id, ""),
            confidential=f.entry_id in secret,
            plan_id=f.plan_id,
            update_id=f.update_id,
        )
        for f in found
    ]
    return Page(hits, more, since)


def _plan(words: list[str], body_id: str | None) -> _Plan | None:
    if any(UNSPACED.search(word) for word in words):
        long = [w for w in words if len(w) >= TRIGRAM]
        short = [w for w in words if len(w) < TRIGRAM]
        return _Plan(
            table="search_trigram" if long else None,
            match=" ".join(_quoted(w) for w in long),
            likes=tuple(_like(w) for w in short),
            words=tuple(words),
            body_id=body_id,
        )
    # Words of punctuation alone hold no token: quoted, they would match nothing at all.
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    # The words in the text column only; the body is its id as one word in its own column
    # (storage/search_index.BODY_KEY).
    match = f"text : ({' '.join(_quoted(w) for w in words)})"
    if body_id is not None:
        match += f" AND body_key : {_quoted(body_id.replace('-', ''))}"
    return _Plan("search_text", match, (), tuple(words), None)


def _quoted(word: str) -> str:
    """An FTS5 string: inside double quotes every character is literal ("" is one ")."""
    return '"' + word.replace('"', '""') + '"'


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _ranked(
    plan: _Plan, limit: int, cursor: Cursor
) -> tuple[list[Found], Cursor | None, dt.date | None]:
    """`limit` live hits from `cursor`, window after window; where the next page begins;
    the oldest day of the windows read."""
    found: list[Found] = []
    before, skip, since = cursor.before, cursor.skip, None
    while True:
        window, oldest = _window(plan, before)
        if not window:
            return found, None, since
        since = _day(oldest)
        # Only as many are joined as the page needs: the best few of the window.
        while len(found) < limit and skip < len(window):
            chunk = window[skip : skip + limit - len(found)]
            skip += len(chunk)
            found += [hit for hit in map(placed, joined(chunk)) if hit is not None]
        if skip < len(window):
            return found, Cursor(before, skip), since
        if len(window) < WINDOW or not _older(plan, oldest):
            return found, None, since
        before, skip = oldest, 0
        if len(found) == limit:
            return found, Cursor(before, 0), since


def _source(plan: _Plan) -> tuple[str, str, list]:
    """The rows matching the plan, as FROM ... WHERE: the key column, the SQL, its values."""
    where = " ".join("AND s.text LIKE ? ESCAPE '\\'" for _ in plan.likes)
    params: list = list(plan.likes)
    if plan.body_id is not None:
        where += " AND s.body_id = ?"
        params.append(plan.body_id)
    if plan.table is None:  # terms too short for trigrams: among the unspaced entries only
        return "s.ord", f"FROM search_entry s WHERE s.unspaced {where}", params
    table = plan.table
    if not where:
        return f"{table}.rowid", f"FROM {table} WHERE {table} MATCH ?", [plan.match]
    sql = f"FROM {table} JOIN search_entry s ON s.ord = {table}.rowid WHERE {table} MATCH ? "
    return f"{table}.rowid", sql + where, [plan.match, *params]


def _window(plan: _Plan, before: int | None) -> tuple[list[tuple], int]:
    """(entry key, score) of the newest `WINDOW` matches older than `before`, best first
    (bm25, then the newest); and the oldest key among them."""
    key, source, params = _source(plan)
    below = f" AND {key} < ?" if before is not None else ""
    bound = [before] if before is not None else []
    edge = fetched(
        f"SELECT {key} {source}{below} ORDER BY {key} DESC LIMIT 1 OFFSET ?",
        [*params, *bound, WINDOW - 1],
    )
    floor = edge[0][0] if edge else None
    above = f" AND {key} >= ?" if floor is not None else ""
    score = "0.0" if plan.table is None else f"bm25({plan.table}{WEIGHTS.get(plan.table, '')})"
    ranked = fetched(
        f"SELECT {key}, {score} AS score {source}{below}{above} ORDER BY score, {key} DESC",
        [*params, *bound, *([floor] if floor is not None else [])],
    )
    return ranked, min((k for k, _ in ranked), default=0)


def _older(plan: _Plan, key: int) -> bool:
    """Whether any match is older than `key`."""
    column, source, params = _source(plan)
    return bool(fetched(f"SELECT 1 {source} AND {column} < ? LIMIT 1", [*params, key]))


def _day(key: int) -> dt.date | None:
    """The date of an index key (`search_index.ORDER_KEY`: the Julian day, from noon)."""
    day = key >> 32
    return dt.date.fromisoformat(fetched("SELECT date(?)", [day + 0.5])[0][0]) if day else None


def _snippets(plan: _Plan, entry_ids: list[int]) -> dict[int, str]:
    snippets: dict[int, str] = {}
    if plan.table is not None:
        table = plan.table
        # FTS5 seeks to the span of the keys; the list is tested outside it (`+`): given to
        # FTS5, each key would be a query of its own.
        sql = (
            f"SELECT rowid, snippet({table}, 0, ?, ?, ?, ?) FROM {table} "
            f"WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? "
            "AND +rowid IN (SELECT value FROM json_each(?))"
        )
        span = [min(entry_ids), max(entry_ids)]
        params = [OPEN, CLOSE, ELLIPSIS, SNIPPET_TOKENS, plan.match, *span, json.dumps(entry_ids)]
        snippets = {entry_id: " ".join(text.split()) for entry_id, text in fetched(sql, params)}
    missing = [i for i in entry_ids if OPEN not in snippets.get(i, "")]
    if missing:
        sql = "SELECT ord, text FROM search_entry WHERE ord IN (SELECT value FROM json_each(?))"
        for entry_id, text in fetched(sql, [json.dumps(missing)]):
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
