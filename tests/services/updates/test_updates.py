"""A quarterly update through its services: drafted from the record it holds the quarter's
decisions, the plan's actions with their RAG then and the measures' readings, and the open
actions; it is edited, attached to the board's next meeting and combined with the other
groups'; each refusal is one sentence that writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.updates import attaching, combined, writing
from desktop_app.storage.models import AgendaItem, QuarterlyUpdate
from tests.updates.seed import QUARTER, TODAY, seed_quarter


@pytest.fixture
def seed(database):
    return seed_quarter()


def drafted(seed, **given):
    made = writing.draft_update(
        body_id=seed.group_id, quarter=given.pop("quarter", QUARTER),
        prepared_by_id=seed.officer_id, today=given.pop("today", TODAY), **given,
    )  # fmt: skip
    return writing.get_update(made.id)


def test_a_draft_holds_the_quarters_decisions(seed):
    view = drafted(seed)
    delivery = view.values["delivery"]
    assert "At its meeting of 12 September 2011" in delivery
    assert "Agreed: That the group's joint written response be sent to the Cabinet." in delivery
    assert "event on worklessness will be held in February 2012" in delivery
    assert view.title == "Quarter 2 update: Economic Development and Regeneration"
    assert "met on 12 September 2011" in view.values["overview"]


def test_a_draft_holds_the_plan_actions_rag_and_progress_that_quarter(seed):
    view = drafted(seed)
    delivery = view.values["delivery"]
    assert (
        "1a Develop an apprenticeship job share programme — at risk (amber): "
        "Talks with SEAC have begun." in delivery
    )
    assert "1a Hold a worklessness forum — off track (red)" in delivery
    assert view.rag == "red"  # the worst action's, for the officer to confirm
    assert view.values["priorities"] == "Worklessness"


def test_a_draft_holds_each_measures_reading_against_its_target(seed):
    delivery = drafted(seed).values["delivery"]
    assert (
        "16-18 year olds NEET: 6.2% on 30 September 2011; target 5% by March 2014, "
        "not yet met; baseline 7.1%" in delivery
    )


def test_a_draft_lists_the_open_actions_as_its_summary_of_activity(seed):
    activity = drafted(seed).values["activity"]
    assert activity == (
        "- Sarah Robson: Organise the worklessness stakeholder event (open, due 29 February 2012)"
    )


def test_a_later_quarter_reports_no_meeting_and_the_plan_as_it_stands(seed):
    view = drafted(seed, quarter="2011-10-01", today=dt.date(2011, 12, 15))
    assert view.title.startswith("Quarter 3 update")
    assert "the group did not meet" in view.values["overview"]
    assert "Agreed:" not in view.values["delivery"]
    assert "— at risk (amber)\n" in view.values["delivery"] + "\n"  # no note that quarter


def test_the_officer_edits_the_update_and_sets_its_rag(seed):
    view = drafted(seed)
    writing.edit_update(update_id=view.id, overview="The LSP Board voted to dissolve.", rag="Amber")
    got = writing.get_update(view.id)
    assert (got.values["overview"], got.rag) == ("The LSP Board voted to dissolve.", "amber")
    assert got.prepared_by == "Sarah Robson"


def test_an_update_is_attached_to_the_boards_next_meeting_as_an_information_item(seed):
    view = drafted(seed)
    item = attaching.attach_update(update_id=view.id)
    assert (item.title, item.kind, item.purpose) == (view.title, "information", "for information")
    got = writing.get_update(view.id)
    assert (got.meeting_id, got.meeting_date) == (seed.board_meeting_id, dt.date(2011, 10, 25))
    attaching.detach_update(update_id=view.id)
    assert writing.get_update(view.id).item_id is None
    assert AgendaItem.live().where(AgendaItem.id == item.id).count() == 0
    attaching.reattach_update(update_id=view.id, item_id=item.id)
    assert writing.get_update(view.id).item_id == item.id


def test_a_board_combines_its_groups_updates(seed):
    first = drafted(seed)
    writing.edit_update(update_id=first.id, focus="Young people not in employment")
    other = bodies.create_body(
        name="Environmental Quality", kind="delivery group", parent_id=seed.board_id
    )
    whole = combined.combined_update(board_id=seed.board_id, quarter="2011-08-15")
    assert [g.name for g in whole.groups] == [
        "Economic Development and Regeneration",
        "Environmental Quality",
    ]
    assert [u.id for u in whole.updates] == [first.id]
    assert whole.groups[1].update is None and whole.groups[1].body_id == other.id


def test_refuses_an_update_for_a_quarter_that_has_not_begun(seed, refused):
    with refused("Quarter 4 2011/12 has not begun"):
        writing.draft_update(body_id=seed.group_id, quarter="2012-01-01", today=TODAY)


def test_refuses_an_empty_title(seed, refused):
    with refused("The update's title cannot be empty."):
        writing.draft_update(body_id=seed.group_id, quarter=QUARTER, title="  ", today=TODAY)
    view = drafted(seed)
    with refused("The update's title cannot be empty."):
        writing.edit_update(update_id=view.id, title="")


def test_refuses_an_unknown_rag(seed, refused):
    view = drafted(seed)
    with refused("The overall RAG status is red, amber or green, not “purple”."):
        writing.edit_update(update_id=view.id, rag="purple")


def test_refuses_a_body_with_no_parent_board(seed, refused):
    with refused("Maidstone Locality Board does not report to a board"):
        writing.draft_update(body_id=seed.board_id, quarter=QUARTER, today=TODAY)


def test_refuses_a_second_update_for_the_same_quarter(seed, refused):
    drafted(seed)
    with refused("already has its Quarter 2 2011/12 update"):
        drafted(seed)


def test_refuses_to_attach_when_the_board_has_no_meeting_to_come(seed, refused):
    meetings.delete_meeting(meeting_id=seed.board_meeting_id)
    view = drafted(seed)
    with refused("Maidstone Locality Board has no meeting on or after 10 October 2011"):
        attaching.attach_update(update_id=view.id)


def test_refuses_to_attach_twice(seed, refused):
    view = drafted(seed)
    attaching.attach_update(update_id=view.id)
    with refused("already a paper of the board's meeting of 25 October 2011"):
        attaching.attach_update(update_id=view.id)


def test_a_deleted_update_comes_back_and_can_be_drafted_again(seed):
    view = drafted(seed)
    writing.delete_update(update_id=view.id)
    assert writing.updates_of_body(seed.group_id) == []
    again = drafted(seed)  # the same group and quarter: the same row, drafted afresh
    assert again.id == view.id
    assert QuarterlyUpdate.select().count() == 1


def test_an_updates_words_are_found_by_search_until_it_is_deleted(seed):
    from desktop_app.services import search

    view = drafted(seed)
    writing.edit_update(update_id=view.id, overview="A reprocessing centre opens in Park Wood.")
    (hit,) = search.search("reprocessing centre")
    assert (hit.kind, hit.update_id, hit.title) == ("update", view.id, view.title)
    assert (hit.body_name, hit.minute_number) == (
        "Economic Development and Regeneration",
        "Quarter 2 2011/12",
    )
    assert "«reprocessing» «centre»" in hit.snippet
    assert [h.update_id for h in search.search("reprocessing", body_id=seed.group_id)] == [view.id]
    writing.delete_update(update_id=view.id)
    assert search.search("reprocessing centre") == []


def test_refuses_to_take_the_board_away_from_a_group_with_updates(seed, refused):
    from desktop_app.services.directory import bodies

    drafted(seed)
    with refused("has written quarterly updates to its board, so it must keep one"):
        bodies.update_body(body_id=seed.group_id, parent_id=None)
    other = bodies.create_body(name="Maidstone Locality Board (2013)", kind="board")
    bodies.update_body(body_id=seed.group_id, parent_id=other.id)  # another board will do
