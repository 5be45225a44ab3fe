"""The app's icons, by meaning, so a screen asks for “undo”, not for a font glyph.

The pictures are qtawesome's Font Awesome glyphs, baked into `resources/icons/` by
`python -m ui.icons` (`make icons`): importing qtawesome costs about 100 ms at start-up
(its qtpy layer pulls in QtOpenGL), which alone would double the time to a usable window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"
COLOUR = "#34495e"
SIZES = (16, 32, 64)
DOTS_PER_METRE = 3780  # 96 dpi, the resolution Qt assumes without a screen

GLYPHS = {
    "body": "fa5s.landmark",
    "child body": "fa5s.sitemap",
    "year": "fa5s.calendar-alt",
    "calendar": "fa5s.calendar",
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
            # With its size given, Qt reads a picture only when it is first painted at that
            # size; without, it decodes every file now (some 75 at start-up).
            made.addFile(str(path_of(meaning, size)), QSize(size, size))
        _cache[meaning] = made
    return _cache[meaning]


def path_of(meaning: str, size: int, folder: Path = FOLDER) -> Path:
    return folder / f"{meaning.replace(' ', '-')}-{size}.png"


def bake(folder: Path = FOLDER) -> list[Path]:
    """Render every glyph with qtawesome into `folder` (run after changing GLYPHS); returns the
    files written. A picture that has not changed is not written again, and a file whose
    meaning left GLYPHS is removed, so baking with nothing changed changes no file."""
    import qtawesome
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 — fonts need it
    folder.mkdir(parents=True, exist_ok=True)
    written, baked = [], set()
    for meaning, glyph in GLYPHS.items():
        for size in SIZES:
            path = path_of(meaning, size, folder)
            baked.add(path)
            pixmap = qtawesome.icon(glyph, color=COLOUR).pixmap(QSize(size, size))
            picture = _in_colour(pixmap.toImage())
            if path.is_file() and QImage(str(path)) == picture:
                continue
            picture.save(str(path))
            written.append(path)
    for stale in set(folder.glob("*.png")) - baked:
        stale.unlink()
    return written


def _in_colour(painted: QImage) -> QImage:
    """The glyph as COLOUR with its painted coverage as alpha. Qt paints premultiplied, and
    taking the colour back out of a half-covered pixel rounds differently from one Qt build or
    CPU to the next (#34495e came out as #344a5e), which rewrote files on every bake; the
    screen's resolution, which the PNG would record, is fixed too."""
    image = painted.convertToFormat(QImage.Format.Format_ARGB32)
    colour = QColor(COLOUR)
    pixels = bytearray(image.constBits())
    # Format_ARGB32 keeps a pixel as one native-endian 32-bit word: B, G, R, A on the
    # little-endian machines PySide6 has wheels for.
    count = len(pixels) // 4
    pixels[0::4] = bytes([colour.blue()]) * count
    pixels[1::4] = bytes([colour.green()]) * count
    pixels[2::4] = bytes([colour.red()]) * count
    width, height = image.width(), image.height()
    made = QImage(pixels, width, height, image.bytesPerLine(), QImage.Format.Format_ARGB32).copy()
    made.setDotsPerMeterX(DOTS_PER_METRE)
    made.setDotsPerMeterY(DOTS_PER_METRE)
    return made


if __name__ == "__main__":
    bake()
