"""`render update --body NAME [--date DAY]`: a group's quarterly update for the quarter holding
DAY (its latest when no day is given), as the window prints it; for a board, every update its
groups wrote for that quarter in one document (seed 002), dated today (issue 15)."""

from __future__ import annotations

import datetime as dt
import io

from desktop_app.cli.targets import body_named, open_data
from desktop_app.errors import ValidationError


def render_update_command(args) -> int:
    from pypdf import PdfReader

    from desktop_app.documents.update_pdf import render_combined, render_update
    from desktop_app.output_paths import check_output
    from desktop_app.publishing import write_atomically
    from desktop_app.services import validation
    from desktop_app.services.plans.quarters import quarter_label, quarter_of
    from desktop_app.services.updates.writing import updates_of_body

    check_output(args.out, data_dir=args.data_dir)
    if args.item or args.confidential or args.since or args.until or args.public:
        raise ValidationError(
            "An update takes only --body, --out and --date (a day in the quarter)."
        )
    open_data(args)
    body = body_named(args.body)
    day = validation.date(args.date, "day in the quarter")
    if not body.__data__.get("parent"):
        if day is None:
            raise ValidationError(
                f"Give --date, a day in the quarter whose updates to {body.name} to combine."
            )
        data = render_combined(board_id=body.id, quarter=day, date=dt.date.today())
        what = f"the {quarter_label(quarter_of(day))} updates to {body.name}"
    else:
        found = updates_of_body(body.id)
        if day is not None:
            found = [u for u in found if u.quarter == quarter_of(day)]
        if not found:
            raise ValidationError(
                f"{body.name} has no quarterly update"
                + (f" for {quarter_label(quarter_of(day))}." if day else ".")
            )
        data, what = render_update(found[0].id), f"“{found[0].title}”"
    write_atomically(args.out, data)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(f"Wrote {what} to {args.out} ({pages} page{'s' if pages != 1 else ''}).")
    return 0
