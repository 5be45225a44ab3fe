"""Minute Book. `python main.py` opens the window; `python main.py --help` lists the tasks
the command line can do without it."""

import gc
import sys

# A start makes some hundred thousand objects (modules, classes, widgets) and frees almost
# none, so the collector's passes over them are wasted: 5% of a start (bench/). It is on
# again once the window has painted (ui/app.py), or before a command-line task runs.
gc.disable()

from desktop_app.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
