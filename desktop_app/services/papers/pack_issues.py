"""Issues of a meeting's agenda pack (DESIGN.md §4, supplements and reissues).

Issuing renders the pack, keeps its PDF in the content-addressed store and records a
PackIssue: its number (1, 2, … for each edition, full or public), who issued it and when,
the labels of every part's pages and what changed. A reissue keeps every published page
number (documents/page_labels.py): a paper added since takes pages like 23a–23d, a withdrawn
paper's numbers stay unused, and the pack opens with what changed. Every issue is kept; the
latest can be withdrawn, which is the undo of issuing it.

A public issue also records what it shows (documents/pack_entries.py). Once anything it
shows has become confidential the issue is stale: pack_issue_pdf, the one door through which
an issue's bytes leave, refuses it, and the next issue of the edition is made even if its
pages are otherwise unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.documents.page_labels import Part
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.storage import changes, store
from desktop_app.storage.database import context
from desktop_app.storage.models import Meeting, PackIssue, db

if TYPE_CHECKING:
    from desktop_app.documents.facts import MeetingFacts
    from desktop_app.documents.pack_entries import Shown
    from desktop_app.documents.pack_pdf import Pack, Progress


def issue_pack(
    *, meeting_id: str, public: bool = False, progress: Progress | None = None
) -> PackIssue:
    """Issue the meeting's pack (the public edition if `public`): the first issue numbers its
    pages 1, 2, 3 …; a later one keeps those numbers and says what changed. Refused when
    nothing has changed since the last issue."""
    return issue_packs(meeting_id=meeting_id, editions=(public,), progress=progress).issued[0]


def issue_packs(
    *, meeting_id: str, editions: Sequence[bool] = (False, True), progress: Progress | None = None
) -> Issued:
    """Issue each edition asked for (False the full pack, True the public one) that changed
    since its last issue, all in one transaction; refused when none has changed."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    made = [
        _prepare(meeting.id, public, _Share(progress, index, len(editions)) if progress else None)
        for index, public in enumerate(editions)
    ]
    fresh = [
        pending
        for pending in made
        if pending.pack.changes or pending.latest is None or pending.stale
    ]
    if not fresh:
        raise ValidationError(
            f"Nothing has changed since {_issues_named([p.latest for p in made])}: no paper was "
            "added, replaced or withdrawn, and the agenda is the same."
        )
    for pending in fresh:  # the file first: a row never names a PDF the store lacks
        pending.sha256 = store.put_bytes(pending.pack.pdf)
    with db.atomic():
        issued = [_record_issue(meeting.id, pending) for pending in fresh]
    return Issued(issued, [p.latest for p in made if p not in fresh])


@dataclass(frozen=True)
class Issued:
    """What issuing made, and the latest issue of each edition that had not changed."""

    issued: list[PackIssue]
    unchanged: list[PackIssue]


@dataclass
class _Pending:
    public: bool
    latest: PackIssue | None
    previous: list[Part]
    pack: Pack
    stale: bool  # the latest issue shows what is now confidential
    sha256: str = ""


def _prepare(meeting_id: str, public: bool, progress: Progress | None) -> _Pending:
    from desktop_app.documents.pack_pdf import build_pack  # reportlab and pypdf load on use

    latest = latest_issue(meeting_id, public=public)
    previous = issue_parts(latest) if latest else []
    pack = build_pack(
        meeting_id,
        public=public,
        progress=progress,
        previous=previous,
        since_issue=latest.number if latest else None,
        issue=latest.number + 1 if latest else 1,
    )
    return _Pending(public, latest, previous, pack, bool(latest and stale_reason(latest)))


def _record_issue(meeting_id: str, pending: _Pending) -> PackIssue:
    return changes.create(
        PackIssue,
        meeting=meeting_id,
        number=pending.latest.number + 1 if pending.latest else 1,
        public=pending.public,
        issued_at=changes.utc_now(),
        issued_by=context().actor,
        pdf_sha256=pending.sha256,
        page_count=pending.pack.page_count,
        pages=json.dumps(
            _record(pending.pack.parts, pending.previous, pending.pack.shown), ensure_ascii=False
        ),
        changes="\n".join(pending.pack.changes),
    )


class _Share:
    """One pack's share of the progress bar when several are issued together."""

    def __init__(self, progress: Progress, index: int, count: int):
        self._progress, self._index, self._count = progress, index, count

    @property
    def cancelled(self) -> bool:
        return self._progress.cancelled

    def report(self, done: int, total: int) -> None:
        self._progress.report(self._index * total + done, self._count * total)


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


@dataclass(frozen=True)
class IssueEntry:
    """One issue as the Pack issues dialog and `pack list` show it."""

    id: str
    number: int
    public: bool
    issued_at: dt.datetime  # UTC
    issued_by: str
    page_count: int
    changes: str  # one line per change; empty for a first issue
    latest: bool  # the latest of its edition: the only one that can be withdrawn
    pdf_sha256: str
    stale: str = ""  # why a public issue may no longer be shown (stale_reason), or ""

    @property
    def edition(self) -> str:
        return "Public" if self.public else "Full"

    @property
    def when(self) -> str:
        """When it was issued, on this machine's clock: “17 Dec 2012 14:05”."""
        local = self.issued_at.astimezone()
        return f"{local.day} {local:%b %Y %H:%M}"

    @property
    def what_changed(self) -> str:
        """Its changes on one line; a first issue says so."""
        return "; ".join(self.changes.splitlines()) if self.changes else "First issue"


