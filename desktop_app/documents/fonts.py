"""The one typeface every document uses, shipped in resources/fonts and embedded in each PDF,
so £, “quotes”, accents, dashes and Greek or Cyrillic names print the same on every machine.

Liberation Sans has the metrics of Arial, the face most councils' templates use, under the
SIL Open Font License (resources/fonts/LICENSE-Liberation.txt)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.paths import RESOURCES

FONT_DIR = RESOURCES / "fonts"
REGULAR = "MinuteBook"
BOLD = "MinuteBook-Bold"
ITALIC = "MinuteBook-Italic"
BOLD_ITALIC = "MinuteBook-BoldItalic"
FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family with reportlab once per process; returns the regular face's name."""
    for name, filename in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    # <b> and <i> in paragraphs pick the matching face of the family.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR
