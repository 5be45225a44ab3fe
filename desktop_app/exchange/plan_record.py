"""Strategy plans in a `minute-book/1` file (issue 15, seed 001): a body's `plans`, and the
plan action a meeting's action serves.

    "plans": [{"title", "starts", "ends", "introduction",
      "priorities": [{"number", "title", "why",
        "outcomes": [{"letter", "text",
          "actions": [{"text", "lead", "partners": [organisation names], "target",
                       "target_wording", "status",
                       "progress": [{"quarter", "status", "text"}]}]}],
        "measures": [{"name", "unit", "baseline", "baseline_date", "comparator",
                      "comparator_label", "target", "target_date",
                      "readings": [{"date", "value", "note"}]}]}]}]

and on a meeting's action `"plan_action": {"plan": "<plan title>", "action": "1a.2"}` (the
second action of outcome 1a). Every value is checked by services/plans/rules.py, the rule
the window applies, so a file is refused for what the window refuses, with its place.
Reading and export are here; import, which writes what was read, is plan_import.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop_app.exchange.values import at, entries, fail, fields, free_text, join, single_line
from desktop_app.services.plans import outline, rules
from desktop_app.storage.models import Plan

PLAN_FIELDS = ("title", "starts", "ends", "introduction", "priorities")
PRIORITY_FIELDS = ("number", "title", "why", "outcomes", "measures")
OUTCOME_FIELDS = ("letter", "text", "actions")
ACTION_FIELDS = (
    "text", "lead", "partners", "target", "target_wording", "status", "progress",
)  # fmt: skip
PROGRESS_FIELDS = ("quarter", "status", "text")
MEASURE_FIELDS = (*rules.MEASURE_FIELDS, "readings")
READING_FIELDS = ("date", "value", "note")
LINK_FIELDS = ("plan", "action")
ACTION_CODE = re.compile(r"^(\d{1,2})([a-z])\.(\d{1,3})$")
# A file's dates are read as the window reads them (today for "not after today").
DATED = ("starts", "ends", "target", "baseline_date", "target_date", "date", "quarter")


@dataclass
class ActionRecord:
    path: str
    values: dict[str, Any]  # rules.action_values, lead as named in the file
    lead: str | None
    partners: list[str]
    progress: list[dict[str, Any]]


@dataclass
class MeasureRecord:
    path: str
    values: dict[str, Any]
    readings: list[dict[str, Any]]


@dataclass
class OutcomeRecord:
    path: str
    values: dict[str, Any]
    actions: list[ActionRecord] = field(default_factory=list)


@dataclass
class PriorityRecord:
    path: str
    values: dict[str, Any]
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    measures: list[MeasureRecord] = field(default_factory=list)


@dataclass
class PlanRecord:
    path: str
    values: dict[str, Any]
    priorities: list[PriorityRecord] = field(default_factory=list)


@dataclass(frozen=True)
class PlanActionLink:
    path: str
    plan: str
    code: str  # "1a.2"


# Reading


def read_plans(reader, value: dict, path: str, *, today: dt.date | None = None) -> list[PlanRecord]:
    """A body's `plans`, each checked as the window checks it."""
    today = today or dt.date.today()
    found, titles = [], set()
    for plan_path, raw in entries(value, path, "plans"):
        fields(raw, plan_path, PLAN_FIELDS)
        given = _given(raw, rules.PLAN_FIELDS, plan_path)
        with at(plan_path):
            values = rules.plan_values(given)
        if values["title"].casefold() in titles:
            fail(join(plan_path, "title"), f"the body has two plans called “{values['title']}”")
        titles.add(values["title"].casefold())
        record = PlanRecord(plan_path, values)
        period = Plan(starts=values["starts"], ends=values["ends"])
        numbers: set[int] = set()
        for priority_path, priority in entries(raw, plan_path, "priorities"):
            fields(priority, priority_path, PRIORITY_FIELDS)
            given = _given(priority, rules.PRIORITY_FIELDS, priority_path)
            with at(priority_path):
                clean = rules.priority_values(given)
            if clean["number"] in numbers:
                fail(join(priority_path, "number"), f"there are two priorities {clean['number']}")
            numbers.add(clean["number"])
            record.priorities.append(
                _priority(reader, priority, priority_path, clean, period, today)
            )
        found.append(record)
    return found


def _priority(reader, raw: dict, path: str, values: dict, period: Plan, today) -> PriorityRecord:
    record = PriorityRecord(path, values)
    letters: set[str] = set()
    for outcome_path, outcome in entries(raw, path, "outcomes"):
        fields(outcome, outcome_path, OUTCOME_FIELDS)
        given = _given(outcome, rules.OUTCOME_FIELDS, outcome_path)
        with at(outcome_path):
            clean = rules.outcome_values(given)
        if clean["letter"] in letters:
            fail(join(outcome_path, "letter"), f"there are two outcomes {clean['letter']}")
        letters.add(clean["letter"])
        found = OutcomeRecord(outcome_path, clean)
        for action_path, action in entries(outcome, outcome_path, "actions"):
            found.actions.append(_action(reader, action, action_path, period, today))
        record.outcomes.append(found)
    for measure_path, measure in entries(raw, path, "measures"):
        fields(measure, measure_path, MEASURE_FIELDS)
        given = _given(measure, rules.MEASURE_FIELDS, measure_path)
        with at(measure_path):
            clean = rules.measure_values(period, given)
        readings, dates = [], set()
        for reading_path, reading in entries(measure, measure_path, "readings"):
            fields(reading, reading_path, READING_FIELDS)
            given = _given(reading, READING_FIELDS, reading_path)
            with at(reading_path):
                checked = rules.reading_values(given, today=today)
            if checked["date"] in dates:
                fail(join(reading_path, "date"), "there are two readings on that date")
            dates.add(checked["date"])
            readings.append(checked)
        record.measures.append(MeasureRecord(measure_path, clean, readings))
    return record


