"""A record typed in by hand: dates and times written as a clerk writes them import as the
window would take them (dates.py), the same as the exported ISO forms."""

from __future__ import annotations

import datetime as dt
import json

from desktop_app.exchange import import_file
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings


def test_dates_and_times_typed_as_a_clerk_writes_them_are_imported(
    database, example_path, tmp_path
):
    record = json.loads(example_path.read_text(encoding="utf-8"))
    meeting = record["bodies"][0]["meetings"][1]
    assert meeting["date"] == "2012-12-17"
    meeting.update(date="17 December 2012", start="2.15 pm", end="4.05pm")
    typed = tmp_path / "typed.json"
    typed.write_text(json.dumps(record), encoding="utf-8")

    import_file(typed)

    body = bodies.find_body(name=record["bodies"][0]["name"])
    stored = meetings.find_meeting(body_id=body.id, date=dt.date(2012, 12, 17))
    assert (stored.start_time, stored.end_time) == ("14:15", "16:05")
