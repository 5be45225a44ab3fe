"""Page furniture and assembly: every document is built here, so every page has the same
running header (body and date), "Page n of m", optional DRAFT or CONFIDENTIAL marking, the
document's metadata, and only the embedded font (never reportlab's default Helvetica)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desktop_app.documents import styles
from desktop_app.documents.fonts import BOLD, REGULAR


@dataclass(frozen=True)
class Furniture:
    """What each page carries besides the content."""

    header_left: str = ""  # the body
    header_right: str = ""  # the meeting's date
    footer_left: str = ""  # e.g. "Public edition" or "Confidential: not for publication"
    watermark: str = ""  # "DRAFT" until minutes are approved
    numbered: bool = True  # "Page n of m"; off when a pack stamps its own numbers
    header_on_first: bool = False  # the first page has its own heading
    footer_warning: bool = False  # footer_left in bold red, e.g. "CONFIDENTIAL — NOT FOR …"


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str = ""
    author: str = "Minute Book"
    keywords: str = ""


def build_pdf(
    story: list,
    *,
    metadata: Metadata,
    furniture: Furniture = Furniture(),
    pagesize: tuple[float, float] = styles.PAGE,
) -> bytes:
    """Lay out the flowables on A4 pages (or `pagesize`, e.g. landscape(A4) for a register's
    grid) and return the PDF. Identical input gives identical bytes (reportlab's invariant
    mode), so a document's SHA-256 means its content."""
    out = io.BytesIO()
    document = BaseDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=styles.MARGIN_LEFT,
        rightMargin=styles.MARGIN_RIGHT,
        topMargin=styles.MARGIN_TOP,
        bottomMargin=styles.MARGIN_BOTTOM,
        title=metadata.title,
        subject=metadata.subject,
        author=metadata.author,
        keywords=metadata.keywords,
        creator="Minute Book",
        producer="Minute Book (reportlab)",
        invariant=1,
        initialFontName=REGULAR,
        lang="en-GB",
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=lambda c, d: _under(c, furniture))]
    )
    document.build(story, canvasmaker=_numbered_canvas(furniture))
    return out.getvalue()


def _under(canv: canvas.Canvas, furniture: Furniture) -> None:
    """Drawn before the page's content: the watermark sits underneath the text."""
    if not furniture.watermark:
        return
    canv.saveState()
    canv.setFont(BOLD, 110)
    canv.setFillColor(colors.Color(0.85, 0.85, 0.85, alpha=0.45))
    width, height = canv._pagesize
    canv.translate(width / 2, height / 2)
    canv.rotate(50)
    canv.drawCentredString(0, -40, furniture.watermark)
    canv.restoreState()


def _numbered_canvas(furniture: Furniture):
    """A canvas that holds its pages until the end, so each can say "Page n of m"."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                _over(self, furniture, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _over(canv: canvas.Canvas, furniture: Furniture, number: int, total: int) -> None:
    width, height = canv._pagesize
    left, right = styles.MARGIN_LEFT, width - styles.MARGIN_RIGHT
    canv.saveState()
    canv.setFont(REGULAR, 8.5)
    canv.setFillColor(styles.MUTED)
    if number > 1 or furniture.header_on_first:
        top = height - styles.MARGIN_TOP + 10
        canv.drawString(left, top, furniture.header_left)
        canv.drawRightString(right, top, furniture.header_right)
        canv.setStrokeColor(styles.RULE)
        canv.setLineWidth(0.5)
        canv.line(left, top - 4, right, top - 4)
    bottom = styles.MARGIN_BOTTOM - 12
    if furniture.footer_left:
        if furniture.footer_warning:
            canv.setFont(BOLD, 8.5)
            canv.setFillColor(styles.CONFIDENTIAL)
        canv.drawString(left, bottom, furniture.footer_left)
        canv.setFont(REGULAR, 8.5)
        canv.setFillColor(styles.MUTED)
    if furniture.numbered:
        canv.drawRightString(right, bottom, f"Page {number} of {total}")
    canv.restoreState()
