"""Signatures in a `minute-book/1` file (issue 7): the signers' certificates, and what
signing recorded on a minutes version.

`"signers": [{"person", "certificate", "fingerprint"}]` lists the certificates (public
parts) of the people in the file; a key file, or where one lives, never travels. A signed
version names its signer (`signed_by`, a person's key, and `signed_with`, the fingerprint
of the certificate), when it was signed, and the signed PDF beside the JSON (`signed_pdf`),
which must be the file whose SHA-256 the version records as `pdf_sha256`.

Reading checks each value and names the place of a fault; `signers_data` and `signing_data`
write the same fields on export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from desktop_app.exchange.format_fields import SIGNER_FIELDS
from desktop_app.exchange.imported_files import file_beside
from desktop_app.exchange.imported_files import pdf_sha256 as checked_pdf
from desktop_app.exchange.records import MinutesVersionRecord, SignerRecord
from desktop_app.exchange.values import (
    entries,
    fail,
    fields,
    free_text,
    instant,
    join,
    sha256,
    single_line,
)
from desktop_app.signing import keys
from desktop_app.storage.models import MinutesVersion, Signer

# How a person named in the file is checked: (object, field, its path, required=) -> key.
PersonCheck = Callable[..., "str | None"]


# Reading


def read_signers(data: dict, person: PersonCheck) -> list[SignerRecord]:
    """The file's `signers`: each certificate must parse and match its fingerprint."""
    found: list[SignerRecord] = []
    seen: dict[str, SignerRecord] = {}
    for path, value in entries(data, "", "signers"):
        fields(value, path, SIGNER_FIELDS)
        key = person(value, "person", path, required=True)
        certificate = _certificate(value, path)
        fingerprint = sha256(value, "fingerprint", path)
        if not fingerprint:
            fail(join(path, "fingerprint"), "missing; give the certificate's SHA-256")
        actual = keys.fingerprint(certificate)
        if fingerprint != actual:
            fail(
                join(path, "fingerprint"),
                f"does not match the certificate, whose SHA-256 is {actual}",
            )
        earlier = seen.get(fingerprint)
        if earlier is not None:
            fail(
                join(path, "fingerprint"),
                f"this certificate is listed already, at {earlier.path}",
            )
        record = SignerRecord(
            path=path,
            person=key,
            certificate_pem=keys.certificate_pem(certificate),
            fingerprint=fingerprint,
        )
        seen[fingerprint] = record
        found.append(record)
    return found


def read_signing(
    entry: dict,
    path: str,
    record: MinutesVersionRecord,
    *,
    person: PersonCheck,
    base_dir: Path,
) -> None:
    """A version's `created_at` and, once signed, who signed it, when, and the signed file
    (checked against the version's `pdf_sha256`)."""
    record.created_at = instant(entry, "created_at", path)
    record.signed_by = person(entry, "signed_by", path)
    record.signed_with = sha256(entry, "signed_with", path)
    if record.signed_with and not record.signed_by:
        fail(join(path, "signed_by"), "missing; name whose certificate signed_with is")
    record.signed_at = _signed_at(entry, path)
    record.signed_pdf = _signed_file(entry, path, record.pdf_sha256, base_dir)


def _certificate(value: dict, path: str):
    pem = free_text(value, "certificate", path, required=True)
    if "PRIVATE KEY" in pem:
        fail(
            join(path, "certificate"),
            "holds a private key; only the certificate travels, the key stays in its "
            "owner's key file",
        )
    try:
        return keys.load_certificate(pem)
    except (ValueError, UnicodeError):
        fail(
            join(path, "certificate"),
            "not a certificate in PEM form (-----BEGIN CERTIFICATE----- …)",
        )


def _signed_at(entry: dict, path: str) -> str | None:
    """The moment of signing as signing stores it: UTC, to the second (to the millisecond
    only when it has one), so the same moment is always the same text."""
    moment = instant(entry, "signed_at", path)
    if moment is None:
        return None
    parsed = dt.datetime.fromisoformat(moment)
    return parsed.isoformat(timespec="milliseconds" if parsed.microsecond else "seconds")


def _signed_file(entry: dict, path: str, pdf_sha256: str, base_dir: Path) -> Path | None:
    raw = entry.get("signed_pdf")
    if raw is None:
        return None
    name = single_line(entry, "signed_pdf", path, required=True)
    source = file_beside(base_dir, name, join(path, "signed_pdf"))
    if not pdf_sha256:
        fail(join(path, "pdf_sha256"), "missing; the signed file is checked against it")
    actual = checked_pdf(source, join(path, "signed_pdf"))
    if actual != pdf_sha256:
        fail(
            join(path, "signed_pdf"),
            f"{source} is not the file that was signed: its SHA-256 is {actual}, the "
            f"version's pdf_sha256 {pdf_sha256}",
        )
    return source


# Writing


def signers_data(
    person_ids: Iterable[str],
    person_key: Callable[[str | None], str | None],
    *,
    also: Iterable[str] = (),
) -> list[dict[str, str]]:
    """The `signers` entries of the exported people, and of the signers with ids in `also`
    (those of exported signed minutes, kept even if since removed)."""
    rows = (
        Signer.select()
        .where(
            (Signer.person.in_(list(person_ids)) & Signer.deleted_at.is_null())
            | Signer.id.in_(list(also))
        )
        .order_by(Signer.created_at, Signer.hlc)
    )
    return [
        {
            "person": person_key(row.__data__["person"]),
            "certificate": row.certificate_pem,
            "fingerprint": row.fingerprint,
        }
        for row in rows
    ]


def signing_data(
    version: MinutesVersion,
    person_key: Callable[[str | None], str | None],
    signed_file: Callable[[MinutesVersion], str | None],
) -> dict[str, Any]:
    """The signed version's `signed_by`, `signed_with`, `signed_at` and `signed_pdf`."""
    data: dict[str, Any] = {}
    signer = Signer.get_or_none(Signer.id == version.__data__.get("signed_by"))
    if signer is not None:
        data["signed_by"] = person_key(signer.__data__["person"])
        data["signed_with"] = signer.fingerprint
    if version.signed_at:
        data["signed_at"] = version.signed_at
    if version.state == "signed" and version.pdf_sha256:
        name = signed_file(version)
        if name:
            data["signed_pdf"] = name
    return data
