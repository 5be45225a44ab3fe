"""Both sides of a measured process: `launch` starts a fresh Python that builds a window
and reports as JSON on its last line of output; `main` is what runs inside it.

Start-up is timed from the moment the parent launches the process (passed in as a
wall-clock instant) to the end of the first event-loop pass after `show()`, so it counts
the interpreter, every import, opening the database and building the window. Nothing
heavy is imported at the top of this module for the same reason. The cold figures are
timed the same way, from launch: the first minutes PDF of a process, its first signature
(and bare reportlab and pyHanko doing the same, their baselines); and a session of opens
and searches reports the memory it leaves resident.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNAVAILABLE = 3  # exit status when the app does not provide what the scenario drives
SIZE = (1280, 820)  # the main window's own size, so both windows paint the same area


def launch(mode: str, *args: str, timeout: float = 180) -> dict:
    """Run one measured process; returns its report, which holds "unavailable" when the
    app lacks the entry point the mode needs."""
    command = [sys.executable, "-m", "bench.scenarios.window_process", mode, *args]
    launched = time.time()
    done = subprocess.run(
        [*command, "--launched", repr(launched)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = done.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1]) if lines else {}
    except ValueError:
        report = {}
    if done.returncode == 0 or (done.returncode == UNAVAILABLE and "unavailable" in report):
        return report
    tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
    raise RuntimeError(f"{mode} process exited with {done.returncode}:\n{tail}")


def resident_bytes(field: str = "VmRSS") -> int | None:
    """This process's resident memory (or `VmHWM`, its peak) from /proc; None elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def bare(launched: float) -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    imported = time.time()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*SIZE)
    built = time.time()
    window.show()
    app.processEvents()
    return _report(launched, imported, built, window)


def main_window(launched: float, data_dir: Path) -> dict:
    try:
        from ui.app import show_window
    except ImportError as error:
        return {"unavailable": f"ui.app.show_window cannot be imported ({error})"}
    imported = time.time()
    window = show_window(data_dir)  # as a start does, to the first paint
    built = time.time()
    return _report(launched, imported, built, window)


def _started(data_dir: Path):
    """The window as a start leaves it once the clerk has looked at it for a moment: what
    it sets going after its first paint (ui.app.after_first_paint) has run."""
    from ui.app import after_first_paint, application, show_window

    app = application()
    window = show_window(data_dir)
    after_first_paint(window)
    _settle(app)
    return app, window


def open_meetings(data_dir: Path, meeting_ids: list[str], runs: int) -> dict:
    """Open the meetings in turn, `runs` times in all, timing each open to the end of the
    event-loop pass that paints it."""
    try:
        app, window = _started(data_dir)
    except ImportError as error:
        return {"unavailable": f"ui.app cannot start the window ({error})"}
    if not hasattr(window, "show_meeting"):
        return {"unavailable": "MainWindow.show_meeting(meeting_id) is not there yet"}
    timings = []
    for run in range(runs):
        started = time.perf_counter()
        window.show_meeting(meeting_ids[run % len(meeting_ids)])
        app.processEvents()
        timings.append(time.perf_counter() - started)
    return {"timings": timings, "rss": resident_bytes(), "peak_rss": resident_bytes("VmHWM")}


def _settle(app, seconds: float = 0.5) -> None:
    """The window left alone for a moment after its first paint, as a clerk looks at it
    before clicking a meeting: what the window does then (the share's first look, the
    pages built while nothing is asked of it) falls there, not in the first open."""
    ended = time.perf_counter() + seconds
    while time.perf_counter() < ended:
        app.processEvents()
        time.sleep(0.01)


def session(data_dir: Path, meeting_ids: list[str], runs: int, queries: list[str]) -> dict:
    """A clerk's session: the window up, `runs` meeting opens and a search typed into the
    search panel for each of `queries`; the memory resident (and its peak) after it."""
    app, window = _started(data_dir)
    after_start = resident_bytes()
    for run in range(runs):
        window.show_meeting(meeting_ids[run % len(meeting_ids)])
        app.processEvents()
    window.open_search()
    panel = window._search
    hits = 0
    for text in queries:
        panel.box.setText(text)
        panel.run()
        app.processEvents()
        hits += panel.results.count()
    return {
        "rss": resident_bytes(),
        "peak_rss": resident_bytes("VmHWM"),
        "after_start": after_start,
        "hits": hits,
    }


