"""Rows written into a data folder made by an earlier version, for the migration tests: SQL
against the schema of the time, as today's models know columns it lacks."""

from __future__ import annotations

from tests.services.test_search import insert_raw


def insert_old_body(db, body_id: str = "b") -> None:
    """A body as the early schemas held one, with the numbering every body had."""
    insert_raw(
        db,
        "body",
        id=body_id,
        name="Old Board",
        numbering_pattern="{n}",
        numbering_restart="never",
        numbering_year_starts="05-01",
        numbering_next=1,
    )
