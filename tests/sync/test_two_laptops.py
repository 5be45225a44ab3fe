"""Two laptops share one body of work through a shared folder and end with one record."""

from __future__ import annotations

import datetime as dt
import getpass
import socket
import threading
import time

import pytest

from desktop_app.first_run import ensure_example
from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage import database as storage
from desktop_app.storage.database import DatabaseBusy
from desktop_app.storage.models import AgendaItem, AuditEntry, Body, JournalEntry
from desktop_app.sync.conflicts import open_conflicts, resolve_conflict
from desktop_app.sync.run import open_conflict_count, sync_now
from desktop_app.sync.sharing import sharing_state
from tests.sync.replicas import laptops


def test_work_made_on_one_laptop_arrives_on_the_other(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        board = bodies.create_body(name="Parish Council")
        people.create_person(name="Ann Clerk")
        meetings.create_meeting(body_id=board.id, date=dt.date(2026, 12, 10))
    report = first.sync()
    assert report.files_sent == 1 and report.changes_sent >= 3
    report = second.sync()
    assert report.files_applied == 1 and report.skipped == []
    assert first.export() == second.export()
    with second.opened():
        assert Body.get(Body.name == "Parish Council").id == board.id
        # Applied changes are in the journal, marked as from the share, not sent back.
        assert JournalEntry.select().where(JournalEntry.origin != "").count() >= 3
        # and in the audit log, with who made them and on which machine.
        made = AuditEntry.get(AuditEntry.action == "sync create", AuditEntry.row_id == board.id)
        assert (made.actor, made.machine) == (getpass.getuser(), socket.gethostname())
    assert second.sync().files_sent == 0


def test_two_edits_of_one_text_keep_both_and_the_clerk_chooses(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        board = bodies.create_body(name="Parish Council")
    first.sync()
    second.sync()
    with first.opened():
        bodies.update_body(body_id=board.id, venue="Village Hall")
    with second.opened():
        bodies.update_body(body_id=board.id, venue="Church Rooms")
    first.sync()
    second.sync()
    first.sync()
    assert first.export() == second.export()
    with first.opened():
        [conflict] = open_conflicts()
        assert open_conflict_count() == 1  # as the status bar counts them
        record = Body.get_by_id(board.id).venue
        assert {conflict.mine.value, conflict.theirs.value} == {"Village Hall", "Church Rooms"}
        assert conflict.mine.value == record
        resolve_conflict(conflict.id, text="Village Hall (Church Rooms if booked)")
        assert open_conflicts() == [] and open_conflict_count() == 0
    first.sync()
    second.sync()
    with second.opened():
        assert open_conflicts() == []
        assert Body.get_by_id(board.id).venue == "Village Hall (Church Rooms if booked)"


def test_an_edit_made_after_seeing_another_is_not_a_conflict(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        board = bodies.create_body(name="Parish Council", venue="Hall")
    first.sync()
    second.sync()
    with second.opened():
        bodies.update_body(body_id=board.id, venue="Village Hall")
    second.sync()
    first.sync()
    with first.opened():
        bodies.update_body(body_id=board.id, venue="Village Hall, Main Road")
    first.sync()
    second.sync()
    with second.opened():
        assert open_conflicts() == []
        assert Body.get_by_id(board.id).venue == "Village Hall, Main Road"


def test_two_indents_that_make_a_loop_are_put_right_the_same_way_everywhere(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        board = bodies.create_body(name="Parish Council")
        meeting = meetings.create_meeting(body_id=board.id, date=dt.date(2026, 12, 10))
        upper = agenda.add_item(meeting_id=meeting.id, title="Finance")
        lower = agenda.add_item(meeting_id=meeting.id, title="Budget")
    first.sync()
    second.sync()
    with first.opened():
        agenda.indent_item(item_id=lower.id)  # Budget under Finance
    with second.opened():
        agenda.move_item(item_id=lower.id, offset=-1)
        agenda.indent_item(item_id=upper.id)  # Finance under Budget
    for laptop in (first, second, first, second):
        laptop.sync()
    assert first.export() == second.export()
    with first.opened():
        items = {row.id: row for row in AgendaItem.live()}
        tops = [row for row in items.values() if row.parent_id is None]
        assert len(tops) == 1 and len(items) == 2  # one item at the top, the other under it


def test_a_merge_that_gives_two_bodies_one_name_shows_the_clash(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        bodies.create_body(name="Planning Committee")
    with second.opened():
        bodies.create_body(name="Planning committee")
    first.sync()
    report = second.sync()
    [clash] = report.clashes
    assert "Planning" in clash.message
    assert report.conflicts_open == 1
    with second.opened():
        assert sharing_state().conflicts == 1


def test_undoing_a_step_is_decided_by_stamps_not_by_two_laptops_clocks(tmp_path):
    """A draft made on one laptop and circulated on another whose clock is an hour behind
    goes back to being a draft when the circulation is withdrawn; by the clocks alone it
    would seem made by circulating it, and would go."""
    from desktop_app.services.decisions import minutes_versions
    from desktop_app.storage.models import Meeting
    from tests.signing.record import make_board

    first, second = laptops(tmp_path, 2)
    second.now_ms = lambda: int(time.time() * 1000) - 3_600_000
    with first.opened():
        board = make_board(1)
        minutes_versions.draft_version(meeting_id=board.meetings[0].id)
    first.sync()
    second.sync()
    with second.opened():
        minutes_versions.circulate(meeting_id=board.meetings[0].id)
        minutes_versions.withdraw_circulation(meeting_id=board.meetings[0].id)
        [version] = minutes_versions.list_versions(board.meetings[0].id)
        assert version.state == "draft"
        assert Meeting.get_by_id(board.meetings[0].id).status == "minutes drafted"


def test_a_merged_list_of_key_points_is_written_one_point_a_line(tmp_path):
    from desktop_app.services.decisions import minutes

    first, second = laptops(tmp_path, 2)
    with first.opened():
        board = bodies.create_body(name="Parish Council")
        meeting = meetings.create_meeting(body_id=board.id, date=dt.date(2026, 12, 10))
        item = agenda.add_item(meeting_id=meeting.id, title="Budget")
        minutes.update_minute(item_id=item.id, key_points=["Reserves are low."])
    first.sync()
    second.sync()
    with first.opened():
        minutes.update_minute(item_id=item.id, key_points=["Reserves are low.", "Grants cut."])
    with second.opened():
        minutes.update_minute(item_id=item.id, key_points=["Reserves are very low."])
    first.sync()
    second.sync()
    with second.opened():
        [conflict] = open_conflicts()
        resolve_conflict(conflict.id, text="Reserves are very low.\nGrants cut.\n")
        assert list(minutes.minute_of(item.id).key_points) == [
            "Reserves are very low.",
            "Grants cut.",
        ]


def test_a_meetings_status_is_worked_out_from_its_versions_after_a_merge(tmp_path):
    """The status follows the minutes versions on every laptop, whichever laptop wrote the
    status last: here a version's state arrives without the status that went with it."""
    from desktop_app.services.decisions import minutes_versions
    from desktop_app.storage import changes
    from desktop_app.storage.models import Meeting, MinutesVersion, db
    from tests.signing.record import make_board

    first, second = laptops(tmp_path, 2)
    with first.opened():
        board = make_board(1)
        version = minutes_versions.draft_version(meeting_id=board.meetings[0].id)
    first.sync()
    second.sync()
    with second.opened():
        with db.atomic():  # the state alone, as one half of a merge would bring it
            changes.update(MinutesVersion.get_by_id(version.id), state="circulated")
    for laptop in (second, first, second):
        laptop.sync()
    for laptop in (first, second):
        with laptop.opened():
            assert Meeting.get_by_id(board.meetings[0].id).status == "minutes circulated"
    assert first.export() == second.export()


def test_a_cancelled_sync_stops_after_a_whole_file_and_the_next_one_goes_on(tmp_path):
    first, second = laptops(tmp_path, 2)
    for n in range(3):  # three files
        with first.opened():
            bodies.create_body(name=f"Board {n}")
        first.sync()
    asked = []
    with second.opened():
        report = sync_now(
            first.share,
            progress=lambda done, total: asked.append(done),
            cancelled=lambda: bool(asked),
        )
        assert (report.files_applied, report.stopped) == (1, 2)
        assert report.skipped == []  # the files left are not "skipped"
        assert [b.name for b in Body.select()] == ["Board 0"]
    report = second.sync()
    assert (report.files_applied, report.stopped) == (2, 0)
    assert first.export() == second.export()


def test_an_edit_waiting_for_this_windows_own_sync_is_told_so(tmp_path, monkeypatch):
    first, second = laptops(tmp_path, 2)
    for n in range(2):
        with first.opened():
            bodies.create_body(name=f"Board {n}")
        first.sync()
    monkeypatch.setitem(storage.PRAGMAS, "busy_timeout", 200)
    holding, done = threading.Event(), threading.Event()

    def hold(_done, _total):  # after the first file, inside the sync's transaction
        holding.set()
        done.wait(10)

    with second.opened():
        syncing = threading.Thread(target=lambda: sync_now(first.share, progress=hold))
        syncing.start()
        try:
            assert holding.wait(10)
            with pytest.raises(DatabaseBusy) as refused:
                people.create_person(name="Ann Clerk")
        finally:
            done.set()
            syncing.join()
    assert str(refused.value).startswith("The sync with the shared folder under way here kept")


def test_two_laptops_that_each_start_with_the_example_share_it_without_conflicts(tmp_path):
    """As the README's two-laptop steps go: each first start imports the example (approved
    minutes included) under the same ids; the first syncs find nothing to set aside."""
    first, second = laptops(tmp_path, 2)
    for laptop in (first, second):
        with laptop.opened():
            assert ensure_example(laptop.folder)
    reports = [first.sync(), second.sync(), first.sync()]
    assert [r.conflicts_found for r in reports] == [0, 0, 0]
    assert [r.skipped for r in reports] == [[], [], []]
    for laptop in (first, second):
        with laptop.opened():
            assert open_conflict_count() == 0 and open_conflicts() == []
    assert first.export() == second.export()
