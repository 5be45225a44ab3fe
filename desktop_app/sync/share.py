"""The shared folder's layout, and reading and writing its change files (DESIGN.md §5).

    <share>/minute-book/devices/<device id>/<seq>.jsonl.gz   one machine's changes
    <share>/minute-book/files/<sha256>                       papers and signed PDFs

Each machine writes only its own folder and never rewrites a file: a new file is written
under a temporary name, flushed, then given its name, so a reader sees it whole or not at
all. A change file is gzipped JSON lines: a header (format, device, sequence, the stamps
it holds, what its writer had applied from others), one line per change, and an end line
with the count, so a file cut short is known as such. A name the program did not write
(a sync service's conflicted copy, a placeholder, a stray temporary) is never read.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import secrets
import zlib
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = "minute-book-changes/1"
DEVICE_NAME = re.compile(r"[0-9a-f]{12}")
CHANGE_FILE = re.compile(r"(\d{8})\.jsonl\.gz")
# Names the program writes and then renames; anything else in a device folder is foreign.
TEMPORARY = re.compile(r"\.\d{8}\.jsonl\.gz\.[0-9a-f]{8}\.tmp")


class ShareError(Exception):
    """The shared folder cannot be used as it is (missing, read-only, full); one sentence."""


class BadFile(Exception):
    """A change file that cannot be applied as it is; the message says why in one sentence."""


@dataclass(frozen=True)
class ChangeFile:
    device: str
    seq: int
    path: Path


@dataclass
class Header:
    device: str
    seq: int
    count: int
    first: str
    last: str
    # {device: seq}: the files of other machines applied where this one was written; a
    # change in it may rely on them (a row made there), so they are applied first.
    seen: dict[str, int] = field(default_factory=dict)
    schema: int = 0


def root(share: Path) -> Path:
    return Path(share) / "minute-book"


def devices_dir(share: Path) -> Path:
    return root(share) / "devices"


def files_dir(share: Path) -> Path:
    return root(share) / "files"


def file_name(seq: int) -> str:
    return f"{seq:08d}.jsonl.gz"


def check_share(share: Path) -> None:
    """Refuse, in one sentence, a share that is not there or cannot be written."""
    share = Path(share)
    if not share.is_dir():
        raise ShareError(
            f"The shared folder {share} cannot be found; check that the drive is connected."
        )
    try:
        devices_dir(share).mkdir(parents=True, exist_ok=True)
        files_dir(share).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShareError(
            f"The shared folder {share} cannot be written: {_reason(error)}."
        ) from error


def list_files(share: Path) -> tuple[dict[str, list[ChangeFile]], list[Path]]:
    """Every device's change files by sequence, and the names in device folders that the
    program did not write (reported, never read)."""
    found: dict[str, list[ChangeFile]] = {}
    foreign: list[Path] = []
    folder = devices_dir(share)
    for device in sorted(os.listdir(folder)) if folder.is_dir() else []:
        path = folder / device
        if not DEVICE_NAME.fullmatch(device) or not path.is_dir():
            foreign.append(path)
            continue
        files = []
        for name in os.listdir(path):
            match = CHANGE_FILE.fullmatch(name)
            if match:
                files.append(ChangeFile(device, int(match[1]), path / name))
            elif not TEMPORARY.fullmatch(name):
                foreign.append(path / name)
        found[device] = sorted(files, key=lambda file: file.seq)
    return found, sorted(foreign)


def write_file(share: Path, header: Header, changes: list[dict]) -> Path:
    """Write one change file into the device's folder, whole or not at all. Raises
    FileExistsError if the name is taken: another copy of this database wrote it."""
    folder = devices_dir(share) / header.device
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise NotADirectoryError(20, "a file stands where this machine's folder should be")
    except OSError as error:
        raise ShareError(
            f"The shared folder {share} cannot be written: {_reason(error)}."
        ) from error
    target = folder / file_name(header.seq)
    if target.exists():
        raise FileExistsError(target)
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    lines = [_header_line(header), *(_line(change) for change in changes), _end_line(changes)]
    try:
        with open(temp, "xb") as raw:
            with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
                packed.write("\n".join(lines).encode() + b"\n")
            raw.flush()
            os.fsync(raw.fileno())
        _give_name(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, FileExistsError):
            raise
        raise ShareError(
            f"The shared folder {share} cannot be written: {_reason(error)}."
        ) from error
    return target


def read_header(file: ChangeFile) -> Header:
    """The header alone (the first line), to know what a file needs before reading it."""
    try:
        if file.path.stat().st_size == 0:
            raise BadFile(_empty(file))
        with gzip.open(file.path, "rt", encoding="utf-8") as text:
            return _header(json.loads(text.readline()), file)
    except BadFile:
        raise
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError) as error:
        raise BadFile(_unreadable(file, error)) from error


def read_file(file: ChangeFile) -> tuple[Header, list[dict], bytes]:
    """The header, the changes and the file's bytes (whose hash records it as applied)."""
    try:
        data = file.path.read_bytes()
        if not data:
            raise BadFile(_empty(file))
        lines = gzip.decompress(data).decode("utf-8").splitlines()
        # One parse for the whole file: a parse a line cost twice as much (bench/).
        records = json.loads(f"[{','.join(lines)}]")
        if len(records) != len(lines):
            raise ValueError("a line holding more than one value")
    except BadFile:
        raise
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError, ValueError) as e:
        raise BadFile(_unreadable(file, e)) from e
    if not records:
        raise BadFile(f"The change file {file.path} holds nothing.")
    header = _header(records[0], file)
    changes, end = records[1:-1], records[-1] if len(records) > 1 else {}
    if not isinstance(end, dict) or end.get("end") != len(changes) or len(changes) != header.count:
        raise BadFile(
            f"The change file {file.path} is cut short (it should hold {header.count} changes)."
        )
    if not all(isinstance(change, dict) for change in changes):
        raise BadFile(f"The change file {file.path} holds a line that is not a change.")
    return header, changes, data


