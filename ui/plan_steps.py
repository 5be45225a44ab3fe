"""What the rows of the Plans tab can be made to do: the plan's own steps (new, details,
delete, print, progress report), adding a priority, outcome, action, measure or partner,
editing and deleting the chosen row, and tracking an action or a measure (its RAG status,
its progress, a reading). Each step is one undoable command, its form a plan dialog.

The tab's PlanEditor (ui/plan_editor.py) shows the tree and the chosen row, and owns a
PlanSteps as `steps`, handing it the body, plan and row shown and how to show a row made.
Apart so that what the tab shows and what it does each read in one sitting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.errors import ValidationError
from desktop_app.services.plans import actions, measures, outline, plans, rules
from desktop_app.services.session import stored_values
from ui import plan_printing, plan_progress
from ui.commands import kinds
from ui.commands.edits import create_record, delete_record, edit_fields
from ui.errors import show_error
from ui.events import Changes
from ui.plan_dialogs import (
    action_dialog,
    measure_dialog,
    outcome_dialog,
    partner_dialog,
    plan_dialog,
    priority_dialog,
)
from ui.plan_rows import action_in, measure_in, outcome_in, priority_holding, priority_in


class PlanSteps:
    """The steps of the Plans tab, on the plan and row it shows; their forms open on it."""

    def __init__(
        self,
        tab: QWidget,
        stack: QUndoStack,
        changes: Changes,
        *,
        body_id: Callable[[], str | None],
        plan: Callable[[], outline.PlanOutline | None],
        chosen: Callable[[], tuple[str, str] | None],
        choose_plan: Callable[[str], None],
        select_row: Callable[[str, str], None],
        today: Callable[[], dt.date],
    ):
        """`chosen` gives the row chosen as (kind, id); `choose_plan` and `select_row` show
        a plan or a row just made."""
        self._tab, self._stack, self._changes = tab, stack, changes
        self._body_id, self._plan, self._chosen = body_id, plan, chosen
        self._choose_plan, self._select_row, self._today = choose_plan, select_row, today

    # -- the plan -----------------------------------------------------------------------------

    def new_plan(self) -> None:
        body_id = self._body_id()
        if not body_id:
            return

        def submit(values: dict):
            made = create_record(
                self._stack,
                self._changes,
                text="New plan",
                kind=kinds.PLAN,
                create=lambda: plans.create_plan(body_id=body_id, **values),
            )
            self._choose_plan(made.id)

        plan_dialog(self._tab, "New plan", submit).exec()

    def edit_plan(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        row = plans.get_plan(plan.id)
        self._edit(
            "Edit plan",
            plans.update_plan,
            "plan_id",
            row.id,
            stored_values(row, ("title", "starts", "ends", "introduction")),
            lambda submit: plan_dialog(self._tab, "Plan details", submit, row),
        )

    def delete_plan(self) -> None:
        plan = self._plan()
        if plan is not None:
            delete_record(
                self._stack, self._changes, text="Delete plan", row_id=plan.id, kind=kinds.PLAN
            )

    # -- rows ---------------------------------------------------------------------------------

    def add(self) -> None:
        """Insert: what the chosen row has under it."""
        kind = (self._chosen() or ("",))[0]
        step = {
            "priority": self.add_outcome,
            "outcome": self.add_action,
            "action": self.add_action,
            "measures": self.add_measure,
            "measure": self.add_measure,
        }.get(kind, self.add_priority)
        step()

    def add_priority(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        plan_id = plan.id
        self._create(
            "Add priority",
            kinds.PLAN_PRIORITY,
            "priority",
            lambda values: plans.add_priority(plan_id=plan_id, **values),
            lambda submit: priority_dialog(self._tab, "Add priority", submit),
        )

    def add_outcome(self) -> None:
        priority = self._chosen_priority()
        if priority is None:
            return
        self._create(
            f"Add outcome to priority {priority.number}",
            kinds.PLAN_OUTCOME,
            "outcome",
            lambda values: plans.add_outcome(priority_id=priority.id, **values),
            lambda submit: outcome_dialog(self._tab, "Add outcome", submit),
        )

    def add_action(self) -> None:
        chosen = self._chosen()
        if not chosen or chosen[0] not in ("outcome", "action"):
            return
        kind, row_id = chosen
        outcome_id = row_id if kind == "outcome" else action_in(self._plan(), row_id).outcome_id
        self._create(
            "Add plan action",
            kinds.PLAN_ACTION,
            "action",
            lambda values: actions.add_plan_action(outcome_id=outcome_id, **values),
            lambda submit: action_dialog(self._tab, "Add action", submit),
        )

    def add_measure(self) -> None:
        priority = self._chosen_priority()
        if priority is None:
            return
        self._create(
            "Add performance measure",
            kinds.PLAN_MEASURE,
            "measure",
            lambda values: measures.add_measure(priority_id=priority.id, **values),
            lambda submit: measure_dialog(self._tab, "Add performance measure", submit),
        )

    def add_partner(self) -> None:
        chosen = self._chosen()
        if not chosen or chosen[0] != "action":
            return
        action_id = chosen[1]

        def submit(values: dict):
            create_record(
                self._stack,
                self._changes,
                text="Add key partner",
                kind=kinds.PLAN_PARTNER,
                create=lambda: actions.add_partner(action_id=action_id, **values),
            )

        partner_dialog(self._tab, submit).exec()

    def _chosen_priority(self) -> outline.PriorityView | None:
        chosen, plan = self._chosen(), self._plan()
        return priority_holding(plan, chosen[1]) if chosen and plan else None

    def _create(self, text: str, kind, shown: str, make, dialog) -> None:
        def submit(values: dict):
            made = create_record(
                self._stack, self._changes, text=text, kind=kind, create=lambda: make(values)
            )
            self._select_row(shown, made.id)

        dialog(submit).exec()

    def edit(self) -> None:
        chosen, plan = self._chosen(), self._plan()
        if not chosen or plan is None:
            return
        kind, row_id = chosen
        if kind == "priority":
            view = priority_in(plan, row_id)
            self._edit(
                "Edit priority",
                plans.update_priority,
                "priority_id",
                row_id,
                {"number": str(view.number), "title": view.title, "why": view.why},
                lambda submit: priority_dialog(self._tab, "Edit priority", submit, view),
            )
        elif kind == "outcome":
            view = outcome_in(plan, row_id)
            self._edit(
                "Edit outcome",
                plans.update_outcome,
                "outcome_id",
                row_id,
                {"letter": view.letter, "text": view.text},
                lambda submit: outcome_dialog(self._tab, "Edit outcome", submit, view),
            )
        elif kind == "action":
            view = action_in(plan, row_id)
            before = {
                "text": view.text,
                "lead_person_id": view.lead_person_id,
                "lead_organisation_id": view.lead_organisation_id,
                "target": view.target,
                "target_wording": view.target_wording,
                "status": view.status,
            }
            self._edit(
                "Edit plan action",
                actions.update_plan_action,
                "action_id",
                row_id,
                before,
                lambda submit: action_dialog(self._tab, "Edit action", submit, view),
            )
        elif kind == "measure":
            view = measure_in(plan, row_id)
            before = {name: getattr(view, name) for name in rules.MEASURE_FIELDS}
            self._edit(
                "Edit performance measure",
                measures.update_measure,
                "measure_id",
                row_id,
                before,
                lambda submit: measure_dialog(self._tab, "Edit performance measure", submit, view),
            )

    def _edit(self, text, update, id_name, row_id, before, dialog) -> None:
        def submit(values: dict):
            edit_fields(
                self._stack,
                self._changes,
                text=text,
                update=update,
                id_name=id_name,
                row_id=row_id,
                before=before,
                after=values,
            )

        dialog(submit).exec()

    def delete(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        kind, row_id = chosen
        found = {
            "priority": ("Delete priority", kinds.PLAN_PRIORITY),
            "outcome": ("Delete outcome", kinds.PLAN_OUTCOME),
            "action": ("Delete plan action", kinds.PLAN_ACTION),
            "measure": ("Delete performance measure", kinds.PLAN_MEASURE),
        }.get(kind)
        if found is not None:
            delete_record(self._stack, self._changes, text=found[0], row_id=row_id, kind=found[1])

    # -- tracking -----------------------------------------------------------------------------

    def set_status(self, status: str) -> None:
        """The chosen action's RAG status; a refusal is shown, as there is no form to keep."""
        chosen = self._chosen()
        if not chosen or chosen[0] != "action":
            return
        view = action_in(self._plan(), chosen[1])
        try:
            edit_fields(
                self._stack,
                self._changes,
                text=f"RAG status: {status}",
                update=actions.update_plan_action,
                id_name="action_id",
                row_id=view.id,
                before={"status": view.status},
                after={"status": status},
            )
        except ValidationError as error:
            show_error(self._tab, error)

    def record_progress(self) -> None:
        chosen = self._chosen()
        if chosen and chosen[0] == "action":
            view = action_in(self._plan(), chosen[1])
            plan_progress.record_progress(
                self._tab, self._stack, self._changes, view, self._today()
            )

    def record_reading(self) -> None:
        chosen = self._chosen()
        if chosen and chosen[0] == "measure":
            view = measure_in(self._plan(), chosen[1])
            plan_progress.record_reading(self._tab, self._stack, self._changes, view, self._today())

    def print_plan(self) -> None:
        plan = self._plan()
        if plan is not None:
            plan_printing.print_plan(self._tab, plan)

    def print_progress(self) -> None:
        plan = self._plan()
        if plan is not None:
            plan_printing.print_progress(self._tab, plan, self._today())
