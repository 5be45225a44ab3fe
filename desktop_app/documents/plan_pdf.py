"""A strategy plan printed two ways (seed 001, issue 15).

- The plan, in the seed's shape: its title and period, then each priority with its
  outcomes ("What we plan to achieve?"), "Why is this important?", the actions table
  (outcome, what we plan to do, lead, key partners, target date) and its performance
  measures, each said as the seed says it ("Reduce …, currently 26.5% to the national
  average of 24.2% by 2016.").
- The progress report for a quarter: how many actions stand at each RAG status, then per
  priority each action's RAG and its progress that quarter, and each measure's latest
  reading against its baseline, comparator and target, with a small chart of it over time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop_app import vocabulary
from desktop_app.dates import long_date
from desktop_app.documents import styles
from desktop_app.documents.fonts import BOLD
from desktop_app.documents.measure_chart import measure_chart
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.styles import text
from desktop_app.errors import Cancelled
from desktop_app.services.plans.outline import (
    ActionView,
    MeasureView,
    PlanOutline,
    PriorityView,
    month_year,
    plan_outline,
)
from desktop_app.services.plans.quarters import (
    quarter_end,
    quarter_label,
    quarter_months,
    quarter_of,
)

plan_title = ParagraphStyle("plan_title", parent=styles.title, fontSize=20, leading=26)
period = ParagraphStyle("plan_period", parent=styles.subtitle, fontName=BOLD, fontSize=14)
priority_heading = ParagraphStyle(
    "plan_priority", parent=styles.heading, fontSize=14, leading=18, spaceBefore=14
)
outcome_line = ParagraphStyle(
    "plan_outcome", parent=styles.body, leftIndent=10 * mm, bulletIndent=0, bulletFontName=BOLD
)
cell_small = ParagraphStyle("plan_cell", parent=styles.cell, fontSize=9, leading=11.5)
cell_small_bold = ParagraphStyle("plan_cell_bold", parent=cell_small, fontName=BOLD)
partner = ParagraphStyle(
    "plan_partner", parent=cell_small, leftIndent=7, bulletIndent=0, bulletFontSize=8
)
OUTCOME = 19 * mm  # the outcome column: "Outcome" in bold fits on one line
HEAD_ROOM = 6 * styles.LEADING  # a heading never ends a page alone


def render_plan(plan_id: str, *, progress=None) -> bytes:
    """The plan as PDF bytes, in the shape of seed 001."""
    plan = plan_outline(plan_id)
    story = _cover(plan, "")
    steps = _Steps(progress, len(plan.priorities))
    for priority in plan.priorities:
        story += _priority_plan(plan, priority)
        steps.step()
    return build_pdf(
        story,
        metadata=_metadata(plan, "Strategy action plan"),
        furniture=Furniture(header_left=plan.body_name, header_right=_name(plan)),
    )


def render_progress(
    plan_id: str, *, quarter: dt.date | None = None, today: dt.date | None = None, progress=None
) -> bytes:
    """The progress report for `quarter` (any day in it; by default the latest quarter of
    the plan that has begun)."""
    plan = plan_outline(plan_id)
    first = quarter_of(quarter or min(today or dt.date.today(), plan.ends))
    story = _cover(plan, f"Progress report: {quarter_label(first)} ({quarter_months(first)})")
    story += _summary(plan, first)
    steps = _Steps(progress, len(plan.priorities))
    for priority in plan.priorities:
        story += _priority_progress(plan, priority, first)
        steps.step()
    return build_pdf(
        story,
        metadata=_metadata(plan, f"Progress report, {quarter_label(first)}"),
        furniture=Furniture(
            header_left=plan.body_name,
            header_right=f"{_name(plan)}: progress, {quarter_label(first)}",
        ),
    )


class _Steps:
    def __init__(self, progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def step(self) -> None:
        if self.progress is not None and getattr(self.progress, "cancelled", False):
            raise Cancelled("The plan was not printed.")
        self.done += 1
        if self.progress is not None:
            self.progress.report(self.done, self.total)


def _name(plan: PlanOutline) -> str:
    return f"{plan.title} {plan.period}"


def _metadata(plan: PlanOutline, subject: str) -> Metadata:
    return Metadata(
        title=f"{_name(plan)}: {plan.body_name}",
        subject=subject,
        keywords=", ".join(["plan", plan.body_name, plan.period]),
    )


def _cover(plan: PlanOutline, subtitle: str) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(text(plan.body_name), styles.subtitle),
        Paragraph(text(plan.title), plan_title),
        Paragraph(text(plan.period), period),
        Paragraph(
            text(f"{long_date(plan.starts)} to {long_date(plan.ends)}"), _centred(styles.muted)
        ),
    ]
    if subtitle:
        story.append(Spacer(1, 6))
        story.append(Paragraph(text(subtitle), styles.subtitle))
    story.append(Spacer(1, 10))
    if plan.introduction and not subtitle:
        story += styles.paragraphs(plan.introduction)
    return story


def _centred(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_centred", parent=style, alignment=1)


# -- the plan ---------------------------------------------------------------------------------


def _priority_plan(plan: PlanOutline, priority: PriorityView) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(HEAD_ROOM),
        Paragraph(text(f"Priority {priority.number}: {priority.title}"), priority_heading),
    ]
    if priority.outcomes:
        story.append(Paragraph("Outcomes – What we plan to achieve?", styles.subheading))
        story += [
            Paragraph(text(o.text), outcome_line, bulletText=f"{o.code}.")
            for o in priority.outcomes
        ]
    if priority.why_points:
        story.append(Paragraph(text("Why is this important?"), styles.subheading))
        story += [
            Paragraph(text(point), styles.bullet, bulletText="•") for point in priority.why_points
        ]
    if priority.actions:
        story.append(CondPageBreak(HEAD_ROOM))
        story.append(
            Paragraph(
                "Actions – What we will do in order to achieve the stated outcomes",
                styles.subheading,
            )
        )
        story.append(_actions_table(priority.actions))
    if priority.measures:
        story.append(CondPageBreak(HEAD_ROOM))
        story.append(Paragraph("Performance measures", styles.subheading))
        story += [
            Paragraph(text(measure_sentence(m)), styles.bullet, bulletText="•")
            for m in priority.measures
        ]
    return story


def _actions_table(actions: list[ActionView]) -> Table:
    header = ["Outcome", "What we plan to do", "Lead", "Key partners", "Target date"]
    rows = [[Paragraph(f"<b>{h}</b>", cell_small) for h in header]]
    for action in actions:
        partners = [Paragraph(text(p.name), partner, bulletText="•") for p in action.partners]
        rows.append(
            [
                Paragraph(text(f"{action.code}."), cell_small_bold),
                Paragraph(text(action.text), cell_small),
                Paragraph(text(action.lead), cell_small),
                partners or Paragraph("", cell_small),
                Paragraph(text(action.target_text), cell_small),
            ]
        )
    widths = [OUTCOME, 56 * mm, 24 * mm, 42 * mm]
    widths.append(styles.TEXT_WIDTH - sum(widths))
    return _grid(rows, widths)


def _grid(rows: list, widths: list[float], *commands: tuple) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        styles.table_style(
            ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
            ("GRID", (0, 0), (-1, -1), 0.4, styles.RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        )
    )
    return table


def measure_sentence(measure: MeasureView) -> str:
    """As seed 001 says a measure: “Reduce percentage of obese adults, currently 26.5% to
    the national average of 24.2% by 2016.”"""
    words = measure.name
    if measure.baseline is not None:
        when = f" ({month_year(measure.baseline_date)})" if measure.baseline_date else ""
        words += f", currently {measure.figure(measure.baseline)}{when}"
    label, comparator = measure.comparator_label, measure.comparator
    if measure.target is not None:
        if comparator is not None and comparator == measure.target and label:
            words += f" to the {label} of {measure.figure(measure.target)}"
        else:
            words += f" to {measure.figure(measure.target)}"
            if comparator is not None:
                words += f" ({label or 'comparator'}: {measure.figure(comparator)})"
    elif comparator is not None:
        words += f"; {label or 'comparator'} {measure.figure(comparator)}"
    if measure.target_date is not None:
        words += f" by {measure.target_date.year}"
    return words + "."


# -- the progress report ----------------------------------------------------------------------


def _summary(plan: PlanOutline, first: dt.date) -> list[Flowable]:
    """How many actions stand at each status in the quarter, in their colours."""
    counts = Counter(action.status_in(first) for action in plan.actions)
    cells, commands = [], []
    for column, status in enumerate(vocabulary.PLAN_STATUSES):
        rag = vocabulary.PLAN_RAG[status]
        cells.append(
            Paragraph(f"<b>{counts[status]}</b> {text(_status_label(status))}", cell_small)
        )
        commands.append(("LINEBELOW", (column, 0), (column, 0), 3, styles.RAG[rag]))
    met = [m.met(m.latest(quarter_end(first))) for m in plan.measures]
    story: list[Flowable] = [
        Paragraph(text(f"Actions: {len(plan.actions)}"), styles.subheading),
        _grid([cells], [styles.TEXT_WIDTH / len(cells)] * len(cells), *commands),
        Spacer(1, 4),
        Paragraph(
            text(
                f"Performance measures: {len(plan.measures)}, of which {met.count(True)} "
                f"reach their target by {long_date(quarter_end(first))} and "
                f"{sum(1 for m in plan.measures if not m.latest(quarter_end(first)))} "
                "have no reading yet."
            ),
            styles.body,
        ),
    ]
    return story


def _status_label(status: str) -> str:
    """Green – on track"""
    rag = vocabulary.PLAN_RAG[status]
    colour = {"grey": "Grey", "blue": "Blue"}.get(rag, rag.capitalize())
    return f"{colour} – {status}"


def _priority_progress(plan: PlanOutline, priority: PriorityView, first: dt.date) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(HEAD_ROOM),
        Paragraph(text(f"Priority {priority.number}: {priority.title}"), priority_heading),
    ]
    if priority.actions:
        story.append(Paragraph("Actions", styles.subheading))
        story.append(_progress_table(priority.actions, first))
    if priority.measures:
        story.append(CondPageBreak(HEAD_ROOM))
        story.append(Paragraph("Performance measures", styles.subheading))
        for measure in priority.measures:
            story.append(KeepTogether(_measure_block(plan, measure, first)))
    return story


def _progress_table(actions: list[ActionView], first: dt.date) -> Table:
    header = ["Outcome", "Action", "Target date", "RAG", f"Progress, {quarter_label(first)}"]
    rows = [[Paragraph(f"<b>{h}</b>", cell_small) for h in header]]
    commands = []
    for row, action in enumerate(actions, start=1):
        status = action.status_in(first)
        note = action.progress_in(first)
        said = note.text if note else _earlier(action, first)
        rows.append(
            [
                Paragraph(text(f"{action.code}."), cell_small_bold),
                Paragraph(text(action.text), cell_small),
                Paragraph(text(action.target_text), cell_small),
                Paragraph(f"<b>{text(_status_label(status))}</b>", cell_small),
                Paragraph(text(said), cell_small),
            ]
        )
        commands.append(
            ("LINEBEFORE", (3, row), (3, row), 4, styles.RAG[vocabulary.PLAN_RAG[status]])
        )
    widths = [OUTCOME, 56 * mm, 24 * mm, 24 * mm]
    widths.append(styles.TEXT_WIDTH - sum(widths))
    return _grid(rows, widths, *commands)


def _earlier(action: ActionView, first: dt.date) -> str:
    """What an action without progress that quarter last said, or that it said nothing."""
    for note in action.progress:
        if note.quarter < first:
            return f"No update this quarter. {quarter_label(note.quarter)}: {note.text}"
    return "No progress recorded yet."


def _measure_block(plan: PlanOutline, measure: MeasureView, first: dt.date) -> list[Flowable]:
    latest = measure.latest(quarter_end(first))
    met = measure.met(latest)
    judged = {True: "Target reached", False: "Not yet at target", None: "No reading yet"}[met]
    if latest is None and measure.target is None:
        judged = "No target set"
    facts = [
        ("Baseline", _dated(measure.figure(measure.baseline), measure.baseline_date)),
        (measure.comparator_label.capitalize() or "Comparator", measure.figure(measure.comparator)),
        ("Target", _dated(measure.figure(measure.target), measure.target_date)),
        (
            "Latest reading",
            _dated(measure.figure(latest.value), latest.date) if latest else "None yet",
        ),
        ("Against target", judged),
    ]
    lines = [Paragraph(text(measure.name), cell_small_bold)]
    lines += [
        Paragraph(f"<b>{text(name)}:</b> {text(value or '–')}", cell_small) for name, value in facts
    ]
    chart = measure_chart(measure, starts=plan.starts, ends=plan.ends)
    table = Table(
        [[lines, chart]], colWidths=[styles.TEXT_WIDTH - chart.width - 4 * mm, chart.width + 4 * mm]
    )
    table.setStyle(
        styles.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.4, styles.RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return [table, Spacer(1, 4)]


def _dated(value: str, day: dt.date | None) -> str:
    if not value:
        return ""
    return f"{value} ({long_date(day)})" if day else value
