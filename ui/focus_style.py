"""The style rule that keeps the keyboard's place visible (resources/styles/focus.qss)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtWidgets import QWidget

RULES = Path(__file__).resolve().parent.parent / "resources" / "styles" / "focus.qss"


def show_focus(window: QWidget) -> None:
    """Style `window` and everything it opens (its dialogs, previews and live mode)."""
    window.setStyleSheet(_rules())


@cache
def _rules() -> str:
    return RULES.read_text(encoding="utf-8")
