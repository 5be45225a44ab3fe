"""The data folder a benchmark run works in: a fresh copy of the cached dataset, so that
whatever the app writes while it is measured never changes the dataset itself; and the
scratch folder where scenarios build more (other laptops, a shared folder), outside the
clone (bench/scratch.py)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench.dataset import read_marker
from bench.scratch import SCRATCH_DIR
from desktop_app.storage.database import DATABASE_NAME

# The working copy too is scratch, rewritten on every run: out of the clone (issue 16).
WORK_DIR = SCRATCH_DIR / "work"


@dataclass(frozen=True)
class Workspace:
    data_dir: Path
    marker: dict
    scratch_dir: Path = SCRATCH_DIR
    # The cached dataset as generated, for a scenario that must not see what the scenarios
    # before it wrote into the working copy (sync_apply: a journal of the rows alone).
    dataset_dir: Path | None = None

    def scratch(self, name: str) -> Path:
        """An empty folder of that name under the scratch folder (emptied if it was there)."""
        folder = self.scratch_dir / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    def describe(self) -> str:
        counts = self.marker["counts"]
        shown = {
            "body": "bodies",
            "person": "people",
            "meeting": "meetings",
            "agenda_item": "agenda items",
            "attendance": "attendance rows",
            "action": "actions",
            "document": "reports",
        }
        parts = ", ".join(f"{counts[table]:,} {label}" for table, label in shown.items())
        size = self.marker["database_bytes"] / 1e6
        return (
            f"dataset v{self.marker['version']} (seed {self.marker['seed']}, generated in "
            f"{self.marker['seconds']:.0f} s, database {size:.0f} MB): {parts}"
        )


def prepare(dataset: Path, work: Path = WORK_DIR) -> Workspace:
    """Copy the database and hard-link the document store (its files are never rewritten:
    a file's name is its content)."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copy2(dataset / DATABASE_NAME, work / DATABASE_NAME)
    if (dataset / "store").is_dir():
        shutil.copytree(dataset / "store", work / "store", copy_function=os.link)
    marker = read_marker(dataset)
    assert marker is not None, f"{dataset} holds no finished dataset"
    return Workspace(work, marker, dataset_dir=dataset)
