"""Reports and papers attached to agenda items.

The file itself goes into the content-addressed store (storage/store.py) under its SHA-256;
the row keeps its title, author, date, whether it is confidential, and the original file
name. Only a PDF that opens, has pages and needs no password is accepted, so the agenda pack
can always be made from what is attached. A paper on a Part II item is always confidential.
The words of the PDF are taken out when it is attached and kept (by SHA-256, in
`document_text`) for the search index.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.storage import changes, store
from desktop_app.storage.models import AgendaItem, Document, db

EDITABLE = ("title", "author", "date", "confidential")
REASON_LIMIT = 120
# The most text kept from one paper for searching: a few hundred pages of a report.
TEXT_LIMIT = 1_000_000
# What pypdf lets escape from a damaged file besides its own errors: the file's fault, not ours.
PARSER_FAULTS = (
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    RecursionError,
    OverflowError,
    struct.error,
    zlib.error,
)


@dataclass(frozen=True)
class PdfFile:
    """A PDF read and checked: its bytes, as they will be stored, and its page count."""

    data: bytes
    pages: int


def attach_document(
    *,
    item_id: str,
    path: Path,
    title: str | None = None,
    author: str = "",
    date: dt.date | str | None = None,
    confidential: bool = False,
) -> Document:
    """Attach a PDF to an item; the title defaults to the file's name without its extension,
    and a paper on a Part II (confidential) item is confidential whatever is asked."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    path = Path(path)
    pdf = read_pdf(path)
    values = _clean(
        dict(
            title=path.stem if title is None else title,
            author=author,
            date=date,
            confidential=confidential,
        ),
        item,
    )
    twin = _attached_twin(item, hashlib.sha256(pdf.data).hexdigest())
    if twin is not None:
        raise ValidationError(f"“{path.name}” is already attached to this item as “{twin.title}”.")
    sha256 = store.put_bytes(pdf.data)
    text = None if has_text(sha256) else pdf_text(pdf.data)
    with db.atomic():
        if text is not None:
            keep_text(sha256, text)
        return changes.create(
            Document,
            item=item.id,
            filename=path.name,
            sha256=sha256,
            size=len(pdf.data),
            **values,
        )


def update_document(*, document_id: str, **fields) -> Document:
    """Change any of title, author, date, confidential."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A document has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Document, document_id, "document")
    item = AgendaItem.get_by_id(row.item_id)
    values = _clean({**changes.current(row, EDITABLE), **fields}, item)
    if fields.get("confidential") is False and values["confidential"]:
        raise ValidationError(
            f"“{row.title}” is a paper on a Part II item, so it stays confidential."
        )
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
    return row


def remove_document(*, document_id: str) -> None:
    """Take a paper off its item; the file stays in the store, so `restore_document` works."""
    row = validation.live_row(Document, document_id, "document")
    with db.atomic():
        changes.delete(row)


def restore_document(*, document_id: str) -> Document:
    row = Document.get_or_none(Document.id == document_id)
    if row is None:
        raise ValidationError(f"There is no document with the key “{document_id}”.")
    if row.deleted_at is None:
        return row
    item = validation.live_row(AgendaItem, row.item_id, "agenda item")
    twin = _attached_twin(item, row.sha256)
    if twin is not None:
        raise ValidationError(f"The same file is attached to this item again as “{twin.title}”.")
    with db.atomic():
        changes.restore(row)
    return row


def list_documents(item_id: str) -> list[Document]:
    """The item's papers in the order they were attached."""
    return list(
        Document.live().where(Document.item == item_id).order_by(Document.created_at, Document.hlc)
    )


def get_document(document_id: str) -> Document:
    return validation.live_row(Document, document_id, "document")


def document_file(document_id: str) -> Path:
    """Where the document's file is kept in the data folder."""
    row = validation.live_row(Document, document_id, "document")
    path = store.path_of(row.sha256) if row.sha256 else None
    if path is None or not path.is_file():
        raise ValidationError(
            f"The file of the document “{row.title}” is missing from the data folder; "
            "attach it again, or sync to fetch it from the shared folder."
        )
    return path


def page_count(document_id: str) -> int:
    path = document_file(document_id)
    return read_pdf(path).pages


