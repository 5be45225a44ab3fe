"""The signature badge in the preview and on the meeting page: valid / changed / unknown
signer, with signer, time and certificate, checked off the GUI thread."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from desktop_app.services.signatures import signing
from desktop_app.signing import keys, signatures
from desktop_app.signing.signatures import CHANGED, UNKNOWN_SIGNER, VALID, StampText
from desktop_app.storage.models import Meeting
from tests.signing.pdfs import PASSPHRASE, append_update, small_pdf
from tests.signing.record import sign_example
from tests.ui.test_document_actions import open_preview
from ui.main_window import MainWindow
from ui.pdf_preview import PdfPreview


@pytest.fixture
def keys_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(signing.KEYS_ENV, str(tmp_path / "keys"))


# The day after the approving meeting, with a key made then: its certificate has expired
# since, and the minutes stay valid.
SIGNED = dt.datetime(2013, 3, 19, 10, 12, tzinfo=dt.UTC)


@pytest.fixture
def signed_meeting(database, keys_folder) -> str:
    """The example meeting of 17 December 2012, its minutes approved and signed."""
    return sign_example(PASSPHRASE, at=SIGNED)


@pytest.fixture
def window(qtbot, signed_meeting, data_dir) -> MainWindow:
    shown = MainWindow(data_dir)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def preview_of(qtbot, data: bytes) -> PdfPreview:
    """A preview opened on `data`, once its badge has its answer."""
    shown = PdfPreview(data, title="Minutes", file_name="minutes.pdf")
    qtbot.addWidget(shown)
    # The answer comes through the event loop, so it cannot arrive before this waits.
    with qtbot.waitSignal(shown.badge.checked, timeout=20000):
        shown.show()
    return shown


def settle() -> None:
    """Let every background check finish and deliver its answer."""
    QThreadPool.globalInstance().waitForDone(20000)
    QApplication.processEvents()


# -- the preview ---------------------------------------------------------------------------------


def test_signed_minutes_opened_from_the_documents_menu_show_a_valid_badge(
    qtbot, window, signed_meeting
):
    window.select("meeting", signed_meeting)
    preview = open_preview(qtbot, window, "minutes")
    badge = preview.badge
    if badge.status is None:
        qtbot.waitSignal(badge.checked, timeout=20000).wait()
    assert preview.data == signing.signed_pdf(signed_meeting)  # the file as kept
    assert badge.status == VALID and badge.isVisible()
    fingerprint = signing.list_signers()[0].fingerprint
    assert "Signed and unchanged" in badge.text()
    assert "Cllr Chris Garland, signed 19 Mar 2013 10:12 UTC" in badge.text()
    assert f"certificate {keys.short_fingerprint(fingerprint)}" in badge.text()
    assert f"Certificate SHA-256: {fingerprint}" in badge.toolTip()
    assert "Signed at: " in badge.toolTip()


def test_the_preview_opens_before_the_signature_is_checked(qtbot, signed_meeting):
    preview = PdfPreview(signing.signed_pdf(signed_meeting), title="Minutes", file_name="m.pdf")
    qtbot.addWidget(preview)
    assert preview.page_count() > 0 and preview.badge.status is None  # not waited for
    with qtbot.waitSignal(preview.badge.checked, timeout=20000):
        preview.show()
    assert preview.badge.status == VALID


def test_an_unsigned_pdf_shows_no_badge(qtbot, database):
    preview = preview_of(qtbot, small_pdf())
    assert not preview.badge.isVisible() and preview.badge.status is None


def test_a_file_changed_after_signing_shows_changed_and_why(qtbot, signed_meeting):
    preview = preview_of(qtbot, append_update(signing.signed_pdf(signed_meeting)))
    assert preview.badge.status == CHANGED and preview.badge.isVisible()
    assert "Changed since signing" in preview.badge.text()
    assert "not all of it is signed" in preview.badge.text()


def test_a_file_signed_with_a_key_nobody_registered_shows_an_unknown_signer(qtbot, database):
    stranger = keys.open_key_file(
        keys.make_key_file(name="A Stranger", role="", organisation="", passphrase=PASSPHRASE),
        PASSPHRASE,
    )
    signed = signatures.sign_pdf(small_pdf(), stranger, StampText("A Stranger", "", "today"))
    preview = preview_of(qtbot, signed)
    assert preview.badge.status == UNKNOWN_SIGNER
    assert "Signed by an unknown signer" in preview.badge.text()
    assert "A Stranger" in preview.badge.text()


# -- the meeting page ----------------------------------------------------------------------------


def test_a_signed_meeting_shows_its_badge_under_the_status(qtbot, window, signed_meeting):
    page = window.meeting_page
    with qtbot.waitSignal(page.badge.checked, timeout=20000):
        window.select("meeting", signed_meeting)
        # The page is shown at once; the badge says it is still checking.
        assert "Minutes signed" in page.heading.text()
        assert page.badge.isVisible() and "Checking the signature" in page.badge.text()
    assert page.badge.status == VALID
    assert "Signed and unchanged" in page.badge.text()
    assert "Cllr Chris Garland" in page.badge.text()


def test_an_unsigned_meeting_shows_no_badge(qtbot, window, signed_meeting):
    march = Meeting.get(Meeting.date == "2013-03-18")
    window.select("meeting", march.id)
    assert not window.meeting_page.badge.isVisible()


def test_a_late_answer_about_the_meeting_shown_before_is_dropped(qtbot, window, signed_meeting):
    window.select("meeting", signed_meeting)
    window.select("meeting", Meeting.get(Meeting.date == "2013-03-18").id)
    settle()
    badge = window.meeting_page.badge
    assert not badge.isVisible() and badge.status is None
