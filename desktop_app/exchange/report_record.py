"""Committee reports in a `minute-book/1` file (issue 15): an item's `report` and a body's
`report_template`.

`"report": {"title", "report_of", "report_of_role", "introduction", "recommendations",
"reasons", "alternatives", "impact", "risk", "implications": {"financial": {"relevant",
"text"}, …}, "background", "state", "submitted_at", "approved_by", "approved_at",
"content_sha256"}` and `"report_template": {"heading", "sections", "wording"}`.

Every value is checked by the rule the window applies (services/reports), so a file is
refused for what the window refuses, with its place in the file. Export writes the same
fields, leaving out what is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.exchange.format_fields import (
    IMPLICATION_FIELDS,
    REPORT_FIELDS,
    REPORT_TEMPLATE_FIELDS,
)
from desktop_app.exchange.records import ReportRecord
from desktop_app.exchange.values import (
    at,
    boolean,
    choice,
    fields,
    free_text,
    instant,
    join,
    sha256,
    single_line,
)
from desktop_app.services.reports import templates, workflow
from desktop_app.services.reports.sections import (
    IMPLICATIONS,
    TEXT_SECTIONS,
    content_sha256,
    relevant_flag,
)
from desktop_app.services.reports.writing import clean_values
from desktop_app.storage import natural_ids
from desktop_app.storage.models import AgendaItem, Report

# How a person named in the file is checked: (object, field, its path, required=) -> key.
PersonCheck = Callable[..., "str | None"]
SECTION_TEXTS = tuple(key for key, _ in TEXT_SECTIONS)
IMPLICATION_KEYS = tuple(key for key, _ in IMPLICATIONS)


# Reading


def read_report(value: Any, path: str, person: PersonCheck) -> ReportRecord:
    """An item's `report`, checked as the window checks a report."""
    fields(value, path, REPORT_FIELDS)
    values: dict[str, Any] = {
        "title": single_line(value, "title", path, required=True),
        "report_of_role": single_line(value, "report_of_role", path),
        **{key: free_text(value, key, path) for key in SECTION_TEXTS},
        **_implications(value, path),
    }
    for name in ("title", "report_of_role", *SECTION_TEXTS):
        with at(join(path, name)):
            clean_values({name: values[name]})
    record = ReportRecord(
        path=path,
        values=values,
        report_of=person(value, "report_of", path),
        state=choice(value, "state", path, workflow.STATES, "draft"),
        submitted_at=instant(value, "submitted_at", path),
        approved_by=person(value, "approved_by", path),
        approved_at=instant(value, "approved_at", path),
        content_sha256=sha256(value, "content_sha256", path),
    )
    with at(join(path, "approved_by")):
        workflow.check_state(record.state, approved_by=record.approved_by)
    if record.state != "draft":
        with at(path):
            workflow.check_submittable(values, report_of=record.report_of)
    return record


def _implications(value: dict, path: str) -> dict[str, Any]:
    raw = value.get("implications")
    found: dict[str, Any] = {}
    for key in IMPLICATION_KEYS:
        found[key], found[relevant_flag(key)] = "", False
    if raw is None:
        return found
    where = join(path, "implications")
    fields(raw, where, IMPLICATION_KEYS)
    for key in IMPLICATION_KEYS:
        if raw.get(key) is None:
            continue
        entry_path = join(where, key)
        entry = fields(raw[key], entry_path, IMPLICATION_FIELDS)
        found[key] = free_text(entry, "text", entry_path)
        found[relevant_flag(key)] = boolean(entry, "relevant", entry_path, False)
    return found


def read_template(value: dict, path: str) -> templates.ReportTemplate:
    """A body's `report_template`; absent, the standard one."""
    raw = value.get("report_template")
    if raw is None:
        return templates.STANDARD
    where = join(path, "report_template")
    fields(raw, where, REPORT_TEMPLATE_FIELDS)
    if raw.get("heading") is not None:
        single_line(raw, "heading", where)
    with at(where):
        return templates.clean_template(raw)


# Export


def exported(row: Report | None, person_key: Callable[[str | None], str | None]) -> dict | None:
    """The `report` object of an item's report; None when it has none."""
    if row is None:
        return None
    data: dict[str, Any] = {"title": row.title}
    _put(data, "report_of", person_key(row.__data__.get("report_of")))
    _put(data, "report_of_role", row.report_of_role)
    for key in SECTION_TEXTS[:-1]:  # background comes after the implications, as printed
        _put(data, key, getattr(row, key))
    implications = {}
    for key in IMPLICATION_KEYS:
        entry: dict[str, Any] = {}
        if getattr(row, relevant_flag(key)):
            entry["relevant"] = True
        _put(entry, "text", getattr(row, key))
        _put(implications, key, entry)
    _put(data, "implications", implications)
    _put(data, "background", row.background)
    data["state"] = row.state
    _put(data, "submitted_at", row.submitted_at)
    _put(data, "approved_by", person_key(row.__data__.get("approved_by")))
    _put(data, "approved_at", row.approved_at)
    _put(data, "content_sha256", row.content_sha256)
    return data


def exported_template(stored: str) -> dict | None:
    """A body's `report_template`; None for the standard one."""
    template = templates.stored_template(stored)
    return None if template == templates.STANDARD else template.to_json()


def _put(target: dict, key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        target[key] = value


# Import


def apply_report(applier, row: AgendaItem, record: ReportRecord) -> None:
    """Write the item's report as the file has it; one report per item, under the id every
    laptop gives it. An approved report without its fingerprint (a file written by hand) is
    approved as it reads."""
    found = applier.existing(row, Report.live().where(Report.item == row.id).limit(1))
    report_of_id = applier.person_id(record.report_of)
    sha = record.content_sha256
    if record.state == "approved" and not sha:
        sha = content_sha256(record.values, record.report_of or "")
    applier.save(
        Report,
        found[0] if found else None,
        _create=dict(item_id=row.id),
        _id=natural_ids.report_id(row.id),
        _under=row,
        **record.values,
        report_of_id=report_of_id,
        state=record.state,
        submitted_at=record.submitted_at,
        approved_by_id=applier.person_id(record.approved_by),
        approved_at=record.approved_at,
        content_sha256=sha,
    )
