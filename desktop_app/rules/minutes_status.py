"""What a meeting's status may say about its minutes (DESIGN.md §2)."""

from __future__ import annotations

from desktop_app.errors import ValidationError


def check_signed_status(status: str, *, has_signed_version: bool) -> None:
    """A meeting is "minutes signed" only once a version of its minutes is signed: the
    status is the signature's consequence, never a claim made without one."""
    if status == "minutes signed" and not has_signed_version:
        raise ValidationError(
            "The minutes are marked signed, but no version of them is signed; the chair "
            "signs the approved minutes, and that marks them signed."
        )
