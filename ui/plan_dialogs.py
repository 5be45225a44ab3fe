"""The forms of a plan's records (ui/plan_editor.py): each a RecordDialog filled from the
keyboard, its values handed to the submit as the services name them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app import vocabulary
from desktop_app.services.directory import organisations, people
from desktop_app.services.plans.outline import ActionView, MeasureView, PriorityView
from ui.record_dialog import RecordDialog, choices

Submit = Callable[[dict], object]


def plan_dialog(parent: QWidget, title: str, submit: Submit, plan=None) -> RecordDialog:
    dialog = RecordDialog(title, submit, parent)
    dialog.add_line("title", "Title", plan.title if plan else "", "Community Development Strategy")
    dialog.add_date("starts", "Starts", plan.starts if plan else None)
    dialog.add_date("ends", "Ends", plan.ends if plan else None)
    dialog.add_text("introduction", "Introduction", plan.introduction if plan else "")
    return dialog


def priority_dialog(
    parent: QWidget, title: str, submit: Submit, priority: PriorityView | None = None
) -> RecordDialog:
    dialog = RecordDialog(title, submit, parent)
    if priority is not None:
        dialog.add_line("number", "Number", str(priority.number))
    dialog.add_line(
        "title", "Priority", priority.title if priority else "", "Tackling disadvantage"
    )
    dialog.add_text(
        "why", "Why is this important?", priority.why if priority else "", "A point a line"
    )
    return dialog


def outcome_dialog(parent: QWidget, title: str, submit: Submit, outcome=None) -> RecordDialog:
    dialog = RecordDialog(title, submit, parent)
    if outcome is not None:
        dialog.add_line("letter", "Letter", outcome.letter)
    dialog.add_line("text", "What we plan to achieve", outcome.text if outcome else "")
    return dialog


def leads() -> list[tuple[str, object]]:
    """People and organisations who may lead an action, as (shown, (person, organisation))."""
    found: list[tuple[str, object]] = [("(no lead)", (None, None))]
    found += [(o.name, (None, o.id)) for o in organisations.list_organisations()]
    found += [(people.display_name(p), (p.id, None)) for p in people.list_people()]
    return found


def action_dialog(
    parent: QWidget, title: str, submit: Submit, action: ActionView | None = None
) -> RecordDialog:
    def split(values: dict) -> object:
        values["lead_person_id"], values["lead_organisation_id"] = values.pop("lead") or (
            None,
            None,
        )
        return submit(values)

    dialog = RecordDialog(title, split, parent)
    dialog.add_line("text", "What we plan to do", action.text if action else "")
    current = (action.lead_person_id, action.lead_organisation_id) if action else (None, None)
    dialog.add_choice("lead", "Lead", leads(), current)
    dialog.add_date("target", "Target date", action.target if action else None)
    dialog.add_line(
        "target_wording", "Target as printed", action.target_wording if action else "",
        "e.g. By December 2015 (the date is printed if empty)",
    )  # fmt: skip
    dialog.add_choice(
        "status", "RAG status", choices(vocabulary.PLAN_STATUSES),
        action.status if action else "not started",
    )  # fmt: skip
    return dialog


def partner_dialog(parent: QWidget, submit: Submit) -> RecordDialog:
    dialog = RecordDialog("Add key partner", submit, parent)
    combo = dialog.add_choice(
        "organisation_id", "Organisation",
        [(o.name, o.id) for o in organisations.list_organisations()],
    )  # fmt: skip
    combo.setEditable(True)  # type a few letters to find it
    return dialog


def progress_dialog(
    parent: QWidget, submit: Submit, action: ActionView, today: dt.date
) -> RecordDialog:
    dialog = RecordDialog("Record progress", submit, parent)
    dialog.add_date("quarter", "In the quarter of", today, "any day in the quarter")
    dialog.add_choice("status", "RAG status then", choices(vocabulary.PLAN_STATUSES), action.status)
    dialog.add_text("text", "Progress")
    return dialog


def measure_dialog(
    parent: QWidget, title: str, submit: Submit, measure: MeasureView | None = None
) -> RecordDialog:
    dialog = RecordDialog(title, submit, parent)

    def shown(value) -> str:
        return "" if value is None else f"{value:g}"

    dialog.add_line(
        "name", "Measure", measure.name if measure else "", "Reduce percentage of obese adults"
    )
    dialog.add_line("unit", "Unit", measure.unit if measure else "", "% or per 1,000 population")
    dialog.add_line("baseline", "Baseline", shown(measure.baseline) if measure else "")
    dialog.add_date("baseline_date", "Baseline's date", measure.baseline_date if measure else None)
    dialog.add_line("comparator", "Comparator figure", shown(measure.comparator) if measure else "")
    dialog.add_line(
        "comparator_label", "Comparator", measure.comparator_label if measure else "",
        "national average, Kent-wide comparison",
    )  # fmt: skip
    dialog.add_line("target", "Target", shown(measure.target) if measure else "")
    dialog.add_date("target_date", "Target date", measure.target_date if measure else None)
    return dialog


def reading_dialog(
    parent: QWidget, submit: Submit, measure: MeasureView, today: dt.date
) -> RecordDialog:
    dialog = RecordDialog(f"Record a reading: {measure.name[:60]}", submit, parent)
    dialog.add_date("date", "Date", today)
    dialog.add_line("value", f"Value ({measure.unit})")
    dialog.add_line("note", "Note")
    return dialog
