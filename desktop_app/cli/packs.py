"""The agenda pack's issues on the command line: `pack issue`, `pack list` and `pack show`,
the same services as the window's Issue agenda pack and Pack issues."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli.targets import meeting_arguments, meeting_on, open_data


def add_pack_commands(commands) -> None:
    """Add `pack issue|list|show` to the command line's subparsers."""
    pack = commands.add_parser(
        "pack", help="issue the agenda pack, list its issues, or write one out as issued"
    )
    actions = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    command = actions.add_parser(
        "issue", help="issue the meeting's agenda pack (a reissue keeps its page numbers)"
    )
    meeting_arguments(command, required=True)
    command.add_argument("--public", action="store_true", help="the public edition")
    command.set_defaults(run=_issue)

    command = actions.add_parser("list", help="every issue of the meeting's agenda pack")
    meeting_arguments(command, required=True)
    command.set_defaults(run=_list)

    command = actions.add_parser("show", help="write an issue of the pack exactly as issued")
    meeting_arguments(command, required=True)
    command.add_argument(
        "--issue", metavar="N", type=int, help="the issue's number (default: the latest)"
    )
    command.add_argument("--public", action="store_true", help="an issue of the public edition")
    command.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    command.set_defaults(run=_show)


def _issue(args) -> int:
    from desktop_app.services.papers.pack_issues import edition_name, issue_pack

    open_data(args)
    issue = issue_pack(meeting_id=meeting_on(args.body, args.date).id, public=args.public)
    of = f"{args.body.strip()}, {_when(issue.meeting_id)}"
    print(
        f"Issued the {edition_name(issue.public)} of {of}: "
        f"issue {issue.number}, {issue.page_count} pages."
    )
    for line in issue.changes.splitlines():
        print(f"  {line}")
    return 0


def _list(args) -> int:
    from desktop_app.services.papers.pack_issues import pack_issue_entries

    open_data(args)
    entries = pack_issue_entries(meeting_on(args.body, args.date).id)
    if not entries:
        print("The agenda pack of this meeting has not been issued.")
        return 0
    for entry in entries:
        latest = "  (latest)" if entry.latest else ""
        latest += f"  (stale: {entry.stale})" if entry.stale else ""
        print(
            f"{entry.edition:<6}  issue {entry.number:<3}  {entry.when}  {entry.issued_by}  "
            f"{entry.page_count} pages  {entry.what_changed}{latest}"
        )
    return 0


def _show(args) -> int:
    from desktop_app.output_paths import check_output
    from desktop_app.publishing import write_atomically
    from desktop_app.services.papers.pack_issues import (
        edition_name,
        find_pack_issue,
        pack_issue_pdf,
    )

    check_output(args.out, data_dir=args.data_dir)
    open_data(args)
    meeting_id = meeting_on(args.body, args.date).id
    issue = find_pack_issue(meeting_id, public=args.public, number=args.issue)
    write_atomically(args.out, pack_issue_pdf(issue.id))
    print(
        f"Wrote issue {issue.number} of the {edition_name(issue.public)} of {args.body.strip()}, "
        f"{_when(meeting_id)} to {args.out} ({issue.page_count} pages, as issued)."
    )
    return 0


def _when(meeting_id: str) -> str:
    from desktop_app.documents.catalogue import meeting_target

    return meeting_target(meeting_id).when
