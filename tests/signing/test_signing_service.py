"""Signers and signing approved minutes: who may sign, what is stored, what is refused."""

from __future__ import annotations

import datetime as dt
import stat

import pytest

from desktop_app.documents.approval import approval_wording
from desktop_app.errors import ValidationError
from desktop_app.services.decisions import minutes, minutes_versions
from desktop_app.services.signatures import signing, verification
from desktop_app.signing import keys
from desktop_app.storage import store
from desktop_app.storage.models import JournalEntry, Meeting, MinutesVersion, Signer
from tests.exchange.databases import every_row
from tests.signing.pdfs import PASSPHRASE

# -- signers ----------------------------------------------------------------------------------


def test_a_new_signer_keeps_the_certificate_and_leaves_the_key_in_the_keys_folder(
    board, chair_key, keys_folder
):
    [signer] = Signer.select()
    assert chair_key.parent == keys_folder
    assert stat.S_IMODE(chair_key.stat().st_mode) == 0o600
    certificate = keys.open_key_file(chair_key.read_bytes(), PASSPHRASE).certificate
    assert signer.fingerprint == keys.fingerprint(certificate)
    assert "BEGIN CERTIFICATE" in signer.certificate_pem
    journal = " ".join(e.fields for e in JournalEntry.select())
    assert "PRIVATE KEY" not in journal and "PRIVATE KEY" not in signer.certificate_pem


def test_a_new_signers_certificate_names_the_person_role_and_organisation(board, chair_key):
    [entry] = signing.list_signers()
    assert (entry.person, entry.name) == ("Cllr Chris Garland", "Cllr Chris Garland")
    assert (entry.role, entry.organisation) == (
        "Leader of the Council",
        "Maidstone Borough Council",
    )
    assert entry.key_path == chair_key


def test_a_key_can_also_be_written_where_the_clerk_asks(board, tmp_path):
    out = tmp_path / "garland.p12"
    signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE, out=out)
    assert keys.open_key_file(out.read_bytes(), PASSPHRASE)


def test_an_existing_key_file_is_imported_for_a_person(board, tmp_path):
    path = tmp_path / "their.pfx"
    path.write_bytes(
        keys.make_key_file(name="C Garland", role="Chair", organisation="", passphrase=PASSPHRASE)
    )
    signer = signing.import_signer(person_id=board.chair.id, key_path=path, passphrase=PASSPHRASE)
    assert signer.person_id == board.chair.id
    assert signing.key_file_for(board.chair.id).read_bytes() == path.read_bytes()


def test_someone_elses_key_cannot_be_imported_for_another_person(board, chair_key):
    with pytest.raises(ValidationError, match="already registered to Cllr Chris Garland"):
        signing.import_signer(person_id=board.clerk.id, key_path=chair_key, passphrase=PASSPHRASE)


# -- signing ----------------------------------------------------------------------------------


def test_signing_stores_the_signed_pdf_and_marks_the_version_signed(board, sign):
    first = board.meetings[0]
    version = sign(first)
    stored = MinutesVersion.get_by_id(version.id)
    assert stored.state == "signed"
    assert stored.signed_by.person_id == board.chair.id
    assert stored.signed_at
    assert store.has(stored.pdf_sha256)
    assert Meeting.get_by_id(first.id).status == "minutes signed"
    assert signing.signed_pdf(first.id) == store.path_of(stored.pdf_sha256).read_bytes()


def test_signed_minutes_verify_as_valid_with_the_chairs_name(board, sign):
    sign(board.meetings[0])
    report = verification.verify_meeting(board.meetings[0].id)
    assert report.ok and report.signer == "Cllr Chris Garland"
    assert report.verification.fingerprint == Signer.get().fingerprint


def test_minutes_not_signed_have_no_signed_pdf_nor_badge(board):
    assert signing.signed_pdf(board.meetings[0].id) is None
    assert verification.verify_meeting(board.meetings[0].id) is None


@pytest.fixture
def unchanged(board, chair_key):
    """Assert a refusal left every table as it was."""

    class Check:
        def __enter__(self):
            self.before = every_row()

        def __exit__(self, *exc):
            assert every_row() == self.before
            return False

    return Check()


def test_minutes_not_yet_approved_are_refused(board, sign, unchanged):
    with unchanged, pytest.raises(ValidationError, match="have not been approved yet"):
        sign(board.meetings[1])


def test_a_wrong_passphrase_is_refused(board, sign, unchanged):
    with unchanged, pytest.raises(ValidationError, match="passphrase does not open"):
        sign(board.meetings[0], passphrase="not the passphrase")


def test_an_expired_certificate_is_refused(board, sign, unchanged):
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=365 * 11)
    with unchanged, pytest.raises(ValidationError, match="expired on"):
        sign(board.meetings[0], now=lambda: later)


def test_a_key_of_someone_who_did_not_preside_at_the_approving_meeting_is_refused(
    board, sign, unchanged
):
    _, clerk_key = signing.create_signer(person_id=board.clerk.id, passphrase=PASSPHRASE)
    with (
        unchanged,
        pytest.raises(
            ValidationError,
            match="This key is Sam Clerk's, but Cllr Chris Garland presided at the meeting of "
            "17 December 2012",
        ),
    ):
        sign(board.meetings[0], key=clerk_key)


def test_a_key_registered_to_no_one_is_refused(board, sign, unchanged, tmp_path):
    stray = tmp_path / "stray.p12"
    stray.write_bytes(
        keys.make_key_file(name="Chris Garland", role="", organisation="", passphrase=PASSPHRASE)
    )
    with unchanged, pytest.raises(ValidationError, match="not registered to anyone"):
        sign(board.meetings[0], key=stray)


def test_minutes_already_signed_are_refused(board, sign):
    sign(board.meetings[0])
    with pytest.raises(ValidationError, match="already signed"):
        sign(board.meetings[0])


def test_a_missing_key_file_is_refused_in_one_sentence(board, sign, tmp_path):
    with pytest.raises(ValidationError, match="There is no key file"):
        sign(board.meetings[0], key=tmp_path / "nowhere.p12")


# -- signed minutes are immutable ---------------------------------------------------------------


def test_signed_minutes_refuse_edits(board, sign):
    sign(board.meetings[0])
    item = board.approving_items[0]
    with pytest.raises(ValidationError, match="can no longer change"):
        minutes.set_item_notes(item_id=item, notes="Rewritten after signing.")


def test_signed_minutes_cannot_be_unapproved(board, sign):
    sign(board.meetings[0])
    with pytest.raises(ValidationError, match="are signed and can no longer change"):
        minutes_versions.unapprove(meeting_id=board.meetings[0].id)


# -- the chained record -------------------------------------------------------------------------


def test_the_approval_wording_names_the_date_version_and_fingerprint(board):
    from desktop_app.storage.models import Resolution

    approval = Resolution.get(Resolution.approves_sha256 != "")
    version = MinutesVersion.get(MinutesVersion.meeting == board.meetings[0].id)
    assert approval_wording(approval) == (
        "The minutes of the meeting held on 1 October 2012, version "
        f"{version.version}, SHA-256 {version.content_sha256}, were approved as a correct record."
    )
