"""What happened at each meeting of the generated council: the agenda with its minute
numbers, who attended, the minutes, resolutions and declarations, and afterwards the
actions and reports spread over all items."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bench import wording
from bench.council import (
    BENCH_BODY,
    BENCH_DATES,
    BENCH_ITEMS,
    FIRST_YEAR,
    YEARS,
    Board,
    Someone,
    meeting_dates,
    minute_number,
    municipal_year,
)
from bench.report_pdf import report_pdf
from desktop_app.rules import ranks
from desktop_app.services.papers.documents import keep_text
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    Meeting,
    Minute,
    Resolution,
)

ITEMS_PER_MEETING = 12  # on average; the totals come in pairs that sum to 24
ATTENDANCE_PER_MEETING = 20  # 100,000 rows over 5,000 meetings
ACTIONS_PER_ITEM = 1 / 3  # 20,000 of 60,000
DOCUMENTS_PER_ITEM = 0.05  # 3,000 of 60,000
MINUTED = 0.9  # share of items with a Minute row; the rest were never written up
# The first Bench Board meeting carries a report this long on each of its nine substantive
# items, so that its agenda pack comes to about 300 pages.
PACK_REPORT_PAGES = 32
REPORT_SENTENCES = 4  # words kept per page of a report, for search
LAST_DAY = dt.date(FIRST_YEAR + YEARS - 1, 12, 31)

OPENING = ("apologies", "declarations", "previous minutes", "matters arising")
CLOSING = ("any other business", "date of next meeting")
SUBSTANTIVE = ("report", "report", "report", "paper", "presentation", "information")
FIXED_TITLES = {
    "apologies": "Apologies for Absence",
    "declarations": "Declarations of Interest",
    "matters arising": "Matters and Actions Arising",
    "any other business": "Any Other Business",
    "date of next meeting": "Date of Next Meeting",
}
OUTCOMES = ("resolved",) * 4 + ("agreed", "approved", "endorsed", "noted", "deferred", "rejected")
UTC = dt.UTC


@dataclass
class Candidate:
    """An item that may later get an action or a report."""

    item_id: str
    title: str
    kind: str
    day: dt.date
    topic: str
    presenter: Someone
    present: list[Someone]
    confidential: bool


@dataclass
class Sitting:
    """One meeting while its items are being written."""

    id: str
    board: Board
    day: dt.date
    start: str
    previous_day: dt.date | None
    next_day: dt.date | None
    present: list[Someone]  # voting members present, for proposers and declarations
    apologies: list[Someone]


class Proceedings:
    def __init__(
        self,
        rng: random.Random,
        stamps,
        rows,
        store: Callable[[bytes], str],
        everyone: list[Someone],
        org_ids: list[str],
    ) -> None:
        self.rng, self.stamps, self.rows, self.store = rng, stamps, rows, store
        self.everyone, self.org_ids = everyone, org_ids
        self.candidates: list[Candidate] = []
        self.pack_items: list[Candidate] = []

    def meetings(self, board: Board, count: int) -> None:
        """All of one body's meetings, numbering minutes on from meeting to meeting."""
        rng = self.rng
        days = meeting_dates(rng, board, count)
        bench = [i for i, d in enumerate(days) if board.name == BENCH_BODY and d in BENCH_DATES]
        totals = self._item_totals(len(days), bench)
        n, year, previous_id = 1, None, None
        for i, (day, total) in enumerate(zip(days, totals, strict=True)):
            if board.numbering_restart == "per-meeting" or (
                board.numbering_restart == "yearly" and municipal_year(day) != year
            ):
                n = 1
            year = municipal_year(day)
            start_hour = rng.choice((10, 14, 18))
            start = f"{start_hour:02d}:{rng.choice(('00', '30'))}"
            end = f"{start_hour + rng.randint(1, 3):02d}:{rng.choice(('05', '20', '45'))}"
            row = self.stamps.synced(_at(day, -28, 9), _at(day, 10, 11)) | {
                "body": board.id,
                "date": day.isoformat(),
                "start_time": start,
                "end_time": end,
                "venue": board.venue,
                "kind": "annual" if day.month == 5 and day.year > FIRST_YEAR else "ordinary",
                "status": "minutes drafted" if i == len(days) - 1 else "minutes approved",
                "is_public": rng.random() > 0.05,
                "previous": previous_id,
                "chair": board.chair.id,
                "public_attendees": rng.choice((None, 0, 2, 5, 12)),
            }
            self.rows.add(Meeting, row)
            sitting = Sitting(
                row["id"],
                board,
                day,
                start,
                days[i - 1] if i else None,
                days[i + 1] if i + 1 < len(days) else None,
                [],
                [],
            )
            self._attendance(sitting)
            n = self._agenda(sitting, total, n, bench=i in bench)
            previous_id = row["id"]
        board.row["numbering_next"] = n

    def actions(self) -> None:
        target = round(self.rows.counts["agenda_item"] * ACTIONS_PER_ITEM)
        picks = self._pick(self.candidates, target)
        positions: Counter[str] = Counter()
        for item in picks:
            rng = self.rng
            due = item.day + dt.timedelta(days=rng.randint(14, 120))
            if due < LAST_DAY - dt.timedelta(days=180) and rng.random() < 0.9:
                status, progress, updated = "done", "Completed.", due
            else:
                status = rng.choice(("open", "on track", "at risk", "late"))
                progress, updated = "Update expected at the next meeting.", item.day
            owner = rng.choice(item.present) if item.present else item.presenter
            by_org = rng.random() < 0.3
            row = self.stamps.synced(_at(item.day, 3, 10), _at(updated, 1, 16)) | {
                "item": item.item_id,
                "position": positions[item.item_id],
                "text": wording.action_text(rng, item.topic),
                "owner_person": None if by_org else owner.id,
                "owner_organisation": owner.organisation_id if by_org else None,
                "due": due.isoformat(),
                "status": status,
                "progress": progress,
            }
            positions[item.item_id] += 1
            self.rows.add(Action, row)

    def documents(self) -> None:
        """Reports on the pack meeting's items first, then on items drawn at random."""
        target = round(self.rows.counts["agenda_item"] * DOCUMENTS_PER_ITEM)
        papers = [c for c in self.candidates if c.kind in ("report", "paper", "presentation")]
        others = [c for c in papers if c not in self.pack_items]
        picks = [(c, PACK_REPORT_PAGES) for c in self.pack_items]
        picks += [
            (c, self.rng.randint(2, 18))
            for c in self._pick(others, max(0, target - len(self.pack_items)))
        ]
        for item, pages in picks:
            content = report_pdf(self.rng, label=item.title, pages=pages)
            sha = self.store(content)
            assert sha == hashlib.sha256(content).hexdigest()
            # The stand-in PDFs draw bars, not words: keep the words a report on this topic
            # would hold, as attaching one does, so that search has reports to look through.
            keep_text(sha, self._report_words(item, pages))
            row = self.stamps.synced(_at(item.day, -8, 15)) | {
                "item": item.item_id,
                "title": item.title,
                "author": item.presenter.label,
                "date": (item.day - dt.timedelta(days=8)).isoformat(),
                "confidential": item.confidential,
                "filename": f"report-{sha[:12]}.pdf",
                "sha256": sha,
                "size": len(content),
            }
            self.rows.add(Document, row)

    def _report_words(self, item: Candidate, pages: int) -> str:
        """A paragraph a page, the item's title first."""
        speaker = item.presenter.label
        paragraphs = (
            wording.paragraph(self.rng, speaker, item.topic, REPORT_SENTENCES) for _ in range(pages)
        )
        return " ".join((item.title, *paragraphs))

    def _item_totals(self, count: int, fixed: list[int]) -> list[int]:
        """Items per meeting: 15 at the benchmark meetings, each offset by a 9 elsewhere,
        the rest in pairs summing to 24, so the mean is exactly 12."""
        rng = self.rng
        totals: list[int | None] = [None] * count
        for i in fixed:
            totals[i] = BENCH_ITEMS
        free = [i for i in range(count) if totals[i] is None]
        for i in rng.sample(free, len(fixed)):
            totals[i] = 2 * ITEMS_PER_MEETING - BENCH_ITEMS
        free = [i for i in range(count) if totals[i] is None]
        values: list[int] = []
        for _ in range(len(free) // 2):
            t = rng.randint(9, 15)
            values += [t, 2 * ITEMS_PER_MEETING - t]
        values += [ITEMS_PER_MEETING] * (len(free) % 2)
        rng.shuffle(values)
        for i, value in zip(free, values, strict=True):
            totals[i] = value
        return totals

    def _attendance(self, sitting: Sitting) -> None:
        rng, board = self.rng, sitting.board
        seats = board.seats
        substitutes = [s.person for s in seats if s.role == "substitute"]
        listed: list[tuple[Someone, str, Someone | None, str]] = []
        for seat in seats:
            if seat.role == "substitute":
                continue
            r = rng.random()
            status = "present" if r < 0.8 else "apologies" if r < 0.95 else "absent"
            listed.append((seat.person, status, None, seat.role.title()))
            if status == "apologies":
                sitting.apologies.append(seat.person)
                if substitutes and rng.random() < 0.5:
                    stand_in = substitutes.pop(rng.randrange(len(substitutes)))
                    listed.append((stand_in, "substitute", seat.person, "Substitute"))
            elif status == "present" and seat.voting:
                sitting.present.append(seat.person)
        members = {s.person.id for s in seats}
        pool = [
            p for p in rng.sample(self.everyone, min(45, len(self.everyone))) if p.id not in members
        ]
        for person in pool[: ATTENDANCE_PER_MEETING - len(listed)]:
            listed.append((person, "in attendance", None, person.position))
        for person, status, instead_of, capacity in listed:
            late = status == "present" and rng.random() < 0.1
            row = self.stamps.synced(_at(sitting.day, 0, 9)) | {
                "meeting": sitting.id,
                "person": person.id,
                "status": status,
                "substitute_for": instead_of.id if instead_of else None,
                "capacity": capacity,
                "arrived": _later(sitting.start, 25) if late else "",
            }
            self.rows.add(Attendance, row)

    def _agenda(self, sitting: Sitting, total: int, n: int, *, bench: bool) -> int:
        """Write the meeting's items (and their minutes); returns the next minute number."""
        rng = self.rng
        kinds = list(OPENING)
        if sitting.previous_day is None:
            kinds[2] = "information"  # a body's first meeting has no minutes to approve
        extra = total - len(OPENING) - len(CLOSING)
        sub_count = 0 if bench else min(rng.choice((0, 0, 0, 1, 2, 3)), extra - 1)
        # The benchmark meetings hold reports only, so their pack has a paper on every item.
        substantive = ("report",) if bench else SUBSTANTIVE
        kinds += [rng.choice(substantive) for _ in range(extra - sub_count)] + list(CLOSING)
        with_subs = Counter(rng.choices(range(4, 4 + extra - sub_count), k=sub_count))
        pack = bench and sitting.day == BENCH_DATES[0]
        places = ranks.spread(len(kinds))
        for position, (kind, rank) in enumerate(zip(kinds, places, strict=True), start=1):
            number = minute_number(sitting.board.numbering_pattern, n, sitting.day)
            n += 1
            item = self._item(sitting, kind, rank, number, None, bench)
            if pack and kind == "report":
                self.pack_items.append(item)
            subs = with_subs[position - 1]
            for k, sub_rank in enumerate(ranks.spread(subs), start=1):
                self._item(sitting, kind, sub_rank, f"{number}.{k}", item, bench)
        return n

    def _item(
        self,
        sitting: Sitting,
        kind: str,
        rank: str,
        number: str,
        parent: Candidate | None,
        bench: bool,
    ) -> Candidate:
        rng, day = self.rng, sitting.day
        substantive = kind in SUBSTANTIVE
        topic = parent.topic if parent else rng.choice(wording.TOPICS)
        if parent:
            title = f"{parent.title}: {rng.choice(wording.SUB_ITEMS)}"
        elif substantive:
            title = wording.title(rng, topic, day.year)
        elif kind == "previous minutes":
            title = f"Minutes of the Meeting held on {_long_date(sitting.previous_day)}"
        else:
            title = FIXED_TITLES[kind]
        seats = sitting.board.seats
        presenter = (
            rng.choice([s.person for s in seats if not s.voting] or [seats[0].person])
            if substantive
            else sitting.board.chair
        )
        confidential = substantive and rng.random() < 0.03
        purpose = ""
        if substantive:
            purpose = "for information" if kind == "information" else rng.choice(wording.PURPOSES)
        row = self.stamps.synced(_at(day, -10, 12)) | {
            "meeting": sitting.id,
            "parent": parent.item_id if parent else None,
            "rank": rank,
            "number": number,
            "title": title,
            "kind": kind,
            "presenter_person": presenter.id if substantive else None,
            "presenter_organisation": presenter.organisation_id if substantive else None,
            "purpose": purpose,
            "confidential": confidential,
            "exempt_paragraph": rng.choice(("1", "2", "3", "5")) if confidential else "",
        }
        self.rows.add(AgendaItem, row)
        item = Candidate(
            row["id"], title, kind, day, topic, presenter, sitting.present, confidential
        )
        if substantive or kind == "matters arising":
            self.candidates.append(item)
        if bench or rng.random() < MINUTED:
            self._minute(sitting, item, purpose)
        if substantive and not parent and sitting.present and rng.random() < 0.06:
            self._declaration(sitting, item)
        return item

    def _minute(self, sitting: Sitting, item: Candidate, purpose: str) -> None:
        rng = self.rng
        key_points: list[str] = []
        recommendations: list[str] = []
        decision = ""
        resolution = None
        if item.kind == "apologies":
            names = ", ".join(p.label for p in sitting.apologies) or "no members"
            overview = f"Apologies for absence were received from {names}."
        elif item.kind == "declarations":
            overview = "Members were reminded of the need to declare interests as items arose."
        elif item.kind == "previous minutes":
            when = _long_date(sitting.previous_day)
            overview = f"The minutes of the meeting held on {when} were considered."
            resolution = (
                f"That the minutes of the meeting held on {when} be approved as a correct "
                "record and signed by the Chair.",
                "approved",
            )
        elif item.kind == "matters arising":
            overview = wording.paragraph(rng, sitting.board.chair.label, item.topic, 1)
            key_points = ["All actions from the last meeting were reviewed."]
        elif item.kind == "any other business":
            overview = "There was no other business."
        elif item.kind == "date of next meeting":
            overview = (
                f"The next meeting will be held on {_long_date(sitting.next_day)}."
                if sitting.next_day
                else "The date of the next meeting will be confirmed."
            )
        else:
            speaker = item.presenter.label
            overview = wording.paragraph(rng, speaker, item.topic, rng.randint(2, 4))
            key_points = [
                wording.sentence(rng, speaker, item.topic) for _ in range(rng.randint(2, 5))
            ]
            if purpose == "for decision":
                text = wording.resolution_text(rng, item.topic)
                recommendations = [text[len("That ") :].rstrip(".").capitalize() + "."]
                resolution = (text, rng.choice(OUTCOMES))
            else:
                decision = "The report was noted."
        if resolution:
            decision = f"RESOLVED: {resolution[0]}"
        row = self.stamps.synced(_at(sitting.day, 2, 10), _at(sitting.day, rng.randint(2, 9), 15))
        row |= {
            "item": item.item_id,
            "overview": overview,
            "key_points": json.dumps(key_points, ensure_ascii=False),
            "recommendations": json.dumps(recommendations, ensure_ascii=False),
            "decision": decision,
        }
        self.rows.add(Minute, row)
        if resolution:
            self._resolution(sitting, item, *resolution)

    def _resolution(self, sitting: Sitting, item: Candidate, text: str, outcome: str) -> None:
        rng = self.rng
        movers = rng.sample(sitting.present, 2) if len(sitting.present) >= 2 else [None, None]
        counted = rng.random() < 0.3
        against = rng.randint(0, 3) if counted else None
        abstain = rng.randint(0, 2) if counted else None
        votes_for = max(0, len(sitting.present) - against - abstain) if counted else None
        row = self.stamps.synced(_at(sitting.day, 2, 10)) | {
            "item": item.item_id,
            "position": 0,
            "text": text,
            "outcome": outcome,
            "proposer": movers[0].id if movers[0] else None,
            "seconder": movers[1].id if movers[1] else None,
            "votes_for": votes_for,
            "votes_against": against,
            "votes_abstain": abstain,
        }
        self.rows.add(Resolution, row)

    def _declaration(self, sitting: Sitting, item: Candidate) -> None:
        rng = self.rng
        kind = rng.choice(
            ("disclosable pecuniary interest", "other significant interest", "personal interest")
        )
        row = self.stamps.synced(_at(sitting.day, 0, 10)) | {
            "meeting": sitting.id,
            "item": item.item_id,
            "person": rng.choice(sitting.present).id,
            "kind": kind,
            "description": f"A relative is employed in connection with {item.topic}.",
            "left_room": kind != "personal interest",
        }
        self.rows.add(Declaration, row)

    def _pick(self, pool: list[Candidate], count: int) -> list[Candidate]:
        """`count` items, each at most once while the pool lasts."""
        picks = self.rng.sample(pool, min(count, len(pool)))
        return picks + self.rng.choices(pool, k=count - len(picks)) if pool else []


def _at(day: dt.date, days: int, hour: int) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=days), dt.time(hour), tzinfo=UTC)


def _later(start: str, minutes: int) -> str:
    hours, mins = map(int, start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def _long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""
