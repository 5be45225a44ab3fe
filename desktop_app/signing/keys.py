"""Signing keys: a self-signed X.509 certificate for a person, kept with its private key in
a passphrase-protected PKCS#12 file. Only the certificate (public) goes in the database.

`cryptography` is imported by the functions that use it, so that the window, which shows
signatures but seldom handles keys, starts without it (DESIGN.md §6).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.errors import ValidationError

if TYPE_CHECKING:
    from cryptography import x509

VALID_YEARS = 10
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class KeyFile:
    """What a PKCS#12 file holds once opened: the private key and its certificate."""

    private_key: object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


@dataclass(frozen=True)
class CertificateFacts:
    name: str
    role: str
    organisation: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str


def make_key_file(
    *,
    name: str,
    role: str,
    organisation: str,
    passphrase: str,
    now: dt.datetime | None = None,
    years: int = VALID_YEARS,
) -> bytes:
    """A new RSA key and self-signed certificate for `name`, as PKCS#12 bytes locked by
    `passphrase`. Key usage: digital signature and non-repudiation (signing a record)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters to protect the key."
        )
    now = now or dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if role:
        parts.append(x509.NameAttribute(NameOID.TITLE, role))
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    subject = x509.Name(parts)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # non-repudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=name.encode("utf-8"),
        key=key,
        cert=certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def open_key_file(data: bytes, passphrase: str) -> KeyFile:
    """The key and certificate in PKCS#12 `data`; ValidationError if the passphrase is wrong
    or the file holds no key."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError:
        raise ValidationError(
            "The passphrase does not open this key file (or it is not a PKCS#12 key file)."
        ) from None
    if key is None or certificate is None:
        raise ValidationError("This key file holds no private key and certificate to sign with.")
    return KeyFile(private_key=key, certificate=certificate, chain=tuple(chain or ()))


def certificate_pem(certificate: x509.Certificate) -> str:
    from cryptography.hazmat.primitives import serialization

    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_certificate(pem: str) -> x509.Certificate:
    from cryptography import x509

    return x509.load_pem_x509_certificate(pem.encode("ascii"))


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate (DER), lower-case hex: how a signer is known."""
    from cryptography.hazmat.primitives import serialization

    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def fingerprint_of_der(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def short_fingerprint(value: str) -> str:
    """The first 16 hex digits, grouped in pairs, as people read them out: "3F:9A:…"."""
    head = value[:16].upper()
    return ":".join(head[i : i + 2] for i in range(0, len(head), 2))


def facts(certificate: x509.Certificate) -> CertificateFacts:
    from cryptography.x509.oid import NameOID

    subject = certificate.subject

    def first(oid) -> str:
        found = subject.get_attributes_for_oid(oid)
        return str(found[0].value) if found else ""

    return CertificateFacts(
        name=first(NameOID.COMMON_NAME),
        role=first(NameOID.TITLE),
        organisation=first(NameOID.ORGANIZATION_NAME),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint=fingerprint(certificate),
    )


def refuse_outside_validity(certificate: x509.Certificate, now: dt.datetime) -> None:
    """ValidationError if the certificate has expired or is not valid yet at `now`."""
    found = facts(certificate)
    if now > found.not_after:
        raise ValidationError(
            f"The certificate of {found.name or 'this key'} expired on "
            f"{found.not_after.date().isoformat()}; make or import a new key to sign."
        )
    if now < found.not_before:
        raise ValidationError(
            f"The certificate of {found.name or 'this key'} is only valid from "
            f"{found.not_before.date().isoformat()}."
        )
