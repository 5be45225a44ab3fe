"""Seed 003 (a report to Maidstone's Corporate Services Overview & Scrutiny Committee, 10
January 2012) as an officer types it into a report's sections. The example data holds the
same words on an item of the example board (resources/examples/locality-board.json); here
they are read from there and put on a meeting of the seed's own committee."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents
from desktop_app.services.reports import templates, writing
from tests.documents.conftest import make_report

COMMITTEE = "Corporate Services Overview & Scrutiny Committee"
DATE = dt.date(2012, 1, 10)
HEADING = "Maidstone Borough Council"
APPENDIX = "Local Strategic Partnership and Locality Board: written update"
WRITTEN = (
    "title",
    "report_of_role",
    "introduction",
    "recommendations",
    "reasons",
    "impact",
)


def example_data() -> dict:
    return json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))


def seed_report() -> dict:
    """The report of seed 003 as the example file writes it (an item's `report`)."""
    for meeting in example_data()["bodies"][0]["meetings"]:
        for item in meeting.get("items", []):
            if "report" in item:
                return item["report"]
    raise AssertionError("the example holds no report")


@dataclass(frozen=True)
class SeedCommittee:
    body_id: str
    meeting_id: str
    item_id: str
    report_id: str
    appendix_id: str
    officer_id: str  # who approves it


def seed_committee(folder: Path) -> SeedCommittee:
    """The seed's committee and meeting, its item with the written update attached as
    Appendix A, and the report as a draft holding the seed's words."""
    body = bodies.create_body(name=COMMITTEE, kind="committee")
    templates.set_body_report_template(body_id=body.id, heading=HEADING)
    meeting = meetings.create_meeting(body_id=body.id, date=DATE, start_time="18:30")
    item = agenda.add_item(meeting_id=meeting.id, title="Local Strategic Partnership")
    update = make_report(folder / "update.pdf", "Written update", 2)
    appendix = documents.attach_document(item_id=item.id, path=update, title=APPENDIX)
    report = writing.create_report(item_id=item.id)
    words = seed_report()
    writing.update_report(report_id=report.id, **{name: words[name] for name in WRITTEN})
    officer = people.create_person(
        name="Angela Woodhouse", position="Head of Change and Scrutiny", key="woodhouse"
    )
    return SeedCommittee(body.id, meeting.id, item.id, report.id, appendix.id, officer.id)
