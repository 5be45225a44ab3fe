"""Checks of single values in a `minute-book/1` file; each failure names its place.

Each check takes the object, the field's name and the object's path in the file, and
returns the clean value (text trimmed, dates parsed) or raises ValidationError.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from desktop_app.dates import parse_date, parse_time
from desktop_app.errors import ValidationError
from desktop_app.exchange.links import MeetingRef
from desktop_app.rules.text import character_fault, printable
from desktop_app.services.directory.bodies import clean_quorum
from desktop_app.services.validation import NAME_LIMIT, TEXT_LIMIT

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")  # in a meeting's reference, as exported
MEETING_REF = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$")
SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


def fail(path: str, message: str):
    # A key or value quoted back may hold a lone surrogate, which no terminal can print.
    raise ValidationError(printable(f"{path}: {message}"))


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def fields(value: Any, path: str, allowed: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        fail(path, "expected an object")
    for key in value:
        if key not in allowed:
            fail(join(path, key), f"not a field of the format here (expected {', '.join(allowed)})")
    return value


def entries(value: dict, path: str, key: str):
    """(path, entry) for each entry of the list `value[key]`, which may be absent."""
    items = value.get(key)
    if items is None:
        return
    list_path = join(path, key)
    if not isinstance(items, list):
        fail(list_path, "expected a list")
    for index, item in enumerate(items):
        yield join(list_path, index), item


def string(value: dict, key: str, path: str, *, required: bool, single_line: bool = False) -> str:
    """Text as the file gives it, trimmed, holding only characters that can be stored and
    printed (rules/text.py, as the window's fields)."""
    raw = value.get(key)
    if raw is None:
        if required:
            fail(join(path, key), "missing")
        return ""
    if not isinstance(raw, str):
        fail(join(path, key), "expected text")
    text = raw.strip()
    if required and not text:
        fail(join(path, key), "cannot be empty")
    if len(text) > NAME_LIMIT and single_line:
        fail(
            join(path, key),
            f"{len(text):,} characters long; a name or title holds at most {NAME_LIMIT}",
        )
    if len(text) > TEXT_LIMIT:
        fail(
            join(path, key),
            f"{len(text):,} characters long; one field holds at most {TEXT_LIMIT:,}",
        )
    fault = character_fault(text, single_line=single_line)
    if fault:
        fail(join(path, key), fault)
    return text


def single_line(value: dict, key: str, path: str, *, required: bool = False) -> str:
    """A name or title: one line, at most NAME_LIMIT characters."""
    return string(value, key, path, required=required, single_line=True)


def free_text(value: dict, key: str, path: str, *, required: bool = False) -> str:
    """Free text such as an overview: several lines, at most TEXT_LIMIT characters."""
    return string(value, key, path, required=required)


def text_list(value: dict, key: str, path: str) -> list[str]:
    return [_list_text(entry, entry_path) for entry_path, entry in entries(value, path, key)]


def _list_text(entry: Any, path: str) -> str:
    if not isinstance(entry, str):
        fail(path, "expected text")
    text = entry.strip()
    if len(text) > TEXT_LIMIT:
        fail(path, f"{len(text):,} characters long; one field holds at most {TEXT_LIMIT:,}")
    fault = character_fault(text, single_line=False)
    if fault:
        fail(path, fault)
    return text


def choice(value: dict, key: str, path: str, allowed: tuple[str, ...], default):
    raw = value.get(key)
    if raw is None:
        return default
    if not isinstance(raw, str):
        fail(join(path, key), "expected text")
    if raw not in allowed:
        words = ", ".join(f"“{word}”" for word in allowed if word)
        fail(join(path, key), f"“{shown(raw)}” is not one of {words}")
    return raw


def boolean(value: dict, key: str, path: str, default: bool) -> bool:
    raw = value.get(key)
    if raw is None:
        return default
    if not isinstance(raw, bool):
        fail(join(path, key), "expected true or false")
    return raw


def whole_number(value: dict, key: str, path: str, *, minimum: int = 0) -> int | None:
    raw = value.get(key)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        fail(join(path, key), "expected a whole number")
    if raw < minimum:
        fail(join(path, key), f"must be {minimum} or more")
    if raw > 2**62:
        fail(join(path, key), "is too large")
    return raw


def date(value: dict, key: str, path: str, *, required: bool = False) -> dt.date | None:
    """A date as the window takes it (dates.py): 2012-12-17 as exported, or 17/12/2012 and
    17 December 2012 as a clerk types a record in by hand."""
    raw = string(value, key, path, required=required)
    return by_rule(parse_date, raw, join(path, key)) if raw else None


def time(value: dict, key: str, path: str) -> str:
    """A time of day as the window takes it (14:30, 2.30 pm), kept as HH:MM."""
    raw = string(value, key, path, required=False)
    return by_rule(parse_time, raw, join(path, key)) if raw else ""


def instant(value: dict, key: str, path: str) -> str | None:
    """A moment a clock recorded: ISO 8601 with its offset, kept as the app stores it (UTC,
    to the millisecond), so that the same moment is always the same text."""
    raw = string(value, key, path, required=False)
    if not raw:
        return None
    try:
        if not INSTANT.match(raw):
            raise ValueError
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        fail(
            join(path, key),
            f"“{shown(raw)}” is not a moment in time (use YYYY-MM-DDTHH:MM:SS with its "
            "offset, e.g. 2012-12-20T10:15:00+00:00)",
        )
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def sha256(value: dict, key: str, path: str) -> str:
    """A SHA-256 fingerprint: 64 hexadecimal characters, kept in lower case."""
    raw = string(value, key, path, required=False)
    if raw and not SHA256.match(raw):
        fail(join(path, key), "expected a SHA-256 fingerprint (64 hexadecimal characters)")
    return raw.lower()


def meeting_ref(value: dict, key: str, path: str, *, required: bool = False) -> MeetingRef | None:
    """A meeting of the same body named by its date, "2012-12-17", or by date and start
    time, "2012-12-17T14:30" (links.py)."""
    raw = string(value, key, path, required=required)
    if not raw:
        return None
    found = MEETING_REF.match(raw)
    try:
        if not found:
            raise ValueError
        day = dt.date.fromisoformat(found[1])
    except ValueError:
        fail(
            join(path, key),
            f"“{shown(raw)}” is not a meeting's date (use YYYY-MM-DD, or YYYY-MM-DDTHH:MM "
            "when the body meets more than once that day)",
        )
    start = found[2]
    if start is not None and not TIME.match(start):
        fail(join(path, key), f"“{start}” in “{raw}” is not a time of day (use HH:MM)")
    return MeetingRef(day, start)


def quorum(value: dict, path: str) -> str:
    raw = value.get("quorum")
    if isinstance(raw, bool) or not isinstance(raw, (int, str, type(None))):
        fail(join(path, "quorum"), 'expected a number of members (6) or a fraction ("1/3")')
    return by_rule(clean_quorum, raw, join(path, "quorum"))


def by_rule(rule, raw: Any, path: str):
    """Apply a service's own check, so the file and the window accept exactly the same
    values; its sentence is kept, after the path."""
    with at(path):
        return rule(raw)


@contextlib.contextmanager
def at(path: str) -> Iterator[None]:
    """A rule's refusal inside the `with` is given at `path` (its sentence kept, after it):
    the rules (desktop_app/rules) and the services name no place in a file."""
    try:
        yield
    except ValidationError as error:
        fail(path, str(error).rstrip("."))


def shown(raw: str, limit: int = 40) -> str:
    """A wrong value as quoted back: enough to recognise it, not a megabyte of it."""
    return raw if len(raw) <= limit else raw[: limit - 1] + "…"
