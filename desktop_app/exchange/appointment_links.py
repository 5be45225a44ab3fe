"""Which memberships and attendance lines in a file an appointment wrote, so that import
gives them the keys appointment_effects.py gives its own rows.

An election, co-option or appointment changes memberships (and a co-option the meeting's
attendance); appointment_effects.py keys each row it writes by the resolution's key and the row it
continues, which is how taking the resolution back finds what to undo. The file holds those
rows as ordinary members and attendance, and import gives every row a new key; written
plainly, the link would be lost and undoing the resolution after an import would change
nothing. So import finds the rows by the rule that made them, and writes them, once the
resolution has its key, under the key appointment_effects.py would have given them:

- the appointee's membership in the role, from the meeting's date: continuing their
  membership that ended the day before in another role, or else a row of its own;
- on an election, each former holder of the role continuing as a member from that date;
- on a co-option, the appointee's line on the meeting's attendance, present.

What an appointment replaced and deleted (a membership that began on the meeting's day, a
guest's line before a co-option) is not in the file, so undoing such an appointment after
an import takes its own row away without bringing that one back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_app.exchange.records import (
    BodyRecord,
    ExchangeRecord,
    ItemRecord,
    ResolutionRecord,
)
from desktop_app.services.decisions import appointment_effects
from desktop_app.storage.models import Attendance, Membership, Synced

if TYPE_CHECKING:
    from desktop_app.exchange.import_run import ImportRun


@dataclass(frozen=True)
class Made:
    """A row an appointment wrote: the resolution's place in the file, and the place of the
    membership it continued (None: a row of its own)."""

    resolution: str
    continues: str | None = None


@dataclass
class _Deferred:
    model: type[Synced]
    path: str
    create: dict[str, Any]
    values: dict[str, Any]
    day: dt.date | None


@dataclass
class AppointmentLinks:
    """The rows of one import that appointments wrote, and their keys once known."""

    made: dict[str, Made]
    rows: dict[str, Synced] = field(default_factory=dict)  # by place in the file
    deferred: list[_Deferred] = field(default_factory=list)

    @classmethod
    def of(cls, record: ExchangeRecord) -> AppointmentLinks:
        return cls(made_by_appointments(record))

    def saved(self, path: str, row: Synced) -> None:
        """Note the row written for a member or resolution at `path`."""
        self.rows[path] = row

    def defer(self, model: type[Synced], path: str, create: dict, values: dict) -> bool:
        """Keep a new row an appointment wrote to be written by `write`; False for others."""
        if path not in self.made:
            return False
        day = create.get("from_date") if model is Membership else None
        self.deferred.append(_Deferred(model, path, create, values, day))
        return True

    def write(self, applier: ImportRun) -> None:
        """Write the kept rows under appointment_effects.py's keys (after every resolution)."""
        # A continued membership is written before the one continuing it: it ends earlier.
        order = sorted(
            self.deferred,
            key=lambda d: (d.model is Attendance, d.day or dt.date.min),
        )
        for deferred in order:
            made = self.made[deferred.path]
            resolution = self.rows[made.resolution]
            if made.continues is not None:
                what = self.rows[made.continues].id
            else:
                what = "attendance" if deferred.model is Attendance else "new"
            # The rule appointment_effects.py keys its rows by (its `_slot`), so undo finds them.
            self.rows[deferred.path] = applier.save(
                deferred.model,
                None,
                _id=appointment_effects._slot(resolution, what),
                **deferred.create,
                **deferred.values,
            )


def made_by_appointments(record: ExchangeRecord) -> dict[str, Made]:
    """The member and attendance records (by their place in the file) that an appointment
    in the file wrote."""
    bodies = {body.name.casefold(): body for body in record.bodies}
    made: dict[str, Made] = {}
    for body in record.bodies:
        for meeting in body.meetings:
            for resolution in _resolutions(meeting.items):
                if resolution.kind == "resolution" or resolution.term == "meeting":
                    continue
                target = bodies.get((resolution.appointed_body or body.name).casefold())
                if target is not None:
                    _memberships(target, meeting.date, resolution, made)
                if resolution.kind == "co-option":
                    for line in meeting.attendance:
                        if line.person == resolution.appointee and line.status == "present":
                            made.setdefault(line.path, Made(resolution.path))
    return made


def _memberships(
    body: BodyRecord, day: dt.date, resolution: ResolutionRecord, made: dict[str, Made]
) -> None:
    eve = day - dt.timedelta(days=1)

    def ended(person: str, role_wanted) -> str | None:
        """The person's membership that ended the day before, in a role `role_wanted` likes."""
        for member in body.members:
            if member.person == person and member.to_date == eve and role_wanted(member.role):
                return member.path
        return None

    for member in body.members:
        if member.from_date != day or member.path in made:
            continue
        if member.person == resolution.appointee and member.role == resolution.role:
            continued = ended(member.person, lambda role: role != resolution.role)
            made[member.path] = Made(resolution.path, continued)
        elif resolution.role in appointment_effects.ELECTED_ROLES and member.role == "member":
            continued = ended(member.person, lambda role: role == resolution.role)
            if continued is not None:
                made[member.path] = Made(resolution.path, continued)


def _resolutions(items: list[ItemRecord]):
    for item in items:
        yield from item.resolutions
        yield from _resolutions(item.items)
