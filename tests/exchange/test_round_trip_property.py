"""Property: any small, valid record survives export and import into an empty folder."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import vocabulary
from desktop_app.exchange import export_data, import_data
from desktop_app.rules import schedule12a
from desktop_app.rules.attending import ATTENDING
from desktop_app.storage.models import JournalEntry
from tests.exchange.databases import opened

# `make test` runs a short draw, the same at every run (a suite that passes passes again);
# `make reliability` draws a long, new one (MINUTE_BOOK_ROUND_TRIPS), which is where the
# defects are found.
EXAMPLES = int(os.environ.get("MINUTE_BOOK_ROUND_TRIPS", "15"))
DRAWN_AFRESH = "MINUTE_BOOK_ROUND_TRIPS" in os.environ

# Any script, emoji included; no control characters or lone surrogates in a name.
names = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=24)
    .map(str.strip)
    .filter(bool)
)
# Free text keeps line breaks and tabs, and no other control character (rules/text.py).
paragraphs = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=80
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
instants = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2040, 12, 31),
    timezones=st.just(dt.UTC),
).map(lambda moment: moment.isoformat(timespec="milliseconds"))
fingerprints = st.text("0123456789abcdef", min_size=64, max_size=64)


def optional(strategy):
    return st.one_of(st.none(), strategy)


@st.composite
def appointments(draw, people: list[str]) -> dict:
    """What an election, co-option or appointment adds to a resolution; {} for neither."""
    kind = draw(st.sampled_from(vocabulary.RESOLUTION_KINDS))
    if kind == "resolution":
        return {}
    found = {"kind": kind, "appointee": draw(st.sampled_from(people))}
    if kind == "election":
        found["role"] = draw(st.sampled_from(["chair", "vice-chair"]))
        found["term"] = draw(st.sampled_from(vocabulary.TERMS))
    elif kind == "co-option":
        found["role"] = "co-opted"
    else:
        found["role"] = draw(st.sampled_from(vocabulary.ROLES))
        if draw(st.booleans()):
            found["term"] = "meeting"  # an office for this meeting only
    return found


@st.composite
def minutes_versions(draw, other_days: list[dt.date]) -> list[dict]:
    found = []
    for number in draw(st.lists(st.integers(1, 6), unique=True, max_size=3)):
        state = draw(st.sampled_from(vocabulary.MINUTES_STATES))
        version = {
            "version": number,
            "state": state,
            "created_by": draw(optional(names)),
            "circulated_at": draw(optional(instants)),
            "content_sha256": draw(optional(fingerprints)),
        }
        if state in ("approved", "signed"):
            version["approved_at"] = draw(instants)
            version["approved_minute"] = draw(st.sampled_from(["", "1", "23/21"]))
            if other_days:
                version["approved_at_meeting"] = draw(
                    optional(st.sampled_from(other_days).map(dt.date.isoformat))
                )
        found.append(version)
    return found


@st.composite
def votes(draw, voters: list[str]) -> dict:
    """How a motion was voted on, as it could have been with `voters` able to vote: the
    counts within their number, named votes that fit the counts (rules/votes.py)."""
    how = draw(st.sampled_from(["", "unopposed", "casting"]))
    if how == "casting":
        in_favour = against = draw(st.integers(0, len(voters) // 2))
    else:
        in_favour = draw(st.integers(0, len(voters)))
        against = (
            0 if how == "unopposed" else draw(optional(st.integers(0, len(voters) - in_favour)))
        )
        against = draw(st.sampled_from([None, against])) if how == "unopposed" else against
    left = {"for": in_favour, "against": against, "abstain": None}
    named = []
    for key in draw(
        st.lists(st.sampled_from(voters), unique=True, max_size=2) if voters else st.just([])
    ):
        fits = [v for v in vocabulary.VOTES if left[v] is None or left[v] > 0]
        if how == "unopposed":
            fits = [v for v in fits if v != "against"]
        vote = draw(st.sampled_from(fits))
        if left[vote] is not None:
            left[vote] -= 1
        named.append({"person": key, "vote": vote})
    return {
        "proposer": draw(optional(st.sampled_from(voters))) if voters else None,
        "votes": {"for": in_favour, "against": against},
        "named_votes": named,
        "unopposed": how == "unopposed",
        "casting_vote": how == "casting",
    }


def minute_number(draw, numbers) -> str:
    """ "" or a number no other item of the file has (rules/numbering.py)."""
    if not draw(st.booleans()):
        return ""
    return draw(st.sampled_from(["{}", "23/{}", "{}a"])).format(next(numbers))


@st.composite
def items(
    draw,
    people: list[str],
    parties: list[str],
    other_days: list[dt.date],
    voters: list[str],
    numbers,
    depth: int = 0,
    withdrawn: frozenset[str] = frozenset(),
) -> dict:
    """An item; it may link to a meeting of the body on one of `other_days`. `voters` may
    vote at its meeting, less those `withdrawn` for an item it sits under."""
    item = {
        "number": minute_number(draw, numbers),
        "title": draw(names),
        "kind": draw(st.sampled_from(vocabulary.ITEM_KINDS)),
        "presenter": draw(optional(st.sampled_from(parties))),
        "purpose": draw(st.sampled_from(vocabulary.PURPOSES)),
        "confidential": draw(st.booleans()),
        "started": draw(st.sampled_from(["", "14:35", "09:05"])),
        "linked_meeting": draw(
            optional(st.sampled_from(other_days).map(dt.date.isoformat))
            if other_days
            else st.none()
        ),
        "cites": draw(optional(names)),
    }
    if item["confidential"]:  # a published agenda says why (rules/schedule12a.py)
        item["exempt_paragraph"] = draw(st.sampled_from(schedule12a.PARAGRAPHS))
    if draw(st.booleans()):
        item["minute"] = {
            "overview": draw(paragraphs),
            "key_points": draw(st.lists(paragraphs, max_size=3)),
            "decision": draw(paragraphs),
        }
    item["declarations"] = [
        {
            "person": draw(st.sampled_from(people)),
            "kind": draw(st.sampled_from(["", "pecuniary"])),
            "description": draw(paragraphs),
            "left_room": draw(st.booleans()),
            "left_at": draw(st.sampled_from(["", "14:50"])),
            "returned_at": draw(st.sampled_from(["", "15:20"])),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    # Who left the room for this item, or one it sits under, may not vote on it.
    withdrawn = withdrawn | {d["person"] for d in item["declarations"] if d["left_room"]}
    eligible = [key for key in voters if key not in withdrawn]
    item["resolutions"] = [
        {
            "text": draw(names),
            "outcome": draw(st.sampled_from(vocabulary.OUTCOMES)),
            **draw(votes(eligible)),
            **draw(appointments(people)),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    item["actions"] = [
        {
            "text": draw(names),
            "owner": draw(optional(st.sampled_from(parties))),
            "due": draw(optional(dates.map(dt.date.isoformat))),
            "status": draw(st.sampled_from(vocabulary.ACTION_STATUSES)),
            "progress": draw(paragraphs),
            "notes": [
                {
                    "date": draw(dates).isoformat(),
                    "text": draw(names),
                    "meeting": draw(
                        optional(st.sampled_from(other_days).map(dt.date.isoformat))
                        if other_days
                        else st.none()
                    ),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    if depth == 0:
        item["items"] = draw(
            st.lists(items(people, parties, other_days, voters, numbers, 1, withdrawn), max_size=2)
        )
    return item


@st.composite
def meetings(
    draw,
    people: list[str],
    parties: list[str],
    day: dt.date,
    days: list[dt.date],
    voting_members: set[str],
    numbers,
) -> dict:
    start = draw(st.sampled_from(["", "09:30", "14:30"]))
    attending = draw(st.lists(st.sampled_from(people), unique=True, max_size=len(people)))
    attendance = [
        {
            "person": key,
            "status": draw(st.sampled_from(vocabulary.ATTENDANCE_STATUSES)),
            "capacity": draw(optional(names)),
            "arrived": draw(st.sampled_from(["", "14:40"])),
            "left": draw(st.sampled_from(["", "18:00"])),
        }
        for key in attending
    ]
    # Present throughout, with a vote: whatever time an item is taken, they may vote on it.
    voters = [
        line["person"]
        for line in attendance
        if line["status"] == "present"
        and line["person"] in voting_members
        and not (line["arrived"] or line["left"])
    ]
    versions = draw(minutes_versions([d for d in days if d != day]))
    statuses = vocabulary.MEETING_STATUSES
    if not any(version["state"] == "signed" for version in versions):
        # Minutes are marked signed only with a signed version (rules/minutes_status.py).
        statuses = tuple(status for status in statuses if status != "minutes signed")
    meeting = {
        "date": day.isoformat(),
        "start": start,
        "end": draw(st.sampled_from(["", "19:00"])) if start else "",
        "venue": draw(optional(names)),
        "kind": draw(st.sampled_from(vocabulary.MEETING_KINDS)),
        "status": draw(st.sampled_from(statuses)),
        "reason": draw(optional(names)),
        "public": draw(st.booleans()),
        "chair": draw(optional(st.sampled_from(people))),
        "public_attendees": draw(optional(st.integers(0, 40))),
        "next_meeting": draw(optional(st.just((day + dt.timedelta(days=28)).isoformat()))),
        "minutes_versions": versions,
        "attendance": attendance,
        "items": draw(
            st.lists(
                items(people, parties, [d for d in days if d != day], voters, numbers),
                max_size=3,
            )
        ),
    }
    # Someone attending may have come in, or gone out, during one of the items: a voter
    # only during the first item (arriving) or the last (leaving), so that every vote drawn
    # above could still be cast (voting.py: a member votes from the item they arrived
    # during, up to the one they left during). The agenda is taken in the order it is held
    # in, Part II after Part I (agenda_tree.py), whatever the file's order.
    in_parts = sorted(meeting["items"], key=lambda item: item["confidential"])
    agenda = [found for item in in_parts for found in (item, *item["items"])]
    for line in attendance if agenda else ():
        if line["status"] in ATTENDING:
            votes_throughout = line["person"] in voters
            for key, edge in (("arrivals", 0), ("departures", len(agenda) - 1)):
                places = st.just(edge) if votes_throughout else st.integers(0, len(agenda) - 1)
                place = draw(optional(places))
                if place is not None:
                    agenda[place].setdefault(key, []).append(line["person"])
    return meeting


@st.composite
def exchanges(draw) -> dict:
    organisations = draw(st.lists(names, max_size=3, unique_by=str.casefold))
    keys = draw(st.lists(names, min_size=1, max_size=5, unique=True))
    people = [
        {
            "key": key,
            "title": draw(st.sampled_from(["", "Cllr", "Dr"])),
            "name": draw(names),
            "organisation": draw(st.sampled_from(["", *organisations])),
            "phone": draw(st.sampled_from(["", "01622 694000", "+44 20 7946 0000"])),
        }
        for key in keys
    ]
    parties = keys + organisations
    numbers = itertools.count(1)
    bodies = []
    for index, name in enumerate(
        draw(st.lists(names, min_size=1, max_size=2, unique_by=str.casefold))
    ):
        days = draw(st.lists(dates, max_size=3, unique=True))
        members = [
            {
                "person": key,
                "role": draw(st.sampled_from(vocabulary.ROLES)),
                "voting": draw(st.booleans()),
            }
            for key in draw(st.lists(st.sampled_from(keys), unique=True))
        ]
        voting_members = {m["person"] for m in members if m["voting"] and m["role"] != "substitute"}
        bodies.append(
            {
                "name": name,
                "kind": draw(st.sampled_from(vocabulary.BODY_KINDS)),
                "parent": bodies[0]["name"] if index and draw(st.booleans()) else None,
                "quorum": draw(st.one_of(st.none(), st.integers(0, 12), st.just("1/3"))),
                "numbering": {
                    "pattern": draw(st.sampled_from(["{n}", "{yy}/{n}", "Cou/{n}/{yy}-{yy1}"])),
                    "restart": draw(st.sampled_from(vocabulary.NUMBERING_RESTARTS)),
                    "next": draw(st.integers(1, 500)),
                    "sub": draw(st.sampled_from(vocabulary.SUB_NUMBERING)),
                },
                "template": draw(
                    optional(
                        st.lists(
                            st.fixed_dictionaries(
                                {"title": names, "kind": st.sampled_from(vocabulary.ITEM_KINDS)}
                            ),
                            max_size=3,
                        )
                    )
                ),
                "members": members,
                "meetings": [
                    draw(meetings(keys, parties, day, days, voting_members, numbers))
                    for day in days
                ],
            }
        )
    return {
        "format": "minute-book/1",
        "organisations": [{"name": name} for name in organisations],
        "people": people,
        "bodies": bodies,
    }


@settings(
    max_examples=EXAMPLES,
    derandomize=not DRAWN_AFRESH,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(exchanges())
def test_export_then_import_into_an_empty_folder_gives_the_same_record(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with opened(root / "first"):
            import_data(data, base_dir=root)
            first = export_data()
            journal = JournalEntry.select().count()
            assert not import_data(data, base_dir=root).changed
            assert JournalEntry.select().count() == journal
        with opened(root / "second"):
            import_data(first, base_dir=root)
            assert export_data() == first
