"""The visible signature box appears where the app draws pages with QtPdf (the preview and
printing), which draws no form fields: the box is in the signed page's content too."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter

from desktop_app.signing import keys, signatures
from desktop_app.signing.signatures import STAMP_BOX, StampText
from tests.signing.pdfs import PASSPHRASE, small_pdf
from ui.pdf_preview import PdfPreview

A4 = QSize(595, 842)  # one pixel per point


def ink_in_box(image: QImage, box: tuple[float, ...]) -> int:
    """How many dark pixels the page image has inside `box` (PDF points from bottom left)."""
    # QtPdf leaves the paper transparent: lay the page on white before reading it.
    grey = QImage(image.size(), QImage.Format.Format_Grayscale8)
    grey.fill(Qt.GlobalColor.white)
    painter = QPainter(grey)
    painter.drawImage(0, 0, image)
    painter.end()
    x1, y1, x2, y2 = (round(v) for v in box)
    pixels = bytes(grey.constBits())
    width = grey.bytesPerLine()
    rows = range(A4.height() - y2, A4.height() - y1)
    return sum(
        1 for row in rows for value in pixels[row * width + x1 : row * width + x2] if value < 128
    )


def test_the_signature_box_is_drawn_on_the_last_page_in_the_preview(qtbot, database):
    key = keys.open_key_file(
        keys.make_key_file(name="Chris Garland", role="", organisation="", passphrase=PASSPHRASE),
        PASSPHRASE,
    )
    unsigned = small_pdf(2)
    signed = signatures.sign_pdf(unsigned, key, StampText("Cllr Chris Garland", "Chair", "today"))
    before = PdfPreview(unsigned, title="Minutes", file_name="minutes.pdf")
    after = PdfPreview(signed, title="Minutes", file_name="minutes.pdf")
    for preview in (before, after):
        qtbot.addWidget(preview)
    assert ink_in_box(before.document.render(1, A4), STAMP_BOX) == 0
    assert ink_in_box(after.document.render(1, A4), STAMP_BOX) > 500  # border and four lines
    assert ink_in_box(after.document.render(0, A4), STAMP_BOX) == 0  # the last page only
