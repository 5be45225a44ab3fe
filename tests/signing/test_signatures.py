"""Signing PDF bytes with pyHanko and verifying them, in the app and with poppler's pdfsig.
Tampered files are tried on real signed minutes in tests/reliability/test_tampering.py."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from cryptography import x509
from pypdf import PdfReader

from desktop_app.errors import ValidationError
from desktop_app.signing import keys, signatures
from desktop_app.signing.signatures import CHANGED, UNKNOWN_SIGNER, UNSIGNED, VALID, StampText
from tests.signing.pdfs import PASSPHRASE, pdffonts, pdfsig, small_pdf

STAMP = StampText(name="Cllr Chris Garland", role="Chairman", date="17 December 2012")


@pytest.fixture(scope="module")
def key_file() -> bytes:
    return keys.make_key_file(
        name="Chris Garland",
        role="Chairman",
        organisation="Maidstone Borough Council",
        passphrase=PASSPHRASE,
    )


@pytest.fixture(scope="module")
def key(key_file) -> keys.KeyFile:
    return keys.open_key_file(key_file, PASSPHRASE)


@pytest.fixture(scope="module")
def signed(key) -> bytes:
    return signatures.sign_pdf(small_pdf(), key, STAMP)


@pytest.fixture
def signed_path(tmp_path, signed):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    return path


# -- keys ------------------------------------------------------------------------------------


def test_a_new_key_names_the_person_their_role_and_organisation(key):
    found = keys.facts(key.certificate)
    assert (found.name, found.role, found.organisation) == (
        "Chris Garland",
        "Chairman",
        "Maidstone Borough Council",
    )
    assert found.fingerprint == keys.fingerprint(key.certificate)


def test_a_new_key_is_for_signing_and_non_repudiation_only(key):
    usage = key.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert not (usage.key_encipherment or usage.key_cert_sign)


def test_a_wrong_passphrase_is_refused_in_one_sentence(key_file):
    with pytest.raises(ValidationError, match="passphrase does not open this key file"):
        keys.open_key_file(key_file, "not the passphrase")


def test_a_short_passphrase_is_refused():
    with pytest.raises(ValidationError, match="at least 8 characters"):
        keys.make_key_file(name="A", role="", organisation="", passphrase="short")


def test_an_expired_certificate_is_refused(key):
    later = keys.facts(key.certificate).not_after + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="expired on"):
        keys.refuse_outside_validity(key.certificate, later)


# -- signing ---------------------------------------------------------------------------------


def test_a_signed_pdf_is_valid_and_trusted_when_its_signer_is_known(signed, key):
    found = signatures.verify_pdf(signed, [key.certificate])
    assert found.status == VALID and found.ok
    assert found.signer == "Chris Garland"
    assert found.fingerprint == keys.fingerprint(key.certificate)
    assert found.signed_at is not None


def test_pdfsig_says_the_signature_is_valid_and_covers_the_document(signed_path):
    report = pdfsig(signed_path)
    assert "Signature is Valid" in report
    assert "Total document signed" in report


def test_the_signature_certifies_and_permits_no_changes(signed):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm

    [embedded] = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    assert embedded.docmdp_level == MDPPerm.NO_CHANGES


def test_the_visible_box_is_on_the_last_page_and_says_who_signed(signed):
    reader = PdfReader(io.BytesIO(signed))
    last = reader.pages[-1]
    widgets = [a.get_object() for a in last.get("/Annots", [])]
    assert any(w.get("/FT") == "/Sig" for w in widgets)
    assert not any("/Annots" in page for page in reader.pages[:-1])
    [signature_field] = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert signature_field["/V"]["/Reason"] == "Signed as a correct record"


def test_every_font_of_the_signed_file_is_embedded(signed_path):
    lines = pdffonts(signed_path)
    assert len(lines) >= 2  # the document's font and the stamp's
    assert all(line.split()[-5] == "yes" for line in lines), lines


def test_an_unknown_certificate_is_reported_as_an_unknown_signer_not_valid(signed):
    found = signatures.verify_pdf(signed, [])
    assert found.status == UNKNOWN_SIGNER and not found.ok
    assert found.signer == "Chris Garland"


def test_a_pdf_without_a_signature_is_unsigned(key):
    assert signatures.verify_pdf(small_pdf(), [key.certificate]).status == UNSIGNED


def test_a_file_that_is_not_a_pdf_is_reported_as_changed(key):
    assert signatures.verify_pdf(b"not a pdf at all", [key.certificate]).status == CHANGED
