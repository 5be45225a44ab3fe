"""The earlier minutes an item may follow up are the body's numbered ones, newest first."""

from __future__ import annotations

from desktop_app.services import agenda, bodies, meetings
from desktop_app.services.minute_links import earlier_minutes


def test_only_numbered_items_of_earlier_meetings_of_the_body_are_offered(database):
    board = bodies.create_body(name="Board", numbering_next=30)
    other = bodies.create_body(name="Other")
    october = meetings.create_meeting(body_id=board.id, date="2012-10-01")
    agenda.add_item(meeting_id=october.id, title="Troubled Families")
    agenda.publish_agenda(meeting_id=october.id)
    elsewhere = meetings.create_meeting(body_id=other.id, date="2012-11-01")
    agenda.add_item(meeting_id=elsewhere.id, title="Not ours")
    agenda.publish_agenda(meeting_id=elsewhere.id)
    draft = meetings.create_meeting(body_id=board.id, date="2012-11-05")
    agenda.add_item(meeting_id=draft.id, title="Not yet numbered")
    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    offered = earlier_minutes(december.id)

    assert [m.label for m in offered] == ["30 Troubled Families — 1 Oct 2012"]


def test_an_item_cannot_follow_up_another_bodys_minute(database, refused):
    board = bodies.create_body(name="Board")
    other = bodies.create_body(name="Other")
    elsewhere = meetings.create_meeting(body_id=other.id, date="2012-11-01")
    theirs = agenda.add_item(meeting_id=elsewhere.id, title="Not ours")
    agenda.publish_agenda(meeting_id=elsewhere.id)
    ours = agenda.add_item(
        meeting_id=meetings.create_meeting(body_id=board.id, date="2012-12-17").id,
        title="Follow-up",
    )
    with refused("only follow up minutes and meetings of its own body"):
        agenda.update_item(item_id=ours.id, linked_item_id=theirs.id)
