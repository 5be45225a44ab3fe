"""The agenda builder: template, items, order, sub-items, Part II, publishing and its undo."""

from __future__ import annotations

import pytest

from desktop_app.rules import ranks
from desktop_app.services.directory import bodies, organisations, people
from desktop_app.services.meeting_cycle import agenda, meeting_status, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Body, Document, MinutesVersion, db

STANDARD_TITLES = [
    "Apologies for Absence",
    "Declarations of Interest",
    "Minutes of the Previous Meeting",
    "Matters and Actions Arising",
    "Any Other Business",
    "Date of Next Meeting",
    "Duration of Meeting",
]


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board", numbering_next=30)


@pytest.fixture
def october(board):
    return meetings.create_meeting(body_id=board.id, date="2012-10-01", start_time="14:30")


@pytest.fixture
def meeting(board, october):
    return meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")


@pytest.fixture
def started(meeting):
    """The December agenda, started from the standard template."""
    agenda.start_agenda(meeting_id=meeting.id)
    return meeting


def titles(meeting):
    return [entry.title for entry in agenda.list_agenda(meeting.id)]


def entry(meeting, title):
    return next(e for e in agenda.list_agenda(meeting.id) if e.title == title)


def snapshot(meeting):
    """Everything the builder shows, and the body's counter."""
    body = Body.get_by_id(meeting.__data__["body"])
    return (
        agenda.list_agenda(meeting.id),
        body.numbering_next,
        meetings.get_meeting(meeting.id).status,
    )


def stored_ranks(meeting):
    """Each live sibling list's stored ranks."""
    lists: dict = {}
    for item in AgendaItem.live().where(AgendaItem.meeting == meeting.id):
        lists.setdefault(item.__data__["parent"], []).append(item.rank)
    return lists


def assert_ranked(meeting):
    """Every item has a rank, and no two siblings share one (only a merge can do that)."""
    for found in stored_ranks(meeting).values():
        assert all(ranks.is_rank(rank) for rank in found)
        assert len(set(found)) == len(found)


# -- the template -----------------------------------------------------------------------------


def test_a_body_without_its_own_template_uses_the_standard_one(board):
    assert [item["title"] for item in agenda.body_template(board.id)] == STANDARD_TITLES
    assert agenda.body_template(board.id) == agenda.STANDARD_TEMPLATE


def test_a_body_keeps_its_own_template(board):
    items = [
        {"title": "Welcome", "kind": "information"},
        {"title": "AOB", "kind": "any other business"},
    ]

    agenda.set_body_template(body_id=board.id, items=items)

    assert agenda.body_template(board.id) == items


def test_setting_the_standard_template_stores_the_default(board):
    agenda.set_body_template(body_id=board.id, items=[{"title": "Welcome", "kind": "report"}])

    agenda.set_body_template(
        body_id=board.id, items=agenda.body_template(bodies.create_body(name="X").id)
    )

    assert bodies.get_body(board.id).agenda_template == ""


def test_a_damaged_template_falls_back_to_the_standard_one(board):
    with db.atomic():
        changes.update(board, agenda_template="[{not json")

    assert agenda.body_template(board.id) == agenda.STANDARD_TEMPLATE


@pytest.mark.parametrize(
    ("items", "words"),
    [
        (
            [{"title": "Welcome"}, {"title": " ", "kind": "report"}],
            "The title of template item 2 cannot be empty.",
        ),
        ([{"title": "Welcome", "kind": "party"}], "“party” is not a kind of item"),
        ([{"title": f"Item {n}"} for n in range(51)], "A template holds at most 50 items."),
    ],
)
def test_a_bad_template_is_refused(refused, board, items, words):
    with refused(words):
        agenda.set_body_template(body_id=board.id, items=items)


def test_a_new_agenda_starts_from_the_template(started):
    assert titles(started) == STANDARD_TITLES
    assert [e.kind for e in agenda.list_agenda(started.id)] == [
        item["kind"] for item in agenda.STANDARD_TEMPLATE
    ]
    assert_ranked(started)


def test_the_previous_minutes_item_links_to_the_previous_meeting(started, october):
    minutes = entry(started, "Minutes of the Previous Meeting")

    assert minutes.linked_meeting_id == october.id
    assert {e.linked_meeting_id for e in agenda.list_agenda(started.id)} == {october.id, None}


