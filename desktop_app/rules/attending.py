"""Who attends a meeting, as the attendance sheet and an imported file both decide it."""

from __future__ import annotations

from desktop_app.errors import ValidationError

ATTENDING = ("present", "substitute", "in attendance")


def check_comings_and_goings(name: str, status: str) -> None:
    """Only someone who attends has arrival and departure times, or an item during which
    they came or went; `status` is their mark ("" for someone not on the sheet)."""
    if status in ATTENDING:
        return
    if not status:
        raise ValidationError(
            f"{name} is not on the attendance sheet; only someone who attends arrives or "
            "leaves during the meeting."
        )
    raise ValidationError(
        f"{name} is marked {status}; only someone who attends has arrival and departure times."
    )
