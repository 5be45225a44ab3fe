"""Apply 100,000 changes from the shared folder, and the whole dataset replicated from
scratch to an empty laptop (DESIGN.md §6, issue 13).

A laptop holding the dataset, with a journal entry for every row and some real edits
(bench/laptops.py), syncs out to a shared folder in the scratch folder. An empty laptop then
syncs from a share holding that laptop's first 100,000 changes, and another from the whole
share; each is timed from `sync_now` to its return, papers fetched included. The second
must end with the same export as the laptop it copies: a fast copy that is wrong is no copy.
"""

from __future__ import annotations

import hashlib
import json
import time

from bench import budgets
from bench.laptops import first_files, journalled_laptop
from bench.results import Result
from bench.workspace import Workspace
from desktop_app.exchange.exporter import export_data
from desktop_app.storage.database import close_database, open_database
from desktop_app.sync.run import SyncReport, sync_now

CHANGES = 100_000
EDITS = 1_000  # real edits through the services, on top of the rows' creation
BUDGETS = (budgets.SYNC_APPLY,)
REPLICA = "the §6 dataset replicated from scratch to an empty laptop"


def measure(workspace: Workspace, *, changes: int = CHANGES, edits: int = EDITS) -> list[Result]:
    scratch = workspace.scratch("sync-apply")
    share = scratch / "share"
    share.mkdir()
    started = time.perf_counter()
    # From the dataset as generated: the working copy holds what the scenarios before wrote
    # through the services (a pack's papers, an update drafted and deleted), whose journal
    # would come before the rows' own and name rows not sent yet.
    dataset = workspace.dataset_dir or workspace.data_dir
    sent = journalled_laptop(dataset, scratch / "source", share, edits=edits)
    built = time.perf_counter() - started
    source_export = _export_digest(scratch / "source")

    part = scratch / "share-first"
    held = first_files(share, part, changes)
    seconds, report = _sync_empty(scratch / "replica-first", part)
    budget = budgets.SYNC_APPLY
    first = Result(
        budget.scenario,
        measured=_figure(report, seconds),
        value=seconds,
        runs=1,
        budget=budget.describe(),
        met=budget.met(seconds) if held >= CHANGES else None,
        notes=[
            f"{report.files_applied} files from an empty laptop; the laptop sending them was "
            f"built in {built:.0f} s ({sent['created']:,} rows journalled, {sent['edited']:,} "
            f"edits through the services, {sent['files']} files written)"
        ],
    )
    if held < CHANGES:
        first.notes.append(f"only {held:,} changes, not {CHANGES:,}: no verdict")
    # One laptop's history has nothing to conflict with: a conflict here is a wrong merge.
    if report.changes_applied != held or report.skipped or report.conflicts_found:
        first.verdict = "WRONG"
        first.notes.append(_wrong(report, held))

    seconds, report = _sync_empty(scratch / "replica", share)
    same = _export_digest(scratch / "replica") == source_export
    whole = Result(
        REPLICA,
        measured=_figure(report, seconds),
        value=seconds,
        runs=1,
        notes=[
            f"{report.files_applied} files, {len(report.files_named):,} papers fetched; "
            + ("its export equals the sending laptop's" if same else "ITS EXPORT DIFFERS")
        ],
    )
    if not same:
        whole.verdict = "WRONG"
    if report.changes_applied != sent["changes"] or report.skipped or report.conflicts_found:
        whole.verdict = "WRONG"
        whole.notes.append(_wrong(report, sent["changes"]))
    return [first, whole]


def _sync_empty(folder, share) -> tuple[float, SyncReport]:
    open_database(folder)
    try:
        started = time.perf_counter()
        report = sync_now(share)
        return time.perf_counter() - started, report
    finally:
        close_database()


def _wrong(report: SyncReport, expected: int) -> str:
    return (
        f"applied {report.changes_applied:,} of {expected:,}, found {report.conflicts_found} "
        f"conflicts; skipped: {report.skipped[:3]}"
    )


def _export_digest(folder) -> str:
    open_database(folder)
    try:
        text = json.dumps(export_data(), sort_keys=True, ensure_ascii=False)
    finally:
        close_database()
    return hashlib.sha256(text.encode()).hexdigest()


def _figure(report: SyncReport, seconds: float) -> str:
    rate = report.changes_applied / seconds
    return f"{budgets.SYNC_APPLY.format(seconds)} for {report.changes_applied:,} ({rate:,.0f}/s)"
