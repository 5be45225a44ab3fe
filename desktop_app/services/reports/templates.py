"""A body's report template: the heading its reports carry (the authority, "Maidstone Borough
Council"), the sections its reports use, and the wording each section starts with. A new
report is written from it; the standard template has every section and no wording.

Stored in Body.report_template as JSON {"heading", "sections", "wording"}; "" is the
standard template.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.reports.sections import (
    CHOOSABLE,
    HEADINGS,
    IMPLICATIONS,
    TEXT_SECTIONS,
)
from desktop_app.storage import changes
from desktop_app.storage.models import Body, db

# The fields a template may give wording for: every section's text and each implication's.
WORDED = (*(key for key, _ in TEXT_SECTIONS), *(key for key, _ in IMPLICATIONS))


@dataclass(frozen=True)
class ReportTemplate:
    heading: str = ""
    sections: tuple[str, ...] = CHOOSABLE
    wording: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        """As stored and exported: what differs from the standard template."""
        data: dict = {}
        if self.heading:
            data["heading"] = self.heading
        if self.sections != CHOOSABLE:
            data["sections"] = list(self.sections)
        if self.wording:
            data["wording"] = self.wording
        return data


STANDARD = ReportTemplate()


def body_report_template(body_id: str) -> ReportTemplate:
    """The body's own template, or the standard one."""
    body = validation.live_row(Body, body_id, "body")
    return stored_template(body.report_template)


def stored_template(stored: str) -> ReportTemplate:
    """The template Body.report_template holds; a damaged value is the standard one, as it
    must not stop an officer starting a report."""
    try:
        value = json.loads(stored) if stored else None
    except ValueError:
        value = None
    if not isinstance(value, dict):
        return STANDARD
    try:
        return clean_template(value)
    except ValidationError:
        return STANDARD


def clean_template(value: dict) -> ReportTemplate:
    """A template from its parts, each checked: the rule the window and import both apply."""
    sections = value.get("sections", list(CHOOSABLE))
    if not isinstance(sections, list | tuple) or not all(isinstance(s, str) for s in sections):
        raise ValidationError("A report template's sections must be a list of section names.")
    unknown = [s for s in sections if s not in CHOOSABLE]
    if unknown:
        raise ValidationError(
            f"“{unknown[0][:40]}” is not a section of a report; use {', '.join(CHOOSABLE)}."
        )
    wording = value.get("wording") or {}
    if not isinstance(wording, dict):
        raise ValidationError("A report template's wording must say a section's text by name.")
    cleaned = {}
    for key in WORDED:
        if key in wording:
            what = f"template's wording for {_named(key)}"
            if not isinstance(wording[key], str):
                raise ValidationError(f"The {what} must be text.")
            text = validation.text(wording[key], what)
            if text:
                cleaned[key] = text
    stray = sorted(set(wording) - set(WORDED))
    if stray:
        raise ValidationError(f"“{stray[0][:40]}” is not a section a template can word.")
    heading = value.get("heading") or ""
    if not isinstance(heading, str):
        raise ValidationError("The template's heading must be text.")
    return ReportTemplate(
        heading=validation.optional_name(heading, "template's heading"),
        sections=tuple(key for key in CHOOSABLE if key in sections),
        wording=cleaned,
    )


def set_body_report_template(
    *, body_id: str, heading: str = "", sections=CHOOSABLE, wording: dict | None = None
) -> ReportTemplate:
    """Keep the body's own template; the standard one is stored as "" (the default)."""
    body = validation.live_row(Body, body_id, "body")
    template = clean_template({"heading": heading, "sections": list(sections), "wording": wording})
    with db.atomic():
        changes.update(body, report_template=template_text(template))
    return template


def template_text(template: ReportTemplate) -> str:
    """As Body.report_template stores it."""
    if template == STANDARD:
        return ""
    return json.dumps(template.to_json(), ensure_ascii=False, sort_keys=True)


def _named(key: str) -> str:
    labels = {**HEADINGS, **dict(IMPLICATIONS)}
    return f"“{labels[key]}”"
