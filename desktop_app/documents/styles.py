"""The look every document shares: page size and margins, colours, paragraph styles, and
how a clerk's text becomes paragraphs. Layout constants live here and nowhere else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, TableStyle

from desktop_app.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts

register_fonts()

PAGE = A4
MARGIN_LEFT = MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 24 * mm  # room for the running header
MARGIN_BOTTOM = 20 * mm  # room for "Page n of m"
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
NUMBER_WIDTH = 16 * mm  # the least a minute or item number's column takes ("36.2")
SUB_NUMBER_WIDTH = 14 * mm  # the least a sub-item's number column takes, under its parent
NUMBER_GAP = 3 * mm  # between the widest number and the title beside it
WIDEST_NUMBER = 50 * mm  # a number wider than this wraps rather than squeeze the text

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5c5c5c")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eeeeee")
CONFIDENTIAL = colors.HexColor("#8b1a1a")
# RAG status colours of the action log: red, amber, green, and done; a plan action not
# started is grey and one complete blue (vocabulary.PLAN_RAG).
RAG = {
    "red": colors.HexColor("#c0392b"),
    "amber": colors.HexColor("#e6a100"),
    "green": colors.HexColor("#2e8b57"),
    "done": colors.HexColor("#7f8c8d"),
    "grey": colors.HexColor("#9a9a9a"),
    "blue": colors.HexColor("#2c6fbb"),
}
# The same, pale enough to print black text on (a plan's progress report fills its RAG cells).
RAG_TINT = {
    "red": colors.HexColor("#f6d5d1"),
    "amber": colors.HexColor("#fbeac2"),
    "green": colors.HexColor("#d3eadc"),
    "done": colors.HexColor("#e3e6e6"),
    "grey": colors.HexColor("#e6e6e6"),
    "blue": colors.HexColor("#d4e3f4"),
}

BODY_SIZE = 10.5
LEADING = 14

body = ParagraphStyle(
    "body", fontName=REGULAR, fontSize=BODY_SIZE, leading=LEADING, textColor=INK, spaceAfter=5
)
small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=2)
muted = ParagraphStyle("muted", parent=small, textColor=MUTED)
title = ParagraphStyle(
    "title", parent=body, fontName=BOLD, fontSize=17, leading=22, spaceAfter=6, alignment=TA_CENTER
)
subtitle = ParagraphStyle("subtitle", parent=body, fontSize=12, leading=16, alignment=TA_CENTER)
heading = ParagraphStyle(
    "heading", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=6
)
subheading = ParagraphStyle(
    "subheading", parent=body, fontName=BOLD, fontSize=BODY_SIZE, spaceBefore=6, spaceAfter=3
)
item_title = ParagraphStyle("item_title", parent=body, fontName=BOLD, spaceAfter=3)
label = ParagraphStyle("label", parent=body, fontName=ITALIC, spaceBefore=3, spaceAfter=2)
bullet = ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=3)
cell = ParagraphStyle("cell", parent=body, spaceAfter=0)
cell_bold = ParagraphStyle("cell_bold", parent=cell, fontName=BOLD)
confidential = ParagraphStyle("confidential", parent=body, fontName=BOLD, textColor=CONFIDENTIAL)

# A single paragraph longer than this is broken at a space so that reportlab, which lays out
# a paragraph's words as one piece, keeps a pasted 1 MB block to linear time.
LONGEST_PARAGRAPH = 4000


@dataclass(frozen=True)
class NumberColumns:
    """Where the number of an item at each depth goes: top-level numbers in a column of
    `top`, each level of sub-items stepped in by `sub`. `fitting` sizes both to the numbers
    a document holds, so `Cou/287/07-08.1` stays on one line beside its title."""

    top: float = NUMBER_WIDTH
    sub: float = SUB_NUMBER_WIDTH

    @classmethod
    def fitting(cls, numbered: Iterable[tuple[str, int]]) -> NumberColumns:
        """Columns for (number, depth) pairs, in the bold face numbers print in."""
        widest = {0: 0.0, 1: 0.0}
        for number, depth in numbered:
            level = min(depth, 1)
            widest[level] = max(widest[level], stringWidth(number, BOLD, BODY_SIZE))
        return cls(
            top=_column(widest[0], NUMBER_WIDTH),
            sub=_column(widest[1], SUB_NUMBER_WIDTH),
        )

    def offset(self, depth: int) -> float:
        """Where the number column of an item at `depth` starts."""
        return 0.0 if depth == 0 else self.top + (depth - 1) * self.sub

    def width(self, depth: int) -> float:
        return self.top if depth == 0 else self.sub


def _column(widest: float, least: float) -> float:
    return min(max(least, widest + NUMBER_GAP), WIDEST_NUMBER)


def table_style(*commands: tuple) -> TableStyle:
    """A table's style that starts in the embedded font: reportlab sets each cell's font
    (Helvetica by default) even when the cell holds a Paragraph, which leaves an unembedded
    Helvetica in the PDF."""
    return TableStyle([("FONT", (0, 0), (-1, -1), REGULAR), *commands])


def text(value: str) -> str:
    """A clerk's plain text as paragraph markup: <, > and & kept literally, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def paragraphs(value: str, style: ParagraphStyle = body) -> list[Paragraph]:
    """Plain text to paragraphs: one per blank-line-separated block, long blocks split."""
    blocks = [block.strip() for block in value.replace("\r\n", "\n").split("\n\n")]
    result = []
    for block in blocks:
        for piece in _pieces(block):
            result.append(Paragraph(text(piece), style))
    return result


def _pieces(block: str) -> list[str]:
    pieces = []
    while len(block) > LONGEST_PARAGRAPH:
        cut = block.rfind(" ", 0, LONGEST_PARAGRAPH)
        cut = cut if cut > 0 else LONGEST_PARAGRAPH
        pieces.append(block[:cut])
        block = block[cut:].lstrip()
    if block:
        pieces.append(block)
    return pieces