def test_the_body_template_is_what_an_agenda_starts_from(board, meeting):
    agenda.set_body_template(body_id=board.id, items=[{"title": "Welcome", "kind": "information"}])

    made = agenda.start_agenda(meeting_id=meeting.id)

    assert [item.title for item in made] == titles(meeting) == ["Welcome"]


def test_starting_an_agenda_that_has_items_is_refused(refused, started):
    with refused("This agenda already has items"):
        agenda.start_agenda(meeting_id=started.id)


# -- adding items -----------------------------------------------------------------------------


def test_a_new_item_goes_before_the_closing_items(started):
    agenda.add_item(meeting_id=started.id, title="Troubled Families", kind="presentation")

    assert titles(started)[3:6] == [
        "Matters and Actions Arising",
        "Troubled Families",
        "Any Other Business",
    ]
    assert_ranked(started)


def test_a_new_item_goes_after_the_one_given(started):
    apologies = entry(started, "Apologies for Absence")

    agenda.add_item(meeting_id=started.id, title="Welcome", after_id=apologies.id)

    assert titles(started)[:3] == ["Apologies for Absence", "Welcome", "Declarations of Interest"]


def test_a_new_item_on_an_agenda_without_closing_items_goes_last(meeting):
    agenda.add_item(meeting_id=meeting.id, title="First")
    agenda.add_item(meeting_id=meeting.id, title="Second")

    assert titles(meeting) == ["First", "Second"]


def test_a_sub_item_goes_at_the_end_of_its_item(started):
    aob = entry(started, "Any Other Business")
    for title in ("Libraries", "Youth Services"):
        agenda.add_item(meeting_id=started.id, title=title, parent_id=aob.id)

    subs = [(e.title, e.depth, e.position) for e in agenda.list_agenda(started.id) if e.parent_id]
    assert subs == [("Libraries", 1, 0), ("Youth Services", 1, 1)]
    assert titles(started).index("Libraries") == titles(started).index("Any Other Business") + 1


def test_a_confidential_item_goes_into_part_two(started):
    agenda.add_item(
        meeting_id=started.id, title="Staffing", confidential=True, exempt_paragraph="1"
    )
    agenda.add_item(
        meeting_id=started.id, title="Contract", confidential=True, exempt_paragraph="3"
    )
    agenda.add_item(meeting_id=started.id, title="Priorities")

    entries = agenda.list_agenda(started.id)
    assert [(e.title, e.part) for e in entries[-3:]] == [
        ("Duration of Meeting", "I"),
        ("Staffing", "II"),
        ("Contract", "II"),
    ]
    assert entry(started, "Priorities").part == "I"


def test_an_untitled_item_may_be_drafted(meeting):
    item = agenda.add_item(meeting_id=meeting.id, title="")

    assert agenda.list_agenda(meeting.id)[0].id == item.id


def test_presenters_are_shown_by_name(meeting):
    police = organisations.create_organisation(name="Kent Police")
    bumpus = people.create_person(name="Jon Bumpus", title="CI")
    agenda.add_item(meeting_id=meeting.id, title="Crime figures", presenter_person_id=bumpus.id)
    agenda.add_item(meeting_id=meeting.id, title="Patrols", presenter_organisation_id=police.id)

    shown = [
        (e.presenter, e.presenter_person_id, e.presenter_organisation_id)
        for e in agenda.list_agenda(meeting.id)
    ]
    assert shown == [("CI Jon Bumpus", bumpus.id, None), ("Kent Police", None, police.id)]


def test_documents_on_an_item_are_counted(meeting):
    item = agenda.add_item(meeting_id=meeting.id, title="Priorities")
    with db.atomic():
        for title in ("Report", "Appendix A"):
            changes.create(Document, item=item.id, title=title)
        gone = changes.create(Document, item=item.id, title="Old draft")
        changes.delete(gone)

    assert agenda.list_agenda(meeting.id)[0].document_count == 2


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (dict(title="T" * 301), "The title is 301 characters long; please keep it under 300."),
        (dict(title="Two\nlines"), "The title must be a single line of text."),
        (dict(kind="party"), "“party” is not a kind of item"),
        (dict(purpose="for fun"), "“for fun” is not a purpose"),
        (
            dict(exempt_paragraph="9"),
            "“9” is not a paragraph of Schedule 12A; give a number from 1 to 7.",
        ),
        (dict(presenter_person_id="nobody"), "There is no presenter with the key “nobody”."),
        (dict(linked_item_id="nothing"), "There is no linked minute with the key “nothing”."),
        (dict(parent_id="nothing"), "The item to go under is not on this meeting's agenda."),
        (dict(after_id="nothing"), "The item to add after is not on this meeting's agenda."),
    ],
)
def test_a_bad_new_item_is_refused(refused, meeting, fields, words):
    with refused(words):
        agenda.add_item(meeting_id=meeting.id, **{"title": "Priorities", **fields})


def test_an_item_presented_by_a_person_and_an_organisation_is_refused(refused, meeting):
    police = organisations.create_organisation(name="Kent Police")
    bumpus = people.create_person(name="Jon Bumpus")

    with refused("An item is presented by a person or an organisation, not both."):
        agenda.add_item(
            meeting_id=meeting.id,
            title="Patrols",
            presenter_person_id=bumpus.id,
            presenter_organisation_id=police.id,
        )


def test_adding_after_an_item_of_another_list_is_refused(refused, started):
    aob = entry(started, "Any Other Business")
    sub = agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)

    with refused("The item to add after is not in the same list."):
        agenda.add_item(meeting_id=started.id, title="Youth", after_id=sub.id)


def test_a_fourth_level_is_refused(refused, meeting):
    item = agenda.add_item(meeting_id=meeting.id, title="Performance")
    sub = agenda.add_item(meeting_id=meeting.id, title="Crime", parent_id=item.id)
    subsub = agenda.add_item(meeting_id=meeting.id, title="Burglary", parent_id=sub.id)

    with refused("“Sheds” cannot go deeper"):
        agenda.add_item(meeting_id=meeting.id, title="Sheds", parent_id=subsub.id)


def test_an_item_added_to_a_published_agenda_takes_the_next_number(board, started):
    agenda.publish_agenda(meeting_id=started.id)
    aob = entry(started, "Any Other Business")

    urgent = agenda.add_item(meeting_id=started.id, title="Flooding", kind="urgent item")
    sub = agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)

    assert (entry(started, "Flooding").id, entry(started, "Flooding").number) == (urgent.id, "37")
    assert entry(started, "Libraries").number == f"{aob.number}.1" == "34.1"
    assert sub.id == entry(started, "Libraries").id
    assert bodies.get_body(board.id).numbering_next == 38


def test_an_item_added_after_the_counter_was_set_back_never_repeats_a_number(
    refused, board, started
):
    agenda.publish_agenda(meeting_id=started.id)
    bodies.update_body(body_id=board.id, numbering_next=31)

    with refused(
        "Minute 31 was given already, to “Declarations of Interest” at the meeting of "
        "17 December 2012; set the body's next minute number past it first."
    ):
        agenda.add_item(meeting_id=started.id, title="Flooding", kind="urgent item")


def test_an_item_added_to_last_years_agenda_continues_last_years_numbers(database):
    committee = bodies.create_body(
        name="Planning Committee", numbering_pattern="{yy}/{n}", numbering_restart="yearly"
    )
    april = meetings.create_meeting(body_id=committee.id, date="2024-04-20")
    may = meetings.create_meeting(body_id=committee.id, date="2024-05-20")
    for title in ("Applications", "Appeals", "Enforcement"):
        agenda.add_item(meeting_id=april.id, title=title)
    agenda.add_item(meeting_id=may.id, title="Applications")
    agenda.publish_agenda(meeting_id=april.id)
    agenda.publish_agenda(meeting_id=may.id)

    agenda.add_item(meeting_id=april.id, title="Tree preservation", kind="urgent item")

    assert [e.number for e in agenda.list_agenda(april.id)] == ["23/1", "23/2", "23/3", "23/4"]
    assert bodies.get_body(committee.id).numbering_next == 2
    agenda.add_item(meeting_id=may.id, title="Appeals")
    assert [e.number for e in agenda.list_agenda(may.id)] == ["24/1", "24/2"]


