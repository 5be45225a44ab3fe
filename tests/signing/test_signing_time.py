"""A signature is judged at the time it says it was made: minutes signed while the chair's
certificate was valid stay valid after it expires; a signature claiming a time outside the
certificate's validity is not valid."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.signatures import signing, verification
from desktop_app.signing import keys, signatures
from desktop_app.signing.signatures import NOT_VALID, UNKNOWN_SIGNER, VALID, StampText
from tests.signing.pdfs import PASSPHRASE, pdfsig, small_pdf

STAMP = StampText(name="Cllr Chris Garland", role="Chairman", date="17 December 2012")
ISSUED = dt.datetime(2012, 12, 1, 9, 0, tzinfo=dt.UTC)  # valid for a year from here
SIGNED = dt.datetime(2012, 12, 17, 14, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def key() -> keys.KeyFile:
    data = keys.make_key_file(
        name="Chris Garland",
        role="Chairman",
        organisation="",
        passphrase=PASSPHRASE,
        now=ISSUED,
        years=1,
    )
    return keys.open_key_file(data, PASSPHRASE)


def signed_on(key: keys.KeyFile, moment: dt.datetime) -> bytes:
    return signatures.sign_pdf(small_pdf(1), key, STAMP, signed_at=moment)


def test_the_certificate_of_these_tests_has_expired_by_today(key):
    assert keys.facts(key.certificate).not_after < dt.datetime.now(dt.UTC)


def test_minutes_signed_before_the_certificate_expired_are_still_valid(key):
    found = signatures.verify_pdf(signed_on(key, SIGNED), [key.certificate])
    assert found.status == VALID, found.detail
    assert found.signed_at == SIGNED


def test_the_signature_records_the_time_of_the_clock_it_was_given(key, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_on(key, SIGNED))
    assert "Dec 17 2012 14:30:00" in pdfsig(path)


def test_a_signature_claiming_a_time_after_the_certificate_expired_is_not_valid(key):
    found = signatures.verify_pdf(
        signed_on(key, dt.datetime(2014, 2, 3, 10, 0, tzinfo=dt.UTC)), [key.certificate]
    )
    assert found.status == NOT_VALID and not found.ok
    assert found.detail == (
        "The signature says it was made on 3 February 2014 at 10:00 UTC, when its certificate "
        "was not valid (it is valid from 1 December 2012 to 1 December 2013)."
    )


def test_a_signature_claiming_a_time_before_the_certificate_was_issued_is_not_valid(key):
    found = signatures.verify_pdf(
        signed_on(key, dt.datetime(2012, 11, 5, tzinfo=dt.UTC)), [key.certificate]
    )
    assert found.status == NOT_VALID
    assert "made on 5 November 2012 at 00:00 UTC" in found.detail


def test_an_unknown_certificate_is_still_an_unknown_signer_after_it_expired(key):
    found = signatures.verify_pdf(signed_on(key, SIGNED), [])
    assert found.status == UNKNOWN_SIGNER


def test_signed_minutes_verify_after_the_chairs_certificate_expired(board):
    _, key_path = signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE, now=ISSUED)
    meeting = board.meetings[0]
    signing.sign_minutes(
        meeting_id=meeting.id,
        key_path=key_path,
        passphrase=PASSPHRASE,
        render=lambda _: small_pdf(),
        now=lambda: SIGNED,
    )
    [entry] = signing.list_signers()
    assert entry.valid_until < dt.date.today()
    report = verification.verify_meeting(meeting.id)
    assert report.status == VALID, report.verification.detail
    assert "Signed at: 2012-12-17T14:30:00+00:00" in report.lines()
