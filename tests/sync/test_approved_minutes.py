"""Approved minutes are never changed by sync: a laptop that edited them while another
approved them ends with the approved text, its edit kept as a conflict, on both laptops."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.decisions import minutes, resolutions
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.meeting_cycle import agenda
from desktop_app.storage.models import AgendaItem, Minute, MinutesVersion
from desktop_app.sync.conflicts import open_conflicts, open_count, resolve_conflict
from tests.signing.record import approve, make_board
from tests.sync.replicas import laptops


def _shown(laptop):
    with laptop.opened():
        return sorted(
            (c.id, c.kind, str(c.mine.value), str(c.theirs.value)) for c in open_conflicts()
        )


def _shared_board(tmp_path):
    """Two laptops holding one board of two held meetings; one of its minuted items."""
    clerk, officer = laptops(tmp_path, 2)
    with clerk.opened():
        board = make_board(2)
        report_item = Minute.select().first().item_id
    clerk.sync()
    officer.sync()
    return clerk, officer, board, report_item


def test_an_edit_made_while_the_minutes_were_approved_elsewhere_is_kept_aside(tmp_path):
    clerk, officer, board, report_item = _shared_board(tmp_path)
    with officer.opened():
        minutes.set_item_notes(item_id=report_item, notes="Rewritten on the officer's laptop.")
        resolutions.add_resolution(
            item_id=report_item, text="That a resolution added meanwhile be noted."
        )
    with clerk.opened():
        approve(board, 0)
    clerk.sync()
    officer.sync()
    clerk.sync()
    assert clerk.export() == officer.export()
    for laptop in (clerk, officer):
        with laptop.opened():
            version = MinutesVersion.get(MinutesVersion.meeting == board.meetings[0].id)
            assert content_sha256(board.meetings[0].id) == version.content_sha256
            assert "Rewritten" not in Minute.get(Minute.item == report_item).notes
    shown = _shown(clerk)
    assert shown == _shown(officer)
    kept = " ".join(" ".join(conflict) for conflict in shown)
    assert "Rewritten on the officer's laptop." in kept
    assert "That a resolution added meanwhile be noted." in kept


def test_a_change_to_approved_minutes_can_only_be_dismissed(tmp_path):
    clerk, officer, board, report_item = _shared_board(tmp_path)
    with officer.opened():
        minutes.set_item_notes(item_id=report_item, notes="Too late.")
    with clerk.opened():
        approve(board, 0)
    officer.sync()
    clerk.sync()
    with clerk.opened():
        [conflict] = [c for c in open_conflicts() if c.kind == "frozen"]
        assert open_count() == len(open_conflicts())
        with pytest.raises(ValidationError, match="approved"):
            resolve_conflict(conflict.id, keep="theirs")
        resolve_conflict(conflict.id, keep="mine")
        assert [c for c in open_conflicts() if c.kind == "frozen"] == []


def test_an_issued_pack_is_never_changed_by_sync(tmp_path):
    from desktop_app.storage import changes
    from desktop_app.storage.models import PackIssue, db

    clerk, officer = laptops(tmp_path, 2)
    with clerk.opened():
        board = make_board(1)
        with db.atomic():
            issue = changes.create(
                PackIssue, meeting=board.meetings[0].id, number=1, issued_at="2026-12-01",
                pdf_sha256="ab" * 32, page_count=12,
            )  # fmt: skip
    clerk.sync()
    officer.sync()
    with officer.opened():
        with db.atomic():  # as a newer version or a damaged file might
            changes.update(PackIssue.get_by_id(issue.id), page_count=3)
    officer.sync()
    clerk.sync()
    with clerk.opened():
        assert PackIssue.get_by_id(issue.id).page_count == 12
        assert [c.kind for c in open_conflicts()] == ["frozen"]


def test_a_dismissed_change_stays_dismissed_when_more_changes_reach_the_minutes(tmp_path):
    clerk, officer, board, report_item = _shared_board(tmp_path)
    with officer.opened():
        minutes.set_item_notes(item_id=report_item, notes="Too late.")
    with clerk.opened():
        approve(board, 0)
    clerk.sync()
    officer.sync()
    with officer.opened():
        [conflict] = open_conflicts()
        resolve_conflict(conflict.id, keep="mine")
    with clerk.opened():  # the chair's brief still changes once the minutes are approved
        agenda.update_item(item_id=report_item, brief_note="Take this one quickly.")
    clerk.sync()
    officer.sync()
    with officer.opened():
        assert open_conflicts() == []
        assert AgendaItem.get_by_id(report_item).brief_note == "Take this one quickly."


def test_two_texts_in_conflict_when_the_minutes_were_approved_can_only_be_dismissed(tmp_path):
    clerk, officer, board, report_item = _shared_board(tmp_path)
    with clerk.opened():
        minutes.set_item_notes(item_id=report_item, notes="The clerk's notes.")
    with officer.opened():
        minutes.set_item_notes(item_id=report_item, notes="The officer's notes.")
    officer.sync()
    clerk.sync()
    with clerk.opened():
        approve(board, 0)  # with the two notes still in conflict
        [conflict] = open_conflicts()
        assert conflict.kind == "frozen"
        with pytest.raises(ValidationError, match="approved"):
            resolve_conflict(conflict.id, keep="theirs")
        assert Minute.get(Minute.item == report_item).notes == conflict.mine.value
