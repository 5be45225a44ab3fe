"""Schedule 12A to the Local Government Act 1972: the paragraphs, 1 to 7, under which an
item is taken in private (for example 1: information relating to an individual; 3: the
financial or business affairs of a person)."""

from __future__ import annotations

from desktop_app.errors import ValidationError

PARAGRAPHS = ("1", "2", "3", "4", "5", "6", "7")


def exempt_paragraph(value: object) -> str:
    """The paragraph an item cites ("" for none), or a ValidationError."""
    paragraph = str(value or "").strip()
    if paragraph and paragraph not in PARAGRAPHS:
        shown = paragraph if len(paragraph) <= 20 else paragraph[:19] + "…"
        raise ValidationError(
            f"“{shown}” is not a paragraph of Schedule 12A; give a number from 1 to 7."
        )
    return paragraph


def check_part_two(*, item: str, confidential: bool, paragraph: str, published: bool) -> None:
    """A confidential item on a published agenda cites its paragraph: the public may be
    excluded only for exempt information, and the agenda they see says which kind (Local
    Government Act 1972, s.100B(2)). `item` names it: “Item 37”, “Staffing”."""
    if confidential and published and not paragraph:
        raise ValidationError(
            f"{item} is confidential but gives no paragraph of Schedule 12A (1 to 7) as the "
            "reason, which a published agenda must give."
        )
