"""The generated council: its organisations, people and bodies, who sits where, and when
each body met. Every choice comes from the one seeded RNG that `bench.dataset` passes in,
so the same seed gives the same rows.

What happened at each meeting (items, minutes, attendance) is in `bench.proceedings`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from bench import wording
from desktop_app.storage.models import Membership, Organisation, Person

BENCH_BODY = "Bench Board"
# Two meetings of exactly 15 items, every item minuted: "open a meeting with 15 items"
# alternates between them so that no cache hides the cost.
BENCH_DATES = (dt.date(2020, 6, 15), dt.date(2020, 7, 20))
BENCH_ITEMS = 15

# DESIGN.md §6 at scale 1.0; `scale` shrinks these for tests.
FULL = {"organisations": 40, "people": 600, "bodies": 50, "meetings_per_body": 100}
FIRST_YEAR, YEARS = 2015, 10
MONTHS = (1, 2, 3, 4, 5, 6, 7, 9, 10, 11)  # bodies rarely meet in August or December
SLOTS = [(year, month) for year in range(FIRST_YEAR, FIRST_YEAR + YEARS) for month in MONTHS]
SET_UP = dt.datetime(FIRST_YEAR - 1, 11, 3, 9, 30, tzinfo=dt.UTC)

KINDS = (
    ("committee", None),
    ("committee", None),
    ("board", None),
    ("panel", None),
    ("sub-committee", "parent"),
    ("delivery group", "parent"),
    ("task-and-finish group", "parent"),
    ("working group", "parent"),
)
NUMBERING = (
    ("{n}", "never"),
    ("{n}", "never"),
    ("{yy}/{n}", "yearly"),
    ("Cou/{n}/{yy}-{yy1}", "yearly"),
    ("{n}", "per-meeting"),
)


@dataclass
class Someone:
    id: str
    label: str  # how minutes name a person: "Cllr Stockell", "Mr Foster"
    organisation_id: str
    position: str
    councillor: bool


@dataclass
class Seat:
    person: Someone
    role: str
    voting: bool


@dataclass
class Board:
    """A body as the generator needs it while writing its meetings."""

    id: str
    name: str
    venue: str
    seats: list[Seat]
    numbering_pattern: str
    numbering_restart: str
    weekday: int
    week: int
    row: dict = field(repr=False, default_factory=dict)

    @property
    def chair(self) -> Someone:
        return self.seats[0].person


def scaled(name: str, scale: float, minimum: int) -> int:
    return max(minimum, round(FULL[name] * scale))


def organisations(rng: random.Random, stamps, rows, scale: float) -> list[str]:
    ids = []
    for i in range(scaled("organisations", scale, 5)):
        stem = wording.ORGANISATION_STEMS[i % len(wording.ORGANISATION_STEMS)]
        name = stem if i < len(wording.ORGANISATION_STEMS) else f"{stem} ({i})"
        row = stamps.synced(_at(SET_UP, minutes=i)) | {"name": name}
        rows.add(Organisation, row)
        ids.append(row["id"])
    return ids


def people(rng: random.Random, stamps, rows, scale: float, org_ids: list[str]) -> list[Someone]:
    # The first organisations are councils; councillors belong to one of them.
    councils = org_ids[:2]
    found: list[Someone] = []
    keys: set[str] = set()
    names: set[str] = set()
    for i in range(scaled("people", scale, 40)):
        councillor = i % 5 < 2
        while True:
            first, last = rng.choice(wording.FIRST_NAMES), rng.choice(wording.LAST_NAMES)
            if (first, last) not in names:
                names.add((first, last))
                break
        key = _unique_key(re.sub(r"[^a-z]", "", (last + first[0]).lower()), keys)
        if councillor:
            title, organisation = rng.choice(wording.COUNCILLOR_TITLES), rng.choice(councils)
            position = "Borough Councillor" if organisation == councils[0] else "County Councillor"
        else:
            title, organisation = rng.choice(wording.OFFICER_TITLES), rng.choice(org_ids)
            position = rng.choice(wording.POSITIONS)
        row = stamps.synced(_at(SET_UP, days=1, minutes=i)) | {
            "key": key,
            "title": title,
            "name": f"{first} {last}",
            "organisation": organisation,
            "position": position,
            "email": f"{key}@example.org.uk",
            "phone": f"01622 {rng.randint(600000, 799999)}",
        }
        rows.add(Person, row)
        found.append(Someone(row["id"], f"{title} {last}", organisation, position, councillor))
    return found


def bodies(rng: random.Random, stamps, everyone: list[Someone], scale: float) -> list[Board]:
    """The bodies with their members. Body rows are added to `rows` later, by the caller,
    once the meetings have moved each body's next minute number on."""
    boards: list[Board] = []
    for i in range(scaled("bodies", scale, 2)):
        if i == 0:
            name, kind, parent = BENCH_BODY, "board", None
            pattern, restart, weekday, week = "{n}", "never", 0, 3  # third Monday
        else:
            theme = wording.BODY_THEMES[(i - 1) % len(wording.BODY_THEMES)]
            kind, wants_parent = rng.choice(KINDS)
            name = f"{theme} {kind.title().replace('-And-', ' and ')}"
            if i > len(wording.BODY_THEMES):
                name += f" {i}"
            tops = [b for b in boards if b.row["parent"] is None]
            parent = rng.choice(tops).id if wants_parent else None
            pattern, restart = rng.choice(NUMBERING)
            weekday, week = rng.randint(0, 3), rng.randint(1, 4)
        venue = rng.choice(wording.VENUES)
        row = stamps.synced(_at(SET_UP, days=2, minutes=i)) | {
            "name": name,
            "kind": kind,
            "parent": parent,
            "quorum": rng.choice(("3", "4", "1/3", "1/4")),
            "venue": venue,
            "numbering_pattern": pattern,
            "numbering_restart": restart,
            "numbering_year_starts": "05-01",
        }
        seats = _seats(rng, everyone)
        boards.append(Board(row["id"], name, venue, seats, pattern, restart, weekday, week, row))
    return boards


