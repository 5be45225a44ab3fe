"""Signed minutes travel: the signers' certificates, what signing recorded on a version and
the signed PDF beside the JSON. Imported into an empty data folder they verify, print as
the signed file byte for byte, and keep the chain; a bad certificate or a damaged file is
refused and changes nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop_app.documents.approval import approval_wording
from desktop_app.documents.catalogue import minutes_as_kept
from desktop_app.errors import ValidationError
from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.signatures import signing, verification
from desktop_app.signing import keys
from desktop_app.storage import store
from desktop_app.storage.models import Body, JournalEntry, Meeting, MinutesVersion, Signer
from tests.exchange.databases import every_row, opened
from tests.signing.conftest import render
from tests.signing.pdfs import PASSPHRASE
from tests.signing.record import approve, make_board

OCTOBER = "bodies[0].meetings[0].minutes_versions[0]"


@pytest.fixture(autouse=True)
def keys_folder(tmp_path, monkeypatch):
    folder = tmp_path / "config" / "keys"
    monkeypatch.setenv(signing.KEYS_ENV, str(folder))
    return folder


@pytest.fixture
def signed(tmp_path) -> SimpleNamespace:
    """A folder whose first two meetings' minutes are approved and signed by the chair,
    exported to out/board.json; what it exported and the signed files."""
    path = tmp_path / "out" / "board.json"
    path.parent.mkdir()
    with opened(tmp_path / "first"):
        board = make_board(3)
        _, key = signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE)
        pdfs = []
        for index in (0, 1):
            approve(board, index)
            signing.sign_minutes(
                meeting_id=board.meetings[index].id,
                key_path=key,
                passphrase=PASSPHRASE,
                render=render,
            )
            pdfs.append(signing.signed_pdf(board.meetings[index].id))
        export_file(path)
        data = export_data()
    return SimpleNamespace(path=path, data=data, pdfs=pdfs, file=_json(path))


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _meetings() -> list[Meeting]:
    return list(Meeting.select().order_by(Meeting.date))


# The round trip


def test_imported_signed_minutes_verify_and_print_as_the_signed_file(tmp_path, signed):
    with opened(tmp_path / "second"):
        import_file(signed.path)
        for meeting, pdf in zip(_meetings(), signed.pdfs, strict=False):
            report = verification.verify_meeting(meeting.id)
            assert (report.status, report.signer) == (verification.VALID, "Cllr Chris Garland")
            assert minutes_as_kept(meeting.id) == pdf


def test_the_chain_verifies_after_the_round_trip(tmp_path, signed):
    with opened(tmp_path / "second"):
        import_file(signed.path)
        chain = verification.verify_chain(body_id=Body.get().id)
        assert chain.ok and [link.version for link in chain.links] == [1, 1]
        approval = approval_wording(
            MinutesVersion.get(MinutesVersion.state == "signed").approvals.get()
        )
        assert approval.startswith("The minutes of the meeting held on 1 October 2012, version 1")


def test_the_record_exports_again_as_it_was(tmp_path, signed):
    with opened(tmp_path / "second"):
        import_file(signed.path)
        assert export_data() == signed.data
        (tmp_path / "again").mkdir()
        export_file(tmp_path / "again" / "board.json")
    assert _json(tmp_path / "again" / "board.json") == signed.file


def test_the_export_holds_the_certificate_and_what_signing_recorded(signed):
    [signer] = signed.file["signers"]
    certificate = keys.load_certificate(signer["certificate"])
    assert signer == {
        "person": "garland",
        "certificate": signer["certificate"],
        "fingerprint": keys.fingerprint(certificate),
    }
    version = signed.file["bodies"][0]["meetings"][0]["minutes_versions"][0]
    assert (version["state"], version["signed_by"]) == ("signed", "garland")
    assert version["signed_with"] == signer["fingerprint"]
    assert version["signed_at"].endswith("+00:00") and version["created_at"]
    pdf = (signed.path.parent / version["signed_pdf"]).read_bytes()
    assert pdf == signed.pdfs[0]
    assert hashlib.sha256(pdf).hexdigest() == version["pdf_sha256"]
    # The key file stays where it is: neither its name nor its folder travels.
    assert "key_hint" not in signed.path.read_text(encoding="utf-8")


def test_an_export_held_in_memory_names_no_signed_file(signed):
    version = signed.data["bodies"][0]["meetings"][0]["minutes_versions"][0]
    assert "signed_pdf" not in version and version["signed_by"] == "garland"


def test_an_imported_signer_has_no_key_file_here(tmp_path, signed):
    with opened(tmp_path / "second"):
        summary = import_file(signed.path)
        signer = Signer.get()
        assert (signer.person.key, signer.key_hint) == ("garland", "")
        assert signing.key_file_for(signer.person.id) is None
        assert summary.created["signers"] == 1 and "1 signer" in str(summary)


def test_a_second_import_writes_no_journal_entry(tmp_path, signed):
    for folder in ("first", "second"):
        with opened(tmp_path / folder):
            import_file(signed.path)
            journal, before = JournalEntry.select().count(), every_row()
            assert not import_file(signed.path).changed
            assert JournalEntry.select().count() == journal
            assert every_row() == before


# Certificates


def test_a_new_certificate_for_a_signer_is_added_beside_the_old(tmp_path, signed):
    other = _certificate("Chris Garland")
    signed.file["signers"].append(
        {"person": "garland", "certificate": other[0], "fingerprint": other[1]}
    )
    with opened(tmp_path / "first"):
        summary = import_data(signed.file, base_dir=signed.path.parent)
        assert dict(summary.created) == {"signers": 1}
        assert Signer.select().count() == 2
        for meeting in _meetings()[:2]:
            assert verification.verify_meeting(meeting.id).ok


def test_a_known_certificate_given_to_another_person_is_refused(tmp_path, signed):
    signed.file["signers"][0]["person"] = "clerk"
    with opened(tmp_path / "first"):
        message = _refused(signed.file, signed.path.parent)
    assert message == (
        "signers[0]: this certificate is Cllr Chris Garland's here, so it cannot be Sam "
        "Clerk's; a certificate identifies one signer"
    )


def test_signed_minutes_claimed_by_another_certificate_are_refused(tmp_path, signed):
    other = _certificate("Chris Garland")
    signed.file["signers"].append(
        {"person": "garland", "certificate": other[0], "fingerprint": other[1]}
    )
    signed.file["bodies"][0]["meetings"][0]["minutes_versions"][0]["signed_with"] = other[1]
    with opened(tmp_path / "first"):
        message = _refused(signed.file, signed.path.parent)
    assert message.startswith("bodies[0].meetings[0]: the minutes of 2012-10-01 are signed here")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            lambda s: s.update(certificate="-----BEGIN CERTIFICATE-----\nAAAA\n"),
            "signers[0].certificate: not a certificate in PEM form",
        ),
        (
            lambda s: s.update(certificate=_private_key()),
            "signers[0].certificate: holds a private key; only the certificate travels",
        ),
        (
            lambda s: s.update(fingerprint="0" * 64),
            "signers[0].fingerprint: does not match the certificate, whose SHA-256 is ",
        ),
        (lambda s: s.pop("fingerprint"), "signers[0].fingerprint: missing"),
        (
            lambda s: s.update(key_hint="garland-3f9a.p12"),
            "signers[0].key_hint: not a field of the format here",
        ),
        (lambda s: s.update(person="nobody"), "signers[0].person: unknown person “nobody”"),
    ],
)
def test_a_bad_signer_is_refused_with_its_path(tmp_path, signed, damage, expected):
    damage(signed.file["signers"][0])
    with opened(tmp_path / "second"):
        assert _refused(signed.file, signed.path.parent).startswith(expected)


def test_a_signer_listed_twice_is_refused(tmp_path, signed):
    signed.file["signers"].append(dict(signed.file["signers"][0]))
    with opened(tmp_path / "second"):
        message = _refused(signed.file, signed.path.parent)
    assert message == "signers[1].fingerprint: this certificate is listed already, at signers[0]"


def test_signed_with_a_certificate_the_signer_does_not_have_is_refused(tmp_path, signed):
    version = signed.file["bodies"][0]["meetings"][0]["minutes_versions"][0]
    version["signed_with"] = "ab" * 32
    with opened(tmp_path / "second"):
        message = _refused(signed.file, signed.path.parent)
    assert message == (
        f"{OCTOBER}.signed_with: Cllr Chris Garland has no certificate with this "
        "fingerprint; list it under signers"
    )


# The signed file


def test_a_damaged_signed_file_is_refused_and_nothing_is_stored(tmp_path, signed):
    name = signed.file["bodies"][0]["meetings"][0]["minutes_versions"][0]["signed_pdf"]
    damaged = bytearray(signed.pdfs[0])
    damaged[len(damaged) // 2] ^= 0x01
    (signed.path.parent / name).write_bytes(bytes(damaged))
    with opened(tmp_path / "second"):
        message = _refused(signed.file, signed.path.parent)
        assert not store.has(hashlib.sha256(damaged).hexdigest())
    assert message.startswith(f"{OCTOBER}.signed_pdf: {signed.path.parent / name} is not the file")


def test_a_swapped_signed_file_is_refused(tmp_path, signed):
    october, december = signed.file["bodies"][0]["meetings"][:2]
    october["minutes_versions"][0]["signed_pdf"] = december["minutes_versions"][0]["signed_pdf"]
    with opened(tmp_path / "second"):
        message = _refused(signed.file, signed.path.parent)
    assert message.startswith(f"{OCTOBER}.signed_pdf: ")
    assert "is not the file that was signed" in message


def test_a_missing_signed_file_is_refused(tmp_path, signed):
    name = signed.file["bodies"][0]["meetings"][0]["minutes_versions"][0]["signed_pdf"]
    (signed.path.parent / name).unlink()
    with opened(tmp_path / "second"):
        message = _refused(signed.file, signed.path.parent)
    assert message == f"{OCTOBER}.signed_pdf: there is no file {signed.path.parent / name}"


def test_signed_minutes_without_their_file_import_and_say_it_is_missing(tmp_path, signed):
    del signed.file["bodies"][0]["meetings"][0]["minutes_versions"][0]["signed_pdf"]
    with opened(tmp_path / "second"):
        import_data(signed.file, base_dir=signed.path.parent)
        october = _meetings()[0]
        assert verification.verify_meeting(october.id).status == verification.MISSING


# Helpers


def _refused(data: dict, base_dir: Path) -> str:
    """The refusal's message; the database must be exactly as it was."""
    before = every_row()
    with pytest.raises(ValidationError) as caught:
        import_data(data, base_dir=base_dir)
    assert every_row() == before
    return str(caught.value)


def _certificate(name: str) -> tuple[str, str]:
    """A new certificate for `name`: (PEM, fingerprint)."""
    data = keys.make_key_file(name=name, role="", organisation="", passphrase=PASSPHRASE)
    certificate = keys.open_key_file(data, PASSPHRASE).certificate
    return keys.certificate_pem(certificate), keys.fingerprint(certificate)


def _private_key() -> str:
    from cryptography.hazmat.primitives import serialization

    data = keys.make_key_file(name="x", role="", organisation="", passphrase=PASSPHRASE)
    key = keys.open_key_file(data, PASSPHRASE).private_key
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
