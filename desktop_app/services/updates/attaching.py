"""An update on its board's agenda: attached to the board's next meeting (the first, not
cancelled or postponed, on or after the update's date) as the paper of a new information
item named for it, presented by the officer who prepared it. The agenda pack then prints the
update as that item's paper (documents/facts.py). Detaching takes the item off again."""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.updates import rules
from desktop_app.services.updates.record import NOT_HELD
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Body, Meeting, QuarterlyUpdate, db


def next_board_meeting(update_id: str) -> Meeting:
    """The board's meeting an update goes to, or a refusal saying why there is none."""
    row = validation.live_row(QuarterlyUpdate, update_id, "quarterly update")
    body = Body.get_by_id(row.__data__["body"])
    rules.check_reports_to_a_board(body.name, body.__data__.get("parent"))
    board = validation.live_row(Body, body.__data__["parent"], "board")
    meeting = (
        Meeting.live()
        .where(
            (Meeting.body == board.id)
            & (Meeting.date >= row.date)
            & Meeting.status.not_in(NOT_HELD)
        )
        .order_by(Meeting.date, Meeting.start_time)
        .first()
    )
    if meeting is None:
        raise ValidationError(
            f"{board.name} has no meeting on or after {long_date(row.date)} to take the "
            "update; schedule the board's next meeting first."
        )
    return meeting


def attach_update(*, update_id: str, meeting_id: str | None = None) -> AgendaItem:
    """Put the update on the board's next meeting (or on `meeting_id`, one of the board's)
    as the paper of a new information item; returns that item."""
    row = validation.live_row(QuarterlyUpdate, update_id, "quarterly update")
    attached = AgendaItem.live().where(AgendaItem.id == row.__data__.get("item")).first()
    if attached is not None:
        meeting = Meeting.get_by_id(attached.__data__["meeting"])
        raise ValidationError(
            f"This update is already a paper of the board's meeting of {long_date(meeting.date)}."
        )
    meeting = next_board_meeting(update_id)
    if meeting_id is not None and meeting_id != meeting.id:
        chosen = validation.live_row(Meeting, meeting_id, "meeting")
        if chosen.__data__["body"] != meeting.__data__["body"]:
            raise ValidationError("An update goes to a meeting of the board its group reports to.")
        meeting = chosen
    with db.atomic():
        item = agenda.add_item(
            meeting_id=meeting.id,
            title=row.title,
            kind="information",
            purpose="for information",
            presenter_person_id=row.__data__.get("prepared_by"),
        )
        changes.update(row, item=item.id)
    return item


def reattach_update(*, update_id: str, item_id: str) -> None:
    """Attach again to the item an undone attach made (the redo): the same item comes back."""
    row = validation.live_row(QuarterlyUpdate, update_id, "quarterly update")
    with db.atomic():
        agenda.restore_item(item_id=item_id)
        changes.update(row, item=item_id)


def detach_update(*, update_id: str) -> None:
    """Take the update off the board's agenda, with the item made for it."""
    row = validation.live_row(QuarterlyUpdate, update_id, "quarterly update")
    item_id = row.__data__.get("item")
    if not item_id:
        raise ValidationError("This update is not attached to a meeting.")
    with db.atomic():
        if AgendaItem.live().where(AgendaItem.id == item_id).exists():
            agenda.delete_item(item_id=item_id)
        changes.update(row, item=None)


def updates_on_items(item_ids) -> dict[str, QuarterlyUpdate]:
    """The live update that is the paper of each of these items, by item."""
    ids = list(item_ids)
    return {
        row.__data__["item"]: row
        for row in QuarterlyUpdate.live().where(QuarterlyUpdate.item.in_(ids))
    }