def memberships(stamps, rows, boards: list[Board]) -> None:
    for board in boards:
        for n, seat in enumerate(board.seats):
            row = stamps.synced(_at(SET_UP, days=3, minutes=n)) | {
                "body": board.id,
                "person": seat.person.id,
                "role": seat.role,
                "organisation": seat.person.organisation_id,
                "voting": seat.voting,
                "from_date": dt.date(FIRST_YEAR, 1, 1).isoformat(),
            }
            rows.add(Membership, row)


def meeting_dates(rng: random.Random, board: Board, count: int) -> list[dt.date]:
    """`count` dates on the body's usual day of the month; the Bench Board always has
    the two benchmark dates."""
    if count >= len(SLOTS):
        chosen = list(range(len(SLOTS)))
    else:
        chosen = rng.sample(range(len(SLOTS)), count)
        if board.name == BENCH_BODY:
            wanted = [SLOTS.index((d.year, d.month)) for d in BENCH_DATES]
            spare = [i for i in chosen if i not in wanted]
            chosen = spare[: count - len(wanted)] + wanted
    days = [_nth_weekday(*SLOTS[i], board.weekday, board.week) for i in sorted(chosen)]
    if board.name == BENCH_BODY:
        assert all(d in days for d in BENCH_DATES), "the Bench Board meets on third Mondays"
    return days


def municipal_year(day: dt.date) -> int:
    return day.year if (day.month, day.day) >= (5, 1) else day.year - 1


def minute_number(pattern: str, n: int, day: dt.date) -> str:
    year = municipal_year(day)
    return pattern.format(
        n=n, yy=f"{year % 100:02d}", yy1=f"{(year + 1) % 100:02d}", yyyy=year, yyyy1=year + 1
    )


def _seats(rng: random.Random, everyone: list[Someone]) -> list[Seat]:
    size = rng.randint(10, 20)
    councillors = [p for p in everyone if p.councillor]
    officers = [p for p in everyone if not p.councillor]
    n_officers = rng.randint(2, 4)
    n_subs = rng.randint(1, 2)
    chosen_officers = rng.sample(officers, n_officers)
    chosen_members = rng.sample(councillors, size - n_officers)
    seats = [Seat(chosen_members[0], "chair", True), Seat(chosen_members[1], "vice-chair", True)]
    for person in chosen_members[2 : len(chosen_members) - n_subs]:
        seats.append(Seat(person, rng.choice(("member",) * 6 + ("co-opted",)), True))
    seats += [Seat(p, "substitute", True) for p in chosen_members[len(chosen_members) - n_subs :]]
    for person in chosen_officers:
        seats.append(Seat(person, rng.choice(("officer", "officer", "adviser", "observer")), False))
    return seats


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _unique_key(stem: str, taken: set[str]) -> str:
    key, n = stem, 1
    while key in taken:
        n += 1
        key = f"{stem}{n}"
    taken.add(key)
    return key


def _at(start: dt.datetime, *, days: int = 0, minutes: int = 0) -> dt.datetime:
    return start + dt.timedelta(days=days, minutes=minutes)
