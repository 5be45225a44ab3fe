"""Sharing on the command line: `sync` once with the shared folder, and `conflicts` to list
and resolve what two people changed at once; the same services as the window's Sharing…,
Sync now and Conflicts…"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from desktop_app.cli.targets import open_data
from desktop_app.errors import ValidationError

FAILED = 1


def add_sync_commands(commands) -> None:
    command = commands.add_parser(
        "sync", help="sync once with the shared folder; exit 1 if a file was skipped"
    )
    command.add_argument(
        "--share",
        metavar="DIR",
        type=Path,
        help="the shared folder (default: the one chosen in Sharing…); it is remembered",
    )
    command.set_defaults(run=_sync)

    command = commands.add_parser(
        "conflicts", help="list what two people changed at once, or resolve one"
    )
    actions = command.add_subparsers(dest="conflicts_command", metavar="ACTION")
    command.set_defaults(run=_list)
    resolve = actions.add_parser("resolve", help="keep one side of a conflict")
    resolve.add_argument("id", metavar="ID", help="the conflict's id, as listed")
    resolve.add_argument(
        "--keep",
        choices=("mine", "theirs"),
        required=True,
        help="mine: the text this copy's record shows; theirs: the other one",
    )
    resolve.set_defaults(run=_resolve)


@contextlib.contextmanager
def _ctrl_c_stops() -> Iterator[threading.Event]:
    """Ctrl+C stops the sync after the file under way, rather than throwing away every file
    of the transaction (sync/run.py); a second Ctrl+C interrupts at once."""
    stopped = threading.Event()

    def stop(signum, frame) -> None:
        if stopped.is_set():
            raise KeyboardInterrupt
        stopped.set()
        print("Stopping after the file under way…", file=sys.stderr)

    before = signal.signal(signal.SIGINT, stop)
    try:
        yield stopped
    finally:
        signal.signal(signal.SIGINT, before)


def _sync(args) -> int:
    from desktop_app.sync.run import sync_now
    from desktop_app.sync.sharing import set_share_folder, share_folder

    open_data(args, create=True)
    if args.share is not None:
        set_share_folder(args.share)
    share = share_folder()
    if share is None:
        raise ValidationError("No shared folder is chosen; give one with --share DIR.")
    with _ctrl_c_stops() as stopped:
        report = sync_now(share, cancelled=stopped.is_set)
    print(f"Sent {report.changes_sent} changes in {report.files_sent} files to {share}.")
    print(f"Applied {report.changes_applied} changes from {report.files_applied} files.")
    if report.stopped:
        print(f"Stopped: {report.stopped} files are left for the next sync.")
    for sentence in report.skipped:
        print(f"Skipped: {sentence}")
    if report.files_awaited:
        print(f"Waiting for {report.files_awaited} papers not yet on the shared folder.")
    print(f"Conflicts open: {report.conflicts_open}.")
    return FAILED if report.skipped else 0


def _list(args) -> int:
    from desktop_app.sync.conflicts import open_conflicts
    from desktop_app.sync.run import remember_clashes

    open_data(args)
    found, clashes = open_conflicts(), remember_clashes()
    if not found and not clashes:
        print("No conflicts are open.")
    for clash in clashes:
        print(f"{clash.id}  {clash.message} (change one of them to resolve it)")
    for conflict in found:
        print(f"{conflict.id}  {conflict.record}, {conflict.field.replace('_', ' ')}:")
        print(f"  mine:   {_shown(conflict.mine)}")
        print(f"  theirs: {_shown(conflict.theirs)}")
    return 0


def _resolve(args) -> int:
    from desktop_app.sync.conflicts import resolve_conflict

    open_data(args)
    resolve_conflict(args.id, keep=args.keep)
    print(f"Kept {args.keep}; the conflict is resolved and goes out with the next sync.")
    return 0


def _shown(side) -> str:
    who = ", ".join(part for part in (side.actor, side.machine, side.at[:16]) if part)
    value = "(deleted)" if side.value is None else str(side.value)
    return f"{value!r}" + (f"  ({who})" if who else "")
