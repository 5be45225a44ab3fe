"""The registers as PDFs (DESIGN.md §4), on landscape pages: the action log with its RAG
colours, the decisions register, and each member's attendance with a grid of the meetings.
They print the services' own queries (actions.py, registers.py). A public edition leaves out
everything from a Part II item, including the sub-items beneath one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.dates import long_date, short_date
from desktop_app.documents import styles
from desktop_app.documents.fonts import BOLD, REGULAR
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.styles import text
from desktop_app.services import validation
from desktop_app.services.decisions import registers
from desktop_app.services.decisions.actions import entries_query, to_entries
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
)

PAGE = landscape(styles.PAGE)
WIDTH = PAGE[0] - styles.MARGIN_LEFT - styles.MARGIN_RIGHT
DUE_SOON = 14  # days: an action due within this is amber
RECENT = 183  # days: done actions from meetings this recent are still listed
ROWS_PER_TABLE = 60  # long lists go in several tables, so reportlab lays each out quickly
GRID_COLUMNS = 9  # meetings side by side in the attendance grid (most of a year)
MARK_WIDTH = 12 * mm
TOTAL_WIDTH = 17 * mm
GREY = styles.RAG["done"]
# The action log's sections, in the order a clerk chases them.
SECTIONS = (
    ("red", "Overdue"),
    ("amber", f"Due within {DUE_SOON} days or at risk"),
    ("green", "On track"),
    ("done", "Done recently"),
)
MARKS = {"present": "P", "apologies": "A", "substituted": "S", "absent": "–"}

_cell = ParagraphStyle("register_cell", parent=styles.cell, fontSize=9, leading=11.5)
_head = ParagraphStyle("register_head", parent=_cell, fontName=BOLD)
_centred_head = ParagraphStyle(
    "register_centred_head", parent=_head, alignment=1, fontSize=8, leading=10
)


def render_action_log(body_id: str, *, public: bool = False, today: dt.date | None = None) -> bytes:
    """The body's actions not yet done, and those done from meetings of the last six months,
    by RAG colour: red overdue, amber due within 14 days or at risk, green on track, grey done."""
    body = validation.live_row(Body, body_id, "body")
    today = today or dt.date.today()
    recent = today - dt.timedelta(days=RECENT)
    query = entries_query().where(
        (Meeting.body == body.id) & ((Action.status != "done") | (Meeting.date >= recent))
    )
    entries = to_entries(query, today)
    secret = part_two_items(e.item_id for e in entries)
    if public:
        entries = [e for e in entries if e.item_id not in secret]
    grouped: dict[str, list] = {colour: [] for colour, _ in SECTIONS}
    for entry in entries:
        grouped[rag_colour(entry.status, entry.due, today)].append(entry)
    story = _heading(body.name, "Action log", f"as at {long_date(today)}", public)
    story.append(_legend())
    if not entries:
        story.append(Paragraph("There are no open or recent actions.", styles.body))
    widths = [6 * mm, 20 * mm, 30 * mm, None, 38 * mm, 24 * mm, 48 * mm]
    header = ["", "Status", "Raised", "Action", "Owner", "Due", "Latest progress"]
    for colour, title in SECTIONS:
        rows = sorted(
            grouped[colour],
            key=lambda e: (e.due or dt.date.max, e.meeting_date, e.minute_number, e.text),
        )
        if not rows:
            continue
        story.append(Paragraph(f"{title} ({len(rows)})", styles.subheading))
        lines = [
            [
                "",
                e.status,
                Paragraph(_raised(e.meeting_date, e.minute_number, e.item_id in secret), _cell),
                Paragraph(text(e.text), _cell),
                Paragraph(text(e.owner), _cell),
                short_date(e.due) if e.due else "",
                Paragraph(text(e.last_note), _cell),
            ]
            for e in rows
        ]
        swatch = [("BACKGROUND", (0, 1), (0, -1), styles.RAG[colour])]
        story += _tables(header, lines, widths, swatch)
    return _build(story, body.name, "Action log", long_date(today), public)


def render_decisions_register(
    body_id: str, from_date: dt.date | str, to_date: dt.date | str, *, public: bool = False
) -> bytes:
    """Every resolution of the body between the dates (inclusive), in meeting and minute
    order, with how it was carried."""
    body = validation.live_row(Body, body_id, "body")
    entries = registers.decisions_register(body_id=body.id, since=from_date, until=to_date)
    secret = part_two_items(e.item_id for e in entries)
    if public:
        entries = [e for e in entries if e.item_id not in secret]
    start, end = _dates(from_date, to_date)
    period = f"{long_date(start)} to {long_date(end)}"
    story = _heading(body.name, "Decisions register", period, public)
    if not entries:
        story.append(Paragraph("No decisions were recorded in this period.", styles.body))
    widths = [24 * mm, 24 * mm, 55 * mm, None, 45 * mm]
    header = ["Meeting", "Minute", "Item", "Decision", "How carried"]
    lines = [
        [
            short_date(e.meeting_date),
            Paragraph(text(e.minute_number), _cell),  # "Cou/285/07-08" wraps
            Paragraph(
                text(e.item_title) + (" <i>(Part II)</i>" if e.item_id in secret else ""), _cell
            ),
            Paragraph(f"<b>{text(e.outcome.upper())}:</b> {text(e.text)}", _cell),
            Paragraph(text(e.summary), _cell),
        ]
        for e in entries
    ]
    if lines:
        story += _tables(header, lines, widths)
    return _build(story, body.name, "Decisions register", period, public)


def render_attendance_record(
    body_id: str, from_date: dt.date | str, to_date: dt.date | str
) -> bytes:
    """Each member's mark at each meeting held in the period, with their meetings,
    attendances, apologies and absences, and the share of meetings they attended."""
    body = validation.live_row(Body, body_id, "body")
    records = registers.attendance_record(body_id=body.id, since=from_date, until=to_date)
    start, end = _dates(from_date, to_date)
    period = f"{long_date(start)} to {long_date(end)}"
    story = _heading(body.name, "Attendance record", period, False)
    if not records:
        story.append(Paragraph("No meetings were held in this period.", styles.body))
    else:
        story += _grid(body.id, start, end, records)
    return _build(story, body.name, "Attendance record", period, False)


def rag_colour(status: str, due: dt.date | None, today: dt.date) -> str:
    """red overdue or late, amber due within DUE_SOON days or at risk, green otherwise; done."""
    if status == "done":
        return "done"
    if status == "late" or (due is not None and due < today):
        return "red"
    if status == "at risk" or (due is not None and (due - today).days <= DUE_SOON):
        return "amber"
    return "green"


def part_two_items(item_ids: Iterable[str]) -> set[str]:
    """The items among these that are Part II, on their own or beneath a Part II item."""
    known: dict[str, tuple[str | None, bool]] = {}
    wanted = set(item_ids)
    while wanted:
        batch = list(wanted)
        wanted = set()
        for start in range(0, len(batch), 500):
            for item_id, parent, confidential in (
                AgendaItem.select(AgendaItem.id, AgendaItem.parent, AgendaItem.confidential)
                .where(AgendaItem.id.in_(batch[start : start + 500]))
                .tuples()
            ):
                known[item_id] = (parent, bool(confidential))
                if parent and parent not in known:
                    wanted.add(parent)

    def secret(item_id: str | None) -> bool:
        while item_id in known:
            parent, confidential = known[item_id]
            if confidential:
                return True
            item_id = parent
        return False

    return {item_id for item_id in known if secret(item_id)}


# -- the attendance grid -----------------------------------------------------------------------


def _grid(body_id: str, start: dt.date, end: dt.date, records: list) -> list[Flowable]:
    """Members down, meetings across (P, A, S or –; shaded where the person was not a member
    then) and the totals at the right; a long period takes several tables of meetings."""
    held = list(
        Meeting.live()
        .select(Meeting.id, Meeting.date)
        .where(
            (Meeting.body == body_id)
            & (Meeting.date >= start)
            & (Meeting.date <= end)
            & Meeting.status.in_(registers.HELD)
        )
        .order_by(Meeting.date, Meeting.start_time)
        .tuples()
    )
    ids = [meeting_id for meeting_id, _ in held]
    terms: dict[str, list] = {}
    for person_id, joined, left in (
        Membership.live()
        .select(Membership.person, Membership.from_date, Membership.to_date)
        .where((Membership.body == body_id) & (Membership.role != "substitute"))
        .tuples()
    ):
        terms.setdefault(person_id, []).append((joined, left))
    marks: dict[tuple[str, str], str] = {}
    for meeting_id, person_id, status, replaced in (
        Attendance.live()
        .select(Attendance.meeting, Attendance.person, Attendance.status, Attendance.substitute_for)
        .where(Attendance.meeting.in_(ids))
        .tuples()
    ):
        if status == "substitute" and replaced:
            marks[(replaced, meeting_id)] = "substituted"
        elif (person_id, meeting_id) not in marks:
            marks[(person_id, meeting_id)] = status
    story: list[Flowable] = [
        Paragraph(
            "P present · A apologies · S apologies, a substitute attended (Subst.) · – absent · "
            "shaded: not a member on that date",
            styles.muted,
        ),
        Spacer(0, 4),
    ]
    totals = ["Meetings", "Present", "Apologies", "Absent", "Subst.", "Attended"]
    chunks = [held[n : n + GRID_COLUMNS] for n in range(0, len(held), GRID_COLUMNS)] or [[]]
    for n, chunk in enumerate(chunks):
        last = n == len(chunks) - 1
        header = ["Member"] + [Paragraph(_column_date(day), _centred_head) for _, day in chunk]
        if last:
            header += [Paragraph(word, _centred_head) for word in totals]
        rows, shaded = [], []
        for row, record in enumerate(records, start=1):
            cells = [Paragraph(text(record.name), _cell)]
            for column, (meeting_id, day) in enumerate(chunk, start=1):
                if _member_on(terms.get(record.person_id, []), day):
                    mark = marks.get((record.person_id, meeting_id), "absent")
                    cells.append(MARKS.get(mark, "–"))
                else:
                    cells.append("")
                    shaded.append(("BACKGROUND", (column, row), (column, row), styles.SHADE))
            if last:
                counts = (record.meetings, record.present, record.apologies, record.absent)
                cells += [str(v) for v in (*counts, record.substituted)]
                cells.append(f"{record.percentage}%")
            rows.append(cells)
        widths = [None] + [MARK_WIDTH] * len(chunk) + ([TOTAL_WIDTH] * len(totals) if last else [])
        story += _tables(header, rows, widths, shaded, centred=range(1, len(widths)))
        story.append(Spacer(0, 8))
    return story


def _member_on(terms: list, day) -> bool:
    return any(
        (joined is None or joined <= day) and (left is None or left >= day)
        for joined, left in terms
    )


def _column_date(day) -> str:
    day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    return f"{day.day} {day:%b}<br/>{day:%Y}"


# -- shared layout ------------------------------------------------------------------------------


def _heading(body: str, title: str, subtitle: str, public: bool) -> list[Flowable]:
    left = styles.title.clone("register_title", alignment=0, spaceAfter=2)
    under = styles.subtitle.clone("register_subtitle", alignment=0, textColor=styles.MUTED)
    story: list[Flowable] = [
        Paragraph(text(body.upper()), left),
        Paragraph(text(f"{title}, {subtitle}"), under),
    ]
    if public:
        story.append(
            Paragraph(
                "Public edition: items taken in private (Part II) are left out.", styles.muted
            )
        )
    story.append(Spacer(0, 6))
    return story


def _legend() -> Table:
    cells, commands = [], []
    for n, (colour, title) in enumerate(SECTIONS):
        cells += ["", Paragraph(text(title), styles.muted)]
        commands.append(("BACKGROUND", (2 * n, 0), (2 * n, 0), styles.RAG[colour]))
    table = Table([cells], colWidths=[4 * mm, 52 * mm] * len(SECTIONS), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *commands,
            ]
        )
    )
    return table


def _tables(
    header: list, rows: list[list], widths: list, extra: list | None = None, centred=()
) -> list[Table]:
    """The rows under a repeated header row, in tables of ROWS_PER_TABLE; `extra` holds style
    commands addressed to rows of the whole list (row 1 is the first data row). Short cells
    are plain strings in the cell font: a Paragraph in each costs a wrap per layout pass."""
    fixed = sum(w for w in widths if w is not None)
    flexible = sum(1 for w in widths if w is None)
    widths = [w if w is not None else (WIDTH - fixed) / flexible for w in widths]
    head = [Paragraph(h, _head) if isinstance(h, str) else h for h in header]
    tables = []
    for first in range(0, len(rows), ROWS_PER_TABLE):
        chunk = rows[first : first + ROWS_PER_TABLE]
        commands = [
            # Each cell's font, never Helvetica, and the font of the plain-string cells.
            ("FONT", (0, 0), (-1, -1), REGULAR, _cell.fontSize, _cell.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), styles.INK),
            *[("ALIGN", (c, 0), (c, -1), "CENTER") for c in centred],
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, styles.RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for name, (c1, r1), (c2, r2), *value in extra or []:
            # Swatches address whole columns (r2 = -1); others one row of the full list.
            if r2 == -1:
                commands.append((name, (c1, 1), (c2, -1), *value))
            elif first < r1 <= first + len(chunk):
                commands.append((name, (c1, r1 - first), (c2, r2 - first), *value))
        table = Table([head, *chunk], colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        tables.append(table)
    return tables


def _raised(day: dt.date, number: str, secret: bool) -> str:
    where = f"{short_date(day)}<br/>Minute {text(number)}" if number else short_date(day)
    return where + (' <font color="#8b1a1a">(Part II)</font>' if secret else "")


def _dates(from_date, to_date) -> tuple[dt.date, dt.date]:
    start = validation.date(from_date, "start of the period", required=True)
    end = validation.date(to_date, "end of the period", required=True)
    return start, end


def _build(story: list, body: str, title: str, when: str, public: bool) -> bytes:
    return build_pdf(
        story,
        metadata=Metadata(
            title=f"{title}: {body}, {when}",
            subject=title + (" (public edition)" if public else ""),
            keywords=", ".join([title.lower(), body]),
        ),
        furniture=Furniture(
            header_left=body,
            header_right=f"{title}, {when}",
            footer_left="Public edition" if public else "",
        ),
        pagesize=PAGE,
    )
