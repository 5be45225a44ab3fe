"""Papers travel beside the changes, once each, by hash: a paper attached on one laptop is
in the other's store after a sync, even when its row arrives before the file."""

from __future__ import annotations

import datetime as dt

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents
from desktop_app.storage import store
from desktop_app.sync.share import files_dir
from tests.exchange.papers import paper_pdf
from tests.sync.replicas import laptops


def _attach(laptop, tmp_path) -> str:
    pdf = tmp_path / "budget.pdf"
    pdf.write_bytes(paper_pdf("Budget 2027"))
    with laptop.opened():
        board = bodies.create_body(name="Parish Council")
        meeting = meetings.create_meeting(body_id=board.id, date=dt.date(2026, 12, 10))
        item = agenda.add_item(meeting_id=meeting.id, title="Budget")
        return documents.attach_document(item_id=item.id, path=pdf).sha256


def test_a_paper_attached_on_one_laptop_reaches_the_other(tmp_path):
    first, second = laptops(tmp_path, 2)
    sha256 = _attach(first, tmp_path)
    first.sync()
    assert (files_dir(first.share) / sha256).is_file()
    report = second.sync()
    assert report.files_awaited == 0
    with second.opened():
        assert store.has(sha256)
        assert store.sha256_of(store.path_of(sha256)) == sha256


def test_a_row_that_arrives_before_its_paper_applies_and_the_paper_follows(tmp_path):
    first, second = laptops(tmp_path, 2)
    sha256 = _attach(first, tmp_path)
    first.sync()
    shared = files_dir(first.share) / sha256
    whole = shared.read_bytes()
    shared.write_bytes(whole[:100])  # still being copied by the file-sync service
    report = second.sync()
    assert report.files_applied == 1 and report.files_awaited == 1
    with second.opened():
        assert not store.has(sha256)
    shared.write_bytes(whole)
    assert second.sync().files_awaited == 0
    with second.opened():
        assert store.has(sha256)
