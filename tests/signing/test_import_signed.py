"""Signed minutes refuse edits arriving by import; an import that leaves them alone passes."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import export_data, import_data
from tests.exchange.databases import every_row


@pytest.fixture
def exported(board, sign, tmp_path):
    sign(board.meetings[0])
    return export_data()


def _first_meeting(data: dict) -> dict:
    [body] = [b for b in data["bodies"] if b["name"] == "Maidstone Locality Board"]
    return body["meetings"][0]


def test_an_import_changing_signed_minutes_is_refused_and_changes_nothing(exported, tmp_path):
    meeting = _first_meeting(exported)
    meeting["items"][1]["minute"]["notes"] = "Rewritten after signing."
    before = every_row()
    with pytest.raises(ValidationError, match="signed here and cannot change"):
        import_data(exported, base_dir=tmp_path)
    assert every_row() == before


def test_an_import_taking_back_the_signature_is_refused(exported, tmp_path):
    meeting = _first_meeting(exported)
    meeting["minutes_versions"][-1]["state"] = "approved"
    with pytest.raises(ValidationError, match=r"bodies\[0\]\.meetings\[0\]: the minutes of"):
        import_data(exported, base_dir=tmp_path)


def test_an_import_leaving_signed_minutes_alone_passes(exported, tmp_path):
    summary = import_data(exported, base_dir=tmp_path)
    assert not summary.changed
