"""Open a meeting with 15 items: the Bench Board's two benchmark meetings in turn, in one
running app, so that neither Qt nor SQLite can answer from what the last open cached. The
baseline is bare SQLite reading the rows an open must show (the meeting, its items, their
minutes, resolutions and actions, the attendance with names), the same meetings in turn;
the first open of the session is set beside the warm opens' median."""

from __future__ import annotations

import time

from bench import budgets
from bench.council import BENCH_BODY, BENCH_DATES
from bench.results import Result, median, p95
from bench.scenarios.window_process import launch
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Body, Meeting, db

RUNS = 20
BUDGETS = (budgets.OPEN_MEETING, budgets.COLD_OPEN)
OF_ITEMS = "JOIN agenda_item i ON i.id = r.item_id WHERE i.meeting_id = ? AND r.deleted_at IS NULL"
BARE_READS = (
    "SELECT * FROM meeting WHERE id = ?",
    "SELECT * FROM agenda_item WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY rank",
    f"SELECT r.* FROM minute r {OF_ITEMS}",
    f"SELECT r.* FROM resolution r {OF_ITEMS}",
    f"SELECT r.* FROM action r {OF_ITEMS}",
    "SELECT a.*, p.name FROM attendance a JOIN person p ON p.id = a.person_id "
    "WHERE a.meeting_id = ? AND a.deleted_at IS NULL",
)


def measure(workspace: Workspace) -> list[Result]:
    meeting_ids = bench_meetings(workspace)
    report = launch(
        "meetings",
        "--data",
        str(workspace.data_dir),
        "--meetings",
        ",".join(meeting_ids),
        "--runs",
        str(RUNS),
    )
    if "unavailable" in report:
        return [Result.unavailable(budgets.OPEN_MEETING, report["unavailable"])]
    timings = report["timings"]
    mid, high = median(timings), p95(timings)
    bare = _bare_reads(workspace, meeting_ids)
    budget = budgets.OPEN_MEETING
    notes = [
        f"{RUNS} opens alternating {' and '.join(d.isoformat() for d in BENCH_DATES)}; "
        f"first open {budget.format(timings[0])}, slowest {budget.format(max(timings))}",
    ]
    if not budget.met(high):
        notes.append(f"p95 {budget.format(high)} is over the budget")
    cold = budgets.COLD_OPEN
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
        ),
        # The first open of a session, on a window started as a clerk's is (ui.app) and
        # looked at for half a second: it pays for what the window reads only then (SQLite's
        # first pages of the tables, the page's first fill), its page built meanwhile.
        Result(
            cold.scenario,
            measured=cold.format(timings[0]),
            value=timings[0],
            runs=1,
            budget=cold.describe(),
            baseline=f"{cold.format(mid)} a warm open (median)",
            baseline_value=mid,
            met=cold.met(timings[0]),
        ),
    ]


def _bare_reads(workspace: Workspace, meeting_ids: list[str]) -> list[float]:
    """Seconds to read each meeting's rows in bare SQL, the meetings in turn."""
    open_database(workspace.data_dir)
    try:
        timings = []
        for run in range(RUNS):
            meeting_id = meeting_ids[run % len(meeting_ids)]
            started = time.perf_counter()
            for sql in BARE_READS:
                db.execute_sql(sql, [meeting_id]).fetchall()
            timings.append(time.perf_counter() - started)
    finally:
        close_database()
    return timings


def bench_meetings(workspace: Workspace) -> list[str]:
    """The ids of the two 15-item meetings the dataset generator fixed."""
    open_database(workspace.data_dir)
    try:
        query = (
            Meeting.select(Meeting.id)
            .join(Body)
            .where(Body.name == BENCH_BODY, Meeting.date.in_(BENCH_DATES))
            .order_by(Meeting.date)
        )
        ids = [meeting.id for meeting in query]
    finally:
        close_database()
    assert len(ids) == len(BENCH_DATES), "the dataset lacks the Bench Board's meetings"
    return ids
