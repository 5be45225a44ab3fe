"""The same changes merged in any order give the same record and the same conflicts: each
case here is one the three-laptop property test (test_replicas_converge.py) found, kept
small. The laptops' clocks differ, as real ones do, so that which change is later is
known; each list of changes is merged as a sync merges a file."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from desktop_app.services.decisions import minutes, minutes_versions, resolutions
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage.models import AgendaItem
from desktop_app.sync.conflicts import open_conflicts, resolve_conflict
from tests.signing.record import approve, make_board
from tests.sync.replicas import HOUR_MS, Laptop, clock, merged


@dataclass
class Shared:
    """Three laptops holding one record: behind (an hour slow), right, and ahead (half an
    hour fast, not enough to be held back)."""

    behind: Laptop
    right: Laptop
    ahead: Laptop
    made: object  # what the laptop whose clock is right made and shared
    base: list[dict]  # its changes, which every order below starts from
    marks: dict[str, int]

    def since(self, laptop: Laptop) -> list[dict]:
        """What `laptop` made after the record was shared (or after the last `mark`)."""
        return laptop.made_since(self.marks[laptop.folder.name])

    def mark(self, laptop: Laptop) -> None:
        self.marks[laptop.folder.name] = laptop.mark()


def _share(tmp_path, make) -> Shared:
    share = tmp_path / "share"
    share.mkdir()
    offsets = (-HOUR_MS, 0, HOUR_MS // 2)
    behind, right, ahead = (
        Laptop(tmp_path / f"laptop-{n}", share, clock(offsets[n])) for n in range(3)
    )
    with right.opened():
        made = make()
    for laptop in (right, behind, ahead):
        laptop.sync()
    marks = {laptop.folder.name: laptop.mark() for laptop in (behind, right, ahead)}
    return Shared(behind, right, ahead, made, right.made_since(), marks)


def _outcome(tmp_path, *orders: list[list[dict]]) -> tuple[dict, tuple]:
    """The one record and conflicts that every order of files gives."""
    found = {merged(tmp_path / f"order-{n}", *files) for n, files in enumerate(orders)}
    assert len(found) == 1, "the orders gave different records or conflicts"
    [(record, conflicts)] = found
    return json.loads(record), conflicts


def _item():
    board = bodies.create_body(name="Parish Council")
    meeting = meetings.create_meeting(body_id=board.id, date=dt.date(2027, 1, 12))
    return agenda.add_item(meeting_id=meeting.id, title="Budget")


def _items_of(record: dict, meeting: int = 0) -> list[dict]:
    return record["bodies"][0]["meetings"][meeting].get("items", [])


def test_a_delete_overruled_by_a_later_edit_leaves_no_conflict_in_any_order(tmp_path):
    shared = _share(tmp_path, _item)
    with shared.behind.opened():  # an edit stamped before the delete
        agenda.update_item(item_id=shared.made.id, purpose="for noting")
    with shared.right.opened():
        agenda.delete_item(item_id=shared.made.id)
    with shared.ahead.opened():  # an edit stamped after it: the item stays
        agenda.update_item(item_id=shared.made.id, title="Budget 2027")
    early, delete, late = (shared.since(lp) for lp in (shared.behind, shared.right, shared.ahead))

    record, conflicts = _outcome(
        tmp_path, [shared.base, delete, early, late], [shared.base, late, delete, early]
    )

    [item] = _items_of(record)
    assert (item["title"], item["purpose"]) == ("Budget 2027", "for noting")
    assert conflicts == ()


def test_a_minute_written_while_its_item_was_deleted_elsewhere_keeps_the_delete_aside(tmp_path):
    shared = _share(tmp_path, _item)
    with shared.right.opened():
        agenda.delete_item(item_id=shared.made.id)
    with shared.behind.opened():  # stamped before the delete, which never saw it
        minutes.set_item_notes(item_id=shared.made.id, notes="Agreed to consult the parish.")
    delete, notes = shared.since(shared.right), shared.since(shared.behind)

    record, conflicts = _outcome(
        tmp_path, [shared.base, delete, notes], [shared.base, notes, delete]
    )

    assert _items_of(record) == []
    [(kind, field, _mine, theirs)] = conflicts
    assert (kind, field, theirs) == ("deleted", "deleted_at", "None")  # a restore brings it back


def test_a_minute_the_deleter_saw_goes_with_its_item_without_a_conflict(tmp_path):
    shared = _share(tmp_path, _item)
    with shared.behind.opened():
        minutes.set_item_notes(item_id=shared.made.id, notes="Agreed to consult the parish.")
    shared.behind.sync()
    shared.right.sync()
    shared.mark(shared.right)
    with shared.right.opened():
        agenda.delete_item(item_id=shared.made.id)
    notes, delete = shared.since(shared.behind), shared.since(shared.right)

    record, conflicts = _outcome(tmp_path, [shared.base, notes, delete])

    assert _items_of(record) == []
    assert conflicts == ()


def test_an_agenda_nested_too_deep_by_two_laptops_is_put_right_alike_in_any_order(tmp_path):
    def agenda_with_sub_item():
        meeting_id = _item().meeting_id
        libraries = agenda.add_item(meeting_id=meeting_id, title="Libraries")
        hours = agenda.add_item(
            meeting_id=meeting_id, title="Opening hours", parent_id=libraries.id
        )
        return libraries, hours

    shared = _share(tmp_path, agenda_with_sub_item)
    libraries, hours = shared.made
    with shared.behind.opened():  # Libraries under Budget: Opening hours two deep
        agenda.indent_item(item_id=libraries.id)
    with shared.right.opened():  # a third level under Opening hours, as it stood here
        agenda.add_item(meeting_id=hours.meeting_id, title="Saturdays", parent_id=hours.id)
    indent, added = shared.since(shared.behind), shared.since(shared.right)

    record, conflicts = _outcome(
        tmp_path, [shared.base, indent, added], [shared.base, added, indent]
    )

    [budget] = _items_of(record)
    [libraries_shown] = budget["items"]
    assert [sub["title"] for sub in libraries_shown["items"]] == ["Opening hours", "Saturdays"]
    assert all("items" not in sub for sub in libraries_shown["items"])
    assert conflicts == ()


def _first_report(board) -> AgendaItem:
    meeting = board.meetings[0].id
    return AgendaItem.get((AgendaItem.meeting == meeting) & (AgendaItem.title == "Report 1"))


def test_an_approval_taken_back_lets_in_the_move_it_held_back_in_any_order(tmp_path):
    shared = _share(tmp_path, lambda: make_board(2))
    board = shared.made
    with shared.right.opened():
        approve(board, 0)
    approval = shared.since(shared.right)
    shared.mark(shared.right)
    with shared.behind.opened():  # made while the minutes were being approved elsewhere
        agenda.move_item(item_id=_first_report(board).id, offset=1)
    with shared.right.opened():
        minutes_versions.unapprove(meeting_id=board.meetings[0].id)
    move, taken_back = shared.since(shared.behind), shared.since(shared.right)

    record, conflicts = _outcome(
        tmp_path,
        [shared.base, approval, move, taken_back],
        [shared.base, move, approval, taken_back],
        [shared.base, approval, taken_back, move],
        [shared.base, approval + taken_back, move],
    )

    assert [item["title"] for item in _items_of(record)][1:3] == ["Report 2", "Report 1"]
    assert conflicts == ()


def test_a_resolution_added_while_the_minutes_were_approved_is_set_aside_in_any_order(tmp_path):
    shared = _share(tmp_path, lambda: make_board(2))
    with shared.right.opened():
        approve(shared.made, 0)
    with shared.behind.opened():
        resolutions.add_resolution(
            item_id=_first_report(shared.made).id, text="That the report be noted."
        )
    approval, added = shared.since(shared.right), shared.since(shared.behind)

    record, conflicts = _outcome(
        tmp_path,
        [shared.base, approval, added],
        [shared.base, added, approval],
        [shared.base + added + approval],  # a journal replayed at once
    )

    assert "That the report be noted." not in repr(record)
    [(kind, field, mine, theirs)] = conflicts
    assert (kind, field, mine) == ("frozen", "created", "(not in the approved minutes)")
    assert "That the report be noted." in theirs


def test_two_moves_of_one_item_at_once_leave_it_in_one_place_without_a_conflict(tmp_path):
    def three_items():
        meeting_id = _item().meeting_id
        middle = agenda.add_item(meeting_id=meeting_id, title="Libraries")
        agenda.add_item(meeting_id=meeting_id, title="Parks")
        return middle

    shared = _share(tmp_path, three_items)
    with shared.behind.opened():
        agenda.move_item(item_id=shared.made.id, offset=-1)
    with shared.ahead.opened():  # the later move
        agenda.move_item(item_id=shared.made.id, offset=1)
    up, down = shared.since(shared.behind), shared.since(shared.ahead)

    record, conflicts = _outcome(tmp_path, [shared.base, up, down], [shared.base, down, up])

    assert [item["title"] for item in _items_of(record)] == ["Budget", "Parks", "Libraries"]
    assert conflicts == ()  # a place in the order is no text to choose between


def test_a_resolution_added_while_its_item_was_edited_and_deleted_elsewhere_is_kept(tmp_path):
    shared = _share(tmp_path, _item)
    with shared.ahead.opened():  # the deleter's newest stamp is later than the resolution's
        agenda.update_item(item_id=shared.made.id, title="Budget 2027")
        agenda.delete_item(item_id=shared.made.id)
    with shared.behind.opened():
        resolutions.add_resolution(item_id=shared.made.id, text="That the budget be agreed.")
    delete, added = shared.since(shared.ahead), shared.since(shared.behind)

    record, conflicts = _outcome(
        tmp_path, [shared.base, delete, added], [shared.base, added, delete]
    )

    assert _items_of(record) == []
    assert [(kind, theirs) for kind, _field, _mine, theirs in conflicts] == [("deleted", "None")]


def _conflicts_on(laptop: Laptop) -> list[tuple]:
    with laptop.opened():
        return sorted((c.kind, c.field, str(c.mine.value)) for c in open_conflicts())


def test_a_delete_kept_by_settling_a_conflict_leaves_no_conflict_elsewhere(tmp_path):
    shared = _share(tmp_path, _item)
    with shared.right.opened():
        agenda.delete_item(item_id=shared.made.id)
    with shared.behind.opened():  # stamped before the delete, which never saw it
        agenda.update_item(item_id=shared.made.id, title="Budget 2027")
    for laptop in (shared.right, shared.behind, shared.right):
        laptop.sync()
    with shared.right.opened():
        [conflict] = open_conflicts()
        resolve_conflict(conflict.id, keep="mine")  # deleted it stays, edit seen
    for laptop in (shared.right, shared.behind):
        laptop.sync()

    assert _conflicts_on(shared.right) == _conflicts_on(shared.behind) == []


def test_a_row_set_aside_by_an_approval_is_kept_as_it_was_last_changed_in_any_order(tmp_path):
    shared = _share(tmp_path, lambda: make_board(2))
    with shared.right.opened():
        approve(shared.made, 0)
    with shared.behind.opened():
        added = resolutions.add_resolution(
            item_id=_first_report(shared.made).id, text="That the report be noted."
        )
    made = shared.since(shared.behind)
    shared.mark(shared.behind)
    with shared.behind.opened():
        resolutions.update_resolution(resolution_id=added.id, text="That the report be agreed.")
    approval, changed = shared.since(shared.right), shared.since(shared.behind)

    record, conflicts = _outcome(
        tmp_path,
        [shared.base, approval, made, changed],
        [shared.base, made, approval, changed],
        [shared.base, made, changed, approval],
    )

    [(kind, field, _mine, theirs)] = conflicts
    assert (kind, field) == ("frozen", "created")
    assert "That the report be agreed." in theirs


def test_an_edit_the_delete_never_saw_is_kept_though_the_deleter_moved_the_item_later(tmp_path):
    def two_items():
        budget = _item()
        agenda.add_item(meeting_id=budget.meeting_id, title="Parks")
        return budget

    shared = _share(tmp_path, two_items)
    with shared.ahead.opened():  # its move is stamped after the other laptop's edit
        agenda.move_item(item_id=shared.made.id, offset=1)
        agenda.delete_item(item_id=shared.made.id)
    with shared.behind.opened():
        agenda.update_item(item_id=shared.made.id, title="Budget 2027")
    delete, edit = shared.since(shared.ahead), shared.since(shared.behind)

    record, conflicts = _outcome(tmp_path, [shared.base, delete, edit], [shared.base, edit, delete])

    assert [item["title"] for item in _items_of(record)] == ["Parks"]
    assert [(kind, theirs) for kind, _field, _mine, theirs in conflicts] == [("deleted", "None")]


def test_a_sub_item_added_while_its_item_was_deleted_elsewhere_keeps_the_delete_aside(tmp_path):
    shared = _share(tmp_path, _item)
    with shared.right.opened():
        agenda.delete_item(item_id=shared.made.id)
    for adder in (shared.behind, shared.ahead):  # made before the delete, and after it
        with adder.opened():
            agenda.add_item(
                meeting_id=shared.made.meeting_id,
                title=f"Play areas ({adder.folder.name})",
                parent_id=shared.made.id,
            )
    delete, early, late = (shared.since(lp) for lp in (shared.right, shared.behind, shared.ahead))

    record, conflicts = _outcome(
        tmp_path, [shared.base, delete, early, late], [shared.base, late, early, delete]
    )

    assert _items_of(record) == []
    assert [(kind, theirs) for kind, _field, _mine, theirs in conflicts] == [("deleted", "None")]
    for laptop in (shared.right, shared.behind, shared.ahead, shared.right):
        laptop.sync()
    with shared.right.opened():  # the clerk keeps the item: what was added under it is back
        [conflict] = open_conflicts()
        resolve_conflict(conflict.id, keep="theirs")
        assert sorted(row.title for row in AgendaItem.live()) == [
            "Budget",
            "Play areas (laptop-0)",
            "Play areas (laptop-2)",
        ]


def test_minutes_circulated_on_one_laptop_while_approved_on_another_stay_approved(tmp_path):
    """Each laptop makes version 1: the approval in force sets the status in any order."""
    shared = _share(tmp_path, lambda: make_board(2))
    with shared.right.opened():
        minutes_versions.circulate(meeting_id=shared.made.meetings[0].id)
    for laptop in (shared.behind, shared.ahead):  # approved before it, and after it
        with laptop.opened():
            approve(shared.made, 0)
    circulated, early, late = (
        shared.since(lp) for lp in (shared.right, shared.behind, shared.ahead)
    )

    record, _conflicts = _outcome(
        tmp_path,
        [shared.base, circulated, early, late],
        [shared.base, late, early, circulated],
        [shared.base + early + circulated + late],  # a journal replayed at once
    )

    assert record["bodies"][0]["meetings"][0]["status"] == "minutes approved"
