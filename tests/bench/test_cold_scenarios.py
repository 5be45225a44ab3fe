"""The cold figures and the memory of a session, each measured in fresh processes on a
generated dataset (a hundredth of its size), the baselines set beside the warm figures, and
the table that prints them with their budgets, baselines and ratios."""

from __future__ import annotations

import pytest

from bench import budgets, dataset
from bench.results import Result, table
from bench.scenarios import cold, meeting, memory, signing, tracker
from bench.workspace import Workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "data"
    scratch = tmp_path_factory.mktemp("scratch")
    return Workspace(out, dataset.generate(out, scale=0.01), scratch_dir=scratch)


def test_the_first_pdf_and_the_first_signature_are_timed_from_launch(workspace, monkeypatch):
    monkeypatch.setattr(cold, "RUNS", 1)
    pdf, sign = cold.measure(workspace)
    assert pdf.scenario == budgets.COLD_PDF.scenario and sign.scenario == budgets.COLD_SIGN.scenario
    for result in (pdf, sign):
        assert result.met is not None and result.runs == 1
        assert 0 < result.baseline_value and result.ratio().startswith("×")
        assert "interpreter and imports" in result.notes[0]


def test_memory_is_read_after_a_session_of_opens_and_searches(workspace, monkeypatch):
    monkeypatch.setattr(memory, "RUNS", 1)
    started, session = memory.measure(workspace)
    assert started.scenario == budgets.MEMORY.scenario
    assert session.scenario == budgets.MEMORY_SESSION.scenario
    assert session.value > 0 and session.met is not None
    assert f"{memory.OPENS} opens and {memory.SEARCHES} searches" in session.notes[0]


def test_the_opens_the_tracker_signing_and_verifying_have_baselines(workspace, monkeypatch):
    for module in (meeting, tracker, signing):
        monkeypatch.setattr(module, "RUNS", 2)
    opened, first = meeting.measure(workspace)
    (listed,) = tracker.measure(workspace)
    signed, verified = signing.measure(workspace)
    for result in (opened, first, listed, signed, verified):
        assert result.baseline_value > 0 and result.ratio().startswith("×"), result
    assert "bare SQL" in opened.baseline and "warm open" in first.baseline


def test_the_table_gives_each_figure_its_budget_baseline_and_ratio():
    budget = budgets.MINUTES_PDF
    measured = Result(
        budget.scenario, measured="120 ms", budget=budget.describe(), baseline="40 ms",
        value=0.120, baseline_value=0.040, met=True,
    )  # fmt: skip
    alone = Result(budgets.SEARCH.scenario, measured="10 ms", value=0.010, met=True)
    header, _rule, first, second, *_ = table([measured, alone]).splitlines()
    assert header.split() == [
        "scenario",
        "measured",
        "runs",
        "budget",
        "baseline",
        "ratio",
        "result",
    ]
    assert "×3.00" in first and first.rstrip().endswith("ok")
    assert "—" in second