def _action(reader, raw: Any, path: str, period: Plan, today) -> ActionRecord:
    fields(raw, path, ACTION_FIELDS)
    lead = reader.party(raw, "lead", path)
    given = _given(raw, rules.ACTION_FIELDS, path)
    with at(path):
        values = rules.action_values(period, given)
    partners: list[str] = []
    for partner_path, name in entries(raw, path, "partners"):
        if not isinstance(name, str) or name.strip().casefold() not in reader.organisations:
            fail(partner_path, "expected the name of an organisation listed in the file or known")
        if name.strip().casefold() in {p.casefold() for p in partners}:
            fail(partner_path, f"“{name.strip()}” is listed twice")
        partners.append(name.strip())
    progress, quarters = [], set()
    for note_path, note in entries(raw, path, "progress"):
        fields(note, note_path, PROGRESS_FIELDS)
        given = _given(note, PROGRESS_FIELDS, note_path)
        with at(note_path):
            checked = rules.progress_values(period, given, today=today)
        if checked["quarter"] in quarters:
            fail(join(note_path, "quarter"), "there is progress for that quarter twice")
        quarters.add(checked["quarter"])
        progress.append(checked)
    return ActionRecord(path, values, lead, partners, progress)


def _given(raw: dict, names: tuple[str, ...], path: str) -> dict[str, Any]:
    """The fields as the rules take them: text checked for what text may hold, figures as
    they are (a number or its text)."""
    values: dict[str, Any] = {}
    for name in names:
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, str | int | float | None):
            fail(join(path, name), "expected text or a number")
        if isinstance(value, str) and name not in DATED:
            value = free_text(raw, name, path)
        values[name] = value
    return values


def read_link(value: dict, path: str) -> PlanActionLink | None:
    """A meeting action's `plan_action`, checked for its shape (what it names, at import)."""
    raw = value.get("plan_action")
    if raw is None:
        return None
    where = join(path, "plan_action")
    fields(raw, where, LINK_FIELDS)
    code = single_line(raw, "action", where, required=True)
    if not ACTION_CODE.match(code):
        fail(join(where, "action"), "expected an outcome and the action's place in it, like 1a.2")
    return PlanActionLink(where, single_line(raw, "plan", where, required=True), code)


# Export


def exported_plans(body_id: str, party, organisation) -> list[dict]:
    """The body's `plans`, the earliest first; `party(person_id, organisation_id)` names a
    lead as the file does, `organisation(id)` a partner."""
    plans = Plan.live().where(Plan.body == body_id).order_by(Plan.starts, Plan.created_at)
    return [_exported(outline.plan_outline(plan.id), party, organisation) for plan in plans]


def _exported(plan: outline.PlanOutline, party, organisation) -> dict:
    data: dict[str, Any] = {
        "title": plan.title,
        "starts": plan.starts.isoformat(),
        "ends": plan.ends.isoformat(),
    }
    _put(data, "introduction", plan.introduction)
    priorities = []
    for priority in plan.priorities:
        entry: dict[str, Any] = {"number": priority.number, "title": priority.title}
        _put(entry, "why", priority.why)
        _put(entry, "outcomes", [_outcome(o, party, organisation) for o in priority.outcomes])
        _put(entry, "measures", [_measure(m) for m in priority.measures])
        priorities.append(entry)
    _put(data, "priorities", priorities)
    return data


def _outcome(outcome: outline.OutcomeView, party, organisation) -> dict:
    data: dict[str, Any] = {"letter": outcome.letter, "text": outcome.text}
    actions = []
    for action in outcome.actions:
        entry: dict[str, Any] = {"text": action.text}
        _put(entry, "lead", party(action.lead_person_id, action.lead_organisation_id))
        _put(entry, "partners", [organisation(p.organisation_id) for p in action.partners])
        _put(entry, "target", action.target and action.target.isoformat())
        _put(entry, "target_wording", action.target_wording)
        entry["status"] = action.status
        progress = [
            {"quarter": n.quarter.isoformat(), "status": n.status, "text": n.text}
            for n in reversed(action.progress)
        ]
        _put(entry, "progress", progress)
        actions.append(entry)
    _put(data, "actions", actions)
    return data


def _measure(measure: outline.MeasureView) -> dict:
    data: dict[str, Any] = {"name": measure.name, "unit": measure.unit}
    for name in rules.MEASURE_FIELDS[2:]:
        value = getattr(measure, name)
        _put(data, name, value.isoformat() if isinstance(value, dt.date) else value)
    readings = []
    for reading in measure.readings:
        entry: dict[str, Any] = {"date": reading.date.isoformat(), "value": reading.value}
        _put(entry, "note", reading.note)
        readings.append(entry)
    _put(data, "readings", readings)
    return data


def action_codes(body_ids: set[str]) -> dict[str, dict]:
    """The `plan_action` reference of every live action of these bodies' plans, by its id
    (a file names only plans it holds, so that it imports alone)."""
    found = {}
    for plan in Plan.live().where(Plan.body.in_(list(body_ids))):
        view = outline.plan_outline(plan.id)
        for priority in view.priorities:
            for o in priority.outcomes:
                for n, action in enumerate(o.actions, 1):
                    found[action.id] = {"plan": view.title, "action": f"{o.code}.{n}"}
    return found


def _put(target: dict, key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        target[key] = value
