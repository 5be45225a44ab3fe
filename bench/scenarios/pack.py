"""A 300-page agenda pack: twenty 15-page reports with a page of text on every page,
attached once per run to the items of the Bench Board's 20 July 2020 meeting (15 items),
then `render_pack` (agenda, index, merge, a stamp on every page, bookmarks, page labels)
timed with a progress object as the window passes one. Beside it, in the same run, the
bare baseline: pypdf merging the same agenda and files with nothing added."""

from __future__ import annotations

import io
import time

from bench import budgets
from bench.council import BENCH_BODY, BENCH_DATES
from bench.results import Result, median
from bench.workspace import Workspace
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import AgendaItem, Body, Meeting

RUNS = 3
PAPERS, PAGES = 20, 15
LINES = 46  # lines of text on a report's page
BUDGETS = (budgets.PACK,)


class _Progress:
    """What ui/tasks.py hands the task: counts the reports instead of moving a bar."""

    cancelled = False

    def __init__(self):
        self.reports = 0

    def report(self, done: int, total: int) -> None:
        self.reports += 1


def measure(workspace: Workspace) -> list[Result]:
    budget = budgets.PACK
    try:
        from desktop_app.documents.agenda_pdf import render_agenda
        from desktop_app.documents.pack_pdf import render_pack
    except ImportError:
        return [Result.unavailable(budget, "documents/pack_pdf.py is not there yet")]
    open_database(workspace.data_dir)
    try:
        meeting_id = _meeting_with_papers(workspace)
        timings, baselines, pages, reports = [], [], 0, 0
        for _ in range(RUNS):
            progress = _Progress()
            started = time.perf_counter()
            pdf = render_pack(meeting_id, progress=progress)
            timings.append(time.perf_counter() - started)
            reports = progress.reports
            pages = _page_count(pdf)
            started = time.perf_counter()
            bare = _bare_merge(render_agenda(meeting_id), _paper_files(meeting_id))
            baselines.append(time.perf_counter() - started)
    finally:
        close_database()
    mid, base = median(timings), median(baselines)
    notes = [
        f"{pages} pages: agenda, index and {PAPERS} reports of {PAGES} pages (plus the "
        f"meeting's own paper); progress reported {reports} times; slowest "
        f"{budget.format(max(timings))}",
        f"baseline: render the agenda and merge the same files with pypdf, no stamps, index, "
        f"bookmarks or labels ({_page_count(bare)} pages); the pack takes "
        f"{mid / base:.1f}× that",
    ]
    return [
        Result(
            budget.scenario,
            measured=budget.format(mid),
            value=mid,
            runs=len(timings),
            budget=budget.describe(),
            baseline=budget.format(base),
            baseline_value=base,
            met=budget.met(mid) and reports > 0,
            notes=notes,
        )
    ]


def _meeting_with_papers(workspace: Workspace) -> str:
    """The July bench meeting with the twenty reports attached (once per working copy)."""
    from desktop_app.services.papers import documents

    meeting = (
        Meeting.select()
        .join(Body)
        .where(Body.name == BENCH_BODY, Meeting.date == BENCH_DATES[1])
        .get()
    )
    items = list(
        AgendaItem.live()
        .where(AgendaItem.meeting == meeting.id, AgendaItem.parent.is_null())
        .order_by(*STORED_ORDER)
    )
    folder = workspace.data_dir.parent / "pack-papers"
    folder.mkdir(exist_ok=True)
    for n in range(PAPERS):
        path = folder / f"report-{n + 1:02d}.pdf"
        if not path.exists():
            path.write_bytes(_report(n + 1))
        item = items[2 + n % (len(items) - 4)]  # the report items, not the opening or closing
        if not any(d.filename == path.name for d in documents.list_documents(item.id)):
            documents.attach_document(item_id=item.id, path=path, title=f"Bench report {n + 1}")
    return meeting.id


def _report(number: int) -> bytes:
    """A report as an officer's word processor makes one: a page of Times text per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for n in range(1, PAGES + 1):
        page.setFont("Times-Bold", 14)
        page.drawString(72, 780, f"Bench report {number}: page {n}")
        page.setFont("Times-Roman", 10.5)
        for line in range(LINES):
            page.drawString(
                72,
                755 - 14.5 * line,
                f"{line + 1}. The committee is asked to note the progress made on the "
                f"delivery plan for report {number}, section {n}.{line + 1}.",
            )
        page.showPage()
    page.save()
    return out.getvalue()


def _paper_files(meeting_id: str) -> list[bytes]:
    from desktop_app.documents.meeting_facts import load_meeting_facts
    from desktop_app.services.papers.documents import document_file

    facts = load_meeting_facts(meeting_id)
    return [document_file(p.id).read_bytes() for item in facts.all_items() for p in item.papers]


def _bare_merge(agenda: bytes, papers: list[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (agenda, *papers):
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
