"""Start to a usable main window on the dataset, against a bare PySide6 window."""

from __future__ import annotations

from bench import budgets
from bench.results import Result, median
from bench.scenarios.window_process import launch
from bench.workspace import Workspace

RUNS = 5
BUDGETS = (budgets.START,)


def measure(workspace: Workspace) -> list[Result]:
    # Interleaved, so a slow moment of the machine falls on both kinds of start alike.
    bare, main = [], []
    unavailable = ""
    for _ in range(RUNS):
        bare.append(launch("bare"))
        if not unavailable:
            report = launch("main", "--data", str(workspace.data_dir))
            unavailable = report.get("unavailable", "")
            if not unavailable:
                main.append(report)
    baseline = median([r["seconds"] for r in bare])
    results = [
        Result(
            "bare PySide6 window (baseline)",
            measured=_seconds(baseline),
            value=baseline,
            runs=len(bare),
            notes=[_runs(bare), _stages(bare)],
        )
    ]
    if unavailable:
        results.append(Result.unavailable(budgets.START, unavailable))
        return results
    start = median([r["seconds"] for r in main])
    ratio = start / baseline
    in_time = budgets.START.met(start)
    in_ratio = ratio < budgets.START_RATIO
    results.append(
        Result(
            budgets.START.scenario,
            measured=_seconds(start),
            value=start,
            runs=len(main),
            budget=budgets.START.describe(),
            baseline=_seconds(baseline),
            met=in_time and in_ratio,
            notes=[
                f"under {_seconds(budgets.START.limit)}: {'yes' if in_time else 'NO'} "
                f"({_seconds(start)})",
                f"under {budgets.START_RATIO:g}× the bare window: {'yes' if in_ratio else 'NO'} "
                f"({ratio:.2f}×)",
                _runs(main),
                _stages(main),
            ],
        )
    )
    if not all(r["exposed"] for r in main):
        results[-1].notes.append("the window was not yet exposed after the first event pass")
    return results


def _seconds(value: float) -> str:
    return budgets.format_value(value, "s")


def _runs(reports: list[dict]) -> str:
    return "runs " + ", ".join(f"{r['seconds']:.3f}" for r in reports) + " s"


def _stages(reports: list[dict]) -> str:
    """Where the median run's time went: imports, building the window, showing it."""
    report = sorted(reports, key=lambda r: r["seconds"])[len(reports) // 2]
    return (
        f"median run: imports done at {report['imports']:.3f} s, "
        f"window built at {report['built']:.3f} s, shown at {report['seconds']:.3f} s"
    )
