"""Service fixtures: checking that a refusal explains itself and writes nothing."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from desktop_app.errors import ValidationError
from desktop_app.storage.models import ALL_MODELS


def row_counts() -> dict[str, int]:
    """Rows in every table, the journal, the audit log and local settings included."""
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS}


def assert_sentence(message: str) -> None:
    """One line a clerk can read: a capital or an opening quote, a full stop, no traceback."""
    assert "\n" not in message and len(message) <= 400, message
    assert message[0].isupper() or message[0] == "“", message
    assert message.endswith("."), message
    assert "Traceback" not in message and "None" not in message, message


@pytest.fixture
def refused(database):
    """`with refused("ends before it starts"):` expects a ValidationError, saying those
    words in a readable sentence, and no row written anywhere."""

    @contextmanager
    def check(*words: str):
        before = row_counts()
        with pytest.raises(ValidationError) as caught:
            yield caught
        message = str(caught.value)
        assert_sentence(message)
        for word in words:
            assert word in message
        assert row_counts() == before

    return check
