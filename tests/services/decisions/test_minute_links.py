"""The earlier minutes an item may follow up are the body's numbered ones, newest first."""

from __future__ import annotations

from desktop_app.services.decisions import minute_links
from desktop_app.services.decisions.minute_links import earlier_minutes
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings


def _published_item(body, day: str, title: str):
    """An item on the published agenda of the body's meeting that day."""
    item = agenda.add_item(
        meeting_id=meetings.create_meeting(body_id=body.id, date=day).id, title=title
    )
    agenda.publish_agenda(meeting_id=item.meeting_id)
    return item


def test_only_numbered_items_of_earlier_meetings_of_the_body_are_offered(database):
    board = bodies.create_body(name="Board", numbering_next=30)
    other = bodies.create_body(name="Other")
    _published_item(board, "2012-10-01", "Troubled Families")
    _published_item(other, "2012-11-01", "Not ours")
    draft = meetings.create_meeting(body_id=board.id, date="2012-11-05")
    agenda.add_item(meeting_id=draft.id, title="Not yet numbered")
    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    offered = earlier_minutes(december.id)

    assert [m.label for m in offered] == ["30 Troubled Families — 1 Oct 2012"]


def test_an_item_cannot_follow_up_another_bodys_minute(database, refused):
    board = bodies.create_body(name="Board")
    other = bodies.create_body(name="Other")
    theirs = _published_item(other, "2012-11-01", "Not ours")
    ours = agenda.add_item(
        meeting_id=meetings.create_meeting(body_id=board.id, date="2012-12-17").id,
        title="Follow-up",
    )
    with refused("only follow up minutes and meetings of its own body"):
        agenda.update_item(item_id=ours.id, linked_item_id=theirs.id)


def test_a_minute_from_before_the_record_began_is_cited_as_typed(database):
    board = bodies.create_body(name="Hollingbourne Parish Council")
    item = agenda.add_item(
        meeting_id=meetings.create_meeting(body_id=board.id, date="2008-06-02").id,
        title="Village hall roof",
    )

    agenda.update_item(item_id=item.id, cited_minute="  Cou/250/07-08 ")

    (entry,) = agenda.list_agenda(item.meeting_id)
    assert entry.cited_minute == "Cou/250/07-08"
    assert minute_links.citation_words(entry.cited_minute) == "minute Cou/250/07-08"
    assert minute_links.citation_words("the minutes of 3 March 2008") == (
        "the minutes of 3 March 2008"
    )


def test_an_item_follows_up_a_minute_of_the_record_or_cites_one_not_both(database, refused):
    board = bodies.create_body(name="Board", numbering_next=30)
    earlier = _published_item(board, "2012-10-01", "Troubled Families")
    item = agenda.add_item(
        meeting_id=meetings.create_meeting(body_id=board.id, date="2012-12-17").id,
        title="Follow-up",
    )
    agenda.update_item(item_id=item.id, linked_item_id=earlier.id)

    with refused("follows up a minute in the record or cites one as text, not both"):
        agenda.update_item(item_id=item.id, cited_minute="Cou/250/07-08")
