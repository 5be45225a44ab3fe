"""`render plan [PLAN] --body NAME` and `render progress [PLAN] --body NAME [--date DAY]`: a
body's strategy plan, and its progress report for the quarter holding DAY (the latest quarter
of the plan by default), as the window prints them (issue 15). PLAN is the plan's title; a
body with one plan needs none."""

from __future__ import annotations

import io

from desktop_app.cli.targets import body_named, open_data
from desktop_app.errors import ValidationError


def render_plan_command(args) -> int:
    from pypdf import PdfReader

    from desktop_app.documents.plan_pdf import render_plan, render_progress
    from desktop_app.output_paths import check_output
    from desktop_app.publishing import write_atomically
    from desktop_app.services import validation
    from desktop_app.services.plans.quarters import quarter_label, quarter_of

    check_output(args.out, data_dir=args.data_dir)
    if args.confidential or args.since or args.until or args.public:
        raise ValidationError(
            f"A {args.document} takes only the plan's title, --body, --out"
            + (" and --date (a day in the quarter)." if args.document == "progress" else ".")
        )
    if args.document == "plan" and args.date:
        raise ValidationError(
            "A plan is printed whole: give no --date (a progress report takes one)."
        )
    open_data(args)
    plan = plan_named(body_named(args.body).id, args.item)
    if args.document == "plan":
        data, what = render_plan(plan.id), f"the plan “{plan.title}”"
    else:
        day = validation.date(args.date, "day in the quarter")
        data = render_progress(plan.id, quarter=day)
        shown = quarter_of(day) if day else None
        what = f"the progress report on “{plan.title}”" + (
            f" for {quarter_label(shown)}" if shown else ""
        )
    write_atomically(args.out, data)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(f"Wrote {what} to {args.out} ({pages} page{'s' if pages != 1 else ''}).")
    return 0


def plan_named(body_id: str, title: str | None):
    """The body's plan with that title (case aside); its only plan when none is given."""
    from desktop_app.services.plans.plans import plans_of_body

    found = plans_of_body(body_id)
    if not title:
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError("The body has no plan.")
        raise ValidationError(
            f"The body has {len(found)} plans: name one ({', '.join(p.title for p in found)})."
        )
    for plan in found:
        if plan.title.casefold() == title.strip().casefold():
            return plan
    raise ValidationError(f"The body has no plan called “{title.strip()[:80]}”.")