def pdf_text(data: bytes) -> str:
    """The words of a PDF, for searching; what could be read when a page defeats pypdf."""
    from pypdf import PdfReader  # here, not at the top: see read_pdf
    from pypdf.errors import PyPdfError

    parts: list[str] = []
    size = 0
    try:
        for page in PdfReader(io.BytesIO(data)).pages:
            part = " ".join((page.extract_text() or "").replace("\x00", " ").split())
            parts.append(part)
            size += len(part) + 1
            if size >= TEXT_LIMIT:
                break
    except (PyPdfError, *PARSER_FAULTS):
        # A paper that reads but whose text does not is still attached: it is only unfound.
        logging.getLogger(__name__).debug("no text from a PDF", exc_info=True)
    return " ".join(parts)[:TEXT_LIMIT]


def has_text(sha256: str) -> bool:
    """Whether the words of the file with this SHA-256 are kept for searching."""
    sql = "SELECT 1 FROM document_text WHERE sha256 = ?"
    return db.execute_sql(sql, (sha256,)).fetchone() is not None


def keep_text(sha256: str, text: str) -> None:
    """Keep the words of a stored file; the index's triggers pick them up for every
    document with that file. Derived from the file, so not journalled or synced."""
    db.execute_sql(
        "INSERT INTO document_text (sha256, text) VALUES (?, ?) "
        "ON CONFLICT (sha256) DO UPDATE SET text = excluded.text",
        (sha256, text),
    )


def extract_missing_texts() -> int:
    """Take the words out of every attached file that has none kept yet (papers that came
    by import or sync); returns how many files were read."""
    sql = (
        "SELECT DISTINCT d.sha256 FROM document d "
        "LEFT JOIN document_text t ON t.sha256 = d.sha256 "
        "WHERE d.deleted_at IS NULL AND d.sha256 <> '' AND t.sha256 IS NULL"
    )
    done = 0
    for (sha256,) in db.execute_sql(sql).fetchall():
        path = store.path_of(sha256)
        if not path.is_file():
            continue  # not fetched yet; a later sync brings it
        text = pdf_text(path.read_bytes())
        with db.atomic():
            keep_text(sha256, text)
        done += 1
    return done


def read_pdf(path: Path) -> PdfFile:
    """The file's bytes and page count, or a ValidationError saying why it cannot be used."""
    name = path.name or str(path)
    if path.is_dir():
        raise ValidationError(f"“{name}” is a folder, not a file; choose a PDF inside it.")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"There is no file “{name}” in {path.parent}.") from None
    except PermissionError:
        raise ValidationError(f"“{name}” cannot be read: permission is denied.") from None
    except OSError as error:
        raise ValidationError(
            f"“{name}” cannot be read ({error.strerror or 'a disk error'})."
        ) from None
    if not data:
        raise ValidationError(f"“{name}” is empty.")
    # A PDF begins with %PDF- (readers allow some leading bytes, as pypdf does).
    if b"%PDF-" not in data[:1024]:
        raise ValidationError(f"“{name}” is not a PDF that can be read (it does not begin as one).")
    # pypdf is imported here, not at the top: it adds a tenth of a second to start-up.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                f"“{name}” is protected by a password; attach a copy saved without one."
            )
        pages = len(reader.pages)
    except (PyPdfError, *PARSER_FAULTS) as error:
        logging.getLogger(__name__).debug("unreadable PDF %s", path, exc_info=True)
        raise ValidationError(
            f"“{name}” is not a PDF that can be read ({_reason(error)})."
        ) from None
    if pages == 0:
        raise ValidationError(f"“{name}” has no pages.")
    return PdfFile(data, pages)


def _reason(error: BaseException) -> str:
    """pypdf's own words when they are short and plain, else a general one."""
    text = " ".join(str(error).split()).rstrip(".")
    if isinstance(error, PARSER_FAULTS) or not text or "None" in text:
        return "the file is damaged"
    if len(text) > REASON_LIMIT:
        text = text[: REASON_LIMIT - 1] + "…"
    return text


def _clean(values: dict, item: AgendaItem) -> dict:
    return dict(
        title=validation.name(values.get("title"), "document's title"),
        author=validation.optional_name(values.get("author"), "author"),
        date=validation.date(values.get("date"), "document's date"),
        confidential=bool(values.get("confidential")) or in_part_two(item),
    )


def in_part_two(item: AgendaItem) -> bool:
    """Whether the item, or an item it sits under, is confidential (Part II)."""
    seen = set()
    while item is not None and item.id not in seen:
        if item.confidential:
            return True
        seen.add(item.id)
        item = AgendaItem.get_or_none(AgendaItem.id == item.parent_id) if item.parent_id else None
    return False


def _attached_twin(item: AgendaItem, sha256: str) -> Document | None:
    return Document.live().where((Document.item == item.id) & (Document.sha256 == sha256)).first()
