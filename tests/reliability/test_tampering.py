"""Tampering with signed minutes (issue 12). Real minutes are rendered, approved and signed
by the chair through the services; then each way of changing the signed file is tried, and
every changed file must be caught by three checkers: `python main.py verify` (a process of
its own, exit 0 only if valid), the verification service the window uses, and poppler's
pdfsig with an NSS database trusting the known signers. The untouched file must pass all
three.

Beyond the named cases, each byte of the file's structure (everything but stream data and
the signature value) is flipped in turn, $MINUTE_BOOK_FLIPS of them spread evenly (all of
them in `make reliability`), and the service must refuse each without an error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509

from desktop_app.cli import main
from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.services.signatures import signing, verification
from desktop_app.signing import keys, signatures
from desktop_app.signing.signatures import CHANGED, UNKNOWN_SIGNER, UNSIGNED, VALID
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Signer
from tests.signing.pdfs import (
    PASSPHRASE,
    add_page,
    append_update,
    change_text,
    copied_certificate_key,
    flip_byte,
    flip_page_content,
    nss_trusting,
    pdfsig,
    pdfsig_accepts,
    replace_page,
    resign,
    rewrite_replacing_page,
    same_name_key,
    strip_signature,
)
from tests.signing.record import approve, make_board
from tests.test_cli import python_main

FLIPS = int(os.environ.get("MINUTE_BOOK_FLIPS", "150"))


@dataclass(frozen=True)
class Case:
    tamper: Callable[[bytes, x509.Certificate], bytes]
    status: str  # what `verify` and the service must report


CASES = {
    "untouched": Case(lambda signed, chair: signed, VALID),
    # Flipped bytes inside the signed range: in what a page shows, and in three places of
    # the structure where the reader once stumbled (found by the sweep below).
    "flipped byte in a page's content": Case(
        lambda signed, chair: flip_page_content(signed), CHANGED
    ),
    "flipped byte in the signature's permissions": Case(
        lambda signed, chair: flip_byte(signed, _last(signed, rb"/Transform(Method)")), CHANGED
    ),
    # "/V 31 0 R" made "/V 31 1 R": the signature field's value is an object that is not there.
    "flipped byte in the signature field's value": Case(
        lambda signed, chair: flip_byte(signed, _last(signed, rb"/V \d+ (\d+) R")), CHANGED
    ),
    # "/Type /Catalog" made "/Type .Catalog" in the catalogue the signature's revision wrote.
    "flipped byte in the catalogue": Case(
        lambda signed, chair: flip_byte(signed, _last(signed, rb"/Type (/)Catalog")), CHANGED
    ),
    "incremental update changing the title": Case(
        lambda signed, chair: append_update(signed), CHANGED
    ),
    "incremental update adding a page": Case(lambda signed, chair: add_page(signed), CHANGED),
    "incremental update changing text on a page": Case(
        lambda signed, chair: change_text(signed), CHANGED
    ),
    "incremental update replacing a page's content": Case(
        lambda signed, chair: replace_page(signed), CHANGED
    ),
    "file rewritten with a page replaced": Case(
        lambda signed, chair: rewrite_replacing_page(signed), CHANGED
    ),
    "signature stripped": Case(lambda signed, chair: strip_signature(signed), UNSIGNED),
    "re-signed by a key in the chair's name": Case(
        lambda signed, chair: resign(signed, same_name_key(chair)), UNKNOWN_SIGNER
    ),
    "re-signed by a copy of the chair's certificate": Case(
        lambda signed, chair: resign(signed, copied_certificate_key(chair)), UNKNOWN_SIGNER
    ),
}


def _last(signed: bytes, pattern: bytes) -> int:
    """Where the pattern's group starts in its last match: in the newest revision, the one a
    reader reads."""
    *_, found = re.finditer(pattern, signed)
    return found.start(1)


@dataclass(frozen=True)
class SignedRecord:
    data_dir: Path
    signed: bytes
    certificates: list[x509.Certificate]  # the known signers'
    nssdir: Path
    files: dict[str, Path]


@pytest.fixture(scope="module")
def record(tmp_path_factory) -> SignedRecord:
    """A data folder whose first meeting's minutes the chair signed; the signed file and each
    tampered copy of it; an NSS database trusting the chair's certificate."""
    root = tmp_path_factory.mktemp("tampering")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(signing.KEYS_ENV, str(root / "keys"))
        open_database(root / "data")
        try:
            board = make_board(2)
            approve(board, 0)
            _, key = signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE)
            first = board.meetings[0].id
            signing.sign_minutes(
                meeting_id=first, key_path=key, passphrase=PASSPHRASE, render=render_minutes
            )
            signed = signing.signed_pdf(first)
            pems = [s.certificate_pem for s in Signer.live()]
        finally:
            close_database()
    [chair] = [keys.load_certificate(pem) for pem in pems]
    files = {}
    for n, (name, case) in enumerate(CASES.items()):
        files[name] = root / f"{n:02}.pdf"
        files[name].write_bytes(case.tamper(signed, chair))
    return SignedRecord(root / "data", signed, [chair], nss_trusting(root / "nss", pems), files)


