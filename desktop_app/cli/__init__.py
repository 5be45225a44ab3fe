"""The command line (DESIGN.md §7): the same services as the window, one task per command.

`main([])` opens the window. A user's mistake (a bad file, a missing one, an unknown body)
ends in one sentence on stderr and exit code 2; a failed check in exit code 1; never in a
traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from peewee import OperationalError

from desktop_app.cli.targets import body_named, open_data
from desktop_app.errors import StorageError, ValidationError
from desktop_app.storage.database import DatabaseBusy

BAD_INPUT = 2
FAILED = 1
# How `search` names where a word was found.
HIT_LABELS = {
    "minute": "minutes",
    "resolution": "resolution",
    "action": "action",
    "document": "report",
    "report": "report",
    "plan": "plan",
    "update": "quarterly update",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # argparse would print the whole usage; one sentence and a pointer is plainer.
        self.exit(BAD_INPUT, f"{message[0].upper()}{message[1:]}; see `{self.prog} --help`.\n")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with `commands` False only the options of the window (and no
    --help), which is all a start of the window reads."""
    parser = _Parser(
        prog="python main.py",
        description="Minute Book: agendas, attendance, minutes and actions for committees. "
        "With no command, opens the window.",
        add_help=commands,
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="the data folder (default: your user data folder for minute-book)",
    )
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="open the window, paint it once, print when, and exit (to measure a start)",
    )
    if commands:
        _add_commands(parser)
    return parser


