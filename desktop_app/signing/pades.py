"""pyHanko's side of signatures.py: signing and verifying PDF bytes. Imported on the first
signature made or checked, never at start-up (it loads pyHanko, fontTools and cryptography).

No database here: the caller passes the key, the words for the box and the certificates
it trusts (the known signers').
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStamp, TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop_app.dates import long_date
from desktop_app.paths import RESOURCES
from desktop_app.signing.keys import KeyFile, fingerprint_of_der
from desktop_app.signing.statuses import (
    CHANGED,
    FIELD_NAME,
    NOT_VALID,
    UNKNOWN_SIGNER,
    UNSIGNED,
    VALID,
    StampText,
    Verification,
)

# pyHanko logs an unknown (self-signed, untrusted) certificate with a traceback, and
# fontTools notes each table it leaves out of the stamp's font subset. Both are expected
# here: keep them out of the terminal unless the application sets up logging.
for _name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# The stamp's font must be embedded like every other font we print (DESIGN.md §3);
# pyHanko's default stamp font is a non-embedded Courier.
STAMP_FONT = RESOURCES / "fonts" / "LiberationSans-Regular.ttf"


def sign_pdf(
    pdf: bytes,
    key: KeyFile,
    stamp: StampText,
    *,
    box: tuple[float, ...],
    signed_at: dt.datetime | None,
) -> bytes:
    """See signatures.sign_pdf."""
    signer = signers.SimpleSigner(
        signing_cert=_asn1_certificate(key.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_certificate(c) for c in key.chain]),
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=stamp.reason,
        location=stamp.location or None,
        name=stamp.name,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    words = {"reason": stamp.reason, "name": stamp.name, "role": stamp.role, "date": stamp.date}
    template = "%(reason)s\n%(name)s\n%(role)s\nSigned %(date)s"
    style = TextStampStyle(
        stamp_text=template,
        text_box_style=TextBoxStyle(
            font=_StampFont(str(STAMP_FONT), font_size=9, text=template % words), leading=12
        ),
        border_width=1,
        background=None,
    )
    # QtPdf, which the app previews and prints with, draws no form fields, so a box that
    # lived only in the signature field's appearance would be missing there: the same box
    # goes into the last page's own content too, inside the revision the signature covers.
    x1, y1, x2, y2 = (round(v) for v in box)
    TextStamp(
        writer, style, text_params=words, box=BoxConstraints(width=x2 - x1, height=y2 - y1)
    ).apply(-1, x1, y1)
    pdf_signer = _PdfSignerAt(
        meta,
        signer=signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(
            sig_field_name=FIELD_NAME, on_page=-1, box=(x1, y1, x2, y2)
        ),
        signed_at=signed_at,
    )
    out = pdf_signer.sign_pdf(writer, appearance_text_params=words)
    return out.getvalue()


def verify_pdf(pdf: bytes, trusted: list[x509.Certificate]) -> Verification:
    """See signatures.verify_pdf."""
    try:
        return _verify(pdf, trusted)
    except Exception as error:
        # The bytes come from anywhere, and pyHanko meets a damaged file with whatever error
        # its parser runs into: flipping each byte of a signed file's structure in turn
        # raised KeyError, AttributeError, AssertionError and decimal.InvalidOperation
        # (tests/reliability/test_tampering.py). A file that cannot be read through is not
        # the file that was signed.
        return Verification(
            CHANGED, detail=f"The file cannot be read as a signed PDF ({_reason(error)})."
        )


def _verify(pdf: bytes, trusted: list[x509.Certificate]) -> Verification:
    embedded = PdfFileReader(BytesIO(pdf), strict=False).embedded_signatures
    if not embedded:
        return Verification(UNSIGNED, detail="The file has no signature.")
    signature = embedded[0]
    try:
        der = signature.signer_cert.dump()
        who = signature.signer_cert.subject.native.get("common_name", "")
    except (ValueError, KeyError, AttributeError):
        der, who = b"", ""
    found = dict(signer=who, fingerprint=fingerprint_of_der(der) if der else "")
    try:
        signed_at = signature.self_reported_timestamp
    except (ValueError, KeyError, TypeError, PdfError):
        signed_at = None
    context = ValidationContext(
        trust_roots=[_asn1_certificate(c) for c in trusted],
        allow_fetching=False,
        revocation_mode="soft-fail",
        # The certificate is judged when the signature was made, not today: minutes signed
        # in 2012 stay valid after the chair's certificate expires.
        moment=signed_at,
    )
    try:
        status = validate_pdf_signature(signature, context)
    except (SignatureValidationError, PdfError, ValueError) as error:
        return Verification(CHANGED, **found, detail=f"The signature cannot be checked ({error}).")
    found["signed_at"] = signed_at
    if not (status.intact and status.valid):
        return Verification(CHANGED, **found, detail="The signed bytes were changed after signing.")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return Verification(
            CHANGED, **found, detail="The file was changed after signing (not all of it is signed)."
        )
    if len(embedded) > 1 or status.modification_level not in (None, ModificationLevel.NONE):
        return Verification(CHANGED, **found, detail="The file was changed after signing.")
    if status.docmdp_ok is False:
        return Verification(CHANGED, **found, detail="The file was changed after signing.")
    if (outside := _outside_validity(signature, signed_at)) is not None:
        return Verification(NOT_VALID, **found, detail=outside)
    if not status.trusted:
        return Verification(
            UNKNOWN_SIGNER,
            **found,
            detail="The signature is intact, but its certificate is not one of a known signer.",
        )
    return Verification(VALID, **found, detail="The signature is valid and the file unchanged.")


def _reason(error: Exception) -> str:
    """What the parser said, or at least what it raised (an assertion says nothing)."""
    return str(error) or type(error).__name__


def _outside_validity(signature: EmbeddedPdfSignature, signed_at: dt.datetime | None) -> str | None:
    """Why the certificate was not valid when the signature says it was made, or None.
    Minutes are signed offline, without a timestamp authority, so the time is the one the
    signer's computer wrote into the signature (its signingTime)."""
    if signed_at is None:
        return "The signature does not say when it was made, so its certificate cannot be checked."
    certificate = signature.signer_cert
    start, end = certificate.not_valid_before, certificate.not_valid_after
    if start <= signed_at <= end:
        return None
    return (
        f"The signature says it was made on {_when(signed_at)}, when its certificate was not "
        f"valid (it is valid from {long_date(start.date())} to {long_date(end.date())})."
    )


