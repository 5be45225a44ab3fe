"""Verifying signed minutes (DESIGN.md §4; issue 7): a PDF file, a meeting's stored
signed minutes, and a body's chained record.

Certificates of known signers (Signer rows, shared by sync) are trusted; any other is an
"unknown signer", never valid. The chain: each meeting's signed minutes were approved by a
resolution at a later meeting recording the SHA-256 of the exact content approved, and that
later meeting's own minutes hold the resolution, so each signed set vouches for the one
before. `verify_chain` walks a body's meetings in date order and reports the first broken
or missing link.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from desktop_app.dates import long_date
from desktop_app.services import validation
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.directory.people import display_name
from desktop_app.services.signatures.signing import signed_version
from desktop_app.signing import keys, signatures
from desktop_app.signing.signatures import CHANGED, UNKNOWN_SIGNER, VALID, Verification
from desktop_app.storage import store
from desktop_app.storage.models import (
    Body,
    Meeting,
    MinutesVersion,
    Person,
    Resolution,
    Signer,
)

MISSING = "missing"  # the signed file has not reached this machine's store

# Meetings that have (or will have) minutes; the chain runs through each of them.
MINUTED = (
    "held",
    "minutes drafted",
    "minutes circulated",
    "minutes approved",
    "minutes signed",
)


@dataclass(frozen=True)
class SignatureReport:
    """A verification with the signer's name as Minute Book knows them."""

    verification: Verification
    signer: str  # "Cllr Chris Garland", or the certificate's name for an unknown signer

    @property
    def status(self) -> str:
        return self.verification.status

    @property
    def ok(self) -> bool:
        return self.verification.ok

    def lines(self) -> list[str]:
        """What `verify` prints and the badge shows: status, signer, time, fingerprint."""
        found = self.verification
        lines = [f"Status: {found.status} — {found.detail}"]
        if self.signer:
            lines.append(f"Signer: {self.signer}")
        if found.signed_at is not None:
            lines.append(f"Signed at: {found.signed_at.isoformat(timespec='seconds')}")
        if found.fingerprint:
            lines.append(f"Certificate SHA-256: {found.fingerprint}")
        return lines


def trusted_certificates() -> list:
    return [keys.load_certificate(s.certificate_pem) for s in Signer.live()]


def verify_pdf(data: bytes) -> SignatureReport:
    """Verify a PDF's signature against the known signers. A certificate that bears a known
    signer's name without being theirs is said to be not theirs: anyone can make one."""
    found = signatures.verify_pdf(data, trusted_certificates())
    if found.status == UNKNOWN_SIGNER and (named := _signer_called(found.signer)):
        found = replace(
            found,
            detail=f"The certificate bears the name of {named} but is not the one registered "
            "for them.",
        )
    return SignatureReport(found, _signer_name(found))


def is_signed(meeting_id: str) -> bool:
    """Whether the meeting has signed minutes: one query, quick enough to ask while a page
    opens (verifying them is not)."""
    return signed_version(meeting_id) is not None


def verify_meeting(meeting_id: str) -> SignatureReport | None:
    """The meeting's stored signed minutes verified (the badge), or None if not signed."""
    version = signed_version(meeting_id)
    if version is None:
        return None
    return _verify_version(version)


# -- the chain --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainLink:
    meeting_id: str
    date: str  # "1 October 2012"
    version: int | None
    ok: bool
    reason: str


@dataclass(frozen=True)
class ChainReport:
    body: str
    links: list[ChainLink]

    @property
    def broken(self) -> ChainLink | None:
        return next((link for link in self.links if not link.ok), None)

    @property
    def ok(self) -> bool:
        return bool(self.links) and self.broken is None


def verify_chain(*, body_id: str) -> ChainReport:
    """Walk the body's meetings in date order from its first signed minutes to its last:
    every meeting between must have signed minutes whose file is intact and whose content is
    what the approving resolution recorded. Stops at the first broken or missing link."""
    body = validation.live_row(Body, body_id, "body")
    meetings = list(
        Meeting.live()
        .where((Meeting.body == body.id) & Meeting.status.in_(MINUTED))
        .order_by(Meeting.date, Meeting.start_time, Meeting.created_at)
    )
    versions = {m.id: signed_version(m.id) for m in meetings}
    signed = [i for i, m in enumerate(meetings) if versions[m.id] is not None]
    links: list[ChainLink] = []
    if not signed:
        return ChainReport(body.name, links)
    for meeting in meetings[signed[0] : signed[-1] + 1]:
        link = _link(meeting, versions[meeting.id])
        links.append(link)
        if not link.ok:
            break
    return ChainReport(body.name, links)


def _link(meeting: Meeting, version: MinutesVersion | None) -> ChainLink:
    when = long_date(meeting.date)

    def link(ok: bool, reason: str) -> ChainLink:
        return ChainLink(meeting.id, when, version.version if version else None, ok, reason)

    if version is None:
        return link(False, f"The minutes of {when} are not signed: the chain is missing a link.")
    report = _verify_version(version)
    if not report.ok:
        return link(False, f"The signed minutes of {when}: {report.verification.detail}")
    approvals = list(Resolution.live().where(Resolution.approves_version == version.id))
    if not approvals:
        return link(False, f"No resolution records the approval of the minutes of {when}.")
    approval = approvals[0]
    if approval.approves_sha256 != version.content_sha256:
        return link(
            False,
            f"The resolution approving the minutes of {when} records another fingerprint "
            "than the version signed.",
        )
    if content_sha256(meeting.id) != version.content_sha256:
        return link(False, f"The minutes of {when} have changed since they were approved.")
    return link(True, f"The minutes of {when}, version {version.version}, are signed and intact.")


# -- helpers ----------------------------------------------------------------------------------


def _verify_version(version: MinutesVersion) -> SignatureReport:
    path = store.path_of(version.pdf_sha256) if version.pdf_sha256 else None
    if path is None or not path.is_file():
        return SignatureReport(
            Verification(MISSING, detail="The signed file is not in this data folder yet."),
            _recorded_signer(version),
        )
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != version.pdf_sha256:
        return SignatureReport(
            Verification(CHANGED, detail="The stored file is not the one that was signed."),
            _recorded_signer(version),
        )
    report = verify_pdf(data)
    signer = Signer.get_or_none(Signer.id == version.__data__.get("signed_by"))
    found = report.verification
    if found.status == VALID and signer is not None and found.fingerprint != signer.fingerprint:
        return SignatureReport(
            Verification(
                UNKNOWN_SIGNER,
                signer=found.signer,
                signed_at=found.signed_at,
                fingerprint=found.fingerprint,
                detail="The file is signed with another key than the one recorded.",
            ),
            report.signer,
        )
    return report


def _signer_name(found: Verification) -> str:
    if found.fingerprint:
        signer = Signer.live().where(Signer.fingerprint == found.fingerprint).first()
        if signer is not None:
            return display_name(Person.get_by_id(signer.__data__["person"]))
    return found.signer


def _signer_called(name: str) -> str:
    """The known signer whose name, or whose registered certificate's name, is `name`."""
    wanted = name.strip().casefold()
    for signer in Signer.live() if wanted else ():
        person = Person.get_by_id(signer.__data__["person"])
        registered = keys.facts(keys.load_certificate(signer.certificate_pem)).name
        if wanted in {n.casefold() for n in (display_name(person), person.name, registered)}:
            return display_name(person)
    return ""


def _recorded_signer(version: MinutesVersion) -> str:
    signer = Signer.get_or_none(Signer.id == version.__data__.get("signed_by"))
    return display_name(Person.get_by_id(signer.__data__["person"])) if signer else ""
