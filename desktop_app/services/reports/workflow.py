"""A report's way to the agenda pack: draft → submitted → approved for publication by a
named officer. Only an approved report is its item's paper, and only while it says what was
approved: approval keeps the fingerprint of the content (sections.content_sha256), so an
edit another laptop made meanwhile takes the report out of the pack until it is approved
again. Its recommendations are then offered as those put in the item's minute."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.reports.paragraphs import as_entries, paragraphs
from desktop_app.services.reports.sections import IMPLICATIONS, relevant_flag
from desktop_app.services.reports.writing import fingerprint, report_of_text, report_values
from desktop_app.storage import changes
from desktop_app.storage.models import Person, Report, db

STATES = ("draft", "submitted", "approved")


def check_submittable(values: Mapping[str, Any], *, report_of: str | None) -> None:
    """What a report must say before it is put forward (`report_of`: the officer's id or
    key, if any): whom it is of, its recommendations, and each relevant implication."""
    if not report_of and not values.get("report_of_role"):
        raise ValidationError(
            "Say whom the report is of (an officer, or a role such as “Head of Finance”) "
            "before it is submitted."
        )
    if not paragraphs(values.get("recommendations", "")):
        raise ValidationError("The report makes no recommendation; write its Recommendation.")
    for key, label in IMPLICATIONS:
        if values.get(relevant_flag(key)) and not values.get(key, "").strip():
            raise ValidationError(
                f"The {label} implications are marked relevant but say nothing; say what "
                "they are, or mark them not relevant."
            )


def check_state(state: str, *, approved_by: str | None) -> None:
    """A report's state and what it needs: an approval is by someone."""
    validation.choice(state, STATES, "state of a report")
    if state == "approved" and not approved_by:
        raise ValidationError("An approved report names the officer who approved it.")
    if state != "approved" and approved_by:
        raise ValidationError("Only an approved report names an officer who approved it.")


def submit_report(*, report_id: str) -> Report:
    """Put a draft forward for approval."""
    row = validation.live_row(Report, report_id, "report")
    if row.state != "draft":
        raise ValidationError(f"This report has already been {_done(row.state)}.")
    check_submittable(report_values(row), report_of=row.__data__.get("report_of"))
    with db.atomic():
        changes.update(row, state="submitted", submitted_at=changes.utc_now())
    return row


def approve_report(*, report_id: str, approver_id: str | None) -> Report:
    """Approve a submitted report for publication, by the officer `approver_id`."""
    row = validation.live_row(Report, report_id, "report")
    if row.state == "draft":
        raise ValidationError(
            "This report has not been submitted, so it cannot be approved; submit it first."
        )
    if row.state == "approved":
        raise ValidationError("This report is already approved for publication.")
    if not approver_id:
        raise ValidationError("Choose the officer who approves the report for publication.")
    approver = validation.live_row(Person, approver_id, "officer approving the report")
    with db.atomic():
        changes.update(
            row,
            state="approved",
            approved_by=approver.id,
            approved_at=changes.utc_now(),
            content_sha256=fingerprint(row),
        )
    return row


def withdraw_approval(*, report_id: str) -> Report:
    """Take an approval back (the undo of approving): the report is submitted again."""
    row = validation.live_row(Report, report_id, "report")
    if row.state != "approved":
        raise ValidationError("This report has not been approved for publication.")
    with db.atomic():
        changes.update(
            row, state="submitted", approved_by=None, approved_at=None, content_sha256=""
        )
    return row


def return_to_draft(*, report_id: str) -> Report:
    """Bring a submitted or approved report back to draft, so that it can be changed; it
    leaves the agenda pack until it is approved again."""
    row = validation.live_row(Report, report_id, "report")
    if row.state == "draft":
        raise ValidationError("This report is a draft already.")
    with db.atomic():
        changes.update(
            row,
            state="draft",
            submitted_at=None,
            approved_by=None,
            approved_at=None,
            content_sha256="",
        )
    return row


@dataclass(frozen=True)
class ApprovedReport:
    """An approved report, as the documents need it to be an item's paper."""

    id: str
    item_id: str
    title: str
    report_of: str
    content_sha256: str

    @property
    def paper_id(self) -> str:
        """Its key as a paper of the pack: new with each approved content, so a report
        approved again after a change is a replaced paper (pages 7a–7c), never the old
        pages' numbers silently holding new words."""
        return f"{self.id}@{self.content_sha256[:16]}"


def approved_reports(item_ids: Iterable[str]) -> dict[str, ApprovedReport]:
    """The approved report of each item that has one and still says what was approved."""
    ids = list(item_ids)
    found = {}
    query = Report.live().where(Report.item.in_(ids) & (Report.state == "approved"))
    for row in query:
        if row.content_sha256 and row.content_sha256 == fingerprint(row):
            found[row.__data__["item"]] = ApprovedReport(
                row.id, row.__data__["item"], row.title, report_of_text(row), row.content_sha256
            )
    return found


def offered_recommendations(item_id: str) -> list[str]:
    """The recommendations of the item's approved report, one entry a paragraph, as the
    minute's "recommendations put" would hold them; [] when it has none."""
    report = approved_reports([item_id]).get(item_id)
    if report is None:
        return []
    return as_entries(Report.get_by_id(report.id).recommendations)


def _done(state: str) -> str:
    return "approved for publication" if state == "approved" else state
