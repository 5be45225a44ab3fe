"""Seed 001's first priority, as the example board holds it, for the plans' tests: the
example imported, then what a year of monitoring would add (progress and readings)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.exchange import import_file
from desktop_app.services.plans import actions, measures, outline, plans
from desktop_app.storage.models import Body
from tests.exchange.databases import EXAMPLE

TODAY = dt.date(2013, 6, 30)


@dataclass(frozen=True)
class Seed:
    plan_id: str
    body_id: str


def seed_plan(*, monitored: bool = False) -> Seed:
    """The example imported into the open database; with `monitored`, progress in two
    quarters and two readings of each measure."""
    import_file(EXAMPLE)
    body = Body.get(Body.name == "Maidstone Locality Board")
    (plan,) = plans.plans_of_body(body.id)
    if monitored:
        view = outline.plan_outline(plan.id)
        statuses = ("on track", "at risk", "off track", "complete")
        for action, status in zip(view.actions, statuses, strict=True):
            actions.record_progress(
                action_id=action.id, quarter="2012-10-01", text="Work begun with partners.",
                status="on track", today=TODAY,
            )  # fmt: skip
            actions.record_progress(
                action_id=action.id, quarter="2013-01-01", text=f"Now {status}.",
                status=status, today=TODAY,
            )  # fmt: skip
            actions.update_plan_action(action_id=action.id, status=status)
        for measure, (first, second) in zip(
            view.measures, ((26.1, 25.4), (48.0, 50.3), (219.0, 210.5)), strict=True
        ):
            measures.record_reading(
                measure_id=measure.id, date="2012-09-30", value=first, today=TODAY
            )
            measures.record_reading(
                measure_id=measure.id, date="2013-03-31", value=second, today=TODAY
            )
    return Seed(plan.id, body.id)
