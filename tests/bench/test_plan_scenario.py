"""The plan progress scenario runs on a generated dataset (a hundredth of its size): it gives
the Bench Board its plan once, and times the progress report of its latest quarter."""

from __future__ import annotations

from bench import budgets, dataset
from bench.scenarios import plan_progress
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Plan, PlanReading


def test_the_plan_progress_scenario_times_the_report_and_makes_its_plan_once(tmp_path):
    out = tmp_path / "data"
    workspace = Workspace(out, dataset.generate(out, scale=0.01))
    (result,) = plan_progress.measure(workspace)
    assert result.scenario == budgets.PLAN_PROGRESS.scenario
    assert result.runs == plan_progress.RUNS and result.met is not None
    assert result.baseline_value > 0 and result.ratio().startswith("×")
    plan_progress.measure(workspace)
    open_database(out)
    try:
        assert Plan.select().count() == 1
        assert PlanReading.select().count() == 9 * 16
    finally:
        close_database()
