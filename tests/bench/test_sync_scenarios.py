"""The sharing scenarios run whole on a generated dataset a hundredth of its size, with
few edits and files, so that their code is exercised by `make test`."""

from __future__ import annotations

import pytest

from bench import budgets, dataset
from bench.scenarios import service_writes, sync_apply, sync_nothing
from bench.workspace import Workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "data"
    scratch = tmp_path_factory.mktemp("scratch")
    return Workspace(out, dataset.generate(out, scale=0.01), scratch_dir=scratch)


def test_the_replica_of_the_dataset_exports_the_same_record(workspace):
    first, whole = sync_apply.measure(workspace, changes=100, edits=5)
    assert first.scenario == budgets.SYNC_APPLY.scenario
    rows = sum(workspace.marker["counts"].values())
    assert first.verdict == "" and first.met is None  # fewer than 100,000: no verdict
    assert whole.verdict == "" and f"for {rows + 5:,} (" in whole.measured
    assert "its export equals the sending laptop's" in whole.notes[0]
    assert (workspace.scratch_dir / "sync-apply" / "replica").is_dir()  # outside the clone


def test_a_sync_with_nothing_new_applies_every_file_once_then_nothing(workspace):
    (result,) = sync_nothing.measure(workspace, files=8)
    assert result.scenario == budgets.SYNC_NOTHING.scenario
    assert result.verdict == "" and result.runs == sync_nothing.RUNS
    assert "share of 8 files from 4 laptops" in result.notes[0]
    assert result.baseline_value > 0 and "listing the share" in result.baseline


def test_the_cost_of_a_service_write_counts_its_journal_and_audit_rows(workspace):
    created, edited, batched = service_writes.measure(workspace, rows=10)
    for result in (created, edited, batched):
        assert "INSERT journal_entry 1" in result.notes[0]
        assert "INSERT audit_entry 1" in result.notes[0]
    assert "COMMIT 1" in created.notes[0] and "COMMIT 1" not in batched.notes[0]