@pytest.fixture
def opened(record):
    open_database(record.data_dir)
    yield
    close_database()


def test_every_case_changes_the_file(record):
    contents = [path.read_bytes() for path in record.files.values()]
    assert len(set(contents)) == len(CASES)


@pytest.mark.parametrize("name", CASES)
def test_the_verify_command_passes_only_the_untouched_file(record, name, capsys):
    # In this process (a fresh interpreter a case was 3 s of the suite); the last two tests
    # run the real command line.
    code = main(["--data-dir", str(record.data_dir), "verify", str(record.files[name])])
    done = capsys.readouterr()
    assert done.err == ""
    first = done.out.splitlines()[0]
    assert first.startswith(f"Status: {CASES[name].status} — "), done.out
    assert code == (0 if name == "untouched" else 1)


@pytest.mark.parametrize("name", CASES)
def test_the_verification_service_passes_only_the_untouched_file(record, opened, name):
    report = verification.verify_pdf(record.files[name].read_bytes())
    assert report.status == CASES[name].status, report.verification.detail
    assert report.ok == (name == "untouched")
    if name.startswith("incremental update"):
        assert "not all of it is signed" in report.verification.detail


@pytest.mark.parametrize("name", CASES)
def test_pdfsig_passes_only_the_untouched_file(record, name):
    report = pdfsig(record.files[name], nssdir=record.nssdir)
    assert pdfsig_accepts(report) == (name == "untouched"), report


def test_a_key_in_the_chairs_name_is_reported_as_not_the_chairs(record):
    path = record.files["re-signed by a key in the chair's name"]
    done = python_main("--data-dir", str(record.data_dir), "verify", str(path))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "Status: unknown signer — The certificate bears the name of Cllr Chris Garland but is "
        "not the one registered for them."
    )


def test_a_damaged_signed_file_is_one_sentence_on_the_command_line(record):
    path = record.files["flipped byte in the signature's permissions"]
    done = python_main("--data-dir", str(record.data_dir), "verify", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.startswith("Status: changed — The file cannot be read as a signed PDF")


def test_flipping_any_byte_of_the_structure_is_refused(record):
    """$MINUTE_BOOK_FLIPS bytes outside stream data and the signature value, spread evenly
    over the file, each flipped alone: each file is reported changed (or unsigned, when the
    flip hides the signature), never valid, never an error."""
    offsets = _structure(record.signed)
    step = max(1, len(offsets) // FLIPS)
    tried = refused = 0
    for at in offsets[::step]:
        flipped = bytearray(record.signed)
        flipped[at] ^= 1
        found = signatures.verify_pdf(bytes(flipped), record.certificates)
        tried += 1
        refused += found.status in (CHANGED, UNSIGNED)
    assert tried >= min(FLIPS, len(offsets))
    assert refused == tried


def _structure(signed: bytes) -> list[int]:
    """Offsets of every byte outside stream data and the signature value (/Contents <…>):
    the objects, cross-reference tables and trailers a reader must parse."""
    skipped = bytearray(len(signed))
    for found in re.finditer(rb"stream\r?\n(.*?)endstream", signed, re.S):
        skipped[found.start(1) : found.end(1)] = b"\1" * (found.end(1) - found.start(1))
    value = re.search(rb"/Contents\s*<([0-9a-fA-F]*)>", signed)
    skipped[value.start(1) : value.end(1)] = b"\1" * (value.end(1) - value.start(1))
    return [at for at in range(len(signed)) if not skipped[at]]
