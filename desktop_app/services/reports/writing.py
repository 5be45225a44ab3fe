"""Making, editing and deleting an item's report. A report is written from its body's
template, one per item (every laptop gives it the same id), and changes only as a draft:
once submitted it is what was put forward, and returning it to draft is how it changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.directory.people import display_name
from desktop_app.services.reports.sections import (
    EDITABLE,
    FLAGS,
    HEADINGS,
    IMPLICATIONS,
    TEXTS,
    content_sha256,
)
from desktop_app.services.reports.templates import body_report_template
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import AgendaItem, Meeting, Person, Report, db

LABELS = {
    "title": "report's title",
    "report_of_role": "role the report is of",
    **{key: f"{heading} section" for key, heading in HEADINGS.items()},
    **{key: f"{label} implications" for key, label in IMPLICATIONS},
}


@dataclass(frozen=True)
class ReportEntry:
    """A report as the window shows it: its editable values and where it stands."""

    id: str
    item_id: str
    values: dict[str, Any]  # every field of sections.EDITABLE
    state: str  # draft, submitted, approved
    submitted_at: str | None
    approved_by_id: str | None
    approved_by: str  # the approving officer's name, "" until approved
    approved_at: str | None
    changed_since_approval: bool  # approved, then changed by another laptop's edit
    report_of: str  # as printed: "Jane Smith, Overview & Scrutiny Officer"


def create_report(*, item_id: str, title: str | None = None) -> Report:
    """Start the item's report from its body's template (the item's title unless `title`)."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    if Report.live().where(Report.item == item.id).exists():
        raise ValidationError(f"The item “{item.title}” already has a report.")
    meeting = Meeting.get_by_id(item.__data__["meeting"])
    template = body_report_template(meeting.__data__["body"])
    values = {name: template.wording.get(name, "") for name in TEXTS if name != "title"}
    values["title"] = validation.name(item.title if title is None else title, LABELS["title"])
    with db.atomic():
        # One report per item, whichever laptop starts it.
        return natural_ids.put(Report, natural_ids.report_id(item.id), item=item.id, **values)


def update_report(*, report_id: str, **fields) -> Report:
    """Change any of the fields of sections.EDITABLE of a draft report."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A report has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Report, report_id, "report")
    check_draft(row, "changed")
    values = clean_values(fields)
    with db.atomic():
        changes.update(row, **values)
    return row


def clean_values(fields: dict[str, Any]) -> dict[str, Any]:
    """The values given, each checked as the window and import both check it."""
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "report_of_id":
            person = validation.optional_row(Person, value, "officer the report is of")
            values[name] = person.id if person else None
        elif name in FLAGS:
            values[name] = bool(value)
        elif name in ("title", "report_of_role"):
            check = validation.name if name == "title" else validation.optional_name
            values[name] = check(value, LABELS[name])
        else:
            if not isinstance(value, str | None):
                raise ValidationError(f"The {LABELS[name]} must be text.")
            values[name] = validation.text(value, LABELS[name])
    return values


def check_draft(row: Report, doing: str) -> None:
    """Refuse to change or delete a report that has been put forward."""
    if row.state == "submitted":
        raise ValidationError(
            f"This report has been submitted, so it cannot be {doing}; return it to draft first."
        )
    if row.state == "approved":
        raise ValidationError(
            f"This report has been approved for publication, so it cannot be {doing}; "
            "return it to draft first."
        )


def delete_report(*, report_id: str) -> None:
    """Take a draft report off its item (a tombstone, so `restore_report` undoes it)."""
    row = validation.live_row(Report, report_id, "report")
    check_draft(row, "deleted")
    with db.atomic():
        changes.delete(row)


def restore_report(*, report_id: str) -> Report:
    row = Report.get_or_none(Report.id == report_id)
    if row is None:
        raise ValidationError(f"There is no report with the key “{report_id}”.")
    validation.live_row(AgendaItem, row.__data__["item"], "agenda item")
    with db.atomic():
        changes.restore(row)
    return row


def report_of_item(item_id: str) -> ReportEntry | None:
    """The item's report, or None when it has none."""
    row = Report.live().where(Report.item == item_id).first()
    return None if row is None else _entry(row)


def get_report(report_id: str) -> ReportEntry:
    return _entry(validation.live_row(Report, report_id, "report"))


def report_values(row: Report) -> dict[str, Any]:
    return changes.current(row, EDITABLE)


def fingerprint(row: Report) -> str:
    """sections.content_sha256 of the report as it stands."""
    person = Person.get_or_none(Person.id == row.__data__.get("report_of"))
    return content_sha256(report_values(row), person.key if person else "")


def report_of_text(row: Report) -> str:
    """Whom the report is of, as printed: the officer's name and role (or position), or
    the role alone."""
    person = Person.get_or_none(Person.id == row.__data__.get("report_of"))
    if person is None:
        return row.report_of_role
    return _officer(person, row.report_of_role or person.position)


def _officer(person: Person, role: str) -> str:
    return ", ".join(part for part in (display_name(person), role) if part)


def _entry(row: Report) -> ReportEntry:
    approver = Person.get_or_none(Person.id == row.__data__.get("approved_by"))
    return ReportEntry(
        id=row.id,
        item_id=row.__data__["item"],
        values=report_values(row),
        state=row.state,
        submitted_at=row.submitted_at,
        approved_by_id=approver.id if approver else None,
        approved_by=_officer(approver, approver.position) if approver else "",
        approved_at=row.approved_at,
        changed_since_approval=row.state == "approved" and row.content_sha256 != fingerprint(row),
        report_of=report_of_text(row),
    )