def _header(record, file: ChangeFile) -> Header:
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        version = record.get("format") if isinstance(record, dict) else None
        raise BadFile(
            f"The change file {file.path} is in a format this version does not know "
            f"({version!r}); "
            "update Minute Book on this machine."
        )
    if record.get("device") != file.device or record.get("seq") != file.seq:
        raise BadFile(
            f"The change file {file.path} says it is file {record.get('seq')!r} of device "
            f"{record.get('device')!r}, not of the folder it is in."
        )
    try:
        seen = {str(device): int(seq) for device, seq in dict(record.get("seen", {})).items()}
        return Header(
            device=file.device,
            seq=file.seq,
            count=int(record["count"]),
            first=str(record["first"]),
            last=str(record["last"]),
            seen=seen,
            schema=int(record.get("schema", 0)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BadFile(f"The change file {file.path} has a damaged header.") from error


def _header_line(header: Header) -> str:
    record = {
        "format": FORMAT,
        "device": header.device,
        "seq": header.seq,
        "count": header.count,
        "first": header.first,
        "last": header.last,
        "seen": header.seen,
        "schema": header.schema,
    }
    return json.dumps(record, sort_keys=True)


def _line(change: dict) -> str:
    return json.dumps(change, ensure_ascii=False, sort_keys=True)


def _end_line(changes: list[dict]) -> str:
    return json.dumps({"end": len(changes)})


def _give_name(temp: Path, target: Path) -> None:
    # A hard link fails when the name is taken, so a file is never replaced; a share
    # without hard links (FAT, some network drives) is renamed onto, if the name is free.
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temp, target)
        return
    temp.unlink()


def _empty(file: ChangeFile) -> str:
    return (
        f"The change file {file.path} is empty (still arriving, or a cloud drive's "
        "placeholder not yet downloaded)."
    )


def _unreadable(file: ChangeFile, error: BaseException) -> str:
    if isinstance(error, EOFError):
        return f"The change file {file.path} is cut short (still being copied, or damaged)."
    if isinstance(error, OSError) and not isinstance(error, gzip.BadGzipFile):
        return f"The change file {file.path} cannot be read: {_reason(error)}."
    return f"The change file {file.path} is damaged and cannot be read."


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".").lower()
