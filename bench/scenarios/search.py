"""Full-text search over all minutes: fifty queries a clerk or officer might type (topics,
names, phrases, places, ten of them within one body), each
run twice through `services.search.search`, as the search panel and `python main.py search`
call it. The first pass reads the index from disk; the second finds it in the page cache.
The baseline is bare SQLite: an FTS5 MATCH of the same words ranked by bm25, the best 50,
with no join (a body's queries not narrowed), timed in the same passes."""

from __future__ import annotations

import time

from bench import budgets
from bench.council import BENCH_BODY
from bench.results import Result, median, p95
from bench.workspace import Workspace
from desktop_app.services.directory.bodies import find_body
from desktop_app.services.search import search
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import db

PASSES = 2
BUDGETS = (budgets.SEARCH,)

QUERIES = (
    "troubled families",
    "budget monitoring",
    "flood defences",
    "River Medway",
    "Lockmeadow",
    "licensing of taxis",
    "fly-tipping",
    "rough sleeping",
    "homelessness reduction strategy",
    "air quality action plan",
    "street lighting",
    "cemetery extension",
    "allotment rents",
    "tree preservation orders",
    "conservation area appraisals",
    "biodiversity net gain",
    "electric vehicle charging",
    "climate emergency",
    "treasury management",
    "internal audit plan",
    "annual governance statement",
    "code of conduct",
    "dementia-friendly",
    "social prescribing",
    "business rates relief",
    "shared prosperity fund",
    "apprenticeships",
    "tourism promotion",
    "judicial review",
    "public inquiry",
    "procurement timetable",
    "temporary accommodation",
    "recruitment and retention",
    "Stockell",
    "night-time economy",
    "O'Brien",
    "Secretary of State",
    "risk register",
    "approved as a correct record",
    "apologies",
)
# Within the Bench Board's meetings only, as `search TEXT --body NAME` does.
BODY_QUERIES = (
    "budget",
    "residents",
    "consultation response",
    "parish councils",
    "site visit",
    "young people",
    "next steps",
    "government funding",
    "Cabinet",
    "Kent Downs",
)


def measure(workspace: Workspace) -> list[Result]:
    open_database(workspace.data_dir)
    try:
        board = find_body(name=BENCH_BODY)
        assert board is not None, "the dataset lacks the Bench Board"
        queries = [(text, None) for text in QUERIES] + [(text, board.id) for text in BODY_QUERIES]
        passes, counts, bare = [], {}, []
        for _ in range(PASSES):
            timings = []
            for text, body_id in queries:
                started = time.perf_counter()
                hits = search(text, body_id=body_id)
                timings.append(time.perf_counter() - started)
                counts[text] = len(hits)
                started = time.perf_counter()
                _bare_fts5(text)
                bare.append(time.perf_counter() - started)
            passes.append(timings)
    finally:
        close_database()
    budget = budgets.SEARCH
    every = [t for timings in passes for t in timings]
    high = p95(every)
    slowest = max(range(len(queries)), key=lambda i: max(p[i] for p in passes))
    empty = [text for text, count in counts.items() if count == 0]
    notes = [
        f"{len(queries)} queries ({len(BODY_QUERIES)} within {BENCH_BODY}) × {PASSES} passes; "
        f"median {budget.format(median(every))}; first pass p95 {budget.format(p95(passes[0]))}",
        f"slowest: “{queries[slowest][0]}” {budget.format(max(p[slowest] for p in passes))}",
    ]
    if empty:
        notes.append(f"no hits for: {', '.join(empty)}")
    notes.append(f"baseline: bare FTS5 MATCH ranked by bm25, median {budget.format(median(bare))}")
    return [
        Result(
            budget.scenario,
            measured=f"{budget.format(high)} p95",
            value=high,
            runs=len(every),
            budget=budget.describe(),
            baseline=f"{budget.format(p95(bare))} p95",
            baseline_value=p95(bare),
            met=budget.met(high),
            notes=notes,
        )
    ]


def _bare_fts5(text: str) -> list[tuple]:
    """The best 50 entries for every word of `text`, by FTS5 and bm25 alone."""
    words = " ".join('"' + word.replace('"', '""') + '"' for word in text.split())
    sql = (
        "SELECT rowid, bm25(search_text) AS score FROM search_text "
        "WHERE search_text MATCH ? ORDER BY score LIMIT 50"
    )
    return db.execute_sql(sql, [words]).fetchall()
