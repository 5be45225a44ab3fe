"""A plan's actions (what we plan to do for an outcome), their key partners (organisations,
in the order listed) and their progress by quarter, each quarter's note with the RAG status
the action had then. The action's own status is where it stands now."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.plans import rules
from desktop_app.services.plans.plans import _known, bring_back, tombstone
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import (
    Organisation,
    Person,
    Plan,
    PlanAction,
    PlanOutcome,
    PlanPartner,
    PlanProgress,
    db,
)

# -- actions ----------------------------------------------------------------------------------


def add_plan_action(*, outcome_id: str, text: str, **fields: Any) -> PlanAction:
    """An action for the outcome, after its others; `fields` as rules.ACTION_FIELDS."""
    _known(fields, rules.ACTION_FIELDS, "A plan action")
    outcome = validation.live_row(PlanOutcome, outcome_id, "outcome")
    plan = Plan.get_by_id(outcome.__data__["plan"])
    values = _checked(plan, {**fields, "text": text})
    last = (
        PlanAction.select(fn.MAX(PlanAction.position))
        .where(PlanAction.outcome == outcome.id)
        .scalar()
    )
    with db.atomic():
        return changes.create(
            PlanAction,
            plan=plan.id,
            outcome=outcome.id,
            position=0 if last is None else last + 1,
            **values,
        )


def update_plan_action(*, action_id: str, **fields: Any) -> PlanAction:
    """Change any of rules.ACTION_FIELDS. Naming one kind of lead alone clears the other."""
    _known(fields, rules.ACTION_FIELDS, "A plan action")
    row = validation.live_row(PlanAction, action_id, "plan action")
    if fields.get("lead_person_id") and "lead_organisation_id" not in fields:
        fields["lead_organisation_id"] = None
    if fields.get("lead_organisation_id") and "lead_person_id" not in fields:
        fields["lead_person_id"] = None
    plan = Plan.get_by_id(row.__data__["plan"])
    values = _checked(plan, {**changes.current(row, rules.ACTION_FIELDS), **fields})
    with db.atomic():
        changes.update(row, **{name: values[name] for name in fields})
    return row


def _checked(plan: Plan, fields: dict) -> dict:
    values = rules.action_values(plan, fields)
    validation.optional_row(Person, values["lead_person_id"], "lead")
    validation.optional_row(Organisation, values["lead_organisation_id"], "lead organisation")
    return values


def delete_plan_action(*, action_id: str) -> None:
    tombstone(PlanAction, action_id, "plan action")


def restore_plan_action(*, action_id: str) -> PlanAction:
    return bring_back(PlanAction, action_id, "plan action")


def actions_of(outcome_id: str) -> list[PlanAction]:
    return list(
        PlanAction.live()
        .where(PlanAction.outcome == outcome_id)
        .order_by(PlanAction.position, PlanAction.created_at)
    )


# -- partners ---------------------------------------------------------------------------------


def add_partner(*, action_id: str, organisation_id: str) -> PlanPartner:
    """A key partner of the action, listed last. One row per action and organisation on
    every laptop, so two laptops naming the same partner share one."""
    action = validation.live_row(PlanAction, action_id, "plan action")
    organisation = validation.live_row(Organisation, organisation_id, "partner organisation")
    if (
        PlanPartner.live()
        .where((PlanPartner.action == action.id) & (PlanPartner.organisation == organisation.id))
        .exists()
    ):
        raise ValidationError(f"{organisation.name} is already a partner in this action.")
    last = (
        PlanPartner.select(fn.MAX(PlanPartner.position))
        .where(PlanPartner.action == action.id)
        .scalar()
    )
    with db.atomic():
        return natural_ids.put(
            PlanPartner,
            partner_id(action.id, organisation.id),
            action=action.id,
            organisation=organisation.id,
            position=0 if last is None else last + 1,
        )


def partner_id(action_id: str, organisation_id: str) -> str:
    return natural_ids.natural_id(f"plan-partner:{action_id}:{organisation_id}")


def remove_partner(*, partner_id: str) -> None:
    tombstone(PlanPartner, partner_id, "partner")


def restore_partner(*, partner_id: str) -> PlanPartner:
    return bring_back(PlanPartner, partner_id, "partner")


def partners_of(action_id: str) -> list[tuple[PlanPartner, Organisation]]:
    query = (
        PlanPartner.select(PlanPartner, Organisation)
        .join(Organisation, on=(PlanPartner.organisation == Organisation.id))
        .where((PlanPartner.action == action_id) & PlanPartner.deleted_at.is_null())
        .order_by(PlanPartner.position, PlanPartner.created_at)
    )
    return [(row, row.organisation) for row in query]


# -- progress ---------------------------------------------------------------------------------


def record_progress(
    *,
    action_id: str,
    quarter: dt.date | str,
    text: str,
    status: str | None = None,
    today: dt.date | None = None,
) -> PlanProgress:
    """The action's progress in a quarter (any day in it), with its status then (the
    action's status now unless given). One note a quarter: recording it again replaces
    the words, on every laptop the same row."""
    action = validation.live_row(PlanAction, action_id, "plan action")
    plan = Plan.get_by_id(action.__data__["plan"])
    values = rules.progress_values(
        plan,
        dict(quarter=quarter, text=text, status=status or action.status),
        today=today or dt.date.today(),
    )
    with db.atomic():
        return natural_ids.put(
            PlanProgress,
            progress_id(action.id, values["quarter"]),
            action=action.id,
            **values,
        )


def progress_id(action_id: str, quarter: dt.date) -> str:
    return natural_ids.natural_id(f"plan-progress:{action_id}:{quarter.isoformat()}")


def remove_progress(*, progress_id: str) -> None:
    tombstone(PlanProgress, progress_id, "progress note")


def restore_progress(*, progress_id: str) -> PlanProgress:
    return bring_back(PlanProgress, progress_id, "progress note")


def progress_of(action_id: str) -> list[PlanProgress]:
    """The action's progress, the latest quarter first."""
    return list(
        PlanProgress.live()
        .where(PlanProgress.action == action_id)
        .order_by(PlanProgress.quarter.desc())
    )
