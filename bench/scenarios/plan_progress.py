"""A plan's progress report rendered on the §6 dataset (DESIGN.md §6: under 1 s): the Bench
Board is given a strategy plan the size of a council's (three priorities, two outcomes each,
five actions an outcome with four key partners and a year of quarterly progress, three
measures a priority with sixteen readings), then `render_progress` of its latest quarter is
timed, reading the plan and laying out its pages and charts. The baseline is bare
reportlab setting the plan's words (its priorities, outcomes, actions, progress and measures)
as plain paragraphs in the same font, with no tables or charts."""

from __future__ import annotations

import datetime as dt
import time

from bench import budgets
from bench.council import BENCH_BODY
from bench.results import Result
from bench.scenarios.window_process import bare_reportlab
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import db

RUNS = 5
BUDGETS = (budgets.PLAN_PROGRESS,)
TITLE = "Bench Strategy"
QUARTERS = (dt.date(2020, 4, 1), dt.date(2020, 7, 1), dt.date(2020, 10, 1), dt.date(2021, 1, 1))
STATUSES = ("on track", "at risk", "off track", "complete", "not started")


def measure(workspace: Workspace) -> list[Result]:
    budget = budgets.PLAN_PROGRESS
    from desktop_app.documents.plan_pdf import render_progress

    open_database(workspace.data_dir)
    try:
        plan_id = bench_plan()
        words = _words(plan_id)
        timings, bare = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            pdf = render_progress(plan_id, quarter=QUARTERS[-1])
            timings.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare_reportlab(words)
            bare.append(time.perf_counter() - started)
    finally:
        close_database()
    notes = [f"30 actions, 9 measures of 16 readings; {len(pdf) / 1000:.0f} kB"]
    return [Result.of_median(budget, timings, notes, bare=bare)]


def _words(plan_id: str) -> list[str]:
    """Every text of the plan's rows, one string a row."""
    sql = (
        "SELECT title FROM plan_priority WHERE plan_id = ?1 "
        "UNION ALL SELECT text FROM plan_outcome WHERE plan_id = ?1 "
        "UNION ALL SELECT text FROM plan_action WHERE plan_id = ?1 "
        "UNION ALL SELECT g.status || ': ' || g.text FROM plan_progress g "
        "JOIN plan_action a ON a.id = g.action_id WHERE a.plan_id = ?1 "
        "UNION ALL SELECT name FROM plan_measure WHERE plan_id = ?1"
    )
    return [text for (text,) in db.execute_sql(sql, [plan_id]).fetchall()]


def bench_plan() -> str:
    """The Bench Board's plan, made the first time (through the services, as a clerk would)."""
    from desktop_app.services.directory import organisations
    from desktop_app.services.plans import actions, measures, plans
    from desktop_app.storage.models import Body, Plan

    body = Body.get(Body.name == BENCH_BODY)
    found = Plan.live().where((Plan.body == body.id) & (Plan.title == TITLE)).first()
    if found is not None:
        return found.id
    today = dt.date(2021, 3, 31)
    partners = [
        organisations.find_organisation(name=f"Bench partner {n}")
        or organisations.create_organisation(name=f"Bench partner {n}")
        for n in range(8)
    ]
    plan = plans.create_plan(body_id=body.id, title=TITLE, starts="2019-04-01", ends="2023-03-31")
    for p in range(3):
        priority = plans.add_priority(
            plan_id=plan.id, title=f"Priority of the bench {p + 1}", why="A reason\nAnother"
        )
        for o in range(2):
            outcome = plans.add_outcome(priority_id=priority.id, text=f"Outcome {o + 1}")
            for a in range(5):
                action = actions.add_plan_action(
                    outcome_id=outcome.id,
                    text=f"Deliver the bench's work stream {p}{o}{a} with its partners",
                    target="2022-03-31",
                )
                for n in range(4):
                    actions.add_partner(
                        action_id=action.id, organisation_id=partners[(a + n) % 8].id
                    )
                for q, quarter in enumerate(QUARTERS):
                    actions.record_progress(
                        action_id=action.id, quarter=quarter, today=today,
                        text=f"Progress in quarter {q + 1}: meetings held, partners engaged.",
                        status=STATUSES[(a + q) % len(STATUSES)],
                    )  # fmt: skip
        for m in range(3):
            measure = measures.add_measure(
                priority_id=priority.id, name=f"Bench measure {p}{m}", unit="%",
                baseline=30 + m, comparator=25, comparator_label="national average",
                target=24, target_date="2023-03-31",
            )  # fmt: skip
            for r in range(16):
                day = dt.date(2017 + r // 4, 3 * (r % 4) + 1, 28)
                measures.record_reading(
                    measure_id=measure.id, date=day, value=30 + m - r * 0.3, today=today
                )
    return plan.id
