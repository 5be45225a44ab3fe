"""Signers and signing (DESIGN.md §2, §4; issue 7).

A signer is a person with a certificate. The private key stays in a passphrase-protected
PKCS#12 file in the user's own config folder (`keys_dir()`), never in the database or on
the share; the certificate (public) is kept in the Signer row and travels with sync, so
every clerk can verify.

Approved minutes are signed by the person who presided at the meeting that approved them
(Local Government Act 1972, Sch. 12 para 41), not necessarily whoever chaired the meeting
minuted. The signed PDF goes into the content-addressed store, its SHA-256 onto the
version, and from then on the version is immutable: `signed_pdf` gives that file itself.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir

from desktop_app import atomic_files
from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import freeze
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle import meeting_status
from desktop_app.signing import keys, signatures
from desktop_app.storage import changes, store
from desktop_app.storage.models import Meeting, MinutesVersion, Organisation, Person, Signer, db

KEYS_ENV = "MINUTE_BOOK_KEYS_DIR"


@dataclass(frozen=True)
class SignerEntry:
    id: str
    person_id: str
    person: str
    name: str
    role: str
    organisation: str
    fingerprint: str
    valid_until: dt.date
    key_path: Path | None  # this machine's key file, when it has one


def keys_dir() -> Path:
    """Where this user's key files live: the platform's per-user config folder (or
    $MINUTE_BOOK_KEYS_DIR), never the data folder, which may be shared or backed up."""
    override = os.environ.get(KEYS_ENV)
    if override:
        return Path(override)
    return Path(user_config_dir("minute-book", appauthor=False)) / "keys"


# -- signers ----------------------------------------------------------------------------------


def create_signer(
    *,
    person_id: str,
    passphrase: str,
    out: Path | None = None,
    now: dt.datetime | None = None,
) -> tuple[Signer, Path]:
    """A new signing key for the person: a self-signed certificate with their name, role
    and organisation. The key file is written to the keys folder (and to `out` if given);
    returns the Signer row and where the key file is."""
    person = validation.live_row(Person, person_id, "person")
    if out is not None and not Path(out).parent.is_dir():
        raise ValidationError(f"There is no folder {Path(out).parent} to write the key file into.")
    organisation = Organisation.get_or_none(Organisation.id == person.__data__.get("organisation"))
    data = keys.make_key_file(
        name=display_name(person),
        role=person.position,
        organisation=organisation.name if organisation else "",
        passphrase=passphrase,
        now=now,
    )
    certificate = keys.open_key_file(data, passphrase).certificate
    return _register(person, certificate, data, out=out)


def import_signer(*, person_id: str, key_path: Path, passphrase: str) -> Signer:
    """Register an existing .p12/.pfx key for the person; the file is copied to the keys
    folder. Refused if the passphrase is wrong or the key is someone else's."""
    person = validation.live_row(Person, person_id, "person")
    data = _read_key_file(key_path)
    certificate = keys.open_key_file(data, passphrase).certificate
    return _register(person, certificate, data)[0]


def list_signers() -> list[SignerEntry]:
    entries = []
    for signer in Signer.live().order_by(Signer.created_at):
        person = Person.get_by_id(signer.__data__["person"])
        found = keys.facts(keys.load_certificate(signer.certificate_pem))
        local = _local_key(signer)
        entries.append(
            SignerEntry(
                id=signer.id,
                person_id=person.id,
                person=display_name(person),
                name=found.name,
                role=found.role,
                organisation=found.organisation,
                fingerprint=signer.fingerprint,
                valid_until=found.not_after.date(),
                key_path=local,
            )
        )
    return entries


def key_file_for(person_id: str) -> Path | None:
    """This machine's key file for the person's newest signer, if there is one."""
    for signer in (
        Signer.live().where(Signer.person == person_id).order_by(Signer.created_at.desc())
    ):
        if (found := _local_key(signer)) is not None:
            return found
    return None


# -- signing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningTask:
    """What signing will do, checked before any slow work: which version, who presides."""

    meeting_id: str
    version_id: str
    chair: Person
    approving: Meeting


