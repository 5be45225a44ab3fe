"""`render report ITEM`: an item's committee report as the window prints it (issue 15). The
item is named by its number on the agenda (as published, or as publishing would give it),
or by its title."""

from __future__ import annotations

import io

from desktop_app.cli.targets import meeting_on, open_data
from desktop_app.errors import ValidationError


def render_report_command(args) -> int:
    from pypdf import PdfReader

    from desktop_app.dates import long_date
    from desktop_app.documents.report_pdf import render_report
    from desktop_app.output_paths import check_output
    from desktop_app.publishing import write_atomically
    from desktop_app.services.reports.writing import report_of_item

    check_output(args.out, data_dir=args.data_dir)
    if args.confidential or args.since or args.until:
        raise ValidationError("A report takes only its item, --body, --date, --out and --public.")
    if not args.item:
        raise ValidationError("Name the item whose report to render, by its number or title.")
    if not args.date:
        raise ValidationError("Give the date of the meeting whose item's report to render.")
    open_data(args)
    meeting = meeting_on(args.body, args.date)
    entry = item_named(meeting.id, args.item)
    label = f"Item {entry.number or entry.preview_number}"
    report = report_of_item(entry.id)
    if report is None:
        raise ValidationError(f"{label}, “{entry.title}”, has no report.")
    if args.public and entry.part == "II":
        raise ValidationError(f"{label} is taken in Part II, so its report has no public edition.")
    data = render_report(report.id, public=args.public)
    write_atomically(args.out, data)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(
        f"Wrote the report “{report.values['title']}” on {label.lower()} of "
        f"{args.body.strip()}, {long_date(meeting.date)} to {args.out} "
        f"({pages} page{'s' if pages != 1 else ''})."
    )
    return 0


def item_named(meeting_id: str, name: str):
    """The meeting's agenda item with that number, else with that title (case aside)."""
    from desktop_app.services.meeting_cycle.agenda import list_agenda

    wanted = name.strip()
    entries = list_agenda(meeting_id)
    for entry in entries:
        if wanted in (entry.number, entry.preview_number):
            return entry
    for entry in entries:
        if entry.title.casefold() == wanted.casefold():
            return entry
    raise ValidationError(f"The meeting has no item numbered or called “{wanted[:80]}”.")
