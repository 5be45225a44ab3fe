"""Strategy plans written by the import (importer.py) as plan_record.py read them: a body's
plans with their priorities, outcomes, actions and partners, progress, measures and
readings, adding and updating, never deleting; and the plan action a meeting's action
serves, found once every body's plans are written. Rows are matched by plan title,
priority number, outcome letter and an action's or measure's place in its list; progress
(a quarter) and readings (a date) by their natural ids."""

from __future__ import annotations

from desktop_app.exchange.plan_record import ACTION_CODE, PlanActionLink, PlanRecord, PriorityRecord
from desktop_app.exchange.values import fail
from desktop_app.services.plans.actions import partner_id, progress_id
from desktop_app.services.plans.measures import reading_id
from desktop_app.storage.models import (
    Plan,
    PlanAction,
    PlanMeasure,
    PlanOutcome,
    PlanPartner,
    PlanPriority,
    PlanProgress,
    PlanReading,
)


def apply_plans(applier, body_row, records: list[PlanRecord]) -> None:
    """Write the body's plans as the file has them (adding and updating, never deleting)."""
    existing = {
        p.title.casefold(): p
        for p in applier.existing(body_row, Plan.live().where(Plan.body == body_row.id))
    }
    for record in records:
        key = record.values["title"].casefold()
        plan = applier.save(
            Plan,
            existing.get(key),
            _create=dict(body_id=body_row.id),
            _id=applier.key_of("plan", body_row.id, key),
            _under=body_row,
            **record.values,
        )
        priorities = {
            p.number: p
            for p in applier.existing(plan, PlanPriority.live().where(PlanPriority.plan == plan.id))
        }
        for priority in record.priorities:
            number = priority.values["number"]
            row = applier.save(
                PlanPriority,
                priorities.get(number),
                _create=dict(plan_id=plan.id),
                _id=applier.key_of("plan-priority", plan.id, number),
                _under=plan,
                **priority.values,
            )
            _apply_priority(applier, plan, row, priority)


def _apply_priority(applier, plan, row, record: PriorityRecord) -> None:
    outcomes = {
        o.letter: o
        for o in applier.existing(row, PlanOutcome.live().where(PlanOutcome.priority == row.id))
    }
    for outcome in record.outcomes:
        letter = outcome.values["letter"]
        saved = applier.save(
            PlanOutcome,
            outcomes.get(letter),
            _create=dict(plan_id=plan.id, priority_id=row.id),
            _id=applier.key_of("plan-outcome", row.id, letter),
            _under=row,
            **outcome.values,
        )
        actions = applier.existing(
            saved,
            PlanAction.live()
            .where(PlanAction.outcome == saved.id)
            .order_by(PlanAction.position, PlanAction.created_at),
        )
        for index, action in enumerate(outcome.actions):
            values = dict(action.values)
            values["lead_person_id"], values["lead_organisation_id"] = applier.party(action.lead)
            done = applier.save(
                PlanAction,
                actions[index] if index < len(actions) else None,
                _create=dict(plan_id=plan.id, outcome_id=saved.id, position=index),
                _id=applier.key_of("plan-action", saved.id, index),
                _under=saved,
                **values,
            )
            _apply_partners(applier, done, action.partners)
            for note in action.progress:
                applier.save(
                    PlanProgress,
                    None,
                    _create=dict(action_id=done.id),
                    _id=progress_id(done.id, note["quarter"]),
                    **note,
                )
    measures = applier.existing(
        row,
        PlanMeasure.live()
        .where(PlanMeasure.priority == row.id)
        .order_by(PlanMeasure.position, PlanMeasure.created_at),
    )
    for index, measure in enumerate(record.measures):
        saved = applier.save(
            PlanMeasure,
            measures[index] if index < len(measures) else None,
            _create=dict(plan_id=plan.id, priority_id=row.id, position=index),
            _id=applier.key_of("plan-measure", row.id, index),
            _under=row,
            **measure.values,
        )
        for reading in measure.readings:
            applier.save(
                PlanReading,
                None,
                _create=dict(measure_id=saved.id),
                _id=reading_id(saved.id, reading["date"]),
                **reading,
            )


def _apply_partners(applier, action, names: list[str]) -> None:
    for position, name in enumerate(names):
        organisation_id = applier.organisation_id(name)
        applier.save(
            PlanPartner,
            None,
            _create=dict(action_id=action.id, organisation_id=organisation_id),
            _id=partner_id(action.id, organisation_id),
            position=position,
        )


def resolve_link(link: PlanActionLink) -> str:
    """The id of the plan action a file's `plan_action` names (in the file or already here)."""
    number, letter, place = ACTION_CODE.match(link.code).groups()
    for plan in Plan.live().where(Plan.title.collate("NOCASE") == link.plan):
        for outcome in (
            PlanOutcome.live()
            .join(PlanPriority, on=(PlanOutcome.priority == PlanPriority.id))
            .where(
                (PlanOutcome.plan == plan.id)
                & (PlanOutcome.letter == letter)
                & (PlanPriority.number == int(number))
                & PlanPriority.deleted_at.is_null()
            )
        ):
            actions = list(
                PlanAction.live()
                .where(PlanAction.outcome == outcome.id)
                .order_by(PlanAction.position, PlanAction.created_at)
            )
            if int(place) <= len(actions) and int(place) > 0:
                return actions[int(place) - 1].id
    fail(link.path, f"there is no action {link.code} in a plan called “{link.plan}”")
