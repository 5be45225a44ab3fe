"""The agenda pack (DESIGN.md §4): the agenda, an index, and every attached paper in item
order as one PDF. Each page is stamped with its pack page number by an overlay drawn in the
embedded font and merged onto the page, so a paper's own content is left as it came; each
item and paper has a bookmark, and a viewer shows the printed numbers as page labels. The
public edition leaves out every confidential paper. A reissue keeps the numbers published
before (page_labels.py) and carries a page saying what changed."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from desktop_app.documents import styles
from desktop_app.documents.facts import MeetingFacts, PaperFacts
from desktop_app.documents.fonts import REGULAR
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.documents.pack_contents import (
    agenda_fingerprint,
    agenda_item_pages,
    changes_pdf,
    index_pdf,
)
from desktop_app.documents.pack_entries import (
    Entry,
    Shown,
    now_confidential_papers,
    pack_entries,
    shown_in,
)
from desktop_app.documents.pack_outline import add_bookmarks, properties
from desktop_app.documents.page_labels import (
    FRONT,
    Part,
    assign_labels,
    describe_changes,
    write_page_labels,
)
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.services.papers import documents

STAMP_SIZE = 9
NOT_FOR_PUBLICATION = "Not for publication"
# The front pages settle in a round or two: how many pages the index and the changes take
# moves the labels they print.
LAYOUT_ROUNDS = 5


class Progress(Protocol):
    """What ui/tasks.py hands a long task: `report(done, total)`, and `cancelled`."""

    cancelled: bool

    def report(self, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class Pack:
    pdf: bytes
    parts: list[Part]  # in pack order, with the labels of their pages
    changes: list[str]  # what changed since the previous issue, as the pack prints it
    shown: Shown | None = None  # what the public edition shows; None for the full pack

    @property
    def page_count(self) -> int:
        return sum(len(part.labels) for part in self.parts)


@dataclass(frozen=True)
class Paper:
    """A paper ready to go into the pack: where it sits and its PDF, read and checked."""

    entry: Entry
    id: str
    title: str
    confidential: bool
    reader: PdfReader


def render_pack(
    meeting_id: str, *, public: bool = False, progress: Progress | None = None
) -> bytes:
    """The meeting's agenda pack as PDF bytes, pages numbered 1, 2, 3 …; `public` gives the
    edition for publication. Raises Cancelled when `progress.cancelled` is set."""
    return build_pack(meeting_id, public=public, progress=progress).pdf


def build_pack(
    meeting_id: str,
    *,
    public: bool = False,
    progress: Progress | None = None,
    previous: Sequence[Part] = (),
    since_issue: int | None = None,
    issue: int | None = None,
) -> Pack:
    """The pack and where each part's pages went; given the parts of an earlier issue
    (`since_issue`), published numbers are kept and a page says what changed."""
    from desktop_app.documents.agenda_pdf import render_agenda

    facts = load_meeting_facts(meeting_id)
    entries = pack_entries(facts, public=public)
    wanted = [(entry, paper) for entry in entries for paper in entry.papers]
    steps = _Steps(progress, total=2 * len(wanted) + 2)
    agenda = render_agenda(meeting_id, public=public, numbered=False)
    steps.advance()
    papers = []
    for entry, paper in wanted:
        steps.check()
        reader = _read(entry, paper, public=public)
        papers.append(Paper(entry, paper.id, paper.title, paper.confidential, reader))
        steps.advance()
    return assemble_pack(
        facts,
        agenda,
        papers,
        public=public,
        previous=previous,
        since_issue=since_issue,
        issue=issue,
        steps=steps,
    )


def assemble_pack(
    facts: MeetingFacts,
    agenda: bytes,
    papers: Sequence[Paper],
    *,
    public: bool = False,
    previous: Sequence[Part] = (),
    since_issue: int | None = None,
    issue: int | None = None,
    steps: _Steps | None = None,
) -> Pack:
    """Put the agenda's PDF, the index, any changes page and the papers together."""
    steps = steps or _Steps(None, total=len(papers) + 1)
    agenda_reader = PdfReader(io.BytesIO(agenda))
    entries = pack_entries(facts, public=public)
    agenda_pages = agenda_item_pages(agenda_reader, entries)
    fingerprint = agenda_fingerprint(facts, entries)
    published = {part.key: part.labels for part in previous}
    reissue = since_issue is not None
    secret = now_confidential_papers(facts, previous) if public else set()
    counts = {"agenda": len(agenda_reader.pages), "changes": 1 if reissue else 0, "index": 1}
    for _ in range(LAYOUT_ROUNDS):
        order = [(key, counts[key]) for key in FRONT if counts[key]]
        order += [(paper.id, len(paper.reader.pages)) for paper in papers]
        labels = assign_labels(published, order)
        parts = _parts(labels, fingerprint, papers)
        changes = describe_changes(previous, parts, untitled=secret) if reissue else []
        front = {
            "changes": changes_pdf(facts, changes, since=since_issue, issue=issue, public=public)
            if since_issue is not None
            else b"",
            "index": index_pdf(
                facts, entries, parts, agenda_pages, public=public, issue=issue, since=since_issue
            ),
        }
        readers = {key: PdfReader(io.BytesIO(data)) for key, data in front.items() if data}
        settled = {key: len(reader.pages) for key, reader in readers.items()}
        if all(counts[key] == pages for key, pages in settled.items()):
            break
        counts.update(settled)
    else:
        raise RuntimeError("the pack's index did not settle on a page count")
    writer = PdfWriter()
    writer.append(agenda_reader, import_outline=False)
    for key in ("changes", "index"):
        if key in readers:
            writer.append(readers[key], import_outline=False)
    for paper in papers:
        steps.check()
        with _paper_faults(paper):
            writer.append(paper.reader, import_outline=False)
        steps.advance()
    stamps = _stamps(parts, papers)
    _stamp(writer, stamps)
    add_bookmarks(writer, entries, parts, agenda_pages, since=since_issue)
    write_page_labels(writer, [stamp.label for stamp in stamps])
    writer.add_metadata(properties(facts, public=public, issue=issue))
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    steps.advance()
    return Pack(out.getvalue(), parts, changes, shown_in(entries) if public else None)


