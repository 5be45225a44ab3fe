"""The minutes PDF of a 15-item meeting: `render_minutes` of the Bench Board's first benchmark
meeting (reading its facts and laying out the pages), beside a bare reportlab baseline that
sets the same words as plain paragraphs in a SimpleDocTemplate with the same embedded font,
measured in the same run."""

from __future__ import annotations

import io
import time

from pypdf import PdfReader

from bench import budgets
from bench.results import Result, median
from bench.scenarios.meeting import bench_meetings
from bench.scenarios.window_process import bare_reportlab
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database

RUNS = 5
BUDGETS = (budgets.MINUTES_PDF,)


def measure(workspace: Workspace) -> list[Result]:
    budget = budgets.MINUTES_PDF
    try:
        from desktop_app.documents.meeting_facts import load_meeting_facts
        from desktop_app.documents.minutes_pdf import render_minutes
    except ImportError:
        return [Result.unavailable(budget, "documents/minutes_pdf.py is not there yet")]
    meeting_id = bench_meetings(workspace)[0]
    open_database(workspace.data_dir)
    try:
        facts = load_meeting_facts(meeting_id)
        words = words_of(facts)
        timings, reading, baseline = [], [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            pdf = render_minutes(meeting_id)
            timings.append(time.perf_counter() - started)
            started = time.perf_counter()
            load_meeting_facts(meeting_id)
            reading.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare = bare_reportlab(words)
            baseline.append(time.perf_counter() - started)
    finally:
        close_database()
    items = sum(1 for _ in facts.all_items())
    mid, bare_mid = median(timings), median(baseline)
    notes = [
        f"{items} items, {len(words):,} paragraphs, {sum(len(w) for w in words):,} characters; "
        f"{_pages(pdf)} pages, {len(pdf) / 1000:.0f} kB (baseline {_pages(bare)} pages); "
        f"reading the facts {budget.format(median(reading))} of it (median)",
        f"baseline: bare reportlab SimpleDocTemplate, same text as plain paragraphs, same "
        f"embedded font; ours is {mid / bare_mid:.1f}× it",
    ]
    return [
        Result(
            budget.scenario,
            measured=f"{budget.format(mid)} (median)",
            value=mid,
            runs=RUNS,
            budget=budget.describe(),
            baseline=f"{budget.format(bare_mid)} (median)",
            baseline_value=bare_mid,
            met=budget.met(mid),
            notes=notes,
        )
    ]


def words_of(facts) -> list[str]:
    """Every piece of text the minutes print, one string per paragraph."""
    words = [facts.body_name, facts.when, facts.venue]
    words += [f"{line.name} {line.description}" for line in facts.attendance]
    for item in facts.all_items():
        words.append(f"{item.number} {item.title}")
        words += [item.overview, *item.key_points, *item.recommendations, item.decision]
        words.append(item.notes)
        words += [f"{r.outcome.upper()}: {r.text}" for r in item.resolutions]
        words += [f"Action: {a.text} {a.owner}" for a in item.actions]
    return [w for w in words if w]


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
