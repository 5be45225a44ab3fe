"""What a new agenda starts from: the standard items, or the body's own list of them."""

from __future__ import annotations

import json

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.rules import ranks
from desktop_app.services import validation
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Body, Meeting, db

TEMPLATE_LIMIT = 50

STANDARD_TEMPLATE: list[dict] = [
    {"title": "Apologies for Absence", "kind": "apologies"},
    {"title": "Declarations of Interest", "kind": "declarations"},
    {"title": "Minutes of the Previous Meeting", "kind": "previous minutes"},
    {"title": "Matters and Actions Arising", "kind": "matters arising"},
    {"title": "Any Other Business", "kind": "any other business"},
    {"title": "Date of Next Meeting", "kind": "date of next meeting"},
    {"title": "Duration of Meeting", "kind": "duration"},
]


def body_template(body_id: str) -> list[dict]:
    """The items a new agenda of this body starts with: its own list or the standard one."""
    body = validation.live_row(Body, body_id, "body")
    try:
        stored = json.loads(body.agenda_template) if body.agenda_template else None
    except ValueError:
        stored = None  # a damaged value must not stop a clerk starting an agenda
    items = stored if isinstance(stored, list) else STANDARD_TEMPLATE
    return [{"title": item["title"], "kind": item["kind"]} for item in items]


def set_body_template(*, body_id: str, items: list[dict]) -> None:
    """Keep the body's own template; the standard list is stored as "" (the default)."""
    body = validation.live_row(Body, body_id, "body")
    if len(items) > TEMPLATE_LIMIT:
        raise ValidationError(f"A template holds at most {TEMPLATE_LIMIT} items.")
    cleaned = []
    for index, item in enumerate(items, start=1):
        cleaned.append(
            {
                "title": validation.name(item.get("title"), f"title of template item {index}"),
                "kind": validation.choice(
                    item.get("kind") or "report", vocabulary.ITEM_KINDS, "kind of item"
                ),
            }
        )
    stored = "" if cleaned == STANDARD_TEMPLATE else json.dumps(cleaned, ensure_ascii=False)
    with db.atomic():
        changes.update(body, agenda_template=stored)


def start_agenda(*, meeting_id: str) -> list[AgendaItem]:
    """Fill an empty agenda from the body's template; minutes of the previous meeting link
    to that meeting."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    if AgendaItem.live().where(AgendaItem.meeting == meeting.id).exists():
        raise ValidationError(
            "This agenda already has items; the template can only start an empty agenda."
        )
    template = body_template(meeting.__data__["body"])
    previous = meeting.__data__.get("previous")
    with db.atomic():
        return [
            changes.create(
                AgendaItem,
                meeting=meeting.id,
                rank=rank,
                title=item["title"],
                kind=item["kind"],
                linked_meeting=previous if item["kind"] == "previous minutes" else None,
            )
            for rank, item in zip(ranks.spread(len(template)), template, strict=True)
        ]
