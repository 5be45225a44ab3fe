"""PDFs and keys for the signing tests: a small reportlab document, a key file, and the
ways a signed file can be tampered with."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from desktop_app.paths import RESOURCES

PASSPHRASE = "correct horse battery"
FONT = "LiberationSans"


def small_pdf(pages: int = 3) -> bytes:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont(FONT, str(RESOURCES / "fonts" / "LiberationSans-Regular.ttf"))
        )
    out = io.BytesIO()
    page = canvas.Canvas(out, initialFontName=FONT, invariant=True)
    for n in range(pages):
        page.setFont(FONT, 12)
        page.drawString(72, 760, f"Minutes, page {n + 1}: “resolved” — £10")
        page.showPage()
    page.save()
    return out.getvalue()


def pdfsig(path: Path) -> str:
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def pdffonts(path: Path) -> list[str]:
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60)
    return done.stdout.splitlines()[2:]


def flip_signed_byte(signed: bytes) -> bytes:
    """One letter changed in the document's own text, well inside the signed range."""
    at = signed.index(b"ReportLab")
    return signed[:at] + b"X" + signed[at + 1 :]


def append_update(signed: bytes) -> bytes:
    """An incremental update after the signature: the title changed in the metadata."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    info = writer.trailer["/Info"].get_object() if "/Info" in writer.trailer else None
    if info is None:
        info = generic.DictionaryObject()
        writer.trailer["/Info"] = writer.add_object(info)
    info[generic.NameObject("/Title")] = generic.TextStringObject("Quietly changed")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def replace_page(signed: bytes) -> bytes:
    """An incremental update giving the first page other content."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 760 Td (Other minutes) Tj ET")
    page[generic.NameObject("/Contents")] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
