"""Every check on a plan's values, in one place: the window's services, the importer and
sync's refusals call these, so each refuses what the others refuse, in the same sentence.

Each `*_values` function takes the values as typed (dates as clerks write them, numbers as
text or numbers) and returns them clean, or raises ValidationError in one sentence."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from desktop_app import vocabulary
from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.plans.quarters import quarter_end, quarter_label, quarter_of

PLAN_FIELDS = ("title", "starts", "ends", "introduction")
PRIORITY_FIELDS = ("number", "title", "why")
OUTCOME_FIELDS = ("letter", "text")
ACTION_FIELDS = (
    "text", "lead_person_id", "lead_organisation_id", "target", "target_wording", "status",
)  # fmt: skip
MEASURE_FIELDS = (
    "name", "unit", "baseline", "baseline_date", "comparator", "comparator_label",
    "target", "target_date",
)  # fmt: skip
NUMBER = re.compile(r"[-+]?(\d[\d,]*(\.\d*)?|\.\d+)")


def plan_values(values: dict[str, Any]) -> dict[str, Any]:
    """A plan's title, period and introduction; the period must run forwards."""
    starts = validation.date(values.get("starts"), "date the plan starts", required=True)
    ends = validation.date(values.get("ends"), "date the plan ends", required=True)
    if ends <= starts:
        raise ValidationError(
            f"The plan ends on {long_date(ends)}, which is not after it starts "
            f"({long_date(starts)})."
        )
    return dict(
        title=validation.name(values.get("title"), "plan's title"),
        starts=starts,
        ends=ends,
        introduction=validation.text(values.get("introduction"), "plan's introduction"),
    )


def priority_values(values: dict[str, Any]) -> dict[str, Any]:
    number = values.get("number")
    if isinstance(number, str) and number.strip().isdigit():
        number = int(number)
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99:
        raise ValidationError("A priority's number is a whole number from 1 to 99.")
    return dict(
        number=number,
        title=validation.name(values.get("title"), "priority's title"),
        why=validation.text(values.get("why"), "priority's “why this is important”"),
    )


def outcome_values(values: dict[str, Any]) -> dict[str, Any]:
    letter = (values.get("letter") or "").strip().lower()
    if len(letter) != 1 or not "a" <= letter <= "z":
        raise ValidationError("An outcome's letter is one letter, a to z (as in 1a, 1b).")
    return dict(letter=letter, text=validation.name(values.get("text"), "outcome"))


def action_values(plan, values: dict[str, Any]) -> dict[str, Any]:
    """A plan action's values; its target date must fall within the plan's period."""
    person_id = values.get("lead_person_id") or None
    organisation_id = values.get("lead_organisation_id") or None
    if person_id and organisation_id:
        raise ValidationError("An action is led by a person or an organisation, not both.")
    target = validation.date(values.get("target"), "action's target date")
    if target is not None:
        within(plan, target, "action's target date")
    return dict(
        text=validation.name(values.get("text"), "action's “what we plan to do”"),
        lead_person_id=person_id,
        lead_organisation_id=organisation_id,
        target=target,
        target_wording=validation.optional_name(values.get("target_wording"), "target's wording"),
        status=status(values.get("status")),
    )


def within(plan, day: dt.date, what: str) -> None:
    """Refuse a date outside the plan's period."""
    if day < plan.starts:
        raise ValidationError(
            f"The {what}, {long_date(day)}, is before the plan starts on {long_date(plan.starts)}."
        )
    if day > plan.ends:
        raise ValidationError(
            f"The {what}, {long_date(day)}, is after the plan ends on {long_date(plan.ends)}."
        )


def status(value: str | None) -> str:
    """A plan action's status; "not started" when none is given (an empty one is refused)."""
    if value is None:
        return "not started"
    return validation.choice(value, vocabulary.PLAN_STATUSES, "status of a plan action")


def measure_values(plan, values: dict[str, Any]) -> dict[str, Any]:
    """A performance measure: a name and a unit always; its target date is not before the
    plan starts (it may lie beyond the plan's end: seed 001 sets one for 2020), and its
    baseline is dated before its target."""
    unit = (values.get("unit") or "").strip()
    if not unit:
        raise ValidationError(
            "A performance measure needs a unit, such as % or per 1,000 population."
        )
    baseline_date = validation.date(values.get("baseline_date"), "baseline's date")
    target_date = validation.date(values.get("target_date"), "measure's target date")
    if target_date is not None and target_date < plan.starts:
        raise ValidationError(
            f"The measure's target date, {long_date(target_date)}, is before the plan starts "
            f"on {long_date(plan.starts)}."
        )
    if baseline_date and target_date and baseline_date >= target_date:
        raise ValidationError(
            f"The baseline is dated {long_date(baseline_date)}, which is not before the "
            f"target date ({long_date(target_date)})."
        )
    return dict(
        name=validation.name(values.get("name"), "measure's name"),
        unit=validation.name(unit, "measure's unit"),
        baseline=number(values.get("baseline"), "baseline"),
        baseline_date=baseline_date,
        comparator=number(values.get("comparator"), "comparator figure"),
        comparator_label=validation.optional_name(
            values.get("comparator_label"), "comparator's name"
        ),
        target=number(values.get("target"), "target"),
        target_date=target_date,
    )


def number(value: Any, what: str, *, required: bool = False) -> float | None:
    """A figure as typed (26.5, "26.5%", "2,611"); None when empty and not required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"The {what} is missing.")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationError(f"The {what} must be a number, like 26.5.")
    if isinstance(value, int | float):
        found = float(value)
    else:
        text = value.strip().rstrip("%").strip()
        if not NUMBER.fullmatch(text):
            raise ValidationError(f"The {what} must be a number, like 26.5.")
        found = float(text.replace(",", ""))
    if not math.isfinite(found):
        raise ValidationError(f"The {what} must be a number, like 26.5.")
    return found


def reading_values(values: dict[str, Any], *, today: dt.date) -> dict[str, Any]:
    day = validation.date(values.get("date"), "reading's date", required=True)
    if day > today:
        raise ValidationError(f"A reading cannot be dated after today ({long_date(today)}).")
    return dict(
        date=day,
        value=number(values.get("value"), "reading", required=True),
        note=validation.text(values.get("note"), "reading's note"),
    )


def progress_values(plan, values: dict[str, Any], *, today: dt.date) -> dict[str, Any]:
    """Progress in a quarter: one of the plan's quarters that has begun."""
    day = validation.date(values.get("quarter"), "quarter of the progress", required=True)
    quarter = quarter_of(day)
    if quarter > today:
        raise ValidationError(
            f"{quarter_label(quarter)} has not begun, so no progress can be recorded for it yet."
        )
    if quarter_end(quarter) < plan.starts or quarter > plan.ends:
        raise ValidationError(
            f"{quarter_label(quarter)} is outside the plan, which runs from "
            f"{long_date(plan.starts)} to {long_date(plan.ends)}."
        )
    text = validation.text(values.get("text"), "progress note")
    if not text:
        raise ValidationError("The progress note cannot be empty.")
    return dict(quarter=quarter, status=status(values.get("status")), text=text)
