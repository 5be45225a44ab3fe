"""A meeting's action (services/decisions/actions.py) linked to the plan action it serves, so the
plan shows what its meetings set in hand and the action shows the plan it delivers.

The link is tracking, like an action's status: it may be made after the minutes are
approved (services/decisions/freeze.py leaves it unfrozen)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services import validation
from desktop_app.services.decisions.actions import ActionEntry, entries_query, to_entries
from desktop_app.storage import changes
from desktop_app.storage.models import Action, Plan, PlanAction, PlanOutcome, PlanPriority, db


@dataclass(frozen=True)
class PlanActionRef:
    """Where a plan action sits, as a clerk names it: “Community Development Strategy,
    1a: Increase targeted support …”."""

    id: str
    plan_id: str
    plan_title: str
    code: str  # "1a"
    text: str

    @property
    def label(self) -> str:
        return f"{self.plan_title}, {self.code}: {self.text}"


def link_action(*, action_id: str, plan_action_id: str | None) -> Action:
    """Link the meeting's action to a plan action (None unlinks it)."""
    row = validation.live_row(Action, action_id, "action")
    target = validation.optional_row(PlanAction, plan_action_id, "plan action")
    with db.atomic():
        changes.update(row, plan_action_id=target.id if target else None)
    return row


def plan_action_of(action_id: str) -> PlanActionRef | None:
    """The plan action a meeting's action serves, if it is linked to a live one."""
    row = validation.live_row(Action, action_id, "action")
    linked = row.__data__.get("plan_action")
    return plan_action_ref(linked) if linked else None


def plan_action_ref(plan_action_id: str) -> PlanActionRef | None:
    found = _refs().where(PlanAction.id == plan_action_id).first()
    return None if found is None else _ref(found)


def plan_action_choices(body_id: str | None = None) -> list[PlanActionRef]:
    """Every live plan action (of one body's plans when given), in plan order, to link to."""
    query = _refs().order_by(
        Plan.starts.desc(), Plan.title, PlanPriority.number, PlanOutcome.letter, PlanAction.position
    )
    if body_id is not None:
        query = query.where(Plan.body == body_id)
    return [_ref(row) for row in query]


def _refs():
    """Live plan actions under a live outcome, priority and plan, with those rows."""
    return (
        PlanAction.select(PlanAction, PlanOutcome, PlanPriority, Plan)
        .join(PlanOutcome, on=(PlanAction.outcome == PlanOutcome.id))
        .join(PlanPriority, on=(PlanOutcome.priority == PlanPriority.id))
        .switch(PlanAction)
        .join(Plan, on=(PlanAction.plan == Plan.id))
        .where(
            PlanAction.deleted_at.is_null()
            & PlanOutcome.deleted_at.is_null()
            & PlanPriority.deleted_at.is_null()
            & Plan.deleted_at.is_null()
        )
    )


def _ref(row: PlanAction) -> PlanActionRef:
    outcome = row.outcome
    return PlanActionRef(
        id=row.id,
        plan_id=row.plan.id,
        plan_title=row.plan.title,
        code=f"{outcome.priority.number}{outcome.letter}",
        text=row.text,
    )


def meeting_actions_of(plan_action_id: str) -> list[ActionEntry]:
    """The meetings' actions linked to the plan action, the oldest meeting first."""
    from desktop_app.storage.models import Meeting

    query = entries_query().where(Action.plan_action == plan_action_id)
    return to_entries(query.order_by(Meeting.date, Action.position), None)
