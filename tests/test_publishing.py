"""Publishing into an outside folder: whole files or none, only public editions, a clear
refusal for a folder that cannot be used."""

from __future__ import annotations

import hashlib
import io
import json
import os

import pytest
from pypdf import PdfReader

from desktop_app import publishing
from desktop_app.documents import catalogue
from desktop_app.errors import ValidationError
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents, pack_issues
from desktop_app.services.signatures import signing
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Meeting, db
from tests.documents import conftest as documents_fixtures
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, make_report, pdf_text
from tests.signing.pdfs import PASSPHRASE
from tests.signing.record import sign_example

PREFIX = "2012-12-17 Maidstone Locality Board"

# The example meeting, with and without papers, as the document tests have them.
example_meeting = documents_fixtures.example_meeting
papered_meeting = documents_fixtures.papered_meeting


@pytest.fixture
def site(tmp_path):
    """The website's upload folder (the data folder is beside it in tmp_path)."""
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def names(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_write_replaces_the_file_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"old")
    publishing.write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert names(tmp_path) == ["agenda.pdf"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ValidationError) as refused:
        publishing.write_atomically(target, b"%PDF-new")
    assert str(refused.value) == (
        f"agenda.pdf could not be written into {tmp_path} (No space left on device)."
    )
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["agenda.pdf"]


def test_a_published_file_is_readable_by_others_as_the_umask_allows(tmp_path):
    # A web server or a colleague must be able to read what is published; mkstemp's 0600
    # would hide it from them.
    old = os.umask(0o022)
    try:
        publishing.write_atomically(tmp_path / "agenda.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert (tmp_path / "agenda.pdf").stat().st_mode & 0o777 == 0o644


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="There is no folder .*gone; choose one that exists"):
        publishing.write_atomically(tmp_path / "gone" / "agenda.pdf", b"%PDF")


def test_a_file_in_place_of_the_folder_is_refused(tmp_path):
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(ValidationError, match="is a file, not a folder"):
        publishing.check_folder(tmp_path / "site")


def test_a_folder_that_refuses_writing_is_named(tmp_path, monkeypatch):
    # Tests may run as root, for whom permissions do not stop a write: refuse at the source.
    def denied(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ValidationError, match=r"could not be written .*\(Permission denied\)"):
        publishing.write_atomically(tmp_path / "agenda.pdf", b"%PDF")
    assert names(tmp_path) == []


def test_the_meetings_public_editions_are_published(example_meeting, site):
    written = publishing.publish_meeting(example_meeting, site)
    # No paper is attached, so there is no pack; the minutes are drafted, not yet approved.
    assert names(site) == sorted(p.name for p in written)
    assert names(site) == [f"{PREFIX} agenda (public).pdf", f"{PREFIX} minutes (draft).pdf"]


def test_approved_minutes_are_published_under_the_plain_name(example_meeting, site):
    body = Meeting.get_by_id(example_meeting).__data__["body"]
    october = meetings.find_meeting(body_id=body, date="2012-10-01")  # minutes approved
    path = publishing.publish_document("minutes", october.id, site)
    assert path.name == "2012-10-01 Maidstone Locality Board minutes.pdf"
    assert "DRAFT" not in pdf_text(path.read_bytes())


def test_the_issued_public_pack_is_published_byte_for_byte(papered_meeting, site, tmp_path):
    meeting = papered_meeting.meeting_id
    pack_issues.issue_pack(meeting_id=meeting, public=True)
    _late_paper(meeting, tmp_path)
    second = pack_issues.issue_pack(meeting_id=meeting, public=True)
    _late_paper(meeting, tmp_path, "Later still")  # not issued: must not be published
    publishing.publish_meeting(meeting, site)
    data = (site / f"{PREFIX} agenda pack (public).pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == second.pdf_sha256
    labels = PdfReader(io.BytesIO(data)).page_labels
    assert labels[:4] == ["1", "2", "2a", "3"]  # issue 2 with its page of changes, as issued
    assert "Later still" not in pdf_text(data)


def test_without_an_issue_the_public_pack_is_rendered_fresh(papered_meeting, site):
    path = publishing.publish_document("public-pack", papered_meeting.meeting_id, site)
    labels = PdfReader(path).page_labels
    assert labels == [str(n) for n in range(1, len(labels) + 1)]
    assert "Priorities and Performance" in pdf_text(path.read_bytes())


def test_a_public_pack_other_than_the_issued_one_is_refused(papered_meeting, site, tmp_path):
    meeting = papered_meeting.meeting_id
    issued = pack_issues.issue_pack(meeting_id=meeting, public=True)
    _late_paper(meeting, tmp_path)
    fresh = catalogue.document("public-pack").render(meeting)
    with pytest.raises(ValidationError, match="not issue 1 of the public agenda pack"):
        publishing.publish_document("public-pack", meeting, site, fresh)
    assert names(site) == []
    kept = pack_issues.pack_issue_pdf(issued.id)
    path = publishing.publish_document("public-pack", meeting, site, kept)
    assert path.read_bytes() == kept


def _late_paper(meeting_id: str, tmp_path, title: str = "Late paper") -> None:
    item = AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == "34"))
    documents.attach_document(
        item_id=item.id, path=make_report(tmp_path / f"{title}.pdf", title, 2), title=title
    )