def _add_commands(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    command = commands.add_parser("import", help="import a minute-book/1 JSON file")
    command.add_argument("file", metavar="FILE.json", type=Path)
    command.set_defaults(run=_import)

    command = commands.add_parser(
        "export", help="export every body, or one, to a minute-book/1 JSON file"
    )
    command.add_argument("file", metavar="FILE.json", type=Path)
    command.add_argument("--body", metavar="NAME", help="only this body")
    command.set_defaults(run=_export)

    command = commands.add_parser(
        "check", help="check the database and every stored file; exit 1 if anything is wrong"
    )
    command.set_defaults(run=_check)

    command = commands.add_parser(
        "backup", help="write a consistent copy of the data folder to a .zip"
    )
    command.add_argument("--out", metavar="FILE", type=Path, required=True)
    command.set_defaults(run=_backup)

    command = commands.add_parser(
        "search",
        help="full-text search of minutes, resolutions, actions, item titles and reports",
    )
    command.add_argument("text", metavar="TEXT", help="the words to find (all of them)")
    command.add_argument("--body", metavar="NAME", help="only in this body's meetings")
    command.set_defaults(run=_search)

    command = commands.add_parser(
        "screenshot", help="render the main window offscreen to a PNG, for docs and checks"
    )
    command.add_argument("out", metavar="OUT.png", type=Path)
    command.add_argument("--body", metavar="NAME", help="show this body")
    command.add_argument("--date", metavar="YYYY-MM-DD", help="show its meeting on this date")
    command.add_argument(
        "--view",
        choices=("record", "agenda", "attendance", "interests", "minutes", "reports", "live"),
        default="record",
        help="the meeting's tab to show, or its live mode",
    )
    command.set_defaults(run=_screenshot)

    from desktop_app.cli import signing as cli_signing  # signer, sign, verify (issue 7)

    cli_signing.add_commands(commands)

    from desktop_app.cli.meetings import add_meeting_commands  # chair

    add_meeting_commands(commands)

    from desktop_app.cli.documents import add_document_commands  # render, brief, archive, publish

    add_document_commands(commands)

    from desktop_app.cli.packs import add_pack_commands  # pack issue, list, show

    add_pack_commands(commands)

    from desktop_app.cli.sync import add_sync_commands  # sync, conflicts (issue 13)

    add_sync_commands(commands)


def main(argv: Sequence[str] | None = None) -> int:
    # A file name that is not UTF-8 reaches us with lone surrogates (os.fsdecode); say it
    # with escapes rather than fail while saying it.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # The window reads only its own options: the commands' parsers, and the modules
        # they import, are built only when a command or --help is given (issue 16).
        args, rest = build_parser(commands=False).parse_known_args(argv)
        if rest:
            args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already explained
        return stop.code if isinstance(stop.code, int) else BAD_INPUT
    if args.data_dir is None:
        from desktop_app.paths import default_data_dir

        args.data_dir = default_data_dir()
    run = getattr(args, "run", _open_window)
    if run is not _open_window:
        gc.enable()  # main.py turns the collector off for the start; a task needs it
    try:
        if args.data_dir.exists() and not args.data_dir.is_dir():
            raise ValidationError(f"{args.data_dir} is a file; --data-dir names a folder.")
        return run(args)
    except DatabaseBusy as error:  # not the user's mistake: the same command will work later
        return _say(str(error), FAILED)
    except ValidationError as error:
        return _say(str(error), BAD_INPUT)
    except FileNotFoundError as error:
        return _say(f"There is no file {error.filename}.", BAD_INPUT)
    except StorageError as error:
        return _say(str(error), FAILED)
    except OperationalError as error:
        return _say(f"The database could not be used: {error}.", FAILED)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return _say(f"{error.strerror or error}{where}.", FAILED)
    finally:
        _close()


def _close() -> None:
    from desktop_app.storage.database import close_database
    from desktop_app.storage.models import db

    if db.obj is not None:
        close_database()


def _say(message: str, code: int) -> int:
    print(message, file=sys.stderr)
    return code


def _open_window(args) -> int:
    # The services the window opens with, imported before Qt: once PySide6 is loaded it
    # reads the source of every module imported after it, to see whether the module asks for
    # one of its __feature__ switches (peewee's alone took 2 ms). 2% of a start (bench/).
    import desktop_app.documents.catalogue
    import desktop_app.first_run
    import desktop_app.services.directory.bodies
    import desktop_app.services.meeting_cycle.meetings
    import desktop_app.services.session
    import desktop_app.services.settings
    import desktop_app.storage.search_index  # noqa: F401
    from ui.app import run_app  # only here: the command line never loads Qt

    return run_app(args.data_dir, exit_after_start=args.exit_after_start)


def _import(args) -> int:
    from desktop_app.exchange import import_file
    from desktop_app.services.papers.documents import extract_missing_texts

    if not args.file.is_file():
        raise ValidationError(f"There is no file {args.file}.")
    open_data(args, create=True)
    summary = import_file(args.file)
    extract_missing_texts()  # the imported reports' words, for search
    print(f"Imported {args.file.name}: {summary}")
    return 0


def _export(args) -> int:
    from desktop_app.exchange import export_file
    from desktop_app.output_paths import check_output

    check_output(args.file, data_dir=args.data_dir)
    open_data(args)
    export_file(args.file, body_name=args.body)
    print(f"Exported {args.body or 'every body'} to {args.file}.")
    return 0


def _check(args) -> int:
    from desktop_app.integrity import check_integrity, stored_files
    from desktop_app.storage.leftovers import remove_leftovers

    open_data(args, tidy=False)  # tidied here instead, to say what was removed
    for path in remove_leftovers(args.data_dir):
        print(f"Removed {path}, a temporary file left by an interrupted run.")
    problems = check_integrity()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        found = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        return _say(f"The check found {found} in {args.data_dir}.", FAILED)
    print(f"All is well: the database is sound and all {stored_files()} stored files match.")
    return 0


def _backup(args) -> int:
    from desktop_app.backup import backup
    from desktop_app.output_paths import check_output

    check_output(args.out, data_dir=args.data_dir)
    open_data(args)
    result = backup(out=args.out)
    print(f"Backed up the database and {result.files} stored files to {result.path}.")
    return 0


def _search(args) -> int:
    from desktop_app.dates import short_date
    from desktop_app.services.search import search
    from desktop_app.services.validation import characters

    if not args.text.strip():
        raise ValidationError("Give the words to search for.")
    characters(args.text, "text to search for", single_line=True)
    open_data(args)
    body = body_named(args.body) if args.body is not None else None
    hits = search(args.text, body_id=body.id if body else None)
    if not hits:
        print("No matches.")
        return 0
    for hit in hits:
        where = f"{short_date(hit.meeting_date)}  {hit.body_name}"
        number = f"  {hit.minute_number}" if hit.minute_number else ""
        found = (
            f"{hit.snippet} (title)"
            if hit.kind == "item"
            else f"{hit.title} ({HIT_LABELS[hit.kind]}): {hit.snippet}"
        )
        secret = "  [confidential]" if hit.confidential else ""
        print(f"{where}{number}  {found}{secret}")
    return 0


def _screenshot(args) -> int:
    from desktop_app.output_paths import check_output

    check_output(args.out, data_dir=args.data_dir)
    from ui.screenshot import save_screenshot  # opens the data folder itself

    save_screenshot(
        data_dir=args.data_dir, out=args.out, body=args.body, date=args.date, view=args.view
    )
    print(f"Saved the window to {args.out}.")
    return 0
