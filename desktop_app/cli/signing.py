"""The signing commands (DESIGN.md §7; issue 7): `signer new|import|list`, `sign`, `verify`.

Registered from the command line's parser (cli/__init__.py). A passphrase comes from
$MINUTE_BOOK_PASSPHRASE or, without it, a prompt that does not echo; it is never an
argument, where it would stay in the shell's history.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from desktop_app.cli.targets import (
    body_named,
    meeting_arguments,
    meeting_on,
    open_data,
    person_named,
)
from desktop_app.errors import ValidationError

PASSPHRASE_ENV = "MINUTE_BOOK_PASSPHRASE"
FAILED = 1


def add_commands(commands) -> None:
    """Add the signing commands to the command line's subparsers."""
    signer = commands.add_parser("signer", help="signing keys: new, import, list")
    actions = signer.add_subparsers(dest="signer_command", metavar="ACTION", required=True)

    command = actions.add_parser(
        "new", help="a self-signed signing key for a person (passphrase-protected .p12)"
    )
    command.add_argument("--name", metavar="NAME", required=True, help="the person (name or key)")
    command.add_argument("--out", metavar="KEY.p12", type=Path, required=True)
    command.set_defaults(run=_signer_new)

    command = actions.add_parser("import", help="register an existing .p12/.pfx key for a person")
    command.add_argument("file", metavar="KEY.p12", type=Path)
    command.add_argument("--name", metavar="NAME", required=True, help="the person (name or key)")
    command.set_defaults(run=_signer_import)

    command = actions.add_parser("list", help="the known signers and their certificates")
    command.set_defaults(run=_signer_list)

    command = commands.add_parser(
        "sign",
        help="sign the approved minutes of a meeting with the key of whoever chaired the "
        "meeting that approved them (see `chair`)",
    )
    meeting_arguments(command, required=True)
    command.add_argument("--key", metavar="KEY.p12", type=Path, required=True)
    command.set_defaults(run=_sign)

    command = commands.add_parser(
        "verify",
        help="check a signed PDF (exit 0 only if valid and unchanged), or a body's chain",
    )
    command.add_argument("file", metavar="FILE.pdf", type=Path, nargs="?")
    command.add_argument(
        "--chain", action="store_true", help="walk the body's signed minutes instead"
    )
    command.add_argument("--body", metavar="NAME", help="the body whose chain to walk")
    command.set_defaults(run=_verify)


def _signer_new(args) -> int:
    from desktop_app.output_paths import check_output
    from desktop_app.services.signatures import signing

    check_output(args.out, data_dir=args.data_dir)
    open_data(args)
    person = person_named(args.name)
    passphrase = _passphrase(confirm=True)
    signer, path = signing.create_signer(person_id=person.id, passphrase=passphrase, out=args.out)
    print(f"Made a signing key for {_name(person)}: {args.out} (a copy is kept in {path.parent}).")
    print(f"Certificate SHA-256: {signer.fingerprint}")
    return 0


def _signer_import(args) -> int:
    from desktop_app.services.signatures import signing

    open_data(args)
    person = person_named(args.name)
    if not args.file.is_file():
        raise ValidationError(f"There is no key file {args.file}.")
    signer = signing.import_signer(
        person_id=person.id, key_path=args.file, passphrase=_passphrase()
    )
    print(f"Registered the key in {args.file.name} for {_name(person)}.")
    print(f"Certificate SHA-256: {signer.fingerprint}")
    return 0


def _signer_list(args) -> int:
    from desktop_app.services.signatures import signing

    open_data(args)
    entries = signing.list_signers()
    if not entries:
        print("No signers yet.")
    for entry in entries:
        key = "key on this machine" if entry.key_path else "no key on this machine"
        print(
            f"{entry.person}  {entry.role or '-'}  valid until {entry.valid_until.isoformat()}  "
            f"{entry.fingerprint[:16]}…  ({key})"
        )
    return 0


def _sign(args) -> int:
    from desktop_app.dates import long_date
    from desktop_app.documents.minutes_pdf import render_minutes
    from desktop_app.services.signatures import signing

    open_data(args)
    meeting = meeting_on(args.body, args.date)
    if not args.key.is_file():
        raise ValidationError(f"There is no key file {args.key}.")
    # Checked before asking for the passphrase, so a refusal does not waste the typing.
    signing.presiding_signer(meeting.id)
    version = signing.sign_minutes(
        meeting_id=meeting.id, key_path=args.key, passphrase=_passphrase(), render=render_minutes
    )
    print(
        f"Signed version {version.version} of the minutes of {long_date(meeting.date)}; "
        f"SHA-256 of the signed PDF {version.pdf_sha256}."
    )
    return 0


def _verify(args) -> int:
    from desktop_app.services.signatures import verification

    if args.chain:
        if args.body is None:
            raise ValidationError("Name the body whose chain to verify with --body NAME.")
        open_data(args)
        body = body_named(args.body)
        report = verification.verify_chain(body_id=body.id)
        if not report.links:
            print(f"{body.name} has no signed minutes yet.")
            return FAILED
        for link in report.links:
            print(f"{'ok    ' if link.ok else 'BROKEN'}  {link.reason}")
        if not report.ok:
            print(f"The chain of {body.name} breaks at the meeting of {report.broken.date}.")
            return FAILED
        print(f"The chain of {body.name} holds: {len(report.links)} signed minutes.")
        return 0
    if args.file is None:
        raise ValidationError("Give the PDF file to verify, or --chain --body NAME.")
    if not args.file.is_file():
        raise ValidationError(f"There is no file {args.file}.")
    from desktop_app.storage.database import DATABASE_NAME

    # Without a data folder no signer is known, and every signature is an unknown signer's.
    if (args.data_dir / DATABASE_NAME).is_file():
        open_data(args)
        report = verification.verify_pdf(args.file.read_bytes())
    else:
        from desktop_app.signing import signatures

        found = signatures.verify_pdf(args.file.read_bytes(), [])
        report = verification.SignatureReport(found, found.signer)
    for line in report.lines():
        print(line)
    return 0 if report.ok else FAILED


# -- helpers ----------------------------------------------------------------------------------


def _passphrase(*, confirm: bool = False) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    try:
        value = getpass.getpass("Passphrase for the key: ")
        if confirm and getpass.getpass("The same passphrase again: ") != value:
            raise ValidationError("The two passphrases differ; nothing was made.")
    except (EOFError, KeyboardInterrupt):
        raise ValidationError(
            f"No passphrase was given; type it when asked or set {PASSPHRASE_ENV}."
        ) from None
    return value


def _name(person) -> str:
    from desktop_app.services.directory.people import display_name

    return display_name(person)
