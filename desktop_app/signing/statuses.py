"""What a signature says and what a check of one finds: the plain values signatures.py
(the door, cheap to import) and pades.py (pyHanko's side) share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