def presiding_signer(meeting_id: str) -> SigningTask:
    """The approved version of the meeting's minutes and who must sign it; ValidationError
    if the minutes cannot be signed (not approved, already signed, changed since)."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    when = long_date(meeting.date)
    version = freeze.approved_version(meeting.id)
    if version is None:
        raise ValidationError(
            f"The minutes of {when} have not been approved yet; they are signed once a later "
            "meeting approves them."
        )
    if version.state == "signed":
        raise ValidationError(f"The minutes of {when} are already signed.")
    if version.content_sha256 and version.content_sha256 != content_sha256(meeting.id):
        raise ValidationError(
            f"The minutes of {when} have changed since they were approved, so they cannot be "
            "signed as a correct record."
        )
    approving = Meeting.get_or_none(Meeting.id == version.__data__.get("approved_at_meeting"))
    if approving is None:
        raise ValidationError(
            f"The minutes of {when} do not say at which meeting they were approved, so no one "
            "can sign them as its chair."
        )
    chair = Person.get_or_none(Person.id == approving.__data__.get("chair"))
    if chair is None:
        raise ValidationError(
            f"Record who presided at the meeting of {long_date(approving.date)} that approved "
            f"the minutes of {when}; that person signs them."
        )
    return SigningTask(meeting.id, version.id, chair, approving)


def sign_minutes(
    *,
    meeting_id: str,
    key_path: Path,
    passphrase: str,
    render: Callable[[str], bytes],
    now: Callable[[], dt.datetime] | None = None,
) -> MinutesVersion:
    """Sign the approved minutes of the meeting with the key file: `render(meeting_id)`
    makes the PDF (documents/minutes_pdf.py render_minutes; the caller passes it, so the
    services never reach up into the documents), which is signed, stored, and the version
    becomes "signed". Each refusal changes nothing."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    task = presiding_signer(meeting_id)
    key = keys.open_key_file(_read_key_file(key_path), passphrase)
    moment = clock()
    keys.refuse_outside_validity(key.certificate, moment)
    fingerprint = keys.fingerprint(key.certificate)
    signer = Signer.live().where(Signer.fingerprint == fingerprint).first()
    if signer is None:
        raise ValidationError(
            "This key is not registered to anyone in Minute Book; register it for the chair "
            "(signer import) first."
        )
    if signer.__data__["person"] != task.chair.id:
        owner = Person.get_by_id(signer.__data__["person"])
        raise ValidationError(
            f"This key is {display_name(owner)}'s, but {display_name(task.chair)} presided at "
            f"the meeting of {long_date(task.approving.date)} that approved these minutes and "
            "must sign them."
        )
    pdf = render(meeting_id)
    signed = signatures.sign_pdf(
        pdf,
        key,
        signatures.StampText(
            name=display_name(task.chair),
            # They sign as the chair of the approving meeting, whatever their usual post.
            role=f"Chair of the meeting of {long_date(task.approving.date)}",
            date=long_date(moment.date()),
            location=task.approving.venue,
        ),
        box=_signature_box(),
        signed_at=moment,
    )
    sha = store.put_bytes(signed)
    with db.atomic():
        version = MinutesVersion.get_by_id(task.version_id)
        if version.state == "signed":  # signed meanwhile, by another window
            raise ValidationError("These minutes were signed meanwhile.")
        changes.update(
            version,
            state="signed",
            signed_by=signer.id,
            signed_at=moment.astimezone(dt.UTC).isoformat(timespec="seconds"),
            pdf_sha256=sha,
        )
        meeting = Meeting.get_by_id(meeting_id)
        if "minutes signed" in meeting_status.ALLOWED.get(meeting.status, ()):
            meeting_status.change_status(meeting_id=meeting.id, status="minutes signed")
        else:
            changes.update(meeting, status="minutes signed")
    return version


def signed_version(meeting_id: str) -> MinutesVersion | None:
    return (
        MinutesVersion.live()
        .where((MinutesVersion.meeting == meeting_id) & (MinutesVersion.state == "signed"))
        .order_by(MinutesVersion.version.desc())
        .first()
    )


def signed_pdf(meeting_id: str) -> bytes | None:
    """The signed minutes PDF of the meeting, byte for byte as signed, or None if the
    minutes are not signed (or the file has not reached this machine's store yet)."""
    version = signed_version(meeting_id)
    if version is None or not version.pdf_sha256:
        return None
    path = store.path_of(version.pdf_sha256)
    return path.read_bytes() if path.is_file() else None


# -- helpers ----------------------------------------------------------------------------------


def _signature_box() -> tuple[float, ...]:
    """Where the minutes leave room for the signature on their last page."""
    from desktop_app.documents.signature_block import SIGNATURE_FIELD

    return SIGNATURE_FIELD


def _read_key_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"There is no key file {path}.") from None
    except OSError as error:
        raise ValidationError(f"The key file {path} cannot be read ({error.strerror}).") from None


def _register(
    person: Person,
    certificate,
    data: bytes,
    *,
    out: Path | None = None,
) -> tuple[Signer, Path]:
    fingerprint = keys.fingerprint(certificate)
    existing = Signer.live().where(Signer.fingerprint == fingerprint).first()
    if existing is not None and existing.__data__["person"] != person.id:
        owner = Person.get_by_id(existing.__data__["person"])
        raise ValidationError(f"This key is already registered to {display_name(owner)}.")
    name = f"{person.key}-{fingerprint[:12]}.p12"
    target = keys_dir() / name
    _write_private(target, data)
    if out is not None:
        _write_private(Path(out), data)
    if existing is not None:
        return existing, target
    with db.atomic():
        signer = changes.create(
            Signer,
            person=person.id,
            certificate_pem=keys.certificate_pem(certificate),
            fingerprint=fingerprint,
            key_hint=name,
        )
    return signer, target


def _local_key(signer: Signer) -> Path | None:
    path = keys_dir() / signer.key_hint if signer.key_hint else None
    return path if path is not None and path.is_file() else None


def _write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_files.write_atomically(path, data, mode=atomic_files.PRIVATE)
