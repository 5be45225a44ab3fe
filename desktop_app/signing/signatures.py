"""PAdES signatures on PDF bytes: sign (certifying, no later changes allowed, a visible box
on the last page) and verify (whole file covered, nothing changed since, the certificate
valid when the signature was made, the signer trusted).

This module is cheap to import: the window shows statuses and asks for checks without
loading pyHanko, which with fontTools and cryptography takes about 0.4 s (DESIGN.md §6).
The work itself is in pades.py, imported on the first signature made or checked; the
values both speak in are in statuses.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop_app.signing.statuses import (
    CHANGED,
    FIELD_NAME,
    NOT_VALID,
    STAMP_BOX,
    UNKNOWN_SIGNER,
    UNSIGNED,
    VALID,
    StampText,
    Verification,
)

if TYPE_CHECKING:
    from cryptography import x509

    from desktop_app.signing.keys import KeyFile

__all__ = [
    "CHANGED",
    "FIELD_NAME",
    "NOT_VALID",
    "STAMP_BOX",
    "UNKNOWN_SIGNER",
    "UNSIGNED",
    "VALID",
    "StampText",
    "Verification",
    "sign_pdf",
    "verify_pdf",
]


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
