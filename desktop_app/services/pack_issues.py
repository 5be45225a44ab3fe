"""Issues of a meeting's agenda pack (DESIGN.md §4, supplements and reissues).

Issuing renders the pack, keeps its PDF in the content-addressed store and records a
PackIssue: its number (1, 2, … for each edition, full or public), who issued it and when,
the labels of every part's pages and what changed. A reissue keeps every published page
number (documents/page_labels.py): a paper added since takes pages like 23a–23d, a withdrawn
paper's numbers stay unused, and the pack opens with what changed. Every issue is kept; the
latest can be withdrawn, which is the undo of issuing it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop_app.documents.page_labels import Part
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.storage import changes, store
from desktop_app.storage.database import context
from desktop_app.storage.models import Meeting, PackIssue, db

if TYPE_CHECKING:
    from desktop_app.documents.pack_pdf import Progress


def issue_pack(
    *, meeting_id: str, public: bool = False, progress: Progress | None = None
) -> PackIssue:
    """Issue the meeting's pack (the public edition if `public`): the first issue numbers its
    pages 1, 2, 3 …; a later one keeps those numbers and says what changed. Refused when
    nothing has changed since the last issue."""
    from desktop_app.documents.pack_pdf import build_pack  # reportlab and pypdf load on use

    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    latest = latest_issue(meeting.id, public=public)
    previous = issue_parts(latest) if latest else []
    number = latest.number + 1 if latest else 1
    pack = build_pack(
        meeting.id,
        public=public,
        progress=progress,
        previous=previous,
        since_issue=latest.number if latest else None,
        issue=number,
    )
    if latest and not pack.changes:
        raise ValidationError(
            f"Nothing has changed since issue {latest.number} of the {_edition(public)}: no "
            "paper was added, replaced or withdrawn, and the agenda is the same."
        )
    sha256 = store.put_bytes(pack.pdf)
    with db.atomic():
        return changes.create(
            PackIssue,
            meeting=meeting.id,
            number=number,
            public=public,
            issued_at=changes.utc_now(),
            issued_by=context().actor,
            pdf_sha256=sha256,
            page_count=pack.page_count,
            pages=json.dumps(_record(pack.parts, previous), ensure_ascii=False),
            changes="\n".join(pack.changes),
        )


def list_pack_issues(meeting_id: str) -> list[PackIssue]:
    """The meeting's issues, full pack first, each edition in the order issued."""
    return list(
        PackIssue.live()
        .where(PackIssue.meeting == meeting_id)
        .order_by(PackIssue.public, PackIssue.number)
    )


def latest_issue(meeting_id: str, *, public: bool = False) -> PackIssue | None:
    return (
        PackIssue.live()
        .where((PackIssue.meeting == meeting_id) & (PackIssue.public == public))
        .order_by(PackIssue.number.desc())
        .first()
    )


def pack_issue_pdf(issue_id: str) -> bytes:
    """The PDF of an issue exactly as it was issued."""
    issue = validation.live_row(PackIssue, issue_id, "issue of the agenda pack")
    path = store.path_of(issue.pdf_sha256)
    if not path.is_file():
        raise ValidationError(
            f"The file of issue {issue.number} of the {_edition(issue.public)} is missing from "
            "the data folder; sync to fetch it from the shared folder."
        )
    return path.read_bytes()


def issue_parts(issue: PackIssue) -> list[Part]:
    """Every part the issue numbered, in pack order, then those withdrawn by it or before."""
    return [
        Part(
            key=entry["part"],
            title=entry["title"],
            item=entry.get("item", ""),
            labels=tuple(entry["labels"]),
            withdrawn=entry.get("withdrawn", False),
            fingerprint=entry.get("fingerprint", ""),
        )
        for entry in json.loads(issue.pages)
    ]


def withdraw_pack_issue(issue_id: str) -> None:
    """Take back the latest issue of an edition (the undo of issuing it); earlier issues
    have been followed by another and stay on the record."""
    issue = validation.live_row(PackIssue, issue_id, "issue of the agenda pack")
    latest = latest_issue(issue.meeting_id, public=issue.public)
    if latest is not None and latest.id != issue.id:
        raise ValidationError(
            f"Only the latest issue of the {_edition(issue.public)} can be withdrawn: issue "
            f"{latest.number} came after issue {issue.number}."
        )
    with db.atomic():
        changes.delete(issue)


def restore_pack_issue(issue_id: str) -> PackIssue:
    """Bring a withdrawn issue back (the redo of issuing), unless another took its place."""
    issue = PackIssue.get_or_none(PackIssue.id == issue_id)
    if issue is None:
        raise ValidationError(f"There is no issue of the agenda pack with the key “{issue_id}”.")
    if issue.deleted_at is None:
        return issue
    latest = latest_issue(issue.meeting_id, public=issue.public)
    if latest is not None and latest.number >= issue.number:
        raise ValidationError(
            f"Issue {issue.number} of the {_edition(issue.public)} cannot come back: issue "
            f"{latest.number} has been made since."
        )
    with db.atomic():
        changes.restore(issue)
    return issue


def _record(parts: list[Part], previous: list[Part]) -> list[dict]:
    """The issue's pages: its parts, then every part issued before and now left out, whose
    numbers must stay unused in later issues."""
    present = {part.key for part in parts}
    gone = [
        Part(p.key, p.title, p.item, p.labels, True, p.fingerprint)
        for p in previous
        if p.key not in present
    ]
    return [
        {
            "document": part.key if part.paper else "",
            "part": part.key,
            "title": part.title,
            "item": part.item,
            "first": part.labels[0],
            "last": part.labels[-1],
            "labels": list(part.labels),
            "withdrawn": part.withdrawn,
            "fingerprint": part.fingerprint,
        }
        for part in [*parts, *gone]
    ]


def _edition(public: bool) -> str:
    return "public agenda pack" if public else "agenda pack"
