"""Fixtures for the signing tests: a keys folder of the test's own and a board whose
meetings approve each other's minutes."""

from __future__ import annotations

import pytest

from desktop_app.services.signatures import signing
from tests.signing.pdfs import PASSPHRASE, small_pdf
from tests.signing.record import approve, make_board


@pytest.fixture(autouse=True)
def keys_folder(tmp_path, monkeypatch):
    folder = tmp_path / "config" / "keys"
    monkeypatch.setenv(signing.KEYS_ENV, str(folder))
    return folder


@pytest.fixture
def board(database):
    """Three held meetings; the first's minutes approved at the second."""
    board = make_board(3)
    approve(board, 0)
    return board


@pytest.fixture
def chair_key(board):
    """The chair's key file (registered as a signer)."""
    _, path = signing.create_signer(person_id=board.chair.id, passphrase=PASSPHRASE)
    return path


def render(meeting_id: str) -> bytes:
    return small_pdf()


@pytest.fixture
def sign(chair_key):
    def sign(meeting, key=None, passphrase=PASSPHRASE, **extra):
        return signing.sign_minutes(
            meeting_id=meeting.id,
            key_path=key or chair_key,
            passphrase=passphrase,
            render=render,
            **extra,
        )

    return sign
