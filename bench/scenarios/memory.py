"""Resident memory of the app once its main window is up on the dataset."""

from __future__ import annotations

from bench import budgets
from bench.results import Result, median
from bench.scenarios.window_process import launch
from bench.workspace import Workspace

RUNS = 3
BUDGETS = (budgets.MEMORY,)


def measure(workspace: Workspace) -> list[Result]:
    main = []
    for _ in range(RUNS):
        report = launch("main", "--data", str(workspace.data_dir))
        if "unavailable" in report:
            return [Result.unavailable(budgets.MEMORY, report["unavailable"])]
        main.append(report)
    if main[0]["rss"] is None:
        return [Result.unavailable(budgets.MEMORY, "resident memory is read from /proc (Linux)")]
    bare = [launch("bare") for _ in range(RUNS)]
    rss = median([r["rss"] for r in main])
    return [
        Result(
            budgets.MEMORY.scenario,
            measured=budgets.MEMORY.format(rss),
            value=rss,
            runs=len(main),
            budget=budgets.MEMORY.describe(),
            baseline=budgets.MEMORY.format(median([r["rss"] for r in bare])) + " bare",
            met=budgets.MEMORY.met(rss),
            notes=[
                "VmRSS after show() and one event pass; peak (VmHWM) "
                + budgets.MEMORY.format(median([r["peak_rss"] for r in main]))
            ],
        )
    ]
