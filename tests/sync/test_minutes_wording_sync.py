"""What the minutes say (issue 14) reaches the other laptop: the item someone arrived
during, the date of the next meeting, a minute cited as text."""

from __future__ import annotations

import datetime as dt

from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.storage.models import AgendaItem, Attendance, Meeting
from tests.sync.replicas import laptops


def test_comings_the_next_meeting_and_a_citation_travel_to_the_other_laptop(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        council = bodies.create_body(name="Parish Council")
        patel = people.create_person(name="Patel", title="Cllr")
        memberships.add_member(body_id=council.id, person_id=patel.id)
        meeting = meetings.create_meeting(body_id=council.id, date=dt.date(2026, 12, 10))
        roof = agenda.add_item(meeting_id=meeting.id, title="Village hall roof")
        line = attendance.mark_attendance(
            meeting_id=meeting.id, person_id=patel.id, status="present"
        )
    first.sync()
    second.sync()
    with first.opened():
        attendance.set_times(attendance_id=line.id, arrived="19:40", arrived_during=roof.id)
        meetings.set_next_meeting(meeting_id=meeting.id, date="2027-01-14")
        agenda.update_item(item_id=roof.id, cited_minute="Cou/250/07-08")
    first.sync()
    second.sync()

    assert first.export() == second.export()
    with second.opened():
        assert Attendance.get_by_id(line.id).__data__["arrived_during"] == roof.id
        assert Meeting.get_by_id(meeting.id).next_meeting_date == dt.date(2027, 1, 14)
        assert AgendaItem.get_by_id(roof.id).cited_minute == "Cou/250/07-08"