def test_a_confidential_item_on_a_published_agenda_needs_its_paragraph(refused, started):
    agenda.publish_agenda(meeting_id=started.id)

    with refused("“Staffing” is confidential but gives no paragraph of Schedule 12A"):
        agenda.add_item(meeting_id=started.id, title="Staffing", confidential=True)


# -- editing ----------------------------------------------------------------------------------


def approve(meeting, *, at):
    """The meeting's minutes approved at minute 31 of `at`."""
    with db.atomic():
        changes.create(
            MinutesVersion,
            meeting=meeting.id,
            version=1,
            state="approved",
            approved_at_meeting=at.id,
            approved_minute="31",
        )


FROZEN = "were approved at minute 31 of the meeting of 17 December 2012 and can no longer change"


@pytest.mark.parametrize(
    "fields",
    [
        dict(title="Libraries review"),
        dict(purpose="for decision"),
        dict(started_at="15:10"),
        dict(confidential=True, exempt_paragraph="3"),
    ],
)
def test_an_item_of_approved_minutes_cannot_be_edited(refused, october, meeting, fields):
    item = agenda.add_item(meeting_id=october.id, title="Libraries")
    approve(october, at=meeting)

    with refused(FROZEN):
        agenda.update_item(item_id=item.id, **fields)


def test_the_chairs_brief_for_an_item_of_approved_minutes_may_still_change(october, meeting):
    item = agenda.add_item(meeting_id=october.id, title="Libraries")
    approve(october, at=meeting)

    agenda.update_item(item_id=item.id, brief_note="Keep it short", minutes_allowed=10)

    assert entry(october, "Libraries").brief_note == "Keep it short"


def test_approved_minutes_take_no_new_item_and_keep_their_order(refused, october, meeting):
    first = agenda.add_item(meeting_id=october.id, title="Libraries")
    second = agenda.add_item(meeting_id=october.id, title="Youth Services")
    approve(october, at=meeting)

    for change in (
        lambda: agenda.add_item(meeting_id=october.id, title="Flooding"),
        lambda: agenda.move_item(item_id=second.id, offset=-1),
        lambda: agenda.indent_item(item_id=second.id),
        lambda: agenda.delete_item(item_id=first.id),
    ):
        with refused(FROZEN):
            change()
    assert titles(october) == ["Libraries", "Youth Services"]


def test_update_item_stores_every_field(meeting, october):
    earlier = agenda.add_item(meeting_id=october.id, title="Libraries")
    police = organisations.create_organisation(name="Kent Police")
    item = agenda.add_item(meeting_id=meeting.id, title="")

    agenda.update_item(
        item_id=item.id,
        title="Locality Board Priorities",
        kind="report",
        presenter_organisation_id=police.id,
        purpose="for decision",
        confidential=True,
        exempt_paragraph="3",
        linked_item_id=earlier.id,
        linked_meeting_id=october.id,
        started_at="15:05",
    )

    shown = agenda.list_agenda(meeting.id)[0]
    assert (shown.title, shown.kind, shown.presenter, shown.purpose) == (
        "Locality Board Priorities",
        "report",
        "Kent Police",
        "for decision",
    )
    assert (shown.confidential, shown.exempt_paragraph, shown.part) == (True, "3", "II")
    assert (shown.linked_item_id, shown.linked_meeting_id, shown.started_at) == (
        earlier.id,
        october.id,
        "15:05",
    )


def test_making_an_item_confidential_and_back_returns_it_to_its_place(started):
    agenda.add_item(
        meeting_id=started.id, title="Contract", confidential=True, exempt_paragraph="3"
    )
    declarations = entry(started, "Declarations of Interest")
    before = titles(started)

    agenda.update_item(item_id=declarations.id, confidential=True, exempt_paragraph="1")
    assert entry(started, "Declarations of Interest").part == "II"
    agenda.update_item(item_id=declarations.id, confidential=False, exempt_paragraph="")

    assert titles(started) == before


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (dict(number="99"), "A minute number cannot be edited"),
        (dict(colour="red"), "An agenda item has no field called colour."),
        (
            dict(started_at="after tea"),
            "“after tea” is not a time of day for the time the item was taken",
        ),
        (dict(exempt_paragraph="12A"), "“12A” is not a paragraph of Schedule 12A"),
    ],
)
def test_a_bad_edit_is_refused(refused, meeting, fields, words):
    item = agenda.add_item(meeting_id=meeting.id, title="Priorities")

    with refused(words):
        agenda.update_item(item_id=item.id, **fields)


