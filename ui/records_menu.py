"""Records ▸ New body, New meeting and Schedule meetings, and the meeting page's Edit
details: each a dialog whose submit is one undoable command. Apart from the window, which
only assembles, and loaded when one of them first opens: the first paint needs none."""

from __future__ import annotations

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.session import stored_values
from ui.commands import kinds
from ui.commands.edits import create_record, edit_fields
from ui.commands.service_call import perform
from ui.errors import show_error


def new_body(window) -> None:
    from ui.record_dialog import RecordDialog, choices

    def submit(values: dict):
        body = create_record(
            window.undo_stack,
            window.changes,
            text=f"Add {values['name']}",
            create=lambda: bodies.create_body(**values),
            kind=kinds.BODY,
        )
        window.select("body", body.id)

    dialog = RecordDialog("New body", submit, window)
    dialog.add_line("name", "Name")
    dialog.add_choice("kind", "Kind", choices(vocabulary.BODY_KINDS), "committee")
    dialog.add_line("quorum", "Quorum", "", "a number (6) or a fraction (1/3)")
    dialog.add_line("venue", "Usual venue")
    # Which body reports to which is the clerk's choice, not whichever was selected; it
    # comes last, as a council or a first board reports to none.
    parents = [("(no parent body)", None)] + [(b.name, b.id) for b in bodies.list_bodies()]
    dialog.add_choice("parent_id", "Reports to", parents, None)
    dialog.exec()


def new_meeting(window) -> None:
    from ui.meeting_dialog import meeting_dialog

    body_id = window.current_body_id()
    if body_id is None:
        show_error(window, ValidationError("Choose the body the meeting belongs to first."))
        return
    body = bodies.get_body(body_id)

    def submit(values: dict):
        meeting = create_record(
            window.undo_stack,
            window.changes,
            text="Schedule meeting",
            create=lambda: meetings.create_meeting(body_id=body_id, **values),
            kind=kinds.MEETING,
        )
        window.select("meeting", meeting.id)

    dialog = meeting_dialog(window, f"New meeting of {body.name}", submit)
    dialog.widgets["venue"].setText(body.venue)
    dialog.exec()


def schedule_series(window) -> None:
    """A run of meetings (every second Monday at 14:30 until April), all undone at once."""
    from desktop_app.services.meeting_cycle import schedule
    from ui.record_dialog import RecordDialog, choices

    body_id = window.current_body_id()
    if body_id is None:
        show_error(window, ValidationError("Choose the body the meetings belong to first."))
        return
    body = bodies.get_body(body_id)
    made: list[str] = []

    def apply(values: dict):
        if made:
            for meeting_id in made:
                meetings.restore_meeting(meeting_id=meeting_id)
            return
        made.extend(m.id for m in schedule.schedule_series(body_id=body_id, **values))

    def revert():
        for meeting_id in reversed(made):
            meetings.delete_meeting(meeting_id=meeting_id)

    def submit(values: dict):
        values["interval"] = int(values["interval"])
        perform(
            window.undo_stack,
            window.changes,
            "Schedule meetings",
            lambda: apply(values),
            revert,
        )
        window.statusBar().showMessage(f"Scheduled {len(made)} meetings of {body.name}.", 8000)

    dialog = RecordDialog(f"Schedule meetings of {body.name}", submit, window)
    dialog.add_date("first", "First meeting")
    dialog.add_choice(
        "rule",
        "Repeat",
        [
            ("Weekly (every Nth week)", "weekly"),
            ("Monthly (same weekday of the month)", "monthly"),
        ],
        "weekly",
    )
    dialog.add_choice("interval", "Every", [(str(n), str(n)) for n in range(1, 13)], "2")
    dialog.add_date("until", "Until")
    dialog.add_time("start_time", "Starts")
    dialog.add_time("end_time", "Ends")
    dialog.add_line("venue", "Venue", body.venue)
    dialog.add_choice("kind", "Kind", choices(vocabulary.MEETING_KINDS), "ordinary")
    dialog.exec()


def edit_meeting(window) -> None:
    from ui.meeting_dialog import meeting_dialog

    record = window.meeting_page.record
    if record is None:
        return
    meeting = meetings.get_meeting(record.id)
    names = ("date", "start_time", "end_time", "venue", "kind")
    before = stored_values(meeting, names)

    def submit(values: dict):
        edit_fields(
            window.undo_stack,
            window.changes,
            text="Edit meeting details",
            update=meetings.update_meeting,
            id_name="meeting_id",
            row_id=record.id,
            before=before,
            after=values,
        )

    meeting_dialog(window, "Meeting details", submit, meeting).exec()
