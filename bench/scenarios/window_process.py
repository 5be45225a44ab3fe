"""Both sides of a measured process: `launch` starts a fresh Python that builds a window
and reports as JSON on its last line of output; `main` is what runs inside it.

Start-up is timed from the moment the parent launches the process (passed in as a
wall-clock instant) to the end of the first event-loop pass after `show()`, so it counts
the interpreter, every import, opening the database and building the window. Nothing
heavy is imported at the top of this module for the same reason.
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
    from PySide6.QtWidgets import QApplication

    try:
        from ui.app import create_main_window
    except ImportError as error:
        return {"unavailable": f"ui.app.create_main_window cannot be imported ({error})"}
    imported = time.time()
    app = QApplication(sys.argv[:1])
    window = create_main_window(data_dir)
    built = time.time()
    window.show()
    app.processEvents()
    return _report(launched, imported, built, window)


def open_meetings(data_dir: Path, meeting_ids: list[str], runs: int) -> dict:
    """Open the meetings in turn, `runs` times in all, timing each open to the end of the
    event-loop pass that paints it."""
    from PySide6.QtWidgets import QApplication

    try:
        from ui.app import create_main_window
    except ImportError as error:
        return {"unavailable": f"ui.app.create_main_window cannot be imported ({error})"}
    app = QApplication(sys.argv[:1])
    window = create_main_window(data_dir)
    window.show()
    app.processEvents()
    if not hasattr(window, "show_meeting"):
        return {"unavailable": "MainWindow.show_meeting(meeting_id) is not there yet"}
    timings = []
    for run in range(runs):
        started = time.perf_counter()
        window.show_meeting(meeting_ids[run % len(meeting_ids)])
        app.processEvents()
        timings.append(time.perf_counter() - started)
    return {"timings": timings, "rss": resident_bytes(), "peak_rss": resident_bytes("VmHWM")}


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
    parser.add_argument("mode", choices=("bare", "main", "meetings"))
    parser.add_argument("--launched", type=float, required=True)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--meetings", default="")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    if args.mode == "bare":
        report = bare(args.launched)
    elif args.mode == "main":
        report = main_window(args.launched, args.data)
    else:
        report = open_meetings(args.data, args.meetings.split(","), args.runs)
    print(json.dumps(report), flush=True)
    # Leave without Qt's and peewee's teardown: the figures are taken, and the parent
    # waits for this process to end before launching the next.
    os._exit(UNAVAILABLE if "unavailable" in report else 0)


if __name__ == "__main__":
    main()