def pack_issue_entries(meeting_id: str) -> list[IssueEntry]:
    """The meeting's issues as list_pack_issues orders them, each marked if it is the latest."""
    issues = list_pack_issues(meeting_id)
    last = {issue.public: issue.id for issue in issues}  # each edition's list ends in its latest
    facts = _facts(meeting_id) if any(issue.public for issue in issues) else None
    return [
        IssueEntry(
            issue.id,
            issue.number,
            issue.public,
            dt.datetime.fromisoformat(issue.issued_at),
            issue.issued_by,
            issue.page_count,
            issue.changes,
            last[issue.public] == issue.id,
            issue.pdf_sha256,
            stale_reason(issue, facts),
        )
        for issue in issues
    ]


def find_pack_issue(
    meeting_id: str, *, public: bool = False, number: int | None = None
) -> PackIssue:
    """Issue `number` of the edition (the latest if None), or a ValidationError saying so."""
    if number is None:
        found = latest_issue(meeting_id, public=public)
        if found is None:
            raise ValidationError(
                f"The {edition_name(public)} of this meeting has not been issued."
            )
        return found
    found = (
        PackIssue.live()
        .where(
            (PackIssue.meeting == meeting_id)
            & (PackIssue.public == public)
            & (PackIssue.number == number)
        )
        .first()
    )
    if found is None:
        raise ValidationError(
            f"There is no issue {number} of the {edition_name(public)} of this meeting."
        )
    return found


class StaleIssue(ValidationError):
    """A public issue showing what has since become confidential: it is never written out
    again. `newer` is a later issue that may be shown instead; without one, a new public
    edition is what to offer."""

    def __init__(self, issue: PackIssue, reason: str, newer: int | None):
        instead = (
            f"issue {newer}, made since, is the one to publish"
            if newer
            else "issue a new public edition, which keeps the published page numbers"
        )
        super().__init__(
            f"Issue {issue.number} of the public agenda pack is stale: {reason}, so it is not "
            f"written out again; {instead}."
        )
        self.meeting_id, self.number, self.newer = issue.meeting_id, issue.number, newer


def pack_issue_pdf(issue_id: str) -> bytes:
    """The PDF of an issue exactly as it was issued; a StaleIssue for a public issue showing
    what has since become confidential."""
    issue = validation.live_row(PackIssue, issue_id, "issue of the agenda pack")
    reason = stale_reason(issue)
    if reason:
        latest = latest_issue(issue.meeting_id, public=True)
        fresh = latest is not None and latest.number > issue.number and not stale_reason(latest)
        raise StaleIssue(issue, reason, latest.number if fresh else None)
    path = store.path_of(issue.pdf_sha256)
    if not path.is_file():
        raise ValidationError(
            f"The file of issue {issue.number} of the {edition_name(issue.public)} is missing from "
            "the data folder; sync to fetch it from the shared folder."
        )
    return path.read_bytes()


def stale_reason(issue: PackIssue, facts: MeetingFacts | None = None) -> str:
    """Why a public issue may no longer be shown (“item 34 has become confidential since it
    was issued”), or "" if nothing it shows is confidential now; "" for the full pack.
    `facts` are the meeting's as they stand, if already read."""
    if not issue.public:
        return ""
    from desktop_app.documents.pack_entries import Shown, now_confidential

    agenda = next(entry for entry in json.loads(issue.pages) if entry["part"] == "agenda")
    recorded = agenda.get("shows")
    if recorded is None:
        # Issued before issues kept what they show: it cannot be checked, so it is not shown.
        return "it was issued before Minute Book kept a record of what a public edition shows"
    return now_confidential(Shown.from_json(recorded), facts or _facts(issue.meeting_id))


def _facts(meeting_id: str) -> MeetingFacts:
    from desktop_app.documents.meeting_facts import load_meeting_facts  # the documents' layer

    return load_meeting_facts(meeting_id)


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
            f"Only the latest issue of the {edition_name(issue.public)} can be withdrawn: issue "
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
            f"Issue {issue.number} of the {edition_name(issue.public)} cannot come back: issue "
            f"{latest.number} has been made since."
        )
    with db.atomic():
        changes.restore(issue)
    return issue


def _record(parts: list[Part], previous: list[Part], shown: Shown | None) -> list[dict]:
    """The issue's pages: its parts, then every part issued before and now left out, whose
    numbers must stay unused in later issues; a public edition's agenda part also records
    what the edition shows."""
    present = {part.key for part in parts}
    gone = [
        Part(p.key, p.title, p.item, p.labels, True, p.fingerprint)
        for p in previous
        if p.key not in present
    ]
    entries = [
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
    if shown is not None:
        # Kept with the agenda's entry: no column to add, and it travels with the issue.
        next(e for e in entries if e["part"] == "agenda")["shows"] = shown.to_json()
    return entries


def edition_name(public: bool) -> str:
    """“agenda pack” or “public agenda pack”, as messages name them."""
    return "public agenda pack" if public else "agenda pack"


def _issues_named(issues: list[PackIssue]) -> str:
    """“issue 2 of the agenda pack and issue 1 of the public agenda pack”"""
    return " and ".join(f"issue {i.number} of the {edition_name(i.public)}" for i in issues)
