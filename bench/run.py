"""The benchmark: measures each scenario of DESIGN.md §6 on the generated dataset and prints
measured figure, budget and baseline side by side.

    make bench                         # QT_QPA_PLATFORM=offscreen python -m bench.run
    python -m bench.run --only meeting
    python -m bench.run --only sync_apply --only sync_nothing --only service_writes
    make bench SCALE="0.25 1 4"        # each size of the dataset, and how each cost grows

Scenarios that build more than the dataset (other laptops, a shared folder) build it in
the scratch folder, outside the clone: `MINUTE_BOOK_BENCH_SCRATCH`, else the system's
temporary folder (bench/workspace.py).

It reports and does not assert: a missed budget is marked MISS and the exit status stays 0.
It exits 1 only when a scenario itself breaks. A new scenario is a module in
`bench/scenarios/` with `BUDGETS` and `measure(workspace) -> list[Result]`, listed below.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import traceback
from pathlib import Path

from bench import budgets
from bench.dataset import DEFAULT_DIR, ensure_dataset
from bench.results import Result, growth, table
from bench.scenarios import (
    cold,
    meeting,
    memory,
    minutes_pdf,
    pack,
    plan_progress,
    quarterly_update,
    search,
    service_writes,
    signing,
    startup,
    sync_apply,
    sync_nothing,
    tracker,
)
from bench.workspace import prepare

# The sharing scenarios last: they copy the dataset rather than write to the working copy,
# but take minutes, so the figures of the others come first.
SCENARIOS = (
    startup,
    meeting,
    search,
    tracker,
    minutes_pdf,
    plan_progress,
    quarterly_update,
    signing,
    cold,
    memory,
    pack,
    sync_apply,
    sync_nothing,
    service_writes,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure Minute Book against its budgets.")
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DIR, help="cached dataset folder")
    parser.add_argument("--only", action="append", help="run only these scenario modules")
    parser.add_argument(
        "--scale",
        action="append",
        type=float,
        help="run at this size of the §6 dataset (1 is its size); given more than once, "
        "also show how each figure grows",
    )
    args = parser.parse_args(argv)
    # Offscreen unless there is a display: the children inherit it.
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scales = sorted(set(args.scale or [1.0]))
    by_scale, broken = {}, False
    for scale in scales:
        dataset = args.dataset if scale == 1 else _scaled(args.dataset, scale)
        by_scale[scale], failed = _run(ensure_dataset(dataset, scale=scale), args.only)
        broken |= failed
    if len(scales) > 1:
        print()
        print(growth(by_scale))
    return 1 if broken else 0


def _scaled(dataset: Path, scale: float) -> Path:
    return dataset.with_name(f"{dataset.name}-x{scale:g}")


def _run(dataset: Path, only: list[str] | None) -> tuple[list[Result], bool]:
    """Every chosen scenario on `dataset`: the results, and whether one broke."""
    workspace = prepare(dataset)
    print(f"Minute Book benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"  {workspace.describe()}")
    print(
        f"  Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'default')}"
    )
    print(f"  working copy: {workspace.data_dir}; scratch: {workspace.scratch_dir}", flush=True)

    chosen = [s for s in SCENARIOS if not only or _name(s) in only]
    results: list[Result] = []
    broken = False
    for scenario in chosen:
        print(f"running {_name(scenario)} ...", flush=True)
        try:
            results += scenario.measure(workspace)
        except Exception as error:  # one broken scenario must not hide the others' figures
            traceback.print_exc()
            results.append(Result.failed(_name(scenario), f"{type(error).__name__}: {error}"))
            broken = True
    if not only:
        covered = {b for s in SCENARIOS for b in s.BUDGETS}
        for budget in budgets.ALL:
            if budget not in covered:
                results.append(
                    Result(budget.scenario, budget=budget.describe(), verdict="no scenario yet")
                )
    print()
    print(table(results))
    return results, broken


def _name(scenario) -> str:
    return scenario.__name__.rsplit(".", 1)[-1]


if __name__ == "__main__":
    raise SystemExit(main())
