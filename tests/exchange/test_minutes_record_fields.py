"""The fields of the minutes and their record (issue 5) survive export and import: how a
resolution was carried, elections, co-options and appointments, the minutes a resolution
approved, progress notes on actions, withdrawals for an interest and minutes versions."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.decisions import actions, freeze, minutes_versions, resolutions
from desktop_app.services.decisions.appointments import appoint, co_opt, elect
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, declarations, meetings
from desktop_app.storage import changes
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import (
    ActionNote,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    JournalEntry,
    Meeting,
    Membership,
    MinutesVersion,
    Person,
    Resolution,
    db,
)
from tests.exchange.databases import EXAMPLE, every_row, opened
from tests.exchange.shapes import assert_in_format_order
from tests.services.decisions.test_voting import make_board

HERE = EXAMPLE.parent
CONTENT = "a3" * 32
PDF = "5f" * 32
SUB_GROUP = "Community Budgets (Troubled Families) Sub Group"
# The fields of issue 5, by the objects that hold them.
NEW_FIELDS = {
    "resolutions": {
        "kind",
        "appointee",
        "role",
        "appointed_body",
        "term",
        "unopposed",
        "casting_vote",
        "approves",
        "approves_sha256",
    },
    "actions": {"notes"},
    "declarations": {"left_at", "returned_at"},
    "meetings": {"minutes_versions"},
}
OCTOBER_VERSIONS = [
    {
        "version": 1,
        "state": "circulated",
        "created_at": "2012-10-05T16:00:00.000+00:00",
        "created_by": "clerk",
        "circulated_at": "2012-10-08T09:00:00.000+00:00",
        "circulated_by": "clerk",
    },
    {
        "version": 2,
        "state": "approved",
        "created_at": "2012-12-17T15:05:00.000+00:00",
        "created_by": "clerk",
        "approved_at": "2012-12-17T15:05:00.000+00:00",
        "approved_at_meeting": "2012-12-17",
        "approved_minute": "31",
        "content_sha256": CONTENT,
        "pdf_sha256": PDF,
    },
]
DECEMBER_DRAFT = {
    "version": 1,
    "state": "draft",
    "created_at": "2012-12-18T10:00:00.000+00:00",
    "created_by": "clerk",
}
ELECTIONS = [
    {
        "text": "That Cllr Chris Garland be elected to chair this meeting.",
        "outcome": "resolved",
        "kind": "election",
        "appointee": "garland",
        "role": "chair",
        "term": "meeting",
    },
    {
        "text": "That Cllr Gary Cooke be elected Vice-Chair for the municipal year 2012/13.",
        "outcome": "resolved",
        "kind": "election",
        "appointee": "cooke",
        "role": "vice-chair",
        "term": "year",
        "votes": {"for": 6, "against": 6},
        "casting_vote": True,
    },
    {
        "text": "That Simon Alland be co-opted as a member of the Board.",
        "outcome": "resolved",
        "kind": "co-option",
        "appointee": "alland",
        "role": "co-opted",
    },
    {"text": "The motion on library hours was withdrawn.", "outcome": "withdrawn"},
]
NOTES = [
    {"date": "2012-12-17", "text": "Terms of reference agreed.", "meeting": "2012-12-17"},
    {"date": "2013-01-15", "text": "The first project group met."},
]


def with_every_new_field(data: dict) -> dict:
    """The example with each field of issue 5 set somewhere."""
    board = data["bodies"][0]
    october, december = board["meetings"]
    october["minutes_versions"] = copy.deepcopy(OCTOBER_VERSIONS)
    december["minutes_versions"] = [dict(DECEMBER_DRAFT)]
    items = december["items"]
    items[1]["resolutions"][0].update(
        unopposed=True, approves={"meeting": "2012-10-01", "version": 2}, approves_sha256=CONTENT
    )
    items[3]["declarations"] = [
        {
            "person": "cooke",
            "kind": "other significant",
            "left_room": True,
            "left_at": "14:50",
            "returned_at": "15:20",
        }
    ]
    # Item 34's sub-group chairs, as appointments (their memberships are in the file).
    items[4]["resolutions"][0].update(
        kind="appointment", appointee="garland", role="chair", appointed_body=SUB_GROUP
    )
    items[4]["actions"][0]["notes"] = copy.deepcopy(NOTES)
    items[5]["resolutions"] += copy.deepcopy(ELECTIONS)
    return data


@pytest.fixture
def example(example_path) -> dict:
    return json.loads(example_path.read_text(encoding="utf-8"))


@pytest.fixture
def full(example_path) -> dict:
    return with_every_new_field(json.loads(example_path.read_text(encoding="utf-8")))


# Round trip


def test_every_new_field_survives_export_and_import_into_an_empty_folder(tmp_path, full):
    with opened(tmp_path / "first"):
        import_data(full, base_dir=HERE)
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert export_data() == first
    assert_in_format_order(first)
    october, december = first["bodies"][0]["meetings"]
    assert october["minutes_versions"] == OCTOBER_VERSIONS
    assert december["minutes_versions"] == [DECEMBER_DRAFT]
    items = december["items"]
    assert (
        items[1]["resolutions"][0] == full["bodies"][0]["meetings"][1]["items"][1]["resolutions"][0]
    )
    assert items[3]["declarations"][0]["left_at"] == "14:50"
    assert items[3]["declarations"][0]["returned_at"] == "15:20"
    assert items[4]["resolutions"][0]["appointed_body"] == SUB_GROUP
    assert items[4]["actions"][0]["notes"] == NOTES
    assert items[5]["resolutions"][1:] == ELECTIONS


def test_an_appointment_to_the_meeting_s_own_body_leaves_the_body_out(database, full):
    del full["bodies"][0]["meetings"][1]["items"][5]["resolutions"][1:]
    co_option = dict(ELECTIONS[2], appointed_body="Maidstone Locality Board")
    full["bodies"][0]["meetings"][1]["items"][5]["resolutions"].append(co_option)
    import_data(full, base_dir=HERE)

    exported = export_data()["bodies"][0]["meetings"][1]["items"][5]["resolutions"][-1]

    assert exported == ELECTIONS[2]
    row = Resolution.get(Resolution.kind == "co-option")
    assert row.appointed_body.name == "Maidstone Locality Board"


def test_every_new_field_lands_in_its_column(database, full):
    import_data(full, base_dir=HERE)
    october = Meeting.get(Meeting.date == dt.date(2012, 10, 1))
    december = Meeting.get(Meeting.date == dt.date(2012, 12, 17))
    approved = MinutesVersion.get(
        (MinutesVersion.meeting == october.id) & (MinutesVersion.version == 2)
    )
    assert (approved.state, approved.approved_at_meeting_id, approved.approved_minute) == (
        "approved",
        december.id,
        "31",
    )
    assert (approved.content_sha256, approved.pdf_sha256) == (CONTENT, PDF)
    assert approved.approved_at == "2012-12-17T15:05:00.000+00:00"
    approval = Resolution.get(Resolution.approves_version == approved.id)
    assert approval.item.number == "31"
    assert (approval.approves_sha256, approval.unopposed) == (CONTENT, True)
    vice = Resolution.get(Resolution.appointed_role == "vice-chair")
    assert (vice.kind, vice.appointee.key, vice.term, vice.casting_vote) == (
        "election",
        "cooke",
        "year",
        True,
    )
    assert vice.appointed_body.name == "Maidstone Locality Board"
    group = Resolution.get(Resolution.kind == "appointment")
    assert (group.appointee.key, group.appointed_body.name) == ("garland", SUB_GROUP)
    withdrawn = Resolution.get(Resolution.outcome == "withdrawn")
    assert (withdrawn.kind, withdrawn.appointee, withdrawn.appointed_body) == (
        "resolution",
        None,
        None,
    )
    notes = list(ActionNote.select().order_by(ActionNote.date))
    assert [(n.date, n.text, n.meeting_id) for n in notes] == [
        (dt.date(2012, 12, 17), "Terms of reference agreed.", december.id),
        (dt.date(2013, 1, 15), "The first project group met.", None),
    ]
    declaration = Declaration.get()
    assert (declaration.left_at, declaration.returned_at) == ("14:50", "15:20")


def test_importing_every_new_field_twice_changes_nothing_the_second_time(database, full):
    import_data(full, base_dir=HERE)
    journal = JournalEntry.select().count()
    assert not import_data(full, base_dir=HERE).changed
    assert JournalEntry.select().count() == journal


def test_a_new_field_left_out_is_cleared_like_any_other(database, full):
    import_data(full, base_dir=HERE)
    items = full["bodies"][0]["meetings"][1]["items"]
    approval = items[1]["resolutions"][0]
    del approval["approves"], approval["unopposed"]
    del items[3]["declarations"][0]["returned_at"]

    summary = import_data(full, base_dir=HERE)

    assert dict(summary.updated) == {"declarations": 1, "resolutions": 1}
    row = Resolution.get(Resolution.approves_sha256 == CONTENT)
    assert (row.approves_version, row.unopposed) == (None, False)
    assert Declaration.get().returned_at == ""


def test_notes_of_one_day_export_by_their_wording_whatever_the_clock(tmp_path, full):
    # One folder's clock ticks, the other's stands still (every row made in the same
    # millisecond): the order by age would differ, as naming a note's meeting after the note
    # is written re-stamps it. Export orders a day's notes by their wording instead.
    notes = full["bodies"][0]["meetings"][1]["items"][4]["actions"][0]["notes"]
    notes[:] = [
        {"date": "2013-01-15", "text": "Accessibility audit booked.", "meeting": "2012-12-17"},
        {"date": "2013-01-15", "text": "Zebra crossing surveyed."},
    ]
    ticking = itertools.count(1_355_750_000_000)
    exported = []
    for folder, clock in (("first", lambda: next(ticking)), ("second", lambda: 1_355_750_000_000)):
        open_database(tmp_path / folder, now_ms=clock)
        try:
            import_data(exported[-1] if exported else full, base_dir=HERE)
            exported.append(export_data())
        finally:
            close_database()

    assert exported[0] == exported[1]
    assert exported[0]["bodies"][0]["meetings"][1]["items"][4]["actions"][0]["notes"] == notes


def test_the_summary_counts_versions_and_progress_notes(database, full):
    summary = import_data(full, base_dir=HERE)
    assert summary.created["minutes versions"] == 3
    assert summary.created["progress notes"] == 2
    assert "3 minutes versions" in str(summary) and "2 progress notes" in str(summary)


# What import must not do


def test_an_imported_appointment_does_not_change_memberships_again(database, full):
    summary = import_data(full, base_dir=HERE)

    members = full["bodies"][0]["members"]
    board = Body.get(Body.name == "Maidstone Locality Board")
    assert Membership.select().where(Membership.body == board.id).count() == len(members)
    group = Body.get(Body.name == SUB_GROUP)
    assert [
        (m.person.key, m.role) for m in Membership.select().where(Membership.body == group.id)
    ] == [("garland", "chair")]
    december = Meeting.get(Meeting.date == dt.date(2012, 12, 17))
    assert december.chair is None  # the file names no chair; the election is not applied
    attendance = full["bodies"][0]["meetings"][1]["attendance"]
    assert Attendance.select().count() == len(attendance) == summary.created["attendance records"]
    assert Attendance.get(Attendance.person == _key("alland")).status == "substitute"


def test_an_imported_approved_meeting_is_frozen(database, full):
    import_data(full, base_dir=HERE)
    october = Meeting.get(Meeting.date == dt.date(2012, 10, 1))
    with pytest.raises(ValidationError, match="approved at minute 31 of the meeting of 17"):
        freeze.ensure_editable(october.id)
    december = Meeting.get(Meeting.date == dt.date(2012, 12, 17))
    freeze.ensure_editable(december.id)  # a draft is not frozen


def test_an_approved_meeting_can_be_imported_again_and_stays_frozen(database, full):
    import_data(full, base_dir=HERE)
    full["bodies"][0]["meetings"][0]["venue"] = "Town Hall"

    summary = import_data(full, base_dir=HERE)

    assert dict(summary.updated) == {"meetings": 1}
    october = Meeting.get(Meeting.date == dt.date(2012, 10, 1))
    assert october.venue == "Town Hall"
    with pytest.raises(ValidationError):
        freeze.ensure_editable(october.id)


# The example


def test_the_example_uses_only_the_chained_record_of_the_new_fields(database, example_path):
    summary = import_file(example_path)
    assert summary.created["minutes versions"] == 1
    assert "progress notes" not in summary.created

    exported = export_data()

    used = _keys(exported)
    assert {kind: used[kind] & fields for kind, fields in NEW_FIELDS.items()} == {
        "resolutions": {"approves", "approves_sha256"},
        "actions": set(),
        "declarations": set(),
        "meetings": {"minutes_versions"},
    }
    assert all(r.kind == "resolution" for r in Resolution.select())
    assert MinutesVersion.select().count() == 1 and not ActionNote.select().exists()
    assert not import_file(example_path).changed


# Refusals


@pytest.fixture
def imported(database, full) -> dict:
    """The full record imported once, and a copy of it to damage."""
    import_data(full, base_dir=HERE)
    return copy.deepcopy(full)


MEETING = "bodies[0].meetings[1]"
APPROVAL = f"{MEETING}.items[1].resolutions[0]"
ELECTION = f"{MEETING}.items[5].resolutions[1]"
VERSION = "bodies[0].meetings[0].minutes_versions[1]"


def approval(data):
    return data["bodies"][0]["meetings"][1]["items"][1]["resolutions"][0]


def election(data):
    return data["bodies"][0]["meetings"][1]["items"][5]["resolutions"][1]


def version(data):
    return data["bodies"][0]["meetings"][0]["minutes_versions"][1]


def note(data):
    return data["bodies"][0]["meetings"][1]["items"][4]["actions"][0]["notes"][0]


def declaration(data):
    return data["bodies"][0]["meetings"][1]["items"][3]["declarations"][0]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            lambda d: approval(d).update(outcome="carried"),
            f"{APPROVAL}.outcome: “carried” is not one of “resolved”",
        ),
        (
            lambda d: approval(d).update(unopposed="yes"),
            f"{APPROVAL}.unopposed: expected true or false",
        ),
        (
            lambda d: approval(d).update(casting_vote=1),
            f"{APPROVAL}.casting_vote: expected true or false",
        ),
        (
            lambda d: election(d).update(kind="motion"),
            f"{ELECTION}.kind: “motion” is not one of “resolution”, “election”, “co-option”, "
            "“appointment”",
        ),
        (
            lambda d: election(d).update(term="decade"),
            f"{ELECTION}.term: “decade” is not one of “year”, “meeting”",
        ),
        (
            lambda d: election(d).pop("term"),
            f"{ELECTION}.term: missing; an election is for the “year” or this “meeting”",
        ),
        (
            lambda d: election(d).update(role="member"),
            f"{ELECTION}.role: “member” is not one of “chair”, “vice-chair”",
        ),
        (
            lambda d: election(d).update(kind="appointment", term="year"),
            f"{ELECTION}.term: an appointment holds from the meeting on, or for this “meeting” "
            "only",
        ),
        (
            lambda d: election(d).update(kind="co-option", role="co-opted"),
            f"{ELECTION}.term: a co-option has no term",
        ),
        (lambda d: election(d).pop("appointee"), f"{ELECTION}.appointee: missing"),
        (
            lambda d: election(d).update(appointee="ghost"),
            f"{ELECTION}.appointee: unknown person “ghost”",
        ),
        (
            lambda d: election(d).update(appointed_body="Nowhere Panel"),
            f"{ELECTION}.appointed_body: unknown body “Nowhere Panel”",
        ),
        (
            lambda d: approval(d).update(appointee="garland"),
            f"{APPROVAL}.appointee: only an election, co-option or appointment has this",
        ),
        (
            lambda d: election(d).update(approves={"meeting": "2012-10-01"}),
            f"{ELECTION}.approves: only a resolution approves minutes, not an election",
        ),
        (
            lambda d: approval(d).update(approves="2012-10-01"),
            f"{APPROVAL}.approves: expected an object",
        ),
        (
            lambda d: approval(d).update(approves={"version": 2}),
            f"{APPROVAL}.approves.meeting: missing",
        ),
        (
            lambda d: approval(d).update(approves={"meeting": "1 October"}),
            f"{APPROVAL}.approves.meeting: “1 October” is not a meeting's date",
        ),
        (
            lambda d: approval(d).update(approves={"meeting": "2012-10-01", "version": 0}),
            f"{APPROVAL}.approves.version: must be 1 or more",
        ),
        (
            lambda d: approval(d).update(approves={"meeting": "2011-10-03", "version": 1}),
            f"{APPROVAL}.approves.meeting: the body has no meeting on 2011-10-03",
        ),
        (
            lambda d: approval(d).update(approves={"meeting": "2012-10-01", "version": 5}),
            f"{APPROVAL}.approves.version: the meeting on 2012-10-01 has no minutes version 5",
        ),
        (
            lambda d: approval(d).update(approves={"meeting": "2012-12-17"}),
            f"{APPROVAL}.approves.meeting: a meeting cannot approve its own minutes",
        ),
        (
            lambda d: approval(d).update(approves_sha256="abc123"),
            f"{APPROVAL}.approves_sha256: expected a SHA-256 fingerprint",
        ),
        (
            lambda d: note(d).pop("date"),
            f"{MEETING}.items[4].actions[0].notes[0].date: missing",
        ),
        (
            lambda d: note(d).update(text="  "),
            f"{MEETING}.items[4].actions[0].notes[0].text: cannot be empty",
        ),
        (
            lambda d: note(d).update(meeting="2013-01-07"),
            f"{MEETING}.items[4].actions[0].notes[0].meeting: the body has no meeting on "
            "2013-01-07",
        ),
        (
            lambda d: note(d).update(when="today"),
            f"{MEETING}.items[4].actions[0].notes[0].when: not a field of the format here",
        ),
        (
            lambda d: declaration(d).update(left_at="2.50 later"),
            f"{MEETING}.items[3].declarations[0].left_at: “2.50 later” is not a time of day",
        ),
        (
            lambda d: declaration(d).update(returned_at="14:20"),
            f"{MEETING}.items[3].declarations[0].returned_at: they returned before they left",
        ),
        (
            lambda d: version(d).update(state="final"),
            f"{VERSION}.state: “final” is not one of “draft”, “circulated”, “approved”, “signed”",
        ),
        (lambda d: version(d).update(version=1), f"{VERSION}.version: version 1 is listed twice"),
        (lambda d: version(d).pop("version"), f"{VERSION}.version: missing"),
        (
            lambda d: version(d).update(approved_at="17 December 2012"),
            f"{VERSION}.approved_at: “17 December 2012” is not a moment in time",
        ),
        (
            lambda d: version(d).update(approved_at="2012-12-17T15:05:00"),
            f"{VERSION}.approved_at: “2012-12-17T15:05:00” is not a moment in time",
        ),
        (
            lambda d: version(d).update(content_sha256="x" * 64),
            f"{VERSION}.content_sha256: expected a SHA-256 fingerprint",
        ),
        (
            lambda d: version(d).update(approved_at_meeting="2012-10-01"),
            f"{VERSION}.approved_at_meeting: minutes are approved at a later meeting",
        ),
        (
            lambda d: version(d).update(approved_at_meeting="2013-03-18"),
            f"{VERSION}.approved_at_meeting: the body has no meeting on 2013-03-18",
        ),
    ],
)
def test_a_bad_new_field_is_refused_with_its_path_and_changes_nothing(imported, damage, expected):
    damage(imported)
    before = every_row()
    with pytest.raises(ValidationError) as refused:
        import_data(imported, base_dir=HERE)
    assert str(refused.value).startswith(expected)
    assert every_row() == before


def test_a_withdrawn_motion_is_an_outcome_the_format_accepts(database, example):
    resolution = example["bodies"][0]["meetings"][1]["items"][3]["resolutions"][0]
    resolution.update(text="The motion was withdrawn.", outcome="withdrawn")
    import_data(example, base_dir=HERE)
    assert Resolution.get(Resolution.outcome == "withdrawn").text == "The motion was withdrawn."


# Helpers


def _key(key: str) -> str:
    return Person.get(Person.key == key).id


def _keys(data: dict) -> dict[str, set[str]]:
    """The keys used by each kind of object that issue 5 added fields to."""
    found: dict[str, set[str]] = {kind: set() for kind in NEW_FIELDS}

    def walk(items: list[dict]) -> None:
        for item in items:
            for kind in ("resolutions", "actions", "declarations"):
                for entry in item.get(kind, []):
                    found[kind] |= set(entry)
            walk(item.get("items", []))

    for body in data["bodies"]:
        for meeting in body.get("meetings", []):
            found["meetings"] |= set(meeting)
            walk(meeting.get("items", []))
    return found


# A record made in the app


def test_a_record_made_in_the_app_moves_between_machines_as_it_is(tmp_path):
    """Elections, a co-option and an appointment, votes, progress and a withdrawal, made
    through the services and approved at a later meeting, export and import into an empty
    folder to the same record: memberships as they were (not changed a second time) and the
    approved minutes still frozen."""
    with opened(tmp_path / "first"):
        board = make_board()
        december = _recorded_and_approved(board)
        first = export_data()
        before = _memberships_and_attendance()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert export_data() == first
        assert _memberships_and_attendance() == before
        frozen = Meeting.get(Meeting.date == december)
        with pytest.raises(ValidationError, match="were approved at minute 1 of the meeting"):
            freeze.ensure_editable(frozen.id)
    decided = [
        r
        for item in first["bodies"][0]["meetings"][0]["items"]
        for i in [item, *item.get("items", [])]
        for r in i.get("resolutions", [])
    ]
    assert {r.get("kind") for r in decided} == {None, "election", "co-option", "appointment"}
    assert any(r.get("unopposed") for r in decided)
    assert any(r.get("casting_vote") for r in decided)
    approval = first["bodies"][0]["meetings"][1]["items"][0]["resolutions"][0]
    assert approval["approves"] == {"meeting": "2012-12-17", "version": 1}
    assert len(approval["approves_sha256"]) == 64
    versions = first["bodies"][0]["meetings"][0]["minutes_versions"]
    assert [(v["version"], v["state"]) for v in versions] == [(1, "approved")]


def _recorded_and_approved(board) -> dt.date:
    """Record the meeting of `make_board` through the services and approve its minutes at
    a later meeting; returns the meeting's date."""
    p, meeting = board.people, board.meeting
    group = bodies.create_body(name="Community Budgets Sub Group", parent_id=board.body.id)
    elect(item_id=board.item33.id, person_id=p.stockell.id, role="chair", term="meeting")
    elect(item_id=board.item33.id, person_id=p.cooke.id, role="vice-chair", term="year")
    appoint(item_id=board.item34_1.id, person_id=p.garland.id, body_id=group.id, role="chair")
    co_opt(item_id=board.item35.id, person_id=p.clark.id)
    resolutions.add_resolution(
        item_id=board.item35.id,
        text="That the plan be endorsed.",
        votes_for=2,
        votes_against=2,
        casting_vote=True,
    )
    resolutions.add_resolution(
        item_id=board.item36.id, text="That the update be noted.", unopposed=True
    )
    action = actions.add_action(item_id=board.item34.id, text="Form the project groups")
    for day, text, at in (
        ("2012-12-17", "Terms agreed.", meeting.id),
        ("2013-01-20", "Met.", None),
    ):
        actions.add_progress(
            action_id=action.id, text=text, date=day, meeting_id=at, today=dt.date(2013, 2, 1)
        )
    declared = declarations.declare_interest(
        meeting_id=meeting.id, item_id=board.item35.id, person_id=p.ring.id, kind="personal"
    )
    with db.atomic():
        # The declarations service does not time withdrawals yet; the columns do.
        changes.update(declared, left_room=True, left_at="15:45", returned_at="16:00")
        changes.update(Meeting.get_by_id(meeting.id), status="held")
    minutes_versions.circulate(meeting_id=meeting.id)
    later = meetings.create_meeting(body_id=board.body.id, date="2013-03-18")
    minutes_item = agenda.add_item(meeting_id=later.id, title="Minutes", kind="previous minutes")
    with db.atomic():
        changes.update(AgendaItem.get_by_id(minutes_item.id), number="1")
    minutes_versions.approve(meeting_id=meeting.id, at_item_id=minutes_item.id)
    return meeting.date


def _memberships_and_attendance() -> tuple[list, list, list]:
    members = sorted(
        (m.body.name, m.person.name, m.role, m.from_date, m.to_date, m.voting)
        for m in Membership.live()
    )
    lines = sorted(
        (a.meeting.date, a.person.name, a.status, a.arrived, a.left) for a in Attendance.live()
    )
    chairs = sorted((m.date, m.chair.name if m.chair else None) for m in Meeting.live())
    return members, lines, chairs
