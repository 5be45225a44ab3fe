"""The fixed words of the domain (DESIGN.md §2), as the exchange format spells them."""

BODY_KINDS = (
    "board",
    "committee",
    "sub-committee",
    "delivery group",
    "task-and-finish group",
    "panel",
    "working group",
    "council",
)
ROLES = (
    "chair",
    "vice-chair",
    "member",
    "co-opted",
    "substitute",
    "officer",
    "adviser",
    "observer",
)
MEETING_KINDS = ("ordinary", "annual", "extraordinary", "special")
MEETING_STATUSES = (
    "scheduled",
    "agenda published",
    "held",
    "minutes drafted",
    "minutes circulated",
    "minutes approved",
    "minutes signed",
    "cancelled",
    "postponed",
)
ITEM_KINDS = (
    "apologies",
    "declarations",
    "previous minutes",
    "matters arising",
    "report",
    "paper",
    "presentation",
    "information",
    "urgent item",
    "any other business",
    "date of next meeting",
    "duration",
)
PURPOSES = ("", "for decision", "for information", "for noting")
ATTENDANCE_STATUSES = ("present", "apologies", "absent", "substitute", "in attendance")
OUTCOMES = (
    "resolved",
    "agreed",
    "approved",
    "endorsed",
    "noted",
    "deferred",
    "rejected",
    "withdrawn",
)
RESOLUTION_KINDS = ("resolution", "election", "co-option", "appointment")
TERMS = ("year", "meeting")  # an election for the municipal year, or an office for one meeting
ACTION_STATUSES = ("open", "on track", "at risk", "late", "done")
VOTES = ("for", "against", "abstain")
NUMBERING_RESTARTS = ("never", "yearly", "per-meeting")
SUB_NUMBERING = ("decimal", "letter")  # 35.1 or 35(a)
MINUTES_STATES = ("draft", "circulated", "approved", "signed")
# Where a strategy plan's action stands, each with its RAG colour (services/plans).
PLAN_STATUSES = ("not started", "on track", "at risk", "off track", "complete")
PLAN_RAG = {
    "not started": "grey",
    "on track": "green",
    "at risk": "amber",
    "off track": "red",
    "complete": "blue",
}
