"""Minute numbers: a body's pattern filled in for a meeting (`30`, `24/104`, `Cou/285/07-08`),
sub-item numbers (`35.1`, `35(a)`), and the numbers publishing an agenda gives.

Numbers are given when an agenda is published and never change afterwards; an item added
to a published agenda takes the body's next number at once (or, once a later municipal
year has taken the counter on, the next of its own year), never one the body gave already.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Hashable
from dataclasses import dataclass

from peewee import fn

from desktop_app.errors import ValidationError
from desktop_app.rules.numbering import first_year, run_of
from desktop_app.services import validation
from desktop_app.services.directory.bodies import PLACEHOLDERS, clean_pattern, clean_year_start
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage.models import AgendaItem, Body, Meeting

ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def year_values(day: dt.date, year_starts: str = "05-01") -> dict[str, str]:
    first = first_year(day, year_starts)
    return {
        "yy": f"{first % 100:02d}",
        "yy1": f"{(first + 1) % 100:02d}",
        "yyyy": f"{first:04d}",
        "yyyy1": f"{first + 1:04d}",
    }


def format_minute_number(pattern: str, n: int, day: dt.date, year_starts: str = "05-01") -> str:
    """`Cou/{n}/{yy}-{yy1}` with 285 on 12 December 2007 gives `Cou/285/07-08`; the years are
    those of the municipal year starting on `year_starts` (MM-DD)."""
    clean_pattern(pattern)
    year_starts = clean_year_start(year_starts)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValidationError(f"A minute number must be a whole number from 1; “{n}” is not.")
    values = {**year_values(day, year_starts), "n": str(n)}
    return PLACEHOLDERS.sub(lambda match: values[match.group(1)], pattern)


def parse_minute_number(
    pattern: str, number: str, day: dt.date, year_starts: str = "05-01"
) -> int | None:
    """The running number {n} inside a number made by `pattern` for `day`, or None."""
    values = year_values(day, year_starts)
    regex, seen_n = [], False
    position = 0
    for match in PLACEHOLDERS.finditer(pattern):
        regex.append(re.escape(pattern[position : match.start()]))
        name = match.group(1)
        if name == "n":
            regex.append(r"(?P=n)" if seen_n else r"(?P<n>[1-9]\d*)")
            seen_n = True
        else:
            regex.append(re.escape(values.get(name, match.group(0))))
        position = match.end()
    regex.append(re.escape(pattern[position:]))
    found = re.fullmatch("".join(regex), number or "") if seen_n else None
    return int(found.group("n")) if found else None


def sub_number(parent_number: str, index: int, style: str) -> str:
    """Sub-item `index` (from 1): decimal "35.1"; letter "35(a)" … "35(z)", "35(aa)".
    Below a lettered sub-item, letter style counts in roman numerals: "35(a)(ii)"."""
    if index < 1:
        raise ValueError(f"sub-items are counted from 1, not {index}")
    if style == "decimal":
        return f"{parent_number}.{index}"
    if style == "letter":
        mark = _roman(index) if parent_number.endswith(")") else _letters(index)
        return f"{parent_number}({mark})"
    raise ValueError(f"unknown sub-item numbering {style!r}")


def _letters(index: int) -> str:
    """1 → a, 26 → z, 27 → aa, 28 → ab: counting as spreadsheet columns do."""
    text = ""
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def _roman(index: int) -> str:
    text = ""
    for value, letters in ROMAN:
        count, index = divmod(index, value)
        text += letters * count
    return text


@dataclass(frozen=True)
class Plan:
    """What publishing would do: the numbers for unnumbered items, and the body's next
    number afterwards (None when the body restarts every meeting and keeps no counter)."""

    numbers: dict[str, str]
    next_number: int | None


def preview_numbers(*, meeting_id: str) -> dict[str, str]:
    """Item id → its number if the agenda were published now (its own, once it has one)."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    tree = AgendaTree(meeting.id)
    planned = plan(meeting, tree).numbers
    return {item.id: item.number or planned.get(item.id, "") for item, _ in tree.walk()}


def plan(meeting: Meeting, tree: AgendaTree) -> Plan:
    """Numbers for the items of `tree` that have none: top-level items in agenda order
    continue the body's sequence, sub-items count under their parent."""
    body = Body.get_by_id(meeting.__data__["body"])
    n, counted = first_number(meeting, body, tree)
    numbers: dict[str, str] = {}
    for item in tree.children(None):
        if not item.number:
            numbers[item.id] = format_minute_number(
                body.numbering_pattern, n, meeting.date, body.numbering_year_starts
            )
            n += 1
    for item, _ in tree.walk():
        parent_number = item.number or numbers.get(item.id, "")
        kids = tree.children(item.id)
        if not parent_number or all(kid.number for kid in kids):
            continue
        taken = {kid.number for kid in kids if kid.number}
        index = len(taken) + 1
        for kid in kids:
            if kid.number:
                continue
            while sub_number(parent_number, index, body.sub_numbering) in taken:
                index += 1
            numbers[kid.id] = sub_number(parent_number, index, body.sub_numbering)
            index += 1
    return Plan(numbers, n if counted else None)


