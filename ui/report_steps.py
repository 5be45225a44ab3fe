"""The steps a committee report takes from the Reports tab (seed 003's workflow): written
from the body's template, submitted, approved for publication by a named officer, returned
to draft, deleted, previewed as it prints; and where it stands, in a line. Each step is
undoable (ui/commands/desk.py); a refusal is the service's sentence."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop_app.dates import short_date
from desktop_app.services.directory import people
from desktop_app.services.reports import workflow, writing
from ui.commands.desk import Desk
from ui.commands.kinds import REPORT
from ui.record_dialog import RecordDialog
from ui.tasks import run_task


def write(desk: Desk, item_id: str) -> None:
    desk.create("Write report", lambda: writing.create_report(item_id=item_id), REPORT)


def submit(desk: Desk, report_id: str) -> None:
    desk.change(
        "Submit report",
        lambda: workflow.submit_report(report_id=report_id),
        lambda: workflow.return_to_draft(report_id=report_id),
    )


def approve(desk: Desk, report_id: str) -> None:
    """Asks who approves it for publication, from everyone on file."""
    dialog = RecordDialog(
        "Approve for publication",
        desk.submitting(
            "Approve report for publication",
            lambda values: workflow.approve_report(
                report_id=report_id, approver_id=values["approver_id"]
            ),
            lambda: workflow.withdraw_approval(report_id=report_id),
        ),
        desk.widget,
    )
    officers = [(people.display_name(p), p.id) for p in people.list_people()]
    combo = dialog.add_person("approver_id", "Approved by", officers)
    combo.setAccessibleName("Officer approving the report")
    dialog.exec()


def return_to_draft(desk: Desk, report: writing.ReportEntry) -> None:
    approver = report.approved_by_id

    def back() -> None:  # the undo: put forward again, and approved again if it was
        workflow.submit_report(report_id=report.id)
        if approver:
            workflow.approve_report(report_id=report.id, approver_id=approver)

    desk.change(
        "Return report to draft", lambda: workflow.return_to_draft(report_id=report.id), back
    )


def delete(desk: Desk, report_id: str) -> None:
    desk.delete("Delete report", report_id, REPORT)


def preview(parent: QWidget, report: writing.ReportEntry) -> None:
    """The report as it prints, rendered off the GUI thread behind a progress bar."""
    report_id, title = report.id, report.values["title"]

    def work(_progress) -> bytes:
        from desktop_app.documents.report_pdf import render_report

        return render_report(report_id)

    def show(data: bytes) -> None:
        from ui.pdf_preview import PdfPreview  # QtPdf loads when a document is first shown

        # Parented to the window, which keeps it for as long as it is open.
        shown = PdfPreview(
            data, title=f"Report — {title}", file_name=f"{title}.pdf", parent=parent.window()
        )
        shown.show()
        shown.raise_()

    run_task(parent.window(), work, show, label="Preparing the report…", cancellable=False)


def state_text(report: writing.ReportEntry) -> str:
    """Where the report stands, in a line."""
    if report.state == "draft":
        return "Draft: submit it when it is ready for approval."
    submitted = _day(report.submitted_at)
    if report.state == "submitted":
        return f"Submitted {submitted}: waiting to be approved for publication."
    if report.changed_since_approval:
        return (
            "<b>Changed since it was approved</b> (an edit made on another computer): it is "
            "not in the agenda pack until it is returned to draft, submitted and approved again."
        )
    return (
        f"Approved for publication by {report.approved_by} on {_day(report.approved_at)}: "
        "it is the item's paper in the agenda pack."
    )


def _day(instant: str | None) -> str:
    return short_date(dt.date.fromisoformat(instant[:10])) if instant else ""
