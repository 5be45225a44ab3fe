"""What the rows of the Plans tab can be made to do: the plan's own steps (new, details,
delete, print, progress report), adding a priority, outcome, action, measure or partner,
editing and deleting the chosen row, and tracking an action or a measure (its RAG status,
its progress, a reading). Each step is one undoable command, its form a plan dialog.

PlanSteps is the half of the tab's PlanEditor (ui/plan_editor.py) that acts; the editor
is the half that shows (the tree and the chosen row) and gives these steps the plan shown,
the row chosen, and the undo stack. Apart so that each half reads in one sitting."""

from __future__ import annotations

from desktop_app.services.plans import actions, measures, plans, rules
from desktop_app.services.session import stored_values
from ui import plan_printing, plan_progress
from ui.commands import kinds
from ui.commands.edits import create_record, delete_record, edit_fields
from ui.plan_dialogs import (
    action_dialog,
    measure_dialog,
    outcome_dialog,
    partner_dialog,
    plan_dialog,
    priority_dialog,
)


class PlanSteps:
    # -- the plan -----------------------------------------------------------------------------

    def new_plan(self) -> None:
        if not self.body_id:
            return
        body_id = self.body_id

        def submit(values: dict):
            made = create_record(
                self._stack,
                self._changes,
                text="New plan",
                kind=kinds.PLAN,
                create=lambda: plans.create_plan(body_id=body_id, **values),
            )
            self.choose_plan(made.id)

        plan_dialog(self, "New plan", submit).exec()

    def edit_plan(self) -> None:
        if self.plan is None:
            return
        row = plans.get_plan(self.plan.id)
        self._edit(
            "Edit plan",
            plans.update_plan,
            "plan_id",
            row.id,
            stored_values(row, ("title", "starts", "ends", "introduction")),
            lambda submit: plan_dialog(self, "Plan details", submit, row),
        )

    def delete_plan(self) -> None:
        if self.plan is not None:
            delete_record(
                self._stack, self._changes, text="Delete plan", row_id=self.plan.id, kind=kinds.PLAN
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
        if self.plan is None:
            return
        plan_id = self.plan.id
        self._create(
            "Add priority",
            kinds.PLAN_PRIORITY,
            "priority",
            lambda values: plans.add_priority(plan_id=plan_id, **values),
            lambda submit: priority_dialog(self, "Add priority", submit),
        )

    def add_outcome(self) -> None:
        chosen = self._chosen()
        priority = self._priority_of(chosen) if chosen and self.plan else None
        if priority is None:
            return
        self._create(
            f"Add outcome to priority {priority.number}",
            kinds.PLAN_OUTCOME,
            "outcome",
            lambda values: plans.add_outcome(priority_id=priority.id, **values),
            lambda submit: outcome_dialog(self, "Add outcome", submit),
        )

    def add_action(self) -> None:
        chosen = self._chosen()
        if not chosen or chosen[0] not in ("outcome", "action"):
            return
        outcome_id = chosen[1] if chosen[0] == "outcome" else self._action(chosen[1]).outcome_id
        self._create(
            "Add plan action",
            kinds.PLAN_ACTION,
            "action",
            lambda values: actions.add_plan_action(outcome_id=outcome_id, **values),
            lambda submit: action_dialog(self, "Add action", submit),
        )

    def add_measure(self) -> None:
        chosen = self._chosen()
        priority = self._priority_of(chosen) if chosen and self.plan else None
        if priority is None:
            return
        self._create(
            "Add performance measure",
            kinds.PLAN_MEASURE,
            "measure",
            lambda values: measures.add_measure(priority_id=priority.id, **values),
            lambda submit: measure_dialog(self, "Add performance measure", submit),
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

        partner_dialog(self, submit).exec()

    def _create(self, text: str, kind, shown: str, make, dialog) -> None:
        def submit(values: dict):
            made = create_record(
                self._stack, self._changes, text=text, kind=kind, create=lambda: make(values)
            )
            self.select_row(shown, made.id)

        dialog(submit).exec()

    def edit(self) -> None:
        chosen = self._chosen()
        if not chosen or self.plan is None:
            return
        kind, row_id = chosen
        if kind == "priority":
            view = self._priority(row_id)
            self._edit(
                "Edit priority",
                plans.update_priority,
                "priority_id",
                row_id,
                {"number": str(view.number), "title": view.title, "why": view.why},
                lambda submit: priority_dialog(self, "Edit priority", submit, view),
            )
        elif kind == "outcome":
            view = next(o for p in self.plan.priorities for o in p.outcomes if o.id == row_id)
            self._edit(
                "Edit outcome",
                plans.update_outcome,
                "outcome_id",
                row_id,
                {"letter": view.letter, "text": view.text},
                lambda submit: outcome_dialog(self, "Edit outcome", submit, view),
            )
        elif kind == "action":
            view = self._action(row_id)
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
                lambda submit: action_dialog(self, "Edit action", submit, view),
            )
        elif kind == "measure":
            view = self._measure(row_id)
            before = {name: getattr(view, name) for name in rules.MEASURE_FIELDS}
            self._edit(
                "Edit performance measure",
                measures.update_measure,
                "measure_id",
                row_id,
                before,
                lambda submit: measure_dialog(self, "Edit performance measure", submit, view),
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

    def _set_status(self) -> None:
        chosen = self._chosen()
        if not chosen or chosen[0] != "action":
            return
        view = self._action(chosen[1])
        status = self.status.currentData()
        self._run(
            lambda: edit_fields(
                self._stack,
                self._changes,
                text=f"RAG status: {status}",
                update=actions.update_plan_action,
                id_name="action_id",
                row_id=view.id,
                before={"status": view.status},
                after={"status": status},
            )
        )

    def record_progress(self) -> None:
        chosen = self._chosen()
        if chosen and chosen[0] == "action":
            plan_progress.record_progress(
                self, self._stack, self._changes, self._action(chosen[1]), self.today
            )

    def record_reading(self) -> None:
        chosen = self._chosen()
        if chosen and chosen[0] == "measure":
            plan_progress.record_reading(
                self, self._stack, self._changes, self._measure(chosen[1]), self.today
            )

    def print_plan(self) -> None:
        if self.plan is not None:
            plan_printing.print_plan(self, self.plan)

    def print_progress(self) -> None:
        if self.plan is not None:
            plan_printing.print_progress(self, self.plan, self.today)