class _Steps:
    """Progress in steps, and the check for Cancel between them."""

    def __init__(self, progress: Progress | None, *, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def check(self) -> None:
        if self.progress is not None and getattr(self.progress, "cancelled", False):
            raise Cancelled("The agenda pack was cancelled.")

    def advance(self) -> None:
        self.done = min(self.done + 1, self.total)
        if self.progress is not None:
            self.progress.report(self.done, self.total)


def _read(entry: Entry, paper: PaperFacts, *, public: bool) -> PdfReader:
    """The paper's PDF, or a ValidationError naming the paper and its item. A report written
    in the app is rendered as the pack holds it, its pages left for the pack to number."""
    if paper.report_id:
        from desktop_app.documents.report_pdf import render_report

        return PdfReader(io.BytesIO(render_report(paper.report_id, public=public, numbered=False)))
    if paper.update_id:
        from desktop_app.documents.update_pdf import render_update

        return PdfReader(io.BytesIO(render_update(paper.update_id, numbered=False)))
    try:
        path = documents.document_file(paper.id)
    except ValidationError:
        raise _unreadable(
            entry,
            paper.title,
            "its file is missing from the data folder; attach it again, or sync to fetch it "
            "from the shared folder",
        ) from None
    try:
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        if reader.is_encrypted:
            raise _unreadable(
                entry, paper.title, "it is protected by a password; attach a copy without one"
            )
        if not reader.pages:
            raise _unreadable(entry, paper.title, "it has no pages")
    except (PyPdfError, OSError, *documents.PARSER_FAULTS) as error:
        raise _unreadable(entry, paper.title, _damage(error)) from None
    return reader


def _damage(error: BaseException) -> str:
    logging.getLogger(__name__).debug("unreadable paper", exc_info=error)
    return "the file is damaged; attach a good copy of it again"


def _unreadable(entry: Entry, title: str, reason: str) -> ValidationError:
    return ValidationError(
        f"The paper “{title}” on item {entry.item.number} cannot be read: {reason}."
    )


def _parts(labels: dict[str, tuple[str, ...]], agenda: str, papers: Sequence[Paper]) -> list[Part]:
    titles = {"agenda": "Agenda", "changes": "Changes", "index": "Index"}
    parts = [
        Part(key, titles[key], "", labels[key], fingerprint=agenda if key == "agenda" else "")
        for key in FRONT
        if key in labels
    ]
    parts += [Part(p.id, p.title, p.entry.item.number, labels[p.id]) for p in papers]
    return parts


@dataclass(frozen=True)
class _Stamp:
    label: str
    paper: Paper | None  # on a paper's page the number gets a white ground to stay legible
    note: str = ""  # "Not for publication" on a confidential paper in the full pack
    item: str = ""  # "Agenda item 34" on the first page of a paper


def _stamps(parts: Sequence[Part], papers: Sequence[Paper]) -> list[_Stamp]:
    by_id = {paper.id: paper for paper in papers}
    stamps = []
    for part in parts:
        paper = by_id.get(part.key)
        for n, label in enumerate(part.labels):
            if paper is None:
                stamps.append(_Stamp(label, None))
                continue
            stamps.append(
                _Stamp(
                    label,
                    paper,
                    note=NOT_FOR_PUBLICATION if paper.confidential else "",
                    item=f"Agenda item {paper.entry.item.number}" if n == 0 else "",
                )
            )
    return stamps


def _stamp(writer: PdfWriter, stamps: Sequence[_Stamp]) -> None:
    """Draw every page's stamp on one reportlab canvas, then merge each onto its page."""
    out = io.BytesIO()
    # The canvas starts each page in the embedded font, so no Helvetica is referenced.
    overlay = canvas.Canvas(out, initialFontName=REGULAR, initialFontSize=STAMP_SIZE, invariant=1)
    boxes = []
    for page, stamp in zip(writer.pages, stamps, strict=True):
        with _paper_faults(stamp.paper):
            if page.rotation:
                page.transfer_rotation_to_content()  # so "up" on the overlay is up on the page
            box = page.cropbox
            width, height = float(box.width), float(box.height)
            boxes.append((float(box.left), float(box.bottom)))
        overlay.setPageSize((width, height))
        _draw_stamp(overlay, stamp, width, height)
        overlay.showPage()
    overlay.save()
    overlays = PdfReader(io.BytesIO(out.getvalue())).pages
    for page, over, stamp, (left, bottom) in zip(
        writer.pages, overlays, stamps, boxes, strict=True
    ):
        with _paper_faults(stamp.paper):
            if left or bottom:
                page.merge_transformed_page(over, Transformation().translate(left, bottom))
            else:
                page.merge_page(over)


@contextmanager
def _paper_faults(paper: Paper | None) -> Iterator[None]:
    """A paper whose page defeats pypdf is named; a fault on our own pages is a bug."""
    try:
        yield
    except (PyPdfError, *documents.PARSER_FAULTS) as error:
        if paper is None:
            raise
        raise _unreadable(paper.entry, paper.title, _damage(error)) from None


def _draw_stamp(canv: canvas.Canvas, stamp: _Stamp, width: float, height: float) -> None:
    """The number where our own documents print "Page n of m"; on a paper, on a white
    ground, since the paper may print its own footer there."""
    right, left = width - styles.MARGIN_RIGHT, styles.MARGIN_LEFT
    bottom = styles.MARGIN_BOTTOM - 12
    canv.saveState()
    _ground_text(
        canv, f"Page {stamp.label}", right, bottom, align_right=True, ground=stamp.paper is not None
    )
    if stamp.note:
        canv.saveState()
        canv.setFillColor(styles.CONFIDENTIAL)
        _ground_text(canv, stamp.note, left, bottom, align_right=False, ground=True)
        canv.restoreState()
    if stamp.item:
        _ground_text(canv, stamp.item, right, height - 12 * mm, align_right=True, ground=True)
    canv.restoreState()


def _ground_text(canv, text: str, x: float, y: float, *, align_right: bool, ground: bool) -> None:
    width = canv.stringWidth(text, REGULAR, STAMP_SIZE)
    start = x - width if align_right else x
    if ground:
        canv.saveState()
        canv.setFillColorRGB(1, 1, 1)
        canv.rect(start - 3, y - 3, width + 6, STAMP_SIZE + 4, stroke=0, fill=1)
        canv.restoreState()
    canv.setFont(REGULAR, STAMP_SIZE)
    canv.drawString(start, y, text)
