"""A strategy plan and its quarterly progress report printed from the Plans tab: rendered
off the GUI thread behind a progress bar, then shown in the preview."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop_app.errors import Cancelled
from desktop_app.services import validation
from desktop_app.services.plans.quarters import quarter_label, quarter_of
from ui.record_dialog import RecordDialog
from ui.tasks import run_task


def print_plan(parent: QWidget, plan) -> None:
    _print(parent, "plan", plan, None)


def print_progress(parent: QWidget, plan, today: dt.date) -> None:
    """Asks for the quarter (any day in it), then prints the progress report of that quarter."""
    dialog = RecordDialog(
        "Progress report",
        lambda values: _print(parent, "progress", plan, values["quarter"]),
        parent,
    )
    dialog.add_date(
        "quarter", "For the quarter of", min(today, plan.ends), "any day in the quarter"
    )
    dialog.exec()


def _print(parent: QWidget, what: str, plan, quarter) -> None:
    from desktop_app.documents.plan_pdf import render_plan, render_progress

    day = validation.date(quarter, "day in the quarter") if quarter else None
    title = f"{plan.title} — progress, {quarter_label(quarter_of(day))}" if day else plan.title
    plan_id = plan.id

    def work(progress) -> bytes | None:
        try:
            if what == "plan":
                return render_plan(plan_id, progress=progress)
            return render_progress(plan_id, quarter=day, progress=progress)
        except Cancelled:
            return None

    run_task(
        parent.window(),
        work,
        lambda data: _preview(parent, data, title),
        label=f"Preparing the {'plan' if what == 'plan' else 'progress report'}…",
    )


def _preview(parent: QWidget, data: bytes | None, title: str) -> None:
    if data is None:
        return
    from ui.pdf_preview import PdfPreview  # QtPdf loads when a document is first shown

    # Parented to the window, which keeps it for as long as it is open.
    preview = PdfPreview(data, title=title, file_name=f"{title}.pdf", parent=parent.window())
    preview.show()
    preview.raise_()
