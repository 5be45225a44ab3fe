"""What is recorded against a plan as the quarters pass: an action's progress in a quarter
(with its RAG status then, which becomes the action's when it is the latest quarter) and a
measure's reading on a date. Each is one undoable step; a quarter or date recorded again
replaces what it held, and undo puts that back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.dates import long_date
from desktop_app.services import validation
from desktop_app.services.plans import actions, measures, outline
from desktop_app.services.plans.quarters import quarter_label, quarter_of
from ui.commands.service_call import perform
from ui.events import Changes
from ui.plan_dialogs import progress_dialog, reading_dialog


def record_progress(
    parent: QWidget, stack: QUndoStack, changes: Changes, view: outline.ActionView, today: dt.date
) -> None:
    def submit(values: dict):
        def apply():
            note = actions.record_progress(action_id=view.id, today=today, **values)
            newest = max([note.quarter, *(n.quarter for n in view.progress)])
            if note.quarter == newest:  # the latest quarter's RAG is the action's now
                actions.update_plan_action(action_id=view.id, status=note.status)
            return note

        day = validation.date(values.get("quarter"), "quarter of the progress")
        earlier = view.progress_in(day) if isinstance(day, dt.date) else None

        def revert():
            if earlier is None:
                for note in actions.progress_of(view.id):
                    if note.quarter == quarter_of(day):
                        actions.remove_progress(progress_id=note.id)
            else:
                actions.record_progress(
                    action_id=view.id,
                    quarter=earlier.quarter,
                    text=earlier.text,
                    status=earlier.status,
                    today=today,
                )
            actions.update_plan_action(action_id=view.id, status=view.status)

        perform(stack, changes, f"Progress in {quarter_label(quarter_of(day))}", apply, revert)

    progress_dialog(parent, submit, view, today).exec()


def record_reading(
    parent: QWidget, stack: QUndoStack, changes: Changes, view: outline.MeasureView, today: dt.date
) -> None:
    def submit(values: dict):
        day = validation.date(values.get("date"), "reading's date", required=True)
        earlier = next((r for r in view.readings if r.date == day), None)

        def revert():
            if earlier is None:
                measures.remove_reading(reading_id=measures.reading_id(view.id, day))
            else:
                measures.record_reading(
                    measure_id=view.id,
                    date=day,
                    value=earlier.value,
                    note=earlier.note,
                    today=today,
                )

        perform(
            stack,
            changes,
            f"Reading of {long_date(day)}",
            lambda: measures.record_reading(measure_id=view.id, today=today, **values),
            revert,
        )

    reading_dialog(parent, submit, view, today).exec()
