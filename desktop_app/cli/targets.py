"""What the commands act on: the data folder they open, the body or meeting a clerk names
with --body and --date, and the person named with --name. Shared by every command module,
so each refuses a missing body, a meeting that never was or an unknown person in the same
words."""

from __future__ import annotations

import argparse
import sys

from desktop_app.errors import ValidationError


def open_data(args: argparse.Namespace, *, create: bool = False, tidy: bool = True) -> None:
    """Open the database in --data-dir. A folder that has never been started is started as
    the window starts one, with the example body (first_run.py), unless the command
    `create`s it to bring a record of its own in (import, sync): there the example would only
    get in the way. `tidy` removes temporary files a killed process left (open_database)."""
    from desktop_app.first_run import ensure_example
    from desktop_app.storage.database import open_database

    open_database(args.data_dir, tidy=tidy)
    if not create and ensure_example(args.data_dir):
        print(
            f"Started a new data folder in {args.data_dir}, with the example body.", file=sys.stderr
        )


def meeting_arguments(command: argparse.ArgumentParser, *, required: bool) -> None:
    """--body NAME and --date YYYY-MM-DD (optional where the body alone will do)."""
    command.add_argument("--body", metavar="NAME", required=True, help="the body's name")
    command.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        required=required,
        help="the meeting's date (17/12/2012 and 17 December 2012 will do too)",
    )


def body_named(name: str):
    """The live body of that name, or a ValidationError saying there is none."""
    from desktop_app.services import validation
    from desktop_app.services.directory.bodies import find_body

    body = find_body(name=validation.name(name, "body's name"))
    if body is None:
        raise ValidationError(f"There is no body called {name.strip()}.")
    return body


def meeting_on(body_name: str, date: str):
    """The body's meeting on `date`, or a ValidationError saying there is none."""
    from desktop_app.dates import long_date, parse_date
    from desktop_app.services.meeting_cycle.meetings import find_meeting

    day = parse_date(date, "meeting date")
    body = body_named(body_name)
    meeting = find_meeting(body_id=body.id, date=day)
    if meeting is None:
        raise ValidationError(f"{body.name} has no meeting on {long_date(day)}.")
    return meeting


def person_named(name: str):
    """The live person with that key, or else that name (with or without their title); a
    ValidationError if there is none, or more than one without a key to tell them apart."""
    from peewee import fn

    from desktop_app.services.directory.people import display_name
    from desktop_app.storage.models import Person

    wanted = name.strip().casefold()
    people = [
        p
        for p in Person.live().where(
            (fn.LOWER(Person.key) == wanted)
            | (fn.LOWER(Person.name) == wanted)
            | (fn.LOWER(fn.TRIM(Person.title + " " + Person.name)) == wanted)
        )
    ]
    by_key = [p for p in people if p.key.casefold() == wanted]
    if by_key:
        return by_key[0]
    if not people:
        raise ValidationError(f"There is no person called {name.strip()}.")
    if len(people) > 1:
        found = ", ".join(f"{display_name(p)} ({p.key})" for p in people)
        raise ValidationError(
            f"More than one person is called {name.strip()}: {found}; give a key."
        )
    return people[0]
