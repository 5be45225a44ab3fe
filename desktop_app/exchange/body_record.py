"""Reading a body's own settings in a `minute-book/1` file: its minute numbering, its agenda
template, and which body it reports to (no circles). reading.py calls these."""

from __future__ import annotations

from typing import Any

from desktop_app import vocabulary
from desktop_app.exchange.format_fields import NUMBERING_FIELDS, TEMPLATE_FIELDS
from desktop_app.exchange.records import BodyRecord, NumberingRecord, TemplateItemRecord
from desktop_app.exchange.values import (
    by_rule,
    choice,
    entries,
    fail,
    fields,
    join,
    single_line,
    whole_number,
)
from desktop_app.services.directory.bodies import clean_pattern, clean_year_start

TEMPLATE_LIMIT = 50  # standard items in a body's agenda template, as the window allows


def refuse_cycles(bodies: list[BodyRecord]) -> None:
    parents = {b.name.casefold(): b.parent.casefold() for b in bodies if b.parent}
    for body in bodies:
        seen, name = set(), body.name.casefold()
        while name in parents:
            if name in seen:
                fail(join(body.path, "parent"), "the bodies report to each other in a circle")
            seen.add(name)
            name = parents[name]


def numbering(value: Any, path: str) -> NumberingRecord:
    fields(value, path, NUMBERING_FIELDS)
    record = NumberingRecord(
        pattern=single_line(value, "pattern", path) or "{n}",
        restart=choice(value, "restart", path, vocabulary.NUMBERING_RESTARTS, "never"),
        year_starts=single_line(value, "year_starts", path) or "05-01",
        next=whole_number(value, "next", path, minimum=1) or 1,
        sub=choice(value, "sub", path, vocabulary.SUB_NUMBERING, "decimal"),
    )
    by_rule(clean_pattern, record.pattern, join(path, "pattern"))
    by_rule(clean_year_start, record.year_starts, join(path, "year_starts"))
    return record


def template(value: dict, path: str) -> list[TemplateItemRecord] | None:
    """The standard items a body's new agendas start with; None (absent) is the standard
    template, [] a template with no items."""
    if value.get("template") is None:
        return None
    if isinstance(value["template"], list) and len(value["template"]) > TEMPLATE_LIMIT:
        fail(join(path, "template"), f"a template holds at most {TEMPLATE_LIMIT} items")
    found = []
    for entry_path, entry in entries(value, path, "template"):
        fields(entry, entry_path, TEMPLATE_FIELDS)
        found.append(
            TemplateItemRecord(
                title=single_line(entry, "title", entry_path, required=True),
                kind=choice(entry, "kind", entry_path, vocabulary.ITEM_KINDS, "report"),
            )
        )
    return found