def _when(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC)
    return f"{long_date(utc.date())} at {utc:%H:%M} UTC"


class _PdfSignerAt(signers.PdfSigner):
    """A PdfSigner whose signature carries the time of the caller's clock: pyHanko reads
    the machine's clock itself, and signing takes "now" from the service (tests fix it)."""

    def __init__(self, *args, signed_at: dt.datetime | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_at = signed_at

    def init_signing_session(self, *args, **kwargs):
        session = super().init_signing_session(*args, **kwargs)
        if self.signed_at is not None:
            session.system_time = self.signed_at
        return session


@dataclass(frozen=True)
class _StampFont(GlyphAccumulatorFactory):
    """The stamp's font, embedded. pyHanko writes glyph widths in the font's own units but
    PDF reads them in thousandths of an em, which only agree for a font of 1000 units per
    em; Liberation Sans has 2048 (its text came out letter-spaced and cut off). So the font
    is cut down to the stamp's characters and rescaled to 1000 units first."""

    text: str = ""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=BytesIO(_font_for(self.font_file, self.text)),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


@lru_cache(maxsize=16)
def _font_for(path: str, text: str) -> bytes:
    font = TTFont(path)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options)
    cutter.populate(text=text)
    cutter.subset(font)
    scale_upem(font, 1000)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def _asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
