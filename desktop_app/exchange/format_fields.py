"""The `minute-book/1` format's name and the fields each of its objects may have, in the
order export writes them (DESIGN.md §7): reading refuses a field not listed, export writes
them in this order, and the round-trip tests check a whole export against it."""

from __future__ import annotations

from desktop_app.services.reports import sections as report_sections

FORMAT = "minute-book/1"

# The fields of each object, in the order export writes them (DESIGN.md §7).
TOP_FIELDS = ("format", "organisations", "people", "signers", "bodies")
ORGANISATION_FIELDS = ("name",)
PERSON_FIELDS = ("key", "title", "name", "organisation", "position", "email", "phone")
SIGNER_FIELDS = ("person", "certificate", "fingerprint")
BODY_FIELDS = (
    "name",
    "kind",
    "parent",
    "quorum",
    "venue",
    "clerk",
    "numbering",
    "template",
    "report_template",
    "plans",
    "updates",
    "members",
    "meetings",
)
NUMBERING_FIELDS = ("pattern", "restart", "year_starts", "next", "sub")
TEMPLATE_FIELDS = ("title", "kind")
MEMBER_FIELDS = ("person", "role", "organisation", "voting", "from", "to")
MEETING_FIELDS = (
    "date",
    "start",
    "end",
    "venue",
    "kind",
    "status",
    "reason",
    "public",
    "chair",
    "public_attendees",
    "next_meeting",
    "minutes_versions",
    "attendance",
    "items",
)
ATTENDANCE_FIELDS = ("person", "status", "substitute_for", "capacity", "arrived", "left")
ITEM_FIELDS = (
    "number",
    "title",
    "kind",
    "presenter",
    "purpose",
    "confidential",
    "exempt_paragraph",
    "started",
    "minutes_allowed",
    "brief_note",
    "linked_meeting",
    "linked_minute",
    "cites",
    "arrivals",
    "departures",
    "declarations",
    "minute",
    "resolutions",
    "actions",
    "documents",
    "report",
    "items",
)
MINUTES_VERSION_FIELDS = (
    "version",
    "state",
    "created_at",
    "created_by",
    "circulated_at",
    "circulated_by",
    "approved_at",
    "approved_at_meeting",
    "approved_minute",
    "content_sha256",
    "pdf_sha256",
    "signed_by",
    "signed_with",
    "signed_at",
    "signed_pdf",
)
DECLARATION_FIELDS = ("person", "kind", "description", "left_room", "left_at", "returned_at")
MINUTE_FIELDS = ("overview", "key_points", "recommendations", "decision", "notes")
RESOLUTION_FIELDS = (
    "text",
    "outcome",
    "kind",
    "appointee",
    "role",
    "appointed_body",
    "term",
    "proposer",
    "seconder",
    "votes",
    "unopposed",
    "casting_vote",
    "named_votes",
    "approves",
    "approves_sha256",
)
APPROVES_FIELDS = ("meeting", "version")
VOTES_FIELDS = ("for", "against", "abstain")
NAMED_VOTE_FIELDS = ("person", "vote")
ACTION_FIELDS = ("text", "owner", "due", "status", "progress", "notes", "plan_action")
ACTION_NOTE_FIELDS = ("date", "text", "meeting")
LINKED_MINUTE_FIELDS = ("meeting", "number")
DOCUMENT_FIELDS = ("title", "author", "date", "file", "confidential")
REPORT_FIELDS = (
    "title",
    "report_of",
    "report_of_role",
    # The report's sections in their printed order (appendices are the item's other papers).
    *(name for name in report_sections.ORDER if name != report_sections.APPENDICES_SECTION),
    "state",
    "submitted_at",
    "approved_by",
    "approved_at",
    "content_sha256",
)
IMPLICATION_FIELDS = ("relevant", "text")
REPORT_TEMPLATE_FIELDS = ("heading", "sections", "wording")
