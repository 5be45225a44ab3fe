"""The document commands of the command line (DESIGN.md §7): `render`, `brief`, `archive` and
`publish`, each the same catalogue entry the window's Documents menu uses."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from desktop_app.cli.targets import body_named, meeting_arguments, meeting_on, open_data
from desktop_app.errors import ValidationError

RENDERED = (
    "minutes", "agenda", "pack", "actions", "decisions", "attendance", "report", "plan",
    "progress", "update",
)  # fmt: skip
REGISTERS = ("actions", "decisions", "attendance")


def add_document_commands(commands) -> None:
    """Add the document commands to the command line's subparsers."""
    command = commands.add_parser(
        "render",
        help="write a document as the app prints it: minutes, agenda, pack, a register "
        "(actions, decisions, attendance), an item's report, a body's plan or its progress, or "
        "a group's quarterly update (a board's: its groups' updates combined)",
    )
    command.add_argument("document", choices=RENDERED, metavar="DOCUMENT", help=", ".join(RENDERED))
    command.add_argument(
        "item",
        nargs="?",
        metavar="ITEM",
        help="for a report: the item's number or title; for a plan or progress: the plan's title",
    )
    meeting_arguments(command, required=False)
    command.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    command.add_argument(
        "--public", action="store_true", help="the public edition: no Part II business"
    )
    command.add_argument(
        "--confidential", action="store_true", help="the confidential minutes (Part II)"
    )
    command.add_argument(
        "--from", dest="since", metavar="YYYY-MM-DD", help="a register's first day (a year before)"
    )
    command.add_argument(
        "--to", dest="until", metavar="YYYY-MM-DD", help="a register's last day (today)"
    )
    command.set_defaults(run=_render)

    for name, key, what in (
        ("brief", "brief", "the chair's brief: the agenda with the clerk's notes and timings"),
        ("archive", "archive", "the meeting archive: every part of the record in one PDF"),
    ):
        command = commands.add_parser(name, help=f"write {what}")
        meeting_arguments(command, required=True)
        command.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
        command.set_defaults(run=_render_one, key=key)

    command = commands.add_parser(
        "publish", help="write the meeting's public agenda, pack and minutes into a folder"
    )
    meeting_arguments(command, required=True)
    command.add_argument("--to", dest="folder", metavar="DIR", type=Path, required=True)
    command.set_defaults(run=_publish)


def _render(args) -> int:
    from desktop_app.documents import catalogue
    from desktop_app.output_paths import check_output

    if args.document == "report":
        from desktop_app.cli.reports import render_report_command

        return render_report_command(args)
    if args.document in ("plan", "progress"):
        from desktop_app.cli.plans import render_plan_command

        return render_plan_command(args)
    if args.document == "update":
        from desktop_app.cli.updates import render_update_command

        return render_update_command(args)
    check_output(args.out, data_dir=args.data_dir)
    if args.item:
        raise ValidationError(f"Only a report is of one item; the {args.document} takes no ITEM.")
    if args.confidential and args.document != "minutes":
        raise ValidationError("Only the minutes have a confidential edition.")
    if args.document in REGISTERS:
        return _render_register(args, catalogue.document(args.document))
    if args.since or args.until:
        raise ValidationError(f"The {args.document} is of one meeting: give --date, not a period.")
    if not args.date:
        raise ValidationError(f"Give the date of the meeting whose {args.document} to render.")
    return _render_meeting(args, _edition(args))


def _render_register(args, kind) -> int:
    from desktop_app.documents import catalogue

    if args.date:
        raise ValidationError("A register is of the body, not of one meeting: leave out --date.")
    if args.public and not kind.public_option:
        raise ValidationError(f"The {kind.label.lower()} has no public edition.")
    options = {"public": True} if args.public else {}
    today = dt.date.today()
    if not kind.period and (args.since or args.until):
        raise ValidationError(
            f"The {kind.label.lower()} is as it stands today: leave out --from/--to."
        )
    open_data(args)
    body_id = body_named(args.body).id
    if not kind.period:
        return _write(kind, catalogue.body_target(body_id, date=today), args.out, **options)
    since, until = catalogue.period(args.since, args.until, today=today)
    target = catalogue.body_target(body_id, since=since, until=until)
    return _write(kind, target, args.out, from_date=since, to_date=until, **options)


def _edition(args) -> str:
    """The catalogue's key for the document and the edition asked for."""
    if args.public and args.confidential:
        raise ValidationError("A document cannot be both --public and --confidential.")
    if args.document == "minutes":
        return "confidential-minutes" if args.confidential else "minutes"
    return f"public-{args.document}" if args.public else args.document


def _render_one(args) -> int:
    from desktop_app.output_paths import check_output

    check_output(args.out, data_dir=args.data_dir)
    return _render_meeting(args, args.key)


def _render_meeting(args, key: str) -> int:
    from desktop_app.documents import catalogue

    kind = catalogue.document(key)
    open_data(args)
    meeting_id = meeting_on(args.body, args.date).id
    return _write(kind, catalogue.meeting_target(meeting_id), args.out)


def _write(kind, target, out: Path, **options) -> int:
    from pypdf import PdfReader

    from desktop_app.publishing import write_atomically

    data = kind.render(target.id, **options)
    write_atomically(out, data)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(
        f"Wrote the {kind.label.lower()} of {target.body_name}, {target.when} to {out} "
        f"({pages} page{'s' if pages != 1 else ''})."
    )
    return 0


def _publish(args) -> int:
    from desktop_app.output_paths import check_output_folder
    from desktop_app.publishing import check_folder, publish_meeting

    check_folder(check_output_folder(args.folder, data_dir=args.data_dir))
    open_data(args)
    written = publish_meeting(meeting_on(args.body, args.date).id, args.folder)
    for path in written:
        print(f"Published {path}")
    return 0
