"""A quarterly update shared between two laptops: drafted and attached on one, it is the same
update, on the same board item, on the other, and found there by search; two laptops drafting
the same group's quarter share one update, and their two overviews are both kept for the
clerk to choose."""

from __future__ import annotations

from desktop_app.services import search
from desktop_app.services.updates import attaching, writing
from desktop_app.storage.models import JournalEntry, QuarterlyUpdate
from desktop_app.sync.conflicts import open_conflicts
from tests.sync.replicas import laptops
from tests.updates.seed import QUARTER, TODAY, WRITTEN, seed_quarter


def test_an_update_drafted_and_attached_on_one_laptop_is_the_same_on_the_other(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_quarter()
        made = writing.draft_update(
            body_id=seed.group_id, quarter=QUARTER, prepared_by_id=seed.officer_id, today=TODAY
        )
        writing.edit_update(update_id=made.id, **WRITTEN)
        attaching.attach_update(update_id=made.id)
        journaled = JournalEntry.select().where(JournalEntry.table_name == "quarterly_update")
        assert journaled.count() == 3  # drafted, edited, attached
        view = writing.get_update(made.id)
    first.sync()
    second.sync()
    assert first.export() == second.export()
    with second.opened():
        assert writing.get_update(made.id) == view
        assert view.meeting_id == seed.board_meeting_id
        (hit,) = search.search("reprocessing centre")
        assert hit.update_id == made.id


def test_two_laptops_drafting_one_quarter_share_an_update_and_keep_both_overviews(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_quarter()
    first.sync()
    second.sync()
    ids = []
    for laptop, words in ((first, "The LSP Board was dissolved."), (second, "A Locality Board.")):
        with laptop.opened():
            made = writing.draft_update(body_id=seed.group_id, quarter=QUARTER, today=TODAY)
            writing.edit_update(update_id=made.id, overview=words)
            ids.append(made.id)
    first.sync()
    second.sync()
    first.sync()
    assert ids[0] == ids[1]
    assert first.export() == second.export()
    with first.opened():
        assert QuarterlyUpdate.select().count() == 1
        (conflict,) = [c for c in open_conflicts() if c.field == "overview"]
        assert conflict.table == "quarterly_update"
        assert {conflict.mine.value, conflict.theirs.value} == {
            "The LSP Board was dissolved.",
            "A Locality Board.",
        }


def test_an_update_merged_with_its_group_leaving_its_board_is_a_clash_for_the_clerk(tmp_path):
    from desktop_app.services.directory import bodies
    from desktop_app.sync.clashes import find_clashes

    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_quarter()
    first.sync()
    second.sync()
    with first.opened():
        made = writing.draft_update(body_id=seed.group_id, quarter=QUARTER, today=TODAY)
    with second.opened():
        bodies.update_body(body_id=seed.group_id, parent_id=None)  # no update here yet
    first.sync()
    second.sync()
    first.sync()
    with first.opened():
        (clash,) = find_clashes()
        assert (clash.kind, clash.row_ids) == ("update without a board", (made.id,))
        assert clash.message == (
            "Quarter 2 update: Economic Development and Regeneration: Economic Development "
            "and Regeneration does not report to a board, so it has no quarterly update to "
            "write; give it its parent board first."
        )
        bodies.update_body(body_id=seed.group_id, parent_id=seed.board_id)
        assert find_clashes() == []
