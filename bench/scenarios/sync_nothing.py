"""A sync with nothing new, on a share holding 1,000 files (DESIGN.md §6, issue 13).

Four other laptops each write 250 small change files (an edit, then a sync) to a shared
folder in the scratch folder. A copy of the dataset's laptop applies them all once, then
syncs again and again with nothing new; each of those syncs is timed whole, as the window's
timer runs it: send, list the share, receive, fetch, note the time of the sync. The
baseline is what any sync must do at least: list the share's folders and stat each file.
"""

from __future__ import annotations

import os
import time

from bench import budgets
from bench.laptops import copy_data_folder, small_files
from bench.results import Result, median, p95
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database
from desktop_app.sync.run import sync_now

DEVICES = 4
FILES = 1_000
RUNS = 20
BUDGETS = (budgets.SYNC_NOTHING,)


def measure(workspace: Workspace, *, files: int = FILES) -> list[Result]:
    scratch = workspace.scratch("sync-nothing")
    share = scratch / "share"
    share.mkdir()
    small_files(scratch, share, devices=DEVICES, files=files)
    copy_data_folder(workspace.data_dir, scratch / "laptop")
    open_database(scratch / "laptop")
    try:
        started = time.perf_counter()
        first = sync_now(share)
        first_seconds = time.perf_counter() - started
        timings, idle, bare = [], [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            idle.append(sync_now(share))
            timings.append(time.perf_counter() - started)
            started = time.perf_counter()
            _listed(share)
            bare.append(time.perf_counter() - started)
    finally:
        close_database()
    budget = budgets.SYNC_NOTHING
    mid, high = median(timings), p95(timings)
    result = Result(
        budget.scenario,
        measured=f"{budget.format(mid)} median, p95 {budget.format(high)}",
        value=high,
        runs=len(timings),
        budget=budget.describe(),
        baseline=f"{budget.format(p95(bare))} p95, listing the share",
        baseline_value=p95(bare),
        met=budget.met(mid) and budget.met(high),
        notes=[
            f"share of {first.files_applied:,} files from {DEVICES} laptops, on the dataset's "
            f"laptop; the first sync applied them in {first_seconds:.2f} s "
            f"({first.changes_applied:,} changes)"
        ],
    )
    moved = [r for r in idle if r.files_applied or r.files_sent or r.skipped]
    if first.files_applied != files or first.skipped or moved:
        result.verdict = "WRONG"
        result.notes.append(
            f"first sync applied {first.files_applied} of {files} files "
            f"({first.skipped[:2]}); {len(moved)} idle syncs moved something"
        )
    return [result]


def _listed(folder) -> int:
    """Every file under `folder`, each stat-ed: how many."""
    count = 0
    for entry in os.scandir(folder):
        if entry.is_dir():
            count += _listed(entry.path)
        else:
            entry.stat()
            count += 1
    return count
