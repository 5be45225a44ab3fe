"""Importing minutes versions and signers (DESIGN.md §2; issue 7).

A version is written as the file has it, through `changes` rather than the services, so
approved minutes arrive approved (frozen) and signed ones signed, with their signer and
signed PDF (stored content-addressed). Its `created_at` is kept: minutes_versions.py tells a
version made at a step from one moved on to it by that time, so an undo after an import
must see the time the version was really made. A version the file gives no `created_at` is
taken to have been made just before its first recorded step (circulated, approved, signed),
and a new meeting is written "held" before its versions and moved on after them, as the
services would have done.

Signers' certificates are trusted (verification.py), so a certificate is added beside a
person's others but never handed to another person. Signed minutes here are immutable: an
import that would change them is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop_app.exchange.records import MeetingRecord, MinutesVersionRecord, SignerRecord
from desktop_app.exchange.values import fail, join
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.decisions.version_status import STATUS_OF_STATE
from desktop_app.services.directory.people import display_name
from desktop_app.storage import changes, store
from desktop_app.storage.models import Body, Meeting, MinutesVersion, Person, Signer

if TYPE_CHECKING:
    from desktop_app.exchange.import_run import ImportRun

SIGNED_VERSION_FIELDS = (
    "version state pdf_sha256 signed_by signed_at content_sha256 approved_at_meeting "
    "approved_minute deleted_at"
).split()


def apply_signers(applier: ImportRun, signers: list[SignerRecord]) -> None:
    """Add the certificates not known here; one known as another person's is refused."""
    known = {s.fingerprint: s for s in Signer.select().order_by(Signer.created_at.desc())}
    for signer in signers:
        person = applier.people[signer.person]
        row = known.get(signer.fingerprint)
        if row is None:
            known[signer.fingerprint] = applier.save(
                Signer,
                None,
                _id=applier.key_of("signer", signer.fingerprint),
                person_id=person.id,
                certificate_pem=signer.certificate_pem,
                fingerprint=signer.fingerprint,
            )
        elif row.__data__["person"] != person.id:
            owner = Person.get_by_id(row.__data__["person"])
            fail(
                signer.path,
                f"this certificate is {display_name(owner)}'s here, so it cannot be "
                f"{display_name(person)}'s; a certificate identifies one signer",
            )
        elif row.deleted_at is not None:
            fail(
                signer.path,
                f"this certificate of {display_name(person)} was removed from the signers "
                "here, so it is no longer trusted; it is not added back by an import",
            )


def apply_versions(applier: ImportRun, row: Meeting, meeting: MeetingRecord) -> None:
    """The meeting's minutes versions, matched by number."""
    existing = {
        v.version: v
        for v in applier.existing(
            row,
            MinutesVersion.live()
            .where(MinutesVersion.meeting == row.id)
            .order_by(MinutesVersion.created_at.desc()),
        )
    }
    for version in meeting.minutes_versions:
        values = {}
        if version.approved_at_meeting is None:
            values["approved_at_meeting_id"] = None
        if version.signed_pdf is not None and store.put_file(version.signed_pdf) != (
            version.pdf_sha256
        ):
            fail(join(version.path, "signed_pdf"), "the file changed while it was imported")
        found = existing.get(version.version)
        created_at = version.created_at
        if created_at is None and found is None:
            created_at = _made_before(version)
        saved = applier.save(
            MinutesVersion,
            found,
            _create=dict(meeting_id=row.id, version=version.version),
            _id=applier.key_of("minutes-version", row.id, version.version),
            _under=row,
            state=version.state,
            created_by=version.created_by,
            circulated_at=version.circulated_at,
            circulated_by=version.circulated_by,
            approved_at=version.approved_at,
            approved_minute=version.approved_minute,
            content_sha256=version.content_sha256,
            pdf_sha256=version.pdf_sha256,
            signed_by_id=_signer_id(applier, version),
            signed_at=version.signed_at,
            **values,
        )
        if created_at is not None:
            # `changes.create` stamps a new row now; the time it was made is written after.
            applier.save(MinutesVersion, saved, created_at=created_at)
        if version.approved_at_meeting is not None:
            path = join(version.path, "approved_at_meeting")
            applier.meeting_refs.append(
                (saved, "approved_at_meeting_id", version.approved_at_meeting, path, row.id)
            )
    applier.save(Meeting, row, status=meeting.status)


def status_before_versions(meeting: MeetingRecord, found: Meeting | None) -> str:
    """The status a meeting is written with before its minutes versions: a new meeting
    with versions was "held" before them (apply_versions then moves it on), so the journal
    says what it was, as minutes_versions.py reads it when its last version is undone."""
    if found is None and meeting.minutes_versions and meeting.status in STATUS_OF_STATE.values():
        return "held"
    return meeting.status


def signed_record(applier: ImportRun, body_row: Body) -> dict[str, tuple]:
    """Each signed meeting of the body: its minutes' fingerprint and signed version."""
    versions = applier.existing(
        body_row,
        MinutesVersion.live()
        .join(Meeting, on=(MinutesVersion.meeting == Meeting.id))
        .where((Meeting.body == body_row.id) & (MinutesVersion.state == "signed")),
    )
    return {v.meeting_id: _signed_fields(v.meeting_id) for v in versions}


def refuse_changes_to_signed(applier: ImportRun, path: str, before: dict[str, tuple]) -> None:
    """Refuse the import if any of the signed meetings in `before` has changed since."""
    for meeting_id, fields in before.items():
        if _signed_fields(meeting_id) != fields:
            meeting = Meeting.get_by_id(meeting_id)
            fail(
                applier.meeting_paths.get(meeting_id, path),
                f"the minutes of {meeting.date.isoformat()} are signed here and cannot "
                "change; the file differs from them",
            )


def _signed_fields(meeting_id: str) -> tuple:
    """What signing fixed for a meeting: its minutes' content and the signed version."""
    version = (
        MinutesVersion.select()
        .where((MinutesVersion.meeting == meeting_id) & (MinutesVersion.state == "signed"))
        .order_by(MinutesVersion.version.desc())
        .first()
    )
    kept = changes.current(version, SIGNED_VERSION_FIELDS) if version else None
    return content_sha256(meeting_id), kept


def _signer_id(applier: ImportRun, version: MinutesVersionRecord) -> str | None:
    """The signer `signed_by` and `signed_with` name: one of that person's certificates."""
    if not version.signed_by:
        return None
    person = applier.people[version.signed_by]
    theirs = Signer.live().where(Signer.person == person.id)
    name = display_name(person)
    if version.signed_with:
        found = theirs.where(Signer.fingerprint == version.signed_with).first()
        if found is None:
            fail(
                join(version.path, "signed_with"),
                f"{name} has no certificate with this fingerprint; list it under signers",
            )
        return found.id
    rows = list(theirs.limit(2))
    if len(rows) != 1:
        fail(
            join(version.path, "signed_by"),
            f"{name} has no certificate; list it under signers"
            if not rows
            else f"{name} has more than one certificate; give the one used as signed_with",
        )
    return rows[0].id


def _made_before(version: MinutesVersionRecord) -> str | None:
    """A millisecond before the version's first recorded step, as changes stores times."""
    steps = [
        dt.datetime.fromisoformat(moment)
        for moment in (version.circulated_at, version.approved_at, version.signed_at)
        if moment
    ]
    if not steps:
        return None
    made = min(steps).astimezone(dt.UTC) - dt.timedelta(milliseconds=1)
    return made.isoformat(timespec="milliseconds")
