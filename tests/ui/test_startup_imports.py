"""Start-up leaves the PDF and signing libraries alone (DESIGN.md §6: start under 2× a bare
PySide6 window; pyHanko alone takes about 0.4 s to import). A regression guard on what is
imported, in a fresh interpreter; how long start-up takes is measured by bench/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.services import agenda, bodies, meetings

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
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir), meeting.id, ",".join(HEAVY)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"built": [], "shown": [], "meeting": []}
