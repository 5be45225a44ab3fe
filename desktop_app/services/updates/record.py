"""What the record holds for a group's quarter, read once, and the draft an update starts
from: the group's meetings in the quarter with their decisions, its plans' actions with their
RAG status and progress then, each measure's latest reading by the quarter's end, and the
actions from its meetings still open. The officer edits the draft; nothing here is kept.

    quarter_record(body_id, quarter) -> QuarterRecord
    drafted(record)                  -> the update's fields, as rules.FIELDS names them
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from desktop_app.dates import long_date
from desktop_app.services import validation
from desktop_app.services.decisions.actions import ActionEntry, entries_query, to_entries
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.services.plans.outline import month_year
from desktop_app.services.plans.quarter_progress import (
    QuarterAction,
    QuarterMeasure,
    actions_in_quarter,
    measures_in_quarter,
)
from desktop_app.services.plans.quarters import (
    quarter_end,
    quarter_label,
    quarter_months,
    quarter_number,
    quarter_of,
)
from desktop_app.storage.models import Action, AgendaItem, Body, Meeting, Minute, Resolution

NOT_HELD = ("cancelled", "postponed")
# The outcomes a draft reports as the group's decisions, as the minutes word them.
OUTCOME_WORDS = {"resolved": "Resolved", "agreed": "Agreed", "approved": "Approved",
                 "endorsed": "Endorsed", "noted": "Noted", "deferred": "Deferred",
                 "rejected": "Rejected", "withdrawn": "Withdrawn"}  # fmt: skip
# Worst first: the overall RAG a draft suggests is that of its worst action.
RAG_ORDER = ("red", "amber", "green")


@dataclass(frozen=True)
class Decision:
    number: str  # the minute number, "" before the agenda is published
    item_title: str
    text: str  # "Resolved: That …", or the minute's decision


@dataclass(frozen=True)
class MeetingDecisions:
    meeting_id: str
    date: dt.date
    items: tuple[str, ...]  # the titles of what it considered
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class QuarterRecord:
    body_id: str
    body_name: str
    board_name: str
    quarter: dt.date  # its first day
    meetings: tuple[MeetingDecisions, ...]
    actions: tuple[QuarterAction, ...]
    measures: tuple[QuarterMeasure, ...]
    open_actions: tuple[ActionEntry, ...]

    @property
    def label(self) -> str:
        return quarter_label(self.quarter)

    @property
    def suggested_rag(self) -> str:
        """The RAG of the worst plan action in the quarter; "" without any."""
        rags = {action.rag for action in self.actions}
        return next((rag for rag in RAG_ORDER if rag in rags), "")


def quarter_record(body_id: str, quarter: dt.date) -> QuarterRecord:
    """The group's quarter (any day in it), in a few queries."""
    body = validation.live_row(Body, body_id, "body")
    board = Body.get_or_none(Body.id == body.__data__.get("parent"))
    first = quarter_of(quarter)
    last = quarter_end(first)
    meetings = list(
        Meeting.live()
        .where(
            (Meeting.body == body.id)
            & (Meeting.date.between(first, last))
            & Meeting.status.not_in(NOT_HELD)
        )
        .order_by(Meeting.date, Meeting.start_time)
    )
    open_query = entries_query().where(
        (Meeting.body == body.id) & (Meeting.date <= last) & (Action.status != "done")
    )
    open_actions = to_entries(
        open_query.order_by(Meeting.date, *STORED_ORDER, Action.position), last
    )
    return QuarterRecord(
        body_id=body.id,
        body_name=body.name,
        board_name=board.name if board else "",
        quarter=first,
        meetings=tuple(_decisions(meetings)),
        actions=tuple(actions_in_quarter(body.id, first)),
        measures=tuple(measures_in_quarter(body.id, first)),
        open_actions=tuple(open_actions),
    )


def _decisions(meetings: list[Meeting]) -> list[MeetingDecisions]:
    items = list(
        AgendaItem.live()
        .where(AgendaItem.meeting.in_([m.id for m in meetings]) & AgendaItem.parent.is_null())
        .order_by(*STORED_ORDER)
    )
    ids = [item.id for item in items]
    resolutions: dict[str, list[Resolution]] = {}
    for row in Resolution.live().where(Resolution.item.in_(ids)).order_by(Resolution.position):
        resolutions.setdefault(row.__data__["item"], []).append(row)
    decided = {
        row.__data__["item"]: row.decision
        for row in Minute.live().where(Minute.item.in_(ids) & (Minute.decision != ""))
    }
    found = []
    for meeting in meetings:
        own = [item for item in items if item.__data__["meeting"] == meeting.id]
        decisions = []
        for item in own:
            for row in resolutions.get(item.id, []):
                words = OUTCOME_WORDS.get(row.outcome, row.outcome.capitalize())
                decisions.append(Decision(item.number, item.title, f"{words}: {row.text}"))
            if item.id not in resolutions and decided.get(item.id):
                decisions.append(Decision(item.number, item.title, decided[item.id]))
        titles = tuple(item.title for item in own if item.kind not in STANDING_KINDS)
        found.append(MeetingDecisions(meeting.id, meeting.date, titles, tuple(decisions)))
    return found


