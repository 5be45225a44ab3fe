"""A quarterly update drafted on the §6 dataset (DESIGN.md §6: under 1 s): the delivery group
with the most meetings is given a plan (two priorities, two outcomes each, five actions an
outcome with progress in the quarter, three measures a priority with eight readings), then
`draft_update` for the quarter of its latest meeting is timed: reading the group's meetings
in the quarter and their decisions, the plan's actions and measures, every open action of
the group's ten years, and writing the drafted update. It is deleted between runs (untimed),
so each run drafts it afresh."""

from __future__ import annotations

import datetime as dt
import time

from bench import budgets
from bench.council import BENCH_BODY
from bench.results import Result
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database

RUNS = 5
BUDGETS = (budgets.QUARTERLY_UPDATE,)
TITLE = "Bench Delivery Plan"
STATUSES = ("on track", "at risk", "off track", "complete", "not started")


def measure(workspace: Workspace) -> list[Result]:
    budget = budgets.QUARTERLY_UPDATE
    from desktop_app.services.updates import writing

    open_database(workspace.data_dir)
    try:
        group_id, quarter = bench_group()
        today = max(dt.date.today(), quarter + dt.timedelta(days=92))
        timings, sizes = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            made = writing.draft_update(body_id=group_id, quarter=quarter, today=today)
            timings.append(time.perf_counter() - started)
            view = writing.get_update(made.id)
            sizes.append(sum(len(view.values[k]) for k in ("delivery", "activity")))
            writing.delete_update(update_id=made.id)
    finally:
        close_database()
    notes = [f"{view.body_name}, {view.label}; {sizes[-1]:,} characters drafted"]
    return [Result.of_median(budget, timings, notes)]


def bench_group() -> tuple[str, dt.date]:
    """The group with a board and the most meetings, and the quarter of its latest meeting;
    its plan made the first time (through the services, as a clerk would)."""
    from peewee import fn

    from desktop_app.services.directory import bodies
    from desktop_app.services.plans.quarters import quarter_of
    from desktop_app.storage.models import Body, Meeting, Plan

    def busiest(*where):
        return (
            Body.select(Body, fn.MAX(Meeting.date).alias("last"))
            .join(Meeting, on=(Meeting.body == Body.id))
            .where(Body.deleted_at.is_null() & Meeting.deleted_at.is_null(), *where)
            .group_by(Body.id)
            .order_by(fn.COUNT(Meeting.id).desc(), Body.name)
            .first()
        )

    group = busiest(Body.parent.is_null(False))
    if group is None:  # a small dataset may have no group: one is made to report to the board
        group = busiest(Body.name != BENCH_BODY)
        board = Body.get(Body.name == BENCH_BODY)
        bodies.update_body(body_id=group.id, parent_id=board.id)
    last = group.last if isinstance(group.last, dt.date) else dt.date.fromisoformat(group.last)
    quarter = quarter_of(last)
    if not Plan.live().where((Plan.body == group.id) & (Plan.title == TITLE)).exists():
        _plan(group.id, quarter)
    return group.id, quarter


def _plan(body_id: str, quarter: dt.date) -> None:
    from desktop_app.services.plans import actions, measures, plans

    today = quarter + dt.timedelta(days=92)
    plan = plans.create_plan(
        body_id=body_id,
        title=TITLE,
        starts=quarter - dt.timedelta(days=730),
        ends=quarter + dt.timedelta(days=730),
    )
    for p in range(2):
        priority = plans.add_priority(plan_id=plan.id, title=f"Bench delivery priority {p + 1}")
        for o in range(2):
            outcome = plans.add_outcome(priority_id=priority.id, text=f"Outcome {o + 1}")
            for a in range(5):
                action = actions.add_plan_action(
                    outcome_id=outcome.id, text=f"Deliver work stream {p}{o}{a} with partners"
                )
                actions.record_progress(
                    action_id=action.id, quarter=quarter, today=today,
                    text="Meetings held with partners; the first results are in.",
                    status=STATUSES[(a + o) % len(STATUSES)],
                )  # fmt: skip
        for m in range(3):
            measure = measures.add_measure(
                priority_id=priority.id, name=f"Bench delivery measure {p}{m}", unit="%",
                baseline=30 + m, target=24,
            )  # fmt: skip
            for r in range(8):
                day = quarter - dt.timedelta(days=91 * r)
                measures.record_reading(
                    measure_id=measure.id, date=day, value=30 + m - r * 0.3, today=today
                )
