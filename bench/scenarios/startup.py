"""Start to a usable main window on the dataset, the way a user starts it: `python main.py
--exit-after-start` with no folder named, so the platform's data folder is looked up
(XDG_DATA_HOME points it at the dataset's working copy), then the command-line parser, the
first-run check and the window's first paint; against a bare PySide6 window that paints
once. Each is timed from launching its process to its first paint, which it prints (a
start ends there; the exit that follows is the same for neither, and is reported beside
as the whole process). The runs alternate, so that a slow moment of the machine falls on
both alike. The budget is on the median of the ratios as well as on the time."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench import budgets
from bench.results import Result, median
from bench.scenarios.window_process import ROOT, SIZE
from bench.workspace import Workspace

RUNS = 7
BUDGETS = (budgets.START,)
BARE = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    f"window.resize(*{SIZE!r})\n"
    "window.show()\n"
    "app.processEvents()\n"
    'print(f"first paint at {time.time():.6f}", flush=True)\n'
)
PAINTED = "first paint at "


def measure(workspace: Workspace) -> list[Result]:
    main_py = [sys.executable, "main.py", "--exit-after-start"]
    user = _users_data_home(workspace)
    bare, main, whole = [], [], []
    _timed(main_py, user)  # a first start may migrate the working copy
    for _ in range(RUNS):
        bare.append(_timed([sys.executable, "-c", BARE])[0])
        painted, ended = _timed(main_py, user)
        main.append(painted)
        whole.append(ended)
    ratios = [m / b for m, b in zip(main, bare, strict=True)]
    start, baseline, ratio = median(main), median(bare), median(ratios)
    in_time = budgets.START.met(start)
    in_ratio = ratio < budgets.START_RATIO
    return [
        Result(
            "bare PySide6 window (baseline)",
            measured=_seconds(baseline),
            value=baseline,
            runs=len(bare),
            notes=[_runs(bare)],
        ),
        Result(
            budgets.START.scenario,
            measured=f"{_seconds(start)} ({ratio:.2f}× the bare window)",
            value=start,
            runs=len(main),
            budget=budgets.START.describe(),
            baseline=_seconds(baseline),
            baseline_value=baseline,
            met=in_time and in_ratio,
            notes=[
                f"under {_seconds(budgets.START.limit)}: {'yes' if in_time else 'NO'}",
                f"under {budgets.START_RATIO:g}× the bare window: {'yes' if in_ratio else 'NO'} "
                "(median of the runs' ratios)",
                _runs(main),
                f"the whole process, its exit included: {_seconds(median(whole))} (median)",
            ],
        ),
    ]


def _users_data_home(workspace: Workspace) -> dict[str, str]:
    """The environment of a user whose platform data folder (desktop_app/paths.py) is the
    working copy: XDG_DATA_HOME holds "minute-book", a link to it."""
    home = workspace.scratch("startup-data-home")
    (home / "minute-book").symlink_to(workspace.data_dir, target_is_directory=True)
    return {**os.environ, "XDG_DATA_HOME": str(home)}


def _timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from launching the process to the first paint it printed, and to its exit."""
    launched = time.time()
    done = subprocess.run(
        command, cwd=ROOT, check=True, capture_output=True, text=True, env=env or os.environ
    )
    ended = time.time()
    painted = float(done.stdout.rsplit(PAINTED, 1)[1].split()[0])
    return painted - launched, ended - launched


def _seconds(value: float) -> str:
    return budgets.format_value(value, "s")


def _runs(seconds: list[float]) -> str:
    return "runs " + ", ".join(f"{value:.3f}" for value in seconds) + " s"
