"""A priority's performance measures (name, unit, baseline with its date, the national or
comparator figure, target with its date) and the readings recorded for them over time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from desktop_app.services import validation
from desktop_app.services.plans import rules
from desktop_app.services.plans.plans import _known, bring_back, tombstone
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import Plan, PlanMeasure, PlanPriority, PlanReading, db


def add_measure(*, priority_id: str, name: str, unit: str, **fields: Any) -> PlanMeasure:
    """A measure of the priority, listed last; `fields` as rules.MEASURE_FIELDS."""
    _known(fields, rules.MEASURE_FIELDS, "A performance measure")
    priority = validation.live_row(PlanPriority, priority_id, "priority")
    plan = Plan.get_by_id(priority.__data__["plan"])
    values = rules.measure_values(plan, {**fields, "name": name, "unit": unit})
    last = (
        PlanMeasure.select(fn.MAX(PlanMeasure.position))
        .where(PlanMeasure.priority == priority.id)
        .scalar()
    )
    with db.atomic():
        return changes.create(
            PlanMeasure,
            plan=plan.id,
            priority=priority.id,
            position=0 if last is None else last + 1,
            **values,
        )


def update_measure(*, measure_id: str, **fields: Any) -> PlanMeasure:
    _known(fields, rules.MEASURE_FIELDS, "A performance measure")
    row = validation.live_row(PlanMeasure, measure_id, "performance measure")
    plan = Plan.get_by_id(row.__data__["plan"])
    values = rules.measure_values(plan, {**changes.current(row, rules.MEASURE_FIELDS), **fields})
    with db.atomic():
        changes.update(row, **{name: values[name] for name in fields})
    return row


def delete_measure(*, measure_id: str) -> None:
    tombstone(PlanMeasure, measure_id, "performance measure")


def restore_measure(*, measure_id: str) -> PlanMeasure:
    return bring_back(PlanMeasure, measure_id, "performance measure")


def measures_of(priority_id: str) -> list[PlanMeasure]:
    return list(
        PlanMeasure.live()
        .where(PlanMeasure.priority == priority_id)
        .order_by(PlanMeasure.position, PlanMeasure.created_at)
    )


def record_reading(
    *,
    measure_id: str,
    date: dt.date | str,
    value: float | str,
    note: str = "",
    today: dt.date | None = None,
) -> PlanReading:
    """The measure's value on a date (not after today). One reading a date: recording that
    date again replaces it, on every laptop the same row."""
    measure = validation.live_row(PlanMeasure, measure_id, "performance measure")
    values = rules.reading_values(
        dict(date=date, value=value, note=note), today=today or dt.date.today()
    )
    with db.atomic():
        return natural_ids.put(
            PlanReading, reading_id(measure.id, values["date"]), measure=measure.id, **values
        )


def reading_id(measure_id: str, day: dt.date) -> str:
    return natural_ids.natural_id(f"plan-reading:{measure_id}:{day.isoformat()}")


def remove_reading(*, reading_id: str) -> None:
    tombstone(PlanReading, reading_id, "reading")


def restore_reading(*, reading_id: str) -> PlanReading:
    return bring_back(PlanReading, reading_id, "reading")


def readings_of(measure_id: str) -> list[PlanReading]:
    """The measure's readings, oldest first."""
    return list(
        PlanReading.live().where(PlanReading.measure == measure_id).order_by(PlanReading.date)
    )
