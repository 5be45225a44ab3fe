"""PAdES signatures on PDF bytes: sign (certifying, no later changes allowed, a visible box
on the last page) and verify (whole file covered, nothing changed since, the certificate
valid when the signature was made, the signer trusted).

This module is cheap to import: the window shows statuses and asks for checks without
loading pyHanko, which with fontTools and cryptography takes about 0.4 s (DESIGN.md §6).
The work itself is in pades.py, imported on the first signature made or checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography import x509

    from desktop_app.signing.keys import KeyFile

FIELD_NAME = "ChairSignature"
# The box, in points from the bottom left of the last page (A4 is 595 × 842), when the
# document does not say where its signature belongs.
STAMP_BOX = (315, 60, 560, 140)

VALID = "valid"
CHANGED = "changed"
UNKNOWN_SIGNER = "unknown signer"
NOT_VALID = "not valid"  # intact, but the certificate was not valid when it was made
UNSIGNED = "unsigned"


@dataclass(frozen=True)
class StampText:
    """What the visible box says."""

    name: str
    role: str
    date: str
    reason: str = "Signed as a correct record"
    location: str = ""


@dataclass(frozen=True)
class Verification:
    """What verifying a PDF found. `status` is VALID only when the signature is intact,
    covers the whole file, nothing was changed since, the certificate was valid when the
    signature was made and the signer is trusted."""

    status: str
    signer: str = ""
    signed_at: dt.datetime | None = None
    fingerprint: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == VALID


def sign_pdf(
    pdf: bytes,
    key: KeyFile,
    stamp: StampText,
    *,
    box: tuple[float, ...] = STAMP_BOX,
    signed_at: dt.datetime | None = None,
) -> bytes:
    """`pdf` signed by `key` at `signed_at` (default now): a certification signature that
    permits no later change, with a visible box at `box` (x1, y1, x2, y2 in points) on the
    last page."""
    from desktop_app.signing import pades

    return pades.sign_pdf(pdf, key, stamp, box=box, signed_at=signed_at)


def verify_pdf(pdf: bytes, trusted: list[x509.Certificate]) -> Verification:
    """Check the PDF's signature against the `trusted` certificates, at the time the
    signature says it was made: minutes signed before their certificate expired stay valid."""
    from desktop_app.signing import pades

    return pades.verify_pdf(pdf, trusted)
