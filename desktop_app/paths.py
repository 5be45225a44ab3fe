"""Where things are: the user's data folder and the resources shipped with the program."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
EXAMPLE_FILE = RESOURCES / "examples" / "locality-board.json"


def default_data_dir() -> Path:
    """The data folder when none is given: the platform's per-user data folder."""
    from platformdirs import user_data_dir  # only here: most starts name their folder

    return Path(user_data_dir("minute-book", appauthor=False))