# Items every meeting has, which say nothing of the quarter's work.
STANDING_KINDS = frozenset(
    {"apologies", "declarations", "previous minutes", "matters arising",
     "any other business", "date of next meeting", "duration"}
)  # fmt: skip


# -- the draft --------------------------------------------------------------------------------


def default_title(body_name: str, quarter: dt.date) -> str:
    """Quarter 2 update: Regeneration"""
    return f"Quarter {quarter_number(quarter)} update: {body_name}"


def drafted(record: QuarterRecord) -> dict[str, str]:
    """The update's words as the record has them, for the officer to edit: the overview,
    the quarter's delivery group update (a paragraph a meeting with its decisions, then
    the plan's actions and measures), the priorities and focus of its plans, and the open
    actions as the summary of activity. With the overall RAG the plan's actions suggest."""
    return dict(
        title=default_title(record.body_name, record.quarter),
        rag=record.suggested_rag,
        overview=_overview(record),
        delivery="\n".join(_delivery(record)),
        priorities=", ".join(_unique(a.priority.split(": ", 1)[-1] for a in _rows(record))),
        focus="",  # what the group will concentrate on next is the officer's to say
        activity="\n".join(f"- {_open(action)}" for action in record.open_actions),
    )


def _overview(record: QuarterRecord) -> str:
    held = [long_date(m.date) for m in record.meetings]
    when = f"{record.label} ({quarter_months(record.quarter)})"
    if held:
        met = f"the group met on {_listed(held)}"
    else:
        met = "the group did not meet"
    words = f"In {when} {met}"
    if record.board_name:
        words += f"; this update reports its work to {record.board_name}"
    sentences = [words + "."]
    if record.actions:
        counts = Counter(action.status for action in record.actions)
        told = _listed([f"{n} {status}" for status, n in counts.items()])
        plural = "s" if len(record.actions) != 1 else ""
        sentences.append(f"Of its plan's {len(record.actions)} action{plural}: {told}.")
    return " ".join(sentences)


def _delivery(record: QuarterRecord) -> list[str]:
    lines = []
    for meeting in record.meetings:
        considered = (
            f" the group considered {_listed(list(meeting.items))}" if meeting.items else ""
        )
        lines.append(f"At its meeting of {long_date(meeting.date)}{considered}.")
        for decision in meeting.decisions:
            number = f"Minute {decision.number}, " if decision.number else ""
            lines.append(f"- {number}{decision.item_title}: {decision.text}")
    if record.actions:
        lines.append(f"Progress on the plan's actions in {record.label}:")
        for row in record.actions:
            note = f": {row.progress.text}" if row.progress else ""
            lines.append(f"- {row.action.code} {row.action.text} — {row.status} ({row.rag}){note}")
    if record.measures:
        lines.append("The performance measures stood at:")
        lines += [f"- {_measure(row)}" for row in record.measures]
    return lines


def _measure(row: QuarterMeasure) -> str:
    measure = row.measure
    if row.latest is None:
        stood = "no reading yet"
    else:
        stood = f"{measure.figure(row.latest.value)} on {long_date(row.latest.date)}"
    parts = [f"{measure.name}: {stood}"]
    if measure.target is not None:
        by = f" by {month_year(measure.target_date)}" if measure.target_date else ""
        met = {True: ", met", False: ", not yet met", None: ""}[row.met]
        parts.append(f"target {measure.figure(measure.target)}{by}{met}")
    if measure.baseline is not None:
        parts.append(f"baseline {measure.figure(measure.baseline)}")
    return "; ".join(parts)


def _open(action: ActionEntry) -> str:
    owner = f"{action.owner}: " if action.owner else ""
    due = f", due {long_date(action.due)}" if action.due else ""
    return f"{owner}{action.text} ({action.status}{due})"


def _rows(record: QuarterRecord):
    return [*record.actions, *record.measures]


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def _listed(values: list[str]) -> str:
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]
