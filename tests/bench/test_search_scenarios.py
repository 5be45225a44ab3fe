"""The search and action-tracker scenarios run on a generated dataset (a hundredth of its
size) whose index the generator filled: bulk inserts pass through the index's triggers."""

from __future__ import annotations

import pytest

from bench import budgets, dataset
from bench.scenarios import search as search_scenario
from bench.scenarios import tracker as tracker_scenario
from bench.workspace import Workspace
from desktop_app.services.search import search
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Minute


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "data"
    return Workspace(out, dataset.generate(out, scale=0.01))


def test_the_generated_minutes_and_reports_are_searchable(workspace):
    open_database(workspace.data_dir)
    try:
        overview = Minute.select().where(Minute.overview.contains("Members discussed")).first()
        assert overview is not None
        kinds = {hit.kind for hit in search("members discussed", limit=500)}
        assert "minute" in kinds
        assert "document" in {hit.kind for hit in search("options had been considered", limit=1000)}
    finally:
        close_database()


def test_the_search_scenario_reports_a_p95(workspace):
    (result,) = search_scenario.measure(workspace)
    assert result.scenario == budgets.SEARCH.scenario
    assert result.measured.endswith(" p95") and result.met is not None
    assert result.baseline.endswith(" p95") and result.ratio().startswith("×")
    assert result.runs == search_scenario.PASSES * (
        len(search_scenario.QUERIES) + len(search_scenario.BODY_QUERIES)
    )


def test_the_tracker_scenario_counts_every_action(workspace):
    (result,) = tracker_scenario.measure(workspace)
    assert result.scenario == budgets.TRACKER.scenario
    count = workspace.marker["counts"]["action"]
    assert result.verdict == "" and f"{count:,} actions" in result.notes[0]
