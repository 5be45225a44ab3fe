"""Small stand-in report PDFs for the generated dataset.

Each page draws grey bars where a report's lines of text would be. There is no text and so
no font at all: a pack built from these files must still embed every font it uses, and
these add none to check. Written by hand because reportlab takes ~10 ms a file and the
dataset has 3,000 of them.
"""

from __future__ import annotations

import random

A4 = (595, 842)


def report_pdf(rng: random.Random, *, label: str, pages: int) -> bytes:
    """A valid PDF of `pages` A4 pages; `label` goes into the document information title."""
    objects: list[bytes] = []
    page_numbers = [3 + 2 * i for i in range(pages)]
    kids = " ".join(f"{n} 0 R" for n in page_numbers)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for number in page_numbers:
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] "
            f"/Resources << >> /Contents {number + 1} 0 R >>".encode()
        )
        stream = _page_stream(rng)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    info_number = len(objects) + 1
    objects.append(f"<< /Title ({_pdf_string(label)}) /Producer (Minute Book bench) >>".encode())

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_number,
        xref_at,
    )
    return bytes(out)


def _page_stream(rng: random.Random) -> bytes:
    lines = ["0.55 g"]
    y = 770
    while y > 80:
        if rng.random() < 0.12:  # a paragraph break
            y -= 14
            continue
        width = rng.randint(180, 451)
        lines.append(f"72 {y} {width} 7 re f")
        y -= 14
    return "\n".join(lines).encode()


def _pdf_string(text: str) -> str:
    plain = text.encode("ascii", "replace").decode()
    return plain.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
