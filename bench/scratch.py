"""Where the benchmark writes: outside the clone (the dataset alone is some 300 MB), in
`MINUTE_BOOK_BENCH_SCRATCH`, else the system's temporary folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SCRATCH_DIR = Path(
    os.environ.get("MINUTE_BOOK_BENCH_SCRATCH") or Path(tempfile.gettempdir()) / "minute-book-bench"
)
