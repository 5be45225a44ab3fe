"""A plan read whole, once, for the window, the printed plan and progress report, the
exchange format and a quarter's report (quarter_progress.py); a measure's readings; and
where a plan's row sits, for a search hit.

    plan_outline(plan_id)                 -> PlanOutline (priorities → outcomes → actions, measures)
    measure_readings(measure_id)          -> [ReadingView], oldest first
    where_in_plan(kind, row_id)           -> "Priority 1", "1a", ... or None
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from desktop_app import vocabulary
from desktop_app.dates import MONTH_NAMES, long_date
from desktop_app.services import validation
from desktop_app.services.directory.people import display_name
from desktop_app.services.plans.quarters import quarter_of
from desktop_app.storage.models import (
    Action,
    Body,
    Organisation,
    Person,
    Plan,
    PlanAction,
    PlanMeasure,
    PlanOutcome,
    PlanPartner,
    PlanPriority,
    PlanProgress,
    PlanReading,
)


@dataclass(frozen=True)
class ProgressView:
    id: str
    quarter: dt.date  # its first day
    status: str
    rag: str  # grey, green, amber, red or blue (vocabulary.PLAN_RAG)
    text: str


@dataclass(frozen=True)
class PartnerView:
    id: str
    organisation_id: str
    name: str


@dataclass(frozen=True)
class ActionView:
    id: str
    outcome_id: str
    code: str  # the outcome's: "1a"
    text: str
    lead: str  # as printed: a person's name or an organisation's, "" when none
    lead_person_id: str | None
    lead_organisation_id: str | None
    partners: tuple[PartnerView, ...]
    target: dt.date | None
    target_wording: str
    status: str
    rag: str
    progress: tuple[ProgressView, ...]  # the latest quarter first
    meeting_actions: int  # how many meetings' actions are linked to it

    @property
    def target_text(self) -> str:
        """As the plan prints it: the wording, else the date."""
        if self.target_wording:
            return self.target_wording
        return long_date(self.target) if self.target else ""

    def status_in(self, quarter: dt.date) -> str:
        """Its status in a quarter: that of its latest progress by then, else its own."""
        for note in self.progress:
            if note.quarter <= quarter:
                return note.status
        return self.status

    def progress_in(self, quarter: dt.date) -> ProgressView | None:
        return next((note for note in self.progress if note.quarter == quarter_of(quarter)), None)


@dataclass(frozen=True)
class OutcomeView:
    id: str
    code: str  # "1a"
    letter: str
    text: str
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class ReadingView:
    id: str
    date: dt.date
    value: float
    note: str


@dataclass(frozen=True)
class MeasureView:
    id: str
    priority_id: str
    name: str
    unit: str
    baseline: float | None
    baseline_date: dt.date | None
    comparator: float | None
    comparator_label: str
    target: float | None
    target_date: dt.date | None
    readings: tuple[ReadingView, ...]  # oldest first

    @property
    def lower_is_better(self) -> bool:
        return None not in (self.target, self.baseline) and self.target < self.baseline

    def latest(self, by: dt.date | None = None) -> ReadingView | None:
        """The latest reading (on or before `by` when given)."""
        found = [r for r in self.readings if by is None or r.date <= by]
        return found[-1] if found else None

    def met(self, reading: ReadingView | None) -> bool | None:
        """Whether a reading reaches the target; None without both."""
        if reading is None or self.target is None:
            return None
        if self.lower_is_better:
            return reading.value <= self.target
        return reading.value >= self.target

    def figure(self, value: float | None) -> str:
        return figure(value, self.unit)


@dataclass(frozen=True)
class PriorityView:
    id: str
    number: int
    title: str
    why: str
    outcomes: tuple[OutcomeView, ...]
    measures: tuple[MeasureView, ...]

    @property
    def why_points(self) -> list[str]:
        """“Why is this important?”, a point a line (a leading "- " is the bullet)."""
        return [
            line.strip().removeprefix("- ").strip()
            for line in self.why.splitlines()
            if line.strip()
        ]

    @property
    def actions(self) -> list[ActionView]:
        return [action for outcome in self.outcomes for action in outcome.actions]


@dataclass(frozen=True)
class PlanOutline:
    id: str
    body_id: str
    body_name: str
    title: str
    starts: dt.date
    ends: dt.date
    introduction: str
    priorities: tuple[PriorityView, ...]

    @property
    def period(self) -> str:
        """2012–2016"""
        return f"{self.starts.year}–{self.ends.year}"

    @property
    def actions(self) -> list[ActionView]:
        return [action for priority in self.priorities for action in priority.actions]

    @property
    def measures(self) -> list[MeasureView]:
        return [measure for priority in self.priorities for measure in priority.measures]


def figure(value: float | None, unit: str) -> str:
    """26.5%, 226.2 per 100,000 population, 2,611 people; "" for no value."""
    if value is None:
        return ""
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{number}%" if unit.strip() == "%" else f"{number} {unit}".strip()


def month_year(day: dt.date | None) -> str:
    """March 2016"""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}" if day else ""


# -- reading a plan ---------------------------------------------------------------------------


def plan_outline(plan_id: str) -> PlanOutline:
    """The plan with everything under it, in a few queries (one a table)."""
    plan = validation.live_row(Plan, plan_id, "plan")
    body = Body.get_by_id(plan.__data__["body"])
    priorities = list(
        PlanPriority.live()
        .where(PlanPriority.plan == plan.id)
        .order_by(PlanPriority.number, PlanPriority.created_at)
    )
    outcomes = _grouped(
        PlanOutcome.live()
        .where(PlanOutcome.plan == plan.id)
        .order_by(PlanOutcome.letter, PlanOutcome.created_at),
        "priority",
    )
    actions = _action_views(
        PlanAction.live()
        .where(PlanAction.plan == plan.id)
        .order_by(PlanAction.position, PlanAction.created_at),
        {o.id: f"{p.number}{o.letter}" for p in priorities for o in outcomes[p.id]},
    )
    measures = _measure_views(
        PlanMeasure.live()
        .where(PlanMeasure.plan == plan.id)
        .order_by(PlanMeasure.position, PlanMeasure.created_at)
    )
    return PlanOutline(
        id=plan.id,
        body_id=body.id,
        body_name=body.name,
        title=plan.title,
        starts=plan.starts,
        ends=plan.ends,
        introduction=plan.introduction,
        priorities=tuple(
            PriorityView(
                id=p.id,
                number=p.number,
                title=p.title,
                why=p.why,
                outcomes=tuple(
                    OutcomeView(
                        id=o.id,
                        code=f"{p.number}{o.letter}",
                        letter=o.letter,
                        text=o.text,
                        actions=tuple(a for a in actions if a.outcome_id == o.id),
                    )
                    for o in outcomes[p.id]
                ),
                measures=tuple(m for m in measures if m.priority_id == p.id),
            )
            for p in priorities
        ),
    )


def _grouped(query, field: str) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for row in query:
        found[row.__data__[field]].append(row)
    return found


def _action_views(query, codes: dict[str, str]) -> list[ActionView]:
    rows = [row for row in query if row.__data__["outcome"] in codes]
    ids = [row.id for row in rows]
    partners = _grouped(
        PlanPartner.select(PlanPartner, Organisation)
        .join(Organisation, on=(PlanPartner.organisation == Organisation.id))
        .where(PlanPartner.action.in_(ids) & PlanPartner.deleted_at.is_null())
        .order_by(PlanPartner.position, PlanPartner.created_at),
        "action",
    )
    progress = _grouped(
        PlanProgress.live()
        .where(PlanProgress.action.in_(ids))
        .order_by(PlanProgress.quarter.desc()),
        "action",
    )
    linked: dict[str, int] = defaultdict(int)
    for action in Action.live().where(Action.plan_action.in_(ids)).select(Action.plan_action):
        linked[action.__data__["plan_action"]] += 1
    people = {
        p.id: p
        for p in Person.select().where(Person.id.in_([r.__data__.get("lead_person") for r in rows]))
    }
    organisations = {
        o.id: o
        for o in Organisation.select().where(
            Organisation.id.in_([r.__data__.get("lead_organisation") for r in rows])
        )
    }
    views = []
    for row in rows:
        person = people.get(row.__data__.get("lead_person"))
        organisation = organisations.get(row.__data__.get("lead_organisation"))
        lead = display_name(person) if person else (organisation.name if organisation else "")
        views.append(
            ActionView(
                id=row.id,
                outcome_id=row.__data__["outcome"],
                code=codes[row.__data__["outcome"]],
                text=row.text,
                lead=lead,
                lead_person_id=person.id if person else None,
                lead_organisation_id=organisation.id if organisation else None,
                partners=tuple(
                    PartnerView(p.id, p.organisation.id, p.organisation.name)
                    for p in partners[row.id]
                ),
                target=row.target,
                target_wording=row.target_wording,
                status=row.status,
                rag=vocabulary.PLAN_RAG[row.status],
                progress=tuple(
                    ProgressView(n.id, n.quarter, n.status, vocabulary.PLAN_RAG[n.status], n.text)
                    for n in progress[row.id]
                ),
                meeting_actions=linked[row.id],
            )
        )
    return views


def _measure_views(query) -> list[MeasureView]:
    rows = list(query)
    readings = _grouped(
        PlanReading.live()
        .where(PlanReading.measure.in_([row.id for row in rows]))
        .order_by(PlanReading.date),
        "measure",
    )
    return [
        MeasureView(
            id=row.id,
            priority_id=row.__data__["priority"],
            name=row.name,
            unit=row.unit,
            baseline=row.baseline,
            baseline_date=row.baseline_date,
            comparator=row.comparator,
            comparator_label=row.comparator_label,
            target=row.target,
            target_date=row.target_date,
            readings=tuple(ReadingView(r.id, r.date, r.value, r.note) for r in readings[row.id]),
        )
        for row in rows
    ]


# -- a measure's readings, and where a row sits ------------------------------------------------


def measure_readings(measure_id: str) -> list[ReadingView]:
    validation.live_row(PlanMeasure, measure_id, "performance measure")
    return [
        ReadingView(r.id, r.date, r.value, r.note)
        for r in PlanReading.live()
        .where(PlanReading.measure == measure_id)
        .order_by(PlanReading.date)
    ]


def where_in_plan(kind: str, row_id: str) -> str | None:
    """Where a plan's row sits, as a search hit names it ("Plan", "Priority 1", "1a"), or
    None when it or a row above it (its plan aside) has been deleted. `kind` is its table."""
    models = {
        "plan": Plan,
        "plan_priority": PlanPriority,
        "plan_outcome": PlanOutcome,
        "plan_action": PlanAction,
        "plan_measure": PlanMeasure,
        "plan_progress": PlanProgress,
    }
    row = _live(models[kind], row_id)
    if row is None or kind == "plan":
        return None if row is None else "Plan"
    if isinstance(row, PlanProgress):
        row = _live(PlanAction, row.__data__["action"])
    if isinstance(row, PlanAction):
        row = _live(PlanOutcome, row.__data__["outcome"])
    if isinstance(row, PlanOutcome):
        priority = _live(PlanPriority, row.__data__["priority"])
        return None if priority is None else f"{priority.number}{row.letter}"
    if isinstance(row, PlanMeasure):
        row = _live(PlanPriority, row.__data__["priority"])
    return None if row is None else f"Priority {row.number}"


def _live(model, row_id: str):
    return model.live().where(model.id == row_id).first()
