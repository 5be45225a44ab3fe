"""Documents on items: real PDFs into the content-addressed store, and clear refusals for
files that are missing, unreadable, empty, damaged, not PDFs or locked by a password."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.papers import documents
from desktop_app.storage import changes, store
from desktop_app.storage.models import AgendaItem, db


def pdf_bytes(pages: int = 3, text: str = "Troubled Families update") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number in range(1, pages + 1):
        page.drawString(72, 720, f"{text}, page {number}")
        page.showPage()
    page.save()
    return buffer.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.fixture
def board(database, tmp_path):
    body = create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17")
    with db.atomic():
        public = changes.create(AgendaItem, meeting=meeting.id, rank="1", title="Families")
        private = changes.create(
            AgendaItem,
            meeting=meeting.id,
            rank="2",
            title="Staffing",
            confidential=True,
            exempt_paragraph="1",
        )
        under_private = changes.create(
            AgendaItem, meeting=meeting.id, parent=private.id, rank="1", title="Posts"
        )
    folder = tmp_path / "papers"
    folder.mkdir()
    return SimpleNamespace(
        meeting=meeting,
        public=public,
        private=private,
        under_private=under_private,
        folder=folder,
        report=write(folder, "Families report.pdf", pdf_bytes()),
    )


def attach(item, path, **values):
    return documents.attach_document(item_id=item.id, path=path, **values)


def stored_files() -> list[Path]:
    folder = store.store_dir()
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


# Attaching


def test_a_pdf_goes_into_the_store_with_its_name_hash_and_size(board):
    document = attach(board.public, board.report)

    data = board.report.read_bytes()
    assert (document.filename, document.sha256, document.size) == (
        "Families report.pdf",
        hashlib.sha256(data).hexdigest(),
        len(data),
    )
    assert documents.document_file(document.id).read_bytes() == data


def test_the_title_defaults_to_the_file_name_without_extension(board):
    assert attach(board.public, board.report).title == "Families report"


def test_title_author_and_date_are_kept(board):
    document = attach(
        board.public,
        board.report,
        title="Troubled Families – update £",
        author="Jo Ng",
        date="2012-12-10",
    )

    stored = documents.get_document(document.id)
    assert (stored.title, stored.author, stored.date, stored.confidential) == (
        "Troubled Families – update £",
        "Jo Ng",
        dt.date(2012, 12, 10),
        False,
    )


def test_the_page_count_is_read_from_the_stored_file(board):
    document = attach(board.public, write(board.folder, "long.pdf", pdf_bytes(pages=12)))

    assert documents.page_count(document.id) == 12


def test_a_paper_may_be_marked_confidential(board):
    assert attach(board.public, board.report, confidential=True).confidential is True


@pytest.mark.parametrize("where", ["private", "under_private"])
def test_a_paper_on_a_part_two_item_is_confidential(board, where):
    assert attach(getattr(board, where), board.report).confidential is True


def test_the_same_file_on_two_items_is_stored_once(board):
    first = attach(board.public, board.report)
    second = attach(board.private, board.report)

    assert first.sha256 == second.sha256
    assert len(stored_files()) == 1


def test_papers_are_listed_in_the_order_attached(board):
    first = attach(board.public, board.report)
    second = attach(board.public, write(board.folder, "annex.pdf", pdf_bytes(1, "Annex")))

    assert [d.id for d in documents.list_documents(board.public.id)] == [first.id, second.id]


# Editing, removing, restoring


def test_a_papers_details_can_be_corrected(board):
    document = attach(board.public, board.report)

    documents.update_document(
        document_id=document.id, title="Update", author="Jo Ng", date=dt.date(2012, 12, 1)
    )

    stored = documents.get_document(document.id)
    assert (stored.title, stored.author, stored.date) == ("Update", "Jo Ng", dt.date(2012, 12, 1))


def test_a_public_paper_can_be_made_confidential_and_back(board):
    document = attach(board.public, board.report)

    documents.update_document(document_id=document.id, confidential=True)
    assert documents.get_document(document.id).confidential is True
    documents.update_document(document_id=document.id, confidential=False)
    assert documents.get_document(document.id).confidential is False


def test_a_removed_paper_can_be_restored(board):
    document = attach(board.public, board.report)
    documents.remove_document(document_id=document.id)
    assert documents.list_documents(board.public.id) == []

    documents.restore_document(document_id=document.id)

    assert [d.id for d in documents.list_documents(board.public.id)] == [document.id]
    assert documents.page_count(document.id) == 3


def test_making_a_part_two_paper_public_is_refused(refused, board):
    document = attach(board.private, board.report)

    with refused("a paper on a Part II item, so it stays confidential"):
        documents.update_document(document_id=document.id, confidential=False)


def test_an_empty_title_is_refused(refused, board):
    document = attach(board.public, board.report)

    with refused("The document's title cannot be empty"):
        documents.update_document(document_id=document.id, title="  ")


def test_an_unknown_field_is_refused(refused, board):
    document = attach(board.public, board.report)

    with refused("A document has no field called sha256"):
        documents.update_document(document_id=document.id, sha256="0" * 64)


def test_an_impossible_date_is_refused(refused, board):
    with refused("“2012-02-30” is not a real date for the document's date"):
        attach(board.public, board.report, date="2012-02-30")


def test_the_same_file_twice_on_one_item_is_refused(refused, board):
    attach(board.public, board.report, title="Report")
    copy = write(board.folder, "copy.pdf", board.report.read_bytes())

    with refused("“copy.pdf” is already attached to this item as “Report”"):
        attach(board.public, copy)


def test_restoring_a_paper_attached_again_is_refused(refused, board):
    document = attach(board.public, board.report)
    documents.remove_document(document_id=document.id)
    attach(board.public, board.report, title="Again")

    with refused("The same file is attached to this item again as “Again”"):
        documents.restore_document(document_id=document.id)


def test_a_file_missing_from_the_store_is_reported(refused, board):
    document = attach(board.public, board.report)
    store.path_of(document.sha256).unlink()

    with refused("The file of the document “Families report” is missing from the data folder"):
        documents.document_file(document.id)


def test_an_unknown_item_is_refused(refused, board):
    with refused("no agenda item"):
        documents.attach_document(item_id="nope", path=board.report)


# Files that cannot be attached: each refused, and nothing kept in the store either


@pytest.fixture
def turned_away(refused):
    """`refused`, and no file left in the store either."""

    @contextmanager
    def check(*words: str):
        before = stored_files()
        with refused(*words) as caught:
            yield caught
        assert stored_files() == before

    return check


def test_a_missing_file_is_refused(turned_away, board):
    with turned_away("There is no file “gone.pdf” in"):
        attach(board.public, board.folder / "gone.pdf")


def test_a_folder_is_refused(turned_away, board):
    with turned_away("“papers” is a folder, not a file"):
        attach(board.public, board.folder)


def test_an_unreadable_file_is_refused(turned_away, board, monkeypatch):
    # Tests may run as root, which reads any file whatever its permissions: deny it directly.
    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)

    with turned_away("“Families report.pdf” cannot be read: permission is denied"):
        attach(board.public, board.report)


def test_an_empty_file_is_refused(turned_away, board):
    with turned_away("“empty.pdf” is empty"):
        attach(board.public, write(board.folder, "empty.pdf", b""))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.pdf", b"Minutes of the last meeting, typed up\n" * 20),
        ("noise.pdf", random.Random(4).randbytes(4096)),
        ("report.docx", b"PK\x03\x04" + random.Random(5).randbytes(2048)),
    ],
)
def test_a_file_that_is_not_a_pdf_is_refused(turned_away, board, name, data):
    with turned_away(f"“{name}” is not a PDF that can be read (it does not begin as one)"):
        attach(board.public, write(board.folder, name, data))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:200],
        lambda data: data[:-40],
        lambda data: b"%PDF-1.4\n" + random.Random(6).randbytes(4096),
    ],
    ids=["half", "header only", "tail cut", "noise after a header"],
)
def test_a_damaged_pdf_is_refused(turned_away, board, damage):
    path = write(board.folder, "report.pdf", damage(pdf_bytes()))

    with turned_away("“report.pdf” is not a PDF that can be read ("):
        attach(board.public, path)


@pytest.mark.parametrize("user_password", ["secret", ""], ids=["to open", "to edit only"])
def test_a_pdf_protected_by_a_password_is_refused(turned_away, board, user_password):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password, "owner")
    buffer = io.BytesIO()
    writer.write(buffer)

    with turned_away("“locked.pdf” is protected by a password"):
        attach(board.public, write(board.folder, "locked.pdf", buffer.getvalue()))


def test_a_pdf_without_pages_is_refused(turned_away, board):
    buffer = io.BytesIO()
    PdfWriter().write(buffer)

    with turned_away("“blank.pdf” has no pages"):
        attach(board.public, write(board.folder, "blank.pdf", buffer.getvalue()))
