"""Commands on a meeting's record: `chair`, who presided (the Attendance tab's Chair). The
chair of the meeting that approves minutes is the one who signs them, so `sign` needs it."""

from __future__ import annotations

from desktop_app.cli.targets import meeting_arguments, meeting_on, open_data, person_named


def add_meeting_commands(commands) -> None:
    command = commands.add_parser(
        "chair", help="record who chaired a meeting (someone marked present at it)"
    )
    meeting_arguments(command, required=True)
    command.add_argument("--name", metavar="NAME", required=True, help="the person (name or key)")
    command.set_defaults(run=_chair)


def _chair(args) -> int:
    from desktop_app.dates import long_date
    from desktop_app.services.directory.people import display_name
    from desktop_app.services.meeting_cycle.attendance import set_chair

    open_data(args)
    meeting = meeting_on(args.body, args.date)
    person = person_named(args.name)
    set_chair(meeting_id=meeting.id, person_id=person.id)
    print(f"{display_name(person)} chaired the meeting of {long_date(meeting.date)}.")
    return 0
