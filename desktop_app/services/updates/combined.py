"""A board's quarter: the updates its groups wrote for it, printed as one document (seed 002
lists every group and each one's priorities and focus, then their updates follow)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.plans.quarters import quarter_label, quarter_of
from desktop_app.services.updates.writing import UpdateView, get_update, update_id
from desktop_app.storage.models import Body, QuarterlyUpdate


@dataclass(frozen=True)
class GroupQuarter:
    body_id: str
    name: str
    update: UpdateView | None  # None: the group has not written its update


@dataclass(frozen=True)
class CombinedUpdate:
    board_id: str
    board_name: str
    quarter: dt.date
    groups: tuple[GroupQuarter, ...]  # every group reporting to the board, by name

    @property
    def label(self) -> str:
        return quarter_label(self.quarter)

    @property
    def updates(self) -> list[UpdateView]:
        return [group.update for group in self.groups if group.update is not None]


def groups_of(board_id: str) -> list[Body]:
    """The live bodies that report to the board, by name."""
    return list(Body.live().where(Body.parent == board_id).order_by(Body.name))


def combined_update(*, board_id: str, quarter: dt.date | str) -> CombinedUpdate:
    """The board's groups and their updates for the quarter (any day in it)."""
    board = validation.live_row(Body, board_id, "board")
    first = quarter_of(validation.date(quarter, "quarter", required=True))
    groups = groups_of(board.id)
    if not groups:
        raise ValidationError(f"No group reports to {board.name}, so it has no updates to combine.")
    ids = {update_id(group.id, first): group for group in groups}
    written = {row.id for row in QuarterlyUpdate.live().where(QuarterlyUpdate.id.in_(list(ids)))}
    if not written:
        raise ValidationError(
            f"None of the groups reporting to {board.name} has written its "
            f"{quarter_label(first)} update yet."
        )
    return CombinedUpdate(
        board_id=board.id,
        board_name=board.name,
        quarter=first,
        groups=tuple(
            GroupQuarter(group.id, group.name, get_update(row_id) if row_id in written else None)
            for row_id, group in ids.items()
        ),
    )
