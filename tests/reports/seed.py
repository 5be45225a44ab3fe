"""Seed 003 (a report to Maidstone's Corporate Services Overview & Scrutiny Committee, 10
January 2012) as an officer types it into the report's sections: the example data holds the
same words, on an item of the example board (resources/examples/locality-board.json)."""

from __future__ import annotations

import datetime as dt
import json

from desktop_app.paths import EXAMPLE_FILE

COMMITTEE = "Corporate Services Overview & Scrutiny Committee"
DATE = dt.date(2012, 1, 10)
HEADING = "Maidstone Borough Council"
APPENDIX = "Local Strategic Partnership and Locality Board: written update"


def seed_report() -> dict:
    """The report of seed 003 as the example file writes it (its `report` object)."""
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    board = data["bodies"][0]
    for meeting in board["meetings"]:
        for item in meeting.get("items", []):
            if "report" in item:
                return item["report"]
    raise AssertionError("the example holds no report")


def seed_template() -> dict:
    """The example board's report template (its heading is seed 003's authority)."""
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    return data["bodies"][0]["report_template"]
