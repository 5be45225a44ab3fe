"""The benchmark's dataset generator, at a hundredth of its size."""

from __future__ import annotations

import hashlib
import json

import pytest

from bench import dataset
from bench.council import BENCH_BODY, BENCH_DATES, BENCH_ITEMS
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.storage import store
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import SYNCED_MODELS, AgendaItem, Body, Document, Meeting, Minute


@pytest.fixture
def tiny(tmp_path):
    """A generated dataset at scale 0.01, opened as the app opens a data folder."""
    out = tmp_path / "data"
    marker = dataset.generate(out, scale=0.01)
    database = open_database(out)
    yield out, marker, database
    close_database()


def test_counts_in_the_marker_match_the_tables(tiny):
    _, marker, _ = tiny
    for model in SYNCED_MODELS:
        assert model.select().count() == marker["counts"][model._meta.table_name]
    assert marker["counts"]["meeting"] == 8
    assert marker["counts"]["agenda_item"] == 12 * marker["counts"]["meeting"]
    assert marker["counts"]["attendance"] == 20 * marker["counts"]["meeting"]


def test_foreign_keys_are_clean(tiny):
    _, _, database = tiny
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_bench_meetings_have_fifteen_minuted_items(tiny):
    board = Body.get(Body.name == BENCH_BODY)
    for day in BENCH_DATES:
        meeting = Meeting.get(Meeting.body == board, Meeting.date == day)
        items = AgendaItem.select().where(AgendaItem.meeting == meeting)
        assert items.count() == BENCH_ITEMS
        assert Minute.select().join(AgendaItem).where(AgendaItem.meeting == meeting).count() == (
            BENCH_ITEMS
        )


def test_minute_numbers_continue_across_a_body_s_meetings(tiny):
    board = Body.get(Body.name == BENCH_BODY)
    numbers = [
        int(item.number)
        for item in AgendaItem.select()
        .join(Meeting)
        .where(Meeting.body == board, AgendaItem.parent.is_null())
        .order_by(Meeting.date, *STORED_ORDER)
    ]
    assert numbers == list(range(1, len(numbers) + 1))
    assert board.numbering_next == len(numbers) + 1


def test_every_document_file_matches_its_sha256(tiny):
    out, _, _ = tiny
    for document in Document.select():
        content = store.path_of(document.sha256, base=out).read_bytes()
        assert hashlib.sha256(content).hexdigest() == document.sha256
        assert len(content) == document.size


def test_same_seed_gives_the_same_rows(tmp_path):
    first = dataset.generate(tmp_path / "a", scale=0.01)
    second = dataset.generate(tmp_path / "b", scale=0.01)
    assert first["counts"] == second["counts"]
    dumps = []
    for folder in ("a", "b"):
        open_database(tmp_path / folder)
        dumps.append(
            json.dumps([m.select().order_by(m.id).dicts()[:] for m in SYNCED_MODELS], default=str)
        )
        close_database()
    assert dumps[0] == dumps[1]
