"""The chained record: each signed set of minutes was approved by a resolution recording
its fingerprint, at a meeting whose own signed minutes hold that resolution."""

from __future__ import annotations

import pytest

from desktop_app.services.signatures import signing, verification
from desktop_app.storage import store
from desktop_app.storage.models import MinutesVersion, Resolution, db
from tests.signing.conftest import render
from tests.signing.pdfs import PASSPHRASE, small_pdf
from tests.signing.record import approve, make_board


@pytest.fixture
def chain(database):
    """Four meetings; the first three approved at the next and signed by the chair."""
    board = make_board(4)
    _, key = signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE)
    for index in range(3):
        approve(board, index)
    board.key = key
    return board


def sign(board, index: int) -> MinutesVersion:
    return signing.sign_minutes(
        meeting_id=board.meetings[index].id,
        key_path=board.key,
        passphrase=PASSPHRASE,
        render=render,
    )


def test_a_chain_of_three_signed_meetings_verifies(chain):
    for index in range(3):
        sign(chain, index)
    report = verification.verify_chain(body_id=chain.body_id)
    assert report.ok
    assert [link.date for link in report.links] == [
        "1 October 2012",
        "17 December 2012",
        "18 March 2013",
    ]


def test_each_signed_meeting_holds_the_fingerprint_of_the_one_before(chain):
    for index in range(3):
        sign(chain, index)
    for earlier, later in zip(chain.meetings[:2], chain.meetings[1:3], strict=True):
        approved = MinutesVersion.get(MinutesVersion.meeting == earlier.id)
        approval = Resolution.get(Resolution.approves_version == approved.id)
        assert approval.item.meeting_id == later.id
        assert approval.approves_sha256 == approved.content_sha256


def test_replacing_the_middle_pdf_in_the_store_breaks_the_chain_at_that_link(chain):
    for index in range(3):
        sign(chain, index)
    middle = MinutesVersion.get(
        (MinutesVersion.meeting == chain.meetings[1].id) & (MinutesVersion.state == "signed")
    )
    store.path_of(middle.pdf_sha256).write_bytes(small_pdf(2))

    report = verification.verify_chain(body_id=chain.body_id)

    assert not report.ok
    assert report.broken.date == "17 December 2012"
    assert "not the one that was signed" in report.broken.reason
    assert [link.ok for link in report.links] == [True, False]


def test_a_meeting_between_signed_ones_left_unsigned_is_a_missing_link(chain):
    sign(chain, 0)
    sign(chain, 2)
    report = verification.verify_chain(body_id=chain.body_id)
    assert report.broken.date == "17 December 2012"
    assert "missing a link" in report.broken.reason


def test_minutes_changed_behind_the_services_back_break_the_chain(chain):
    for index in range(2):
        sign(chain, index)
    with db.atomic():  # as a damaged sync might
        db.execute_sql(
            "UPDATE minute SET notes = 'Rewritten.' WHERE item_id IN "
            "(SELECT id FROM agenda_item WHERE meeting_id = ?)",
            (chain.meetings[0].id,),
        )
    report = verification.verify_chain(body_id=chain.body_id)
    assert report.broken.date == "1 October 2012"
    assert "changed since they were approved" in report.broken.reason


def test_a_body_with_no_signed_minutes_has_an_empty_chain(chain):
    report = verification.verify_chain(body_id=chain.body_id)
    assert report.links == [] and not report.ok
