"""How each kind of record is deleted (tombstoned) and brought back, named once so the
commands that create or delete one can be undone and redone.

Each names its service module rather than importing it: the window imports these at
start-up, and most of the services are not needed until a meeting is opened."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Kind:
    service: str  # a module of desktop_app.services
    delete_call: str
    restore_call: str
    key: str  # the keyword that names the row

    def delete(self, row_id: str) -> object:
        return self._call(self.delete_call, row_id)

    def restore(self, row_id: str) -> object:
        return self._call(self.restore_call, row_id)

    def _call(self, name: str, row_id: str) -> object:
        module = import_module(f"desktop_app.services.{self.service}")
        return getattr(module, name)(**{self.key: row_id})


AGENDA_ITEM = Kind("meeting_cycle.agenda", "delete_item", "restore_item", "item_id")
ATTENDANCE = Kind(
    "meeting_cycle.attendance", "remove_attendance", "restore_attendance", "attendance_id"
)
BODY = Kind("directory.bodies", "delete_body", "restore_body", "body_id")
DECLARATION = Kind(
    "meeting_cycle.declarations", "withdraw_declaration", "restore_declaration", "declaration_id"
)
DOCUMENT = Kind("papers.documents", "remove_document", "restore_document", "document_id")
MEETING = Kind("meeting_cycle.meetings", "delete_meeting", "restore_meeting", "meeting_id")
MEMBERSHIP = Kind("directory.memberships", "remove_member", "restore_membership", "membership_id")
ORGANISATION = Kind(
    "directory.organisations", "delete_organisation", "restore_organisation", "organisation_id"
)
PERSON = Kind("directory.people", "delete_person", "restore_person", "person_id")
RESOLUTION = Kind(
    "decisions.resolutions", "delete_resolution", "restore_resolution", "resolution_id"
)
ACTION = Kind("decisions.actions", "delete_action", "restore_action", "action_id")
ACTION_NOTE = Kind("decisions.actions", "remove_progress", "restore_progress", "note_id")
REPORT = Kind("reports.writing", "delete_report", "restore_report", "report_id")
PLAN = Kind("plans.plans", "delete_plan", "restore_plan", "plan_id")
PLAN_PRIORITY = Kind("plans.plans", "delete_priority", "restore_priority", "priority_id")
PLAN_OUTCOME = Kind("plans.plans", "delete_outcome", "restore_outcome", "outcome_id")
PLAN_ACTION = Kind("plans.actions", "delete_plan_action", "restore_plan_action", "action_id")
PLAN_PARTNER = Kind("plans.actions", "remove_partner", "restore_partner", "partner_id")
PLAN_MEASURE = Kind("plans.measures", "delete_measure", "restore_measure", "measure_id")
QUARTERLY_UPDATE = Kind("updates.writing", "delete_update", "restore_update", "update_id")
