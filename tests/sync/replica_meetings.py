"""The edits of the meeting itself that the three laptops of test_replicas_converge.py
make, through the services the window calls: attendance and arrival times, resolutions and
named votes, papers (whose files travel apart from the rows), minutes and the chair's brief,
and circulating the minutes, approving them at a later meeting or taking the approval
back."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import rule

from desktop_app.services.decisions import freeze, minutes, minutes_versions, resolutions, voting
from desktop_app.services.directory import memberships
from desktop_app.services.meeting_cycle import agenda, attendance
from desktop_app.services.papers import documents
from desktop_app.storage.models import AgendaItem, Attendance, Document, Meeting, Person, Resolution
from tests.exchange.papers import paper_pdf
from tests.sync.replica_edits import ITEMS, LAPTOP, MEETINGS, PICK, Edits, items, pick_of

# Arrival and departure: from the start, or a time; to the end, or a later time.
TIMES = st.sampled_from([("", ""), ("14:05", ""), ("14:30", "16:45"), ("", "15:10")])


class MeetingEdits(Edits):
    # Attendance, resolutions and votes

    @rule(laptop=LAPTOP, pick=PICK, who=PICK, mark=st.sampled_from(attendance.MARKS))
    def mark_attendance(self, laptop, pick, who, mark):
        def work():
            meeting = pick_of(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is None:
                return
            member = pick_of(memberships.list_members(body_id=meeting.body_id), who)
            if member is not None:
                attendance.mark_attendance(
                    meeting_id=meeting.id, person_id=member.person_id, status=mark
                )

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, times=TIMES)
    def set_times(self, laptop, pick, times):
        arrived, left = times

        def work():
            line = pick_of(_lines(), pick)
            if line is not None:
                attendance.set_times(attendance_id=line.id, arrived=arrived, left=left)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, votes_for=st.integers(0, 3), against=st.integers(0, 2))
    def add_resolution(self, laptop, pick, votes_for, against):
        text = f"That motion {self._text('number')} be agreed"

        def work():
            item = items(pick)
            if item is not None:
                resolutions.add_resolution(
                    item_id=item.id, text=text, votes_for=votes_for, votes_against=against
                )
                self._typed(text)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def edit_resolution(self, laptop, pick):
        text = f"That amendment {self._text('number')} be agreed"

        def work():
            row = pick_of(Resolution.live().order_by(Resolution.text), pick)
            if row is not None:
                self._replacing(row.text)
                resolutions.update_resolution(resolution_id=row.id, text=text)
                self._typed(text)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, choices=st.lists(st.sampled_from(["for", "against", ""])))
    def name_votes(self, laptop, pick, choices):
        def work():
            row = pick_of(Resolution.live().order_by(Resolution.text), pick)
            if row is None:
                return
            voters = voting.eligible_voters(row.item_id)
            votes = {
                voter.person_id: vote for voter, vote in zip(voters, choices, strict=False) if vote
            }
            resolutions.set_named_votes(resolution_id=row.id, votes=votes)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, restore=st.booleans())
    def delete_or_restore_resolution(self, laptop, pick, restore):
        def work():
            query = Resolution.select().order_by(Resolution.text)
            row = pick_of((r for r in query if (r.deleted_at is None) != restore), pick)
            if row is None:
                return
            if restore:
                resolutions.restore_resolution(resolution_id=row.id)
            else:
                self._replacing(row.text)
                resolutions.delete_resolution(resolution_id=row.id)

        self._on(laptop, work)

    # Papers and minutes

    @rule(laptop=LAPTOP, pick=PICK)
    def attach_paper(self, laptop, pick):
        title = self._text("Paper")
        path = Path(self.root) / "papers" / f"{title}.pdf"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(paper_pdf(title))

        def work():
            item = items(pick)
            if item is not None:
                documents.attach_document(item_id=item.id, path=path, title=title)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def retitle_paper(self, laptop, pick):
        title = self._text("Paper")

        def work():
            paper = pick_of(Document.live().order_by(Document.title), pick)
            if paper is not None:
                self._replacing(paper.title)
                documents.update_document(document_id=paper.id, title=title)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def write_minute(self, laptop, pick):
        notes = self._text("Notes")

        def work():
            item = items(pick)
            if item is not None:
                self._replacing(minutes.item_notes(item.id))
                minutes.set_item_notes(item_id=item.id, notes=notes)
                self._typed(notes)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def write_brief_note(self, laptop, pick):
        """The chair's brief, which still changes once the minutes are approved."""
        note = self._text("Brief")

        def work():
            item = items(pick)
            if item is not None:
                self._replacing(item.brief_note)
                agenda.update_item(item_id=item.id, brief_note=note)
                self._typed(note)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def circulate_minutes(self, laptop, pick):
        def work():
            meeting = pick_of(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is not None:
                minutes_versions.circulate(meeting_id=meeting.id)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, at=PICK)
    def approve_minutes(self, laptop, pick, at):
        def work():
            meeting = pick_of(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is None:
                return
            later = (
                AgendaItem.live()
                .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
                .where((Meeting.body == meeting.body_id) & (Meeting.date > meeting.date))
                .order_by(*ITEMS)
            )
            item = pick_of(later, at)
            if item is not None:
                minutes_versions.approve(meeting_id=meeting.id, at_item_id=item.id)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def take_back_approval(self, laptop, pick):
        def work():
            meeting = pick_of(
                Meeting.live().where(Meeting.status == "minutes approved").order_by(*MEETINGS),
                pick,
            )
            if meeting is None:
                return
            version = freeze.approved_version(meeting.id)
            if version is not None:  # its approving resolution goes, knowingly
                approving = Resolution.live().where(Resolution.approves_version == version.id)
                self._replacing(*(row.text for row in approving))
            minutes_versions.unapprove(meeting_id=meeting.id)

        self._on(laptop, work)


def _lines():
    return (
        Attendance.live()
        .join(Meeting, on=(Attendance.meeting == Meeting.id))
        .join(Person, on=(Attendance.person == Person.id))
        .order_by(*MEETINGS, Person.name)
    )