def test_no_word_of_part_two_is_published(papered_meeting, site):
    publishing.publish_meeting(papered_meeting.meeting_id, site)
    assert f"{PREFIX} agenda pack (public).pdf" in names(site)
    for path in site.iterdir():
        words = pdf_text(path.read_bytes())
        assert SECRET_ITEM not in words and SECRET_PAPER not in words, path.name


def test_a_meeting_with_an_empty_agenda_has_nothing_to_publish(example_meeting, site):
    body = Meeting.get_by_id(example_meeting).__data__["body"]
    empty = meetings.create_meeting(body_id=body, date="2013-03-18")
    with pytest.raises(ValidationError, match="nothing to publish yet"):
        publishing.publish_meeting(empty.id, site)
    assert names(site) == []


@pytest.mark.parametrize("key", ["agenda", "pack", "confidential-minutes", "archive", "brief"])
def test_a_document_with_confidential_content_is_never_published(example_meeting, site, key):
    with pytest.raises(ValidationError, match="never published"):
        publishing.publish_document(key, example_meeting, site, b"%PDF")
    assert names(site) == []


def test_only_public_editions_are_publishable():
    public = {kind.key for kind in catalogue.DOCUMENTS.values() if kind.publishable}
    assert public == {"public-agenda", "public-pack", "minutes"}


# -- a public pack issued before something in it became confidential ------------------------

STALE = r"Issue 1 of the public agenda pack is stale: .* issue a new public edition"


def _item_34(meeting_id: str) -> AgendaItem:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == "34"))


def _refused_as_stale(meeting_id: str, site) -> str:
    with pytest.raises(ValidationError, match=STALE) as refused:
        publishing.publish_meeting(meeting_id, site)
    assert names(site) == []
    with pytest.raises(ValidationError, match=STALE):
        publishing.publish_document("public-pack", meeting_id, site)
    assert names(site) == []
    return str(refused.value)


def test_an_issue_from_before_its_item_became_part_two_is_not_published(papered_meeting, site):
    meeting = papered_meeting.meeting_id
    pack_issues.issue_pack(meeting_id=meeting, public=True)
    agenda.update_item(item_id=_item_34(meeting).id, confidential=True, exempt_paragraph="3")
    assert "item 34 has become confidential" in _refused_as_stale(meeting, site)


def test_an_issue_from_before_its_paper_was_marked_confidential_is_not_published(
    papered_meeting, site
):
    meeting = papered_meeting.meeting_id
    pack_issues.issue_pack(meeting_id=meeting, public=True)
    documents.update_document(document_id=papered_meeting.public_paper_id, confidential=True)
    assert "a paper on item 34 has become confidential" in _refused_as_stale(meeting, site)


def test_an_issue_from_before_a_sub_item_went_into_part_two_is_not_published(
    papered_meeting, site, tmp_path
):
    meeting = papered_meeting.meeting_id
    sub = agenda.add_item(meeting_id=meeting, title="Depot access", parent_id=_item_34(meeting).id)
    documents.attach_document(
        item_id=sub.id, path=make_report(tmp_path / "road.pdf", "Access road", 1), title="Road"
    )
    pack_issues.issue_pack(meeting_id=meeting, public=True)
    agenda.update_item(item_id=_item_34(meeting).id, confidential=True, exempt_paragraph="3")
    _refused_as_stale(meeting, site)


