"""Many values in one SQL parameter: `column.in_(listed(ids))`.

A fresh laptop's first file names tens of thousands of rows; peewee building
`IN (?, ?, ...)` a value at a time cost more than the query (bench/), and SQLite allows
only so many parameters. SQLite reads the one JSON list with json_each instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from peewee import SQL


def listed(values: Iterable[str]) -> SQL:
    return SQL("(SELECT value FROM json_each(?))", [json.dumps(sorted(values))])
