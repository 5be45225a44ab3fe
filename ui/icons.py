"""The app's icons, by meaning, so a screen asks for “undo”, not for a font glyph."""

import qtawesome as qta
from PySide6.QtGui import QIcon

GLYPHS = {
    "body": "fa5s.landmark",
    "child body": "fa5s.sitemap",
    "year": "fa5s.calendar-alt",
    "meeting": "fa5s.calendar-day",
    "meeting done": "fa5s.calendar-check",
    "meeting cancelled": "fa5s.calendar-times",
    "person": "fa5s.user",
    "people": "fa5s.users",
    "organisation": "fa5s.building",
    "add": "fa5s.plus",
    "edit": "fa5s.pen",
    "remove": "fa5s.trash-alt",
    "undo": "fa5s.undo",
    "redo": "fa5s.redo",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "quit": "fa5s.door-open",
    "new body": "fa5s.folder-plus",
    "new meeting": "fa5s.calendar-plus",
    "confidential": "fa5s.lock",
}


def icon(meaning: str) -> QIcon:
    return qta.icon(GLYPHS[meaning], color="#34495e")
