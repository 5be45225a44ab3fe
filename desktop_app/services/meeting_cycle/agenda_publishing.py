"""Publishing an agenda: every item gets its minute number, continuing the body's sequence
(numbering.py), and the meeting moves to "agenda published"; unpublishing undoes it. An
item added to a published agenda takes its number at once, and gives it back if that
addition is undone."""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.rules import schedule12a
from desktop_app.rules.numbering import repeated_number
from desktop_app.services import validation
from desktop_app.services.meeting_cycle import numbering
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Body, Meeting, db


def publish_agenda(*, meeting_id: str) -> dict[str, str]:
    """Give every item its minute number, continuing the body's sequence, and mark the
    agenda published. Returns item id → number."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    if meeting.status != "scheduled":
        raise ValidationError(
            f"Only the agenda of a scheduled meeting can be published; the meeting of "
            f"{long_date(meeting.date)} is {meeting.status}."
        )
    tree = AgendaTree(meeting.id)
    if not tree.items:
        raise ValidationError("The agenda has no items to publish.")
    _refuse_numbers_after(meeting, "publish this one")
    plan = numbering.plan(meeting, tree)
    for item, _ in tree.walk():
        label = item.number or plan.numbers[item.id]
        if not item.title.strip():
            raise ValidationError(f"Item {label} has no title.")
        schedule12a.check_part_two(
            item=f"Item {label}",
            confidential=item.confidential,
            paragraph=item.exempt_paragraph,
            published=True,
        )
    with db.atomic():
        number_new_items(meeting, tree, plan)
        changes.update(meeting, status="agenda published")
    return {item.id: item.number for item, _ in tree.walk()}


def unpublish_agenda(*, meeting_id: str) -> None:
    """The undo of publishing: the numbers go and the body's next number is as it was."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    if meeting.status != "agenda published":
        raise ValidationError(
            f"Only a published agenda can be unpublished; the meeting of "
            f"{long_date(meeting.date)} is {meeting.status}."
        )
    _refuse_numbers_after(meeting, "unpublish this one")
    tree = AgendaTree(meeting.id)
    body = Body.get_by_id(meeting.__data__["body"])
    counter = numbering.counter_before(meeting, body, tree)
    with db.atomic():
        for item in tree.items.values():
            changes.update(item, number="")
        if counter is not None:
            changes.update(body, numbering_next=counter)
        changes.update(meeting, status="scheduled")


def number_new_items(
    meeting: Meeting, tree: AgendaTree, plan: numbering.Plan | None = None
) -> None:
    """Give the items that have none their numbers (all of them when publishing; one added
    to a published agenda), moving the body's counter on. Call inside a transaction: a
    number the body has given already is refused, and the refusal undoes the addition."""
    plan = plan or numbering.plan(meeting, tree)
    _refuse_repeats(meeting, tree, plan)
    for item_id, number in plan.numbers.items():
        changes.update(tree.items[item_id], number=number)
    if plan.next_number is not None:
        changes.update(Body.get_by_id(meeting.__data__["body"]), numbering_next=plan.next_number)


def _refuse_repeats(meeting: Meeting, tree: AgendaTree, plan: numbering.Plan) -> None:
    """No number the plan gives may be one the body has given already in the same run
    (rules/numbering.py): the clerk may have set the body's next number back."""
    body = Body.get_by_id(meeting.__data__["body"])
    run = numbering.run_in(body, meeting)
    given = [
        *numbering.numbered_items(body, meeting),
        *((run, number, tree.items[item_id]) for item_id, number in plan.numbers.items()),
    ]
    repeat = repeated_number(given)
    if repeat is None:
        return
    number, first, _again = repeat
    held = Meeting.get_by_id(first.__data__["meeting"])
    raise ValidationError(
        f"Minute {number} was given already, to “{first.title}” at the meeting of "
        f"{long_date(held.date)}; set the body's next minute number past it first."
    )


def _refuse_numbers_after(meeting: Meeting, doing: str) -> None:
    later = numbering.numbered_meeting(meeting, later=True)
    if later is not None:
        raise ValidationError(
            f"The agenda of the later meeting of {long_date(later.date)} already has minute "
            f"numbers, which must run in date order; unpublish it before you {doing}."
        )


def can_give_back(meeting: Meeting, tree: AgendaTree, item: AgendaItem) -> bool:
    """Whether a numbered item may still lose its number: it was added after the agenda was
    published (so no published agenda shows it) and holds the latest number of its sequence,
    as when the clerk undoes adding it."""
    # Stamps, not wall-clock times: the item and the meeting may come from two machines.
    if any(row.base_hlc < meeting.hlc for row in tree.subtree(item)):
        return False  # it was there when the agenda was published, or the meeting moved on
    body = Body.get_by_id(meeting.__data__["body"])
    parent_id = tree.parent_id(item)
    if parent_id is not None:
        parent = tree.items[parent_id]
        given = sum(1 for kid in tree.children(parent_id) if kid.number)
        return item.number == numbering.sub_number(parent.number, given, body.sub_numbering)
    n = numbering.parse_minute_number(
        body.numbering_pattern, item.number, meeting.date, body.numbering_year_starts
    )
    if n is None:
        return False
    if body.numbering_restart == "per-meeting":
        return n == max(numbering.numbers_used(meeting, body, tree))
    return n == body.numbering_next - 1 and numbering.numbered_meeting(meeting, later=True) is None


def give_back(meeting: Meeting, tree: AgendaTree, item: AgendaItem) -> None:
    """Clear the numbers of `item` and its sub-items, and step the body's counter back to
    the top-level number given up. Call inside a transaction, after can_give_back."""
    body = Body.get_by_id(meeting.__data__["body"])
    if tree.parent_id(item) is None and body.numbering_restart != "per-meeting":
        changes.update(body, numbering_next=body.numbering_next - 1)
    for row in tree.subtree(item):
        changes.update(row, number="")
