"""The minute of each item, laid out as the clerk writes it (seed 004): an overview, the
key points of the discussion, the recommendations put to the meeting, the decision, and
free notes (the notes taken live in the meeting flow in here).

Text is kept as plain Markdown-style text (**bold**, *italic*, "- " bullets) so it prints
and syncs cleanly; a rich-text (HTML) document is refused rather than stored. The key points
and recommendations are lists: each entry is one bullet, so a typed bullet mark is dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import motions, resolutions
from desktop_app.services.decisions.voting import item_label
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import Minute, Resolution, db

TEXTS = ("overview", "decision", "notes")
LISTS = ("key_points", "recommendations")
BULLET = re.compile(r"^[-•*·▪]\s+")
HTML = re.compile(r"^\s*(<!doctype html|<html[\s>]|<body[\s>]|<p[\s>])", re.IGNORECASE)
NOTED = {
    "information": "That the update be noted.",
    "presentation": "That the presentation be noted.",
}


@dataclass(frozen=True)
class MinuteText:
    overview: str = ""
    key_points: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()
    decision: str = ""
    notes: str = ""


def minute_of(item_id: str) -> MinuteText:
    """The item's minute; empty when none has been written."""
    minute = _minute_of(item_id)
    if minute is None:
        return MinuteText()
    return MinuteText(
        overview=minute.overview,
        key_points=tuple(_entries(minute.key_points)),
        recommendations=tuple(_entries(minute.recommendations)),
        decision=minute.decision,
        notes=minute.notes,
    )


def update_minute(*, item_id: str, **fields) -> None:
    """Change any of overview, key_points, recommendations, decision, notes; the minute is
    made on the first words written."""
    unknown = set(fields) - {*TEXTS, *LISTS}
    if unknown:
        raise ValidationError(f"A minute has no field called {', '.join(sorted(unknown))}.")
    item = motions.editable_item(item_id)
    values = {}
    for name, value in fields.items():
        what = name.replace("_", " ")
        if name in LISTS:
            values[name] = json.dumps(_clean_list(value, what), ensure_ascii=False)
        else:
            values[name] = _clean_text(value, what)
    with db.atomic():
        minute = _minute_of(item.id)
        if minute is not None:
            changes.update(minute, **values)
        elif any(value not in ("", "[]") for value in values.values()):
            # One minute per item, whichever laptop writes its first words.
            natural_ids.put(Minute, natural_ids.minute_id(item.id), item=item.id, **values)


def item_notes(item_id: str) -> str:
    return minute_of(item_id).notes


def set_item_notes(*, item_id: str, notes: str) -> None:
    """Store the notes for an item, making its minute on the first words typed."""
    update_minute(item_id=item_id, notes=notes)


def mark_noted(*, item_id: str) -> Resolution:
    """Record that an item for information was noted: “That the report be noted.”"""
    item = motions.editable_item(item_id)
    noted = Resolution.live().where((Resolution.item == item.id) & (Resolution.outcome == "noted"))
    if noted.exists():
        label = item_label(item)
        raise ValidationError(f"{label[:1].upper()}{label[1:]} has already been noted.")
    text = NOTED.get(item.kind, "That the report be noted.")
    return resolutions.add_resolution(item_id=item.id, text=text, outcome="noted")


def _clean_text(value, what: str) -> str:
    if not isinstance(value, str | None):
        raise ValidationError(f"The {what} must be text.")
    text = validation.text((value or "").replace("\r\n", "\n").replace("\r", "\n"), what)
    if HTML.match(text):
        raise ValidationError(
            f"The {what} is a formatted (HTML) document; paste it as plain text instead."
        )
    return text


def _clean_list(value, what: str) -> list[str]:
    """Entries trimmed, blank ones dropped, a leading bullet mark removed; a string is one
    entry per line."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").split("\n")
    if not isinstance(value, list | tuple) or not all(isinstance(e, str) for e in value):
        raise ValidationError(f"The {what} must be a list of text.")
    entries = [BULLET.sub("", _clean_text(entry, what)) for entry in value]
    entries = [entry.strip() for entry in entries if entry.strip()]
    size = sum(len(entry) for entry in entries)
    if size > validation.TEXT_LIMIT:
        raise ValidationError(
            f"The {what} are {size:,} characters long; the most one field holds is "
            f"{validation.TEXT_LIMIT:,}."
        )
    return entries


def _entries(stored: str) -> list[str]:
    try:
        entries = json.loads(stored or "[]")
    except ValueError:
        return [stored]  # not a list as written by this module: show it rather than lose it
    return [str(e) for e in entries] if isinstance(entries, list) else [str(entries)]


def _minute_of(item_id: str) -> Minute | None:
    return Minute.live().where(Minute.item == item_id).first()
