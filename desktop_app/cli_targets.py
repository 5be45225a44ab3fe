"""What the commands act on: the data folder they open, and the body or meeting a clerk
names with --body and --date. Shared by every command module, so each refuses a missing
body or a meeting that never was in the same words."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from desktop_app.errors import ValidationError


def open_data(args: argparse.Namespace, *, create: bool = False, tidy: bool = True) -> None:
    """Open the database in --data-dir; it must exist unless the command `create`s it.
    `tidy` removes temporary files a killed process left (database.open_database)."""
    from desktop_app.storage.database import DATABASE_NAME, open_database

    if not create and not (args.data_dir / DATABASE_NAME).is_file():
        raise ValidationError(f"There is no Minute Book data in {args.data_dir}.")
    open_database(args.data_dir, tidy=tidy)


def meeting_arguments(command: argparse.ArgumentParser, *, required: bool) -> None:
    """--body NAME and --date YYYY-MM-DD (optional where the body alone will do)."""
    command.add_argument("--body", metavar="NAME", required=True, help="the body's name")
    command.add_argument(
        "--date", metavar="YYYY-MM-DD", required=required, help="the meeting's date"
    )


def body_named(name: str):
    """The live body of that name, or a ValidationError saying there is none."""
    from desktop_app.services import validation
    from desktop_app.services.bodies import find_body

    body = find_body(name=validation.name(name, "body's name"))
    if body is None:
        raise ValidationError(f"There is no body called {name.strip()}.")
    return body


def meeting_on(body_name: str, date: str):
    """The body's meeting on `date`, or a ValidationError saying there is none."""
    from desktop_app.dates import long_date
    from desktop_app.services.meetings import find_meeting

    try:
        day = dt.date.fromisoformat(date.strip())
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.strip()):
            raise ValidationError(f"There is no date {date.strip()} in the calendar.") from None
        raise ValidationError(f"“{date}” is not a date written as YYYY-MM-DD.") from None
    body = body_named(body_name)
    meeting = find_meeting(body_id=body.id, date=day)
    if meeting is None:
        raise ValidationError(f"{body.name} has no meeting on {long_date(day)}.")
    return meeting