def test_an_issue_whose_item_is_now_a_part_two_item_of_its_own_is_not_published(
    papered_meeting, site
):
    # The clerk finds item 34 should not be public, withdraws it and adds it again in Part
    # II: a new item, but the issued pack still prints its title.
    meeting = papered_meeting.meeting_id
    pack_issues.issue_pack(meeting_id=meeting, public=True)
    title = _item_34(meeting).title
    agenda.update_item(item_id=_item_34(meeting).id, title="Withdrawn")
    agenda.add_item(meeting_id=meeting, title=title, confidential=True, exempt_paragraph="1")
    assert "words it prints are now in confidential item" in _refused_as_stale(meeting, site)


def test_a_new_public_edition_is_published_and_keeps_the_page_numbers(papered_meeting, site):
    meeting = papered_meeting.meeting_id
    first = pack_issues.issue_pack(meeting_id=meeting, public=True)
    documents.update_document(document_id=papered_meeting.public_paper_id, confidential=True)
    second = pack_issues.issue_pack(meeting_id=meeting, public=True)
    publishing.publish_meeting(meeting, site)
    data = (site / f"{PREFIX} agenda pack (public).pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == second.pdf_sha256
    words = pdf_text(data)
    assert "Priorities and Performance report" not in words
    assert "Priorities and Performance page" not in words
    kept = {e["part"]: e["labels"] for e in json.loads(first.pages)}
    now = {e["part"]: e["labels"] for e in json.loads(second.pages)}
    assert now["agenda"] == kept["agenda"]
    assert now[papered_meeting.public_paper_id] == kept[papered_meeting.public_paper_id]


def test_an_edit_that_makes_nothing_confidential_leaves_the_issue_publishable(
    papered_meeting, site
):
    meeting = papered_meeting.meeting_id
    issued = pack_issues.issue_pack(meeting_id=meeting, public=True)
    agenda.update_item(item_id=papered_meeting.confidential_item_id, title="Sale of a depot")
    agenda.update_item(item_id=_item_34(meeting).id, title="Priorities for the year")
    publishing.publish_meeting(meeting, site)
    data = (site / f"{PREFIX} agenda pack (public).pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == issued.pdf_sha256


def test_a_meeting_held_in_private_is_not_published(papered_meeting, site):
    meeting = papered_meeting.meeting_id
    meetings.update_meeting(meeting_id=meeting, is_public=False)
    for publish in (
        lambda: publishing.publish_meeting(meeting, site),
        lambda: publishing.publish_document("public-agenda", meeting, site),
    ):
        with pytest.raises(ValidationError) as refused:
            publish()
        assert str(refused.value) == (
            "This meeting was held in private, so none of its documents is published."
        )
    assert names(site) == []


def test_a_document_shown_before_an_item_became_part_two_is_not_published(papered_meeting, site):
    # The preview was opened before the change; its Publish button hands over those bytes.
    meeting = papered_meeting.meeting_id
    shown = catalogue.document("public-agenda").render(meeting)
    agenda.update_item(item_id=_item_34(meeting).id, confidential=True, exempt_paragraph="3")
    with pytest.raises(ValidationError, match="has changed since it was shown"):
        publishing.publish_document("public-agenda", meeting, site, shown)
    assert names(site) == []


def test_signed_minutes_whose_item_went_into_part_two_since_are_not_published(
    database, site, tmp_path, monkeypatch
):
    monkeypatch.setenv(signing.KEYS_ENV, str(tmp_path / "keys"))
    december = sign_example(PASSPHRASE)
    assert publishing.publish_document("minutes", december, site).is_file()  # as signed
    (site / f"{PREFIX} minutes.pdf").unlink()
    # No service or sync changes approved minutes now; a folder written by an older version
    # could hold such a change, written straight to the row here.
    with db.atomic():
        item = AgendaItem.get_by_id(_item_34(december).id)
        changes.update(item, confidential=True, exempt_paragraph="3")
    with pytest.raises(ValidationError) as refused:
        publishing.publish_document("minutes", december, site)
    assert str(refused.value) == (
        "The minutes of 17 December 2012 have changed since they were approved, so their signed "
        "copy may show what is now confidential and is not written out; put back what changed, "
        "or record a correction at the approving meeting."
    )
    assert names(site) == []
