"""The signature block that ends the minutes: "Chair ……… Date ………" for a signature in ink,
and beside it SIGNATURE_FIELD, the empty box where the chair's visible digital signature
goes (services/signatures/signing.py signs into it), in PDF points from the last page's bottom-left.

The block is always at the foot of the last page, so the field is at one place whatever the
length of the minutes. It needs only its own height below the last minute; it takes the last
lines of the minutes with it when it moves to a new page, so a page never holds the
signature alone (`signed_off`).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from desktop_app.documents import styles
from desktop_app.documents.fonts import REGULAR

SIGNATURE_HEIGHT = 34 * mm  # from the rule above the block to the bottom of the text area
_FIELD_WIDTH, _FIELD_HEIGHT = 85 * mm, 26 * mm  # room for the stamp's four lines
_CHAIR_LINE, _DATE_LINE = 18 * mm, 6 * mm  # the ink lines, above the bottom of the text area
_INK_LINE_END = 72 * mm  # the dotted lines stop short of the field beside them
# (x1, y1, x2, y2) on the last page: the right of the text width, beside the ink lines.
SIGNATURE_FIELD = (
    styles.MARGIN_LEFT + styles.TEXT_WIDTH - _FIELD_WIDTH,
    styles.MARGIN_BOTTOM + 2 * mm,
    styles.MARGIN_LEFT + styles.TEXT_WIDTH,
    styles.MARGIN_BOTTOM + 2 * mm + _FIELD_HEIGHT,
)
TAIL_ROOM = 45 * mm  # the most of the minutes' end the block takes to a new page with it


def signed_off(story: list[Flowable]) -> list[Flowable]:
    """The story ending with the signature block and, with it on its page, the last lines
    of the minutes: up to TAIL_ROOM of them, at least the last one, and a motion kept with
    its vote whole."""
    tail: list[Flowable] = []
    room = TAIL_ROOM
    while story:
        pieces = [p for p in _kept(story[-1]) if not isinstance(p, CondPageBreak)]
        height = sum(p.wrap(styles.TEXT_WIDTH, styles.PAGE[1])[1] for p in pieces)
        if tail and height > room:
            break
        room -= height
        story.pop()
        tail[:0] = pieces
    return [*story, _SignedOff(tail)]


class _SignedOff(Flowable):
    """The minutes' last lines and the signature block, on one page: moved whole to the
    next page when they do not fit on this one. (reportlab's KeepTogether measures
    flowables with an unbounded height and misjudged what fits here.)"""

    def __init__(self, lines: list[Flowable]):
        super().__init__()
        self._lines = lines
        self._placed: list[tuple[Flowable, float, float]] = []  # (flowable, top, height)
        self._at = 0.0

    def getSpaceBefore(self) -> float:
        return self._lines[0].getSpaceBefore() if self._lines else 0

    def wrap(self, avail_width, avail_height):
        self._placed, cursor, after = [], 0.0, None
        for line in self._lines:
            _, height = line.wrapOn(self.canv, avail_width, avail_height)
            if after is not None:  # spaces between flowables merge, as in a frame
                cursor += max(after, line.getSpaceBefore())
            self._placed.append((line, cursor, height))
            cursor += height
            after = line.getSpaceAfter()
        self.width, self.height = avail_width, cursor + SIGNATURE_HEIGHT
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []  # never across pages: a page too short gets a new one

    def drawOn(self, canvas, x, y, _sW=0):
        self._at = y  # where on the page it ends: the block goes below it, at the foot
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        for line, top, height in self._placed:
            line.drawOn(self.canv, 0, self.height - top - height)
        _draw_block(self.canv, self.width, styles.MARGIN_BOTTOM - self._at)


def _draw_block(canv, width: float, bottom: float) -> None:
    """The ink lines and the rule above them, from `bottom` (the foot of the text area)."""
    canv.saveState()
    canv.translate(0, bottom)
    canv.setFillColor(styles.INK)
    canv.setStrokeColor(styles.INK)
    canv.setLineWidth(0.6)
    canv.setDash(1, 2)
    canv.setFont(REGULAR, styles.BODY_SIZE)
    for word, y in (("Chair", _CHAIR_LINE), ("Date", _DATE_LINE)):
        canv.drawString(0, y, word)
        canv.line(14 * mm, y - 1, _INK_LINE_END, y - 1)
    canv.setDash()
    canv.setStrokeColor(styles.RULE)
    canv.setLineWidth(0.5)
    canv.line(0, SIGNATURE_HEIGHT - 2 * mm, width, SIGNATURE_HEIGHT - 2 * mm)
    canv.restoreState()


def _kept(flowable: Flowable) -> list[Flowable]:
    # A KeepTogether (a motion and its vote) goes whole; reportlab keeps its flowables in
    # `_content`.
    return list(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]