def test_choosing_a_second_presenter_is_refused(refused, meeting):
    bumpus = people.create_person(name="Jon Bumpus")
    police = organisations.create_organisation(name="Kent Police")
    item = agenda.add_item(meeting_id=meeting.id, title="Patrols", presenter_person_id=bumpus.id)

    with refused("not both"):
        agenda.update_item(item_id=item.id, presenter_organisation_id=police.id)


def test_linking_an_item_to_itself_or_its_own_meeting_is_refused(refused, meeting):
    item = agenda.add_item(meeting_id=meeting.id, title="Priorities")

    with refused("An item cannot follow up itself."):
        agenda.update_item(item_id=item.id, linked_item_id=item.id)
    with refused("An item cannot link to its own meeting."):
        agenda.update_item(item_id=item.id, linked_meeting_id=meeting.id)


# -- moving and indenting ---------------------------------------------------------------------


def test_moving_up_and_back_down(started):
    matters = entry(started, "Matters and Actions Arising")

    agenda.move_item(item_id=matters.id, offset=-1)
    assert titles(started)[2:4] == [
        "Matters and Actions Arising",
        "Minutes of the Previous Meeting",
    ]

    agenda.move_item(item_id=matters.id, offset=1)
    assert titles(started) == STANDARD_TITLES
    assert_ranked(started)


def test_moving_several_places_at_once(started):
    duration = entry(started, "Duration of Meeting")

    agenda.move_item(item_id=duration.id, offset=-6)

    assert titles(started)[0] == "Duration of Meeting"


def test_moving_keeps_the_numbers_given(started):
    agenda.publish_agenda(meeting_id=started.id)
    numbers = {e.id: e.number for e in agenda.list_agenda(started.id)}
    matters = entry(started, "Matters and Actions Arising")

    agenda.move_item(item_id=matters.id, offset=-3)

    assert [e.number for e in agenda.list_agenda(started.id)][:2] == ["33", "30"]
    assert {e.id: e.number for e in agenda.list_agenda(started.id)} == numbers


@pytest.mark.parametrize(
    ("title", "offset", "words"),
    [
        ("Apologies for Absence", -1, "“Apologies for Absence” is already the first item."),
        ("Duration of Meeting", 1, "“Duration of Meeting” is already the last item of Part I."),
        ("Staffing", -1, "“Staffing” is already the first item of Part II."),
        ("Staffing", 1, "“Staffing” is already the last item."),
        ("Apologies for Absence", -5, "already the first item"),
    ],
)
def test_moving_past_the_end_of_its_list_or_part_is_refused(refused, started, title, offset, words):
    agenda.add_item(
        meeting_id=started.id, title="Staffing", confidential=True, exempt_paragraph="1"
    )

    with refused(words):
        agenda.move_item(item_id=entry(started, title).id, offset=offset)


def test_moving_a_sub_item_past_its_list_is_refused(refused, started):
    aob = entry(started, "Any Other Business")
    sub = agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)

    with refused("“Libraries” is already the last sub-item."):
        agenda.move_item(item_id=sub.id, offset=1)


def test_indent_makes_the_last_sub_item_of_the_item_above(started):
    aob = entry(started, "Any Other Business")
    agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)
    date = entry(started, "Date of Next Meeting")

    agenda.indent_item(item_id=date.id)

    moved = entry(started, "Date of Next Meeting")
    assert (moved.parent_id, moved.depth, moved.position) == (aob.id, 1, 1)
    assert_ranked(started)


def test_outdent_puts_the_item_right_after_its_parent(started):
    aob = entry(started, "Any Other Business")
    first = agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)
    agenda.add_item(meeting_id=started.id, title="Youth", parent_id=aob.id)

    agenda.outdent_item(item_id=first.id)

    assert titles(started)[4:7] == ["Any Other Business", "Youth", "Libraries"]
    assert entry(started, "Libraries").parent_id is None
    assert entry(started, "Youth").parent_id == aob.id
    assert_ranked(started)


def test_indent_then_outdent_gives_back_the_same_agenda(started):
    before = snapshot(started)
    date = entry(started, "Date of Next Meeting")

    agenda.indent_item(item_id=date.id)
    agenda.outdent_item(item_id=date.id)

    assert snapshot(started) == before


def test_indent_and_outdent_keep_the_numbers(started):
    agenda.publish_agenda(meeting_id=started.id)
    date = entry(started, "Date of Next Meeting")

    agenda.indent_item(item_id=date.id)
    assert entry(started, "Date of Next Meeting").number == "35"
    agenda.outdent_item(item_id=date.id)
    assert entry(started, "Date of Next Meeting").number == "35"


def test_indenting_the_first_item_is_refused(refused, started):
    with refused("“Apologies for Absence” is the first item; there is no item above it"):
        agenda.indent_item(item_id=entry(started, "Apologies for Absence").id)


def test_indenting_the_first_item_of_part_two_is_refused(refused, started):
    staffing = agenda.add_item(meeting_id=started.id, title="Staffing", confidential=True)

    with refused("is the first item of Part II"):
        agenda.indent_item(item_id=staffing.id)


def test_indenting_beyond_three_levels_is_refused(refused, meeting):
    top = agenda.add_item(meeting_id=meeting.id, title="Performance")
    sub = agenda.add_item(meeting_id=meeting.id, title="Crime", parent_id=top.id)
    agenda.add_item(meeting_id=meeting.id, title="Burglary", parent_id=sub.id)
    deep = agenda.add_item(meeting_id=meeting.id, title="Sheds", parent_id=sub.id)

    with refused("“Sheds” cannot go deeper"):
        agenda.indent_item(item_id=deep.id)


def test_indenting_an_item_whose_sub_items_would_go_too_deep_is_refused(refused, meeting):
    agenda.add_item(meeting_id=meeting.id, title="Performance")
    second = agenda.add_item(meeting_id=meeting.id, title="Crime")
    sub = agenda.add_item(meeting_id=meeting.id, title="Burglary", parent_id=second.id)
    agenda.add_item(meeting_id=meeting.id, title="Sheds", parent_id=sub.id)

    with refused("“Crime” cannot go deeper"):
        agenda.indent_item(item_id=second.id)


def test_outdenting_a_main_item_is_refused(refused, started):
    with refused("is already a main item, not a sub-item."):
        agenda.outdent_item(item_id=entry(started, "Any Other Business").id)


# -- deleting ---------------------------------------------------------------------------------


def test_deleting_an_item_takes_its_sub_items_and_restoring_brings_them_back(started):
    aob = entry(started, "Any Other Business")
    for title in ("Libraries", "Youth"):
        agenda.add_item(meeting_id=started.id, title=title, parent_id=aob.id)
    before = snapshot(started)

    agenda.delete_item(item_id=aob.id)
    assert titles(started) == [t for t in STANDARD_TITLES if t != "Any Other Business"]
    assert [e.position for e in agenda.list_agenda(started.id)] == list(range(6))

    agenda.restore_item(item_id=aob.id)
    assert snapshot(started) == before
    assert_ranked(started)


@pytest.mark.parametrize("order", ["as deleted", "reversed"])
def test_several_deletes_undone_in_any_order_give_back_the_agenda(meeting, order):
    made = agenda.start_agenda(meeting_id=meeting.id)
    for item in made:
        agenda.delete_item(item_id=item.id)
    assert titles(meeting) == []

    for item in made if order == "as deleted" else reversed(made):
        agenda.restore_item(item_id=item.id)

    assert titles(meeting) == STANDARD_TITLES
    assert_ranked(meeting)


def test_a_restored_item_makes_room_when_another_took_its_place(started):
    declarations = entry(started, "Declarations of Interest")
    apologies = entry(started, "Apologies for Absence")
    agenda.delete_item(item_id=declarations.id)
    agenda.add_item(meeting_id=started.id, title="Welcome", after_id=apologies.id)

    agenda.restore_item(item_id=declarations.id)

    assert titles(started)[:4] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Welcome",
        "Minutes of the Previous Meeting",
    ]
    assert_ranked(started)


