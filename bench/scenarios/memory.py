"""Resident memory of the app once its main window is up on the dataset, and after a
session in the same process: 20 meeting opens (the Bench Board's two benchmark meetings in
turn) and 40 searches typed into the search panel (the search scenario's queries)."""

from __future__ import annotations

import json

from bench import budgets
from bench.results import Result, median
from bench.scenarios import search
from bench.scenarios.meeting import bench_meetings
from bench.scenarios.window_process import launch
from bench.workspace import Workspace

RUNS = 3
OPENS = 20
SEARCHES = 40
BUDGETS = (budgets.MEMORY, budgets.MEMORY_SESSION)


def measure(workspace: Workspace) -> list[Result]:
    main = []
    for _ in range(RUNS):
        report = launch("main", "--data", str(workspace.data_dir))
        if "unavailable" in report:
            return [Result.unavailable(budgets.MEMORY, report["unavailable"])]
        main.append(report)
    if main[0]["rss"] is None:
        return [Result.unavailable(budgets.MEMORY, "resident memory is read from /proc (Linux)")]
    bare = median([launch("bare")["rss"] for _ in range(RUNS)])
    rss = median([r["rss"] for r in main])
    return [
        Result(
            budgets.MEMORY.scenario,
            measured=budgets.MEMORY.format(rss),
            value=rss,
            runs=len(main),
            budget=budgets.MEMORY.describe(),
            baseline=budgets.MEMORY.format(bare) + " bare",
            baseline_value=bare,
            met=budgets.MEMORY.met(rss),
            notes=[
                "VmRSS after show() and one event pass; peak (VmHWM) "
                + budgets.MEMORY.format(median([r["peak_rss"] for r in main]))
            ],
        ),
        _session(workspace, bare),
    ]


def _session(workspace: Workspace, bare: float) -> Result:
    budget = budgets.MEMORY_SESSION
    queries = workspace.scratch("memory") / "queries.json"
    queries.write_text(json.dumps(list(search.QUERIES[:SEARCHES])))
    meetings = ",".join(bench_meetings(workspace))
    arguments = ("--data", str(workspace.data_dir), "--meetings", meetings)
    arguments += ("--runs", str(OPENS), "--queries", str(queries))
    report = launch("session", *arguments)
    rss = report["rss"]
    return Result(
        budget.scenario,
        measured=budget.format(rss),
        value=rss,
        runs=1,
        budget=budget.describe(),
        baseline=budget.format(bare) + " bare",
        baseline_value=bare,
        met=budget.met(rss),
        notes=[
            f"{OPENS} opens and {SEARCHES} searches ({report['hits']:,} hits listed) after the "
            f"start ({budget.format(report['after_start'])}); peak (VmHWM) "
            f"{budget.format(report['peak_rss'])}"
        ],
    )
