"""Start-up leaves the PDF and signing libraries alone (DESIGN.md §6: start under 2× a bare
PySide6 window; pyHanko alone takes about 0.4 s to import), and what the first paint does not
show. A regression guard on what is imported, in a fresh interpreter; how long start-up takes
is measured by bench/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "pyhanko",
    "cryptography",
    "fontTools",
    "asn1crypto",
    "reportlab",
    "pypdf",
    "PySide6.QtPdf",
    "desktop_app.documents.minutes_pdf",
)
# Not needed to paint the window: the commands' parsers, publishing and pack issuing (the
# Documents menu), the dialogs, the exchange package, the pages not shown (issue 16), and the
# steps that bring an earlier version's folder up to date.
DEFERRED = (
    "desktop_app.storage.migrations.0001_initial",
    "desktop_app.storage.migrations.0016_search_order",
    "desktop_app.cli.signing",
    "desktop_app.cli.documents",
    "desktop_app.cli.packs",
    "desktop_app.cli.sync",
    "desktop_app.cli.meetings",
    "desktop_app.publishing",
    "desktop_app.services.papers.pack_issues",
    "desktop_app.exchange",
    "ui.pack_issuing",
    "ui.record_dialog",
    "ui.people_dialog",
    "ui.body_page",
    "ui.meeting_page",
)
MAIN_SCRIPT = """
import json, sys
from desktop_app.cli import main

code = main(["--data-dir", sys.argv[1], "--exit-after-start"])
print(json.dumps([name for name in sys.argv[2].split(",") if name in sys.modules]))
sys.exit(code)
"""
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.app import create_main_window

heavy = sys.argv[3].split(",")
loaded = lambda: [name for name in heavy if name in sys.modules]
app = QApplication(sys.argv[:1])
window = create_main_window(Path(sys.argv[1]))
built = loaded()
window.show()
app.processEvents()
shown = loaded()
window.show_meeting(sys.argv[2])
page = window.meeting_page
page.tabs.setCurrentWidget(page.minutes)
app.processEvents()
print(json.dumps({"built": built, "shown": shown, "meeting": loaded()}))
"""


def test_the_main_window_and_an_unsigned_meeting_open_without_pdf_or_signing_libraries(
    database, data_dir
):
    body = bodies.create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17", start_time="14:30")
    agenda.add_item(meeting_id=meeting.id, title="Troubled Families")
    loaded = _loaded(SCRIPT, str(data_dir), meeting.id, ",".join(HEAVY))
    assert loaded == {"built": [], "shown": [], "meeting": []}


def test_a_later_start_by_main_py_loads_only_what_the_first_paint_shows(database, data_dir):
    bodies.create_body(name="Maidstone Locality Board")
    assert _loaded(MAIN_SCRIPT, str(data_dir), ",".join(DEFERRED + HEAVY)) == []


def _loaded(script: str, *args: str):
    """What the script, run in a fresh interpreter, printed as JSON on its last line."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
