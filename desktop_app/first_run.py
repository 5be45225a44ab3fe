"""First start: a new user finds the example body (the Locality Board of seed 004).

The example is offered once per database: a flag in LocalSetting records that it was, so
a clerk who deletes the example does not find it back at the next start. Every install
gives the example's rows the same ids (EXAMPLE), so two laptops that both started with it
hold one example between them when they share work, not two that clash.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop_app.paths import EXAMPLE_FILE
from desktop_app.storage import store
from desktop_app.storage.models import SYNCED_MODELS, LocalSetting, db

FLAG = "example_offered"
EXAMPLE = uuid.uuid5(uuid.NAMESPACE_URL, "minute-book:example")


def ensure_example(data_dir: Path, *, example: Path = EXAMPLE_FILE) -> bool:
    """Import the example into the (open) database of `data_dir` if it is brand new and has
    never had it; returns whether it was imported."""
    if store.data_dir().resolve() != Path(data_dir).resolve():
        raise RuntimeError(f"the open database is not the one in {data_dir}")
    with db.atomic():
        if LocalSetting.get_or_none(LocalSetting.key == FLAG) is not None:
            return False
        # A database that already holds a record (imported or synced before the window
        # first opened) is not brand new: the example would only get in the way there.
        brand_new = not any(model.select().exists() for model in SYNCED_MODELS)
        if brand_new:
            # Only here: every later start would load the exchange package for nothing.
            from desktop_app.exchange import import_file

            import_file(example, namespace=EXAMPLE)
        LocalSetting.replace(key=FLAG, value="imported" if brand_new else "skipped").execute()
    return brand_new
