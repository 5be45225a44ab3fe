"""One sync with the shared folder: send what is new here, apply what is new there.

1. Files the new changes name go to the share, then the changes themselves (`outgoing`).
2. Every other device's files not yet applied are applied in order: a device's files one
   after another, and a file only once the files its writer had applied are applied here
   too, so a change never arrives before the row it edits. Each file is applied whole,
   with the record that it was, or not at all (a savepoint of a transaction that holds
   several files).
3. Files the applied changes name are fetched (`content`).

A file that cannot be read is reported in one sentence and skipped; as the files after it
depend on it, they wait too, and a later sync tries again. A file whose stamps are far
ahead of this machine's clock (a laptop whose clock is a day ahead) is held back, so that
it cannot drag every clock forward, until the time comes or its clock is put right.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.clock import Stamp
from desktop_app.errors import ValidationError
from desktop_app.services.settings import get_setting
from desktop_app.storage import changes
from desktop_app.storage.database import context, writing
from desktop_app.storage.models import AppliedFile, LocalSetting, db
from desktop_app.sync import content, outgoing
from desktop_app.sync.applying import ChangeRefused
from desktop_app.sync.clashes import Clash, find_clashes
from desktop_app.sync.conflicts import open_count
from desktop_app.sync.journal_rows import journal_change
from desktop_app.sync.merging import merge_in
from desktop_app.sync.share import (
    BadFile,
    ChangeFile,
    ShareError,
    check_share,
    list_files,
    read_file,
    read_header,
)

# How far ahead of this machine's clock another machine's stamps may be and still apply.
MAX_AHEAD_MS = 60 * 60 * 1000
# Changes applied in one transaction before it is committed: about two seconds of holding
# the write lock, within the five another writer waits (storage/database.py).
BATCH, BATCH_SECONDS = 20_000, 2.0
SHARE_FOLDER = "share_folder"
LAST_SYNC = "last_sync"
CLASHES = "clashes"


@dataclass
class SyncReport:
    files_sent: int = 0
    changes_sent: int = 0
    files_applied: int = 0
    changes_applied: int = 0
    skipped: list[str] = field(default_factory=list)  # one sentence per file skipped
    files_awaited: int = 0
    conflicts_found: int = 0
    conflicts_open: int = 0
    tables: set[str] = field(default_factory=set)
    files_named: set[str] = field(default_factory=set)  # papers the applied changes name
    meetings: set[str] = field(default_factory=set)  # meetings the applied changes touched
    clashes: list[Clash] = field(default_factory=list)  # rules the merge broke
    stopped: int = 0  # files left to apply when the sync was cancelled


def sync_now(
    share: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """Sync this data folder with `share`. Raises ValidationError (one sentence) when the
    share cannot be used at all; local work is untouched. When `cancelled()` turns true,
    applying stops after the file under way (the files left wait for the next sync)."""
    share = Path(share)
    report = SyncReport()
    try:
        check_share(share)
        _send(share, report)
        with writing("The sync with the shared folder under way here"):
            _receive(share, report, progress, cancelled or (lambda: False))
        if report.files_applied and outgoing.waiting():
            _send(share, report)  # what applying put right here (derived.py) goes out at once
        _fetched, awaited = content.fetch(share, report.files_named)
    except ShareError as error:
        raise ValidationError(str(error)) from error
    report.files_awaited = len(awaited)
    if report.files_applied:
        report.clashes = remember_clashes(report.meetings)
    report.conflicts_open = open_conflict_count()
    with db.atomic():
        LocalSetting.replace(key=LAST_SYNC, value=changes.utc_now()).execute()
    return report


def open_conflict_count() -> int:
    """Values kept aside and rules a merge broke, as the status bar counts them."""
    return open_count() + len(json.loads(get_setting(CLASHES, "[]")))


def remember_clashes(meetings: set[str] | None = None) -> list[Clash]:
    """Find the rules a merge broke and keep their list for the status bar (finding them
    takes a tenth of a second on a large council: too long to do on every edit)."""
    found = find_clashes(meetings=meetings)
    kept = [{"id": clash.id, "message": clash.message} for clash in found]
    with db.atomic():
        LocalSetting.replace(key=CLASHES, value=json.dumps(kept)).execute()
    return found


def _send(share: Path, report: SyncReport) -> None:
    content.push(share, content.named_files([journal_change(e) for e in outgoing.unsent(10**9)]))
    files, changes_ = outgoing.write_outgoing(share)
    report.files_sent += files
    report.changes_sent += changes_


def _receive(share: Path, report: SyncReport, progress, cancelled) -> None:
    found, foreign = list_files(share)
    for path in foreign:
        report.skipped.append(
            f"The file {path} was not written by Minute Book (a copy a file-sync "
            "service made, or a stray file), so it is not read."
        )
    own = {context().device_id, *_past_devices()}
    applied = _applied()
    queue = {
        device: [file for file in files if file.seq > applied.get(device, 0)]
        for device, files in found.items()
        if device != context().device_id
    }
    total = sum(len(files) for files in queue.values())
    stuck: set[str] = set()
    moved = True
    with _Batch() as batch:
        while moved and not report.stopped:
            moved = False
            for device, files in queue.items():
                while files and device not in stuck:
                    if cancelled():
                        report.stopped = sum(len(files) for files in queue.values())
                        break
                    file = files[0]
                    if file.seq != applied.get(device, 0) + 1:
                        wanted = applied.get(device, 0) + 1
                        report.skipped.append(
                            f"The change file {file.path} waits for file {wanted} of the same "
                            "machine, which is not on the shared folder yet."
                        )
                        stuck.add(device)
                        break
                    before = report.changes_applied
                    outcome = _try_file(file, applied, own, report, batch)
                    if outcome == "wait":
                        break
                    if outcome != "applied":
                        stuck.add(device)
                        break
                    files.pop(0)
                    applied[device] = file.seq
                    moved = True
                    batch.applied(report.changes_applied - before)
                    if progress is not None:
                        progress(report.files_applied, total)
    for device, files in queue.items():
        if files and device not in stuck and not report.stopped:
            file = files[0]
            report.skipped.append(_waiting_sentence(file, applied))


class _Batch:
    """The transaction files are applied in, each file in a savepoint of it; committed
    every BATCH changes or BATCH_SECONDS. A page of an index that many files write to is
    then written once, not once a file: a fresh laptop's first sync wrote 828 MB for a
    165 MB database file by file, 331 MB in one transaction (bench/)."""

    def __init__(self) -> None:
        self.transaction = None
        self.held, self.since = 0, 0.0

    def __enter__(self) -> _Batch:
        return self

    @contextlib.contextmanager
    def file(self) -> Iterator[None]:
        """A file's savepoint. The transaction is begun at the first file, so that a sync
        with nothing new never takes the write lock."""
        if self.transaction is None:
            self.transaction = db.atomic()
            self.transaction.__enter__()
            self.since = time.monotonic()
        try:
            with db.atomic():
                yield
        except Exception:
            changes.forget_kept_stamp()  # the clock too is as it was before the file
            raise

    def applied(self, changes_: int) -> None:
        self.held += changes_
        if self.held >= BATCH or time.monotonic() - self.since >= BATCH_SECONDS:
            # Forgotten before it ends: a commit that fails has ended it all the same (rolled
            # back), and must not be ended a second time on the way out.
            transaction, self.transaction, self.held = self.transaction, None, 0
            transaction.__exit__(None, None, None)

    def __exit__(self, *error) -> None:
        if self.transaction is not None:
            self.transaction.__exit__(*error)


def _try_file(
    file: ChangeFile, applied: dict, own: set[str], report: SyncReport, batch: _Batch
) -> str:
    try:
        header = read_header(file)
        if any(
            applied.get(device, 0) < seq for device, seq in header.seen.items() if device not in own
        ):
            return "wait"
        ahead = Stamp.parse(header.last).physical - context().now_ms()
        if ahead > MAX_AHEAD_MS:
            report.skipped.append(
                f"The change file {file.path} is held back: its machine's clock is "
                f"{_duration(ahead)} ahead of this one; it applies when the time comes."
            )
            return "held"
        header, travelling, data = read_file(file)
        with batch.file():
            merged = merge_in(travelling, origin=f"{file.device}/{file.seq}")
            result = merged.applied
            report.conflicts_found += merged.set_aside
            report.meetings |= merged.meetings
            AppliedFile.create(
                device_id=file.device,
                seq=file.seq,
                sha256=hashlib.sha256(data).hexdigest(),
                changes=result.changes,
                applied_at=changes.utc_now(),
            )
    except BadFile as error:
        report.skipped.append(str(error))
        return "bad"
    except (ChangeRefused, KeyError, TypeError, ValueError) as error:
        report.skipped.append(
            f"The change file {file.path} holds {_what(error)}, so it is not applied."
        )
        return "bad"
    report.files_applied += 1
    report.changes_applied += result.changes
    report.conflicts_found += result.conflicts
    report.tables |= result.tables
    report.files_named |= content.named_files(travelling)
    return "applied"


def _what(error: Exception) -> str:
    if isinstance(error, ChangeRefused):
        return str(error)
    return "a damaged change"


def _waiting_sentence(file: ChangeFile, applied: dict) -> str:
    try:
        header = read_header(file)
    except BadFile as error:
        return str(error)
    missing = [
        f"file {seq} of machine {device}"
        for device, seq in header.seen.items()
        if applied.get(device, 0) < seq
    ]
    waited = ", ".join(missing) or "earlier files"
    return f"The change file {file.path} waits for {waited}, not yet here."


def _applied() -> dict[str, int]:
    found: dict[str, int] = {}
    for row in AppliedFile.select().order_by(AppliedFile.device_id, AppliedFile.seq):
        if row.seq == found.get(row.device_id, 0) + 1:
            found[row.device_id] = row.seq
    for device, seq in _past_devices().items():
        found[device] = max(found.get(device, 0), seq)
    return found


def _past_devices() -> dict[str, int]:
    return {
        device: int(seq) for device, seq in json.loads(get_setting("past_devices", "{}")).items()
    }


def _duration(ms: int) -> str:
    hours = ms / 3_600_000
    if hours >= 36:
        return f"{round(hours / 24)} days"
    return f"{round(hours)} hours" if hours >= 1.5 else "an hour"


def last_sync() -> dt.datetime | None:
    text = get_setting(LAST_SYNC, "")
    return dt.datetime.fromisoformat(text) if text else None
