"""Making, editing and deleting a plan, its priorities and their outcomes. A delete is a
tombstone, so each has its `restore_*` (the window's undo); what lies under a deleted row
stays as it was and comes back with it."""

from __future__ import annotations

from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.plans import rules
from desktop_app.storage import changes
from desktop_app.storage.models import Body, Plan, PlanOutcome, PlanPriority, Synced, db

# -- plans ------------------------------------------------------------------------------------


def create_plan(*, body_id: str, title: str, starts, ends, introduction: str = "") -> Plan:
    """A new plan of the body for the period from `starts` to `ends`."""
    body = validation.live_row(Body, body_id, "body")
    values = rules.plan_values(
        dict(title=title, starts=starts, ends=ends, introduction=introduction)
    )
    with db.atomic():
        return changes.create(Plan, body=body.id, **values)


def update_plan(*, plan_id: str, **fields: Any) -> Plan:
    """Change any of title, starts, ends, introduction. A new period must still hold every
    action's target date."""
    _known(fields, rules.PLAN_FIELDS, "A plan")
    row = validation.live_row(Plan, plan_id, "plan")
    values = rules.plan_values({**changes.current(row, rules.PLAN_FIELDS), **fields})
    if "starts" in fields or "ends" in fields:
        _targets_within(row, values)
    with db.atomic():
        changes.update(row, **{name: values[name] for name in fields})
    return row


def _targets_within(row: Plan, values: dict) -> None:
    from desktop_app.storage.models import PlanAction

    moved = Plan(starts=values["starts"], ends=values["ends"])
    for action in PlanAction.live().where(
        (PlanAction.plan == row.id) & PlanAction.target.is_null(False)
    ):
        rules.within(moved, action.target, f"target date of “{action.text[:60]}”")


def delete_plan(*, plan_id: str) -> None:
    tombstone(Plan, plan_id, "plan")


def restore_plan(*, plan_id: str) -> Plan:
    return bring_back(Plan, plan_id, "plan")


def plans_of_body(body_id: str) -> list[Plan]:
    """The body's plans, the newest period first."""
    return list(
        Plan.live().where(Plan.body == body_id).order_by(Plan.starts.desc(), Plan.created_at)
    )


def get_plan(plan_id: str) -> Plan:
    return validation.live_row(Plan, plan_id, "plan")


# -- priorities -------------------------------------------------------------------------------


def add_priority(
    *, plan_id: str, title: str, why: str = "", number: int | None = None
) -> PlanPriority:
    """A priority of the plan, numbered next unless `number` is given."""
    plan = get_plan(plan_id)
    taken = [p.number for p in PlanPriority.live().where(PlanPriority.plan == plan.id)]
    values = rules.priority_values(
        dict(number=max(taken, default=0) + 1 if number is None else number, title=title, why=why)
    )
    _refuse_taken_number(values["number"], taken)
    with db.atomic():
        return changes.create(PlanPriority, plan=plan.id, **values)


def update_priority(*, priority_id: str, **fields: Any) -> PlanPriority:
    _known(fields, rules.PRIORITY_FIELDS, "A priority")
    row = validation.live_row(PlanPriority, priority_id, "priority")
    values = rules.priority_values({**changes.current(row, rules.PRIORITY_FIELDS), **fields})
    if values["number"] != row.number:
        others = PlanPriority.live().where(
            (PlanPriority.plan == row.__data__["plan"]) & (PlanPriority.id != row.id)
        )
        _refuse_taken_number(values["number"], [p.number for p in others])
    with db.atomic():
        changes.update(row, **{name: values[name] for name in fields})
    return row


def _refuse_taken_number(number: int, taken: list[int]) -> None:
    if number in taken:
        raise ValidationError(f"The plan already has a priority {number}.")


def delete_priority(*, priority_id: str) -> None:
    tombstone(PlanPriority, priority_id, "priority")


def restore_priority(*, priority_id: str) -> PlanPriority:
    return bring_back(PlanPriority, priority_id, "priority")


def priorities_of(plan_id: str) -> list[PlanPriority]:
    return list(
        PlanPriority.live()
        .where(PlanPriority.plan == plan_id)
        .order_by(PlanPriority.number, PlanPriority.created_at)
    )


# -- outcomes ---------------------------------------------------------------------------------


def add_outcome(*, priority_id: str, text: str, letter: str | None = None) -> PlanOutcome:
    """An outcome of the priority, lettered next (1a, 1b) unless `letter` is given."""
    priority = validation.live_row(PlanPriority, priority_id, "priority")
    taken = [o.letter for o in outcomes_of(priority.id)]
    if letter is None:
        letter = chr(ord(max(taken, default="`")) + 1)  # past z: refused by the rule
    values = rules.outcome_values(dict(letter=letter, text=text))
    _refuse_taken_letter(priority, values["letter"], taken)
    with db.atomic():
        return changes.create(
            PlanOutcome, plan=priority.__data__["plan"], priority=priority.id, **values
        )


def update_outcome(*, outcome_id: str, **fields: Any) -> PlanOutcome:
    _known(fields, rules.OUTCOME_FIELDS, "An outcome")
    row = validation.live_row(PlanOutcome, outcome_id, "outcome")
    values = rules.outcome_values({**changes.current(row, rules.OUTCOME_FIELDS), **fields})
    if values["letter"] != row.letter:
        priority = PlanPriority.get_by_id(row.__data__["priority"])
        others = [o.letter for o in outcomes_of(priority.id) if o.id != row.id]
        _refuse_taken_letter(priority, values["letter"], others)
    with db.atomic():
        changes.update(row, **{name: values[name] for name in fields})
    return row


def _refuse_taken_letter(priority: PlanPriority, letter: str, taken: list[str]) -> None:
    if letter in taken:
        raise ValidationError(
            f"Priority {priority.number} already has an outcome {priority.number}{letter}."
        )


def delete_outcome(*, outcome_id: str) -> None:
    tombstone(PlanOutcome, outcome_id, "outcome")


def restore_outcome(*, outcome_id: str) -> PlanOutcome:
    return bring_back(PlanOutcome, outcome_id, "outcome")


def outcomes_of(priority_id: str) -> list[PlanOutcome]:
    return list(
        PlanOutcome.live()
        .where(PlanOutcome.priority == priority_id)
        .order_by(PlanOutcome.letter, PlanOutcome.created_at)
    )


# -- shared -----------------------------------------------------------------------------------


def tombstone(model: type[Synced], row_id: str, what: str) -> None:
    row = validation.live_row(model, row_id, what)
    with db.atomic():
        changes.delete(row)


def bring_back(model: type[Synced], row_id: str, what: str):
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise ValidationError(f"There is no {what} with the key “{row_id}”.")
    with db.atomic():
        changes.restore(row)
    return row


def _known(fields: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError(f"{what} has no field called {', '.join(sorted(unknown))}.")
