"""Open the action tracker on the dataset's 20,000 actions: what the tracker asks for first,
the count of every action and the first page of 200 (`services/decisions/action_tracker.py`),
with no filter. Held to the budget for opening a meeting (DESIGN.md §6 sets none for this).
The baseline is bare SQLite: the same count, and the first 200 live actions by due date,
with no join (the tracker also orders the overdue first and names each action's meeting)."""

from __future__ import annotations

import time

from bench import budgets
from bench.results import Result, median, p95
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import db

RUNS = 20
PAGE = 200
BUDGETS = (budgets.TRACKER,)
BARE = (
    "SELECT count(*) FROM action WHERE deleted_at IS NULL",
    "SELECT * FROM action WHERE deleted_at IS NULL ORDER BY due LIMIT 200",
)


def measure(workspace: Workspace) -> list[Result]:
    budget = budgets.TRACKER
    try:
        from desktop_app.services.decisions.action_tracker import (
            ActionFilter,
            count_actions,
            page_of_actions,
        )
    except ImportError:
        return [Result.unavailable(budget, "services/decisions/action_tracker.py is not there yet")]
    open_database(workspace.data_dir)
    try:
        timings, counts, pages, firsts, bare = [], [], [], [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            counts.append(count_actions(ActionFilter()))
            middle = time.perf_counter()
            pages.append(len(page_of_actions(ActionFilter(), limit=PAGE)))
            ended = time.perf_counter()
            timings.append(ended - started)
            firsts.append((middle - started, ended - middle))
            started = time.perf_counter()
            for sql in BARE:
                db.execute_sql(sql).fetchall()
            bare.append(time.perf_counter() - started)
    finally:
        close_database()
    mid, high = median(timings), p95(timings)
    notes = [
        f"{counts[0]:,} actions, first page {pages[0]} rows; count "
        f"{budget.format(median([c for c, _ in firsts]))}, page "
        f"{budget.format(median([p for _, p in firsts]))} (medians); "
        f"first open {budget.format(timings[0])}, p95 {budget.format(high)}",
        "budget: the 100 ms for opening a meeting, as a reference",
    ]
    return [
        Result(
            budget.scenario,
            measured=f"{budget.format(mid)} (p95 {budget.format(high)})",
            value=high,
            runs=len(timings),
            budget=budget.describe(),
            baseline=f"{budget.format(median(bare))} (p95 {budget.format(p95(bare))}) bare SQL",
            baseline_value=p95(bare),
            met=budget.met(mid),
            notes=notes,
        )
    ]