def first_pdf(launched: float, data_dir: Path, meeting_id: str) -> dict:
    """The minutes PDF of a meeting in a fresh process: imports, the database, the render."""
    from desktop_app.documents.minutes_pdf import render_minutes
    from desktop_app.storage.database import open_database

    imported = time.time()
    open_database(data_dir)
    pdf = render_minutes(meeting_id)
    return _cold(launched, imported, len(pdf))


def bare_pdf(launched: float, words_file: Path) -> dict:
    """The baseline: the same words set as plain paragraphs by reportlab, in a fresh process."""
    imported = time.time()
    pdf = bare_reportlab(json.loads(words_file.read_text()))
    return _cold(launched, imported, len(pdf))


def bare_reportlab(words: list[str]) -> bytes:
    """The words as plain paragraphs in a SimpleDocTemplate, in the minutes' embedded font."""
    import io
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop_app.documents.fonts import register_fonts

    style = ParagraphStyle("plain", fontName=register_fonts(), fontSize=10.5, leading=14)
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, initialFontName=style.fontName)
    document.build([Paragraph(escape(w), style) for w in words])
    return out.getvalue()


def first_signature(launched: float, pdf_file: Path, key_file: Path, passphrase: str) -> dict:
    """A minutes PDF signed as the window signs it (open the key file with its passphrase,
    certify with a visible box), in a fresh process: imports included."""
    from desktop_app.documents.signature_block import SIGNATURE_FIELD
    from desktop_app.signing import keys, signatures

    imported = time.time()
    key = keys.open_key_file(key_file.read_bytes(), passphrase)
    stamp = signatures.StampText(name="Cllr Bench Chair", role="Chair", date="1 October 2012")
    signed = signatures.sign_pdf(pdf_file.read_bytes(), key, stamp, box=SIGNATURE_FIELD)
    return _cold(launched, imported, len(signed))


def bare_signature(launched: float, pdf_file: Path, key_file: Path, passphrase: str) -> dict:
    """The baseline: a bare pyHanko signature (invisible, no certification), fresh process."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    imported = time.time()
    signer = signers.SimpleSigner.load_pkcs12_data(key_file.read_bytes(), [], passphrase.encode())
    out = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf_file.read_bytes())),
        signers.PdfSignatureMetadata(field_name="Bare"),
        signer=signer,
    )
    return _cold(launched, imported, len(out.getvalue()))


def _cold(launched: float, imported: float, size: int) -> dict:
    done = time.time()
    return {"seconds": done - launched, "imports": imported - launched, "bytes": size}


def _report(launched: float, imported: float, built: float, window) -> dict:
    shown = time.time()
    handle = window.windowHandle()
    return {
        "seconds": shown - launched,
        "imports": imported - launched,
        "built": built - launched,
        "exposed": bool(handle and handle.isExposed()),
        "rss": resident_bytes(),
        "peak_rss": resident_bytes("VmHWM"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    modes = ("bare", "main", "meetings", "session", "pdf", "bare_pdf", "sign", "bare_sign")
    parser.add_argument("mode", choices=modes)
    parser.add_argument("--launched", type=float, required=True)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--meetings", default="")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--queries", type=Path, help="a JSON list of the texts to search for")
    parser.add_argument("--words", type=Path, help="a JSON list of paragraphs (bare_pdf)")
    parser.add_argument("--pdf", type=Path)
    parser.add_argument("--key", type=Path)
    parser.add_argument("--passphrase", default="")
    args = parser.parse_args(argv)
    meetings = args.meetings.split(",")
    if args.mode == "bare":
        report = bare(args.launched)
    elif args.mode == "main":
        report = main_window(args.launched, args.data)
    elif args.mode == "meetings":
        report = open_meetings(args.data, meetings, args.runs)
    elif args.mode == "session":
        queries = json.loads(args.queries.read_text())
        report = session(args.data, meetings, args.runs, queries)
    elif args.mode == "pdf":
        report = first_pdf(args.launched, args.data, meetings[0])
    elif args.mode == "bare_pdf":
        report = bare_pdf(args.launched, args.words)
    elif args.mode == "sign":
        report = first_signature(args.launched, args.pdf, args.key, args.passphrase)
    else:
        report = bare_signature(args.launched, args.pdf, args.key, args.passphrase)
    print(json.dumps(report), flush=True)
    # Leave without Qt's and peewee's teardown: the figures are taken, and the parent
    # waits for this process to end before launching the next.
    os._exit(UNAVAILABLE if "unavailable" in report else 0)


if __name__ == "__main__":
    main()
