"""The quarterly update scenario runs on a generated dataset (a hundredth of its size): it
gives the busiest delivery group its plan once, and times drafting the update of the quarter
of its latest meeting, which leaves no update behind."""

from __future__ import annotations

from bench import budgets, dataset
from bench.scenarios import quarterly_update
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Plan, QuarterlyUpdate


def test_the_quarterly_update_scenario_times_the_draft_and_makes_its_plan_once(tmp_path):
    out = tmp_path / "data"
    workspace = Workspace(out, dataset.generate(out, scale=0.01))
    (result,) = quarterly_update.measure(workspace)
    assert result.scenario == budgets.QUARTERLY_UPDATE.scenario
    assert result.runs == quarterly_update.RUNS and result.met is not None
    assert "characters drafted" in result.notes[0]
    quarterly_update.measure(workspace)
    open_database(out)
    try:
        assert Plan.select().where(Plan.title == quarterly_update.TITLE).count() == 1
        assert QuarterlyUpdate.live().count() == 0
    finally:
        close_database()
