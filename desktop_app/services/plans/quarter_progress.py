"""What a quarter's report draws on (the quarterly updates of seeds 000 and 002): each
action of a body's plans with its RAG status and progress in a quarter, and each measure
with its latest reading by the quarter's end, read from the plans' outlines (outline.py).

    actions_in_quarter(body_id, quarter)  -> [QuarterAction] of the body's plans
    measures_in_quarter(body_id, quarter) -> [QuarterMeasure] with the latest reading by then
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app import vocabulary
from desktop_app.services.plans.outline import (
    ActionView,
    MeasureView,
    PlanOutline,
    ProgressView,
    ReadingView,
    plan_outline,
)
from desktop_app.services.plans.quarters import quarter_end, quarter_of
from desktop_app.storage.models import Plan


@dataclass(frozen=True)
class QuarterAction:
    """A plan action as it stood in a quarter."""

    plan_id: str
    plan_title: str
    priority: str  # "Priority 1: Tackling disadvantage"
    action: ActionView
    status: str  # in that quarter (ActionView.status_in)
    rag: str
    progress: ProgressView | None  # the note for that quarter, if one was recorded


@dataclass(frozen=True)
class QuarterMeasure:
    plan_id: str
    plan_title: str
    priority: str
    measure: MeasureView
    latest: ReadingView | None  # the latest reading by the quarter's end
    met: bool | None


def actions_in_quarter(body_id: str, quarter: dt.date) -> list[QuarterAction]:
    """Every action of the body's plans that run in the quarter (any day in it), with its
    RAG status and progress then, in plan order."""
    first = quarter_of(quarter)
    found = []
    for outline in _outlines_in(body_id, first):
        for priority in outline.priorities:
            for action in priority.actions:
                status = action.status_in(first)
                found.append(
                    QuarterAction(
                        plan_id=outline.id,
                        plan_title=outline.title,
                        priority=f"Priority {priority.number}: {priority.title}",
                        action=action,
                        status=status,
                        rag=vocabulary.PLAN_RAG[status],
                        progress=action.progress_in(first),
                    )
                )
    return found


def measures_in_quarter(body_id: str, quarter: dt.date) -> list[QuarterMeasure]:
    """Every measure of the body's plans that run in the quarter, with the latest reading
    by its end and whether that reaches the target."""
    first = quarter_of(quarter)
    found = []
    for outline in _outlines_in(body_id, first):
        for priority in outline.priorities:
            for measure in priority.measures:
                latest = measure.latest(quarter_end(first))
                found.append(
                    QuarterMeasure(
                        plan_id=outline.id,
                        plan_title=outline.title,
                        priority=f"Priority {priority.number}: {priority.title}",
                        measure=measure,
                        latest=latest,
                        met=measure.met(latest),
                    )
                )
    return found


def _outlines_in(body_id: str, first: dt.date) -> list[PlanOutline]:
    plans = Plan.live().where(
        (Plan.body == body_id) & (Plan.starts <= quarter_end(first)) & (Plan.ends >= first)
    )
    return [plan_outline(plan.id) for plan in plans.order_by(Plan.starts, Plan.title)]
