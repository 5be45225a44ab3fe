"""What the README pictures' story (ui/readme_pictures.py) is staged with: its own clock,
so that every run draws the same pictures, who is acting and on which laptop, and the
officers' papers it attaches, with the pages it looks for in the PDFs it makes."""

from __future__ import annotations

import datetime as dt
import io

# Who makes the changes in the story, and on which laptop.
CLERK = ("Sarah Jenkins", "CLERK-LAPTOP")
OFFICER = ("Tom Ashdown", "OFFICER-LAPTOP")


def acting(actor: str, machine: str) -> None:
    """Who makes the changes from here on, and on which machine (what Conflicts… shows)."""
    from desktop_app.services.session import act_as

    act_as(actor=actor, machine=machine)


class StoryClock:
    """The story's clock, so that every picture is the same at each run (the times the
    Conflicts… dialog shows among them): it starts on the morning the example was loaded
    and moves on a millisecond at each reading; `at` sets it to a moment of the story."""

    START = dt.datetime(2012, 12, 3, 9, 0)

    def __init__(self):
        self.now_ms = ms(self.START)

    def __call__(self) -> int:
        self.now_ms += 1
        return self.now_ms


def ms(moment: dt.datetime) -> int:
    return int(moment.replace(tzinfo=dt.UTC).timestamp() * 1000)


CLOCK = StoryClock()


def at(moment: dt.datetime) -> None:
    """Put the story's clock at `moment` (UTC), never back: the changes that follow, on
    either laptop, are stamped from then on."""
    from desktop_app.services.session import use_clock

    CLOCK.now_ms = max(CLOCK.now_ms, ms(moment))
    use_clock(CLOCK)


def paper_pdf(title: str, *, author: str, pages: int) -> bytes:
    """A report of `pages` pages, as an officer would send one: a title, the author, text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    width, height = A4
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(72, height - 90, title)
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, height - 112, f"{author} · page {number} of {pages}")
        for line in range(30):
            pdf.drawString(
                72,
                height - 150 - line * 18,
                "The figures for the quarter, the measures against their targets and the risks.",
            )
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def page_starting(data: bytes, heading: str) -> int:
    """The first page (from 1) whose text starts with `heading`."""
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        if any(line.strip() == heading for line in page.extract_text().splitlines()[:3]):
            return number
    raise ValueError(f"no page starts with {heading}")
