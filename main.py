"""Minute Book. `python main.py` opens the window; `python main.py --help` lists the tasks
the command line can do without it."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
