"""A row of push buttons, each a text, an icon's meaning and what a click does."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ui.icons import icon


def button_row(*specs) -> QHBoxLayout:
    """`specs` are (text, meaning, slot); the buttons stand left, the rest of the row empty."""
    row = QHBoxLayout()
    for text, meaning, slot in specs:
        button = QPushButton(icon(meaning), text)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch()
    return row
