"""Writing this machine's new changes to its own folder of the share.

The journal entries made here since the last file written go out in files of at most
`FILE_CHANGES` changes. The settings that say what has gone out are moved on only once the
file is whole on the share; a sync killed in between writes the same file again next time
and finds it already there, its own (same changes), so it is taken as written. A file of
that name holding other changes, or a file numbered past the last this database wrote, was
written by a copy of this database (a restored backup, a folder copied to another laptop):
this one takes a new device id and never reuses the copy's numbers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop_app.services.settings import get_setting
from desktop_app.storage.database import context, renew_device_id
from desktop_app.storage.models import AppliedFile, JournalEntry, LocalSetting, db
from desktop_app.sync.journal_rows import journal_change
from desktop_app.sync.share import (
    CHANGE_FILE,
    BadFile,
    ChangeFile,
    Header,
    devices_dir,
    read_header,
    write_file,
)

FILE_CHANGES = 5000
SENT = "sent_seq"  # the last local journal entry written to the share
SHARE_SEQ = "share_seq"  # the last file this device wrote


def waiting() -> int:
    """Changes made here not yet written to the share."""
    sent = int(get_setting(SENT, "0"))
    return (
        JournalEntry.select().where((JournalEntry.origin == "") & (JournalEntry.seq > sent)).count()
    )


def unsent(limit: int = FILE_CHANGES) -> list[JournalEntry]:
    sent = int(get_setting(SENT, "0"))
    query = JournalEntry.select().where((JournalEntry.origin == "") & (JournalEntry.seq > sent))
    return list(query.order_by(JournalEntry.seq).limit(limit))


def seen() -> dict[str, int]:
    """The last file of each other device applied here (with none missing before it), and
    this machine's own earlier device ids with the last file each wrote."""
    applied: dict[str, list[int]] = {}
    for row in AppliedFile.select(AppliedFile.device_id, AppliedFile.seq):
        applied.setdefault(row.device_id, []).append(row.seq)
    found = {device: _contiguous(seqs) for device, seqs in applied.items()}
    for device, seq in json.loads(get_setting("past_devices", "{}")).items():
        found[device] = max(found.get(device, 0), seq)
    return {device: seq for device, seq in found.items() if seq}


def write_outgoing(share: Path, progress=None) -> tuple[int, int]:
    """Write every unsent change to the share; returns (files, changes) written."""
    _renew_if_overtaken(share)
    files = changes = 0
    while entries := unsent():
        seq = int(get_setting(SHARE_SEQ, "0")) + 1
        travelling = [journal_change(entry) for entry in entries]
        header = Header(
            device=context().device_id,
            seq=seq,
            count=len(travelling),
            first=min(change["hlc"] for change in travelling),
            last=max(change["hlc"] for change in travelling),
            seen=seen(),
            schema=context().schema_version,
        )
        try:
            write_file(share, header, travelling)
        except FileExistsError as error:
            if not _our_own(Path(str(error)), header):
                with db.atomic():
                    renew_device_id()
                continue
        with db.atomic():
            LocalSetting.replace(key=SENT, value=str(entries[-1].seq)).execute()
            LocalSetting.replace(key=SHARE_SEQ, value=str(seq)).execute()
        files, changes = files + 1, changes + len(travelling)
        if progress is not None:
            progress(changes)
    return files, changes


def _renew_if_overtaken(share: Path) -> None:
    """This device's folder holds files beyond the last this database wrote: another copy
    of it wrote them (a backup restored here, where the file system gave the restored file
    the old one's identity), so this one takes a new id and applies them as another's."""
    folder = devices_dir(share) / context().device_id
    written = int(get_setting(SHARE_SEQ, "0"))
    names = os.listdir(folder) if folder.is_dir() else []
    if any((match := CHANGE_FILE.fullmatch(name)) and int(match[1]) > written for name in names):
        with db.atomic():
            renew_device_id()


def _our_own(path: Path, header: Header) -> bool:
    try:
        found = read_header(ChangeFile(header.device, header.seq, path))
    except BadFile:
        return False
    return (found.first, found.last, found.count) == (header.first, header.last, header.count)


def _contiguous(seqs: list[int]) -> int:
    last = 0
    for seq in sorted(seqs):
        if seq != last + 1:
            break
        last = seq
    return last
