"""A `minute-book/1` file as JSON text: read as UTF-8 and parsed, or refused in one sentence.

JSON lets an object give a field twice and keeps the last silently; a minute book never
means that, so it is refused with the place of the field (issue 12).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.exchange.values import fail, join


def load_json(path: Path) -> Any:
    """The parsed JSON of `path`, or a ValidationError saying what is wrong with the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"There is no file {path}.")
    except IsADirectoryError:
        raise ValidationError(f"{path} is a folder, not a minute-book file.")
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} is not UTF-8 text, so it is not a minute-book file.")
    return parse_json(text, name=path.name)


def parse_json(text: str, *, name: str = "The file") -> Any:
    def refuse_constant(constant: str) -> None:
        raise ValidationError(f"{name} uses {constant}, which is not a number JSON allows.")

    # Whether an object gives a field twice, where JSON would keep the last one silently.
    twice = []

    def pairs(found: list[tuple[str, Any]]) -> dict:
        value = dict(found)
        if len(value) < len(found):
            twice.append(True)
            return _GivenTwice(found)
        return value

    try:
        data = json.loads(text, parse_constant=refuse_constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{name} is not valid JSON: {error.msg.lower()} at line {error.lineno}, "
            f"column {error.colno}."
        )
    try:
        if twice:
            path, key = _first_given_twice(data, "")
            fail(join(path, key), "given twice in one object; give each field once")
    except RecursionError:
        raise ValidationError(f"{name} is nested too deeply to be a minute book.")
    return data


class _GivenTwice(dict):
    """An object that gives a field twice: `key` names the first such field."""

    def __init__(self, found: list[tuple[str, Any]]) -> None:
        super().__init__(found)
        seen: set[str] = set()
        for key, _ in found:
            if key in seen:
                self.key = key
                break
            seen.add(key)


def _first_given_twice(value: Any, path: str) -> tuple[str, str] | None:
    """(path of the object, the field) of the first object in the file giving a field twice."""
    if isinstance(value, _GivenTwice):
        return path, value.key
    for key, child in value.items() if isinstance(value, dict) else enumerate(value):
        if isinstance(child, (dict, list)):
            found = _first_given_twice(child, join(path, key))
            if found is not None:
                return found
    return None