def test_restoring_leaves_a_sub_item_deleted_before_its_parent(started):
    aob = entry(started, "Any Other Business")
    early = agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)
    agenda.add_item(meeting_id=started.id, title="Youth", parent_id=aob.id)
    agenda.delete_item(item_id=early.id)
    before = snapshot(started)

    agenda.delete_item(item_id=aob.id)
    agenda.restore_item(item_id=aob.id)

    assert snapshot(started) == before
    assert "Libraries" not in titles(started)


def test_restoring_a_sub_item_of_a_deleted_item_is_refused(refused, started):
    aob = entry(started, "Any Other Business")
    sub = agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)
    agenda.delete_item(item_id=sub.id)
    agenda.delete_item(item_id=aob.id)

    with refused("restore that item first"):
        agenda.restore_item(item_id=sub.id)


def test_deleting_a_numbered_item_is_refused_and_withdrawing_is_suggested(refused, started):
    agenda.publish_agenda(meeting_id=started.id)

    with refused("Item 33 has its minute number", "withdrawn items keep their number"):
        agenda.delete_item(item_id=entry(started, "Matters and Actions Arising").id)


def test_the_last_item_of_a_published_agenda_cannot_be_deleted_either(refused, started):
    agenda.publish_agenda(meeting_id=started.id)

    with refused("Item 36 has its minute number"):
        agenda.delete_item(item_id=entry(started, "Duration of Meeting").id)


def test_undoing_an_item_added_after_publishing_gives_its_number_back(board, started):
    agenda.publish_agenda(meeting_id=started.id)
    before = snapshot(started)
    urgent = agenda.add_item(meeting_id=started.id, title="Flooding", kind="urgent item")
    after = snapshot(started)

    agenda.delete_item(item_id=urgent.id)
    assert snapshot(started) == before
    assert bodies.get_body(board.id).numbering_next == 37

    agenda.restore_item(item_id=urgent.id)
    assert snapshot(started) == after
    assert entry(started, "Flooding").number == "37"


def test_undoing_a_sub_item_added_after_publishing_gives_its_number_back(started):
    agenda.publish_agenda(meeting_id=started.id)
    aob = entry(started, "Any Other Business")
    agenda.add_item(meeting_id=started.id, title="Libraries", parent_id=aob.id)
    youth = agenda.add_item(meeting_id=started.id, title="Youth", parent_id=aob.id)

    agenda.delete_item(item_id=youth.id)
    agenda.restore_item(item_id=youth.id)

    assert entry(started, "Youth").number == "34.2"


def test_an_added_item_that_no_longer_holds_the_latest_number_stays(refused, started):
    agenda.publish_agenda(meeting_id=started.id)
    first = agenda.add_item(meeting_id=started.id, title="Flooding", kind="urgent item")
    agenda.add_item(meeting_id=started.id, title="Gritting", kind="urgent item")

    with refused("Item 37 has its minute number"):
        agenda.delete_item(item_id=first.id)


# -- publishing -------------------------------------------------------------------------------


def test_publishing_numbers_the_items_and_marks_the_agenda_published(board, started):
    given = agenda.publish_agenda(meeting_id=started.id)

    entries = agenda.list_agenda(started.id)
    assert given == {e.id: e.number for e in entries}
    assert [e.number for e in entries] == [str(n) for n in range(30, 37)]
    assert meetings.get_meeting(started.id).status == "agenda published"
    assert bodies.get_body(board.id).numbering_next == 37


def test_publishing_an_empty_agenda_is_refused(refused, meeting):
    with refused("The agenda has no items to publish."):
        agenda.publish_agenda(meeting_id=meeting.id)


def test_publishing_an_untitled_item_is_refused(refused, meeting):
    for title in ("Apologies", "Minutes", ""):
        agenda.add_item(meeting_id=meeting.id, title=title)

    with refused("Item 32 has no title."):
        agenda.publish_agenda(meeting_id=meeting.id)


def test_publishing_a_confidential_item_without_its_paragraph_is_refused(refused, started):
    agenda.add_item(meeting_id=started.id, title="Staffing", confidential=True)

    with refused("Item 37 is confidential but gives no paragraph of Schedule 12A"):
        agenda.publish_agenda(meeting_id=started.id)


