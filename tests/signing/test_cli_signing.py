"""`signer new|import|list`, `sign` and `verify` on the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.cli import main
from desktop_app.documents import minutes_pdf
from desktop_app.services.signatures import signing
from desktop_app.signing.signatures import StampText
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Meeting
from tests.signing.conftest import render
from tests.signing.pdfs import PASSPHRASE, small_pdf
from tests.signing.record import approve, make_board

BODY = "Maidstone Locality Board"


@pytest.fixture
def folder(data_dir, monkeypatch):
    """A data folder with three meetings, the first approved at the second."""
    open_database(data_dir)
    board = make_board(3)
    approve(board, 0)
    close_database()
    monkeypatch.setenv("MINUTE_BOOK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(minutes_pdf, "render_minutes", render)
    return data_dir


def run(folder, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def one_sentence(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


@pytest.fixture
def key(folder, tmp_path, capsys):
    out = tmp_path / "garland.p12"
    assert run(folder, "signer", "new", "--name", "Chris Garland", "--out", str(out)) == 0
    capsys.readouterr()
    return out


@pytest.fixture
def signed(folder, key, tmp_path, capsys):
    """The first meeting signed; its signed PDF written out."""
    assert run(folder, "sign", "--body", BODY, "--date", "2012-10-01", "--key", str(key)) == 0
    capsys.readouterr()
    open_database(folder)
    board_meeting = Meeting.get(Meeting.date == "2012-10-01")
    path = tmp_path / "signed.pdf"
    path.write_bytes(signing.signed_pdf(board_meeting.id))
    close_database()
    return path


def test_signer_new_writes_the_key_and_names_its_certificate(folder, tmp_path, capsys):
    out = tmp_path / "garland.p12"
    assert run(folder, "signer", "new", "--name", "garland", "--out", str(out)) == 0
    said = capsys.readouterr().out
    assert said.startswith("Made a signing key for Cllr Chris Garland: ")
    assert "Certificate SHA-256: " in said
    assert out.is_file()


def test_signer_new_for_no_such_person_is_one_sentence(folder, tmp_path, capsys):
    out = tmp_path / "x.p12"
    assert run(folder, "signer", "new", "--name", "Nobody", "--out", str(out)) == 2
    assert one_sentence(capsys.readouterr().err) == "There is no person called Nobody."


def test_signer_import_registers_an_existing_key(folder, tmp_path, capsys):
    from desktop_app.signing import keys

    path = tmp_path / "clerk.pfx"
    path.write_bytes(
        keys.make_key_file(name="Sam Clerk", role="", organisation="", passphrase=PASSPHRASE)
    )
    assert run(folder, "signer", "import", str(path), "--name", "Sam Clerk") == 0
    assert capsys.readouterr().out.startswith("Registered the key in clerk.pfx for Sam Clerk.")


def test_signer_list_shows_the_signer(folder, key, capsys):
    assert run(folder, "signer", "list") == 0
    assert "Cllr Chris Garland  Leader of the Council" in capsys.readouterr().out


def test_sign_then_verify_says_valid_with_signer_time_and_fingerprint(folder, signed, capsys):
    assert run(folder, "verify", str(signed)) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("Status: valid")
    assert said[1] == "Signer: Cllr Chris Garland"
    assert said[2].startswith("Signed at: ")
    assert said[3].startswith("Certificate SHA-256: ")


def test_verify_of_a_signature_made_after_its_certificate_expired_fails(
    folder, key, tmp_path, capsys
):
    from desktop_app.signing import keys, signatures

    opened = keys.open_key_file(key.read_bytes(), PASSPHRASE)
    late = keys.facts(opened.certificate).not_after + dt.timedelta(days=30)
    path = tmp_path / "late.pdf"
    path.write_bytes(
        signatures.sign_pdf(
            small_pdf(), opened, StampText("Cllr Chris Garland", "", ""), signed_at=late
        )
    )
    assert run(folder, "verify", str(path)) == 1
    said = capsys.readouterr().out
    assert said.startswith("Status: not valid — The signature says it was made on ")
    assert "when its certificate was not valid" in said


def test_verify_without_the_signers_certificate_says_unknown_signer(signed, tmp_path, capsys):
    assert run(tmp_path / "elsewhere", "verify", str(signed)) == 1
    assert capsys.readouterr().out.startswith("Status: unknown signer")


def test_sign_with_a_wrong_passphrase_is_one_sentence(folder, key, monkeypatch, capsys):
    monkeypatch.setenv("MINUTE_BOOK_PASSPHRASE", "wrong passphrase")
    code = run(folder, "sign", "--body", BODY, "--date", "2012-10-01", "--key", str(key))
    assert code == 2
    assert "passphrase does not open" in one_sentence(capsys.readouterr().err)


def test_sign_of_minutes_not_approved_is_one_sentence(folder, key, capsys):
    code = run(folder, "sign", "--body", BODY, "--date", "2012-12-17", "--key", str(key))
    assert code == 2
    assert "have not been approved yet" in one_sentence(capsys.readouterr().err)


def test_sign_of_a_date_without_a_meeting_is_one_sentence(folder, key, capsys):
    code = run(folder, "sign", "--body", BODY, "--date", "2012-10-02", "--key", str(key))
    assert code == 2
    assert one_sentence(capsys.readouterr().err) == f"{BODY} has no meeting on 2 October 2012."


def test_verify_chain_walks_the_bodys_signed_minutes(folder, signed, capsys):
    assert run(folder, "verify", "--chain", "--body", BODY) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"The chain of {BODY} holds: 1 signed minutes."
    )


def test_verify_chain_of_a_body_without_signed_minutes_fails(folder, capsys):
    assert run(folder, "verify", "--chain", "--body", BODY) == 1


def test_verify_of_a_missing_file_is_one_sentence(folder, tmp_path, capsys):
    assert run(folder, "verify", str(tmp_path / "none.pdf")) == 2
    assert one_sentence(capsys.readouterr().err).startswith("There is no file")
