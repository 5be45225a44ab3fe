"""Who else is at a meeting besides its members' marks, from the Attendance tab: a
substitute standing in for a member, someone in attendance (the clerk, an officer
presenting), and when anyone came or went and during which item. Each is one undoable
step; a name no one has yet is added as a new person in the same step."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services.directory import people
from desktop_app.services.meeting_cycle import agenda, attendance
from desktop_app.services.meeting_cycle.attendance_sheet import AttendanceEntry
from ui.commands import kinds
from ui.commands.desk import Desk
from ui.commands.edits import create_for_person
from ui.record_dialog import RecordDialog


def add_substitute(
    desk: Desk, meeting_id: str, entries: list, chosen: AttendanceEntry | None
) -> None:
    """`entries` are the sheet's lines; `chosen` the member selected, offered as the one
    stood in for."""
    members = [(e.name, e.person_id) for e in entries if e.is_member]

    def submit(values: dict):
        member = values.get("substitute_for_id")
        unmarked = any(e.person_id == member and not e.status for e in entries)
        create_for_person(
            desk.stack,
            desk.changes,
            text="Add substitute",
            person_id=values.pop("person_id"),
            new_name=values.pop("new_person"),
            create=lambda person_id: attendance.add_substitute(
                meeting_id=meeting_id, person_id=person_id, **values
            ),
            kind=_SubstituteLine(meeting_id, member, unmarked),
        )

    dialog = RecordDialog("Substitute", submit, desk.widget)
    dialog.add_person("person_id", "Substitute", everyone(), offer_new=True)
    dialog.add_choice(
        "substitute_for_id",
        "Standing in for",
        members,
        chosen.person_id if chosen and chosen.is_member else None,
    )
    dialog.add_line("capacity", "Capacity", "", "e.g. Kent Police")
    dialog.exec()


def add_in_attendance(desk: Desk, meeting_id: str) -> None:
    submit = desk.for_person(
        "Add person in attendance",
        lambda **values: attendance.add_in_attendance(meeting_id=meeting_id, **values),
        kinds.ATTENDANCE,
    )
    dialog = RecordDialog("In attendance", submit, desk.widget)
    dialog.add_person("person_id", "Person", everyone(), offer_new=True)
    dialog.add_line("capacity", "Capacity", "", "e.g. Clerk, presenting item 33")
    dialog.exec()


def edit_times(desk: Desk, meeting_id: str, entry: AttendanceEntry) -> None:
    """When `entry` (marked already) came and went, and during which items."""
    before = times_of(entry)
    # set_times takes the times and items at once: one left out would be cleared.
    submit = desk.submitting(
        f"Times of {entry.name}",
        lambda values: attendance.set_times(attendance_id=entry.attendance_id, **values),
        lambda: attendance.set_times(attendance_id=entry.attendance_id, **before),
    )
    items = [("(not recorded)", None)] + [
        (f"{item.number or item.preview_number}  {item.title}".strip(), item.id)
        for item in agenda.list_agenda(meeting_id)
    ]
    dialog = RecordDialog(f"{entry.name}: arrived and left", submit, desk.widget)
    dialog.add_time("arrived", "Arrived at", entry.arrived, "e.g. 7.40 pm (if late)")
    dialog.add_choice("arrived_during", "During item", items, entry.arrived_during_id)
    dialog.add_time("left", "Left at", entry.left, "e.g. 8.15 pm (if before the end)")
    dialog.add_choice("left_during", "During item", items, entry.left_during_id)
    dialog.exec()


def times_of(entry: AttendanceEntry) -> dict:
    """When someone came and went, and during which items, as set_times takes them."""
    return {
        "arrived": entry.arrived,
        "left": entry.left,
        "arrived_during": entry.arrived_during_id,
        "left_during": entry.left_during_id,
    }


def everyone() -> list[tuple[str, str]]:
    return [(people.display_name(p), p.id) for p in people.list_people()]


@dataclass(frozen=True)
class _SubstituteLine:
    """A substitute's line as one undoable record: adding one marked the member's
    apologies if they had no mark, so taking it back clears that mark, and redo puts it
    back (the delete and restore of commands.kinds)."""

    meeting_id: str
    member_id: str | None
    member_was_unmarked: bool

    def delete(self, attendance_id: str) -> None:
        attendance.remove_attendance(attendance_id=attendance_id)
        if self.member_was_unmarked:
            attendance.clear_attendance(meeting_id=self.meeting_id, person_id=self.member_id)

    def restore(self, attendance_id: str) -> object:
        if self.member_was_unmarked:
            attendance.mark_attendance(
                meeting_id=self.meeting_id, person_id=self.member_id, status="apologies"
            )
        return attendance.restore_attendance(attendance_id=attendance_id)
