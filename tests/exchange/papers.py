"""Small real PDFs for the papers of an exchange file: import takes only a PDF the window
would attach (documents.read_pdf)."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas


def paper_pdf(text: str = "Priorities and performance") -> bytes:
    """A one-page PDF reading `text`; the same text always gives the same bytes."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=True)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()