def test_publishing_twice_is_refused(refused, started):
    agenda.publish_agenda(meeting_id=started.id)

    with refused("Only the agenda of a scheduled meeting can be published", "is agenda published"):
        agenda.publish_agenda(meeting_id=started.id)


def test_publishing_a_cancelled_meeting_is_refused(refused, started):
    meeting_status.change_status(meeting_id=started.id, status="cancelled", reason="Not quorate")

    with refused("the meeting of 17 December 2012 is cancelled."):
        agenda.publish_agenda(meeting_id=started.id)


def test_publishing_before_a_later_numbered_meeting_is_refused(refused, board, started):
    february = meetings.create_meeting(body_id=board.id, date="2013-02-11")
    agenda.add_item(meeting_id=february.id, title="Priorities")
    agenda.publish_agenda(meeting_id=february.id)

    with refused("later meeting of 11 February 2013 already has minute numbers"):
        agenda.publish_agenda(meeting_id=started.id)


def test_unpublishing_gives_back_exactly_what_was_there(started):
    before = snapshot(started)

    agenda.publish_agenda(meeting_id=started.id)
    agenda.unpublish_agenda(meeting_id=started.id)

    assert snapshot(started) == before


def test_unpublishing_after_an_item_was_added_gives_back_the_counter(board, started):
    agenda.publish_agenda(meeting_id=started.id)
    agenda.add_item(meeting_id=started.id, title="Flooding", kind="urgent item")

    agenda.unpublish_agenda(meeting_id=started.id)

    assert bodies.get_body(board.id).numbering_next == 30
    assert {e.number for e in agenda.list_agenda(started.id)} == {""}


def test_unpublishing_a_yearly_restart_gives_back_the_old_years_counter(database):
    committee = bodies.create_body(
        name="Planning Committee",
        numbering_pattern="{yy}/{n}",
        numbering_restart="yearly",
        numbering_next=57,
    )
    april = meetings.create_meeting(body_id=committee.id, date="2024-04-20")
    may = meetings.create_meeting(body_id=committee.id, date="2024-05-20")
    for meeting in (april, may):
        agenda.add_item(meeting_id=meeting.id, title="Applications")
        agenda.add_item(meeting_id=meeting.id, title="Appeals")
    agenda.publish_agenda(meeting_id=april.id)
    before = snapshot(may)

    agenda.publish_agenda(meeting_id=may.id)
    assert bodies.get_body(committee.id).numbering_next == 3
    agenda.unpublish_agenda(meeting_id=may.id)

    assert snapshot(may) == before
    assert bodies.get_body(committee.id).numbering_next == 59


def test_unpublishing_per_meeting_numbers_leaves_the_counter(database):
    group = bodies.create_body(
        name="Delivery Group", numbering_restart="per-meeting", numbering_next=9
    )
    meeting = meetings.create_meeting(body_id=group.id, date="2012-11-05")
    agenda.add_item(meeting_id=meeting.id, title="Update")
    before = snapshot(meeting)

    assert agenda.publish_agenda(meeting_id=meeting.id) == {
        meeting_item.id: "1" for meeting_item in AgendaItem.select()
    }
    agenda.unpublish_agenda(meeting_id=meeting.id)

    assert snapshot(meeting) == before


def test_unpublishing_a_meeting_already_held_is_refused(refused, started):
    agenda.publish_agenda(meeting_id=started.id)
    meeting_status.change_status(meeting_id=started.id, status="held")

    with refused("Only a published agenda can be unpublished", "is held."):
        agenda.unpublish_agenda(meeting_id=started.id)


def test_unpublishing_when_a_later_meeting_continues_the_numbers_is_refused(
    refused, board, started
):
    agenda.publish_agenda(meeting_id=started.id)
    february = meetings.create_meeting(body_id=board.id, date="2013-02-11")
    agenda.add_item(meeting_id=february.id, title="Priorities")
    agenda.publish_agenda(meeting_id=february.id)

    with refused("11 February 2013 already has minute numbers", "unpublish it before"):
        agenda.unpublish_agenda(meeting_id=started.id)
