"""Checks shared by the services; each failure is one sentence a clerk understands."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from peewee import DoesNotExist

from desktop_app import dates
from desktop_app.errors import ValidationError
from desktop_app.rules.text import character_fault, printable
from desktop_app.storage.models import Synced

RowT = TypeVar("RowT", bound=Synced)

NAME_LIMIT = 300  # a name or title longer than this is a paste gone wrong, not a title
TEXT_LIMIT = 100_000  # one minute's overview or decision; a 1 MB paragraph is refused


def name(value: str | None, what: str) -> str:
    """A required single-line name: trimmed, not empty, not absurdly long, and only
    characters that can be stored and printed (rules/text.py)."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"The {what} cannot be empty.")
    if len(text) > NAME_LIMIT:
        raise ValidationError(
            f"The {what} is {len(text):,} characters long; please keep it under {NAME_LIMIT}."
        )
    characters(text, what, single_line=True)
    return text


def optional_name(value: str | None, what: str) -> str:
    return name(value, what) if (value or "").strip() else ""


def text(value: str | None, what: str) -> str:
    """Free text such as an overview: may be empty, may not be enormous."""
    body = (value or "").strip()
    if len(body) > TEXT_LIMIT:
        raise ValidationError(
            f"The {what} is {len(body):,} characters long; the most one field holds is "
            f"{TEXT_LIMIT:,}."
        )
    characters(body, what, single_line=False)
    return body


def characters(value: str, what: str, *, single_line: bool) -> None:
    """Refuse text holding a character that cannot be stored or printed (rules/text.py)."""
    fault = character_fault(value, single_line=single_line)
    if fault:
        raise ValidationError(f"The {what} {fault}.")


def choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValidationError(
            printable(f"“{value}” is not a {what}; use one of: {', '.join(allowed)}.")
        )
    return value


def date(value: dt.date | str | None, what: str, *, required: bool = False) -> dt.date | None:
    if value in (None, ""):
        if required:
            raise ValidationError(f"The {what} is missing.")
        return None
    if isinstance(value, dt.date):
        return value
    return dates.parse_date(str(value), what)


def time(value: str | None, what: str) -> str:
    """A time of day as typed (19:40, 7.40 pm), kept as HH:MM; empty if none was given."""
    text_value = (value or "").strip()
    return dates.parse_time(text_value, what) if text_value else ""


def live_row(model: type[RowT], row_id: str | None, what: str) -> RowT:
    """The live row with this key, or a ValidationError naming what is unknown."""
    if not row_id:
        raise ValidationError(f"Please choose the {what}.")
    try:
        return model.live().where(model.id == row_id).get()
    except DoesNotExist:
        raise ValidationError(f"There is no {what} with the key “{row_id}”.") from None


def optional_row(model: type[RowT], row_id: str | None, what: str) -> RowT | None:
    return live_row(model, row_id, what) if row_id else None
