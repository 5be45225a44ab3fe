"""Reading the parts of a file that say what was minuted and decided (issue 5): a minute,
what a resolution appointed or approved, an action's progress notes and a meeting's
minutes versions. reading.py calls these; each fault is named by its place in the file.

What a resolution or version refers to elsewhere in the body (the approved minutes, the
approving meeting, the meeting where progress was reported) is only read here, as a
`MeetingRef`; import finds it once all the body's meetings are written (links.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app import vocabulary
from desktop_app.exchange.format_fields import (
    ACTION_NOTE_FIELDS,
    APPROVES_FIELDS,
    MINUTE_FIELDS,
    MINUTES_VERSION_FIELDS,
)
from desktop_app.exchange.records import (
    ActionNoteRecord,
    MinuteRecord,
    MinutesVersionRecord,
    ResolutionRecord,
    VersionRef,
)
from desktop_app.exchange.signatures_record import read_signing
from desktop_app.exchange.values import (
    boolean,
    choice,
    date,
    entries,
    fail,
    fields,
    free_text,
    instant,
    join,
    meeting_ref,
    sha256,
    single_line,
    text_list,
    whole_number,
)
from desktop_app.services.decisions.appointment_effects import ELECTED_ROLES

# The fields only an election, co-option or appointment has.
APPOINTMENT_FIELDS = ("appointee", "role", "appointed_body", "term")
_AN = {"election": "an election", "co-option": "a co-option", "appointment": "an appointment"}


def minute(value: Any, path: str) -> MinuteRecord:
    fields(value, path, MINUTE_FIELDS)
    return MinuteRecord(
        overview=free_text(value, "overview", path),
        key_points=text_list(value, "key_points", path),
        recommendations=text_list(value, "recommendations", path),
        decision=free_text(value, "decision", path),
        notes=free_text(value, "notes", path),
    )


def how_carried(value: dict, path: str, record: ResolutionRecord) -> None:
    """`unopposed` and `casting_vote`, and which minutes the resolution approved."""
    record.unopposed = boolean(value, "unopposed", path, False)
    record.casting_vote = boolean(value, "casting_vote", path, False)
    record.approves = approves(value, path)
    record.approves_sha256 = sha256(value, "approves_sha256", path)
    if record.approves is not None and record.kind != "resolution":
        fail(join(path, "approves"), f"only a resolution approves minutes, not {_AN[record.kind]}")


def appointment(
    value: dict,
    path: str,
    record: ResolutionRecord,
    *,
    person: Callable[..., str | None],
    body: Callable[[dict, str, str], str | None],
) -> None:
    """The resolution's `kind` and, for an election, co-option or appointment, who was
    appointed to what. `person` and `body` check a reference (reading.py)."""
    record.kind = choice(value, "kind", path, vocabulary.RESOLUTION_KINDS, "resolution")
    if record.kind == "resolution":
        for key in APPOINTMENT_FIELDS:
            if value.get(key) is not None:
                fail(
                    join(path, key),
                    'only an election, co-option or appointment has this; give its "kind"',
                )
        return
    record.appointee = person(value, "appointee", path, required=True)
    record.appointed_body = body(value, "appointed_body", path)
    if record.kind == "election":
        allowed: tuple[str, ...] = ELECTED_ROLES
        default = None
    elif record.kind == "co-option":
        allowed, default = ("co-opted",), "co-opted"
    else:
        allowed, default = vocabulary.ROLES, None
    record.role = choice(value, "role", path, allowed, default)
    if record.role is None:
        fail(join(path, "role"), "missing")
    record.term = choice(value, "term", path, vocabulary.TERMS, "")
    if record.kind == "election" and not record.term:
        fail(join(path, "term"), "missing; an election is for the “year” or this “meeting”")
    if record.kind == "co-option" and record.term:
        fail(join(path, "term"), "a co-option has no term")
    if record.kind == "appointment" and record.term == "year":
        fail(
            join(path, "term"),
            "an appointment holds from the meeting on, or for this “meeting” only",
        )


def approves(value: dict, path: str) -> VersionRef | None:
    """`{"meeting": "2012-10-01", "version": 1}`: the minutes of that meeting of the same
    body, in that version (left out: its latest)."""
    raw = value.get("approves")
    if raw is None:
        return None
    approves_path = join(path, "approves")
    fields(raw, approves_path, APPROVES_FIELDS)
    return VersionRef(
        meeting=meeting_ref(raw, "meeting", approves_path, required=True),
        version=whole_number(raw, "version", approves_path, minimum=1),
    )


def action_notes(value: dict, path: str) -> list[ActionNoteRecord]:
    found = []
    for note_path, note in entries(value, path, "notes"):
        fields(note, note_path, ACTION_NOTE_FIELDS)
        found.append(
            ActionNoteRecord(
                path=note_path,
                date=date(note, "date", note_path, required=True),
                text=free_text(note, "text", note_path, required=True),
                meeting=meeting_ref(note, "meeting", note_path),
            )
        )
    return found


def minutes_versions(
    value: dict, path: str, *, person: Callable[..., str | None], base_dir: Path
) -> list[MinutesVersionRecord]:
    """A meeting's minutes versions; `person` checks a person's key (reading.py), and a
    signed file is found relative to `base_dir`."""
    found: list[MinutesVersionRecord] = []
    seen: set[int] = set()
    for version_path, entry in entries(value, path, "minutes_versions"):
        fields(entry, version_path, MINUTES_VERSION_FIELDS)
        number = whole_number(entry, "version", version_path, minimum=1)
        if number is None:
            fail(join(version_path, "version"), "missing")
        if number in seen:
            fail(join(version_path, "version"), f"version {number} is listed twice")
        seen.add(number)
        record = MinutesVersionRecord(
            path=version_path,
            version=number,
            state=choice(entry, "state", version_path, vocabulary.MINUTES_STATES, "draft"),
            created_by=single_line(entry, "created_by", version_path),
            circulated_at=instant(entry, "circulated_at", version_path),
            circulated_by=single_line(entry, "circulated_by", version_path),
            approved_at=instant(entry, "approved_at", version_path),
            approved_at_meeting=meeting_ref(entry, "approved_at_meeting", version_path),
            approved_minute=single_line(entry, "approved_minute", version_path),
            content_sha256=sha256(entry, "content_sha256", version_path),
            pdf_sha256=sha256(entry, "pdf_sha256", version_path),
        )
        read_signing(entry, version_path, record, person=person, base_dir=base_dir)
        found.append(record)
    return found
