"""The app's icons, by meaning, so a screen asks for “undo”, not for a font glyph.

The pictures are qtawesome's Font Awesome glyphs, baked into `resources/icons/` by
`python -m ui.icons` (`make icons`): importing qtawesome costs about 100 ms at start-up
(its qtpy layer pulls in QtOpenGL), which alone would double the time to a usable window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"
COLOUR = "#34495e"
SIZES = (16, 32, 64)

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
    "up": "fa5s.arrow-up",
    "down": "fa5s.arrow-down",
    "indent": "fa5s.indent",
    "outdent": "fa5s.outdent",
    "template": "fa5s.clipboard-list",
    "publish": "fa5s.bullhorn",
    "attach": "fa5s.paperclip",
    "paper": "fa5s.file-pdf",
    "attendance": "fa5s.user-check",
    "interest": "fa5s.hand-paper",
    "live": "fa5s.play-circle",
    "schedule": "fa5s.calendar-week",
    "status": "fa5s.flag",
    "substitute": "fa5s.exchange-alt",
    "clock": "fa5s.clock",
    "actions": "fa5s.tasks",
    "registers": "fa5s.book",
    "search": "fa5s.search",
    "documents": "fa5s.file-alt",
    "print": "fa5s.print",
    "save": "fa5s.save",
    "upload": "fa5s.upload",
    "archive": "fa5s.archive",
    "zoom in": "fa5s.search-plus",
    "zoom out": "fa5s.search-minus",
    "fit width": "fa5s.arrows-alt-h",
    "previous page": "fa5s.chevron-up",
    "next page": "fa5s.chevron-down",
    "share": "fa5s.share-alt",
    "sync": "fa5s.sync-alt",
    "conflict": "fa5s.balance-scale",
}

_cache: dict[str, QIcon] = {}


def icon(meaning: str) -> QIcon:
    if meaning not in _cache:
        made = QIcon()
        for size in SIZES:
            made.addFile(str(path_of(meaning, size)))
        _cache[meaning] = made
    return _cache[meaning]


def path_of(meaning: str, size: int) -> Path:
    return FOLDER / f"{meaning.replace(' ', '-')}-{size}.png"


def bake() -> None:
    """Render every glyph with qtawesome into resources/icons (run after changing GLYPHS)."""
    import qtawesome
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 — fonts need it
    FOLDER.mkdir(parents=True, exist_ok=True)
    for meaning, glyph in GLYPHS.items():
        for size in SIZES:
            pixmap = qtawesome.icon(glyph, color=COLOUR).pixmap(QSize(size, size))
            pixmap.save(str(path_of(meaning, size)))


if __name__ == "__main__":
    bake()