def first_number(meeting: Meeting, body: Body, tree: AgendaTree) -> tuple[int, bool]:
    """The running number the meeting's next top-level item takes, and whether that comes
    from (and so moves on) the body's counter `numbering_next`."""
    used = numbers_used(meeting, body, tree)
    if body.numbering_restart == "yearly" and used:
        run = run_in(body, meeting)
        later = numbered_meeting(meeting, later=True)
        if later is not None and run_in(body, later) != run:
            # The counter has moved on to a later municipal year's run: an item added to
            # this published agenda continues its own year's run and leaves the counter be.
            return max(_numbers_in_run(body, run)) + 1, False
    if body.numbering_restart == "per-meeting":
        return max(
            [*used, sum(1 for item in tree.children(None) if item.number)], default=0
        ) + 1, False
    if body.numbering_restart == "yearly" and not any(i.number for i in tree.children(None)):
        before = numbered_meeting(meeting, later=False)
        starts = body.numbering_year_starts
        if before is not None and first_year(before.date, starts) != first_year(
            meeting.date, starts
        ):
            return 1, True
    return body.numbering_next, True


def numbers_used(meeting: Meeting, body: Body, tree: AgendaTree | None = None) -> list[int]:
    """The running numbers of the meeting's numbered top-level items that fit the pattern."""
    tree = tree or AgendaTree(meeting.id)
    found = (
        parse_minute_number(
            body.numbering_pattern, item.number, meeting.date, body.numbering_year_starts
        )
        for item in tree.children(None)
        if item.number
    )
    return [n for n in found if n is not None]


def numbered_meeting(meeting: Meeting, *, later: bool) -> Meeting | None:
    """The body's nearest meeting before (or after) this one whose items have numbers."""
    has_numbers = fn.EXISTS(
        AgendaItem.select(AgendaItem.id).where(
            (AgendaItem.meeting == Meeting.id)
            & AgendaItem.deleted_at.is_null()
            & (AgendaItem.number != "")
        )
    )
    day, start = meeting.date, meeting.start_time
    if later:
        when = (Meeting.date > day) | ((Meeting.date == day) & (Meeting.start_time > start))
        order = (Meeting.date, Meeting.start_time)
    else:
        when = (Meeting.date < day) | ((Meeting.date == day) & (Meeting.start_time < start))
        order = (Meeting.date.desc(), Meeting.start_time.desc())
    return (
        Meeting.live()
        .where(
            (Meeting.body == meeting.__data__["body"])
            & (Meeting.id != meeting.id)
            & when
            & has_numbers
        )
        .order_by(*order)
        .first()
    )


def counter_before(meeting: Meeting, body: Body, tree: AgendaTree) -> int | None:
    """The body's next number as it was before this meeting's agenda took its numbers (the
    undo of publishing), or None when the body keeps no counter (restarting every meeting)."""
    if body.numbering_restart == "per-meeting":
        return None
    numbered = [item for item in tree.children(None) if item.number]
    used = numbers_used(meeting, body, tree)
    starts = body.numbering_year_starts
    before = numbered_meeting(meeting, later=False)
    restarted = (
        body.numbering_restart == "yearly"
        and before is not None
        and first_year(before.date, starts) != first_year(meeting.date, starts)
    )
    if restarted:
        earlier = numbers_used(before, body)
        if earlier:
            return max(earlier) + 1
    elif used:
        return min(used)
    # Numbers that no longer fit the pattern (it was changed since): count them off instead.
    return max(1, body.numbering_next - len(numbered))


def numbered_items(
    body: Body, meeting: Meeting | None = None, *, numbers: Collection[str] | None = None
) -> list[tuple[Hashable, str, AgendaItem]]:
    """(run, number, item) for each numbered item of the body's meetings, in date order
    (rules/numbering.py); only `meeting`'s when the body restarts every meeting, and only
    those numbered one of `numbers` if given."""
    query = (
        AgendaItem.live()
        .select(AgendaItem, Meeting)
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        .where((Meeting.body == body.id) & Meeting.deleted_at.is_null() & (AgendaItem.number != ""))
        .order_by(Meeting.date, Meeting.start_time, AgendaItem.created_at, AgendaItem.hlc)
    )
    if meeting is not None and body.numbering_restart == "per-meeting":
        query = query.where(Meeting.id == meeting.id)
    if numbers is not None:
        query = query.where(AgendaItem.number.in_(list(numbers)))
    return [(run_in(body, item.meeting), item.number, item) for item in query]


def _numbers_in_run(body: Body, run: Hashable) -> list[int]:
    """The running numbers of the body's numbered items in `run` that fit the pattern."""
    found = (
        parse_minute_number(
            body.numbering_pattern, number, item.meeting.date, body.numbering_year_starts
        )
        for item_run, number, item in numbered_items(body)
        if item_run == run
    )
    return [n for n in found if n is not None]


def run_in(body: Body, meeting: Meeting) -> Hashable:
    """The run of the body's minute numbers the meeting's belong to."""
    return run_of(body.numbering_restart, meeting.date, body.numbering_year_starts, meeting.id)
