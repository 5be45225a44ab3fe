"""Every check on a quarterly update, in one place: the window's services, the importer and
sync call these, so each refuses what the others refuse, in the same sentence.

`update_values` takes the values as typed (a quarter as any day in it, a date as clerks write
it) and returns them clean, or raises ValidationError in one sentence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.plans.quarters import quarter_label, quarter_of

RAGS = ("red", "amber", "green")  # the overall status; "" until the officer sets one
TEXTS = ("overview", "delivery", "priorities", "focus", "activity")
FIELDS = ("title", "date", "prepared_by_id", "rag", *TEXTS)
LABELS = {
    "overview": "overview",
    "delivery": "delivery group update",
    "priorities": "priorities",
    "focus": "focus",
    "activity": "summary of activity",
}


def check_reports_to_a_board(name: str, parent: str | None) -> None:
    """Only a body with a parent board (`parent`: its id or name) writes quarterly updates."""
    if not parent:
        raise ValidationError(no_board(name))


def no_board(name: str) -> str:
    """What is wrong with an update of a body that reports to no board (sync's clash too)."""
    return (
        f"{name} does not report to a board, so it has no quarterly update to write; "
        "give it its parent board first."
    )


def check_keeps_its_board(name: str, parent: str | None, *, has_updates: bool) -> None:
    """A body that has written quarterly updates keeps a board to write them to (it may
    move to another)."""
    if has_updates and not parent:
        raise ValidationError(
            f"{name} has written quarterly updates to its board, so it must keep one; "
            "choose its board, or delete its updates first."
        )


def quarter(value: Any, *, today: dt.date) -> dt.date:
    """The quarter (its first day) holding the day given; one that has not begun is refused."""
    day = validation.date(value, "quarter of the update", required=True)
    first = quarter_of(day)
    if first > today:
        raise ValidationError(
            f"{quarter_label(first)} has not begun, so there is nothing to report for it yet."
        )
    return first


def new_update(name: str, parent: str | None, quarter_given: Any, *, today: dt.date) -> dt.date:
    """What a new update must be, wherever it comes from (the window, a file, the command
    line): of a body that reports to a board, for a quarter that has begun. Returns the
    quarter's first day."""
    check_reports_to_a_board(name, parent)
    return quarter(quarter_given, today=today)


def rag(value: Any) -> str:
    text = (value or "").strip().lower() if isinstance(value, str | None) else value
    if text in ("", *RAGS):
        return text
    raise ValidationError(f"The overall RAG status is red, amber or green, not “{value}”.")


def update_values(values: dict[str, Any]) -> dict[str, Any]:
    """The editable values of an update (any of FIELDS), each checked."""
    found: dict[str, Any] = {}
    for name, value in values.items():
        if name == "title":
            found[name] = validation.name(value, "update's title")
        elif name == "date":
            found[name] = validation.date(value, "update's date", required=True)
        elif name == "prepared_by_id":
            found[name] = value or None
        elif name == "rag":
            found[name] = rag(value)
        elif name in TEXTS:
            if not isinstance(value, str | None):
                raise ValidationError(f"The {LABELS[name]} must be text.")
            found[name] = validation.text(value, LABELS[name])
        else:
            raise ValidationError(f"A quarterly update has no field called {name}.")
    return found
