"""Cold figures, each a fresh process timed from its launch (the interpreter and every import
included): the first minutes PDF of a process, the Bench Board's first benchmark meeting
rendered as `render_minutes` renders it; and the first signature of a process, that PDF
signed as the window signs it (open the passphrase-protected key file, certify with a
visible box in the embedded font). Baselines, in fresh processes too: bare reportlab setting
the same words as plain paragraphs, and a bare pyHanko signature with the key file."""

from __future__ import annotations

import json

from bench import budgets
from bench.results import Result, median
from bench.scenarios.meeting import bench_meetings
from bench.scenarios.minutes_pdf import words_of
from bench.scenarios.window_process import launch
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database

RUNS = 3
PASSPHRASE = "bench passphrase"
BUDGETS = (budgets.COLD_PDF, budgets.COLD_SIGN)


def measure(workspace: Workspace) -> list[Result]:
    from desktop_app.documents.meeting_facts import load_meeting_facts
    from desktop_app.documents.minutes_pdf import render_minutes
    from desktop_app.signing import keys

    meeting_id = bench_meetings(workspace)[0]
    scratch = workspace.scratch("cold")
    open_database(workspace.data_dir)
    try:
        (scratch / "minutes.pdf").write_bytes(render_minutes(meeting_id))
        words = words_of(load_meeting_facts(meeting_id))
    finally:
        close_database()
    (scratch / "words.json").write_text(json.dumps(words))
    key = keys.make_key_file(
        name="Cllr Bench Chair", role="Chair", organisation="Bench Council", passphrase=PASSPHRASE
    )
    (scratch / "key.p12").write_bytes(key)
    signing = ("--pdf", str(scratch / "minutes.pdf"), "--key", str(scratch / "key.p12"))
    signing += ("--passphrase", PASSPHRASE)
    runs = {"pdf": [], "bare_pdf": [], "sign": [], "bare_sign": []}
    for _ in range(RUNS):  # alternating, so a slow moment of the machine falls on both
        runs["pdf"].append(
            launch("pdf", "--data", str(workspace.data_dir), "--meetings", meeting_id)
        )
        runs["bare_pdf"].append(launch("bare_pdf", "--words", str(scratch / "words.json")))
        runs["sign"].append(launch("sign", *signing))
        runs["bare_sign"].append(launch("bare_sign", *signing))
    return [
        _result(
            budgets.COLD_PDF, runs["pdf"], runs["bare_pdf"], "bare reportlab, plain paragraphs"
        ),
        _result(budgets.COLD_SIGN, runs["sign"], runs["bare_sign"], "bare pyHanko, invisible"),
    ]


def _result(budget: budgets.Budget, ours: list[dict], bare: list[dict], baseline: str) -> Result:
    seconds = median([r["seconds"] for r in ours])
    imports = median([r["imports"] for r in ours])
    base = median([r["seconds"] for r in bare])
    return Result(
        budget.scenario,
        measured=f"{budget.format(seconds)} (median)",
        value=seconds,
        runs=len(ours),
        budget=budget.describe(),
        baseline=f"{budget.format(base)} {baseline}",
        baseline_value=base,
        met=budget.met(seconds),
        notes=[
            f"from launch: interpreter and imports {budget.format(imports)}, the work "
            f"{budget.format(seconds - imports)} (medians); runs "
            + ", ".join(budget.format(r["seconds"]) for r in ours)
        ],
    )
